using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Metrics;
using NodaTime;

namespace Complaints.Core.Tests.Metrics;

/// <summary>
/// Twenty complaints around March 2026 whose every metric is worked out by hand in <see cref="MetricsAccumulatorTests"/>.
/// The period runs from Monday 2 March to Monday 6 April 2026 (UTC), five whole weeks.
/// </summary>
public static class MetricsDataSet
{
    public static readonly Interval March = new(At(3, 2, 0), At(4, 6, 0));

    public static MetricsOptions Options() => new()
    {
        RoleHourlyRates = { ["agent"] = 30m, ["manager"] = 60m },
        TeamHourlyRates = { ["billing"] = 40m },
        DefaultHourlyRate = 20m,
        CustomerBase = 10_000,
        TopCustomers = 3,
    };

    public static Instant At(int month, int day, int hour, int minute = 0) => Instant.FromUtc(2026, month, day, hour, minute);

    public static IReadOnlyList<ComplaintFacts> All() =>
    [
        Make("C01", Channel.Email, "billing/fees", "K1", "retail", At(3, 2, 9), ComplaintState.Closed, "billing", At(3, 2, 10), At(3, 2, 13),
            fcr: true, outcome: ComplaintOutcome.Upheld, root: "pricing", rating: 5, handling: [(60, "agent")], remedies: [Refund(50)], sla: [("response", SlaStatus.Met)]),
        Make("C02", Channel.Phone, "billing/fees", "K2", "retail", At(3, 3, 9), ComplaintState.Closed, "billing", At(3, 3, 11), At(3, 3, 17),
            fcr: true, outcome: ComplaintOutcome.Upheld, root: "pricing", rating: 4, handling: [(30, "agent")], remedies: [new Remedy(RemedyType.Apology)], sla: [("response", SlaStatus.Met)]),
        Make("C03", Channel.WebForm, "delivery/late", "K3", "business", At(3, 4, 9), ComplaintState.Closed, "logistics", At(3, 4, 12), At(3, 5, 9),
            outcome: ComplaintOutcome.PartlyUpheld, root: "delivery", rating: 3, handling: [(120, null)], remedies: [new Remedy(RemedyType.Credit, new Money(20m, "EUR"))], sla: [("response", SlaStatus.Breached)]),
        Make("C04", Channel.Email, "billing/fees", "K1", "retail", At(3, 9, 10), ComplaintState.Closed, "billing", At(3, 9, 11), At(3, 11, 10),
            recontact: At(3, 13, 10), fcr: true, outcome: ComplaintOutcome.NotUpheld, root: "pricing", rating: 2, handling: [(60, "manager")], sla: [("response", SlaStatus.Met)]),
        Make("C05", Channel.Phone, "delivery/late", "K4", "business", At(3, 10, 9), ComplaintState.Closed, "logistics", At(3, 10, 13), At(3, 20, 9),
            outcome: ComplaintOutcome.Upheld, root: "delivery", level: 1, handling: [(180, "agent")], remedies: [Refund(100)], sla: [("response", SlaStatus.Breached)]),
        Make("C06", Channel.Letter, "service/staff", "K5", null, At(1, 12, 9), ComplaintState.Closed, "billing", At(1, 12, 11), At(3, 16, 9),
            outcome: ComplaintOutcome.NotUpheld, root: "staff", rating: 1, level: 2, handling: [(240, "manager")], remedies: [new Remedy(RemedyType.Discount, new Money(30m, "EUR"))]),
        Make("C07", Channel.WebForm, "billing/fees", "K2", "retail", At(3, 16, 9), ComplaintState.Closed, "billing", At(3, 16, 10), At(3, 16, 11),
            fcr: true, outcome: ComplaintOutcome.Upheld, root: "pricing", rating: 5, handling: [(15, "agent")], sla: [("response", SlaStatus.Met)]),
        Make("C08", Channel.Email, "delivery/damaged", "K6", "business", At(3, 23, 9), ComplaintState.Closed, "logistics", At(3, 23, 10), At(3, 24, 9),
            firstClosed: At(3, 23, 12), reopened: At(3, 23, 18), recontact: At(3, 23, 18), fcr: true, outcome: ComplaintOutcome.Upheld, root: "delivery", rating: 4,
            handling: [(60, "agent")], sla: [("response", SlaStatus.Met)]),
        Make("C09", Channel.Phone, "service/staff", "K7", "retail", At(3, 30, 9), ComplaintState.Closed, "billing", At(3, 30, 11), At(3, 31, 9),
            fcr: true, outcome: ComplaintOutcome.NotUpheld, root: "staff", handling: [(60, null)], sla: [("response", SlaStatus.Met), ("final", SlaStatus.Met)]),
        Make("C10", Channel.Email, "service/staff", "K8", null, At(3, 25, 9), ComplaintState.Closed, null, At(3, 25, 10), At(3, 25, 15),
            kind: FeedbackKind.Suggestion, fcr: true, rating: 5),
        Make("C11", Channel.WebForm, "delivery/late", "K9", "retail", At(3, 30, 10), ComplaintState.Investigating, "logistics", At(3, 30, 12), null,
            sla: [("response", SlaStatus.Met), ("final", SlaStatus.Open)]),
        Make("C12", Channel.Email, "billing/fees", "K1", "retail", At(3, 20, 10), ComplaintState.Escalated, "billing", null, null,
            level: 1, sla: [("response", SlaStatus.Breached)]),
        Make("C13", Channel.Letter, "billing/fees", "K3", "business", At(2, 2, 10), ComplaintState.AwaitingCustomer, "billing", At(2, 2, 12), null),
        Make("C14", Channel.SocialMedia, "delivery/late", "K10", null, At(4, 5, 22), ComplaintState.Received, null, null, null),
        Make("C15", Channel.Phone, "billing/fees", "K2", "retail", At(3, 5, 9), ComplaintState.Withdrawn, "billing", At(3, 5, 10), At(3, 6, 9),
            handling: [(30, "agent")]),
        Make("C16", Channel.Email, "delivery/late", "K4", "business", At(3, 11, 9), ComplaintState.Referred, "logistics", At(3, 11, 13), At(3, 18, 9),
            level: 2, handling: [(120, "manager")]),
        Make("C17", Channel.WebForm, "service/staff", "K11", "retail", At(3, 12, 9), ComplaintState.Rejected, null, At(3, 12, 12), At(3, 12, 12),
            kind: FeedbackKind.Claim),
        Make("C18", Channel.Email, "billing/fees", "K12", "retail", At(4, 7, 9), ComplaintState.Received, null, null, null),
        Make("C19", Channel.Email, "billing/fees", "K12", "retail", At(3, 31, 9), ComplaintState.Closed, "billing", At(3, 31, 10), At(4, 8, 9),
            outcome: ComplaintOutcome.Upheld, handling: [(60, "agent")]),
        Make("C20", Channel.Phone, "billing/fees", "K5", null, At(2, 20, 9), ComplaintState.Closed, "billing", At(2, 20, 10), At(3, 3, 9),
            outcome: ComplaintOutcome.Upheld, root: "pricing", rating: 4, handling: [(60, "agent")]),
    ];

