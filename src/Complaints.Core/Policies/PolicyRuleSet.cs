using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Sla;
using NodaTime;

namespace Complaints.Core.Policies;

/// <summary>
/// An immutable, checked set of rules (escalation, routing, compensation alike) over a lifecycle's escalation ladder and,
/// when its conditions read service-level status, an <see cref="SlaEngine"/>. The names rules use (levels, teams,
/// targets) are resolved once, when the set is built, so an evaluation only compares values. Evaluation is a pure
/// function of the complaint's history, the instant and the host's <see cref="PolicyContext"/>: it reads no clock and
/// changes nothing. Safe to share across threads.
/// </summary>
public sealed class PolicyRuleSet
{
    private readonly CompiledRule[] _rules;
    private readonly bool _readsSla;
    private readonly bool _measuresSla;
    private readonly PolicyReads _reads;

    private PolicyRuleSet(ComplaintLifecycle lifecycle, SlaEngine? sla, string[] teams, CompiledRule[] rules, RoutingTable? routing, RemedyCatalogue? catalogue)
    {
        Catalogue = catalogue;
        Routing = routing;
        Lifecycle = lifecycle;
        Sla = sla;
        Teams = Array.AsReadOnly(teams);
        _rules = rules;
        _reads = PolicyCondition.ReadsOf(rules.Select(r => r.Condition));
        _readsSla = _reads.HasFlag(PolicyReads.Sla);
        _measuresSla = _reads.HasFlag(PolicyReads.SlaWorkingTimes);
        Rules = Array.AsReadOnly(rules.Select(r => r.Rule).ToArray());
    }

    /// <summary>Gets whether a rule reads <see cref="PolicyContext.RecentComplaintsFromCustomer"/>, so a host counts them before deciding.</summary>
    internal bool ReadsRecentComplaints => _reads.HasFlag(PolicyReads.RecentComplaints);

    /// <summary>Gets whether a rule reads <see cref="PolicyContext.CompensationThisPeriod"/>, so a host works it out before deciding.</summary>
    internal bool ReadsCompensationThisPeriod => _reads.HasFlag(PolicyReads.CompensationThisPeriod);

    /// <summary>Gets the lifecycle whose escalation ladder the rules raise complaints on (and hand them back down).</summary>
    public ComplaintLifecycle Lifecycle { get; }

    /// <summary>Gets the SLA engine whose targets the rules' conditions read, if any.</summary>
    public SlaEngine? Sla { get; }

    /// <summary>
    /// Gets the routing table that assigns an unassigned complaint to the department its category and kind are routed
    /// to, when no matched rule assigns a team (reported as a match of the rule named <see cref="RoutingRuleName"/>),
    /// if any. A complaint with a team is left where it is, so a deliberate reassignment is not undone.
    /// </summary>
    public RoutingTable? Routing { get; }

    /// <summary>Gets the remedy catalogue that <see cref="PolicyCondition.RemedyNotOffered"/> reads, if any.</summary>
    public RemedyCatalogue? Catalogue { get; }

    /// <summary>The name a routing proposal is reported under; no rule may take it.</summary>
    public const string RoutingRuleName = "routing";

    /// <summary>Gets the teams and departments the rules may name.</summary>
    public IReadOnlyList<string> Teams { get; }

    /// <summary>Gets the rules, in the order they are evaluated (by <see cref="PolicyRule.Order"/>, then as added).</summary>
    public IReadOnlyList<PolicyRule> Rules { get; }

