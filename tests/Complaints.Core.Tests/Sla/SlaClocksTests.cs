using Complaints.Core.Deadlines;
using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Sla;
using Complaints.Core.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using T = Complaints.Core.Domain.ComplaintTrigger;

namespace Complaints.Core.Tests.Sla;

public sealed class SlaClocksTests
{
    private static readonly Duration[] Offsets =
        [Duration.Zero, Duration.FromMinutes(1), Duration.FromMinutes(47), Duration.FromHours(3), Duration.FromHours(20), Duration.FromDays(2), Duration.FromDays(9)];

    // Incremental clocks equal the replay of the history, for every prefix of a walk and at instants from its latest
    // entry on, over policies with every change rule, chains, repeating updates, a promised date, a custom start and the
    // holding-reply extension.
    [Property(Arbitrary = [typeof(SlaArbitraries)], MaxTest = 250)]
    public Property Clocks_KeptEntryByEntry_AnswerExactlyAsTheReplayOfTheHistory(SlaCase c)
    {
        var complaint = SlaArbitraries.Walk(c, fieldChanges: true);
        var engine = new SlaEngine(RichPolicies(c.Target));
        var history = complaint.History;
        var clocks = engine.Track(complaint.Id, complaint.Intake);
        var states = new SlaTargetState[32];
        var compared = new HashSet<SlaClockState>();

        // A table keeps a row per prefix beside the live row, so rows of every age are read in one pass at the end.
        var table = new SlaClockTable(engine);
        var live = table.Add(clocks);
        var rows = new List<SlaClocks>();
        var bulk = new SlaClockState[(history.Count + 2) * table.Width];
        for (var k = 0; k <= history.Count; k++)
        {
            if (k > 0)
            {
                clocks = clocks.Apply(history[k - 1]);
                table.Set(live, clocks);
            }

            if (k % 2 == 1)
            {
                // Stored and read back halfway through: the restored clocks carry on, and every comparison below is theirs.
                var json = clocks.ToJson();
                clocks = engine.RestoreClocks(json);
                Assert.Equal(json, clocks.ToJson());
            }

            table.Add(clocks);
            rows.Add(clocks);

            var prefix = Complaint.Restore(complaint.Id, complaint.Intake, history.Take(k), SlaArbitraries.Lifecycle).Snapshot;
            Assert.Equal(prefix.Version, clocks.Version);
            foreach (var offset in Offsets)
            {
                var asOf = clocks.LatestEntryAt + offset;
                var replay = engine.Evaluate(prefix, asOf);
                var context = $"after entry {k} at {asOf}";
                var (expectedText, actualText) = (SlaArbitraries.Describe(replay), SlaArbitraries.Describe(clocks.Evaluate(asOf)));
                Assert.True(expectedText == actualText, $"{context}\nreplay:\n{expectedText}\nclocks:\n{actualText}");
                Assert.True(replay.NextChangeAt == clocks.NextChangeAt(asOf), $"{context}: next change {replay.NextChangeAt} vs {clocks.NextChangeAt(asOf)}");

                var written = clocks.StatesAt(asOf, states);
                var expected = replay.Policies.SelectMany(p => p.Targets.Select(t => new SlaTargetState(p.Policy, t.Target, t.Cycle, t.State, t.BreachedEarlier))).ToArray();
                Assert.Equal(expected, states[..written]);
                Assert.Equal(clocks.TargetCount, written);
                Assert.Equal(written, table.StatesAt(live, asOf, states));
                Assert.Equal(expected, states[..written]);
                Assert.Equal(replay.NextChangeAt, table.NextChangeAt(live, asOf));
                compared.UnionWith(expected.Select(s => s.State));
            }
        }

        // Every row, of whatever age, read at once at an instant after all of them: as each row's clocks read alone.
        var late = complaint.LastActivityAt + Duration.FromDays(1);
        table.StatesAt(late, bulk);
        for (var r = 0; r < table.Count; r++)
        {
            var own = r == live ? clocks : rows[r - 1];
            var n = own.StatesAt(late, states);
            Assert.Equal(states[..n].Select(x => x.State), bulk.Skip(r * table.Width).Take(n));
            Assert.All(bulk.Skip((r * table.Width) + n).Take(table.Width - n), x => Assert.Equal(SlaClockState.NotStarted, x));
            Assert.Equal(own.ComplaintId, table.ComplaintIdAt(r));
        }

        var final = engine.Evaluate(complaint.Snapshot, complaint.LastActivityAt);
        return true.ToProperty()
            .Classify(history.Any(e => e.Trigger == T.Reopen), "reopened")
            .Classify(final.Policies.Any(p => p.Targets.Any(t => t.BreachedEarlier)), "a breach kept from an earlier cycle")
            .Classify(history.Any(e => e.Data is PromisedDateChange), "promised date changed")
            .Classify(final.Find("P", "resolution")?.Cycle > 0 || history.Any(e => e.Data is PriorityChange), "priority changed")
            .Classify(final.Find("all kinds", "stage one")?.State is SlaClockState.Met or SlaClockState.Breached, "chained clock finished")
            .Classify(compared.Contains(SlaClockState.Paused), "a paused clock compared")
            .Classify(compared.Contains(SlaClockState.AtRisk), "an at-risk clock compared")
            .Collect(compared.Count >= 5 ? "five or more states compared" : "fewer states compared");
    }