    private static Remedy Refund(decimal amount) => new(RemedyType.Refund, new Money(amount, "EUR"));

    private static ComplaintFacts Make(
        string id, Channel channel, string category, string customer, string? segment, Instant received, ComplaintState state, string? team,
        Instant? response, Instant? closed, FeedbackKind kind = FeedbackKind.Complaint, Instant? firstClosed = null, Instant? reopened = null,
        Instant? recontact = null, bool fcr = false, ComplaintOutcome? outcome = null, string? root = null, int? rating = null, int level = 0,
        (int Minutes, string? Role)[]? handling = null, Remedy[]? remedies = null, (string Target, SlaStatus Status)[]? sla = null) =>
        new(new ComplaintId(id), kind, channel, Category.Parse(category), new CustomerRef(customer, segment: segment), received)
        {
            State = state,
            Team = team,
            FirstResponseAt = response,
            ClosedAt = closed,
            FirstClosedAt = firstClosed,
            ReopenedAt = reopened,
            RecontactAt = recontact,
            ResolvedAtFirstContact = fcr,
            Outcome = outcome,
            RootCause = root,
            Rating = rating,
            HighestLevel = level,
            Handling = [.. (handling ?? []).Select(h => new HandlingTime(Duration.FromMinutes(h.Minutes), h.Role))],
            Remedies = remedies ?? [],
            Sla = [.. (sla ?? []).Select(s => new SlaResult(s.Target, s.Status))],
        };
}
