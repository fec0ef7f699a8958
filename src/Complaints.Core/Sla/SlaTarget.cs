using Complaints.Core.Calendars;
using Complaints.Core.Deadlines;
using Complaints.Core.Domain;
using NodaTime;

namespace Complaints.Core.Sla;

/// <summary>
/// One service-level target of a policy: a deadline rule counted on a calendar from a start event, the events that
/// meet it, the states that pause it, its warning thresholds and what a reopening does. Immutable; built with
/// <see cref="SlaPolicyBuilder.AddTarget(string, SlaTargetKind, DeadlineRule, BusinessCalendar, Action{SlaTargetBuilder}?)"/>.
/// </summary>
public sealed class SlaTarget
{
    internal SlaTarget(SlaTargetBuilder b)
    {
        Name = b.Name;
        Kind = b.Kind;
        Rule = b.Rule;
        Calendar = b.Calendar;
        StartEvent = b.Start;
        MetBy = Array.AsReadOnly(b.Met.Order().ToArray());
        PausedIn = Array.AsReadOnly(b.Pauses.Order().ToArray());
        WarnAtShare = b.Share;
        WarnBefore = b.Before;
        OnReopen = b.Reopen;
        ChainedFrom = b.ChainedIndex;
        StartsWhenMetName = b.ChainedName;
        DueAtPromisedDate = b.Promised;
        MetBits = b.Met.Aggregate(0, (bits, e) => bits | SlaEvents.Bit(e));
        foreach (var state in b.Pauses)
        {
            PauseBits |= 1 << (int)state;
        }
    }

    /// <summary>Gets the target's name, unique within its policy.</summary>
    public string Name { get; }

    /// <summary>Gets what the target measures.</summary>
    public SlaTargetKind Kind { get; }

    /// <summary>Gets the deadline rule; its anchor (receipt, acknowledgement, holding reply, complete information) is read within the cycle.</summary>
    public DeadlineRule Rule { get; }

    /// <summary>Gets the calendar the deadline, the pauses and the elapsed time are counted on.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>Gets the event that starts the clock in each cycle.</summary>
    public SlaEvent StartEvent { get; }

    /// <summary>Gets the events that meet the target, in declaration order.</summary>
    public IReadOnlyList<SlaEvent> MetBy { get; }

    /// <summary>Gets the states in which the clock is paused, in declaration order.</summary>
    public IReadOnlyList<ComplaintState> PausedIn { get; }

    /// <summary>Gets the share of the time allowed (0 to 1) from which a running clock is at risk, if set.</summary>
    public double? WarnAtShare { get; }

    /// <summary>Gets the time before the deadline (on the target's calendar) from which a running clock is at risk, if set.</summary>
    public Duration? WarnBefore { get; }

    /// <summary>Gets what a reopening does to the clock.</summary>
    public ReopenRule OnReopen { get; }

    /// <summary>Gets the name of the earlier target of the same policy whose meeting starts this clock (a chained clock), if any.</summary>
    public string? StartsWhenMetName { get; }

    /// <summary>Gets whether the date promised to the customer, when one is set, is the deadline instead of the rule's.</summary>
    public bool DueAtPromisedDate { get; }

    internal int? ChainedFrom { get; }

    internal int MetBits { get; }

    internal int PauseBits { get; }

    internal bool PausesIn(ComplaintState state) => (PauseBits & (1 << (int)state)) != 0;

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Kind}, {Rule})";
}

/// <summary>
/// Configures one target while its policy is built. Each method checks its argument at once and names the policy, the
/// target and the field in the error.
/// </summary>
public sealed class SlaTargetBuilder
{
    private readonly string _policy;

    internal SlaTargetBuilder(string policy, string name, SlaTargetKind kind, DeadlineRule rule, BusinessCalendar calendar)
    {
        _policy = policy;
        Name = name;
        Kind = kind;
        Rule = rule;
        Calendar = calendar;
        Met = kind switch
        {
            SlaTargetKind.Acknowledge => [SlaEvent.Acknowledged],
            SlaTargetKind.FirstResponse or SlaTargetKind.NextUpdate =>
            [
                SlaEvent.Acknowledged, SlaEvent.PublicReply, SlaEvent.HoldingReply, SlaEvent.InformationRequested,
                SlaEvent.ResolutionProposed, SlaEvent.Resolved, SlaEvent.Closed,
            ],
            SlaTargetKind.Resolution => [SlaEvent.Resolved],
            SlaTargetKind.FinalResponse => [SlaEvent.Closed],
            _ => [],
        };
    }

    internal string Name { get; }

    internal SlaTargetKind Kind { get; }

    internal DeadlineRule Rule { get; }

    internal BusinessCalendar Calendar { get; }

    internal SlaEvent Start { get; private set; } = SlaEvent.Received;

    internal HashSet<SlaEvent> Met { get; private set; }

    internal HashSet<ComplaintState> Pauses { get; } = [];

    internal double? Share { get; private set; }

    internal Duration? Before { get; private set; }

    internal ReopenRule Reopen { get; private set; } = ReopenRule.NewCycle;

    internal int? ChainedIndex { get; private set; }

    internal string? ChainedName { get; private set; }

    internal bool Promised { get; private set; }

    internal IReadOnlyList<SlaTarget> EarlierTargets { get; init; } = [];

