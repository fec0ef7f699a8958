using Complaints.Core.Deadlines;
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

public sealed class PolicyBatchTests
{
    private static readonly Money Budget = new(100m, "EUR");

    /// <summary>The property tests' rules (with or without routing), and two that read the host's context.</summary>
    private static PolicyRuleSet Rules(SlaEngine engine, bool routed)
    {
        var builder = PolicyRuleSet.CreateBuilder(SlaArbitraries.Lifecycle, engine).AddTeams("quality", "billing", "general");
        foreach (var rule in PolicyPropertyTests.Rules(SlaArbitraries.Lifecycle, engine, routed: false).Rules)
        {
            builder.AddRule(rule);
        }

        if (routed)
        {
            builder.RouteBy(RoutingTable.CreateBuilder("general").Add(Category.Parse("Billing"), "billing").Build());
        }

        return builder
            .AddRule("repeat", PolicyCondition.RepeatComplainant(3), new NotifyAction("supervisor", "repeat"))
            .AddRule("over budget", PolicyCondition.CompensationOverBudget(Budget), new RequireApprovalAction("manager", "over budget"))
            .Build();
    }

    private static PolicyContext Context(int pick) => (pick % 4) switch
    {
        0 => default,
        1 => new PolicyContext { RecentComplaintsFromCustomer = pick % 7 },
        2 => new PolicyContext { ProposedRemedies = [new Remedy(RemedyType.Refund, new Money(pick % 150, "EUR"))] },
        _ => new PolicyContext { CompensationThisPeriod = new Money(60m, "EUR"), ProposedRemedies = [new Remedy(RemedyType.Credit, new Money(50m, "EUR"))] },
    };

    // A page decided at once gets, for each complaint, exactly the decision the complaint gets alone, or null where that
    // decision is empty; over pages of complaints of every history (each also as it stood after each of its entries,
    // some with rules already carried out) and every kind of context, with and without a routing table.
    [Property(Arbitrary = [typeof(SlaArbitraries)], MaxTest = 60)]
    public Property Batch_DecidesForEachComplaintAsOneByOne(SlaCase first, SlaCase[] others, byte hours, bool routed, bool withContexts)
    {
        var engine = new SlaEngine(SlaClocksTests.RichPolicies(first.Target));
        var rules = Rules(engine, routed);
        var complaints = others.Prepend(first).Take(12).Select(c => SlaArbitraries.Walk(c, fieldChanges: true)).ToArray();

        // Some complaints have carried out what was decided for them, so their rules come back as already applied.
        foreach (var (complaint, i) in complaints.Select((c, i) => (c, i)).Where(x => x.i % 3 == 0 && !x.c.IsTerminal))
        {
            var carriedOut = rules.Evaluate(complaint.Snapshot, complaint.LastActivityAt);
            foreach (var name in carriedOut.Matches.Select(m => m.Rule.Name).Where(n => n != PolicyRuleSet.RoutingRuleName))
            {
                complaint.RecordPolicyApplication(Actor.System("policies"), complaint.LastActivityAt, name);
            }
        }

        var distinct = complaints.Select(c => c.Snapshot).SelectMany(s => s.History.Select(e => s.AsOf(e.At)).Append(s)).ToArray();
        ComplaintSnapshot[] page = [.. distinct, .. distinct.Reverse()];
        PolicyContext[] contexts = withContexts ? [.. page.Select((_, j) => Context(j + hours))] : [];
        var asOf = page.Max(s => s.ReceivedAt) + Duration.FromHours(hours % 60);
        var destination = new PolicyDecision?[page.Length + 1];
        var marker = rules.Evaluate(page[0], asOf, explainMisses: true);
        destination[^1] = marker;

        var decided = withContexts ? rules.Evaluate(page, asOf, destination, contexts) : rules.Evaluate(page, asOf, destination);

        var nulls = 0;
        var applied = 0;
        for (var j = 0; j < page.Length; j++)
        {
            var alone = rules.Evaluate(page[j], asOf, withContexts ? contexts[j] : default);
            if (alone.IsEmpty && alone.AlreadyApplied.Count == 0)
            {
                Assert.Null(destination[j]);
                nulls++;
                continue;
            }

            var batch = destination[j] ?? throw new Xunit.Sdk.XunitException($"complaint {j} of {page.Length}: no decision in the batch, alone: {alone}");
            Assert.Equal(alone.ComplaintId, batch.ComplaintId);
            Assert.Equal(alone.AsOf, batch.AsOf);
            Assert.Equal(PolicyPropertyTests.Describe(alone), PolicyPropertyTests.Describe(batch));
            Assert.Equal(alone.Actions, batch.Actions);
            Assert.Equal(alone.AlreadyApplied.Select(m => (m.Rule.Name, string.Join(" | ", m.Facts))), batch.AlreadyApplied.Select(m => (m.Rule.Name, string.Join(" | ", m.Facts))));
            Assert.Empty(batch.Misses);
            applied += batch.AlreadyApplied.Count > 0 ? 1 : 0;
        }

        Assert.Equal(page.Length - nulls, decided);
        Assert.Same(marker, destination[^1]);
        return true.ToProperty()
            .Classify(nulls > 0, "some complaints need nothing")
            .Classify(nulls < page.Length, "some complaints get a decision")
            .Classify(applied > 0, "some rules already carried out")
            .Classify(withContexts, "with contexts")
            .Collect(page.Length > 64 ? "more than 64 complaints" : "up to 64 complaints");
    }