    /// <summary>Starts a rule set over a lifecycle's ladder and, for conditions on service-level targets, an SLA engine.</summary>
    /// <param name="lifecycle">The lifecycle whose escalation ladder levels are named from.</param>
    /// <param name="sla">The SLA engine whose targets conditions name, or <see langword="null"/> when no condition does.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lifecycle"/> is <see langword="null"/>.</exception>
    public static PolicyRuleSetBuilder CreateBuilder(ComplaintLifecycle lifecycle, SlaEngine? sla = null)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        return new PolicyRuleSetBuilder(lifecycle, sla);
    }

    /// <summary>
    /// Compiles a rule set from configuration (<see cref="PolicyOptions"/>): the same rule set the builder makes from
    /// the same rules in C#.
    /// </summary>
    /// <param name="options">The configured teams and rules.</param>
    /// <param name="lifecycle">The lifecycle whose escalation ladder levels are named from.</param>
    /// <param name="sla">The SLA engine whose targets conditions name, or <see langword="null"/> when no condition does.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="lifecycle"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The options are not valid: the message lists every error, one a line, each with its path and the rule's name
    /// (<c>Rules[2] ('severe').When.All[1]: must set exactly one condition; ...</c>).
    /// </exception>
    public static PolicyRuleSet FromOptions(PolicyOptions options, ComplaintLifecycle lifecycle, SlaEngine? sla = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(lifecycle);
        var errors = new List<string>();
        return PolicyOptionsCompiler.Compile(options, lifecycle, sla, errors)
            ?? throw new ArgumentException($"The policy options are not valid:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}", nameof(options));
    }

    internal static PolicyRuleSet Create(ComplaintLifecycle lifecycle, SlaEngine? sla, string[] teams, CompiledRule[] rules, RoutingTable? routing, RemedyCatalogue? catalogue) =>
        new(lifecycle, sla, teams, [.. rules.Select((r, i) => (Rule: r, Index: i)).OrderBy(x => x.Rule.Rule.Order).ThenBy(x => x.Index).Select(x => x.Rule)], routing, catalogue);

    /// <summary>Decides what to do about a complaint as of an instant.</summary>
    /// <param name="complaint">The complaint's snapshot (<c>complaint.Snapshot</c>); entries after <paramref name="asOf"/> are left out.</param>
    /// <param name="asOf">The instant.</param>
    /// <param name="context">What the host knows beyond the history (recent complaints from the customer).</param>
    /// <param name="explainMisses">Whether to list the rules that did not match, with the facts that failed them.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaint"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="asOf"/> is before the complaint was received, or <paramref name="context"/> holds a negative
    /// count; the message names the complaint. Errors of the SLA engine (a calendar that does not cover an instant) are
    /// passed on, naming the complaint, the policy and the target.
    /// </exception>
#pragma warning disable RS0027 // The batch overloads take spans, so a call to this one is never ambiguous with them.
    public PolicyDecision Evaluate(ComplaintSnapshot complaint, Instant asOf, PolicyContext context = default, bool explainMisses = false)
