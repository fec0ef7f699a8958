using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Policies;
using Complaints.Core.Sla;
using Complaints.Core.Tests.Sla;
using Complaints.Core.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Complaints.Core.Tests.Policies;

public sealed class PolicyPropertyTests
{
    private static readonly NotifyAction Look = new("agent", "look");

    /// <summary>Fourteen rules; the six on service-level targets only with an engine, the one that lowers the level only with <paramref name="lowering"/>, and the routing table only when <paramref name="routed"/>.</summary>
    internal static PolicyRuleSet Rules(ComplaintLifecycle lifecycle, SlaEngine? engine, bool lowering = true, bool routed = true)
    {
        var builder = PolicyRuleSet.CreateBuilder(lifecycle, engine).AddTeams("quality", "billing", "general");
        if (routed)
        {
            builder.RouteBy(RoutingTable.CreateBuilder("general")
                .Add(Category.Parse("Billing"), "billing")
                .Add(Category.Parse("Billing/C1"), "quality", FeedbackKind.Claim)
                .Build());
        }

        if (engine is not null)
        {
            builder
                .AddRule("breach", PolicyCondition.TargetBreached("resolution"), new RaiseLevelAction("supervisor"))
                .AddRule("at risk", PolicyCondition.TargetAtRisk("resolution", "team"), new NotifyAction("supervisor", "at-risk"))
                .AddRule("half used", PolicyCondition.ShareUsedAtLeast("resolution", 0.5), Look)
                .AddRule("ack late", PolicyCondition.TargetBreached("ack"), new RaisePriorityAction(Priority.High));
        }

        builder
            .AddRule("severe", PolicyCondition.All(PolicyCondition.SeverityAtLeast(Severity.High), PolicyCondition.Not(PolicyCondition.StateIs(ComplaintState.Closed))), new RaiseLevelAction("manager"))
            .AddRule(new PolicyRule("quiet", PolicyCondition.SinceLastUpdate(Duration.FromDays(3)), [new NotifyAction(NotifyAction.Customer, "progress")], repeatEvery: Duration.FromDays(1)))
            .AddRule("silent customer", PolicyCondition.SinceLastCustomerMessage(Duration.FromDays(2)), new NotifyAction("agent", "chase"))
            .AddRule("reopened", PolicyCondition.ReopenedAtLeast(1), new AssignTeamAction("quality"))
            .AddRule("rejected", PolicyCondition.ProposalRejected(), new RaiseLevelAction("supervisor"))
            .AddRule("tier or urgent", PolicyCondition.Any(PolicyCondition.TierIs("Tier1"), PolicyCondition.PriorityAtLeast(Priority.Urgent)), new FlagForRegulatorAction("Watched."))
            .AddRule("escalated", PolicyCondition.LevelAtLeast("supervisor"), new NotifyAction("manager", "escalated"));
        if (lowering)
        {
            builder.AddRule("handed back", PolicyCondition.All(PolicyCondition.LevelAtLeast("supervisor"), PolicyCondition.StateIs(ComplaintState.Resolved, ComplaintState.FollowUp)), new LowerLevelAction("agent"));
        }

        if (engine is not null)
        {
            builder
                .AddRule("first due soon", PolicyCondition.TargetDueWithin("first", Duration.FromHours(6)), new NotifyAction("agent", "first-due"))
                .AddRule("resolution overdue", PolicyCondition.TargetOverdueBy("resolution", Duration.FromHours(4), "team"), new RaiseLevelAction("manager"));
        }

        return builder.Build();
    }

    private static bool IsResponse(HistoryData data) =>
        data is Acknowledgement or InformationRequest or ResolutionProposal or Closure
        || data is Communication { Kind: CommunicationKind.PublicReply or CommunicationKind.HoldingReply };

