using Complaints.Core.Deadlines;
using Complaints.Core.Domain;
using Complaints.Core.History;
using NodaTime;

namespace Complaints.Core.Sla;

/// <summary>Computes one target's clock from a complaint's history up to an instant (the snapshot holds only entries up to it).</summary>
internal static class SlaClock
{
    /// <summary>The full status of one target, with its timeline.</summary>
    public static SlaTargetStatus Evaluate(SlaTarget target, ComplaintSnapshot complaint, in SlaEntries entries, Instant asOf, ReadOnlySpan<ClockMark> earlier, int restartIndex = -1)
    {
        var fold = default(PauseFold);
        var run = Run(target, complaint, entries, asOf, earlier, restartIndex, timed: true, ref fold);
        return run.Due is { } due
            ? Finish(target, run.Cycle, run.Start!.Value, due, run.MetIndex, run.MetAt, run.StoppedAt, ref fold, complaint.State, asOf)
            : new SlaTargetStatus(target, run.Cycle, run.State) { StartedAt = run.Start, MetAt = run.MetAt, MetIndex = run.MetIndex };
    }

    /// <summary>
    /// One target's state, deadline and next change only, with no timeline and nothing allocated; its working times
    /// (elapsed, allowed, remaining) too when <paramref name="measure"/> is set, and otherwise only when its warnings need them.
    /// </summary>
    public static Settled Settle(
        SlaTarget target, ComplaintSnapshot complaint, in SlaEntries entries, Instant asOf, ReadOnlySpan<ClockMark> earlier, int restartIndex = -1, bool measure = false)
    {
        var fold = default(PauseFold);
        var run = Run(target, complaint, entries, asOf, earlier, restartIndex, timed: false, ref fold);
        if (run.Due is not { } due)
        {
            return new Settled(run.State, run.Cycle, run.MetIndex, run.MetAt is not null || run.StoppedAt is not null, null, default, default, default, null);
        }

        if (target.PauseBits == 0)
        {
            // No state pauses the clock, and its fold was never begun: the deadline is the rule's.
            return Settle(target, run.Cycle, run.Start!.Value, due, run.MetIndex, run.MetAt, run.StoppedAt, due, Duration.Zero, pausedAtEnd: false, complaint.State, asOf, measure);
        }

        var pausedAtEnd = CloseAtEnd(target, ref fold, run.MetAt, run.StoppedAt, asOf);
        return Settle(target, run.Cycle, run.Start!.Value, due, run.MetIndex, run.MetAt, run.StoppedAt, fold.Deadline, fold.Paused, pausedAtEnd, complaint.State, asOf, measure);
    }