    // The engine's allocation-free replay (states and next change, no timelines) answers as its full evaluation, at
    // instants anywhere in the walk: before, at and between entries, and after the latest.
    [Property(Arbitrary = [typeof(SlaArbitraries)], MaxTest = 250)]
    public Property Replay_StatesAndNextChange_EqualTheFullEvaluation(SlaCase c)
    {
        var complaint = SlaArbitraries.Walk(c, fieldChanges: true);
        var engine = new SlaEngine(RichPolicies(c.Target));
        var snapshot = complaint.Snapshot;
        var states = new SlaTargetState[engine.MaxTargetCount];
        var instants = snapshot.History.Select(e => e.At)
            .SelectMany(at => new[] { at - Duration.FromMinutes(1), at, at + Duration.FromMinutes(7) })
            .Concat(Offsets.Select(o => snapshot.LastActivityAt + o))
            .Where(at => at >= snapshot.Intake.ReceivedAt)
            .ToArray();
        var seen = new HashSet<SlaClockState>();
        foreach (var asOf in instants)
        {
            var full = engine.Evaluate(snapshot, asOf);
            var expected = full.Policies.SelectMany(p => p.Targets.Select(t => new SlaTargetState(p.Policy, t.Target, t.Cycle, t.State, t.BreachedEarlier))).ToArray();
            var written = engine.StatesAt(snapshot, asOf, states);
            Assert.True(expected.AsSpan().SequenceEqual(states.AsSpan(0, written)), $"at {asOf}:\n{SlaArbitraries.Describe(full)}\nstates: {string.Join(", ", states[..written].Select(s => s.State))}");
            Assert.True(full.NextChangeAt == engine.NextChangeAt(snapshot, asOf), $"at {asOf}: next change {full.NextChangeAt} vs {engine.NextChangeAt(snapshot, asOf)}");
            seen.UnionWith(expected.Select(s => s.State));
        }

        return true.ToProperty()
            .Classify(snapshot.History.Any(e => e.Trigger == T.Reopen), "reopened")
            .Classify(engine.Evaluate(snapshot, snapshot.LastActivityAt).Policies.Any(p => p.Targets.Any(t => t.BreachedEarlier)), "a breach kept from an earlier cycle")
            .Classify(seen.Contains(SlaClockState.Paused), "a paused clock compared")
            .Classify(seen.Contains(SlaClockState.AtRisk), "an at-risk clock compared")
            .Collect(seen.Count >= 5 ? "five or more states compared" : "fewer states compared");
    }

    // The batch replay answers for each complaint exactly as the replay of that complaint alone, over pages that span
    // several of its blocks: complaints of every history, each also as it stood after every one of its entries, and
    // each twice (the page, then the page reversed).
    [Property(Arbitrary = [typeof(SlaArbitraries)], MaxTest = 60)]
    public Property ReplayBatch_AnswersForEachComplaintAsTheReplayOfItAlone(SlaCase first, SlaCase[] others, byte hours)
    {
        var engine = new SlaEngine(RichPolicies(first.Target));
        var distinct = others.Prepend(first).Take(20)
            .Select(c => SlaArbitraries.Walk(c, fieldChanges: true).Snapshot)
            .SelectMany(s => s.History.Select(e => s.AsOf(e.At)).Append(s))
            .ToArray();
        ComplaintSnapshot[] snapshots = [.. distinct, .. distinct.Reverse()];
        var asOf = snapshots.Max(s => s.Intake.ReceivedAt) + Duration.FromHours(hours % 60);
        var width = engine.MaxTargetCount;
        var states = new SlaTargetState[snapshots.Length * width];
        var written = new int[snapshots.Length];
        var next = new Instant?[snapshots.Length];

        engine.StatesAt(snapshots, asOf, states, written);
        engine.NextChangeAt(snapshots, asOf, next);

        var alone = new SlaTargetState[width];
        var seen = new HashSet<SlaClockState>();
        for (var j = 0; j < snapshots.Length; j++)
        {
            var n = engine.StatesAt(snapshots[j], asOf, alone);
            Assert.Equal(n, written[j]);
            Assert.True(alone.AsSpan(0, n).SequenceEqual(states.AsSpan(j * width, n)), $"complaint {j} of {snapshots.Length} at {asOf}");
            Assert.Equal(engine.NextChangeAt(snapshots[j], asOf), next[j]);
            seen.UnionWith(alone[..n].Select(x => x.State));
        }

        return true.ToProperty()
            .Classify(snapshots.Length > 64, "more than one block")
            .Classify(snapshots.Length > 128, "more than two blocks")
            .Classify(seen.Contains(SlaClockState.Paused), "a paused clock compared")
            .Collect(seen.Count >= 4 ? "four or more states compared" : "fewer states compared");
    }

