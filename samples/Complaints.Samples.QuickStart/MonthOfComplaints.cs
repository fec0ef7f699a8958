using Complaints.Core.Calendars;
using Complaints.Core.Deadlines;
using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Metrics;
using NodaTime;

/// <summary>A month of simulated complaints, each taken through the lifecycle along a random but valid path.</summary>
internal static class MonthOfComplaints
{
    private static readonly string[] Categories = ["Billing/Fees", "Billing/Refunds", "Delivery/Late", "Delivery/Damaged", "Products/Appliances/Defect", "Service/Staff"];
    private static readonly string[] RootCauses = ["PRICING.ERROR", "CARRIER.DELAY", "SUPPLIER.QUALITY", "STAFF.TRAINING", "SYSTEM.OUTAGE"];
    private static readonly string[] Teams = ["Billing", "Logistics", "Appliances"];
    private static readonly string[] Segments = ["Consumer", "Small business"];
    private static readonly Channel[] Channels = [Channel.Email, Channel.Phone, Channel.WebForm, Channel.Chat, Channel.SocialMedia];

    /// <summary>Receives <paramref name="count"/> complaints during March 2026 and handles each as far as <paramref name="asOf"/>.</summary>
    public static IEnumerable<Complaint> Simulate(ComplaintLifecycle lifecycle, int count, Instant asOf, int seed)
    {
        var random = new Random(seed);
        var march = Instant.FromUtc(2026, 3, 1, 0, 0);
        var agent = Actor.Staff("team.agent");
        for (var i = 0; i < count; i++)
        {
            var received = march + Duration.FromMinutes(random.Next(31 * 24 * 60));
            var customer = Actor.Customer($"cust-{random.Next(1, 200):D4}");
            var complaint = Complaint.Receive(
                new ComplaintId($"C-2026-{i + 1000:D6}"),
                new ComplaintIntake(
                    FeedbackKind.Complaint,
                    Channels[random.Next(Channels.Length)],
                    new CustomerRef(customer.Id, segment: Segments[random.Next(Segments.Length)]),
                    Category.Parse(Categories[random.Next(Categories.Length)]),
                    "Simulated complaint.",
                    received),
                lifecycle);
            var at = received;
            bool Step(double meanHours)
            {
                at += Duration.FromMinutes(1 + (int)(-Math.Log(1 - random.NextDouble()) * meanHours * 60));
                return at < asOf;
            }

            _ = Step(4) && Do(() => complaint.Acknowledge(agent, at))
                && Step(2) && Do(() => complaint.Assess(agent, at, Severity.Medium, Priority.Normal))
                && Do(() => complaint.Assign(agent, at, Teams[random.Next(Teams.Length)]))
                && Step(6) && Do(() => complaint.StartInvestigation(agent, at))
                && (random.NextDouble() > 0.05 || !Do(() => complaint.Withdraw(customer, at, "Sorted it out myself.")))
                && (random.NextDouble() > 0.25 || (Do(() => complaint.RequestInformation(agent, at, ["Order number?"]))
                    && Step(24) && Do(() => complaint.ProvideInformation(customer, at, "Order 1234."))))
                && Step(24) && Do(() => complaint.RecordHandlingTime(agent, at, Duration.FromMinutes(random.Next(10, 90)), "Agent"))
                && Do(() => complaint.ProposeResolution(agent, at, Remedies(random)))
                && (random.NextDouble() > 0.15 || (Step(12) && Do(() => complaint.RejectResolution(customer, at, consentToEscalate: true, "Not enough."))
                    && Step(24) && Do(() => complaint.RecordHandlingTime(agent, at, Duration.FromMinutes(random.Next(20, 60)), "Supervisor"))
                    && Do(() => complaint.ProposeResolution(Actor.Staff("sam.supervisor"), at, [new Remedy(RemedyType.Apology), new Remedy(RemedyType.Refund, new Money(random.Next(50, 300), "EUR"))]))))
                && Step(12) && Do(() => complaint.AcceptResolution(customer, at))
                && Step(48) && Do(() => complaint.StartFollowUp(agent, at))
                && Step(4) && Do(() => complaint.Close(agent, at, (ComplaintOutcome)random.Next(3), new RootCause(RootCauses[random.Next(RootCauses.Length)], ["Found in review."])))
                && (random.NextDouble() > 0.6 || (Step(24) && Do(() => complaint.Rate(customer, at, random.Next(1, 6)))));
            yield return complaint;
        }
    }

    private static Remedy[] Remedies(Random random) => random.Next(3) switch
    {
        0 => [new Remedy(RemedyType.Apology)],
        1 => [new Remedy(RemedyType.Apology), new Remedy(RemedyType.Refund, new Money(random.Next(5, 100), "EUR"))],
        _ => [new Remedy(RemedyType.Explanation), new Remedy(RemedyType.Credit, new Money(random.Next(5, 40), "EUR"))],
    };

    private static bool Do(Func<HistoryEntry> action)
    {
        action();
        return true;
    }
}