    /// <summary>The same rules written by hand, reading the history and the SLA evaluation directly.</summary>
    private static List<string> Reference(ComplaintSnapshot complaint, Instant asOf, SlaEvaluation? sla)
    {
        var history = complaint.History.Where(e => e.At <= asOf).ToList();
        var then = complaint.AsOf(asOf);
        var targets = sla is null ? [] : sla.Policies.SelectMany(p => p.Targets.Select(t => (p.Group, t))).ToList();
        var resolution = targets.Where(x => x.t.Target.Name == "resolution").Select(x => x.t).ToList();
        var received = complaint.Intake.ReceivedAt;
        var lastUpdate = history.LastOrDefault(e => IsResponse(e.Data))?.At ?? received;
        var lastMessage = history.LastOrDefault(e => e.Data is Communication { Kind: CommunicationKind.CustomerMessage })?.At ?? received;
        var proposalOrRejection = history.LastOrDefault(e => e.Data is ResolutionProposal or ResolutionRejection);
        var matched = new List<string>();
        void Rule(string name, bool holds)
        {
            if (holds)
            {
                matched.Add(name);
            }
        }

        if (sla is not null)
        {
            Rule("breach", resolution.Any(t => t.State == SlaClockState.Breached));
            Rule("at risk", targets.Any(x => x.Group == "team" && x.t.Target.Name == "resolution" && x.t.State == SlaClockState.AtRisk));
            Rule("half used", resolution.Any(t => t.State is SlaClockState.Running or SlaClockState.AtRisk or SlaClockState.Paused or SlaClockState.Breached && t.ShareUsed >= 0.5));
            Rule("ack late", targets.Any(x => x.t.Target.Name == "ack" && x.t.State == SlaClockState.Breached));
        }

        Rule("severe", then.Severity >= Severity.High && then.State != ComplaintState.Closed);
        Rule("quiet", asOf - lastUpdate >= Duration.FromDays(3));
        Rule("silent customer", asOf - lastMessage >= Duration.FromDays(2));
        Rule("reopened", history.Any(e => e.Data is Reopening));
        Rule("rejected", proposalOrRejection?.Data is ResolutionRejection);
        Rule("tier or urgent", string.Equals(then.CustomerTier, "Tier1", StringComparison.OrdinalIgnoreCase) || then.Priority == Priority.Urgent);
        Rule("escalated", then.LevelRank >= 1);
        Rule("handed back", then.LevelRank >= 1 && then.State is ComplaintState.Resolved or ComplaintState.FollowUp);

        if (sla is not null)
        {
            Rule("first due soon", targets.Any(x => x.t.Target.Name == "first" && x.t.State is SlaClockState.Running or SlaClockState.AtRisk && x.t.Remaining <= Duration.FromHours(6)));
            Rule("resolution overdue", targets.Any(x => x.Group == "team" && x.t.Target.Name == "resolution" && x.t is { State: SlaClockState.Breached, MetAt: null, StoppedAt: null }
                && x.t.Target.Calendar.WorkingTimeBetween(x.t.Deadline!.Value, asOf) >= Duration.FromHours(4)));
        }

        Rule(PolicyRuleSet.RoutingRuleName, !matched.Contains("reopened") && then.Team is null);
        return matched;
    }

    // The compiled rule set decides as the same rules written by hand over the history and the SLA evaluation; it is
    // deterministic, and as of an instant it ignores the entries after it.
    [Property(Arbitrary = [typeof(SlaArbitraries)], MaxTest = 300)]
    public Property Evaluate_MatchesTheHandWrittenRules_IsDeterministic_AndIgnoresLaterEntries(SlaCase c)
    {
        var complaint = SlaArbitraries.Walk(c, fieldChanges: true);
        var engine = new SlaEngine(SlaClocksTests.RichPolicies(c.Target));
        var snapshot = complaint.Snapshot;
        var asOf = SlaArbitraries.AsOf(c, complaint);
        var expected = Reference(snapshot, asOf, engine.Evaluate(snapshot, asOf));
        return Agrees(Rules(SlaArbitraries.Lifecycle, engine), snapshot, asOf, expected);
    }

