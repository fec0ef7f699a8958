using Complaints.Core.Domain;
using Complaints.Core.Lifecycle;
using Complaints.Core.Tests.Support;
using S = Complaints.Core.Domain.ComplaintState;
using T = Complaints.Core.Domain.ComplaintTrigger;

namespace Complaints.Core.Tests.Lifecycle;

/// <summary>Every transition of the lifecycle, accepted where the definition has it and refused everywhere else.</summary>
public sealed class ComplaintTransitionTests
{
    /// <summary>The transitions a complaint (not a suggestion) takes with default options and ordinary data.</summary>
    public static readonly (S From, T Trigger, S To)[] ComplaintTransitions =
    [
        (S.Received, T.Acknowledge, S.Acknowledged),
        (S.Acknowledged, T.Assess, S.Assessed),
        (S.Assessed, T.StartInvestigation, S.Investigating),
        (S.Investigating, T.RequestInformation, S.AwaitingCustomer),
        (S.Investigating, T.ProposeResolution, S.ResolutionProposed),
        (S.Investigating, T.Escalate, S.Escalated),
        (S.AwaitingCustomer, T.ProvideInformation, S.Investigating),
        (S.AwaitingCustomer, T.Escalate, S.Escalated),
        (S.ResolutionProposed, T.AcceptResolution, S.Resolved),
        (S.ResolutionProposed, T.RejectResolution, S.Escalated),
        (S.ResolutionProposed, T.Escalate, S.Escalated),
        (S.Escalated, T.StartInvestigation, S.Investigating),
        (S.Escalated, T.ProposeResolution, S.ResolutionProposed),
        (S.Resolved, T.StartFollowUp, S.FollowUp),
        (S.Resolved, T.Reopen, S.Reopened),
        (S.FollowUp, T.Close, S.Closed),
        (S.FollowUp, T.Reopen, S.Reopened),
        (S.Closed, T.Reopen, S.Reopened),
        (S.Reopened, T.StartInvestigation, S.Investigating),
        .. new[] { S.Received, S.Acknowledged, S.Assessed, S.Investigating, S.AwaitingCustomer, S.ResolutionProposed, S.Escalated, S.Resolved, S.FollowUp, S.Reopened }
            .SelectMany(s => new[] { (s, T.Withdraw, S.Withdrawn), (s, T.Refer, S.Referred) }),
        .. new[] { S.Received, S.Acknowledged, S.Assessed, S.Investigating, S.AwaitingCustomer, S.Reopened }
            .Select(s => (s, T.Reject, S.Rejected)),
    ];

    public static TheoryData<S, T, S> Accepted()
    {
        var data = new TheoryData<S, T, S>();
        foreach (var (from, trigger, to) in ComplaintTransitions)
        {
            data.Add(from, trigger, to);
        }

        return data;
    }

