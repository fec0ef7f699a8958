using BenchmarkDotNet.Attributes;
using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Policies;
using Complaints.Core.Sla;
using RulesEngine.Models;

namespace Complaints.Core.Benchmarks;

/// <summary>
/// The start-up of the escalation set of <see cref="PolicyBenchmarks"/>: from its JSON text to the first decision, once
/// per invocation. The lifecycle, the SLA engine and the complaint are built once, in the setup; a host has them anyway.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><see cref="Engine_FromJson"/>: an appsettings.json section read by <c>ConfigurationBuilder().AddJsonStream</c>,
/// bound to <see cref="PolicyOptions"/>, compiled by <see cref="PolicyRuleSet.FromOptions"/> (which checks every name),
/// then one evaluation.</item>
/// <item><see cref="Engine_Builder"/>: the same rules with the C# builder, then one evaluation.</item>
/// <item><see cref="RulesEngine_FromJson"/> (baseline, the peer): the workflow's JSON deserialized, the engine constructed,
/// then one execution, which is when RulesEngine parses and compiles the expressions.</item>
/// </list>
/// Each invocation builds a new rule set or engine, so nothing is cached between them but what the libraries cache
/// for the process (the JIT's code, reflection metadata).
/// </remarks>
[MemoryDiagnoser]
public class PolicyStartupBenchmarks
{
    private ComplaintLifecycle _lifecycle = null!;
    private SlaEngine _sla = null!;
    private ComplaintSnapshot _complaint = null!;
    private PolicyBenchmarks.RuleFacts _facts = null!;

    /// <summary>Builds the lifecycle, the SLA engine and one complaint made to match a rule, and checks that the three ways find as many rules on it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _lifecycle = new ComplaintLifecycle(new LifecycleOptions());
        _sla = PolicyBenchmarks.CreateSla();
        _complaint = PolicyBenchmarks.Walk(new ComplaintId("START-1"), _lifecycle, PolicyBenchmarks.AsOf, new Random(1), rules: 1 << 2).Snapshot;
        var states = new SlaTargetState[_sla.MaxTargetCount];
        var written = _sla.StatesAt(_complaint, PolicyBenchmarks.AsOf, states);
        var targets = _sla.Policies.SelectMany(p => p.Targets).ToArray();
        _facts = PolicyBenchmarks.RuleFacts.From(
            _complaint, PolicyBenchmarks.AsOf, states.AsSpan(0, written), targets.Single(t => t.Name == "resolution"), targets.Single(t => t.Name == "acknowledge"));

        var counts = new[] { Engine_FromJson(), Engine_Builder(), RulesEngine_FromJson().GetAwaiter().GetResult() };
        if (counts[0] == 0 || counts.Any(c => c != counts[0]))
        {
            throw new InvalidOperationException($"The complaint matches [{string.Join(", ", counts)}] rules from JSON, from C# and in RulesEngine; the same number, at least 1, was meant.");
        }
    }

    /// <summary>This engine: JSON through configuration and binding to a compiled rule set, then the first decision.</summary>
    /// <returns>How many rules the complaint matches.</returns>
    [Benchmark]
    public int Engine_FromJson() => PolicyBenchmarks.CompileJson(_lifecycle, _sla).Evaluate(_complaint, PolicyBenchmarks.AsOf).Matches.Count;

    /// <summary>This engine: the same rules with the C# builder, then the first decision.</summary>
    /// <returns>How many rules the complaint matches.</returns>
    [Benchmark]
    public int Engine_Builder() => PolicyBenchmarks.CreateRules(_lifecycle, _sla).Evaluate(_complaint, PolicyBenchmarks.AsOf).Matches.Count;

    /// <summary>The peer: the workflow's JSON deserialized, a new engine, and the first execution (which compiles the expressions).</summary>
    /// <returns>How many rules the complaint matches.</returns>
    [Benchmark(Baseline = true)]
    public async Task<int> RulesEngine_FromJson()
    {
        var results = await PolicyBenchmarks.CreatePeer().ExecuteAllRulesAsync("escalation", new RuleParameter("c", _facts));
        return results.Count(r => r.IsSuccess);
    }
}
