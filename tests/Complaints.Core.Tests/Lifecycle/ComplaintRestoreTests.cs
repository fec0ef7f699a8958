using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Tests.Support;
using NodaTime;
using S = Complaints.Core.Domain.ComplaintState;

namespace Complaints.Core.Tests.Lifecycle;

public sealed partial class ComplaintRestoreTests
{
    private static (Complaint Original, HistoryEntry[] History) Closed()
    {
        var complaint = TestComplaints.In(S.Closed);
        return (complaint, complaint.History.ToArray());
    }

    internal static HistoryEntry With(
        HistoryEntry entry, long? sequence = null, Instant? at = null, S? from = null, S? to = null, ComplaintTrigger? trigger = null, HistoryData? data = null) =>
        new(sequence ?? entry.Sequence, at ?? entry.At, entry.Actor, trigger ?? entry.Trigger, from ?? entry.From, to ?? entry.To, data ?? entry.Data);

    private static ArgumentException AssertRejected(HistoryEntry[] history, string expected)
    {
        var original = Closed().Original;
        var ex = Assert.Throws<ArgumentException>(() => Complaint.Restore(original.Id, original.Intake, history, new ComplaintLifecycle()));
        Assert.Equal("history", ex.ParamName);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        return ex;
    }

    [Fact]
    public void Restore_StoredHistory_GivesTheSameComplaintWithNoPendingEvents()
    {
        var (original, history) = Closed();

        var restored = Complaint.Restore(original.Id, original.Intake, history, new ComplaintLifecycle());

        original.MarkEventsDispatched();
        Assert.Equal(TestComplaints.Snapshot(original), TestComplaints.Snapshot(restored));
        Assert.Empty(restored.GetPendingEvents());
    }

    [Fact]
    public void Restore_GapInSequence_NamesTheEntry()
    {
        var (_, history) = Closed();
        history[2] = With(history[2], sequence: 9);

        AssertRejected(history, "history[2]");
    }

    [Fact]
    public void Restore_TransitionTheLifecycleDoesNotDefine_IsRejected()
    {
        var (_, history) = Closed();
        history[0] = With(history[0], to: S.Closed);

        AssertRejected(history, "but the lifecycle moves it to Acknowledged");
    }

    [Fact]
    public void Restore_EntryGoingBackInTime_IsRejected()
    {
        var (_, history) = Closed();
        history[3] = With(history[3], at: history[2].At - Duration.FromMinutes(1));

        AssertRejected(history, "before the latest activity");
    }