    /// <summary>
    /// Reads the history for one target: the cycle, the start, the deadline the rule gives, the meeting and the stop,
    /// with the pauses up to the end folded; or, when the clock has no deadline, its fixed state.
    /// </summary>
    private static Run Run(
        SlaTarget target, ComplaintSnapshot complaint, in SlaEntries entries, Instant asOf, ReadOnlySpan<ClockMark> earlier, int restartIndex, bool timed, ref PauseFold fold)
    {
        var at = entries.At;
        var events = entries.Events;
        var count = events.Length;
        var calendar = target.Calendar;

        // The cycle: from receipt, or from the latest reopening when a reopening starts a new cycle.
        var cycle = 0;
        var cycleStartIndex = -1;
        var cycleStart = complaint.ReceivedAt;
        if (target.OnReopen != ReopenRule.ResumeCycle && entries.LastReopening >= 0)
        {
            cycle = entries.Reopenings;
            cycleStartIndex = entries.LastReopening;
            cycleStart = at[cycleStartIndex];
        }

        // The start event, and the anchors the deadline rule may count from, all within the cycle and after the start.
        if (restartIndex > cycleStartIndex)
        {
            // The policy started to apply at this entry, and its clocks start again there.
            cycleStartIndex = restartIndex;
            cycleStart = at[restartIndex];
        }

        var startIndex = cycleStartIndex;
        var start = cycleStart;
        if (target.Kind == SlaTargetKind.NextUpdate)
        {
            // Due again from the latest customer message or update: each one starts a new cycle.
            var restartBits = target.MetBits | SlaEvents.CustomerMessageBit;
            for (var i = cycleStartIndex + 1; i < count; i++)
            {
                if ((events[i] & restartBits) != 0)
                {
                    cycle++;
                    startIndex = i;
                    start = at[i];
                }
            }

            if (startIndex >= 0 && complaint.State is ComplaintState.Resolved or ComplaintState.FollowUp or ComplaintState.Closed)
            {
                // Resolved: no more updates are due, and the latest one kept the cadence.
                return new Run(SlaClockState.Met, cycle, start, null, startIndex, start, null);
            }
        }
        else if (target.ChainedFrom is { } chained)
        {
            // Counted from another target's meeting, in the same cycle.
            var from = earlier[chained];
            if (from.MetIndex < 0 || from.Cycle != cycle || from.MetIndex <= cycleStartIndex)
            {
                return new Run(SlaClockState.NotStarted, cycle, null, null, -1, null, null);
            }

            startIndex = from.MetIndex;
            start = at[startIndex];
        }
        else if (target.StartEvent != SlaEvent.Received)
        {
            startIndex = Find(events, cycleStartIndex + 1, SlaEvents.Bit(target.StartEvent));
            if (startIndex < 0)
            {
                return new Run(SlaClockState.NotStarted, cycle, null, null, -1, null, null);
            }

            start = at[startIndex];
        }

        Instant due;
        if (target.DueAtPromisedDate && complaint.PromisedAt is { } promised && promised > start)
        {
            due = promised;
        }
        else if (!TryDue(target, start, startIndex, entries, out due))
        {
            return new Run(SlaClockState.NotStarted, cycle, start, null, -1, null, null);
        }

        // Meeting and stop: the first of each after the start.
        var metIndex = Find(events, startIndex + 1, target.MetBits);
        var stopIndex = Find(events, startIndex + 1, SlaEvents.FinishedBit);
        Instant? metAt = metIndex >= 0 ? at[metIndex] : null;
        Instant? stoppedAt = stopIndex >= 0 && (metIndex < 0 || stopIndex < metIndex) ? at[stopIndex] : null;
        var end = metAt ?? stoppedAt ?? asOf;

        // The pauses between the start and the end (the stretches the complaint spent in each state, clipped to them), and
        // the deadline they move; an untimed clock that no state pauses needs no fold.
        if (timed || target.PauseBits != 0)
        {
            fold.Begin(start, due, timed ? 4 : 0, untimed: !timed);
            FoldPauses(target, complaint.ReceivedAt, entries, start, end, ref fold);
        }

        return new Run(SlaClockState.Running, cycle, start, due, metIndex, metAt, stoppedAt);
    }

    /// <summary>
    /// Ends a clock whose pauses up to its end are folded: the status at <paramref name="asOf"/> from the start, the
    /// deadline the rule gives, the meeting and stop, and the state the complaint is in.
    /// </summary>
    public static SlaTargetStatus Finish(
        SlaTarget target, int cycle, Instant start, Instant due, int metIndex, Instant? metAt, Instant? stoppedAt, ref PauseFold fold, ComplaintState state, Instant asOf)
    {
        var pausedAtEnd = CloseAtEnd(target, ref fold, metAt, stoppedAt, asOf);
        var settled = Settle(target, cycle, start, due, metIndex, metAt, stoppedAt, fold.Deadline, fold.Paused, pausedAtEnd, state, asOf, measure: true);
        var allowed = settled.Allowed;
        return new SlaTargetStatus(target, cycle, settled.State)
        {
            MetIndex = metIndex,
            NextChangeAt = settled.NextChangeAt,
            StartedAt = start,
            Deadline = settled.Deadline,
            DeadlineBeforePauses = due,
            MetAt = metAt,
            StoppedAt = stoppedAt,
            Elapsed = settled.Elapsed,
            Remaining = settled.Remaining,
            Paused = fold.Paused,
            ShareUsed = ShareUsed(settled.Elapsed, allowed),
            Timeline = fold.Timeline(),
        };
    }

    /// <summary>Closes a clock's fold at its end (the meeting, the stop or the instant asked); returns whether a pause that moves the deadline lasts until then.</summary>
    private static bool CloseAtEnd(SlaTarget target, ref PauseFold fold, Instant? metAt, Instant? stoppedAt, Instant asOf)
    {
        var end = metAt ?? stoppedAt ?? asOf;
        var pausedAtEnd = fold.PausedAt(end);
        fold.Close(target.Calendar, end);
        return pausedAtEnd;
    }