#pragma warning restore RS0027
    {
        ArgumentNullException.ThrowIfNull(complaint);
        Check(complaint, asOf, context, nameof(asOf), nameof(context));
        var then = complaint.AsOf(asOf);
        var width = _readsSla ? Sla!.MaxTargetCount : 0;
        Span<SlaTargetFact> facts = width <= StackFacts ? stackalloc SlaTargetFact[width] : new SlaTargetFact[width];
        return Decide(then, asOf, context, explainMisses, facts) ?? new PolicyDecision(then.Id, asOf, [], [], [], []);
    }

    /// <summary>
    /// Decides what to do about many complaints as of one instant, writing each complaint's decision where it is in
    /// <paramref name="destination"/>: complaint <c>j</c>'s decision, exactly as
    /// <see cref="Evaluate(ComplaintSnapshot, Instant, PolicyContext, bool)"/> gives it, at <c>destination[j]</c>, or
    /// <see langword="null"/> where no rule matched, none was already carried out and the routing table proposes nothing.
    /// Nothing is allocated for a complaint that gets <see langword="null"/> (when its service-level targets' rules
    /// allocate nothing either: see <see cref="SlaEngine.StatesAt(ComplaintSnapshot, Instant, Span{SlaTargetState})"/>),
    /// so a sweep over many complaints of which few need anything costs only the decisions it makes. Safe to call from
    /// many threads at once, each with its own buffers.
    /// </summary>
    /// <param name="complaints">The complaints' snapshots.</param>
    /// <param name="asOf">The instant; entries after it are left out.</param>
    /// <param name="destination">Where to write the decisions; at least <c>complaints.Length</c> long.</param>
    /// <param name="contexts">
    /// What the host knows beyond each complaint's history, at the complaint's index; empty when it knows nothing (every
    /// complaint then has the default context).
    /// </param>
    /// <returns>The number of decisions written that are not <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException">A complaint is <see langword="null"/>; the message gives its index, and nothing is written.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> is too short, or <paramref name="contexts"/> is neither empty nor as long as
    /// <paramref name="complaints"/>; nothing is written.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="asOf"/> is before a complaint was received, or a context holds a negative count (the message names
    /// the complaint), or a target's calendar does not cover an instant a target needs (the message names the complaint,
    /// the policy and the target); nothing is written.
    /// </exception>
    public int Evaluate(ReadOnlySpan<ComplaintSnapshot> complaints, Instant asOf, Span<PolicyDecision?> destination, ReadOnlySpan<PolicyContext> contexts)
    {
        if (destination.Length < complaints.Length)
        {
            throw new ArgumentException($"destination holds {destination.Length} decisions; {complaints.Length} complaints need {complaints.Length}.", nameof(destination));
        }

        if (!contexts.IsEmpty && contexts.Length != complaints.Length)
        {
            throw new ArgumentException($"contexts holds {contexts.Length} contexts; give none, or one for each of the {complaints.Length} complaints.", nameof(contexts));
        }

        // Complaints go through in blocks: each block is checked, then each rule's condition is tested on the whole block
        // in one call (a field test in one tight loop), and only a complaint some rule matched, or the routing table may
        // route, is decided one by one. The decisions are kept aside and written only once every complaint has passed,
        // so a refused page leaves the destination as it was.
        var width = _readsSla ? Sla!.MaxTargetCount : 0;
        var size = width == 0 ? MaxBlock : Math.Clamp(StackFacts / width, 1, MaxBlock);
        Span<SlaTargetFact> facts = width * size <= StackFacts ? stackalloc SlaTargetFact[width * size] : new SlaTargetFact[width * size];
        Span<int> counts = stackalloc int[size];
        Span<ulong> masks = _rules.Length <= StackFacts ? stackalloc ulong[_rules.Length] : new ulong[_rules.Length];
        var buffer = default(SnapshotBlock);
        Span<ComplaintSnapshot> then = buffer;
        var routes = Routing is not null;
        (int Index, PolicyDecision Decision)[]? made = null;
        var madeCount = 0;
        for (var from = 0; from < complaints.Length; from += size)
        {
            var n = Math.Min(size, complaints.Length - from);
            for (var j = 0; j < n; j++)
            {
                // One tight pass; the checks that name what is wrong run only for a complaint that fails.
                var complaint = complaints[from + j];
                if (complaint is null || asOf < complaint.ReceivedAt || (!contexts.IsEmpty && contexts[from + j].RecentComplaintsFromCustomer < 0))
                {
                    Check(
                        complaint ?? throw new ArgumentNullException(nameof(complaints), $"complaints[{from + j}] is null."),
                        asOf,
                        contexts.IsEmpty ? default : contexts[from + j],
                        nameof(asOf),
                        nameof(contexts));
                }
            }

            if (width > 0)
            {
                // The block's histories are fetched together before the SLA engine replays them one by one.
                SlaEngine.Fetch(complaints.Slice(from, n));
            }

            for (var j = 0; j < n; j++)
            {
                var complaint = complaints[from + j];
                then[j] = complaint.LastActivityAt <= asOf ? complaint : complaint.AsOf(asOf);
                counts[j] = width == 0 ? 0 : Sla!.FactsAt(then[j], asOf, facts.Slice(j * width, width), _measuresSla);
            }

            var block = new PolicyBlock(then[..n], asOf, contexts.IsEmpty ? [] : contexts.Slice(from, n), facts, counts, width, Lifecycle, Sla);
            var all = n == 64 ? ulong.MaxValue : (1UL << n) - 1;
            var some = 0UL;
            for (var r = 0; r < _rules.Length; r++)
            {
                masks[r] = _rules[r].Condition.Test(block, all);
                some |= masks[r];
            }

            if (routes)
            {
                for (var j = 0; j < n; j++)
                {
                    some |= then[j].Team is null ? 1UL << j : 0;
                }
            }

            for (var rest = some; rest != 0; rest &= rest - 1)
            {
                var j = System.Numerics.BitOperations.TrailingZeroCount(rest);
                if (Decide(then[j], asOf, contexts.IsEmpty ? default : contexts[from + j], explainMisses: false, facts.Slice(j * width, width), counts[j], masks, j) is { } decision)
                {
                    if (made is null || madeCount == made.Length)
                    {
                        made = Grow(made, madeCount, complaints.Length);
                    }

                    made[madeCount++] = (from + j, decision);
                }
            }
        }

        destination[..complaints.Length].Clear();
        if (made is null)
        {
            return 0;
        }

        foreach (var (index, decision) in made.AsSpan(0, madeCount))
        {
            destination[index] = decision;
        }

        Made.Return(made, clearArray: true);
        return madeCount;
    }

    /// <summary>
    /// Where a batch keeps its decisions until every complaint has passed: rented, so a large batch does not allocate
    /// (and on the large object heap, collect) a new list each time. A batch that throws leaves its array to the collector.
    /// </summary>
    private static System.Buffers.ArrayPool<(int Index, PolicyDecision Decision)> Made => System.Buffers.ArrayPool<(int, PolicyDecision)>.Shared;

    /// <summary>A larger array for the decisions kept aside, holding the first <paramref name="count"/> of <paramref name="made"/>, which goes back to the pool.</summary>
    private static (int Index, PolicyDecision Decision)[] Grow((int Index, PolicyDecision Decision)[]? made, int count, int most)
    {
        var larger = Made.Rent(Math.Min(Math.Max(2 * count, 16), most));
        if (made is not null)
        {
            made.AsSpan(0, count).CopyTo(larger);
            Made.Return(made, clearArray: true);
        }

        return larger;
    }

    /// <summary>The most complaints a batch tests together (one bit each in a mask).</summary>
    private const int MaxBlock = 64;

    /// <summary>Room on the stack for a block's complaints as of the instant asked.</summary>
    [System.Runtime.CompilerServices.InlineArray(MaxBlock)]
    private struct SnapshotBlock
    {
        private ComplaintSnapshot _first;
    }

    /// <summary>
    /// Decides what to do about many complaints as of one instant, each with the default context: as
    /// <see cref="Evaluate(ReadOnlySpan{ComplaintSnapshot}, Instant, Span{PolicyDecision}, ReadOnlySpan{PolicyContext})"/>
    /// with no contexts.
    /// </summary>
    /// <param name="complaints">The complaints' snapshots.</param>
    /// <param name="asOf">The instant; entries after it are left out.</param>
    /// <param name="destination">Where to write the decisions; at least <c>complaints.Length</c> long.</param>
    /// <returns>The number of decisions written that are not <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException">A complaint is <see langword="null"/>; the message gives its index, and nothing is written.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short; nothing is written.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="asOf"/> is before a complaint was received, or a target's calendar does not cover an instant a
    /// target needs; the message names the complaint, and nothing is written.
    /// </exception>
    public int Evaluate(ReadOnlySpan<ComplaintSnapshot> complaints, Instant asOf, Span<PolicyDecision?> destination) =>
        Evaluate(complaints, asOf, destination, []);

    /// <summary>The most facts of service-level targets a decision keeps on the stack; more are kept in an array.</summary>
    private const int StackFacts = 128;

    /// <summary>Refuses an instant before the complaint was received and a context with a negative count, naming the complaint.</summary>
    private static void Check(ComplaintSnapshot complaint, Instant asOf, in PolicyContext context, string asOfName, string contextName)
    {
        if (asOf < complaint.ReceivedAt)
        {
            throw new ArgumentOutOfRangeException(asOfName, asOf, $"Complaint {complaint.Id}: asOf is before the complaint was received ({complaint.ReceivedAt}).");
        }

        if (context.RecentComplaintsFromCustomer < 0)
        {
            throw new ArgumentOutOfRangeException(
                contextName, context.RecentComplaintsFromCustomer, $"Complaint {complaint.Id}: context.RecentComplaintsFromCustomer must not be negative.");
        }
    }

    /// <summary>
    /// Decides for a complaint as it was at <paramref name="asOf"/>; <see langword="null"/> when the decision would be
    /// empty (no match, nothing already carried out, no miss to explain), with nothing allocated. The SLA facts are
    /// read into <paramref name="facts"/>, unless <paramref name="known"/> says how many it holds already. A batch's
    /// decision (<paramref name="bit"/> given) of matched rules only works out its matches and actions when first read.
    /// </summary>
    private PolicyDecision? Decide(
        ComplaintSnapshot then, Instant asOf, in PolicyContext context, bool explainMisses, Span<SlaTargetFact> facts, int known = -1, ReadOnlySpan<ulong> held = default, int bit = -1)
    {
        var written = known >= 0 ? known : _readsSla ? Sla!.FactsAt(then, asOf, facts, _measuresSla) : 0;
        var input = new PolicyInput(then, asOf, facts[..written], context, Lifecycle, Sla);
        Span<int> matched = _rules.Length <= StackFacts ? stackalloc int[_rules.Length] : new int[_rules.Length];
        var matchedCount = 0;
        var assigns = false;
        List<PolicyMatch>? applied = null;
        List<PolicyMiss>? misses = null;
        for (var r = 0; r < _rules.Length; r++)
        {
            // A batch has tested every rule on the complaint's block already: bit of rule r's mask.
            var rule = _rules[r];
            if (bit >= 0 ? ((held[r] >> bit) & 1) != 0 : rule.Condition.Test(input))
            {
                if (LastApplied(then, rule.Rule.Name) is { } last && (rule.Rule.RepeatEvery is not { } every || asOf - last < every))
                {
                    var carried = $"carried out already at {last} in cycle {then.ReopenCount}{(rule.Rule.RepeatEvery is { } repeat ? $", repeats {repeat} after" : ", once per cycle")}";
                    (applied ??= []).Add(new PolicyMatch(rule.Rule, Facts(rule, input, held: true, carried), NoStrings));
                }
                else
                {
                    matched[matchedCount++] = r;
                    assigns |= rule.AssignsTeam;
                }
            }
            else if (explainMisses)
            {
                (misses ??= []).Add(new PolicyMiss(rule.Rule, Facts(rule, input, held: false)));
            }
        }

        var routes = Routing is not null && then.Team is null && !assigns;
        if (matchedCount == 0 && applied is null && misses is null && !routes)
        {
            return null;
        }

        if (bit >= 0 && applied is null && misses is null && !routes && _rules.Length <= 64)
        {
            // In a batch, matched rules only: the decision keeps which, and works out its matches and actions when first
            // read, so a sweep that keeps many decisions keeps two small objects for each until it reads them.
            var mask = 0UL;
            foreach (var r in matched[..matchedCount])
            {
                mask |= 1UL << r;
            }

            return new PolicyDecision(this, then, asOf, context, input.Sla.ToArray(), mask, [], []);
        }

        var (matches, actions) = matchedCount == 0 ? ([], []) : Decide(matched[..matchedCount], input);
        if (routes && Routing!.Find(then) is var (route, department))
        {
            // Unassigned, and no rule decides the team: the department that owns its category and kind takes it.
            var assign = new AssignTeamAction(department);
            var found = Array.AsReadOnly(new[] { $"unassigned, category {then.Category}, kind {then.Kind}: {route?.ToString() ?? $"no route, the default is {department}"}" });
            matches = Array.AsReadOnly([.. matches, new PolicyMatch(new PolicyRule(RoutingRuleName, PolicyCondition.All(), [assign], int.MaxValue), found, NoStrings)]);
            actions = Array.AsReadOnly([.. actions, assign]);
        }

        return new PolicyDecision(
            then.Id, asOf, matches, applied is null ? [] : Array.AsReadOnly(applied.ToArray()), misses is null ? [] : Array.AsReadOnly(misses.ToArray()), actions);
    }

    /// <summary>
    /// The matches and actions of a decision whose rules matched in the mask <paramref name="matched"/> (bit <c>r</c>:
    /// rule <c>r</c>), from what they read: as <see cref="Decide(ReadOnlySpan{int}, in PolicyInput)"/> gives them.
    /// </summary>
    internal (IReadOnlyList<PolicyMatch> Matches, IReadOnlyList<PolicyAction> Actions) Merge(
        ulong matched, ComplaintSnapshot complaint, Instant asOf, in PolicyContext context, SlaTargetFact[] sla)
    {
        Span<int> rules = stackalloc int[System.Numerics.BitOperations.PopCount(matched)];
        var count = 0;
        for (var rest = matched; rest != 0; rest &= rest - 1)
        {
            rules[count++] = System.Numerics.BitOperations.TrailingZeroCount(rest);
        }

        return Decide(rules, new PolicyInput(complaint, asOf, sla, context, Lifecycle, Sla));
    }

    /// <summary>When the rule was last carried out in the complaint's current cycle, if it was.</summary>
    private static Instant? LastApplied(ComplaintSnapshot complaint, string rule)
    {
        var applied = complaint.AppliedPolicies;
        for (var i = applied.Count - 1; i >= 0 && applied[i].Cycle == complaint.ReopenCount; i--)
        {
            if (string.Equals(applied[i].Rule, rule, StringComparison.Ordinal))
            {
                return applied[i].At;
            }
        }

        return null;
    }

    private static readonly System.Collections.ObjectModel.ReadOnlyCollection<string> NoStrings = Array.AsReadOnly(Array.Empty<string>());

    /// <summary>What a rule's condition found, and then <paramref name="more"/> if given.</summary>
    private static System.Collections.ObjectModel.ReadOnlyCollection<string> Facts(CompiledRule rule, in PolicyInput input, bool held, string? more = null)
    {
        var facts = new List<string>();
        rule.Condition.Explain(input, held, facts);
        if (more is not null)
        {
            facts.Add(more);
        }

        return Array.AsReadOnly(facts.ToArray());
    }

    /// <summary>
    /// Merges the matched rules' actions: only the highest level above the current one and the highest priority above
    /// the current one are kept (the first rule that asks for it), the first rule's team decides, and equal other actions
    /// are listed once. A lowering is kept only below the current level and not below the highest level a matched rule
    /// raises to (so a raise above the current level sets every lowering aside); of those, the first rule's lowering
    /// decides. Every action left out is set aside on its rule's match with the reason.
    /// </summary>
    private (IReadOnlyList<PolicyMatch> Matches, IReadOnlyList<PolicyAction> Actions) Decide(ReadOnlySpan<int> matchedRules, in PolicyInput input)
    {
        var matched = new CompiledRule[matchedRules.Length];
        var total = 0;
        for (var r = 0; r < matched.Length; r++)
        {
            matched[r] = _rules[matchedRules[r]];
            total += matched[r].Rule.Actions.Count;
        }

        var complaint = input.Complaint;
        var levels = input.Lifecycle.Levels;
        var topRank = complaint.LevelRank;
        var topPriority = complaint.Priority;
        var floorRank = -1;
        (int Rule, int Action) level = (-1, -1), priority = (-1, -1), team = (-1, -1), floor = (-1, -1), lower = (-1, -1);
        for (var r = 0; r < matched.Length; r++)
        {
            var actions = matched[r].Rule.Actions;
            for (var a = 0; a < actions.Count; a++)
            {
                var rank = matched[r].LevelRanks[a];
                switch (actions[a])
                {
                    case RaiseLevelAction:
                        if (rank > floorRank)
                        {
                            (floorRank, floor) = (rank, (r, a));
                        }

                        if (rank > topRank)
                        {
                            (topRank, level) = (rank, (r, a));
                        }

                        break;
                    case RaisePriorityAction p when p.Priority > topPriority:
                        topPriority = p.Priority;
                        priority = (r, a);
                        break;
                    case AssignTeamAction when team.Rule < 0:
                        team = (r, a);
                        break;
                }
            }
        }

        var kept = new PolicyAction[total];
        var keptCount = 0;
        var matches = new PolicyMatch[matched.Length];

        // The facts the rules matched on are put into words when first read: a sweep that only carries out the actions
        // does not pay for the text.
        var explained = new PolicyExplanation(input);
        for (var r = 0; r < matched.Length; r++)
        {
            var rule = matched[r];
            List<string>? setAside = null;
            var actions = rule.Rule.Actions;
            for (var a = 0; a < actions.Count; a++)
            {
                var action = actions[a];
                var rank = rule.LevelRanks[a];
                if (action is LowerLevelAction && lower.Rule < 0 && rank < complaint.LevelRank && rank >= floorRank)
                {
                    lower = (r, a);
                }

                var reason = action switch
                {
                    LowerLevelAction when (r, a) == lower => null,
                    LowerLevelAction when rank >= complaint.LevelRank => $"already at level {levels[rank].Name} or below",
                    LowerLevelAction when rank < floorRank => $"level {levels[floorRank].Name} is asked for by rule '{matched[floor.Rule].Rule.Name}'",
                    LowerLevelAction => $"rule '{matched[lower.Rule].Rule.Name}' decides the lowering first",
                    RaiseLevelAction when (r, a) == level => null,
                    RaiseLevelAction when rule.LevelRanks[a] <= complaint.LevelRank => $"already at level {levels[complaint.LevelRank].Name}",
                    RaiseLevelAction => $"a higher level, {levels[topRank].Name}, is asked for by rule '{matched[level.Rule].Rule.Name}'",
                    RaisePriorityAction when (r, a) == priority => null,
                    RaisePriorityAction p when p.Priority <= complaint.Priority => $"priority is already {complaint.Priority}",
                    RaisePriorityAction => $"a higher priority, {topPriority}, is asked for by rule '{matched[priority.Rule].Rule.Name}'",
                    AssignTeamAction t when (r, a) == team => t.Team == complaint.Team ? $"already assigned to {t.Team}" : null,
                    AssignTeamAction => $"rule '{matched[team.Rule].Rule.Name}' decides the team first",
                    _ when Array.IndexOf(kept, action, 0, keptCount) >= 0 => "asked for already by an earlier rule",
                    _ => null,
                };

                if (reason is null)
                {
                    kept[keptCount++] = action;
                }
                else
                {
                    (setAside ??= []).Add($"{action}: {reason}");
                }
            }

            matches[r] = new PolicyMatch(rule.Rule, explained, rule, setAside is null ? NoStrings : Array.AsReadOnly(setAside.ToArray()));
        }

        return (Array.AsReadOnly(matches), Array.AsReadOnly(keptCount == kept.Length ? kept : kept[..keptCount]));
    }
}