    // The same over random walks of the whole lifecycle (rejections, escalations, reopenings, every exit), without
    // service-level rules, at an instant near one of the entries.
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public Property Evaluate_OnLifecycleWalks_MatchesTheHandWrittenRules(Scenario scenario, byte pick, bool later)
    {
        var (complaint, lifecycle, _) = ComplaintWalk.Run(scenario);
        var snapshot = complaint.Snapshot;
        var history = snapshot.History;
        var asOf = (history.Count == 0 ? snapshot.Intake.ReceivedAt : history[pick % history.Count].At) + (later ? Duration.FromDays(pick % 12) : Duration.Zero);
        return Agrees(Rules(lifecycle, null), snapshot, asOf, Reference(snapshot, asOf, null));
    }

    /// <summary>Where the fixture's routing table sends a complaint, written by hand.</summary>
    private static string Routed(ComplaintSnapshot then) =>
        then.Category.Path.StartsWith("Billing/C1", StringComparison.Ordinal) && then.Kind == FeedbackKind.Claim ? "quality"
            : then.Category.Path.StartsWith("Billing", StringComparison.Ordinal) ? "billing"
            : "general";

    private static Property Agrees(PolicyRuleSet rules, ComplaintSnapshot snapshot, Instant asOf, List<string> expected)
    {
        var decision = rules.Evaluate(snapshot, asOf, explainMisses: true);
        if (decision.Matches.FirstOrDefault(m => m.Rule.Name == PolicyRuleSet.RoutingRuleName) is { } routing)
        {
            Assert.Equal(new AssignTeamAction(Routed(snapshot.AsOf(asOf))), Assert.Single(routing.Rule.Actions));
            Assert.Contains(routing.Rule.Actions[0], decision.Actions);
        }


        Assert.Equal(expected, decision.Matches.Select(m => m.Rule.Name));
        Assert.Equal(rules.Rules.Select(r => r.Name).Except(expected), decision.Misses.Select(m => m.Rule.Name));
        Assert.All(decision.Matches, m => Assert.NotEmpty(m.Facts));
        Assert.All(decision.Misses, m => Assert.NotEmpty(m.Facts));

        var again = rules.Evaluate(snapshot, asOf, explainMisses: true);
        var earlier = rules.Evaluate(snapshot.AsOf(asOf), asOf, explainMisses: true);
        foreach (var other in new[] { again, earlier })
        {
            Assert.Equal(Describe(decision), Describe(other));
            Assert.Equal(decision.Actions, other.Actions);
        }

        // A raise kept is above the complaint's level, a lowering below it, and never both; priorities only go up.
        var then = snapshot.AsOf(asOf);
        int Rank(string level) => rules.Lifecycle.Levels.First(l => string.Equals(l.Name, level, StringComparison.OrdinalIgnoreCase)).Rank;
        Assert.All(decision.Actions.OfType<RaiseLevelAction>(), a => Assert.True(Rank(a.Level) > then.LevelRank));
        Assert.All(decision.Actions.OfType<LowerLevelAction>(), a => Assert.True(Rank(a.Level) < then.LevelRank));
        Assert.All(decision.Actions.OfType<RaisePriorityAction>(), a => Assert.True(a.Priority > then.Priority));
        Assert.True(decision.Actions.Count(a => a is RaiseLevelAction or LowerLevelAction) <= 1);

        return true.ToProperty()
            .Classify(expected.Contains("breach"), "a resolution target breached")
            .Classify(expected.Contains("at risk") || expected.Contains("half used"), "a resolution target at risk or half used")
            .Classify(expected.Contains("rejected"), "a proposal rejected")
            .Classify(expected.Contains("reopened"), "reopened")
            .Classify(expected.Contains("escalated"), "escalated")
            .Classify(decision.Actions.Any(a => a is LowerLevelAction), "lowers the level")
            .Collect(expected.Count switch { 0 => "no rule", 1 => "one rule", _ => "several rules" });
    }

