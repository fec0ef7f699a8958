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
}
