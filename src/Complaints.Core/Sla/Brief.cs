using Complaints.Core.Domain;
using NodaTime;

namespace Complaints.Core.Sla;

/// <summary>
/// One clock's status as a step function of the instant asked, for any instant from the latest entry on (until the next
/// entry): fixed (not started, met, breached, stopped), running with its warning instant and deadline, or paused.
/// Computed once per entry, so reading a state costs a comparison or two.
/// </summary>
internal readonly struct Brief
{
    private readonly Instant _deadline;

    /// <summary>Running: the instant the first warning shows (<see cref="Instant.MaxValue"/>: none). Paused: where the pause began.</summary>
    private readonly Instant _at;
    private readonly BriefKind _kind;
    private readonly SlaClockState _state;
    private readonly bool _hasDeadline;
    private readonly bool _movesLater;
    private readonly bool _movesNow;

    private Brief(BriefKind kind, int cycle, SlaClockState state, Instant? deadline, Instant at)
    {
        _kind = kind;
        Cycle = cycle;
        _state = state;
        _hasDeadline = deadline.HasValue;
        _deadline = deadline.GetValueOrDefault();
        _at = at;
        Slot = -1;
        Stricter = -1;
    }

    private Brief(int cycle, Instant deadline, Instant pauseFrom, bool movesLater, bool movesNow)
        : this(BriefKind.Paused, cycle, SlaClockState.Paused, deadline, pauseFrom)
    {
        _movesLater = movesLater;
        _movesNow = movesNow;
    }

    private enum BriefKind : byte
    {
        Fixed,
        Running,
        Paused,
    }

    public int Cycle { get; }

    /// <summary>Gets the slot whose target this brief reports (set when the clocks lay out their briefs).</summary>
    public int Slot { get; private init; }

    /// <summary>Gets, for a target under <see cref="SlaChangeRule.Stricter"/>, the index of the previous policy's brief it is compared with, or -1.</summary>
    public int Stricter { get; private init; }

    /// <summary>Gets whether an earlier cycle of the slot's target was breached (<see cref="SlaTargetStatus.BreachedEarlier"/>).</summary>
    public bool BreachedEarlier { get; private init; }

    /// <summary>Gets this brief placed at a slot, compared with the brief at <paramref name="stricter"/> (-1: none).</summary>
    public Brief At(int slot, int stricter, bool breachedEarlier) => this with { Slot = slot, Stricter = stricter, BreachedEarlier = breachedEarlier };

    /// <summary>Builds the step function from the clock and its status at the latest entry.</summary>
    public static Brief Of(SlaTarget target, in TargetClock clock, SlaTargetStatus atLatest, ComplaintState state, Instant latest)
    {
        if (atLatest.State == SlaClockState.NotStarted || clock.MetAt is not null || clock.StoppedAt is not null || clock.Due is not { } due
            || (target.Kind == SlaTargetKind.NextUpdate && atLatest.MetIndex >= 0))
        {
            return new Brief(BriefKind.Fixed, atLatest.Cycle, atLatest.State, atLatest.Deadline, Instant.MaxValue);
        }

        var fold = clock.Fold;
        if (target.PausesIn(state))
        {
            var from = Instant.Max(latest, clock.Start);
            var continuing = fold.InPause && fold.Cursor == from;
            return new Brief(atLatest.Cycle, fold.Deadline, from, continuing ? fold.Moves : from < fold.Deadline, fold.PausedAt(latest));
        }

        var calendar = target.Calendar;
        var deadline = fold.Deadline;
        var remaining = atLatest.Remaining;
        Instant? shareAt = null, beforeAt = null;
        if (target.WarnAtShare is { } share)
        {
            var allowed = due > clock.Start ? calendar.WorkingTimeBetween(clock.Start, due) : Duration.Zero;
            var threshold = SlaClock.ShareThreshold(allowed, share);
            if (threshold != Duration.MaxValue && threshold - atLatest.Elapsed is var needed && needed <= remaining)
            {
                // Past the deadline the clock is breached, so a share reached only then never shows.
                shareAt = needed <= Duration.Zero ? latest : calendar.AddWorkingTime(latest, needed);
            }
        }

        if (target.WarnBefore is { } before)
        {
            beforeAt = remaining <= before ? latest : calendar.AddWorkingTime(latest, remaining - before);
        }

        return new Brief(BriefKind.Running, atLatest.Cycle, SlaClockState.Running, deadline, Instant.Min(shareAt ?? Instant.MaxValue, beforeAt ?? Instant.MaxValue));
    }

    public SlaClockState StateAt(Instant latest, Instant asOf) => _kind switch
    {
        BriefKind.Running => asOf > _deadline ? SlaClockState.Breached : asOf >= _at ? SlaClockState.AtRisk : SlaClockState.Running,
        BriefKind.Paused => (asOf > latest ? _movesLater : _movesNow) || asOf <= _deadline ? SlaClockState.Paused : SlaClockState.Breached,
        _ => _state,
    };

    public Instant? NextChangeAt(Instant latest, Instant asOf)
    {
        if (_kind == BriefKind.Paused)
        {
            // A pause that does not move the deadline (it began at it) holds the clock only until the deadline passes.
            return !_movesLater && StateAt(latest, asOf) == SlaClockState.Paused ? _deadline + Duration.Epsilon : null;
        }

        if (_kind != BriefKind.Running || StateAt(latest, asOf) is var state && state == SlaClockState.Breached)
        {
            return null;
        }

        var next = _deadline + Duration.Epsilon;
        return state == SlaClockState.Running ? Instant.Min(next, _at) : next;
    }

    /// <summary>The deadline reported at an instant: while a pause that moves it lasts, it moves with the instant.</summary>
    public Instant? DeadlineAt(SlaTarget target, Instant latest, Instant asOf)
    {
        if (_kind != BriefKind.Paused)
        {
            return _hasDeadline ? _deadline : null;
        }

        var deadline = _deadline;
        if (asOf > latest && _movesLater)
        {
            var working = target.Calendar.WorkingTimeBetween(_at, asOf);
            deadline = working > Duration.Zero ? target.Calendar.AddWorkingTime(deadline, working) : deadline;
            return Instant.Max(deadline, asOf);
        }

        return asOf == latest && _movesNow ? Instant.Max(deadline, asOf) : deadline;
    }
}