    // Carrying out a decision and recording it makes the rules that fired quiet for the rest of the cycle: evaluated
    // again at the same instant nothing matches and nothing is asked; a day later only the repeating rule may fire.
    [Property(Arbitrary = [typeof(SlaArbitraries)], MaxTest = 200)]
    public Property Evaluate_AfterTheDecisionIsRecorded_AsksForNothingMoreInTheCycle(SlaCase c)
    {
        var complaint = SlaArbitraries.Walk(c, fieldChanges: true);
        var engine = new SlaEngine(SlaClocksTests.RichPolicies(c.Target));
        var rules = Rules(SlaArbitraries.Lifecycle, engine);
        var asOf = Instant.Max(SlaArbitraries.AsOf(c, complaint), complaint.LastActivityAt);
        var first = rules.Evaluate(complaint.Snapshot, asOf);
        if (complaint.IsTerminal || first.IsEmpty)
        {
            return true.Label("nothing to carry out").Classify(true, complaint.IsTerminal ? "finished" : "no rule");
        }

        // Carry out what changes the complaint's routing (the routing table asks again until the team is right), then record every rule.
        foreach (var assign in first.Actions.OfType<AssignTeamAction>())
        {
            complaint.Assign(Actor.System("policies"), asOf, assign.Team);
        }

        var carried = first.Matches.Select(m => m.Rule.Name).Where(n => n != PolicyRuleSet.RoutingRuleName).ToArray();
        foreach (var rule in carried)
        {
            complaint.RecordPolicyApplication(Actor.System("policies"), asOf, rule);
        }

        var again = rules.Evaluate(complaint.Snapshot, asOf);
        Assert.Empty(again.Matches);
        Assert.Empty(again.Actions);
        Assert.Equal(carried, again.AlreadyApplied.Select(m => m.Rule.Name));
        Assert.All(again.AlreadyApplied, m => Assert.StartsWith($"carried out already at {asOf} in cycle {complaint.Snapshot.ReopenCount}", m.Facts[^1], StringComparison.Ordinal));

        var later = rules.Evaluate(complaint.Snapshot, asOf + Duration.FromDays(1));
        var repeated = later.Matches.Select(m => m.Rule.Name).Intersect(carried).ToArray();
        Assert.True(repeated.All(r => r == "quiet"), string.Join(", ", repeated));
        return true.ToProperty()
            .Classify(repeated.Length > 0, "the repeating rule fired again a day later")
            .Collect(first.Matches.Count == 1 ? "one rule carried out" : "several rules carried out");
    }

    /// <summary>
    /// Carries out a decision as a host would: each level, team and priority action through the complaint's verbs, then
    /// each rule recorded (the routing proposal is not a rule). Nothing is done for a finished complaint.
    /// </summary>
    private static void CarryOut(Complaint complaint, PolicyDecision decision, Instant at)
    {
        if (complaint.IsTerminal)
        {
            return;
        }

        var system = Actor.System("policies");
        int Rank(string level) => complaint.Lifecycle.Levels.First(l => string.Equals(l.Name, level, StringComparison.OrdinalIgnoreCase)).Rank;
        foreach (var action in decision.Actions)
        {
            _ = action switch
            {
                RaiseLevelAction raise => complaint.RaiseLevel(system, at, "Policy.", Rank(raise.Level)),
                LowerLevelAction lower => complaint.LowerLevel(system, at, "Policy.", Rank(lower.Level)),
                AssignTeamAction assign => complaint.Assign(system, at, assign.Team),
                RaisePriorityAction priority => complaint.ChangePriority(system, at, priority.Priority),
                _ => null,
            };
        }

        foreach (var match in decision.Matches.Where(m => m.Rule.Name != PolicyRuleSet.RoutingRuleName))
        {
            complaint.RecordPolicyApplication(system, at, match.Rule.Name);
        }
    }