    [Fact]
    public void ReplayBatch_RefusesNullsShortBuffersAndEarlyInstants_BeforeWritingAnything()
    {
        var engine = new SlaEngine(RichPolicies(new TargetSpec(SlaTargetKind.Resolution, new RuleSpec(DeadlineUnit.BusinessDays, 3, false), false, true, ReopenRule.NewCycle, 0.5)));
        var early = Receive().Snapshot;
        var later = Complaint.Receive(new ComplaintId("LATE-1"), TestComplaints.Intake(FeedbackKind.Complaint, SlaArbitraries.Base + Duration.FromDays(2)), SlaArbitraries.Lifecycle).Snapshot;
        ComplaintSnapshot[] page = [early, later, early];
        var asOf = SlaArbitraries.Base + Duration.FromDays(3);
        var width = engine.MaxTargetCount;
        var marker = new SlaTargetState(engine.Policies[0], engine.Policies[0].Targets[0], 7, SlaClockState.Met, true);
        var states = Enumerable.Repeat(marker, page.Length * width).ToArray();
        var written = Enumerable.Repeat(-1, page.Length).ToArray();
        var next = Enumerable.Repeat<Instant?>(Instant.MinValue, page.Length).ToArray();
        void Untouched()
        {
            Assert.All(states, x => Assert.Equal(marker, x));
            Assert.All(written, x => Assert.Equal(-1, x));
            Assert.All(next, x => Assert.Equal(Instant.MinValue, x));
        }

        var error = Assert.Throws<ArgumentException>(() => engine.StatesAt(page, asOf, states.AsSpan(1), written));
        Assert.Equal("destination", error.ParamName);
        Assert.Contains($"{page.Length} complaints of up to {width} (MaxTargetCount) need {page.Length * width}", error.Message, StringComparison.Ordinal);
        error = Assert.Throws<ArgumentException>(() => engine.StatesAt(page, asOf, states, written.AsSpan(1)));
        Assert.Equal("written", error.ParamName);
        error = Assert.Throws<ArgumentException>(() => engine.NextChangeAt(page, asOf, next.AsSpan(1)));
        Assert.Equal("destination", error.ParamName);
        Untouched();

        var missing = Assert.Throws<ArgumentNullException>(() => engine.StatesAt([early, null!], asOf, states, written));
        Assert.Equal("complaints", missing.ParamName);
        Assert.Contains("complaints[1] is null", missing.Message, StringComparison.Ordinal);
        missing = Assert.Throws<ArgumentNullException>(() => engine.NextChangeAt([null!], asOf, next));
        Assert.Contains("complaints[0] is null", missing.Message, StringComparison.Ordinal);
        Untouched();

        // The second complaint was received after the instant asked: it is named, and not even the first is written.
        var tooEarly = SlaArbitraries.Base + Duration.FromDays(1);
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => engine.StatesAt(page, tooEarly, states, written));
        Assert.Equal("asOf", refused.ParamName);
        Assert.Contains("LATE-1", refused.Message, StringComparison.Ordinal);
        refused = Assert.Throws<ArgumentOutOfRangeException>(() => engine.NextChangeAt(page, tooEarly, next));
        Assert.Contains("LATE-1", refused.Message, StringComparison.Ordinal);
        Untouched();

