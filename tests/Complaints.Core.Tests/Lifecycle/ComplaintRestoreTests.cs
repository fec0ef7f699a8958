using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Tests.Support;
using NodaTime;
using S = Complaints.Core.Lifecycle.ComplaintState;

namespace Complaints.Core.Tests.Lifecycle;

public sealed class ComplaintRestoreTests
{
    private static (Complaint Original, HistoryEntry[] History) Closed()
    {
        var complaint = TestComplaints.In(S.Closed);
        return (complaint, complaint.History.ToArray());
    }

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
        history[2] = history[2] with { Sequence = 9 };

        AssertRejected(history, "history[2]");
    }

    [Fact]
    public void Restore_TransitionTheLifecycleDoesNotDefine_IsRejected()
    {
        var (_, history) = Closed();
        history[0] = history[0] with { To = S.Closed };

        AssertRejected(history, "which the lifecycle does not define");
    }

    [Fact]
    public void Restore_EntryGoingBackInTime_IsRejected()
    {
        var (_, history) = Closed();
        history[3] = history[3] with { At = history[2].At - Duration.FromMinutes(1) };

        AssertRejected(history, "before the latest activity");
    }

    [Fact]
    public void Restore_DataOfAnotherTrigger_IsRejected()
    {
        var (_, history) = Closed();
        history[1] = history[1] with { Data = new TransitionNote(null) };

        AssertRejected(history, "does not belong to Assess");
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
