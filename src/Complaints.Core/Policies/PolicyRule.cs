using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Sla;
using NodaTime;

namespace Complaints.Core.Policies;

/// <summary>A rule: a name, the condition under which it matches, the actions it asks for, and its order among the rules of a set.</summary>
public sealed class PolicyRule
{
    /// <summary>Initializes a new instance of the <see cref="PolicyRule"/> class.</summary>
    /// <param name="name">The rule's name, unique in its set.</param>
    /// <param name="when">The condition under which it matches.</param>
    /// <param name="then">The actions it asks for; at least one.</param>
    /// <param name="order">Its place among the rules of a set: lower first; rules of equal order keep the order they were added in.</param>
    /// <param name="repeatEvery">
    /// How long after it was carried out the rule may fire again in the same cycle, or <see langword="null"/> for once
    /// per cycle (a reopening starts a new cycle).
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="when"/>, <paramref name="then"/> or an action is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or too long, or <paramref name="then"/> is empty; the message names the rule.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="repeatEvery"/> is not positive; the message names the rule.</exception>
    public PolicyRule(string name, PolicyCondition when, IReadOnlyList<PolicyAction> then, int order = 0, Duration? repeatEvery = null)
    {
        Name = Guard.Text(name, nameof(name), TextLimits.Name);
        ArgumentNullException.ThrowIfNull(when);
        ArgumentNullException.ThrowIfNull(then);
        if (then.Count == 0)
        {
            throw new ArgumentException($"Rule '{Name}': then must hold at least one action.", nameof(then));
        }

        for (var i = 0; i < then.Count; i++)
        {
            if (then[i] is null)
            {
                throw new ArgumentNullException(nameof(then), $"Rule '{Name}': then[{i}] is null.");
            }
        }

        if (repeatEvery <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(repeatEvery), repeatEvery, $"Rule '{Name}': repeatEvery must be positive.");
        }