/// <summary>Builds a <see cref="PolicyRuleSet"/>, checking each rule as it is added.</summary>
public sealed class PolicyRuleSetBuilder
{
    private readonly ComplaintLifecycle _lifecycle;
    private readonly SlaEngine? _sla;
    private readonly HashSet<string> _teams = new(StringComparer.Ordinal);
    private readonly List<string> _teamOrder = [];
    private readonly List<CompiledRule> _rules = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private RoutingTable? _routing;
    private RemedyCatalogue? _catalogue;

    internal PolicyRuleSetBuilder(ComplaintLifecycle lifecycle, SlaEngine? sla)
    {
        _lifecycle = lifecycle;
        _sla = sla;
    }

    /// <summary>Declares teams and departments that rules may name; declare them before the rules that name them.</summary>
    /// <param name="teams">The teams.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="teams"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A team is empty or too long.</exception>
    public PolicyRuleSetBuilder AddTeams(params string[] teams)
    {
        ArgumentNullException.ThrowIfNull(teams);
        var checkedTeams = teams.Select((t, i) => Guard.Text(t, $"{nameof(teams)}[{i}]", TextLimits.Name)).ToArray();
        foreach (var team in checkedTeams)
        {
            if (_teams.Add(team))
            {
                _teamOrder.Add(team);
            }
        }

        return this;
    }