    /// <summary>
    /// Judges a clock whose pauses up to its end are folded: <paramref name="moved"/> is the deadline they moved,
    /// <paramref name="paused"/> their working time, <paramref name="pausedAtEnd"/> whether one that moves it lasts
    /// until the end. The working times (elapsed, allowed, remaining) are measured when <paramref name="measure"/> is
    /// set, and otherwise only when the warnings need them.
    /// </summary>
    private static Settled Settle(
        SlaTarget target, int cycle, Instant start, Instant due, int metIndex, Instant? metAt, Instant? stoppedAt, Instant moved, Duration paused, bool pausedAtEnd, ComplaintState state, Instant asOf, bool measure)
    {
        var calendar = target.Calendar;
        var end = metAt ?? stoppedAt ?? asOf;
        if (metAt is null && stoppedAt is null && !target.PausesIn(state))
        {
            // An entry at the instant asked ended the pause: the clock runs again now.
            pausedAtEnd = false;
        }

        var deadline = moved;
        if (pausedAtEnd && deadline < end)
        {
            // Paused since before the deadline: the clock has not run out, so the deadline is no earlier than now.
            deadline = end;
        }

        SlaClockState status;
        if (metAt is { } met)
        {
            status = met <= deadline ? SlaClockState.Met : SlaClockState.Breached;
        }
        else if (stoppedAt is { } stopped)
        {
            status = stopped <= deadline ? SlaClockState.Stopped : SlaClockState.Breached;
        }
        else if (pausedAtEnd)
        {
            status = SlaClockState.Paused;
        }
        else if (asOf > deadline)
        {
            status = SlaClockState.Breached;
        }
        else if (target.PausesIn(state))
        {
            status = SlaClockState.Paused;
        }
        else
        {
            status = SlaClockState.Running;
        }

        var warns = status == SlaClockState.Running && (target.WarnAtShare is not null || target.WarnBefore is not null);
        Duration elapsed = default, allowed = default, remaining = default;
        if (measure || warns)
        {
            elapsed = calendar.WorkingTimeBetween(start, end) - paused;
            allowed = due > start ? calendar.WorkingTimeBetween(start, due) : Duration.Zero;
            remaining = end < deadline ? calendar.WorkingTimeBetween(end, deadline) : Duration.Zero;
        }

        if (warns)
        {
            var atRisk = (target.WarnAtShare is { } warnShare && elapsed >= ShareThreshold(allowed, warnShare))
                || (target.WarnBefore is { } warnBefore && remaining <= warnBefore);
            status = atRisk ? SlaClockState.AtRisk : SlaClockState.Running;
        }

        Instant? next = status is SlaClockState.Running or SlaClockState.AtRisk
            ? NextChange(target, status, asOf, deadline, elapsed, allowed, remaining)
            : status == SlaClockState.Paused && !pausedAtEnd && asOf == deadline
                ? deadline + Duration.Epsilon   // a pause that begins at the deadline does not move it: breached just after
                : null;
        return new Settled(status, cycle, metIndex, metAt is not null || stoppedAt is not null, deadline, elapsed, allowed, remaining, next);
    }

    /// <summary>The share of the time allowed that is used; <see langword="null"/> when no time is allowed.</summary>
    public static double? ShareUsed(Duration elapsed, Duration allowed) =>
        allowed > Duration.Zero ? elapsed.TotalNanoseconds / allowed.TotalNanoseconds : null;

    /// <summary>
    /// The elapsed time at which a share of the time allowed is used, rounded up to the nanosecond, so that the instant
    /// it is reached can be computed exactly; <see cref="Duration.MaxValue"/> when no time is allowed.
    /// </summary>
    public static Duration ShareThreshold(Duration allowed, double share) =>
        allowed > Duration.Zero ? Duration.FromNanoseconds((long)Math.Ceiling(share * allowed.ToInt64Nanoseconds())) : Duration.MaxValue;

