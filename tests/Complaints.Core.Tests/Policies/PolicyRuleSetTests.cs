using Complaints.Core.Deadlines;
using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Policies;
using Complaints.Core.Sla;
using Complaints.Core.Tests.Sla;
using Complaints.Core.Tests.Support;
using NodaTime;
using T = Complaints.Core.Domain.ComplaintTrigger;

namespace Complaints.Core.Tests.Policies;

public sealed class PolicyRuleSetTests
{
    private static readonly ComplaintLifecycle Lifecycle = new(new LifecycleOptions());
    private static readonly Instant Start = TestComplaints.Start;

    private static readonly SlaEngine Sla = new(
    [
        SlaPolicy.CreateBuilder("customer")
            .AddTarget("acknowledge", SlaTargetKind.Acknowledge, DeadlineRule.ElapsedTime(Duration.FromHours(24)), SlaArbitraries.AlwaysOpen)
            .AddTarget("resolution", SlaTargetKind.Resolution, DeadlineRule.ElapsedTime(Duration.FromDays(10)), SlaArbitraries.AlwaysOpen, t => t.WarnAt(0.8))
            .Build(),
    ]);

    private static Complaint Received(Channel channel = Channel.Email, string? tier = "Gold", Instant? at = null) =>
        Complaint.Receive(
            new ComplaintId($"P-{Guid.NewGuid():N}"),
            new ComplaintIntake(FeedbackKind.Complaint, channel, new CustomerRef("cust-1", tier, "Consumer"), Category.Parse("Orders/Delivery/Late"), "Late again.", at ?? Start),
            Lifecycle);

    private static PolicyRuleSet One(PolicyCondition when, params PolicyAction[] then) =>
        PolicyRuleSet.CreateBuilder(Lifecycle, Sla).AddTeams("billing", "logistics").AddRule("r", when, then.Length == 0 ? [new NotifyAction("agent", "look")] : then).Build();

    private static bool Holds(PolicyCondition when, ComplaintSnapshot complaint, Instant asOf, PolicyContext context = default) =>
        !One(when).Evaluate(complaint, asOf, context).IsEmpty;

    [Fact]
    public void FieldConditions_HoldExactlyOnTheirValues()
    {
        var complaint = Received();
        complaint.Acknowledge(TestComplaints.Agent, Start + Duration.FromHours(1), "On it.");
        complaint.Assess(TestComplaints.Agent, Start + Duration.FromHours(2), Severity.High, Priority.Normal);
        var snapshot = complaint.Snapshot;
        var asOf = Start + Duration.FromHours(3);

        Assert.True(Holds(PolicyCondition.SeverityAtLeast(Severity.High), snapshot, asOf));
        Assert.False(Holds(PolicyCondition.SeverityAtLeast(Severity.Critical), snapshot, asOf));
        Assert.True(Holds(PolicyCondition.PriorityAtLeast(Priority.Normal), snapshot, asOf));
        Assert.False(Holds(PolicyCondition.PriorityAtLeast(Priority.High), snapshot, asOf));
        Assert.True(Holds(PolicyCondition.StateIs(ComplaintState.Assessed, ComplaintState.Closed), snapshot, asOf));
        Assert.False(Holds(PolicyCondition.StateIs(ComplaintState.Closed), snapshot, asOf));
        Assert.True(Holds(PolicyCondition.KindIs(FeedbackKind.Complaint), snapshot, asOf));
        Assert.False(Holds(PolicyCondition.KindIs(FeedbackKind.Suggestion), snapshot, asOf));
        Assert.True(Holds(PolicyCondition.ChannelIs(Channel.Email), snapshot, asOf));
        Assert.False(Holds(PolicyCondition.ChannelIs(Channel.Phone), snapshot, asOf));
        Assert.False(Holds(PolicyCondition.ThroughRegulator(), snapshot, asOf));
        Assert.True(Holds(PolicyCondition.ThroughRegulator(), Received(Channel.RegulatorOrLegalBody).Snapshot, Start));
        Assert.True(Holds(PolicyCondition.TierIs("gold"), snapshot, asOf));
        Assert.False(Holds(PolicyCondition.TierIs("Silver"), snapshot, asOf));
        Assert.False(Holds(PolicyCondition.TierIs("Gold"), Received(tier: null).Snapshot, Start));
        Assert.True(Holds(PolicyCondition.InCategory(Category.Parse("Orders")), snapshot, asOf));
        Assert.True(Holds(PolicyCondition.InCategory(Category.Parse("Orders/Delivery/Late")), snapshot, asOf));
        Assert.False(Holds(PolicyCondition.InCategory(Category.Parse("Orders/Payment")), snapshot, asOf));
        Assert.False(Holds(PolicyCondition.TeamIs("logistics"), snapshot, asOf));
        Assert.False(Holds(PolicyCondition.ReopenedAtLeast(1), snapshot, asOf));
        Assert.False(Holds(PolicyCondition.FlaggedAbusive(), snapshot, asOf));
        Assert.False(Holds(PolicyCondition.ProposalRejected(), snapshot, asOf));
        Assert.False(Holds(PolicyCondition.CompensationOverAuthority(), snapshot, asOf));
        Assert.True(Holds(PolicyCondition.CompensationOverAuthority(), snapshot, asOf, new PolicyContext { ProposedRemedies = [new Remedy(RemedyType.Refund, new Money(1m, "USD"))] }));
        Assert.False(Holds(PolicyCondition.CompensationOverAuthority(), snapshot, asOf, new PolicyContext { ProposedRemedies = [new Remedy(RemedyType.Refund, new Money(1m, Lifecycle.AuthorityCurrency))] }));
        Assert.False(Holds(PolicyCondition.RatingAtMost(5), snapshot, asOf));
        Assert.True(Holds(PolicyCondition.LevelAtLeast("agent"), snapshot, asOf));
        Assert.False(Holds(PolicyCondition.LevelAtLeast("supervisor"), snapshot, asOf));

        complaint.Assign(TestComplaints.Agent, Start + Duration.FromHours(4), "logistics");
        complaint.FlagAbusiveContact(TestComplaints.Agent, Start + Duration.FromHours(5), "Shouted at the agent.");
        Assert.True(Holds(PolicyCondition.TeamIs("billing", "logistics"), complaint.Snapshot, Start + Duration.FromHours(5)));
        Assert.True(Holds(PolicyCondition.FlaggedAbusive(), complaint.Snapshot, Start + Duration.FromHours(5)));

        // As of an earlier instant, the later entries are left out.
        Assert.False(Holds(PolicyCondition.TeamIs("logistics"), complaint.Snapshot, Start + Duration.FromHours(3)));
        Assert.False(Holds(PolicyCondition.FlaggedAbusive(), complaint.Snapshot, Start + Duration.FromHours(3)));
    }