    /// <summary>Adds a rule, evaluated in the order of <see cref="PolicyRule.Order"/>, then as added.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// Another rule has its name, or it names a level not on the ladder, a team not declared, or a target no SLA policy
    /// has (or a target with no SLA engine); the message names the rule and the name. The builder is left as it was.
    /// </exception>
    public PolicyRuleSetBuilder AddRule(PolicyRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (_names.Contains(rule.Name))
        {
            throw new ArgumentException($"Rule '{rule.Name}': another rule has this name; rule names must be unique.", nameof(rule));
        }

        if (rule.Name == PolicyRuleSet.RoutingRuleName)
        {
            throw new ArgumentException($"Rule '{rule.Name}': this name is kept for the routing table's proposals.", nameof(rule));
        }

        var binding = new PolicyBinding(rule.Name, nameof(rule), _lifecycle, _sla, _teams, _catalogue);
        var condition = rule.Condition.Bind(binding);
        var ranks = new int[rule.Actions.Count];
        for (var a = 0; a < ranks.Length; a++)
        {
            rule.Actions[a].Bind(binding);
            ranks[a] = rule.Actions[a] switch
            {
                RaiseLevelAction raise => binding.LevelRank(raise.Level),
                LowerLevelAction lowering => binding.LevelRank(lowering.Level),
                _ => -1,
            };
        }

        _names.Add(rule.Name);
        _rules.Add(new CompiledRule(rule, condition, ranks));
        return this;
    }