    // Escalation only moves up unless a rule de-escalates explicitly: over random walks in which every decision is
    // carried out (and staff never lower the level by hand), the level never falls under rules with no LowerLevelAction;
    // with one, it falls only when a decision holding a LowerLevelAction is carried out, to that level.
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public Property CarriedOutDecisions_LowerTheLevelOnlyThroughALowerLevelAction(Scenario scenario, bool lowering)
    {
        var lifecycle = scenario.Flags.Build();
        var rules = Rules(lifecycle, null, lowering);
        Assert.Equal(lowering, rules.Rules.Any(r => r.Actions.Any(a => a is LowerLevelAction)));
        var complaint = TestComplaints.New(lifecycle, scenario.Kind);
        var (raised, lowered) = (0, 0);
        foreach (var action in scenario.Steps.Where(a => a.Forward || a.Trigger != ComplaintTrigger.LowerLevel))
        {
            var before = complaint.Level.Rank;
            ComplaintWalk.Step(complaint, action);
            Assert.True(complaint.Level.Rank >= before, $"a step of the walk lowered the level from {before} to {complaint.Level.Rank}");

            before = complaint.Level.Rank;
            var at = complaint.LastActivityAt;
            var decision = rules.Evaluate(complaint.Snapshot, at);
            CarryOut(complaint, decision, at);
            if (complaint.Level.Rank < before)
            {
                Assert.True(lowering, $"the level fell from {before} to {complaint.Level.Rank} under rules that never lower it");
                var lowerTo = Assert.Single(decision.Actions.OfType<LowerLevelAction>());
                Assert.Equal(lowerTo.Level, complaint.Level.Name, ignoreCase: true);
                Assert.DoesNotContain(decision.Actions, a => a is RaiseLevelAction);
                lowered++;
            }

            raised += complaint.Level.Rank > before ? 1 : 0;
        }

        return true.ToProperty()
            .Classify(lowered > 0, "a rule lowered the level")
            .Classify(raised > 0, "a rule raised the level")
            .Collect(lowering ? "rules that may lower" : "rules that never lower");
    }

    internal static string Describe(PolicyDecision decision) =>
        string.Join(
            "\n",
            decision.Matches.Select(m => $"+ {m.Rule.Name}: {string.Join(" | ", m.Facts)} / {string.Join(" | ", m.SetAside)}")
                .Concat(decision.Misses.Select(m => $"- {m.Rule.Name}: {string.Join(" | ", m.Facts)}")));

    [Fact]
    public void Generator_ReachesEveryRule()
    {
        var cases = SlaArbitraries.CaseGen.Sample(300, new Rnd(20261203UL), 60);
        var reached = new Dictionary<string, int>();
        void Count(PolicyDecision decision)
        {
            foreach (var match in decision.Matches)
            {
                reached[match.Rule.Name] = reached.GetValueOrDefault(match.Rule.Name) + 1;
            }
        }

        foreach (var c in cases)
        {
            var complaint = SlaArbitraries.Walk(c, fieldChanges: true);
            var engine = new SlaEngine(SlaClocksTests.RichPolicies(c.Target));
            Count(Rules(SlaArbitraries.Lifecycle, engine).Evaluate(complaint.Snapshot, SlaArbitraries.AsOf(c, complaint)));
        }

        foreach (var scenario in Arbitraries.ScenarioGen.Sample(300, new Rnd(20261203UL), 60))
        {
            var (complaint, lifecycle, _) = ComplaintWalk.Run(scenario);
            Count(Rules(lifecycle, null).Evaluate(complaint.Snapshot, complaint.LastActivityAt));
        }

        var rules = Rules(SlaArbitraries.Lifecycle, new SlaEngine(SlaClocksTests.RichPolicies(cases[0].Target))).Rules;
        Assert.All(rules, r => Assert.True(reached.GetValueOrDefault(r.Name) >= 5, $"rule '{r.Name}' matched {reached.GetValueOrDefault(r.Name)} of 600: {string.Join(", ", reached)}"));
    }
}
