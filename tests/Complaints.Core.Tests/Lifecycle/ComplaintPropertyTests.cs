using Complaints.Core.Domain;
using Complaints.Core.Lifecycle;
using Complaints.Core.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit.Abstractions;
using S = Complaints.Core.Domain.ComplaintState;
using T = Complaints.Core.Domain.ComplaintTrigger;

namespace Complaints.Core.Tests.Lifecycle;

/// <summary>Properties over random trigger sequences with random data.</summary>
public sealed class ComplaintPropertyTests(ITestOutputHelper output)
{
    /// <summary>The states each generated walk should reach often enough for the properties to say something about them.</summary>
    public static readonly S[] StatesToCover =
        [S.Closed, S.FollowUp, S.Reopened, S.Withdrawn, S.Rejected, S.Referred, S.Escalated, S.AwaitingCustomer];

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public Property AnyTriggerSequence_KeepsTheComplaintConsistent(Scenario scenario)
    {
        var lifecycle = scenario.Flags.Build();
        var complaint = TestComplaints.New(lifecycle, scenario.Kind);
        var accepted = 0;
        var refused = 0;
        foreach (var action in scenario.Steps)
        {
            var from = complaint.State;
            var closedAt = complaint.ClosedAt;
            var step = ComplaintWalk.Step(complaint, action);
            if (step.Entry is not { } entry)
            {
                refused++;
                continue;
            }

            accepted++;
            var trigger = entry.Trigger;
            Assert.True(action.Forward || trigger == action.Trigger);

            // (a) the new state is one the definition allows from the previous state.
            if (trigger.IsRecording())
            {
                Assert.Equal(from, complaint.State);
            }
            else
            {
                Assert.True(lifecycle.HasTransition(from, trigger, complaint.State), $"{from} -{trigger}-> {complaint.State} is not defined.");
            }

            Assert.Equal((from, complaint.State, step.At), (entry.From, entry.To, entry.At));

            // (b) history length equals the number of accepted triggers.
            Assert.Equal(accepted, complaint.History.Count);
            Assert.Equal(accepted, complaint.Version);

            // (d) nothing leaves a terminal state except Reopen from Closed within the window.
            if (from.IsTerminal() && complaint.State != from)
            {
                Assert.Equal((S.Closed, T.Reopen), (from, trigger));
                Assert.True(step.At - closedAt!.Value <= lifecycle.ReopenWindow);
            }
        }

        Assert.Equal(Enumerable.Range(1, accepted).Select(i => (long)i), complaint.History.Select(h => h.Sequence));

        // The history is the complaint's memory: replaying it restores everything the complaint reports.
        var restored = Complaint.Restore(complaint.Id, complaint.Intake, complaint.History, lifecycle);
        complaint.MarkEventsDispatched();
        Assert.Equal(TestComplaints.Snapshot(complaint), TestComplaints.Snapshot(restored));

        var reached = ComplaintWalk.StatesReached(complaint);
        return true.ToProperty()
            .Classify(reached.Contains(S.Closed), "reached Closed")
            .Classify(reached.Contains(S.FollowUp), "reached FollowUp")
            .Classify(reached.Contains(S.Reopened), "reached Reopened")
            .Classify(reached.Contains(S.Escalated), "reached Escalated")
            .Classify(refused > 0, "had a refusal")
            .Collect($"ends {complaint.State}");
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 150)]
    public Property AnyTriggerSequence_LevelFallsOnlyOnLowerLevelAndCompensationNeverExceedsAuthority(Scenario scenario)
    {
        var lifecycle = scenario.Flags.Build();
        var complaint = TestComplaints.New(lifecycle, scenario.Kind);
        var level = 0;
        var lowered = 0;
        var loweringRefused = 0;
        foreach (var action in scenario.Steps)
        {
            var step = ComplaintWalk.Step(complaint, action);
            if (step.Entry is { Data: Complaints.Core.History.ResolutionProposal proposal })
            {
                var total = proposal.Remedies.Sum(r => r.Value?.Amount ?? 0m);
                Assert.True(complaint.Level.AuthorityLimit is null || total <= complaint.Level.AuthorityLimit);
            }

            // The level falls on a LowerLevel entry, and only there; it never falls below the first level.
            if (step.Entry is { Trigger: T.LowerLevel, Data: Complaints.Core.History.Deescalation d })
            {
                Assert.True(complaint.Level.Rank < level, $"LowerLevel left the level at {complaint.Level.Rank}, from {level}.");
                Assert.Equal((level, complaint.Level.Rank), (d.FromLevel, d.ToLevel));
                Assert.Equal(step.At, complaint.Snapshot.LevelReachedAt);
                lowered++;
            }
            else
            {
                Assert.True(complaint.Level.Rank >= level, $"{step.Trigger} lowered the level from {level} to {complaint.Level.Rank}.");
                loweringRefused += step.Trigger == T.LowerLevel && step.Entry is null ? 1 : 0;
            }

            Assert.InRange(complaint.Level.Rank, 0, complaint.Snapshot.HighestLevelRank);
            level = complaint.Level.Rank;
        }

        return true.ToProperty()
            .Classify(lowered > 0, "lowered the level")
            .Classify(loweringRefused > 0, "a lowering refused or invalid")
            .Classify(complaint.Snapshot.HighestLevelRank > 0, "escalated")
            .Collect(lowered switch { 0 => "no lowering", 1 => "one lowering", _ => "several lowerings" });
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 150)]
    public Property Check_BeforeEachStep_AnswersAsTheVerbThen(Scenario scenario)
    {
        var lifecycle = scenario.Flags.Build();
        var complaint = TestComplaints.New(lifecycle, scenario.Kind);
        var permitted = 0;
        var refused = 0;
        foreach (var action in scenario.Steps)
        {
            // Permitted triggers are exactly those CanFire accepts.
            var canFire = Enum.GetValues<T>().Where(complaint.CanFire).ToArray();
            Assert.Equal(canFire, complaint.GetPermittedTriggers().Order());

            var step = ComplaintWalk.Step(complaint, action, checkFirst: true);
            permitted += step.Entry is null ? 0 : 1;
            refused += step.Refusal is null ? 0 : 1;
        }

        return true.ToProperty()
            .Classify(refused > 0, "Check refused at least once")
            .Classify(permitted > 5, "Check permitted more than five");
    }

    [Fact]
    public void Generator_FourHundredWalks_ReachEveryStateToCoverInAtLeastFivePercent()
    {
        var scenarios = Arbitraries.ScenarioGen.Sample(400, new Rnd(20261123UL), 50);

        var reached = scenarios.Select(s => ComplaintWalk.StatesReached(ComplaintWalk.Run(s).Complaint)).ToArray();

        var shares = Enum.GetValues<S>().ToDictionary(s => s, s => reached.Count(r => r.Contains(s)) / (double)reached.Length);
        var report = string.Join(", ", shares.Select(p => $"{p.Key} {p.Value:P1}"));
        output.WriteLine(report);
        Assert.True(StatesToCover.All(s => shares[s] >= 0.05), report);
    }

    [Fact]
    public void Generator_FourHundredWalks_LowerTheLevelInAtLeastFivePercent()
    {
        var scenarios = Arbitraries.ScenarioGen.Sample(400, new Rnd(20261123UL), 50);

        var lowered = scenarios.Count(s => ComplaintWalk.Run(s).Complaint.History.Any(e => e.Trigger == T.LowerLevel));

        output.WriteLine($"{lowered} of {scenarios.Length} walks lowered the level");
        Assert.True(lowered >= scenarios.Length / 20, $"{lowered} of {scenarios.Length} walks lowered the level.");
    }

    [Fact]
    public void ToDot_ShowsEveryGuardDescription()
    {
        var dot = new ComplaintLifecycle().ToDot();

        var missing = LifecycleRunner.Descriptions.Where(p => !dot.Contains(p.Value, StringComparison.Ordinal)).Select(p => p.Key);

        Assert.Empty(missing);
        Assert.Equal(Enum.GetValues<ComplaintGuard>().Length, LifecycleRunner.Descriptions.Count);
    }

    [Theory]
    [MemberData(nameof(AllStates))]
    public void GetPermittedTriggers_InEveryState_AreTheTriggersCanFireAccepts(S state)
    {
        var complaint = TestComplaints.In(state);

        var canFire = Enum.GetValues<T>().Where(complaint.CanFire);

        Assert.Equal(canFire, complaint.GetPermittedTriggers().Order());
    }

    public static TheoryData<S> AllStates() => [.. Enum.GetValues<S>()];
}