    /// <summary>Adds a rule of order 0 (so rules added this way are evaluated as added).</summary>
    /// <param name="name">The rule's name, unique in the set.</param>
    /// <param name="when">The condition under which it matches.</param>
    /// <param name="then">The actions it asks for; at least one.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="when"/>, <paramref name="then"/> or an action is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The rule is malformed, or as <see cref="AddRule(PolicyRule)"/> refuses it; the message names the rule.</exception>
    public PolicyRuleSetBuilder AddRule(string name, PolicyCondition when, params PolicyAction[] then) => AddRule(new PolicyRule(name, when, then));

    /// <summary>
    /// Sets the remedy catalogue that <see cref="PolicyCondition.RemedyNotOffered"/> reads; set it before the rules
    /// that use it. Every level it names must be on the ladder.
    /// </summary>
    /// <param name="catalogue">The catalogue.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalogue"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A level is not on the ladder, or a catalogue is set already; the message names the remedy.</exception>
    public PolicyRuleSetBuilder UseCatalogue(RemedyCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        if (_catalogue is not null)
        {
            throw new ArgumentException("A remedy catalogue is set already; a rule set uses one catalogue.", nameof(catalogue));
        }

        foreach (var remedy in catalogue.Remedies)
        {
            new PolicyBinding($"catalogue: {remedy.Type}", nameof(catalogue), _lifecycle, _sla, _teams).LevelRank(remedy.LowestLevel);
        }

        _catalogue = catalogue;
        return this;
    }

