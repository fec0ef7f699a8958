using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Metrics;
using Complaints.Core.Tests.Support;
using NodaTime;
using static Complaints.Core.Tests.Support.TestComplaints;

namespace Complaints.Core.Tests.History;

/// <summary>The projection keeps what the history records (issue item 9: one way to read a history).</summary>
public sealed class ComplaintSnapshotTests
{
    private static readonly ComplaintLifecycle Lifecycle = new();

    private static Instant At(int minutes) => Start + Duration.FromMinutes(minutes);

    private static Remedy Refund(decimal amount) => new(RemedyType.Refund, new Money(amount, "EUR"));

    private static Complaint Resolved(Complaint c, int from, Remedy remedy)
    {
        c.ProposeResolution(Agent, At(from), [remedy]);
        c.AcceptResolution(Customer, At(from + 1));
        c.StartFollowUp(Agent, At(from + 2));
        c.Close(Agent, At(from + 3), ComplaintOutcome.Upheld);
        return c;
    }

    [Fact]
    public void Snapshot_HoldingReplyAndInformationSupplied_KeepsTheirInstants()
    {
        var c = In(ComplaintState.Investigating);
        var asked = c.Next();
        c.RequestInformation(Agent, asked, ["Which order?"]);
        var answered = asked + Duration.FromHours(2);
        c.ProvideInformation(Customer, answered, "Order 77.");
        var holding = answered + Duration.FromDays(10);
        c.RecordCommunication(Agent, holding, CommunicationKind.HoldingReply, "Two more weeks, sorry.");
        c.RecordCommunication(Agent, holding + Duration.FromDays(1), CommunicationKind.HoldingReply, "Still on it.");

        Assert.Equal(holding, c.Snapshot.HoldingReplyAt);
        Assert.Equal(answered, c.Snapshot.CompleteInformationAt);
        Assert.True(c.Snapshot.WasAnswered("  which order? "));
        Assert.Empty(c.Snapshot.OpenQuestions);
    }

    [Fact]
    public void Snapshot_CompensationAgreedBeforeAReopening_IsKeptWithTheLaterOne()
    {
        var c = New(Lifecycle);
        c.Acknowledge(Agent, At(1));
        c.Assess(Agent, At(2), Severity.Medium, Priority.High);
        c.StartInvestigation(Agent, At(3));
        Resolved(c, 10, Refund(30m));
        c.Reopen(Customer, At(100), "Broke again.");
        c.StartInvestigation(Agent, At(101));
        Resolved(c, 110, Refund(45m));

        Assert.Equal([Refund(30m), Refund(45m)], c.Snapshot.AgreedRemedies);
        Assert.Equal([Refund(30m), Refund(45m)], ComplaintFacts.From(c.Snapshot).Remedies);
        Assert.Equal([Refund(45m)], c.LatestProposal!.Remedies);
    }

    [Fact]
    public void Snapshot_RejectedProposal_IsNotAgreedCompensation()
    {
        var c = In(ComplaintState.Investigating);
        c.ProposeResolution(Agent, c.Next(), [Refund(80m)]);
        c.RejectResolution(Customer, c.Next(), consentToEscalate: true);

        Assert.Empty(c.Snapshot.AgreedRemedies);
    }

    [Fact]
    public void AsOf_BeforeEveryEntry_IsTheIntakeAlone_AndLaterInstantsReplayThePrefix()
    {
        var c = In(ComplaintState.Closed);

        var atReceipt = c.AsOf(c.Intake.ReceivedAt - Duration.FromSeconds(1));
        var afterThird = c.AsOf(c.History[2].At);

        Assert.Equal(ComplaintState.Received, atReceipt.State);
        Assert.Equal(0, atReceipt.Version);
        Assert.Equal(c.History[2].To, afterThird.State);
        Assert.Equal(c.History.Take(3), afterThird.History);
        Assert.Same(c.Snapshot, c.AsOf(c.LastActivityAt));
    }

