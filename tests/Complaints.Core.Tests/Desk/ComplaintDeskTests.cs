using Complaints.Core.Calendars;
using Complaints.Core.Deadlines;
using Complaints.Core.Desk;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Policies;
using Complaints.Core.Sla;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;

namespace Complaints.Core.Tests.Desk;

/// <summary>The desk's tests on the in-memory store, and those that need no second store: the constructor's checks and the replay property.</summary>
public sealed class ComplaintDeskTests : ComplaintDeskTestsBase
{
    protected override IComplaintStore CreateStore() => new InMemoryComplaintStore();

    [Fact]
    public void Constructor_WithMismatchedEnginesOrBadOptions_IsRefused_NamingEveryProblem()
    {
        var store = new InMemoryComplaintStore();
        var sink = new RecordingNotificationSink();
        var clock = new FakeClock(Start);
        var otherRules = PolicyRuleSet.CreateBuilder(new ComplaintLifecycle(new LifecycleOptions())).Build();
        var slaRules = PolicyRuleSet.CreateBuilder(Lifecycle, Sla).Build();
        var otherSla = new SlaEngine(
        [
            SlaPolicy.CreateBuilder("other")
                .AddTarget("acknowledge", SlaTargetKind.Acknowledge, DeadlineRule.ElapsedTime(Duration.FromHours(48)), BusinessCalendar.AlwaysOpen("Europe/London", 2026, 2027))
                .Build(),
        ]);

        Assert.Equal("policies", Assert.Throws<ArgumentException>(() => new ComplaintDesk(store, sink, Lifecycle, clock, policies: otherRules)).ParamName);
        Assert.Equal("policies", Assert.Throws<ArgumentException>(() => new ComplaintDesk(store, sink, Lifecycle, clock, otherSla, slaRules)).ParamName);
        var error = Assert.Throws<ArgumentException>(() => new ComplaintDesk(store, sink, Lifecycle, clock,
            options: new ComplaintDeskOptions { RepeatComplaintWindow = Duration.Zero, SweepPageSize = 0, DispatchBatchSize = ComplaintPage.MaxSize + 1 }));
        Assert.Equal("options", error.ParamName);
        Assert.Contains("RepeatComplaintWindow is 0:00:00:00; it must be positive.", error.Message, StringComparison.Ordinal);
        Assert.Contains("SweepPageSize is 0; it must be from 1 to 10000.", error.Message, StringComparison.Ordinal);
        Assert.Contains("DispatchBatchSize is 10001; it must be from 1 to 10000.", error.Message, StringComparison.Ordinal);
        Assert.Equal("clock", Assert.Throws<ArgumentNullException>(() => new ComplaintDesk(store, sink, Lifecycle, null!)).ParamName);
    }

    public static class DeskArbitraries
    {
        public static Arbitrary<int[]> Commands() => Gen.Choose(0, 7).ArrayOf().ToArbitrary();
    }

    // Sending a command again, at any later point, changes nothing: the history is that of the commands without repeats.
    [Property(Arbitrary = [typeof(DeskArbitraries)], MaxTest = 60)]
    public Property Commands_WithRepeatedIds_LeaveTheHistoryOfTheCommandsWithoutRepeats(int[] commands)
    {
        ComplaintDesk With(InMemoryComplaintStore store) => new(store, new RecordingNotificationSink(), Lifecycle, new FakeClock(Start));
        void Run(ComplaintDesk desk, IEnumerable<int> sequence)
        {
            desk.SubmitAsync(Cmd("submit"), Id, Intake()).GetAwaiter().GetResult();
            foreach (var n in sequence)
            {
                desk.RecordCommunicationAsync(Cmd($"cmd-{n}"), Id, Agent, CommunicationKind.InternalNote, $"Note {n}.").GetAwaiter().GetResult();
            }
        }

        var repeated = new InMemoryComplaintStore();
        var once = new InMemoryComplaintStore();
        Run(With(repeated), commands);
        Run(With(once), commands.Distinct());

        Assert.Equal(once.FindAsync(Id).AsTask().Result!.Json, repeated.FindAsync(Id).AsTask().Result!.Json);
        return true.ToProperty().Classify(commands.Length > commands.Distinct().Count(), "with repeats");
    }
}