    [Fact]
    public void Compositions_FollowAllAnyAndNot()
    {
        var snapshot = Received().Snapshot;
        var yes = PolicyCondition.ChannelIs(Channel.Email);
        var no = PolicyCondition.ChannelIs(Channel.Phone);

        Assert.True(Holds(PolicyCondition.All(yes, yes), snapshot, Start));
        Assert.False(Holds(PolicyCondition.All(yes, no), snapshot, Start));
        Assert.True(Holds(PolicyCondition.All(), snapshot, Start));
        Assert.True(Holds(PolicyCondition.Any(no, yes), snapshot, Start));
        Assert.False(Holds(PolicyCondition.Any(no, no), snapshot, Start));
        Assert.False(Holds(PolicyCondition.Any(), snapshot, Start));
        Assert.True(Holds(PolicyCondition.Not(no), snapshot, Start));
        Assert.False(Holds(PolicyCondition.Not(PolicyCondition.Any(no, yes)), snapshot, Start));

        // The facts name what decided it: for a miss of All, only the part that failed.
        var miss = Assert.Single(One(PolicyCondition.All(yes, no)).Evaluate(snapshot, Start, explainMisses: true).Misses);
        Assert.Equal(["channel Email, one of Phone"], miss.Facts);
        var match = Assert.Single(One(PolicyCondition.Any(no, yes)).Evaluate(snapshot, Start).Matches);
        Assert.Equal(["channel Email, one of Email"], match.Facts);
        match = Assert.Single(One(PolicyCondition.Not(no)).Evaluate(snapshot, Start).Matches);
        Assert.Equal(["not: channel Email, one of Phone"], match.Facts);
    }

    [Fact]
    public void SlaConditions_ReadTheEngineAtTheInstant_AndNameTheShareAndThreshold()
    {
        var complaint = Received();
        var snapshot = complaint.Snapshot;

        // Not acknowledged after 25 hours: the acknowledgement target is breached; the resolution target has used 10.4 % of 10 days.
        var late = Start + Duration.FromHours(25);
        Assert.True(Holds(PolicyCondition.TargetBreached("acknowledge"), snapshot, late));
        Assert.False(Holds(PolicyCondition.TargetBreached("acknowledge"), snapshot, Start + Duration.FromHours(23)));
        Assert.True(Holds(PolicyCondition.TargetBreached("acknowledge", "customer"), snapshot, late));
        Assert.False(Holds(PolicyCondition.TargetAtRisk("resolution"), snapshot, late));
        Assert.True(Holds(PolicyCondition.TargetAtRisk("resolution"), snapshot, Start + Duration.FromDays(8) + Duration.FromHours(1)));
        Assert.False(Holds(PolicyCondition.ShareUsedAtLeast("resolution", 0.9), snapshot, Start + Duration.FromDays(8) + Duration.FromHours(1)));

        var decision = One(PolicyCondition.ShareUsedAtLeast("resolution", 0.9)).Evaluate(snapshot, Start + Duration.FromDays(9) + Duration.FromHours(4));
        var match = Assert.Single(decision.Matches);
        Assert.Equal(["customer resolution target 91.7 % used (AtRisk), threshold 90 %"], match.Facts);

        // A met target has used nothing more: no share condition holds on it.
        complaint.Acknowledge(TestComplaints.Agent, Start + Duration.FromHours(1), "On it.");
        complaint.Assess(TestComplaints.Agent, Start + Duration.FromHours(2), Severity.Low, Priority.Normal);
        complaint.StartInvestigation(TestComplaints.Agent, Start + Duration.FromHours(3));
        complaint.ProposeResolution(TestComplaints.Agent, Start + Duration.FromHours(4), [new Remedy(RemedyType.Apology)]);
        complaint.AcceptResolution(TestComplaints.Customer, Start + Duration.FromHours(5));
        Assert.False(Holds(PolicyCondition.ShareUsedAtLeast("resolution", 0.01), complaint.Snapshot, Start + Duration.FromDays(9)));
        Assert.False(Holds(PolicyCondition.TargetBreached("acknowledge"), complaint.Snapshot, late));
    }

    [Fact]
    public void LadderStepsTiedToADeadline_HoldBeforeAtAndAfterTheBreach_AndStopOnceMet()
    {
        var complaint = Received();
        var snapshot = complaint.Snapshot;
        var dueSoon = PolicyCondition.TargetDueWithin("acknowledge", Duration.FromHours(3));
        var atBreach = PolicyCondition.TargetOverdueBy("acknowledge", Duration.Zero);
        var wellPast = PolicyCondition.TargetOverdueBy("acknowledge", Duration.FromHours(2), "customer");

        Assert.False(Holds(dueSoon, snapshot, Start + Duration.FromHours(20)));
        Assert.True(Holds(dueSoon, snapshot, Start + Duration.FromHours(21)));
        Assert.False(Holds(PolicyCondition.TargetDueWithin("acknowledge", Duration.FromHours(1)), snapshot, Start + Duration.FromHours(22)));
        Assert.False(Holds(atBreach, snapshot, Start + Duration.FromHours(24)));
        Assert.True(Holds(atBreach, snapshot, Start + Duration.FromHours(24) + Duration.Epsilon));
        Assert.False(Holds(dueSoon, snapshot, Start + Duration.FromHours(25)));
        Assert.False(Holds(wellPast, snapshot, Start + Duration.FromHours(25)));
        var match = Assert.Single(One(wellPast).Evaluate(snapshot, Start + Duration.FromHours(27)).Matches);
        Assert.Equal(["customer acknowledge target Breached, 0:03:00 of working time past its deadline, at least 0:02:00"], match.Facts);

        // Met late: the breach stays on record, but the steps after it stop.
        complaint.Acknowledge(TestComplaints.Agent, Start + Duration.FromHours(28), "Sorry for the wait.");
        Assert.True(Holds(PolicyCondition.TargetBreached("acknowledge"), complaint.Snapshot, Start + Duration.FromHours(29)));
        Assert.False(Holds(wellPast, complaint.Snapshot, Start + Duration.FromHours(29)));
        Assert.Throws<ArgumentOutOfRangeException>(() => PolicyCondition.TargetOverdueBy("acknowledge", -Duration.Epsilon));
    }

