using BenchmarkDotNet.Attributes;
using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Policies;
using Complaints.Core.Sla;
using NodaTime;
using RulesEngine.Models;

namespace Complaints.Core.Benchmarks;

/// <summary>
/// One escalation run: the same 10 rules over the same 100,000 open complaints at one instant. The rules read two SLA
/// target states (resolution breached, acknowledgement at risk), severity, channel, the abusive flag, reopenings, a
/// rejection with consent to escalate, tier and priority, category and severity, and the time since the customer's last
/// message. With <see cref="Rules"/> <see cref="RuleSet.FieldsOnly"/> the two SLA rules are replaced by two on fields
/// (urgent priority, a manager's level or above) and there is no SLA engine, so every row measures the rules alone.
/// With <see cref="MatchingPercent"/> 0 no complaint matches any rule; with 5, one complaint in 20 matches one rule or
/// two. <b>All figures are per complaint</b> (OperationsPerInvoke).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><see cref="HandWritten"/> (baseline, the floor): plain <c>if</c> code over each snapshot's fields and (with
/// SLA rules) the states of <see cref="SlaEngine.StatesAt(ComplaintSnapshot, Instant, Span{SlaTargetState})"/> in one
/// reused buffer, writing a mask of the matched rules per complaint.</item>
/// <item><see cref="Engine_Batch"/>: this engine, the whole run in one call (<c>PolicyRuleSet.Evaluate</c> over a span
/// of snapshots into a span of decisions, null where nothing matched).</item>
/// <item><see cref="Engine_OneByOne"/>: this engine, <see cref="PolicyRuleSet.Evaluate(ComplaintSnapshot, Instant, PolicyContext, bool)"/> for each complaint.</item>
/// <item><see cref="SlaStatesOnly"/>: the SLA states alone, which every row works out with SLA rules: what is left of a
/// row is the rules. With <see cref="RuleSet.FieldsOnly"/> there are no states to work out; it returns 0 at once and
/// measures nothing.</item>
/// <item><see cref="RulesEngine"/>: the peer, Microsoft RulesEngine, with the same rules as lambda expressions over a
/// flat <see cref="RuleFacts"/> built per complaint from the snapshot and (with SLA rules) the same SLA states (building
/// the input is part of what a host using it pays).</item>
/// </list>
/// The setup checks that all four, and the same rules compiled from JSON, find the same rules for every complaint, that
/// exactly the chosen complaints match, and that each of the ten rules matches some complaint when any is chosen; so a
/// wrong floor or peer cannot be measured.
/// </remarks>
[MemoryDiagnoser]
public partial class PolicyBenchmarks
{
    private const int Complaints = 100_000;

    /// <summary>The instant of the run: Friday 4 December 2026, 12:00 UTC.</summary>
    internal static readonly Instant AsOf = Instant.FromUtc(2026, 12, 4, 12, 0);

    private readonly int[] _masks = new int[Complaints];
    private readonly PolicyDecision?[] _decisions = new PolicyDecision?[Complaints];
    private SlaTargetState[] _buffer = [];
    private SlaEngine? _sla;
    private SlaTarget? _resolution;
    private SlaTarget? _acknowledge;
    private string[] _names = RuleNames;
    private PolicyRuleSet _rules = null!;
    private global::RulesEngine.RulesEngine _peer = null!;
    private ComplaintSnapshot[] _snapshots = null!;

    /// <summary>Gets or sets the share of complaints, in percent, that match one rule or more.</summary>
    [Params(0, 5)]
    public int MatchingPercent { get; set; }

    /// <summary>Gets or sets the rule set: with two rules on SLA states, or on the complaint's fields only.</summary>
    [Params(RuleSet.WithSla, RuleSet.FieldsOnly)]
    public RuleSet Rules { get; set; }

    /// <summary>Builds the complaints, the rules four ways, and checks that they all decide alike.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var lifecycle = new ComplaintLifecycle(new LifecycleOptions());
        if (lifecycle.Levels[ManagerRank].Name != Manager)
        {
            throw new InvalidOperationException($"The lifecycle's level {ManagerRank} is {lifecycle.Levels[ManagerRank].Name}, not {Manager}.");
        }