    [Fact]
    public void Batch_RefusesNullsShortBuffersOddContextsAndEarlyInstants_BeforeWritingAnything()
    {
        var engine = new SlaEngine(SlaClocksTests.RichPolicies(new TargetSpec(SlaTargetKind.Resolution, new RuleSpec(DeadlineUnit.BusinessDays, 3, false), false, true, ReopenRule.NewCycle, 0.5)));
        var rules = Rules(engine, routed: true);
        var early = Complaint.Receive(new ComplaintId("EARLY-1"), TestComplaints.Intake(FeedbackKind.Complaint, SlaArbitraries.Base), SlaArbitraries.Lifecycle).Snapshot;
        var later = Complaint.Receive(new ComplaintId("LATE-1"), TestComplaints.Intake(FeedbackKind.Complaint, SlaArbitraries.Base + Duration.FromDays(2)), SlaArbitraries.Lifecycle).Snapshot;
        ComplaintSnapshot[] page = [early, later, early];
        var asOf = SlaArbitraries.Base + Duration.FromDays(3);
        var marker = rules.Evaluate(early, asOf);
        var destination = Enumerable.Repeat<PolicyDecision?>(marker, page.Length).ToArray();
        void Untouched() => Assert.All(destination, d => Assert.Same(marker, d));

        var error = Assert.Throws<ArgumentException>(() => rules.Evaluate(page, asOf, destination.AsSpan(1)));
        Assert.Equal("destination", error.ParamName);
        Assert.Contains("destination holds 2 decisions; 3 complaints need 3", error.Message, StringComparison.Ordinal);
        error = Assert.Throws<ArgumentException>(() => rules.Evaluate(page, asOf, destination, [default, default]));
        Assert.Equal("contexts", error.ParamName);
        Assert.Contains("contexts holds 2 contexts; give none, or one for each of the 3 complaints", error.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<ArgumentNullException>(() => rules.Evaluate([early, null!], asOf, destination));
        Assert.Equal("complaints", missing.ParamName);
        Assert.Contains("complaints[1] is null", missing.Message, StringComparison.Ordinal);
        Untouched();

        // The second complaint was received after the instant asked: it is named, and not even the first is written.
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => rules.Evaluate(page, SlaArbitraries.Base + Duration.FromDays(1), destination));
        Assert.Equal("asOf", refused.ParamName);
        Assert.Contains("LATE-1", refused.Message, StringComparison.Ordinal);
        refused = Assert.Throws<ArgumentOutOfRangeException>(() => rules.Evaluate(page, asOf, destination, [default, default, new PolicyContext { RecentComplaintsFromCustomer = -1 }]));
        Assert.Equal("contexts", refused.ParamName);
        Assert.Contains("Complaint EARLY-1: context.RecentComplaintsFromCustomer must not be negative", refused.Message, StringComparison.Ordinal);
        Untouched();

        // A complaint refused in a later block: the blocks before it were decided, but nothing is written.
        ComplaintSnapshot[] page2 = [.. Enumerable.Repeat(early, 150), later];
        var decisions = Enumerable.Repeat<PolicyDecision?>(marker, page2.Length).ToArray();
        refused = Assert.Throws<ArgumentOutOfRangeException>(() => rules.Evaluate(page2, SlaArbitraries.Base + Duration.FromDays(1), decisions));
        Assert.Contains("LATE-1", refused.Message, StringComparison.Ordinal);
        Assert.All(decisions, d => Assert.Same(marker, d));
        Assert.Equal(page2.Length, rules.Evaluate(page2, asOf, decisions));

        Assert.Equal(0, rules.Evaluate([], asOf, []));
    }

