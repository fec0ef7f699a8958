using Complaints.Core.Deadlines;
using Complaints.Core.Domain;
using NodaTime;

namespace Complaints.Core.Sla;

/// <summary>A stretch of time a complaint spent in one state that pauses a clock.</summary>
internal readonly record struct PauseStretch(Instant From, Instant To, ComplaintState State);

/// <summary>
/// One target's clock kept entry by entry: its cycle, start, anchors, meeting, stop and the pauses since the start, with
/// the deadline they move. A value: <see cref="SlaClocks"/> copies its clocks before changing them, and the arrays inside
/// are never written once shared.
/// </summary>
internal struct TargetClock
{
    /// <summary>The reopenings that started a new cycle of this clock.</summary>
    public int Reopens;

    /// <summary>For a next-update clock, the updates and customer messages since the cycle began, each a new cycle.</summary>
    public int Updates;

    /// <summary>The entry at which the cycle began (-1: receipt).</summary>
    public int CycleStartIndex;

    public bool Started;

    /// <summary>The entry that started the clock (-1: receipt).</summary>
    public int StartIndex;

    public Instant Start;

    public Instant? Acknowledged;

    public Instant? Holding;

    public Instant? Complete;

    /// <summary>The deadline the rule gives before pauses; <see langword="null"/> while its anchor is missing.</summary>
    public Instant? Due;

    /// <summary>The first meeting event after the start (-1: none).</summary>
    public int MetIndex;

    public Instant? MetAt;

    /// <summary>The first withdrawal, rejection or referral after the start (-1: none).</summary>
    public int StopIndex;

    public Instant? StopAt;

    /// <summary>The pausing stretches after the start, up to the meeting.</summary>
    public PauseStretch[] Pauses;

    /// <summary>The pauses folded from <see cref="Due"/>, while it is known.</summary>
    public PauseFold Fold;

    public readonly int Cycle => Reopens + Updates;

    /// <summary>Gets when the cycle was stopped, as the replay reports it: a stop before any meeting.</summary>
    public readonly Instant? StoppedAt => StopIndex >= 0 && (MetIndex < 0 || StopIndex < MetIndex) ? StopAt : null;

    /// <summary>A clock as of receipt.</summary>
    public static TargetClock Initial(SlaTarget target, Instant receivedAt, Instant? promised)
    {
        var clock = default(TargetClock);
        clock.Reset(target, -1, receivedAt, promised);
        return clock;
    }

    /// <summary>Begins a cycle at an entry (-1: receipt): a reopening that starts a new cycle, or a restart on a change of policy.</summary>
    public void Reset(SlaTarget target, int index, Instant at, Instant? promised)
    {
        CycleStartIndex = index;
        Updates = 0;
        if (target.Kind == SlaTargetKind.NextUpdate || (target.ChainedFrom is null && target.StartEvent == SlaEvent.Received))
        {
            StartAt(target, index, at, promised);
        }
        else
        {
            Stop();
        }
    }

    /// <summary>Closes the stretch [<paramref name="from"/>, <paramref name="to"/>) the complaint spent in a state, before the entry at <paramref name="to"/>.</summary>
    public void Close(SlaTarget target, Instant from, Instant to, ComplaintState state)
    {
        if (!Started || MetIndex >= 0 || !target.PausesIn(state))
        {
            return;
        }

        from = Instant.Max(from, Start);
        if (to <= from)
        {
            return;
        }

        Pauses = [.. Pauses, new PauseStretch(from, to, state)];
        if (Due is not null)
        {
            Fold.Add(target.Calendar, from, to, state);
        }
    }