    /// <summary>Sets the event that starts the clock in each cycle (by default, receipt).</summary>
    /// <param name="startEvent">The event; not <see cref="SlaEvent.Finished"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startEvent"/> is not defined or is <see cref="SlaEvent.Finished"/>.</exception>
    public SlaTargetBuilder StartsAt(SlaEvent startEvent)
    {
        Defined(startEvent, nameof(startEvent), "StartEvent");
        if (startEvent == SlaEvent.Finished)
        {
            throw new ArgumentOutOfRangeException(nameof(startEvent), startEvent, Where("StartEvent: a finished complaint starts no clock."));
        }

        Start = startEvent;
        return this;
    }

    /// <summary>
    /// Starts the clock when an earlier target of the same policy is met, in the same cycle (a chained clock: for
    /// example a stage-one response counted from the acknowledgement). Until then the clock has not started.
    /// </summary>
    /// <param name="target">The earlier target's name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The policy has no earlier target of that name, or it is a next-update target.</exception>
    public SlaTargetBuilder StartsWhenMet(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var index = EarlierTargets.ToList().FindIndex(t => t.Name == target);
        if (index < 0)
        {
            throw new ArgumentException(Where($"StartsWhenMet: the policy has no earlier target named '{target}'; add it first."), nameof(target));
        }

        if (EarlierTargets[index].Kind == SlaTargetKind.NextUpdate)
        {
            throw new ArgumentException(Where($"StartsWhenMet: '{target}' is a next-update target, which falls due again after every update, so it has no one meeting to count from."), nameof(target));
        }

        ChainedIndex = index;
        ChainedName = target;
        return this;
    }

    /// <summary>Takes the deadline from the date promised to the customer (<c>PromisedAt</c>) whenever one is set after the start; the rule applies otherwise.</summary>
    /// <returns>This builder.</returns>
    public SlaTargetBuilder DueAtPromisedDate()
    {
        Promised = true;
        return this;
    }

    /// <summary>Sets the events that meet the target, replacing the kind's defaults.</summary>
    /// <param name="events">The events; at least one, none of them <see cref="SlaEvent.Received"/> or <see cref="SlaEvent.Finished"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="events"/> is empty or holds an event that cannot meet a target.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An event is not defined.</exception>
    public SlaTargetBuilder MetBy(params IEnumerable<SlaEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var set = new HashSet<SlaEvent>();
        foreach (var e in events)
        {
            Defined(e, nameof(events), "MetBy");
            if (e is SlaEvent.Received or SlaEvent.Finished)
            {
                throw new ArgumentException(Where($"MetBy: {e} cannot meet a target; it starts or stops a cycle."), nameof(events));
            }

            set.Add(e);
        }

        if (set.Count == 0)
        {
            throw new ArgumentException(Where("MetBy: at least one event must meet the target."), nameof(events));
        }

        Met = set;
        return this;
    }

    /// <summary>Pauses the clock while the complaint is in any of these states (for example waiting on the customer).</summary>
    /// <param name="states">Open states; a terminal state ends the cycle instead.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="states"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A state is not defined or is terminal.</exception>
    public SlaTargetBuilder PausedIn(params IEnumerable<ComplaintState> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        foreach (var state in states)
        {
            Defined(state, nameof(states), "PausedIn");
            if (state.IsTerminal())
            {
                throw new ArgumentOutOfRangeException(nameof(states), state, Where($"PausedIn: {state} is terminal; it ends the cycle rather than pausing it."));
            }

            Pauses.Add(state);
        }

        return this;
    }

    /// <summary>Marks a running clock at risk once this share of the time allowed is used.</summary>
    /// <param name="share">The share, above 0 and at most 1 (0.8 is 80 %).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="share"/> is not above 0 and at most 1.</exception>
    public SlaTargetBuilder WarnAt(double share)
    {
        if (!(share > 0 && share <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, Where("WarnAtShare must be above 0 and at most 1 (0 % to 100 %)."));
        }

        Share = share;
        return this;
    }

    /// <summary>Marks a running clock at risk once the deadline is this near, counted on the target's calendar.</summary>
    /// <param name="before">The time before the deadline; positive.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="before"/> is not positive.</exception>
    public SlaTargetBuilder WarnBefore(Duration before)
    {
        if (before <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(before), before, Where("WarnBefore must be positive."));
        }

        Before = before;
        return this;
    }

    /// <summary>Sets what a reopening does to the clock (by default, a new cycle).</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rule"/> is not defined.</exception>
    public SlaTargetBuilder OnReopen(ReopenRule rule)
    {
        Reopen = Defined(rule, nameof(rule), "OnReopen");
        return this;
    }

    internal void Validate()
    {
        if (Met.Count == 0)
        {
            throw new ArgumentException(Where("MetBy: a custom target needs the events that meet it (MetBy)."), "configure");
        }

        if (ChainedIndex is null && Met.Contains(Start))
        {
            throw new ArgumentException(Where($"MetBy: {Start} both starts and meets the target, so it would be met as soon as it starts."), "configure");
        }
    }

    private T Defined<T>(T value, string paramName, string field)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(paramName, value, Where($"{field}: {value} is not a defined {typeof(T).Name} value."));

    private string Where(string what) => $"Policy '{_policy}', target '{Name}': {what}";
}
