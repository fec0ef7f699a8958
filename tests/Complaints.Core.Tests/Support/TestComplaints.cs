using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using NodaTime;

namespace Complaints.Core.Tests.Support;

/// <summary>Builders for test complaints and a driver that takes one to any state along a known path.</summary>
internal static class TestComplaints
{
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    public static readonly Actor Agent = Actor.Staff("agent");
    public static readonly Actor Customer = Actor.Customer("cust-1");

    private static int _counter;

    public static ComplaintIntake Intake(FeedbackKind kind = FeedbackKind.Complaint, Instant? receivedAt = null) =>
        new(
            kind,
            Channel.Email,
            new CustomerRef("cust-1", "Gold", "Consumer"),
            Category.Parse("Billing/Refunds"),
            "I was charged twice.",
            receivedAt ?? Start);

    public static Complaint New(ComplaintLifecycle lifecycle, FeedbackKind kind = FeedbackKind.Complaint) =>
        Complaint.Receive(new ComplaintId($"C-{Interlocked.Increment(ref _counter)}"), Intake(kind), lifecycle);

    /// <summary>The instant one minute after the complaint's latest activity.</summary>
    public static Instant Next(this Complaint complaint) => complaint.LastActivityAt + Duration.FromMinutes(1);

    /// <summary>Fires a trigger with ordinary valid data: remedies within the agent's authority, consent given, an outcome.</summary>
    public static HistoryEntry FireDefault(this Complaint c, ComplaintTrigger trigger) => FireDefault(c, trigger, c.Next());

    public static HistoryEntry FireDefault(this Complaint c, ComplaintTrigger trigger, Instant at) => trigger switch
    {
        ComplaintTrigger.Acknowledge => c.Acknowledge(Agent, at, "Thank you, we are on it."),
        ComplaintTrigger.Assess => c.Assess(Agent, at, Severity.Medium, Priority.High),
        ComplaintTrigger.StartInvestigation => c.StartInvestigation(Agent, at),
        ComplaintTrigger.RequestInformation => c.RequestInformation(Agent, at, [$"Question {c.Version}?"]),
        ComplaintTrigger.ProvideInformation => c.ProvideInformation(Customer, at, "Answer."),
        ComplaintTrigger.ProposeResolution => c.ProposeResolution(Agent, at, [new Remedy(RemedyType.Apology), new Remedy(RemedyType.Refund, new Money(20m, "EUR"))]),
        ComplaintTrigger.AcceptResolution => c.AcceptResolution(Customer, at),
        ComplaintTrigger.RejectResolution => c.RejectResolution(Customer, at, consentToEscalate: true),
        ComplaintTrigger.Escalate => c.Escalate(Agent, at, "Customer not satisfied.", customerConsent: true),
        ComplaintTrigger.Resolve => c.Resolve(Agent, at, "Passed to product team."),
        ComplaintTrigger.StartFollowUp => c.StartFollowUp(Agent, at),
        ComplaintTrigger.Close => c.Close(Agent, at, ComplaintOutcome.Upheld, new RootCause("PROCESS", ["Manual step missed"])),
        ComplaintTrigger.Reopen => c.Reopen(Customer, at, "Still broken."),
        ComplaintTrigger.Withdraw => c.Withdraw(Customer, at),
        ComplaintTrigger.Reject => c.Reject(Agent, at, RejectionReason.Duplicate),
        ComplaintTrigger.Refer => c.Refer(Agent, at, "Financial Ombudsman Service"),
        ComplaintTrigger.RecordCommunication => c.RecordCommunication(Agent, at, CommunicationKind.InternalNote, "Checked the ledger."),
        ComplaintTrigger.ChangePriority => c.ChangePriority(Agent, at, c.Priority == Priority.Urgent ? Priority.Low : c.Priority + 1),
        ComplaintTrigger.ChangeSeverity => c.ChangeSeverity(Agent, at, c.Severity == Severity.Critical ? Severity.Low : c.Severity + 1),
        ComplaintTrigger.ChangeCategory => c.ChangeCategory(Agent, at, Category.Parse($"Billing/Other{c.Version}")),
        ComplaintTrigger.Assign => c.Assign(Agent, at, $"Team{c.Version}"),
        ComplaintTrigger.ChangePromisedDate => c.ChangePromisedDate(Agent, at, at + Duration.FromDays(c.Version + 1)),
        ComplaintTrigger.ChangeCustomerTier => c.ChangeCustomerTier(Agent, at, $"Tier{c.Version}"),
        ComplaintTrigger.RaiseLevel => c.RaiseLevel(Agent, at, "SLA breached."),
        ComplaintTrigger.LowerLevel => c.LowerLevel(Agent, at, "Reviewed; back to the agent."),
        ComplaintTrigger.Rate => c.Rate(Customer, at, 4),
        ComplaintTrigger.RecordHandlingTime => c.RecordHandlingTime(Agent, at, Duration.FromMinutes(15), "Agent"),
        ComplaintTrigger.RecordApproval => c.RecordApproval(Agent, at, "Goodwill payment"),
        ComplaintTrigger.FlagAbusiveContact => c.FlagAbusiveContact(Agent, at, "Threatening language; call ended."),
        ComplaintTrigger.RecordPolicyApplication => c.RecordPolicyApplication(Agent, at, "update overdue", "Asked for a progress update."),
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };

    /// <summary>The path of default triggers that takes a new complaint to a state.</summary>
    public static ComplaintTrigger[] PathTo(ComplaintState state) => state switch
    {
        ComplaintState.Received => [],
        ComplaintState.Acknowledged => [.. PathTo(ComplaintState.Received), ComplaintTrigger.Acknowledge],
        ComplaintState.Assessed => [.. PathTo(ComplaintState.Acknowledged), ComplaintTrigger.Assess],
        ComplaintState.Investigating => [.. PathTo(ComplaintState.Assessed), ComplaintTrigger.StartInvestigation],
        ComplaintState.AwaitingCustomer => [.. PathTo(ComplaintState.Investigating), ComplaintTrigger.RequestInformation],
        ComplaintState.ResolutionProposed => [.. PathTo(ComplaintState.Investigating), ComplaintTrigger.ProposeResolution],
        ComplaintState.Escalated => [.. PathTo(ComplaintState.Investigating), ComplaintTrigger.Escalate],
        ComplaintState.Resolved => [.. PathTo(ComplaintState.ResolutionProposed), ComplaintTrigger.AcceptResolution],
        ComplaintState.FollowUp => [.. PathTo(ComplaintState.Resolved), ComplaintTrigger.StartFollowUp],
        ComplaintState.Closed => [.. PathTo(ComplaintState.FollowUp), ComplaintTrigger.Close],
        ComplaintState.Reopened => [.. PathTo(ComplaintState.Resolved), ComplaintTrigger.Reopen],
        ComplaintState.Withdrawn => [ComplaintTrigger.Withdraw],
        ComplaintState.Rejected => [ComplaintTrigger.Reject],
        ComplaintState.Referred => [ComplaintTrigger.Refer],
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static Complaint In(ComplaintState state, ComplaintLifecycle? lifecycle = null)
    {
        var complaint = New(lifecycle ?? new ComplaintLifecycle());
        foreach (var trigger in PathTo(state))
        {
            complaint.FireDefault(trigger);
        }

        Assert.Equal(state, complaint.State);
        return complaint;
    }

    /// <summary>A snapshot of everything observable on a complaint, to show a refused trigger changed nothing.</summary>
    public static object Snapshot(Complaint c) => new
    {
        c.State,
        Level = c.Level.Rank,
        c.Priority,
        c.Severity,
        Category = c.Category.Path,
        c.Team,
        c.Assignee,
        c.PromisedAt,
        c.CustomerTier,
        c.IsFlaggedAbusive,
        c.ReopenCount,
        c.Outcome,
        c.RootCause,
        c.Rating,
        c.ClosedAt,
        c.LastActivityAt,
        c.Version,
        OpenQuestions = string.Join("|", c.OpenQuestions),
        Last = c.History.Count == 0 ? null : c.History[^1],
        Pending = c.GetPendingEvents().Count,
    };
}