    /// <summary>
    /// Routes unassigned complaints by a table when no matched rule assigns a team: the decision then assigns the
    /// department the table gives for the complaint's category and kind. A complaint with a team is left where it is.
    /// Every department of the table, its default included, must be one of the declared teams.
    /// </summary>
    /// <param name="routing">The routing table.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="routing"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A department is not a declared team, or a table is set already; the message names the route.</exception>
    public PolicyRuleSetBuilder RouteBy(RoutingTable routing)
    {
        ArgumentNullException.ThrowIfNull(routing);
        if (_routing is not null)
        {
            throw new ArgumentException("A routing table is set already; a rule set routes by one table.", nameof(routing));
        }

        foreach (var (what, department) in routing.Routes.Select(r => (r.ToString(), r.Department)).Append(("the default", routing.Default)))
        {
            new PolicyBinding($"{PolicyRuleSet.RoutingRuleName}: {what}", nameof(routing), _lifecycle, _sla, _teams).Team(department);
        }

        _routing = routing;
        return this;
    }

    /// <summary>Builds the rule set.</summary>
    /// <returns>The immutable rule set.</returns>
    public PolicyRuleSet Build() => PolicyRuleSet.Create(_lifecycle, _sla, [.. _teamOrder], [.. _rules], _routing, _catalogue);
}

