using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Tests.Support;
using FsCheck.Xunit;
using NodaTime;
using T = Complaints.Core.Domain.ComplaintTrigger;

namespace Complaints.Core.Tests.Lifecycle;

/// <summary>Properties over random trigger sequences with random data.</summary>
public sealed class ComplaintPropertyTests
{
    private static HistoryEntry Apply(Complaint c, ComplaintAction s, Instant at)
    {
        var permitted = c.GetPermittedTriggers().Where(t => !t.IsRecording()).ToArray();
        if (s.FromPermitted >= 0 && permitted.Length > 0)
        {
            s = s with { Trigger = permitted[s.FromPermitted % permitted.Length], FromPermitted = -1 };
        }

        var actor = TestComplaints.Agent;
        return s.Trigger switch
        {
            T.RequestInformation => c.RequestInformation(actor, at, [$"Q{s.Pick % 3}?"]),
            T.ProposeResolution => c.ProposeResolution(actor, at, [new Remedy(RemedyType.Refund, new Money(s.Amount, s.Pick % 7 == 0 ? "GBP" : "EUR"))]),
            T.RejectResolution => c.RejectResolution(actor, at, s.Flag),
            T.Escalate => c.Escalate(actor, at, "Not satisfied.", s.Flag, s.Pick % 3 == 0 ? s.Pick % 5 : null),
            T.Close => c.Close(actor, at, s.Pick % 4 == 0 ? null : (ComplaintOutcome)(s.Pick % 3), s.Flag ? new RootCause("CAUSE", ["why"]) : null),
            T.ChangePriority => c.ChangePriority(actor, at, (Priority)(s.Pick % 4)),
            T.ChangeSeverity => c.ChangeSeverity(actor, at, (Severity)(s.Pick % 4)),
            T.ChangeCategory => c.ChangeCategory(actor, at, Category.Parse($"Billing/C{s.Pick % 2}")),
            T.Assign => c.Assign(actor, at, s.Pick % 3 == 0 ? null : $"Team{s.Pick % 2}"),
            T.ChangeCustomerTier => c.ChangeCustomerTier(actor, at, s.Pick % 3 == 0 ? null : $"Tier{s.Pick % 2}"),
            T.RaiseLevel => c.RaiseLevel(actor, at, "Policy.", s.Pick % 2 == 0 ? null : s.Pick % 5),
            T.Rate => c.Rate(actor, at, s.Pick % 7),
            _ => c.FireDefault(s.Trigger, at),
        };
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 400)]
    public void AnyTriggerSequence_KeepsTheComplaintConsistent(Scenario scenario)
    {
        var lifecycle = scenario.Flags.Build();
        var complaint = TestComplaints.New(lifecycle, scenario.Kind);
        var accepted = 0;
        foreach (var step in scenario.Steps)
        {
            var at = complaint.LastActivityAt + Duration.FromMinutes(step.Minutes);
            var before = TestComplaints.Snapshot(complaint);
            var from = complaint.State;
            var closedAt = complaint.ClosedAt;
            HistoryEntry entry;
            try
            {
                entry = Apply(complaint, step, at);
            }
            catch (ComplaintTransitionRefusedException ex)
            {
                // (c) a refused trigger leaves the complaint as it was, and the error names state and trigger.
                Assert.Equal(before, TestComplaints.Snapshot(complaint));
                Assert.Equal(from, ex.State);
                Assert.True(step.FromPermitted >= 0 || ex.Trigger == step.Trigger);
                continue;
            }
            catch (ArgumentException)
            {
                Assert.Equal(before, TestComplaints.Snapshot(complaint));
                continue;
            }

            accepted++;
            var trigger = entry.Trigger;
            Assert.True(step.FromPermitted >= 0 || trigger == step.Trigger);

            // (a) the new state is one the definition allows from the previous state.
            if (trigger.IsRecording())
            {
                Assert.Equal(from, complaint.State);
            }
            else
            {
                Assert.True(lifecycle.HasTransition(from, trigger, complaint.State), $"{from} -{trigger}-> {complaint.State} is not defined.");
            }

            Assert.Equal((from, complaint.State, at), (entry.From, entry.To, entry.At));

            // (b) history length equals the number of accepted triggers.
            Assert.Equal(accepted, complaint.History.Count);
            Assert.Equal(accepted, complaint.Version);

            // (d) nothing leaves a terminal state except Reopen from Closed within the window.
            if (from.IsTerminal() && complaint.State != from)
            {
                Assert.Equal((ComplaintState.Closed, T.Reopen), (from, trigger));
                Assert.True(at - closedAt!.Value <= lifecycle.ReopenWindow);
            }
        }

        Assert.Equal(accepted, complaint.History.Count);
        Assert.Equal(Enumerable.Range(1, accepted).Select(i => (long)i), complaint.History.Select(h => h.Sequence));

        // The history is the complaint's memory: replaying it restores everything the complaint reports.
        var restored = Complaint.Restore(complaint.Id, complaint.Intake, complaint.History, lifecycle);
        complaint.MarkEventsDispatched();
        Assert.Equal(TestComplaints.Snapshot(complaint), TestComplaints.Snapshot(restored));
        Assert.Equal(complaint.History, restored.History);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public void AnyTriggerSequence_LevelNeverFallsAndCompensationNeverExceedsAuthority(Scenario scenario)
    {
        var lifecycle = scenario.Flags.Build();
        var complaint = TestComplaints.New(lifecycle, scenario.Kind);
        var level = 0;
        foreach (var step in scenario.Steps)
        {
            try
            {
                var entry = Apply(complaint, step, complaint.LastActivityAt + Duration.FromMinutes(step.Minutes));
                if (entry.Data is ResolutionProposal proposal)
                {
                    var total = proposal.Remedies.Sum(r => r.Value?.Amount ?? 0m);
                    Assert.True(complaint.Level.AuthorityLimit is null || total <= complaint.Level.AuthorityLimit);
                }
            }
            catch (Exception ex) when (ex is ComplaintTransitionRefusedException or ArgumentException)
            {
            }

            Assert.True(complaint.Level.Rank >= level);
            level = complaint.Level.Rank;
        }
    }
}