        PolicyRuleSet fromJson;
        if (Rules == RuleSet.FieldsOnly)
        {
            _names = FieldRuleNames;
            _rules = CreateFieldRules(lifecycle);
            _peer = CreatePeer(FieldWorkflowJson);
            fromJson = CompileJson(FieldPolicyJson, lifecycle, sla: null);
        }
        else
        {
            _sla = CreateSla();
            _buffer = new SlaTargetState[_sla.MaxTargetCount];
            _resolution = _sla.Policies.SelectMany(p => p.Targets).Single(t => t.Name == "resolution");
            _acknowledge = _sla.Policies.SelectMany(p => p.Targets).Single(t => t.Name == "acknowledge");
            _rules = CreateRules(lifecycle, _sla);
            _peer = CreatePeer();
            fromJson = CompileJson(lifecycle, _sla);
        }

        _snapshots = Generate(lifecycle, AsOf, MatchingPercent, Rules == RuleSet.FieldsOnly, out var wanted);
        Check(fromJson, wanted);
    }

    /// <summary>The floor: plain <c>if</c> code over each snapshot and (with SLA rules) its SLA states.</summary>
    /// <returns>How many complaints match a rule.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Complaints)]
    public int HandWritten()
    {
        var matched = 0;
        var buffer = _buffer.AsSpan();
        var sla = _sla;
        var snapshots = _snapshots;
        var masks = _masks;
        for (var i = 0; i < snapshots.Length; i++)
        {
            var snapshot = snapshots[i];
            var mask = sla is null ? FieldMask(snapshot) : SlaMask(buffer[..sla.StatesAt(snapshot, AsOf, buffer)], _resolution!, _acknowledge!);
            mask |= SharedMask(snapshot, AsOf, _payments);
            masks[i] = mask;
            matched += mask == 0 ? 0 : 1;
        }

        return matched;
    }

    /// <summary>
    /// The SLA states alone, as the floor reads them: the part of every row that is not the rules. With
    /// <see cref="RuleSet.FieldsOnly"/> there is no SLA engine: it returns 0 at once and measures nothing.
    /// </summary>
    /// <returns>How many targets are breached.</returns>
    [Benchmark(OperationsPerInvoke = Complaints)]
    public int SlaStatesOnly()
    {
        if (_sla is not { } sla)
        {
            return 0;
        }

        var breached = 0;
        var buffer = _buffer.AsSpan();
        foreach (var snapshot in _snapshots)
        {
            var written = sla.StatesAt(snapshot, AsOf, buffer);
            foreach (var state in buffer[..written])
            {
                breached += state.State == SlaClockState.Breached ? 1 : 0;
            }
        }

        return breached;
    }

    /// <summary>This engine, every complaint in one batch call.</summary>
    /// <returns>How many complaints have a decision.</returns>
    [Benchmark(OperationsPerInvoke = Complaints)]
    public int Engine_Batch() => _rules.Evaluate(_snapshots, AsOf, _decisions);

    /// <summary>This engine, one complaint at a time.</summary>
    /// <returns>How many complaints match a rule.</returns>
    [Benchmark(OperationsPerInvoke = Complaints)]
    public int Engine_OneByOne()
    {
        var matched = 0;
        foreach (var snapshot in _snapshots)
        {
            matched += _rules.Evaluate(snapshot, AsOf).Matches.Count == 0 ? 0 : 1;
        }

        return matched;
    }

    /// <summary>The peer: Microsoft RulesEngine, its input built per complaint from the snapshot and (with SLA rules) its SLA states.</summary>
    /// <returns>How many complaints match a rule.</returns>
    [Benchmark(OperationsPerInvoke = Complaints)]
    public async Task<int> RulesEngine()
    {
        var matched = 0;
        for (var i = 0; i < _snapshots.Length; i++)
        {
            var results = await _peer.ExecuteAllRulesAsync(WorkflowName, new RuleParameter("c", Facts(i)));
            var mask = 0;
            for (var r = 0; r < results.Count; r++)
            {
                mask |= results[r].IsSuccess ? 1 << r : 0;
            }

            _masks[i] = mask;
            matched += mask == 0 ? 0 : 1;
        }

        return matched;
    }

    /// <summary>The RulesEngine workflow, read from <see cref="WorkflowJson"/>.</summary>
    internal static global::RulesEngine.RulesEngine CreatePeer() => CreatePeer(WorkflowJson);

    /// <summary>A RulesEngine workflow, read from its JSON.</summary>
    internal static global::RulesEngine.RulesEngine CreatePeer(string json) =>
        new(System.Text.Json.JsonSerializer.Deserialize<Workflow[]>(json, _workflowOptions), new ReSettings());

    private static readonly System.Text.Json.JsonSerializerOptions _workflowOptions = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>The peer's input for complaint <paramref name="i"/>.</summary>
    private RuleFacts Facts(int i)
    {
        if (_sla is null)
        {
            return RuleFacts.From(_snapshots[i], AsOf);
        }

        var written = _sla.StatesAt(_snapshots[i], AsOf, _buffer);
        return RuleFacts.From(_snapshots[i], AsOf, _buffer.AsSpan(0, written), _resolution!, _acknowledge!);
    }

    /// <summary>
    /// Checks, for every complaint, that the engine one by one, in a batch and compiled from JSON, the hand-written
    /// floor and RulesEngine find the same rules, and that the complaints chosen to match do, and the others do not;
    /// that each rule matches some complaint when any is chosen; and that the field rules have no SLA engine.
    /// </summary>
    private void Check(PolicyRuleSet fromJson, int[] wanted)
    {
        if ((_rules.Sla is null) != (Rules == RuleSet.FieldsOnly) || (fromJson.Sla is null) != (Rules == RuleSet.FieldsOnly))
        {
            throw new InvalidOperationException($"The {Rules} rules have an SLA engine: {_rules.Sla is not null}; from JSON: {fromJson.Sla is not null}.");
        }

        var expected = new int[Complaints];
        var matching = 0;
        for (var i = 0; i < Complaints; i++)
        {
            expected[i] = MaskOf(_rules.Evaluate(_snapshots[i], AsOf));
            matching += expected[i] == 0 ? 0 : 1;
            if ((expected[i] & wanted[i]) != wanted[i] || (expected[i] == 0) != (wanted[i] == 0))
            {
                throw new InvalidOperationException($"Complaint {i}: the engine matches {Show(expected[i])}; the data was built to match {Show(wanted[i])}.");
            }

            if (MaskOf(fromJson.Evaluate(_snapshots[i], AsOf)) != expected[i])
            {
                throw new InvalidOperationException($"Complaint {i}: the rules compiled from JSON match {Show(MaskOf(fromJson.Evaluate(_snapshots[i], AsOf)))}, the rules in C# {Show(expected[i])}.");
            }
        }

        if (matching != Complaints / 100 * MatchingPercent)
        {
            throw new InvalidOperationException($"{matching} complaints match a rule; {MatchingPercent} % of {Complaints} were meant to.");
        }

        var unmatched = ~expected.Aggregate(0, (all, mask) => all | mask) & ((1 << _names.Length) - 1);
        if (MatchingPercent > 0 && unmatched != 0)
        {
            throw new InvalidOperationException($"No complaint matches {Show(unmatched)}.");
        }

        var decided = Engine_Batch();
        CompareAll("the batch", expected, i => MaskOf(_decisions[i]));
        if (decided != matching)
        {
            throw new InvalidOperationException($"The batch made {decided} decisions for {matching} complaints that match a rule.");
        }

        Check("the hand-written floor", expected, HandWritten());
        Check("RulesEngine", expected, RulesEngine().GetAwaiter().GetResult());
        var names = _peer.ExecuteAllRulesAsync(WorkflowName, new RuleParameter("c", Facts(0))).AsTask().GetAwaiter().GetResult().Select(r => r.Rule.RuleName);
        if (!names.SequenceEqual(_names))
        {
            throw new InvalidOperationException($"RulesEngine reports the rules as {string.Join(", ", names)}.");
        }
    }

    private void Check(string what, int[] expected, int matched)
    {
        CompareAll(what, expected, i => _masks[i]);
        if (matched != expected.Count(m => m != 0))
        {
            throw new InvalidOperationException($"{what} counts {matched} complaints matching a rule.");
        }

        Array.Clear(_masks);
    }

    private void CompareAll(string what, int[] expected, Func<int, int> actual)
    {
        for (var i = 0; i < expected.Length; i++)
        {
            if (actual(i) != expected[i])
            {
                throw new InvalidOperationException($"Complaint {i}: {what} matches {Show(actual(i))}, the engine {Show(expected[i])}.");
            }
        }
    }

    private string Show(int mask) =>
        mask == 0 ? "no rule" : string.Join(", ", _names.Where((_, r) => (mask & (1 << r)) != 0).Select(n => $"'{n}'"));
}