/// <summary>A rule with its condition bound to the set and the rank of each action that raises or lowers the level (-1 for others).</summary>
internal sealed record CompiledRule(PolicyRule Rule, PolicyCondition Condition, int[] LevelRanks)
{
    /// <summary>Gets whether one of the rule's actions assigns a team.</summary>
    public bool AssignsTeam { get; } = Rule.Actions.Any(a => a is AssignTeamAction);
}

/// <summary>What a decision's matches are explained from when their facts are first read: a copy of what the rules read.</summary>
internal sealed class PolicyExplanation(in PolicyInput input)
{
    private readonly ComplaintSnapshot _complaint = input.Complaint;
    private readonly Instant _asOf = input.AsOf;
    private readonly SlaTargetFact[] _sla = input.Sla.ToArray();
    private readonly PolicyContext _context = input.Context;
    private readonly ComplaintLifecycle _lifecycle = input.Lifecycle;
    private readonly SlaEngine? _engine = input.Engine;

    /// <summary>What <paramref name="rule"/>'s condition found, which held.</summary>
    public IReadOnlyList<string> Explain(CompiledRule rule)
    {
        var facts = new List<string>();
        rule.Condition.Explain(new PolicyInput(_complaint, _asOf, _sla, _context, _lifecycle, _engine), held: true, facts);
        return Array.AsReadOnly(facts.ToArray());
    }
}