    [Fact]
    public void HistoryEntry_DataOfAnotherTrigger_IsRefusedNamingData()
    {
        var (_, history) = Closed();

        var ex = Assert.Throws<ArgumentException>(() => With(history[1], data: new TransitionNote(null)));

        Assert.Equal("data", ex.ParamName);
        Assert.Contains("does not belong to Assess", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_NullEntry_ThrowsNamingIt()
    {
        var (original, history) = Closed();
        history[4] = null!;

        var ex = Assert.Throws<ArgumentNullException>(() => Complaint.Restore(original.Id, original.Intake, history, new ComplaintLifecycle()));
        Assert.Equal("history[4]", ex.ParamName);
    }

    [Theory]
    [InlineData(ComplaintTrigger.ChangePriority)]
    [InlineData(ComplaintTrigger.Assign)]
    [InlineData(ComplaintTrigger.RaiseLevel)]
    public void Restore_FieldChangeAfterClosed_IsRefusedNamingTheEntry(ComplaintTrigger trigger)
    {
        var (original, history) = Closed();
        HistoryData data = trigger switch
        {
            ComplaintTrigger.ChangePriority => new PriorityChange(original.Priority, Priority.Low),
            ComplaintTrigger.Assign => new AssignmentChange(null, null, "Billing", null),
            _ => new Escalation(0, 1, "Late.", false),
        };
        var late = new HistoryEntry(history.Length + 1, original.LastActivityAt + Duration.FromMinutes(1), TestComplaints.Agent, trigger, S.Closed, S.Closed, data);

        var ex = AssertRejected([.. history, late], $"history[{history.Length}] (sequence {history.Length + 1}, {trigger}");

        Assert.Contains("not accepted in the Closed state", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_RateBeforeResolution_IsRefusedNamingTheEntry()
    {
        var (_, history) = Closed();
        var rate = new HistoryEntry(4, history[2].At + Duration.FromMinutes(1), TestComplaints.Customer, ComplaintTrigger.Rate, S.Investigating, S.Investigating, new Rating(4, null));

        AssertRejected([.. history[..3], rate], "history[3] (sequence 4, Rate");
    }

    [Fact]
    public void Restore_PriorityChangeFromAnotherPriority_IsRefusedNamingDataFrom()
    {
        var (original, history) = Closed();
        Assert.Equal(Priority.High, original.Priority);
        var change = new HistoryEntry(3, history[1].At + Duration.FromMinutes(1), TestComplaints.Agent, ComplaintTrigger.ChangePriority, S.Assessed, S.Assessed, new PriorityChange(Priority.Low, Priority.Urgent));

        var ex = AssertRejected([.. history[..2], change], "history[2] (sequence 3, ChangePriority");

        Assert.Contains("data.From", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HistoryEntry_UndefinedTriggerOrNullActor_IsRefusedNamingIt()
    {
        var at = TestComplaints.Start;

        var trigger = Assert.Throws<ArgumentOutOfRangeException>(() => new HistoryEntry(1, at, TestComplaints.Agent, (ComplaintTrigger)999, S.Received, S.Received, new Acknowledgement(null)));
        var actor = Assert.Throws<ArgumentNullException>(() => new HistoryEntry(1, at, null!, ComplaintTrigger.Acknowledge, S.Received, S.Acknowledged, new Acknowledgement(null)));

        Assert.Equal(("trigger", "actor"), (trigger.ParamName, actor.ParamName));
    }

    [Fact]
    public void HistoryData_OutOfRangeOrUndefinedValues_AreRefusedNamingTheField()
    {
        var category = Category.Parse("Billing");

        Assert.Equal("score", Assert.Throws<ArgumentOutOfRangeException>(() => new Rating(99, null)).ParamName);
        Assert.Equal("time", Assert.Throws<ArgumentOutOfRangeException>(() => new HandlingTime(Duration.FromHours(-5), null)).ParamName);
        Assert.Equal("severity", Assert.Throws<ArgumentOutOfRangeException>(() => new Assessment((Severity)99, Priority.Low, category, null)).ParamName);
        Assert.Equal("outcome", Assert.Throws<ArgumentOutOfRangeException>(() => new Closure((ComplaintOutcome)99, null)).ParamName);
        Assert.Equal("kind", Assert.Throws<ArgumentOutOfRangeException>(() => new Communication((CommunicationKind)99, "Hello.")).ParamName);
        Assert.Equal("toLevel", Assert.Throws<ArgumentOutOfRangeException>(() => new ResolutionRejection(null, true, 0, 3)).ParamName);
    }

    [Fact]
    public void HistoryData_NullValues_AreRefusedNamingTheField()
    {
        Assert.Equal("category", Assert.Throws<ArgumentNullException>(() => new Assessment(Severity.Low, Priority.Low, null!, null)).ParamName);
        Assert.Equal("questions", Assert.Throws<ArgumentNullException>(() => new InformationRequest(null!)).ParamName);
        Assert.Equal("remedies", Assert.Throws<ArgumentNullException>(() => new ResolutionProposal(null!, "Because.")).ParamName);
    }

    [Fact]
    public void Restore_RaiseLevelRecordingCustomerConsent_IsRefusedNamingTheField()
    {
        // Found by the tampering property: RaiseLevel records no consent, so a history that says otherwise was not written by the verbs.
        var complaint = TestComplaints.In(S.Investigating);
        complaint.RaiseLevel(TestComplaints.Agent, complaint.Next(), "Policy.");
        var history = complaint.History.ToArray();
        var raised = history[^1];
        history[^1] = With(raised, data: new Escalation(0, 1, "Policy.", customerConsent: true));

        var ex = Assert.Throws<ArgumentException>(() => Complaint.Restore(complaint.Id, complaint.Intake, history, new ComplaintLifecycle()));

        Assert.Contains($"history[{history.Length - 1}] (sequence {raised.Sequence}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("data.CustomerConsent", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_LowerLevelFromAnotherLevel_IsRefusedNamingDataFromLevel()
    {
        var complaint = TestComplaints.In(S.Investigating);
        complaint.RaiseLevel(TestComplaints.Agent, complaint.Next(), "Breach.", toLevel: 2);
        complaint.LowerLevel(TestComplaints.Agent, complaint.Next(), "Reviewed.");
        var history = complaint.History.ToArray();
        var lowered = history[^1];
        history[^1] = With(lowered, data: new Deescalation(3, 1, "Reviewed."));

        var ex = Assert.Throws<ArgumentException>(() => Complaint.Restore(complaint.Id, complaint.Intake, history, new ComplaintLifecycle()));

        Assert.Contains($"history[{history.Length - 1}] (sequence {lowered.Sequence}, LowerLevel", ex.Message, StringComparison.Ordinal);
        Assert.Contains("data.FromLevel is 3, but the complaint is at level 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_LowerLevelAtTheFirstLevel_IsRefusedNamingTheGuard()
    {
        var (original, history) = Closed();
        var investigating = Array.FindLastIndex(history, e => e.To == S.Investigating);
        var entry = history[investigating];
        var lower = new HistoryEntry(entry.Sequence + 1, entry.At, TestComplaints.Agent, ComplaintTrigger.LowerLevel, S.Investigating, S.Investigating, new Deescalation(1, 0, "Reviewed."));

        var ex = AssertRejected([.. history[..(investigating + 1)], lower], $"history[{investigating + 1}] (sequence {entry.Sequence + 1}, LowerLevel");

        Assert.Contains(nameof(ComplaintGuard.LowerLevelExists), ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, original.Snapshot.HighestLevelRank);
    }

    [Fact]
    public void HistoryEntry_LowerLevelWithEscalationData_IsRefusedNamingData()
    {
        var ex = Assert.Throws<ArgumentException>(() => new HistoryEntry(
            1, TestComplaints.Start, TestComplaints.Agent, ComplaintTrigger.LowerLevel, S.Received, S.Received, new Escalation(1, 2, "Up.", false)));

        Assert.Equal("data", ex.ParamName);
    }

    [Fact]
    public void ResolutionRejection_LevelAtTheTopOfInt_IsRefusedWithoutWrappingAround()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ResolutionRejection(null, true, int.MaxValue, int.MinValue));

        Assert.Equal("toLevel", ex.ParamName);
    }
}