    /// <summary>
    /// The earliest instant after <paramref name="asOf"/> at which a running clock's status changes with no new entry:
    /// a warning threshold passed (at that instant), or the deadline passed (just after it).
    /// </summary>
    private static Instant NextChange(SlaTarget target, SlaClockState status, Instant asOf, Instant deadline, Duration elapsed, Duration allowed, Duration remaining)
    {
        var calendar = target.Calendar;
        var next = deadline + Duration.Epsilon;
        if (status == SlaClockState.Running)
        {
            if (target.WarnAtShare is { } share && allowed > Duration.Zero)
            {
                var needed = ShareThreshold(allowed, share) - elapsed;
                if (needed > Duration.Zero && needed <= remaining)
                {
                    next = Instant.Min(next, calendar.AddWorkingTime(asOf, needed));
                }
            }

            if (target.WarnBefore is { } before && remaining > before)
            {
                next = Instant.Min(next, calendar.AddWorkingTime(asOf, remaining - before));
            }
        }

        return next;
    }

    /// <summary>Folds the stretches the complaint spent in a state that pauses the target, clipped to [start, end].</summary>
    private static void FoldPauses(SlaTarget target, Instant receivedAt, in SlaEntries entries, Instant start, Instant end, ref PauseFold fold)
    {
        if (target.PauseBits == 0)
        {
            return;
        }

        // Stretch k runs from entry k - 1 (receipt for k = 0) to entry k (the end for the last), in the state entry k - 1 led to.
        var at = entries.At;
        var to = entries.To;
        for (var k = 0; k <= at.Length; k++)
        {
            var state = k == 0 ? ComplaintState.Received : to[k - 1];
            if (!target.PausesIn(state))
            {
                continue;
            }

            var since = k == 0 ? receivedAt : at[k - 1];
            if (since >= end)
            {
                break;
            }

            var until = k < at.Length && at[k] < end ? at[k] : end;
            var from = since > start ? since : start;
            if (until > from)
            {
                fold.Add(target.Calendar, from, until, state);
            }
        }
    }

    /// <summary>The deadline the target's rule gives, counted from the start or from an anchor after it (the first acknowledgement or holding reply, the latest information).</summary>
    private static bool TryDue(SlaTarget target, Instant start, int startIndex, in SlaEntries entries, out Instant due)
    {
        var rule = target.Rule;
        if (!rule.UsesAnchorsAfterStart)
        {
            // Counted from the start alone, with no extension a holding reply could bring.
            due = rule.DueFromStart(start, target.Calendar);
            return true;
        }

        var at = entries.At;
        var events = entries.Events;
        int acknowledged = -1, holding = -1, complete = -1;
        for (var i = startIndex + 1; i < events.Length; i++)
        {
            var bits = events[i];
            acknowledged = acknowledged < 0 && (bits & SlaEvents.AcknowledgementBits) != 0 ? i : acknowledged;
            holding = holding < 0 && (bits & SlaEvents.HoldingBit) != 0 ? i : holding;
            complete = (bits & SlaEvents.InformationBit) != 0 ? i : complete;
        }

        var anchored = rule.Due(new DeadlineAnchors(start, At(at, acknowledged), At(at, holding), At(at, complete)), target.Calendar);
        due = anchored.GetValueOrDefault();
        return anchored.HasValue;
    }

    private static Instant? At(ReadOnlySpan<Instant> at, int index) => index >= 0 ? at[index] : null;

    private static int Find(ReadOnlySpan<int> events, int from, int bits)
    {
        for (var i = from; i < events.Length; i++)
        {
            if ((events[i] & bits) != 0)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>Where one target's clock stands as the history tells it, before its status is built.</summary>
internal readonly record struct Run(SlaClockState State, int Cycle, Instant? Start, Instant? Due, int MetIndex, Instant? MetAt, Instant? StoppedAt);

/// <summary>
/// A clock's state, whether it was met or stopped (<paramref name="Ended"/>), deadline, working times and next change at
/// an instant, without its timeline.
/// </summary>
internal readonly record struct Settled(
    SlaClockState State, int Cycle, int MetIndex, bool Ended, Instant? Deadline, Duration Elapsed, Duration Allowed, Duration Remaining, Instant? NextChangeAt);

/// <summary>What a chained clock needs of the clock it counts from: its cycle and the entry that met it (-1: none).</summary>
internal readonly record struct ClockMark(int Cycle, int MetIndex);
