using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using NodaTime;
using S = Complaints.Core.Domain.ComplaintState;
using T = Complaints.Core.Domain.ComplaintTrigger;

namespace Complaints.Core.Tests.Lifecycle;

/// <summary>
/// The eight steps of source article 000 as one scenario: received, acknowledged, information gathered, refund
/// proposed, customer rejects, escalated to a supervisor, replacement proposed and accepted, resolved, followed up,
/// closed with the customer's rating.
/// </summary>
public sealed class Article000StoryTests
{
    private static readonly Instant Received = Instant.FromUtc(2026, 3, 2, 9, 15);
    private static readonly Actor Agent = Actor.Staff("anna.agent");
    private static readonly Actor Supervisor = Actor.Staff("sam.supervisor");
    private static readonly Actor Customer = Actor.Customer("cust-1042");

    private static Instant At(double hours) => Received + Duration.FromHours(hours);

    [Fact]
    public void Story_FromReceiptToClosureWithRating_RecordsEveryStep()
    {
        var lifecycle = new ComplaintLifecycle();
        var complaint = Complaint.Receive(
            new ComplaintId("C-2026-000117"),
            new ComplaintIntake(
                FeedbackKind.Complaint,
                Channel.Phone,
                new CustomerRef("cust-1042", "Gold", "Consumer"),
                Category.Parse("Products/Appliances/Defect"),
                "The kettle stopped working after two days.",
                Received,
                occurredAt: Received - Duration.FromDays(1),
                desiredOutcome: "A working kettle."),
            lifecycle);
        Assert.Equal(S.Received, complaint.State);
        Assert.Empty(complaint.History);

        // Step 1: acknowledge, quickly and with empathy (within 24 hours).
        complaint.Acknowledge(Agent, At(0.25), "We are sorry; we are looking into it.");
        Assert.True(complaint.History[0].At - Received <= Duration.FromHours(24));

        // Step 2: gather information.
        complaint.Assess(Agent, At(1), Severity.Medium, Priority.High);
        complaint.StartInvestigation(Agent, At(2));
        complaint.RequestInformation(Agent, At(3), ["Order number?"]);
        complaint.ProvideInformation(Customer, At(20), "55-1201");

        // Step 3: apologise and offer a solution: a refund.
        complaint.ProposeResolution(Agent, At(22), [new Remedy(RemedyType.Apology), new Remedy(RemedyType.Refund, new Money(39.90m, "EUR"))]);

        // Step 7: the customer is not satisfied; with consent the case goes to a supervisor.
        complaint.RejectResolution(Customer, At(23), consentToEscalate: true, "I want a replacement, not money.");
        Assert.Equal((S.Escalated, "Supervisor"), (complaint.State, complaint.Level.Name));

        // The supervisor proposes a replacement; the customer accepts.
        complaint.ProposeResolution(Supervisor, At(25), [new Remedy(RemedyType.Apology), new Remedy(RemedyType.Replacement, new Money(39.90m, "EUR"))]);
        complaint.AcceptResolution(Customer, At(26));
        Assert.Equal(S.Resolved, complaint.State);

        // Step 4: follow up a few days later; step 5: document; close with the rating.
        complaint.StartFollowUp(Agent, At(96));
        complaint.Rate(Customer, At(97), 5, "Quick and kind.");
        complaint.Close(Agent, At(98), ComplaintOutcome.Upheld, new RootCause("SUPPLIER.QUALITY", ["Element failed", "Batch not tested"]));

        Assert.Equal(S.Closed, complaint.State);
        Assert.Equal(5, complaint.Rating);
        Assert.Equal(ComplaintOutcome.Upheld, complaint.Outcome);
        Assert.Equal(
            [
                (T.Acknowledge, S.Received, S.Acknowledged),
                (T.Assess, S.Acknowledged, S.Assessed),
                (T.StartInvestigation, S.Assessed, S.Investigating),
                (T.RequestInformation, S.Investigating, S.AwaitingCustomer),
                (T.ProvideInformation, S.AwaitingCustomer, S.Investigating),
                (T.ProposeResolution, S.Investigating, S.ResolutionProposed),
                (T.RejectResolution, S.ResolutionProposed, S.Escalated),
                (T.ProposeResolution, S.Escalated, S.ResolutionProposed),
                (T.AcceptResolution, S.ResolutionProposed, S.Resolved),
                (T.StartFollowUp, S.Resolved, S.FollowUp),
                (T.Rate, S.FollowUp, S.FollowUp),
                (T.Close, S.FollowUp, S.Closed),
            ],
            complaint.History.Select(h => (h.Trigger, h.From, h.To)));
        Assert.Equal(new ResolutionRejection("I want a replacement, not money.", true, 0, 1), complaint.History[6].Data);
        Assert.Equal(Supervisor, complaint.History[7].Actor);
        Assert.Equal(RemedyType.Replacement, complaint.LatestProposal!.Remedies[1].Type);
        Assert.Equal(12, complaint.GetPendingEvents().Count);
    }
}
