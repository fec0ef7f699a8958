using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using NodaTime;

namespace Complaints.Core.Testing;

/// <summary>Real complaints, built with the verbs, whose histories together hold every type of history entry.</summary>
internal static class SampleComplaints
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 15);
    private static readonly Actor Agent = Actor.Staff("anna");
    private static readonly Actor Supervisor = Actor.Staff("sam");
    private static readonly Actor Customer = Actor.Customer("cust-1042");

    /// <summary>Gets one complaint closed, reopened and still open; one referred; one rejected.</summary>
    public static IReadOnlyList<Complaint> All(ComplaintLifecycle lifecycle) => [Reopened(lifecycle), Referred(lifecycle), Rejected(lifecycle)];

    private static ComplaintIntake Intake(Instant receivedAt) =>
        new(
            FeedbackKind.Complaint,
            Channel.Email,
            new CustomerRef("cust-1042", tier: "Gold", segment: "Consumer"),
            Category.Parse("Products/Appliances"),
            "The kettle stopped working after two days. \"Unacceptable\" — très décevant.\nSecond line.",
            receivedAt,
            occurredAt: receivedAt - Duration.FromDays(2),
            desiredOutcome: "A refund.",
            contact: "cust@example.org",
            severity: Severity.Medium,
            priority: Priority.Normal);

    /// <summary>
    /// A complaint taken through nearly every step, from receipt to closed and then reopened; the golden file of the
    /// canonical JSON format (in the repository's tests) is this complaint and a few more steps.
    /// </summary>
    /// <param name="id">The complaint's id.</param>
    /// <param name="lifecycle">The lifecycle.</param>
    /// <param name="start">When it is received.</param>
    /// <param name="lastAt">When its last entry, the reopening, was recorded.</param>
    /// <returns>The reopened complaint.</returns>
    internal static Complaint ClosedAndReopened(ComplaintId id, ComplaintLifecycle lifecycle, Instant start, out Instant lastAt)
    {
        var t = start;
        Instant Next(int minutes) => t += Duration.FromMinutes(minutes);
        var c = Complaint.Receive(id, Intake(start), lifecycle);
        c.RecordCommunication(Actor.System("mailer"), Next(1), CommunicationKind.AutomatedAcknowledgement, "We have your complaint.");
        c.Acknowledge(Agent, Next(20), "Sorry to hear that.");
        c.Assess(Agent, Next(40), Severity.High, Priority.High, Category.Parse("Products/Appliances/Kettles"), "Defect, simple.");
        c.Assign(Agent, Next(5), "Appliances", "anna");
        c.StartInvestigation(Agent, Next(10));
        c.RequestInformation(Agent, Next(10), ["Which order?", "When did you buy it?"]);
        c.ProvideInformation(Customer, Next(60), "Order 77, last week.");
        c.RecordCommunication(Agent, Next(5), CommunicationKind.HoldingReply, "We need two more days.");
        c.ChangePromisedDate(Agent, Next(1), start + Duration.FromDays(3));
        c.ChangeSeverity(Agent, Next(1), Severity.Medium);
        c.ChangePriority(Agent, Next(1), Priority.Urgent);
        c.ChangeCategory(Agent, Next(1), Category.Parse("Products/Appliances"));
        c.ChangeCustomerTier(Agent, Next(1), "Platinum");
        c.RecordHandlingTime(Agent, Next(1), Duration.FromMinutes(45) + Duration.FromSeconds(30), "Agent");
        c.ProposeResolution(Agent, Next(30), [new Remedy(RemedyType.Apology), new Remedy(RemedyType.Refund, new Money(39.90m, "EUR"), "Full price")], "Sorry.");
        c.RejectResolution(Customer, Next(60), consentToEscalate: true, "Not enough.");
        c.RecordApproval(Supervisor, Next(10), "Replacement above the agent's limit", "Approved by the supervisor.");
        c.ProposeResolution(Supervisor, Next(10), [new Remedy(RemedyType.Replacement), new Remedy(RemedyType.GiftCard, new Money(20m, "EUR"))]);
        c.AcceptResolution(Customer, Next(120), "Thanks.");
        c.StartFollowUp(Agent, Next(60 * 24 * 3), "Checking in.");
        c.Rate(Customer, Next(10), 4, "Good in the end.");
        c.Close(Agent, Next(5), ComplaintOutcome.Upheld, new RootCause("QA-BATCH-7", ["Heating element failed", "Batch not tested"]));
        c.Reopen(Customer, Next(60 * 24), "It broke again.");
        lastAt = t;
        return c;
    }

    private static Complaint Reopened(ComplaintLifecycle lifecycle)
    {
        var c = ClosedAndReopened(new ComplaintId("S-2026-000117"), lifecycle, Start, out var t);
        Instant Next(int minutes) => t += Duration.FromMinutes(minutes);
        c.RaiseLevel(Agent, Next(5), "Repeat failure.");
        c.LowerLevel(Supervisor, Next(30), "Reviewed; back to the agent.");
        c.StartInvestigation(Agent, Next(5));
        c.FlagAbusiveContact(Agent, Next(5), "Threatening call.");
        c.RecordPolicyApplication(Actor.System("policies"), Next(1), "update overdue", "Asked for a progress update.");
        return c;
    }

    private static Complaint Referred(ComplaintLifecycle lifecycle)
    {
        var c = Complaint.Receive(new ComplaintId("S-2026-000118"), Intake(Start + Duration.FromHours(1)), lifecycle);
        c.Acknowledge(Agent, Start + Duration.FromHours(2));
        c.Assess(Agent, Start + Duration.FromHours(3), Severity.High, Priority.High, Category.Parse("Products/Appliances/Kettles"));
        c.StartInvestigation(Agent, Start + Duration.FromHours(4));
        c.Escalate(Agent, Start + Duration.FromHours(5), "The customer asked for a manager.", customerConsent: true);
        c.Refer(Supervisor, Start + Duration.FromDays(2), "Financial Ombudsman Service", "FOS-123");
        return c;
    }

    private static Complaint Rejected(ComplaintLifecycle lifecycle)
    {
        var c = Complaint.Receive(new ComplaintId("S-2026-000119"), Intake(Start + Duration.FromHours(2)), lifecycle);
        c.Reject(Agent, Start + Duration.FromHours(3), RejectionReason.Duplicate, "Same as S-2026-000117.");
        return c;
    }
}