    public static TheoryData<S, T> Refused()
    {
        var data = new TheoryData<S, T>();
        foreach (var state in Enum.GetValues<S>())
        {
            foreach (var trigger in Enum.GetValues<T>().Where(t => !t.IsRecording()))
            {
                if (!ComplaintTransitions.Any(x => x.From == state && x.Trigger == trigger))
                {
                    data.Add(state, trigger);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Fire_PermittedTransition_MovesStateAndAppendsOneEntry(S from, T trigger, S to)
    {
        var complaint = TestComplaints.In(from);
        var before = complaint.Version;
        var at = complaint.Next();

        var entry = complaint.FireDefault(trigger, at);

        Assert.Equal(to, complaint.State);
        Assert.Equal(before + 1, complaint.Version);
        Assert.Same(entry, complaint.History[^1]);
        Assert.Equal((from, to, trigger, at, before + 1), (entry.From, entry.To, entry.Trigger, entry.At, entry.Sequence));
        Assert.Equal(entry, complaint.GetPendingEvents()[^1].Entry);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Fire_TriggerNotPermitted_ThrowsNamingStateAndTriggerAndLeavesComplaintUnchanged(S from, T trigger)
    {
        var complaint = TestComplaints.In(from);
        var before = TestComplaints.Snapshot(complaint);

        var ex = Assert.Throws<ComplaintTransitionRefusedException>(() => complaint.FireDefault(trigger));

        Assert.Equal(from, ex.State);
        Assert.Equal(trigger, ex.Trigger);
        Assert.Equal(complaint.Id, ex.ComplaintId);
        Assert.Contains(from.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Contains(trigger.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(trigger, ex.PermittedTriggers);
        Assert.Equal(before, TestComplaints.Snapshot(complaint));
    }

    [Fact]
    public void TransitionTable_CoversEveryEdgeOfTheMachine()
    {
        var lifecycle = new ComplaintLifecycle();
        var runner = lifecycle.Rent();
        var edges = runner.Machine.GetInfo().States
            .SelectMany(s => s.FixedTransitions.Select(t => ((S)s.UnderlyingState, (T)t.Trigger.UnderlyingTrigger, (S)t.DestinationState.UnderlyingState)))
            .Where(e => !e.Item2.IsRecording())
            .ToHashSet();
        lifecycle.Return(runner);

        var suggestionOrOptionOnly = new HashSet<(S, T, S)>
        {
            (S.Assessed, T.Resolve, S.Resolved),
            (S.Investigating, T.Resolve, S.Resolved),
            (S.Resolved, T.Close, S.Closed),
            (S.ResolutionProposed, T.RejectResolution, S.Investigating),
        };
        Assert.Equal(edges.OrderBy(e => e), ComplaintTransitions.Concat(suggestionOrOptionOnly).Distinct().OrderBy(e => e));
    }

    [Theory]
    [InlineData(S.Received)]
    [InlineData(S.Investigating)]
    [InlineData(S.ResolutionProposed)]
    [InlineData(S.FollowUp)]
    public void GetPermittedTriggers_MatchesTransitionTableAndRecordingRules(S state)
    {
        var complaint = TestComplaints.In(state);

        var permitted = complaint.GetPermittedTriggers().Where(t => !t.IsRecording());

        Assert.Equal(ComplaintTransitions.Where(t => t.From == state).Select(t => t.Trigger).Distinct().Order(), permitted.Order());
    }

    [Fact]
    public void Refused_StateWithoutTrigger_HasNoUnmetGuardsAndListsPermitted()
    {
        var complaint = TestComplaints.In(S.Received);

        var ex = Assert.Throws<ComplaintTransitionRefusedException>(() => complaint.FireDefault(T.Close));

        Assert.Empty(ex.UnmetGuards);
        Assert.Equal([T.Acknowledge, T.Withdraw, T.Reject, T.Refer], ex.PermittedTriggers.Where(t => !t.IsRecording()));
        Assert.Contains("Permitted now: Acknowledge, Withdraw, Reject, Refer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fire_InstantBeforeLatestActivity_ThrowsNamingAtAndLeavesComplaintUnchanged()
    {
        var complaint = TestComplaints.In(S.Acknowledged);
        var before = TestComplaints.Snapshot(complaint);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => complaint.Assess(TestComplaints.Agent, complaint.LastActivityAt - NodaTime.Duration.FromSeconds(1), Severity.Low, Priority.Low));

        Assert.Equal("at", ex.ParamName);
        Assert.Equal(before, TestComplaints.Snapshot(complaint));
    }

    [Fact]
    public void MarkEventsDispatched_ClearsPendingEvents_NewEntriesRaiseNewEvents()
    {
        var complaint = TestComplaints.In(S.Assessed);
        Assert.Equal(2, complaint.GetPendingEvents().Count);

        complaint.MarkEventsDispatched();
        Assert.Empty(complaint.GetPendingEvents());

        complaint.FireDefault(T.StartInvestigation);
        var pending = Assert.Single(complaint.GetPendingEvents());
        Assert.Equal(T.StartInvestigation, pending.Entry.Trigger);
        Assert.Equal(complaint.Id, pending.ComplaintId);
    }

    [Fact]
    public void Lifecycle_ManyComplaints_ShareOneDefinitionWithoutInterference()
    {
        var lifecycle = new ComplaintLifecycle();
        var complaints = Enumerable.Range(0, 64).Select(_ => TestComplaints.New(lifecycle)).ToArray();

        Parallel.ForEach(complaints, c =>
        {
            foreach (var trigger in TestComplaints.PathTo(S.Closed))
            {
                c.FireDefault(trigger);
            }
        });

        Assert.All(complaints, c => Assert.Equal(S.Closed, c.State));
        Assert.All(complaints, c => Assert.Equal(TestComplaints.PathTo(S.Closed).Length, c.History.Count));
    }

    [Fact]
    public void RefusedException_DefaultIdOrUndefinedGuard_StillFormatsItsMessage()
    {
        var ex = new ComplaintTransitionRefusedException(default, S.Received, T.Close, [], [(ComplaintGuard)99]);

        Assert.Contains("(no id)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("99", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordingTriggers_AreExactlyTheMachinesSelfLoops()
    {
        // ComplaintVocabulary names the recording triggers; the machine configures where each is accepted. Pin them together.
        var lifecycle = new ComplaintLifecycle();
        foreach (var trigger in Enum.GetValues<T>())
        {
            var edges = Enum.GetValues<S>().SelectMany(from => Enum.GetValues<S>().Where(to => lifecycle.HasTransition(from, trigger, to)).Select(to => (from, to))).ToArray();
            Assert.NotEmpty(edges);
            Assert.Equal(trigger.IsRecording(), edges.All(e => e.from == e.to));
        }
    }

    [Fact]
    public void Check_RejectResolution_AnswersWithoutTheCallerPredictingTheLevel()
    {
        foreach (var consent in new[] { true, false })
        {
            var complaint = TestComplaints.In(S.ResolutionProposed);
            var draft = new Complaints.Core.History.ResolutionRejection(null, consent, complaint.Level.Rank, complaint.Level.Rank);

            var check = complaint.Check(T.RejectResolution, draft, complaint.Next());

            Assert.Equal(consent ? S.Escalated : S.Investigating, check.Destination);
            Assert.Equal(check.Destination, complaint.RejectResolution(TestComplaints.Customer, complaint.Next(), consent).To);
        }
    }
}