    /// <summary>Reads one entry's events, after the stretch before it is closed and any new cycle begun at it.</summary>
    /// <param name="target">The clock's target.</param>
    /// <param name="index">The entry's index.</param>
    /// <param name="at">The entry's instant.</param>
    /// <param name="bits">The entry's events.</param>
    /// <param name="promised">The promised date after the entry.</param>
    /// <param name="promisedChanged">Whether the entry changed the promised date.</param>
    /// <param name="earlier">For a chained clock, the earlier clock after the entry.</param>
    public void Step(SlaTarget target, int index, Instant at, int bits, Instant? promised, bool promisedChanged, in TargetClock earlier)
    {
        if (index == CycleStartIndex)
        {
            // The entry began the cycle: its events belong to the cycle before.
            if (target.ChainedFrom is not null)
            {
                Chain(target, index, at, promised, earlier);
            }

            return;
        }

        if (target.Kind == SlaTargetKind.NextUpdate)
        {
            if ((bits & (target.MetBits | SlaEvents.CustomerMessageBit)) != 0)
            {
                // Due again from this update or customer message: a new cycle.
                Updates++;
                StartAt(target, index, at, promised);
                return;
            }
        }
        else if (target.ChainedFrom is not null)
        {
            if (Chain(target, index, at, promised, earlier))
            {
                return;
            }
        }
        else if (!Started && (bits & SlaEvents.Bit(target.StartEvent)) != 0)
        {
            StartAt(target, index, at, promised);
            return;
        }

        if (!Started)
        {
            return;
        }

        var anchorsChanged = promisedChanged && target.DueAtPromisedDate;
        if (Acknowledged is null && (bits & SlaEvents.AcknowledgementBits) != 0)
        {
            Acknowledged = at;
            anchorsChanged = true;
        }

        if (Holding is null && (bits & SlaEvents.HoldingBit) != 0)
        {
            Holding = at;
            anchorsChanged = true;
        }

        if ((bits & SlaEvents.InformationBit) != 0)
        {
            Complete = at;
            anchorsChanged = true;
        }

        if (MetIndex < 0 && (bits & target.MetBits) != 0)
        {
            MetIndex = index;
            MetAt = at;
        }

        if (StopIndex < 0 && (bits & SlaEvents.FinishedBit) != 0)
        {
            StopIndex = index;
            StopAt = at;
        }

        if (anchorsChanged)
        {
            Refold(target, promised);
        }
    }

    /// <summary>Computes the deadline the rule gives from the anchors, and folds the pauses again from it.</summary>
    public void Refold(SlaTarget target, Instant? promised)
    {
        var anchors = new DeadlineAnchors(Start, Acknowledged, Holding, Complete);
        Due = target.DueAtPromisedDate && promised is { } p && p > Start ? p : target.Rule.Due(anchors, target.Calendar);
        if (Due is { } due)
        {
            Fold = new PauseFold(Start, due, 0);
            foreach (var stretch in Pauses)
            {
                Fold.Add(target.Calendar, stretch.From, stretch.To, stretch.State);
            }
        }
    }

    /// <summary>
    /// Follows the earlier clock of a chain: started at its meeting in the same cycle, not started otherwise. Returns
    /// whether the clock started at this entry (so the entry's events are not its own).
    /// </summary>
    private bool Chain(SlaTarget target, int index, Instant at, Instant? promised, in TargetClock earlier)
    {
        var from = earlier.Started && earlier.MetIndex >= 0 && earlier.Cycle == Cycle && earlier.MetIndex > CycleStartIndex ? earlier.MetIndex : -1;
        if (from < 0)
        {
            Stop();
            return false;
        }

        if (Started && StartIndex == from)
        {
            return false;
        }

        // The earlier clock's meeting is always the entry being read: a meeting index never changes once set within a cycle.
        StartAt(target, from, at, promised);
        return true;
    }

    private void StartAt(SlaTarget target, int index, Instant at, Instant? promised)
    {
        Started = true;
        StartIndex = index;
        Start = at;
        Acknowledged = Holding = Complete = null;
        MetIndex = StopIndex = -1;
        MetAt = StopAt = null;
        Pauses = [];
        Refold(target, promised);
    }

    private void Stop()
    {
        Started = false;
        StartIndex = -1;
        Acknowledged = Holding = Complete = Due = null;
        MetIndex = StopIndex = -1;
        MetAt = StopAt = null;
        Pauses = [];
        Fold = default;
    }
}