        Condition = when;
        Actions = Array.AsReadOnly(then.ToArray());
        Order = order;
        RepeatEvery = repeatEvery;
    }

    /// <summary>Gets the rule's name.</summary>
    public string Name { get; }

    /// <summary>Gets the condition under which it matches.</summary>
    public PolicyCondition Condition { get; }

    /// <summary>Gets the actions it asks for, in order.</summary>
    public IReadOnlyList<PolicyAction> Actions { get; }

    /// <summary>Gets its place among the rules of a set: lower first.</summary>
    public int Order { get; }

    /// <summary>Gets how long after it was carried out the rule may fire again in the same cycle, or <see langword="null"/> for once per cycle.</summary>
    public Duration? RepeatEvery { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>
/// Facts about a complaint that only the host knows, supplied with each evaluation: how many complaints the customer
/// has made recently (for repeat complainants), and the compensation about to be offered (for authority checks).
/// </summary>
public readonly record struct PolicyContext
{
    /// <summary>Gets how many complaints the customer has made within the host's window, this one included (0: not counted).</summary>
    public int RecentComplaintsFromCustomer { get; init; }

    /// <summary>
    /// Gets the compensation the customer has received in the host's budget period so far, for
    /// <see cref="PolicyCondition.CompensationOverBudget"/>; <see langword="null"/> for none.
    /// </summary>
    public Money? CompensationThisPeriod { get; init; }

    /// <summary>Gets the remedies the host is about to offer, for <see cref="PolicyCondition.CompensationOverAuthority"/>; <see langword="null"/> when none.</summary>
    public IReadOnlyList<Remedy>? ProposedRemedies
    {
        get => _proposedRemedies;
        init => _proposedRemedies = value is null ? null : Array.AsReadOnly(value.ToArray());
    }

    private readonly IReadOnlyList<Remedy>? _proposedRemedies;
}

/// <summary>Resolves the names a rule uses (levels, teams, SLA targets) against its set, naming the rule in every error.</summary>
internal sealed class PolicyBinding(string rule, string paramName, ComplaintLifecycle lifecycle, SlaEngine? sla, IReadOnlySet<string> teams, RemedyCatalogue? catalogue = null)
{
    /// <summary>Gets, for each remedy type of the catalogue, the rank of the lowest level that may offer it (-1: not offered).</summary>
    public int[] RemedyRanks()
    {
        if (catalogue is null)
        {
            throw new ArgumentException($"Rule '{rule}': a condition on the remedy catalogue needs one; set it with UseCatalogue before the rule.", paramName);
        }

        var ranks = new int[Enum.GetValues<RemedyType>().Max(t => (int)t) + 1];
        Array.Fill(ranks, -1);
        foreach (var remedy in catalogue.Remedies)
        {
            ranks[(int)remedy.Type] = LevelRank(remedy.LowestLevel);
        }

        return ranks;
    }

    public int LevelRank(string level)
    {
        for (var i = 0; i < lifecycle.Levels.Count; i++)
        {
            if (string.Equals(lifecycle.Levels[i].Name, level, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new ArgumentException(
            $"Rule '{rule}': level '{level}' is not on the escalation ladder ({string.Join(", ", lifecycle.Levels.Select(l => l.Name))}).", paramName);
    }

    public void Team(string team)
    {
        if (!teams.Contains(team))
        {
            throw new ArgumentException(
                $"Rule '{rule}': team '{team}' is not one of the rule set's teams ({(teams.Count == 0 ? "none declared; add them with AddTeams" : string.Join(", ", teams.Order(StringComparer.Ordinal)))}).", paramName);
        }
    }

    /// <summary>Gets, for each of the engine's slots (policy and target), whether it is a target of that name in that group (or any).</summary>
    public bool[] TargetSlots(string target, string? group)
    {
        if (sla is null)
        {
            throw new ArgumentException($"Rule '{rule}': a condition on target '{target}' needs the SLA engine; pass one to PolicyRuleSet.CreateBuilder.", paramName);
        }

        var slots = new bool[sla.Policies.Sum(p => p.Targets.Count)];
        var any = false;
        for (var p = 0; p < sla.PolicyArray.Length; p++)
        {
            var policy = sla.PolicyArray[p];
            for (var t = 0; t < policy.TargetArray.Length; t++)
            {
                if ((group is null || policy.Group == group) && policy.TargetArray[t].Name == target)
                {
                    slots[sla.Layout.KeptSlot[p] + t] = any = true;
                }
            }
        }

        if (!any)
        {
            var known = sla.Policies.Where(p => group is null || p.Group == group).SelectMany(p => p.Targets).Select(t => t.Name).Distinct().Order(StringComparer.Ordinal);
            throw new ArgumentException(
                $"Rule '{rule}': no SLA policy{(group is null ? string.Empty : $" of group '{group}'")} has a target named '{target}' (targets: {string.Join(", ", known)}).", paramName);
        }

        return slots;
    }
}

/// <summary>
/// What a condition reads of one complaint at one instant: its snapshot, the host's context and, when the rule set reads
/// service-level status, the facts of every target of the applying policies (<see cref="Sla"/>, on the stack).
/// </summary>
internal readonly ref struct PolicyInput(
    ComplaintSnapshot complaint, Instant asOf, ReadOnlySpan<SlaTargetFact> sla, PolicyContext context, ComplaintLifecycle lifecycle, SlaEngine? engine)
{
    public ComplaintSnapshot Complaint { get; } = complaint;

    public Instant AsOf { get; } = asOf;

    public ReadOnlySpan<SlaTargetFact> Sla { get; } = sla;

    public PolicyContext Context { get; } = context;

    public ComplaintLifecycle Lifecycle { get; } = lifecycle;

    /// <summary>Gets the SLA engine the facts in <see cref="Sla"/> come from, when the rule set reads service-level status.</summary>
    public SlaEngine? Engine { get; } = engine;
}

/// <summary>
/// What a condition reads of a block of up to 64 complaints at one instant, for the batch path: the complaints as of the
/// instant, the host's contexts (empty: the default for each), and, when the rule set reads service-level status, each
/// complaint's target facts (<see cref="Width"/> slots each, of which <see cref="FactCounts"/> are written).
/// </summary>
internal readonly ref struct PolicyBlock(
    ReadOnlySpan<ComplaintSnapshot> complaints,
    Instant asOf,
    ReadOnlySpan<PolicyContext> contexts,
    ReadOnlySpan<SlaTargetFact> facts,
    ReadOnlySpan<int> factCounts,
    int width,
    ComplaintLifecycle lifecycle,
    SlaEngine? engine)
{
    public ReadOnlySpan<ComplaintSnapshot> Complaints { get; } = complaints;

    public Instant AsOf { get; } = asOf;

    public ReadOnlySpan<PolicyContext> Contexts { get; } = contexts;

    public ReadOnlySpan<SlaTargetFact> Facts { get; } = facts;

    public ReadOnlySpan<int> FactCounts { get; } = factCounts;

    public int Width { get; } = width;

    public ComplaintLifecycle Lifecycle { get; } = lifecycle;

    public SlaEngine? Engine { get; } = engine;

    /// <summary>Gets what a condition reads of the block's complaint <paramref name="j"/>.</summary>
    public PolicyInput Input(int j) =>
        new(Complaints[j], AsOf, Width == 0 ? default : Facts.Slice(j * Width, FactCounts[j]), Contexts.IsEmpty ? default : Contexts[j], Lifecycle, Engine);
}