    // A decision of matched rules only works out its matches and actions when first read: threads that read them at once
    // all get the same read-only lists, equal to those of a decision worked out when it was made (one with misses).
    [Fact]
    public void Decision_ReadByManyThreadsAtOnce_GivesEveryThreadTheSameMatchesAndActions()
    {
        var lifecycle = SlaArbitraries.Lifecycle;
        var rules = PolicyRuleSet.CreateBuilder(lifecycle)
            .AddRule("top", PolicyCondition.KindIs(FeedbackKind.Complaint), new NotifyAction("agent", "look"), new RaiseLevelAction(lifecycle.Levels[^1].Name))
            .AddRule("next", PolicyCondition.KindIs(FeedbackKind.Complaint), new NotifyAction("agent", "look"), new RaiseLevelAction(lifecycle.Levels[1].Name))
            .AddRule("abusive", PolicyCondition.FlaggedAbusive(), new NotifyAction("manager", "abuse"))
            .Build();
        var complaint = Complaint.Receive(new ComplaintId("LAZY-1"), TestComplaints.Intake(FeedbackKind.Complaint, SlaArbitraries.Base), lifecycle).Snapshot;
        var asOf = SlaArbitraries.Base + Duration.FromHours(1);
        var explained = rules.Evaluate(complaint, asOf, explainMisses: true);
        Assert.Single(explained.Misses);
        var expected = PolicyPropertyTests.Describe(explained).Split('\n').Where(line => line.StartsWith('+')).ToArray();
        Assert.Equal(2, expected.Length);

        for (var round = 0; round < 40; round++)
        {
            var destination = new PolicyDecision?[1];
            Assert.Equal(1, rules.Evaluate([complaint], asOf, destination));
            var decision = destination[0]!;
            Assert.False(decision.IsEmpty);
            var reads = new (IReadOnlyList<PolicyMatch> Matches, IReadOnlyList<PolicyAction> Actions)[4];
            using var start = new Barrier(reads.Length);
            var threads = Enumerable.Range(0, reads.Length).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                if (i % 2 == 0)
                {
                    var actions = decision.Actions;
                    reads[i] = (decision.Matches, actions);
                }
                else
                {
                    reads[i] = (decision.Matches, decision.Actions);
                }
            })).ToArray();
            Array.ForEach(threads, t => t.Start());
            Array.ForEach(threads, t => t.Join());

            Assert.All(reads, read => Assert.Same(reads[0].Matches, read.Matches));
            Assert.All(reads, read => Assert.Same(reads[0].Actions, read.Actions));
            Assert.Same(reads[0].Matches, decision.Matches);
            Assert.Equal(expected, PolicyPropertyTests.Describe(decision).Split('\n'));
            Assert.Equal(explained.Actions, decision.Actions);
            ReadOnlyAssert.CannotMutate(decision.Matches);
            ReadOnlyAssert.CannotMutate(decision.Actions);
            ReadOnlyAssert.CannotMutate(decision.Matches[1].SetAside);
        }
    }

    /// <summary>Fresh complaints, assigned and acknowledged, that no rule of the set matches an hour after receipt.</summary>
    private static ComplaintSnapshot[] Quiet(int count)
    {
        var page = new ComplaintSnapshot[count];
        for (var i = 0; i < count; i++)
        {
            var received = SlaArbitraries.Base + Duration.FromMinutes(i % 50);
            var complaint = Complaint.Receive(new ComplaintId($"Q-{i}"), TestComplaints.Intake(FeedbackKind.Complaint, received), SlaArbitraries.Lifecycle);
            complaint.Acknowledge(TestComplaints.Agent, received + Duration.FromMinutes(5), "Thank you; we are looking into it.");
            complaint.Assign(TestComplaints.Agent, received + Duration.FromMinutes(6), "billing");
            page[i] = complaint.Snapshot;
        }

        return page;
    }

    // The batch path allocates nothing for complaints no rule matches, service-level rules (states, shares used, due
    // times, overdue times) included: a sweep costs only the decisions it makes.
    [Fact]
    public void Batch_WhenNothingMatches_AllocatesNothing()
    {
        // Rules on business days, working time and elapsed time (a calendar-day rule maps a date in its zone, which allocates).
        var engine = new SlaEngine(
        [
            SlaPolicy.CreateBuilder("P").InGroup("team")
                .AddTarget("resolution", SlaTargetKind.Resolution, DeadlineRule.BusinessDays(5), SlaArbitraries.London, b => b.PausedIn(ComplaintState.AwaitingCustomer).WarnAt(0.5))
                .Build(),
            SlaPolicy.CreateBuilder("all kinds")
                .AddTarget("ack", SlaTargetKind.Acknowledge, DeadlineRule.ElapsedTime(Duration.FromHours(24)), SlaArbitraries.AlwaysOpen)
                .AddTarget("first", SlaTargetKind.FirstResponse, DeadlineRule.WorkingTime(Duration.FromHours(8)), SlaArbitraries.London, b => b.WarnAt(0.5))
                .Build(),
        ]);
        var rules = Rules(engine, routed: false);
        var page = Quiet(300);
        var asOf = SlaArbitraries.Base + Duration.FromHours(2);
        var destination = new PolicyDecision?[page.Length];
        var contexts = Enumerable.Range(0, page.Length).Select(i => new PolicyContext { RecentComplaintsFromCustomer = i % 2 }).ToArray();
        for (var warm = 0; warm < 5; warm++)
        {
            Assert.Equal(0, rules.Evaluate(page, asOf, destination, contexts));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var decided = rules.Evaluate(page, asOf, destination, contexts);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, decided);
        Assert.All(destination, Assert.Null);
        Assert.Equal(0, allocated);
    }

    // A rule set is immutable: pages decided on many threads at once get the decisions one thread gets.
    [Fact]
    public void Batch_FromManyThreadsAtOnce_DecidesAsOneThread()
    {
        var engine = new SlaEngine(SlaClocksTests.RichPolicies(new TargetSpec(SlaTargetKind.FirstResponse, new RuleSpec(DeadlineUnit.WorkingTime, 4, false), false, true, ReopenRule.NewCycle, 0.8)));
        var rules = Rules(engine, routed: true);
        var cases = SlaArbitraries.CaseGen.Sample(200, new Rnd(20261204UL), 40);
        var page = cases.Select(c => SlaArbitraries.Walk(c, fieldChanges: true).Snapshot).ToArray();
        var asOf = page.Max(s => s.ReceivedAt) + Duration.FromDays(2);
        var expected = new PolicyDecision?[page.Length];
        rules.Evaluate(page, asOf, expected);

        var results = new PolicyDecision?[8][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            results[t] = new PolicyDecision?[page.Length];
            rules.Evaluate(page, asOf, results[t]);
        });

        Assert.Contains(expected, d => d is not null);
        foreach (var result in results)
        {
            Assert.Equal(expected.Select(d => d?.ToString()), result.Select(d => d?.ToString()));
        }
    }
}