    [Fact]
    public void Facts_AsOfThePeriodEnd_ComplaintClosedAfterIt_CountsOpenInTheBacklogAndVolumes()
    {
        // Data set C19: received 31 Mar, closed 8 Apr; the period ends 6 Apr. Facts from its current state made it both
        // Closed in the volumes and open in the backlog; facts as of the period's end make it open in both.
        var received = Instant.FromUtc(2026, 3, 31, 9, 0);
        var c = Complaint.Receive(new ComplaintId("C19"), Intake(receivedAt: received), Lifecycle);
        c.Acknowledge(Agent, received + Duration.FromHours(1));
        c.Assess(Agent, received + Duration.FromHours(2), Severity.Medium, Priority.Normal);
        c.StartInvestigation(Agent, received + Duration.FromHours(3));
        c.ProposeResolution(Agent, Instant.FromUtc(2026, 4, 7, 9, 0), [Refund(10m)]);
        c.AcceptResolution(Customer, Instant.FromUtc(2026, 4, 7, 10, 0));
        c.StartFollowUp(Agent, Instant.FromUtc(2026, 4, 7, 11, 0));
        c.Close(Agent, Instant.FromUtc(2026, 4, 8, 9, 0), ComplaintOutcome.Upheld);
        var period = new Interval(Instant.FromUtc(2026, 3, 1, 0, 0), Instant.FromUtc(2026, 4, 6, 0, 0));

        var facts = ComplaintFacts.From(c.Snapshot, period.End);
        var report = new MetricsCalculator(new MetricsOptions()).Calculate([facts], period);

        Assert.Equal(ComplaintState.Investigating, facts.State);
        Assert.Null(facts.ClosedAt);
        Assert.Empty(facts.Remedies);
        Assert.Equal(1, report.Backlog.Open);
        Assert.Equal(0, report.Volume.Closed);
        Assert.Contains(report.Volume.ByState, row => row.Key == nameof(ComplaintState.Investigating) && row.Count == 1);
    }

    [Fact]
    public void Facts_ClosedExactlyAtThePeriodEnd_AreOpenAtThatEnd()
    {
        // The period's end is exclusive, as the accumulator counts it: a closure at the end belongs to the next period.
        var c = In(ComplaintState.FollowUp);
        var end = c.Next();
        c.Close(Agent, end, ComplaintOutcome.Upheld);

        var facts = ComplaintFacts.From(c.Snapshot, end);

        Assert.Equal(ComplaintState.FollowUp, facts.State);
        Assert.Null(facts.ClosedAt);
        Assert.Equal(ComplaintState.Closed, ComplaintFacts.From(c.Snapshot).State);
    }

    [Fact]
    public void Facts_CarryTheHoldingReply_SoTimelinessHorizonsApplyTheExtension()
    {
        // Payment services: 15 business days, 35 after a holding reply. Closed on day 23, after a holding reply on day 8.
        var received = Instant.FromUtc(2026, 3, 2, 9, 0);
        var c = Complaint.Receive(new ComplaintId("PSR-1"), Intake(receivedAt: received), Lifecycle);
        c.Acknowledge(Agent, received + Duration.FromHours(1));
        c.Assess(Agent, received + Duration.FromHours(2), Severity.Medium, Priority.Normal);
        c.StartInvestigation(Agent, received + Duration.FromHours(3));
        c.RecordCommunication(Agent, received + Duration.FromDays(8), CommunicationKind.HoldingReply, "The card scheme has not answered yet.");
        Resolved(c, 23 * 24 * 60, Refund(10m));
        var calculator = new MetricsCalculator(new MetricsOptions { Horizons = { Complaints.Core.Deadlines.DeadlinePresets.PaymentServicesFinalResponse } });
        var period = new Interval(Instant.FromUtc(2026, 3, 1, 0, 0), Instant.FromUtc(2026, 5, 1, 0, 0));

        var facts = ComplaintFacts.From(c.Snapshot, period.End);
        var report = calculator.Calculate([facts], period);

        Assert.Equal(received + Duration.FromDays(8), facts.HoldingReplyAt);
        Assert.Equal(received + Duration.FromHours(1), facts.AcknowledgedAt);
        Assert.Equal(1.0, report.Timeliness.Within[0].Share);
    }
}