        // An empty page is no error and writes nothing.
        engine.StatesAt([], asOf, [], []);
        engine.NextChangeAt([], asOf, []);
    }

    [Fact]
    public void EngineStatesAt_WithABuffer_AllocatesNothing_AndRefusesAShortOne()
    {
        // Rules in business days, working and elapsed time, under every change rule; a calendar-day rule maps a date in
        // the calendar's zone, which allocates.
        var spec = new TargetSpec(SlaTargetKind.Resolution, new RuleSpec(DeadlineUnit.BusinessDays, 3, false), false, true, ReopenRule.NewCycle, 0.5);
        var engine = new SlaEngine(RichPolicies(spec).Where(p => p.Targets.All(t => t.Rule.Unit is DeadlineUnit.BusinessDays or DeadlineUnit.WorkingTime or DeadlineUnit.ElapsedTime)));
        Assert.Contains(engine.Policies, p => p.OnChange == SlaChangeRule.Restart);
        Assert.Contains(engine.Policies, p => p.OnChange == SlaChangeRule.Stricter);
        var complaint = Receive();
        complaint.FireDefault(T.Acknowledge, SlaArbitraries.Base + Duration.FromHours(1));
        var snapshot = complaint.Snapshot;
        var buffer = new SlaTargetState[engine.MaxTargetCount];
        var asOf = SlaArbitraries.Base + Duration.FromHours(30);
        var written = engine.StatesAt(snapshot, asOf, buffer);
        engine.NextChangeAt(snapshot, asOf);

        ComplaintSnapshot[] page = [.. Enumerable.Repeat(snapshot, 70)];
        var pageStates = new SlaTargetState[page.Length * engine.MaxTargetCount];
        var pageCounts = new int[page.Length];
        var pageNext = new Instant?[page.Length];
        engine.StatesAt(page, asOf, pageStates, pageCounts);
        engine.NextChangeAt(page, asOf, pageNext);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            engine.StatesAt(snapshot, asOf, buffer);
            engine.NextChangeAt(snapshot, asOf);
        }

        engine.StatesAt(page, asOf, pageStates, pageCounts);
        engine.NextChangeAt(page, asOf, pageNext);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        var error = Assert.Throws<ArgumentException>(() => engine.StatesAt(snapshot, asOf, new SlaTargetState[written - 1]));
        Assert.Equal("destination", error.ParamName);
        Assert.Contains(snapshot.Id.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generator_WithFieldChanges_ReachesEveryChangeRuleAndTheDeepStates()
    {
        var cases = SlaArbitraries.CaseGen.Sample(150, new Rnd(20261203UL), 50);
        var states = new Dictionary<SlaClockState, int>();
        int promised = 0, switched = 0, stricterDiffers = 0;
        foreach (var c in cases)
        {
            var complaint = SlaArbitraries.Walk(c, fieldChanges: true);
            var engine = new SlaEngine(RichPolicies(c.Target));
            promised += complaint.History.Any(e => e.Data is PromisedDateChange { To: not null }) ? 1 : 0;
            switched += complaint.History.Any(e => e.Data is PriorityChange) ? 1 : 0;
            var evaluation = engine.Track(complaint.Snapshot).Evaluate(complaint.LastActivityAt + Duration.FromHours(1));
            foreach (var status in evaluation.Policies.SelectMany(p => p.Targets))
            {
                states[status.State] = states.GetValueOrDefault(status.State) + 1;
            }

            // The stricter rule changes the answer when the urgent policy's deadline was earlier before a priority change.
            var kept = new SlaEngine(RichPolicies(c.Target, SlaChangeRule.KeepElapsed)).Evaluate(complaint.Snapshot, evaluation.AsOf);
            stricterDiffers += SlaArbitraries.Describe(kept) != SlaArbitraries.Describe(engine.Evaluate(complaint.Snapshot, evaluation.AsOf)) ? 1 : 0;
        }

        Assert.True(promised >= 15, $"promised dates in {promised} of 150");
        Assert.True(switched >= 30, $"priority changes in {switched} of 150");
        Assert.True(stricterDiffers >= 5, $"the stricter rule changed the answer in {stricterDiffers} of 150");
        Assert.All(Enum.GetValues<SlaClockState>(), s => Assert.True(states.GetValueOrDefault(s) > 0, $"{s} never reached: {string.Join(", ", states)}"));
    }

    [Fact]
    public void Apply_DoesNotChangeTheClocksItIsCalledOn_AndBranchesIndependently()
    {
        var engine = new SlaEngine(RichPolicies(new TargetSpec(SlaTargetKind.Resolution, new RuleSpec(DeadlineUnit.WorkingTime, 8, false), false, true, ReopenRule.NewCycle, 0.8)));
        var complaint = Receive();
        complaint.FireDefault(T.Acknowledge, SlaArbitraries.Base + Duration.FromHours(1));
        complaint.FireDefault(T.Assess, SlaArbitraries.Base + Duration.FromMinutes(70));
        complaint.FireDefault(T.StartInvestigation, SlaArbitraries.Base + Duration.FromMinutes(80));
        complaint.FireDefault(T.RequestInformation, SlaArbitraries.Base + Duration.FromHours(2));
        var clocks = engine.Track(complaint.Snapshot);
        var asOf = SlaArbitraries.Base + Duration.FromDays(3);
        var before = SlaArbitraries.Describe(clocks.Evaluate(asOf));

        var answered = Complaint.Restore(complaint.Id, complaint.Intake, complaint.History, SlaArbitraries.Lifecycle);
        answered.FireDefault(T.ProvideInformation, SlaArbitraries.Base + Duration.FromHours(5));
        var withdrawn = Complaint.Restore(complaint.Id, complaint.Intake, complaint.History, SlaArbitraries.Lifecycle);
        withdrawn.FireDefault(T.Withdraw, SlaArbitraries.Base + Duration.FromHours(4));
        var a = clocks.Apply(answered.History[^1]);
        var b = clocks.Apply(withdrawn.History[^1]);

        Assert.Equal(before, SlaArbitraries.Describe(clocks.Evaluate(asOf)));
        Assert.Equal(SlaArbitraries.Describe(engine.Evaluate(answered.Snapshot, asOf)), SlaArbitraries.Describe(a.Evaluate(asOf)));
        Assert.Equal(SlaArbitraries.Describe(engine.Evaluate(withdrawn.Snapshot, asOf)), SlaArbitraries.Describe(b.Evaluate(asOf)));
    }

    [Fact]
    public void Apply_AnEntryBeforeTheLatest_OrFromAnotherState_IsRefusedNamingTheComplaintAndTheEntry()
    {
        var engine = new SlaEngine([SlaPresets.FcaDisp(SlaArbitraries.London)]);
        var complaint = Receive();
        complaint.FireDefault(T.Acknowledge, SlaArbitraries.Base + Duration.FromHours(2));
        complaint.FireDefault(T.Assess, SlaArbitraries.Base + Duration.FromHours(3));
        var clocks = engine.Track(complaint.Snapshot);

        var sooner = Complaint.Restore(complaint.Id, complaint.Intake, [], SlaArbitraries.Lifecycle);
        sooner.FireDefault(T.Acknowledge, SlaArbitraries.Base + Duration.FromHours(1));
        sooner.FireDefault(T.Assess, SlaArbitraries.Base + Duration.FromMinutes(70));
        var earlier = sooner.FireDefault(T.StartInvestigation, SlaArbitraries.Base + Duration.FromMinutes(80));
        var backwards = Assert.Throws<ArgumentException>(() => clocks.Apply(earlier));
        Assert.Equal("entry", backwards.ParamName);
        Assert.Contains(complaint.Id.ToString(), backwards.Message, StringComparison.Ordinal);
        Assert.Contains("before the latest entry", backwards.Message, StringComparison.Ordinal);

        var later = Complaint.Restore(complaint.Id, complaint.Intake, [], SlaArbitraries.Lifecycle);
        var wrongState = later.FireDefault(T.Acknowledge, SlaArbitraries.Base + Duration.FromHours(4));
        var fromElsewhere = Assert.Throws<ArgumentException>(() => clocks.Apply(wrongState));
        Assert.Contains("leaves from Received, but the complaint is in Assessed", fromElsewhere.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => clocks.Apply(null!));
        Assert.Equal(2, clocks.Version);
    }

    [Fact]
    public void AskingBeforeTheLatestEntry_OrWithTooSmallABuffer_IsANamedError()
    {
        var engine = new SlaEngine([SlaPresets.FcaDisp(SlaArbitraries.London), SlaPresets.Acknowledge24Hours(SlaArbitraries.AlwaysOpen)]);
        var complaint = Receive();
        complaint.FireDefault(T.Acknowledge, SlaArbitraries.Base + Duration.FromHours(2));
        var clocks = engine.Track(complaint.Snapshot);

        var early = Assert.Throws<ArgumentOutOfRangeException>(() => clocks.Evaluate(SlaArbitraries.Base + Duration.FromHours(1)));
        Assert.Equal("asOf", early.ParamName);
        Assert.Contains("before the latest entry", early.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => clocks.StatesAt(SlaArbitraries.Base, new SlaTargetState[8]));
        Assert.Throws<ArgumentOutOfRangeException>(() => clocks.NextChangeAt(SlaArbitraries.Base));

        var small = Assert.Throws<ArgumentException>(() => clocks.StatesAt(complaint.LastActivityAt, new SlaTargetState[1]));
        Assert.Equal("destination", small.ParamName);
        Assert.Contains($"{clocks.TargetCount} are needed", small.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clocks_OutsideACalendar_NameTheComplaintPolicyAndTarget()
    {
        var engine = new SlaEngine([SlaPresets.FcaDisp(SlaArbitraries.London)]);
        var intake = TestComplaints.Intake(FeedbackKind.Complaint, Instant.FromUtc(2030, 1, 6, 9, 0));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => engine.Track(new ComplaintId("FAR-1"), intake));

        Assert.Contains("Complaint FAR-1, policy 'FCA DISP'", error.Message, StringComparison.Ordinal);
        Assert.Contains("target '", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StatesAt_WithABuffer_AllocatesNothing()
    {
        var engine = new SlaEngine(RichPolicies(new TargetSpec(SlaTargetKind.Resolution, new RuleSpec(DeadlineUnit.BusinessDays, 3, false), false, true, ReopenRule.NewCycle, 0.5)));
        var complaint = Receive();
        complaint.FireDefault(T.Acknowledge, SlaArbitraries.Base + Duration.FromHours(1));
        var clocks = engine.Track(complaint.Snapshot);
        var buffer = new SlaTargetState[clocks.TargetCount];
        var asOf = SlaArbitraries.Base + Duration.FromHours(30);
        clocks.StatesAt(asOf, buffer);
        clocks.NextChangeAt(asOf);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            clocks.StatesAt(asOf, buffer);
            clocks.NextChangeAt(asOf);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void StartsWhenMet_ANextUpdateTarget_IsRefusedNamingPolicyAndTarget()
    {
        var builder = SlaPolicy.CreateBuilder("care")
            .AddTarget("update", SlaTargetKind.NextUpdate, DeadlineRule.WorkingTime(Duration.FromHours(4)), SlaArbitraries.London);

        var error = Assert.Throws<ArgumentException>(() => builder.AddTarget(
            "after update", SlaTargetKind.Custom, DeadlineRule.BusinessDays(1), SlaArbitraries.London, t => t.StartsWhenMet("update").MetBy(SlaEvent.Resolved)));

        Assert.Contains("Policy 'care', target 'after update': StartsWhenMet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_RefusesBadInputNamingTheComplaint_WritesNothingWhenARowIsRefused_AndReadsWithoutAllocating()
    {
        var spec = new TargetSpec(SlaTargetKind.Resolution, new RuleSpec(DeadlineUnit.BusinessDays, 3, false), false, true, ReopenRule.NewCycle, 0.5);
        var platinum = SlaPolicy.CreateBuilder("platinum").InGroup("vip").ForCustomerTiers("Platinum")
            .AddTarget("call back", SlaTargetKind.FirstResponse, DeadlineRule.WorkingTime(Duration.FromHours(1)), SlaArbitraries.London).Build();
        var policies = RichPolicies(spec).Where(p => p.Targets.All(t => t.Rule.Unit is DeadlineUnit.BusinessDays or DeadlineUnit.WorkingTime or DeadlineUnit.ElapsedTime)).ToArray();
        var engine = new SlaEngine(policies);
        var strict = new SlaEngine([.. policies, platinum], ["vip"]);
        var early = Receive();
        var late = Receive();
        late.FireDefault(T.Acknowledge, SlaArbitraries.Base + Duration.FromHours(5));
        var table = new SlaClockTable(engine, capacity: 1);
        Assert.Equal(0, table.Add(engine.Track(early.Snapshot)));
        Assert.Equal(1, table.Add(engine.Track(late.Snapshot)));             // grows past its capacity
        var states = new SlaClockState[table.Count * table.Width];
        var asOf = SlaArbitraries.Base + Duration.FromHours(30);
        table.StatesAt(asOf, states);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            table.StatesAt(asOf, states);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        // An instant before a row's latest entry: named, and nothing written.
        Array.Fill(states, SlaClockState.Stopped);
        var tooEarly = Assert.Throws<ArgumentOutOfRangeException>(() => table.StatesAt(SlaArbitraries.Base + Duration.FromHours(2), states));
        Assert.Contains($"Complaint {late.Id} (row 1)", tooEarly.Message, StringComparison.Ordinal);
        Assert.All(states, s => Assert.Equal(SlaClockState.Stopped, s));
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => table.StatesAt(asOf, new SlaClockState[states.Length - 1])).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => table.StatesAt(0, asOf, Array.Empty<SlaTargetState>())).ParamName);

        // Rows and clocks that do not belong.
        Assert.Equal("row", Assert.Throws<ArgumentOutOfRangeException>(() => table.Set(2, engine.Track(early.Snapshot))).ParamName);
        Assert.Equal("row", Assert.Throws<ArgumentOutOfRangeException>(() => table.NextChangeAt(-1, asOf)).ParamName);
        Assert.Contains(early.Id.ToString(), Assert.Throws<ArgumentException>(() => table.Add(strict.Track(early.Id, early.Intake))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => table.Add(null!));
        Assert.Throws<ArgumentNullException>(() => new SlaClockTable(null!));
        Assert.Equal("capacity", Assert.Throws<ArgumentOutOfRangeException>(() => new SlaClockTable(engine, -1)).ParamName);
        Assert.Equal("capacity", Assert.Throws<ArgumentOutOfRangeException>(() => new SlaClockTable(engine, int.MaxValue)).ParamName);

        // A row no policy of a required group selects: named, and nothing written.
        var required = new SlaClockTable(strict);
        required.Add(strict.Track(late.Snapshot));
        var missing = new SlaClockState[required.Width];
        Array.Fill(missing, SlaClockState.Stopped);
        Assert.Contains($"Complaint {late.Id} (row 0): no policy of a required group", Assert.Throws<ArgumentException>(() => required.StatesAt(asOf, missing)).Message, StringComparison.Ordinal);
        Assert.All(missing, s => Assert.Equal(SlaClockState.Stopped, s));
    }

    [Fact]
    public void RestoreClocks_RefusesWhatTheClocksCannotHold_NamingTheField()
    {
        var spec = new TargetSpec(SlaTargetKind.Resolution, new RuleSpec(DeadlineUnit.BusinessDays, 3, false), false, true, ReopenRule.NewCycle, 0.5);
        var engine = new SlaEngine(RichPolicies(spec));
        var complaint = Receive();
        complaint.FireDefault(T.Acknowledge, SlaArbitraries.Base + Duration.FromHours(1));
        complaint.FireDefault(T.Assess, SlaArbitraries.Base + Duration.FromHours(2));
        var json = engine.Track(complaint.Snapshot).ToJson();
        string Edit(Action<System.Text.Json.Nodes.JsonObject> change)
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
            change(node);
            return node.ToJsonString();
        }

        ArgumentException Refused(string stored) => Assert.Throws<ArgumentException>(() => engine.RestoreClocks(stored));

        Assert.Throws<ArgumentNullException>(() => engine.RestoreClocks(null!));
        Assert.Throws<System.Text.Json.JsonException>(() => engine.RestoreClocks("not json"));
        Assert.Equal("$.formatVersion", Assert.Throws<System.Text.Json.JsonException>(() => engine.RestoreClocks(Edit(o => o["formatVersion"] = 2))).Path);
        Assert.Throws<System.Text.Json.JsonException>(() => engine.RestoreClocks(Edit(o => o["extra"] = 1)));
        Assert.Throws<System.Text.Json.JsonException>(() => engine.RestoreClocks(Edit(o => o["state"] = "Lost")));

        var other = Assert.Throws<ArgumentException>(() => new SlaEngine(RichPolicies(spec).Skip(1)).RestoreClocks(json));
        Assert.Equal("json", other.ParamName);
        Assert.Contains("another policy set", other.Message, StringComparison.Ordinal);
        Assert.Contains("clocks[0].metIndex", Refused(Edit(o => o["clocks"]![0]!["metIndex"] = 7)).Message, StringComparison.Ordinal);
        Assert.Contains("clocks[0].start", Refused(Edit(o => o["clocks"]![0]!["start"] = "2030-01-01T00:00:00Z")).Message, StringComparison.Ordinal);
        Assert.Contains("clocks[1]", Refused(Edit(o => o["clocks"]![1]!["target"] = "renamed")).Message, StringComparison.Ordinal);
        Assert.Contains("version", Refused(Edit(o => o["version"] = -1)).Message, StringComparison.Ordinal);
        Assert.Contains("latestEntryAt", Refused(Edit(o => o["latestEntryAt"] = "2020-01-01T00:00:00Z")).Message, StringComparison.Ordinal);
        Assert.Contains("policies[0].before", Refused(Edit(o => o["policies"]![0]!["before"] = "nobody")).Message, StringComparison.Ordinal);
        Assert.Contains("breachedEarlier[0]", Refused(Edit(o => o["breachedEarlier"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["group"] = "team", ["target"] = "nothing" }))).Message, StringComparison.Ordinal);
        Assert.Contains($"Complaint {complaint.Id}", Refused(Edit(o => o["clocks"]![0]!["reopens"] = -1)).Message, StringComparison.Ordinal);
    }

    private static Complaint Receive() =>
        Complaint.Receive(new ComplaintId($"CLK-{Guid.NewGuid():N}"), TestComplaints.Intake(FeedbackKind.Complaint, SlaArbitraries.Base), SlaArbitraries.Lifecycle);

    // The property's policies: the case's target under a stricter-rule fallback in a team group whose urgent policy
    // restarts on a change, a policy with every kind of target (a chain, repeating updates, a promised date, a custom
    // start, the holding-reply extension), and a regulatory preset.
    internal static SlaPolicy[] RichPolicies(TargetSpec spec, SlaChangeRule fallback = SlaChangeRule.Stricter) =>
    [
        SlaPolicy.CreateBuilder("urgent").InGroup("team").ForPriorities(Priority.Urgent, Priority.High).OnChange(SlaChangeRule.Restart)
            .AddTarget("t", SlaTargetKind.FirstResponse, DeadlineRule.WorkingTime(Duration.FromHours(2)), SlaArbitraries.London, spec.Configure)
            .AddTarget("resolution", SlaTargetKind.Resolution, DeadlineRule.BusinessDays(2), SlaArbitraries.London, b => b.PausedIn(ComplaintState.AwaitingCustomer).WarnBefore(Duration.FromHours(3)))
            .Build(),
        SlaPolicy.CreateBuilder("tier one").InGroup("team").ForCustomerTiers("Tier1").OnChange(SlaChangeRule.KeepElapsed)
            .AddTarget("resolution", SlaTargetKind.Resolution, DeadlineRule.WorkingTime(Duration.FromHours(12)), SlaArbitraries.AlwaysOpen, b => b.WarnAt(0.75).OnReopen(ReopenRule.Reset))
            .Build(),
        SlaPolicy.CreateBuilder("P").InGroup("team").OnChange(fallback)
            .AddTarget("t", spec.Kind, spec.Rule.Build(), spec.Calendar, spec.Configure)
            .AddTarget("resolution", SlaTargetKind.Resolution, DeadlineRule.BusinessDays(5), SlaArbitraries.London, b => b.PausedIn(ComplaintState.AwaitingCustomer).WarnAt(0.5))
            .Build(),
        SlaPolicy.CreateBuilder("all kinds")
            .AddTarget("ack", SlaTargetKind.Acknowledge, DeadlineRule.ElapsedTime(Duration.FromHours(24)), SlaArbitraries.AlwaysOpen)
            .AddTarget("first", SlaTargetKind.FirstResponse, DeadlineRule.WorkingTime(Duration.FromHours(8)), SlaArbitraries.London, b => b.PausedIn(ComplaintState.AwaitingCustomer).WarnAt(0.5).OnReopen(ReopenRule.Reset))
            .AddTarget("stage one", SlaTargetKind.Custom, DeadlineRule.BusinessDays(3), SlaArbitraries.London, b => b.StartsWhenMet("ack").MetBy(SlaEvent.ResolutionProposed, SlaEvent.Resolved).PausedIn(ComplaintState.AwaitingCustomer))
            .AddTarget("stage two", SlaTargetKind.Custom, DeadlineRule.WorkingTime(Duration.FromHours(6)), SlaArbitraries.London, b => b.StartsWhenMet("stage one").MetBy(SlaEvent.Closed).OnReopen(ReopenRule.ResumeCycle))
            .AddTarget("update", SlaTargetKind.NextUpdate, DeadlineRule.WorkingTime(Duration.FromHours(4)), SlaArbitraries.London, b => b.PausedIn(ComplaintState.AwaitingCustomer).WarnBefore(Duration.FromHours(1)))
            .AddTarget("promise", SlaTargetKind.Resolution, DeadlineRule.CalendarDays(10), SlaArbitraries.AlwaysOpen, b => b.DueAtPromisedDate().OnReopen(ReopenRule.ResumeCycle))
            .AddTarget("answer", SlaTargetKind.Custom, DeadlineRule.WorkingTime(Duration.FromHours(16)), SlaArbitraries.London, b => b.StartsAt(SlaEvent.InformationRequested).MetBy(SlaEvent.InformationProvided))
            .AddTarget("resolve", SlaTargetKind.Resolution, DeadlineRule.BusinessDays(5), SlaArbitraries.London, b => b.PausedIn(ComplaintState.AwaitingCustomer).OnReopen(ReopenRule.ResumeCycle))
            .AddTarget("final", SlaTargetKind.FinalResponse, DeadlinePresets.PaymentServicesFinalResponse, SlaArbitraries.London, b => b.PausedIn(ComplaintState.AwaitingCustomer, ComplaintState.ResolutionProposed))
            .Build(),
        SlaPresets.FcaDisp(SlaArbitraries.London),
    ];
}