/// <summary>
/// Reads a laid-out run of briefs (the targets reported, in order, then the ones they are compared with under the
/// stricter rule) at an instant from the latest entry on: what <see cref="SlaClocks"/> and <see cref="SlaClockTable"/> share.
/// </summary>
internal static class Briefs
{
    /// <summary>The brief the <paramref name="index"/>-th target reports from: its own, or the stricter one when that deadline is earlier at the instant.</summary>
    public static ref readonly Brief Reported(ReadOnlySpan<Brief> briefs, int index, SlaLayout layout, Instant latest, Instant asOf)
    {
        ref readonly var brief = ref briefs[index];
        if (brief.Stricter >= 0)
        {
            ref readonly var stricter = ref briefs[brief.Stricter];
            if (stricter.DeadlineAt(layout.SlotTarget[stricter.Slot], latest, asOf) < brief.DeadlineAt(layout.SlotTarget[brief.Slot], latest, asOf))
            {
                return ref stricter;
            }
        }

        return ref brief;
    }

    /// <summary>Writes the states of the first <paramref name="count"/> briefs.</summary>
    public static void StatesAt(ReadOnlySpan<Brief> briefs, int count, SlaLayout layout, Instant latest, Instant asOf, Span<SlaTargetState> destination)
    {
        var policies = layout.SlotPolicyOf;
        var targets = layout.SlotTarget;
        for (var i = 0; i < count; i++)
        {
            ref readonly var own = ref briefs[i];
            ref readonly var reported = ref Reported(briefs, i, layout, latest, asOf);
            destination[i] = new SlaTargetState(policies[own.Slot], targets[own.Slot], reported.Cycle, reported.StateAt(latest, asOf), own.BreachedEarlier);
        }
    }

    /// <summary>The earliest next change of the first <paramref name="count"/> briefs.</summary>
    public static Instant? NextChangeAt(ReadOnlySpan<Brief> briefs, int count, SlaLayout layout, Instant latest, Instant asOf)
    {
        Instant? next = null;
        for (var i = 0; i < count; i++)
        {
            if (Reported(briefs, i, layout, latest, asOf).NextChangeAt(latest, asOf) is { } at && (next is null || at < next))
            {
                next = at;
            }
        }

        return next;
    }
}
