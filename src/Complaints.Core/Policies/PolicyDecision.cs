using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Sla;
using NodaTime;

namespace Complaints.Core.Policies;

/// <summary>
/// What a rule set decides for one complaint at one instant: the rules that matched, the facts they matched on, and the
/// actions to take; on request, the rules that did not match and why. A decision changes nothing: the host (or the
/// desk) carries out <see cref="Actions"/>.
/// </summary>
public sealed class PolicyDecision
{
    // Either the matches, or (until first read) what they are worked out from; the actions are published before the
    // matches replace it, so a reader that finds the matches finds the actions too.
    private object _matches;
    private IReadOnlyList<PolicyAction>? _actions;

    internal PolicyDecision(
        ComplaintId complaintId, Instant asOf, IReadOnlyList<PolicyMatch> matches, IReadOnlyList<PolicyMatch> alreadyApplied, IReadOnlyList<PolicyMiss> misses, IReadOnlyList<PolicyAction> actions)
    {
        AlreadyApplied = alreadyApplied;
        ComplaintId = complaintId;
        AsOf = asOf;
        _matches = matches;
        Misses = misses;
        _actions = actions;
    }

    /// <summary>
    /// A decision of matched rules only (none carried out already, no miss asked for, nothing routed) whose matches and
    /// actions are worked out when first read, from the rules of <paramref name="set"/> in the mask
    /// <paramref name="matched"/> (bit <c>r</c>: rule <c>r</c>; at least one) and what they read.
    /// </summary>
    internal PolicyDecision(PolicyRuleSet set, ComplaintSnapshot complaint, Instant asOf, in PolicyContext context, SlaTargetFact[] sla, ulong matched, IReadOnlyList<PolicyMatch> none, IReadOnlyList<PolicyMiss> noMisses)
    {
        ComplaintId = complaint.Id;
        AsOf = asOf;
        AlreadyApplied = none;
        Misses = noMisses;
        _matches = new Pending(set, complaint, context, sla, matched);
    }

    /// <summary>Gets the complaint's id.</summary>
    public ComplaintId ComplaintId { get; }

    /// <summary>Gets the instant decided at.</summary>
    public Instant AsOf { get; }

    /// <summary>Gets the rules that matched, in the set's order, with the facts they matched on.</summary>
    /// <remarks>Worked out when first read, if not when decided; every read returns the same list.</remarks>
    public IReadOnlyList<PolicyMatch> Matches => Volatile.Read(ref _matches) as IReadOnlyList<PolicyMatch> ?? Merge().Matches;

    /// <summary>
    /// Gets the rules whose condition holds but that were carried out already in this cycle (recorded with
    /// <c>Complaint.RecordPolicyApplication</c>) and are not due to repeat: they ask for nothing, and their facts end
    /// with when they were carried out.
    /// </summary>
    public IReadOnlyList<PolicyMatch> AlreadyApplied { get; }

    /// <summary>Gets the rules that did not match and why, when they were asked for; otherwise empty.</summary>
    public IReadOnlyList<PolicyMiss> Misses { get; }

    /// <summary>
    /// Gets the actions to take, in the set's order: of the matched rules' actions, those that change something. Only
    /// the highest level raised to and the highest priority are kept, the first rule's team wins, and equal
    /// notifications, flags and approvals are listed once. A <see cref="LowerLevelAction"/> is kept only when it goes
    /// below the current level and not below the highest level any matched rule's <see cref="RaiseLevelAction"/> asks
    /// for, so a raise wins and a decision never both raises and lowers; of the lowerings left, the first rule's (in the
    /// set's order) is kept, not the lowest level. Each action left out is listed in its match's
    /// <see cref="PolicyMatch.SetAside"/> with the reason, naming the rule that decided.
    /// </summary>
    /// <remarks>Worked out when first read, if not when decided; every read returns the same list.</remarks>
    public IReadOnlyList<PolicyAction> Actions => Volatile.Read(ref _actions) ?? Merge().Actions;

    /// <summary>Gets whether no rule matched.</summary>
    public bool IsEmpty => Volatile.Read(ref _matches) is not Pending && Matches.Count == 0;

    /// <summary>
    /// Works out the matches and the actions of the rules matched; of threads that race here, the first to publish each
    /// list wins, and every reader sees that one.
    /// </summary>
    private (IReadOnlyList<PolicyMatch> Matches, IReadOnlyList<PolicyAction> Actions) Merge()
    {
        if (Volatile.Read(ref _matches) is not Pending pending)
        {
            // Another thread published the matches, and the actions before them.
            return ((IReadOnlyList<PolicyMatch>)_matches, Volatile.Read(ref _actions)!);
        }

        var (matches, actions) = pending.Set.Merge(pending.Matched, pending.Complaint, AsOf, pending.Context, pending.Sla);
        actions = Interlocked.CompareExchange(ref _actions, actions, null) ?? actions;
        return (Interlocked.CompareExchange(ref _matches, matches, pending) as IReadOnlyList<PolicyMatch> ?? matches, actions);
    }

    /// <summary>What a decision's matches and actions are worked out from when first read: the rules matched (bit <c>r</c>: rule <c>r</c>) and what they read.</summary>
    private sealed record Pending(PolicyRuleSet Set, ComplaintSnapshot Complaint, PolicyContext Context, SlaTargetFact[] Sla, ulong Matched);

    /// <inheritdoc/>
    public override string ToString() =>
        IsEmpty ? $"{ComplaintId} at {AsOf}: no rule matched" : $"{ComplaintId} at {AsOf}: {string.Join("; ", Matches.Select(m => m.Rule.Name))} -> {string.Join("; ", Actions)}";
}

/// <summary>A rule that matched: the facts it matched on, and what became of each of its actions.</summary>
public sealed class PolicyMatch
{
    private readonly PolicyExplanation? _explanation;
    private readonly CompiledRule? _compiled;
    private IReadOnlyList<string>? _facts;

    internal PolicyMatch(PolicyRule rule, IReadOnlyList<string> facts, IReadOnlyList<string> setAside)
    {
        Rule = rule;
        _facts = facts;
        SetAside = setAside;
    }

    /// <summary>A match whose facts are put into words when first read.</summary>
    internal PolicyMatch(PolicyRule rule, PolicyExplanation explanation, CompiledRule compiled, IReadOnlyList<string> setAside)
    {
        Rule = rule;
        _explanation = explanation;
        _compiled = compiled;
        SetAside = setAside;
    }

    /// <summary>Gets the rule.</summary>
    public PolicyRule Rule { get; }

    /// <summary>
    /// Gets the facts it matched on, one per condition that decided it ("severity High, at least High"); put into words
    /// when first read, from what the rule read when it was decided.
    /// </summary>
    public IReadOnlyList<string> Facts => _facts ??= _explanation!.Explain(_compiled!);

    /// <summary>Gets the rule's actions left out of the decision, each with the reason ("raise to level supervisor: already at level manager").</summary>
    public IReadOnlyList<string> SetAside { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Rule.Name}: {string.Join("; ", Facts)}";
}

/// <summary>A rule that did not match, with the facts that failed it.</summary>
public sealed class PolicyMiss
{
    internal PolicyMiss(PolicyRule rule, IReadOnlyList<string> facts)
    {
        Rule = rule;
        Facts = facts;
    }

    /// <summary>Gets the rule.</summary>
    public PolicyRule Rule { get; }

    /// <summary>Gets the facts that failed it, one per condition that did.</summary>
    public IReadOnlyList<string> Facts { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Rule.Name} did not match: {string.Join("; ", Facts)}";
}