    [Fact]
    public void LevelResponseTargets_OnTheLifecyclesOwnLadder_CountFromReachingTheLevel()
    {
        var options = new LifecycleOptions().ReplaceLadder(
            new EscalationLevelOptions { Name = "Agent", AuthorityLimit = 100m, ResponseTarget = TimeSpan.FromHours(8) },
            new EscalationLevelOptions { Name = "Supervisor", AuthorityLimit = 500m, ResponseTarget = TimeSpan.FromHours(4) },
            new EscalationLevelOptions { Name = "Manager", AuthorityLimit = null });
        var lifecycle = new ComplaintLifecycle(options);
        Assert.Equal(Duration.FromHours(4), lifecycle.Levels[1].ResponseTarget);
        var rules = PolicyRuleSet.CreateBuilder(lifecycle).AddRule("level overdue", PolicyCondition.LevelResponseOverdue(), new NotifyAction("supervisor", "respond")).Build();
        var complaint = Complaint.Receive(new ComplaintId("LVL-1"), TestComplaints.Intake(), lifecycle);
        bool Overdue(Instant at) => !rules.Evaluate(complaint.Snapshot, at).IsEmpty;

        Assert.False(Overdue(Start + Duration.FromHours(8) - Duration.Epsilon));
        Assert.True(Overdue(Start + Duration.FromHours(8)));
        complaint.Acknowledge(TestComplaints.Agent, Start + Duration.FromHours(1), "On it.");
        Assert.False(Overdue(Start + Duration.FromHours(9)));

        complaint.RaiseLevel(TestComplaints.Agent, Start + Duration.FromHours(10), "Complex.", toLevel: 1);
        Assert.Equal(Start + Duration.FromHours(10), complaint.Snapshot.LevelReachedAt);
        Assert.False(Overdue(Start + Duration.FromHours(13)));
        var decision = rules.Evaluate(complaint.Snapshot, Start + Duration.FromHours(14));
        Assert.Equal(["0:04:00 at level Supervisor with no response, target 0:04:00"], Assert.Single(decision.Matches).Facts);
        complaint.RecordCommunication(TestComplaints.Agent, Start + Duration.FromHours(15), CommunicationKind.PublicReply, "We are looking into it.");
        Assert.False(Overdue(Start + Duration.FromHours(16)));

        complaint.RaiseLevel(TestComplaints.Agent, Start + Duration.FromHours(17), "Still complex.", toLevel: 2);
        Assert.False(Overdue(Start + Duration.FromDays(30))); // the manager's level has no target

        var invalid = new LifecycleOptionsValidator().Validate(null, new LifecycleOptions().ReplaceLadder(
            new EscalationLevelOptions { Name = "A", ResponseTarget = TimeSpan.Zero }, new EscalationLevelOptions { Name = "B" }));
        Assert.Contains("EscalationLevels[0].ResponseTarget: must be positive", invalid.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void HostFactsAndTimeSince_CountFromTheRightInstants()
    {
        var complaint = Received();
        complaint.Acknowledge(TestComplaints.Agent, Start + Duration.FromHours(1), "On it.");
        complaint.RecordCommunication(TestComplaints.Customer, Start + Duration.FromHours(2), CommunicationKind.CustomerMessage, "Any news?");
        var snapshot = complaint.Snapshot;
        Assert.Equal(Start + Duration.FromHours(1), snapshot.LastResponseAt);

        Assert.True(Holds(PolicyCondition.SinceLastCustomerMessage(Duration.FromHours(48)), snapshot, Start + Duration.FromHours(50)));
        Assert.False(Holds(PolicyCondition.SinceLastCustomerMessage(Duration.FromHours(48)), snapshot, Start + Duration.FromHours(49)));
        Assert.True(Holds(PolicyCondition.SinceLastUpdate(Duration.FromHours(48)), snapshot, Start + Duration.FromHours(49)));
        Assert.False(Holds(PolicyCondition.SinceLastUpdate(Duration.FromHours(48)), snapshot, Start + Duration.FromHours(48)));

        // With no message or update yet, the time counts from receipt.
        Assert.True(Holds(PolicyCondition.SinceLastUpdate(Duration.FromHours(1)), Received().Snapshot, Start + Duration.FromHours(1)));

        Assert.True(Holds(PolicyCondition.RepeatComplainant(3), snapshot, Start, new PolicyContext { RecentComplaintsFromCustomer = 3 }));
        Assert.False(Holds(PolicyCondition.RepeatComplainant(3), snapshot, Start, new PolicyContext { RecentComplaintsFromCustomer = 2 }));
        Assert.False(Holds(PolicyCondition.RepeatComplainant(3), snapshot, Start));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => One(PolicyCondition.RepeatComplainant(3)).Evaluate(snapshot, Start, new PolicyContext { RecentComplaintsFromCustomer = -1 }));
        Assert.Contains(snapshot.Id.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ActionsOfSeveralRules_KeepTheHighestLevelAndPriority_TheFirstTeam_AndEachNotificationOnce()
    {
        var complaint = Received();
        complaint.Acknowledge(TestComplaints.Agent, Start + Duration.FromHours(1), "On it.");
        complaint.Assess(TestComplaints.Agent, Start + Duration.FromHours(2), Severity.High, Priority.High);
        var always = PolicyCondition.KindIs(FeedbackKind.Complaint);
        var rules = PolicyRuleSet.CreateBuilder(Lifecycle).AddTeams("billing", "logistics")
            .AddRule("to supervisor", always, new RaiseLevelAction("supervisor"), new NotifyAction("supervisor", "escalated"), new AssignTeamAction("logistics"))
            .AddRule("to manager", always, new RaiseLevelAction("manager"), new RaisePriorityAction(Priority.Normal), new NotifyAction("supervisor", "escalated"))
            .AddRule("urgent", always, new RaisePriorityAction(Priority.Urgent), new AssignTeamAction("billing"), new FlagForRegulatorAction("Repeated failure."))
            .Build();

        var decision = rules.Evaluate(complaint.Snapshot, Start + Duration.FromHours(3));

        Assert.Equal(["to supervisor", "to manager", "urgent"], decision.Matches.Select(m => m.Rule.Name));
        Assert.Equal<PolicyAction>(
            [new NotifyAction("supervisor", "escalated"), new AssignTeamAction("logistics"), new RaiseLevelAction("manager"), new RaisePriorityAction(Priority.Urgent), new FlagForRegulatorAction("Repeated failure.")],
            decision.Actions);
        Assert.Equal(["raise to level supervisor: a higher level, Manager, is asked for by rule 'to manager'"], decision.Matches[0].SetAside);
        Assert.Equal(["raise priority to Normal: priority is already High", "notify supervisor: escalated: asked for already by an earlier rule"], decision.Matches[1].SetAside);
        Assert.Equal(["assign to billing: rule 'to supervisor' decides the team first"], decision.Matches[2].SetAside);

        // Escalation only moves up: at manager already, raising to supervisor is set aside.
        complaint.RaiseLevel(TestComplaints.Agent, Start + Duration.FromHours(4), "Complex.", toLevel: 2);
        decision = rules.Evaluate(complaint.Snapshot, Start + Duration.FromHours(5));
        Assert.DoesNotContain(decision.Actions, a => a is RaiseLevelAction);
        Assert.Equal("raise to level supervisor: already at level Manager", decision.Matches[0].SetAside[0]);
    }

    [Fact]
    public void LowerLevelAction_BelowTheCurrentLevel_IsKept_AndCarriedOutWithLowerLevel()
    {
        var complaint = Received();
        complaint.Acknowledge(TestComplaints.Agent, Start + Duration.FromHours(1), "On it.");
        complaint.RaiseLevel(TestComplaints.Agent, Start + Duration.FromHours(2), "Complex.", toLevel: 2);
        var rules = PolicyRuleSet.CreateBuilder(Lifecycle)
            .AddRule("reviewed", PolicyCondition.LevelAtLeast("Manager"), new LowerLevelAction("supervisor"), new NotifyAction("supervisor", "handed-back"))
            .Build();
        var at = Start + Duration.FromHours(3);

        var decision = rules.Evaluate(complaint.Snapshot, at);

        Assert.Equal<PolicyAction>([new LowerLevelAction("supervisor"), new NotifyAction("supervisor", "handed-back")], decision.Actions);
        Assert.Empty(decision.Matches[0].SetAside);
        Assert.EndsWith("reviewed -> lower to level supervisor; notify supervisor: handed-back", decision.ToString(), StringComparison.Ordinal);
        var target = rules.Lifecycle.Levels.Single(l => string.Equals(l.Name, "supervisor", StringComparison.OrdinalIgnoreCase));
        complaint.LowerLevel(Actor.System("policies"), at, "Rule 'reviewed'.", target.Rank);
        Assert.Equal("Supervisor", complaint.Level.Name);

        // At or below the level asked for, the lowering is set aside.
        complaint.LowerLevel(TestComplaints.Agent, at + Duration.FromHours(1), "Back to the agent.");
        var atAgent = PolicyRuleSet.CreateBuilder(Lifecycle).AddRule("reviewed", PolicyCondition.KindIs(FeedbackKind.Complaint), new LowerLevelAction("supervisor")).Build()
            .Evaluate(complaint.Snapshot, at + Duration.FromHours(2));
        Assert.Empty(atAgent.Actions);
        Assert.Equal(["lower to level supervisor: already at level Supervisor or below"], atAgent.Matches[0].SetAside);
    }

    [Fact]
    public void LowerLevelAction_WithAMatchedRaise_IsSetAsideNamingTheRaisingRule_AndTheFirstLoweringDecides()
    {
        var complaint = Received();
        complaint.Acknowledge(TestComplaints.Agent, Start + Duration.FromHours(1), "On it.");
        complaint.RaiseLevel(TestComplaints.Agent, Start + Duration.FromHours(2), "Complex.", toLevel: 2);
        PolicyDecision Decide(params (string Name, PolicyAction[] Then)[] rules)
        {
            var builder = PolicyRuleSet.CreateBuilder(Lifecycle);
            foreach (var (name, then) in rules)
            {
                builder.AddRule(name, PolicyCondition.KindIs(FeedbackKind.Complaint), then);
            }

            return builder.Build().Evaluate(complaint.Snapshot, Start + Duration.FromHours(3));
        }

        // A raise above the current level wins: every lowering is set aside.
        var raised = Decide(("back to agent", [new LowerLevelAction("agent")]), ("to executive", [new RaiseLevelAction("executive")]));
        Assert.Equal<PolicyAction>([new RaiseLevelAction("executive")], raised.Actions);
        Assert.Equal(["lower to level agent: level Executive is asked for by rule 'to executive'"], raised.Matches[0].SetAside);

        // A raise set aside (the complaint is above it already) still keeps a lowering from going below it.
        var floor = Decide(
            ("back to agent", [new LowerLevelAction("agent")]),
            ("severe", [new RaiseLevelAction("supervisor")]),
            ("reviewed", [new LowerLevelAction("supervisor")]),
            ("reviewed again", [new LowerLevelAction("supervisor"), new LowerLevelAction("manager")]));
        Assert.Equal<PolicyAction>([new LowerLevelAction("supervisor")], floor.Actions);
        Assert.Equal(["lower to level agent: level Supervisor is asked for by rule 'severe'"], floor.Matches[0].SetAside);
        Assert.Equal(["raise to level supervisor: already at level Manager"], floor.Matches[1].SetAside);
        Assert.Empty(floor.Matches[2].SetAside);
        Assert.Equal(
            ["lower to level supervisor: rule 'reviewed' decides the lowering first", "lower to level manager: already at level Manager or below"],
            floor.Matches[3].SetAside);

        // Without a raise, the first rule's lowering decides, not the lowest level asked for.
        var first = Decide(("reviewed", [new LowerLevelAction("supervisor")]), ("back to agent", [new LowerLevelAction("agent")]));
        Assert.Equal<PolicyAction>([new LowerLevelAction("supervisor")], first.Actions);
        Assert.Equal(["lower to level agent: rule 'reviewed' decides the lowering first"], first.Matches[1].SetAside);
    }

    [Fact]
    public void LowerLevelAction_BadLevel_IsRefusedNamingTheField()
    {
        Assert.Equal("level", Assert.Throws<ArgumentNullException>(() => new LowerLevelAction(null!)).ParamName);
        Assert.Equal("level", Assert.Throws<ArgumentException>(() => new LowerLevelAction(" ")).ParamName);
        Assert.Equal("lower to level Agent", new LowerLevelAction("Agent").ToString());
    }

    [Fact]
    public void ARecordedRule_FiresOncePerCycle_OrAgainAfterItsRepeatInterval()
    {
        var complaint = Received();
        complaint.Acknowledge(TestComplaints.Agent, Start + Duration.FromHours(1), "On it.");
        complaint.Assess(TestComplaints.Agent, Start + Duration.FromHours(2), Severity.High, Priority.Normal);
        var rules = PolicyRuleSet.CreateBuilder(Lifecycle)
            .AddRule("severe", PolicyCondition.SeverityAtLeast(Severity.High), new RaiseLevelAction("Supervisor"))
            .AddRule(new PolicyRule("chase", PolicyCondition.SinceLastUpdate(Duration.FromDays(2)), [new NotifyAction("agent", "chase")], repeatEvery: Duration.FromDays(1)))
            .Build();
        var system = Actor.System("policies");

        var at = Start + Duration.FromDays(3);
        var decision = rules.Evaluate(complaint.Snapshot, at);
        Assert.Equal(["severe", "chase"], decision.Matches.Select(m => m.Rule.Name));
        complaint.RaiseLevel(system, at, "Rule 'severe'.", toLevel: 1);
        complaint.RecordPolicyApplication(system, at, "severe", "Raised to Supervisor.");
        complaint.RecordPolicyApplication(system, at, "chase");
        Assert.Equal([new AppliedPolicy("severe", 0, at), new AppliedPolicy("chase", 0, at)], complaint.Snapshot.AppliedPolicies);

        // The same instant and later: nothing more, until the repeating rule's interval has passed.
        Assert.Empty(rules.Evaluate(complaint.Snapshot, at).Matches);
        var held = rules.Evaluate(complaint.Snapshot, at + Duration.FromHours(23));
        Assert.Empty(held.Matches);
        Assert.Equal($"carried out already at {at} in cycle 0, once per cycle", held.AlreadyApplied[0].Facts[^1]);
        Assert.Equal($"carried out already at {at} in cycle 0, repeats 1:00:00:00 after", held.AlreadyApplied[1].Facts[^1]);
        Assert.Equal(["chase"], rules.Evaluate(complaint.Snapshot, at + Duration.FromDays(1)).Matches.Select(m => m.Rule.Name));

        // Evaluated as of before the record, the rules fire as they did then.
        Assert.Equal(["severe", "chase"], rules.Evaluate(complaint.Snapshot, at - Duration.Epsilon).Matches.Select(m => m.Rule.Name));

        // A reopening starts a new cycle, in which the rules may fire again.
        complaint.StartInvestigation(TestComplaints.Agent, at + Duration.FromHours(1));
        complaint.ProposeResolution(TestComplaints.Agent, at + Duration.FromHours(2), [new Remedy(RemedyType.Apology)]);
        complaint.AcceptResolution(TestComplaints.Customer, at + Duration.FromHours(3));
        complaint.StartFollowUp(TestComplaints.Agent, at + Duration.FromHours(4));
        complaint.Close(TestComplaints.Agent, at + Duration.FromHours(5), ComplaintOutcome.Upheld);
        Assert.Throws<ComplaintTransitionRefusedException>(() => complaint.RecordPolicyApplication(system, at + Duration.FromHours(6), "severe"));
        complaint.Reopen(TestComplaints.Customer, at + Duration.FromHours(6), "It happened again.");
        var reopened = rules.Evaluate(complaint.Snapshot, at + Duration.FromHours(7));
        Assert.Equal(["severe"], reopened.Matches.Select(m => m.Rule.Name));
        Assert.Empty(reopened.Actions.OfType<RaiseLevelAction>()); // already at Supervisor: escalation only moves up
        Assert.Throws<ArgumentOutOfRangeException>(() => new PolicyRule("r", PolicyCondition.FlaggedAbusive(), [new NotifyAction("a", "b")], repeatEvery: Duration.Zero));
    }

    [Fact]
    public void Routing_SendsAnUnassignedComplaintToTheMostSpecificRoute_SuggestionsIncluded()
    {
        var table = RoutingTable.CreateBuilder("front desk")
            .Add(Category.Parse("Orders"), "orders")
            .Add(Category.Parse("Orders/Delivery"), "logistics")
            .Add(Category.Parse("Orders/Delivery"), "claims", FeedbackKind.Claim)
            .Add(null, "product", FeedbackKind.Suggestion)
            .Build();
        ComplaintSnapshot Of(FeedbackKind kind, string category) => Complaint.Receive(
            new ComplaintId($"R-{Guid.NewGuid():N}"), new ComplaintIntake(kind, Channel.Email, new CustomerRef("c"), Category.Parse(category), "Text.", Start), Lifecycle).Snapshot;

        Assert.Equal("logistics", table.Find(Of(FeedbackKind.Complaint, "Orders/Delivery/Late")).Department);
        Assert.Equal("claims", table.Find(Of(FeedbackKind.Claim, "Orders/Delivery/Late")).Department);
        Assert.Equal("orders", table.Find(Of(FeedbackKind.Claim, "Orders/Payment")).Department);
        Assert.Equal("logistics", table.Find(Of(FeedbackKind.Suggestion, "Orders/Delivery")).Department); // the owning department
        Assert.Equal("product", table.Find(Of(FeedbackKind.Suggestion, "Website")).Department);
        Assert.Equal((null, "front desk"), table.Find(Of(FeedbackKind.Complaint, "Website")));

        var rules = PolicyRuleSet.CreateBuilder(Lifecycle).AddTeams("front desk", "orders", "logistics", "claims", "product", "safeguarding")
            .AddRule("abusive", PolicyCondition.FlaggedAbusive(), new AssignTeamAction("safeguarding"))
            .RouteBy(table)
            .Build();
        var complaint = Received();
        var decision = rules.Evaluate(complaint.Snapshot, Start);
        var match = Assert.Single(decision.Matches);
        Assert.Equal(PolicyRuleSet.RoutingRuleName, match.Rule.Name);
        Assert.Equal(["unassigned, category Orders/Delivery/Late, kind Complaint: Orders/Delivery -> logistics"], match.Facts);
        Assert.Equal<PolicyAction>([new AssignTeamAction("logistics")], decision.Actions);

        // A rule that assigns a team decides first; an assigned complaint is left where it is.
        complaint.FlagAbusiveContact(TestComplaints.Agent, Start + Duration.FromMinutes(1), "Threats.");
        Assert.Equal<PolicyAction>([new AssignTeamAction("safeguarding")], rules.Evaluate(complaint.Snapshot, Start + Duration.FromMinutes(1)).Actions);
        var assigned = Received();
        assigned.Assign(TestComplaints.Agent, Start + Duration.FromMinutes(1), "orders");
        Assert.True(rules.Evaluate(assigned.Snapshot, Start + Duration.FromMinutes(1)).IsEmpty);

        var error = Assert.Throws<ArgumentException>(() => RoutingTable.CreateBuilder("x").Add(Category.Parse("Orders"), "a").Add(Category.Parse("Orders"), "b"));
        Assert.Contains("Route Orders -> b: Orders -> a is routed already", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => RoutingTable.CreateBuilder("x").Add(null, "a"));
        error = Assert.Throws<ArgumentException>(() => PolicyRuleSet.CreateBuilder(Lifecycle).AddTeams("orders").RouteBy(table));
        Assert.Contains("Rule 'routing: Claim Orders/Delivery -> claims': team 'claims' is not one of the rule set's teams (orders)", error.Message, StringComparison.Ordinal);
        error = Assert.Throws<ArgumentException>(() => PolicyRuleSet.CreateBuilder(Lifecycle).AddRule("routing", PolicyCondition.FlaggedAbusive(), new NotifyAction("a", "b")));
        Assert.Contains("kept for the routing table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compensation_OutsideTheCatalogue_AboveTheLevel_OrOverBudget_AsksForApproval_NeverACap()
    {
        var catalogue = RemedyCatalogue.CreateBuilder()
            .Add(RemedyType.Apology, "Agent")
            .Add(RemedyType.Refund, "Agent", new Money(20m, "EUR"))
            .Add(RemedyType.Replacement, "Supervisor")
            .Build();
        var budget = new Money(300m, "EUR");
        var rules = PolicyRuleSet.CreateBuilder(Lifecycle)
            .UseCatalogue(catalogue)
            .AddRule("not offered", PolicyCondition.RemedyNotOffered(), new RequireApprovalAction("supervisor", "Remedy not offered at this level."))
            .AddRule("over budget", PolicyCondition.CompensationOverBudget(budget), new RequireApprovalAction("manager", "Over the customer's budget."), new RaiseLevelAction("Manager"))
            .Build();
        var snapshot = Received().Snapshot;
        PolicyDecision Ask(PolicyContext context) => rules.Evaluate(snapshot, Start, context, explainMisses: true);

        Assert.Equal(new Remedy(RemedyType.Refund, new Money(20m, "EUR")), catalogue.Find(RemedyType.Refund)!.ToRemedy());
        Assert.True(Ask(default).IsEmpty);
        Assert.Equal(["no compensation proposed"], Ask(default).Misses[0].Facts);
        Assert.True(Ask(new PolicyContext { ProposedRemedies = [catalogue.Find(RemedyType.Refund)!.ToRemedy(), new Remedy(RemedyType.Apology)] }).IsEmpty);

        var replacement = Ask(new PolicyContext { ProposedRemedies = [new Remedy(RemedyType.Replacement)] });
        Assert.Equal(["remedy Replacement proposed may be offered from level Supervisor; the complaint is at level Agent"], Assert.Single(replacement.Matches).Facts);
        var voucher = Ask(new PolicyContext { ProposedRemedies = [new Remedy(RemedyType.GiftCard, new Money(10m, "EUR"))] });
        Assert.Equal(["remedy GiftCard proposed is not in the catalogue"], Assert.Single(voucher.Matches).Facts);

        // The budget counts what the customer has had this period with what is proposed.
        var refund = new Remedy(RemedyType.Refund, new Money(100m, "EUR"));
        Assert.True(Ask(new PolicyContext { ProposedRemedies = [refund], CompensationThisPeriod = new Money(200m, "EUR") }).IsEmpty);
        var over = Ask(new PolicyContext { ProposedRemedies = [refund], CompensationThisPeriod = new Money(200.01m, "EUR") });
        Assert.Equal(["300.01 EUR with the period's compensation so far, budget 300.00 EUR"], Assert.Single(over.Matches).Facts);
        Assert.Equal<PolicyAction>([new RequireApprovalAction("manager", "Over the customer's budget."), new RaiseLevelAction("Manager")], over.Actions);
        var foreign = Ask(new PolicyContext { ProposedRemedies = [new Remedy(RemedyType.Refund, new Money(1m, "USD"))] });
        Assert.Equal(["compensation in USD cannot be compared with the budget of 300.00 EUR"], foreign.Matches.Single(m => m.Rule.Name == "over budget").Facts);
        var huge = Ask(new PolicyContext { ProposedRemedies = [new Remedy(RemedyType.Refund, new Money(decimal.MaxValue, "EUR"))], CompensationThisPeriod = new Money(decimal.MaxValue, "EUR") });
        Assert.Contains(huge.Matches, m => m.Rule.Name == "over budget");

        Assert.Contains("needs one; set it with UseCatalogue", Assert.Throws<ArgumentException>(() => PolicyRuleSet.CreateBuilder(Lifecycle).AddRule("r", PolicyCondition.RemedyNotOffered(), new NotifyAction("a", "b"))).Message, StringComparison.Ordinal);
        Assert.Contains("Rule 'catalogue: Refund': level 'Director' is not on the escalation ladder", Assert.Throws<ArgumentException>(() => PolicyRuleSet.CreateBuilder(Lifecycle).UseCatalogue(RemedyCatalogue.CreateBuilder().Add(RemedyType.Refund, "Director").Build())).Message, StringComparison.Ordinal);
        Assert.Contains("Remedy Refund is in the catalogue already", Assert.Throws<ArgumentException>(() => RemedyCatalogue.CreateBuilder().Add(RemedyType.Refund, "Agent").Add(RemedyType.Refund, "Manager")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PolicyCondition.CompensationOverBudget(default));
    }

    [Fact]
    public void Builder_RefusesBadRules_NamingTheRuleAndTheName_AndIsLeftAsItWas()
    {
        var builder = PolicyRuleSet.CreateBuilder(Lifecycle, Sla).AddTeams("billing");
        var notify = new NotifyAction("agent", "look");
        builder.AddRule("first", PolicyCondition.FlaggedAbusive(), notify);

        void Refused(string expected, Action add)
        {
            var error = Assert.ThrowsAny<ArgumentException>(add);
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }

        Refused("Rule 'first': another rule has this name", () => builder.AddRule("first", PolicyCondition.FlaggedAbusive(), notify));
        Refused("Rule 'r': level 'director' is not on the escalation ladder (Agent, Supervisor, Manager, Executive)", () => builder.AddRule("r", PolicyCondition.LevelAtLeast("director"), notify));
        Refused("Rule 'r': level 'director' is not on the escalation ladder", () => builder.AddRule("r", PolicyCondition.FlaggedAbusive(), new RaiseLevelAction("director")));
        Refused("Rule 'r': level 'director' is not on the escalation ladder", () => builder.AddRule("r", PolicyCondition.FlaggedAbusive(), notify, new LowerLevelAction("director")));
        Refused("Rule 'r': team 'returns' is not one of the rule set's teams (billing)", () => builder.AddRule("r", PolicyCondition.FlaggedAbusive(), new AssignTeamAction("returns")));
        Refused("Rule 'r': team 'returns' is not one of the rule set's teams", () => builder.AddRule("r", PolicyCondition.Not(PolicyCondition.TeamIs("returns")), notify));
        Refused("Rule 'r': no SLA policy has a target named 'answer' (targets: acknowledge, resolution)", () => builder.AddRule("r", PolicyCondition.TargetBreached("answer"), notify));
        Refused("Rule 'r': no SLA policy of group 'regulatory' has a target named 'resolution'", () => builder.AddRule("r", PolicyCondition.Any(PolicyCondition.TargetAtRisk("resolution", "regulatory")), notify));
        Refused("Rule 'r': then must hold at least one action", () => builder.AddRule("r", PolicyCondition.FlaggedAbusive()));
        Refused("Rule 'r': then[1] is null", () => builder.AddRule("r", PolicyCondition.FlaggedAbusive(), notify, null!));
        Refused("Rule 'r': a condition on target 'resolution' needs the SLA engine", () => PolicyRuleSet.CreateBuilder(Lifecycle).AddRule("r", PolicyCondition.ShareUsedAtLeast("resolution", 0.5), notify));
        Refused("team 'x' is not one of the rule set's teams (none declared; add them with AddTeams)", () => PolicyRuleSet.CreateBuilder(Lifecycle).AddRule("r", PolicyCondition.TeamIs("x"), notify));
        Refused("conditions[1] is null", () => PolicyCondition.All(PolicyCondition.FlaggedAbusive(), null!));
        Refused("share must be between 0 and 1", () => PolicyCondition.ShareUsedAtLeast("resolution", 1.5));
        Refused("share must be between 0 and 1", () => PolicyCondition.ShareUsedAtLeast("resolution", double.NaN));
        Refused("rating must be from 1 to 5", () => PolicyCondition.RatingAtMost(0));
        Refused("elapsed must be positive", () => PolicyCondition.SinceLastUpdate(Duration.Zero));
        Refused("states must hold at least one value", () => PolicyCondition.StateIs());
        Refused("severity is not a defined Severity", () => PolicyCondition.SeverityAtLeast((Severity)42));
        Refused("priority is not a defined Priority", () => _ = new RaisePriorityAction((Priority)42));
        Refused("count", () => PolicyCondition.RepeatComplainant(1));

        // None of the refused rules went in.
        var set = builder.Build();
        Assert.Equal(["first"], set.Rules.Select(r => r.Name));
        ReadOnlyAssert.CannotMutate(set.Rules);
        ReadOnlyAssert.CannotMutate(set.Teams);
    }

    [Fact]
    public void Evaluate_RefusesAnInstantBeforeReceipt_AndOrdersRulesByOrderThenAsAdded()
    {
        var snapshot = Received().Snapshot;
        var always = PolicyCondition.KindIs(FeedbackKind.Complaint);
        var notify = new NotifyAction("agent", "look");
        var set = PolicyRuleSet.CreateBuilder(Lifecycle)
            .AddRule(new PolicyRule("late", always, [notify], order: 5))
            .AddRule(new PolicyRule("early", always, [notify], order: -1))
            .AddRule(new PolicyRule("also late", always, [notify], order: 5))
            .Build();

        Assert.Equal(["early", "late", "also late"], set.Rules.Select(r => r.Name));
        Assert.Equal(["early", "late", "also late"], set.Evaluate(snapshot, Start).Matches.Select(m => m.Rule.Name));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => set.Evaluate(snapshot, Start - Duration.Epsilon));
        Assert.Equal("asOf", error.ParamName);
        Assert.Contains(snapshot.Id.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => set.Evaluate(null!, Start));
    }

    // Seed stories, each from history to decisions.
    private static PolicyRuleSet Escalation() =>
        PolicyRuleSet.CreateBuilder(Lifecycle, Sla).AddTeams("logistics", "quality", "safeguarding")
            .AddRule("update overdue", PolicyCondition.All(PolicyCondition.StateIs(ComplaintState.Investigating, ComplaintState.Escalated), PolicyCondition.SinceLastUpdate(Duration.FromDays(3))), new NotifyAction(NotifyAction.Customer, "progress-update"), new NotifyAction("supervisor", "update-overdue"))
            .AddRule("acknowledgement breached", PolicyCondition.TargetBreached("acknowledge"), new RaiseLevelAction("supervisor"), new RaisePriorityAction(Priority.High))
            .AddRule("over authority", PolicyCondition.CompensationOverAuthority(), new RequireApprovalAction("supervisor", "Remedy above the agent's authority."), new RaiseLevelAction("supervisor"))
            .AddRule("abusive", PolicyCondition.FlaggedAbusive(), new AssignTeamAction("safeguarding"), new NotifyAction("manager", "abusive-contact"))
            .AddRule("defect", PolicyCondition.InCategory(Category.Parse("Products/Defect")), new AssignTeamAction("quality"))
            .Build();

    [Fact]
    public void Story_AnOutOfStockOrderWhosePromisedUpdateGoesUnsent_GetsTheUpdateAsked()
    {
        var complaint = Received();
        complaint.Acknowledge(TestComplaints.Agent, Start + Duration.FromHours(1), "The item is out of stock; we will update you within three days.");
        complaint.Assess(TestComplaints.Agent, Start + Duration.FromHours(2), Severity.Medium, Priority.Normal);
        complaint.StartInvestigation(TestComplaints.Agent, Start + Duration.FromHours(3));

        Assert.True(Escalation().Evaluate(complaint.Snapshot, Start + Duration.FromDays(3)).IsEmpty);
        var decision = Escalation().Evaluate(complaint.Snapshot, Start + Duration.FromDays(3) + Duration.FromHours(2));
        var match = Assert.Single(decision.Matches);
        Assert.Equal("update overdue", match.Rule.Name);
        Assert.Equal(["state Investigating, one of Investigating, Escalated", "3:01:00 since the last update to the customer, at least 3:00:00"], match.Facts);
        Assert.Contains(decision.Actions, a => a is NotifyAction { ToCustomer: true, Topic: "progress-update" });
    }

    [Fact]
    public void Story_AMissedAcknowledgement_IsEscalatedWithItsBreach()
    {
        var snapshot = Received().Snapshot;
        var decision = Escalation().Evaluate(snapshot, Start + Duration.FromDays(2), explainMisses: true);
        var match = Assert.Single(decision.Matches);
        Assert.Equal("acknowledgement breached", match.Rule.Name);
        Assert.Equal(["customer acknowledge target Breached, Breached wanted"], match.Facts);
        Assert.Equal<PolicyAction>([new RaiseLevelAction("supervisor"), new RaisePriorityAction(Priority.High)], decision.Actions);
        Assert.Equal(4, decision.Misses.Count);
        Assert.Contains(decision.Misses, m => m.Rule.Name == "abusive" && m.Facts.SequenceEqual(["abusive contact not flagged, flagged"]));
    }

    [Fact]
    public void Story_ADefectiveProductWhoseRefundExceedsTheAgentsAuthority_NeedsApproval()
    {
        var complaint = Complaint.Receive(
            new ComplaintId("DEFECT-1"),
            new ComplaintIntake(FeedbackKind.Claim, Channel.WebForm, new CustomerRef("cust-2"), Category.Parse("Products/Defect/Kettle"), "The kettle leaks.", Start),
            Lifecycle);
        complaint.Acknowledge(TestComplaints.Agent, Start + Duration.FromHours(1), "Sorry to hear it.");
        complaint.Assess(TestComplaints.Agent, Start + Duration.FromHours(2), Severity.High, Priority.Normal);
        complaint.StartInvestigation(TestComplaints.Agent, Start + Duration.FromHours(3));
        var limit = Lifecycle.Levels[0].AuthorityLimit!.Value;
        Remedy[] refund = [new Remedy(RemedyType.Refund, new Money(limit + 1, Lifecycle.AuthorityCurrency))];

        // The lifecycle refuses the refund at the agent's level, and records nothing.
        var recorded = complaint.History.Count;
        Assert.Throws<ComplaintTransitionRefusedException>(() => complaint.ProposeResolution(TestComplaints.Agent, Start + Duration.FromHours(4), refund));
        Assert.Equal(recorded, complaint.History.Count);

        // The rules, asked about it first, want the supervisor's approval and the supervisor's level.
        var decision = Escalation().Evaluate(complaint.Snapshot, Start + Duration.FromHours(4), new PolicyContext { ProposedRemedies = refund });
        Assert.Equal(["over authority", "defect"], decision.Matches.Select(m => m.Rule.Name));
        Assert.Equal([$"compensation proposed over the authority of level Agent ({limit} {Lifecycle.AuthorityCurrency})"], decision.Matches[0].Facts);
        Assert.Equal<PolicyAction>(
            [new RequireApprovalAction("supervisor", "Remedy above the agent's authority."), new RaiseLevelAction("supervisor"), new AssignTeamAction("quality")],
            decision.Actions);

        // Raised to the supervisor, the same refund is within authority, and the proposal goes through.
        complaint.RaiseLevel(TestComplaints.Agent, Start + Duration.FromHours(5), "Refund above the agent's limit.", toLevel: 1);
        decision = Escalation().Evaluate(complaint.Snapshot, Start + Duration.FromHours(5), new PolicyContext { ProposedRemedies = refund });
        Assert.Equal(["defect"], decision.Matches.Select(m => m.Rule.Name));
        complaint.ProposeResolution(TestComplaints.Agent, Start + Duration.FromHours(6), refund);
    }

    [Fact]
    public void Story_ARejectedProposal_EscalatesWithTheConsentTheLifecycleRecorded()
    {
        var manual = new ComplaintLifecycle(new LifecycleOptions { EscalateOnRejection = false });
        var rules = PolicyRuleSet.CreateBuilder(manual)
            .AddRule("rejected with consent", PolicyCondition.RejectedWithConsentToEscalate(), new RaiseLevelAction("Supervisor"), new NotifyAction("supervisor", "rejection"))
            .Build();
        Complaint Rejected(ComplaintLifecycle lifecycle, bool consent)
        {
            var c = Complaint.Receive(new ComplaintId($"REJ-{Guid.NewGuid():N}"), TestComplaints.Intake(), lifecycle);
            c.Acknowledge(TestComplaints.Agent, Start + Duration.FromHours(1), "On it.");
            c.Assess(TestComplaints.Agent, Start + Duration.FromHours(2), Severity.Medium, Priority.Normal);
            c.StartInvestigation(TestComplaints.Agent, Start + Duration.FromHours(3));
            c.ProposeResolution(TestComplaints.Agent, Start + Duration.FromHours(4), [new Remedy(RemedyType.Apology)]);
            c.RejectResolution(TestComplaints.Customer, Start + Duration.FromHours(5), consent, "Not enough.");
            return c;
        }

        var consented = Rejected(manual, consent: true);
        var decision = rules.Evaluate(consented.Snapshot, Start + Duration.FromHours(6));
        Assert.Equal(["latest proposal rejected, consent to escalate given, rejected with the customer's consent to escalate"], Assert.Single(decision.Matches).Facts);
        Assert.Equal<PolicyAction>([new RaiseLevelAction("Supervisor"), new NotifyAction("supervisor", "rejection")], decision.Actions);
        Assert.True(rules.Evaluate(Rejected(manual, consent: false).Snapshot, Start + Duration.FromHours(6)).IsEmpty);

        // A new proposal ends it.
        consented.ProposeResolution(TestComplaints.Agent, Start + Duration.FromHours(7), [new Remedy(RemedyType.Apology), new Remedy(RemedyType.Explanation)]);
        Assert.True(rules.Evaluate(consented.Snapshot, Start + Duration.FromHours(8)).IsEmpty);

        // Where the lifecycle escalates on rejection itself, the rule finds the level raised and asks only to notify.
        var automatic = PolicyRuleSet.CreateBuilder(Lifecycle).AddRule(rules.Rules[0]).Build();
        var escalated = Rejected(Lifecycle, consent: true);
        Assert.Equal(1, escalated.Snapshot.LevelRank);
        Assert.Equal<PolicyAction>([new NotifyAction("supervisor", "rejection")], automatic.Evaluate(escalated.Snapshot, Start + Duration.FromHours(6)).Actions);
    }

    [Fact]
    public void Story_AnAbusiveCustomer_GoesToSafeguardingAndTheManager()
    {
        var complaint = Received();
        complaint.Acknowledge(TestComplaints.Agent, Start + Duration.FromHours(1), "On it.");
        complaint.FlagAbusiveContact(TestComplaints.Agent, Start + Duration.FromHours(2), "Threats on the phone.");
        var decision = Escalation().Evaluate(complaint.Snapshot, Start + Duration.FromHours(3));
        var match = Assert.Single(decision.Matches);
        Assert.Equal("abusive", match.Rule.Name);
        Assert.Equal<PolicyAction>([new AssignTeamAction("safeguarding"), new NotifyAction("manager", "abusive-contact")], decision.Actions);
        Assert.Equal("abusive: abusive contact flagged, flagged", match.ToString());
        Assert.EndsWith(": abusive -> assign to safeguarding; notify manager: abusive-contact", decision.ToString(), StringComparison.Ordinal);
    }
}
