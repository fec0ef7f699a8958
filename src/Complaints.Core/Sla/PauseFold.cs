using Complaints.Core.Calendars;
using Complaints.Core.Domain;
using NodaTime;

namespace Complaints.Core.Sla;

/// <summary>
/// Folds one clock's pausing stretches, oldest first, into its timeline, its paused working time and the deadline they
/// move. A pause is judged once, when it begins (stretches in pausing states that follow each other, split by entries,
/// are one pause): if it begins before the deadline, all of its working time moves the deadline. Shared by the replay
/// and by the incremental clocks, so both judge pauses the same way.
/// </summary>
internal struct PauseFold
{
    private SlaSegment[] _segments;
    private int _count;
    private bool _shared;
    private bool _untimed;
    private bool _inPause;
    private Instant? _lastPausedTo;

    public PauseFold(Instant start, Instant due, int capacity) => Begin(start, due, capacity, untimed: false);

    /// <summary>
    /// Starts this fold afresh from a clock's start and deadline; <paramref name="untimed"/> keeps no timeline, only the
    /// deadline, the paused time and where the latest pause stands. Every field is set here, one by one, so that a fold
    /// begun in place is read back at once without waiting on a wide copy.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(_segments))]
    public void Begin(Instant start, Instant due, int capacity, bool untimed)
    {
        _segments = capacity == 0 ? [] : new SlaSegment[capacity];
        _count = 0;
        _shared = false;
        _untimed = untimed;
        _inPause = false;
        _lastPausedTo = null;
        Deadline = due;
        Paused = Duration.Zero;
        Cursor = start;
        Moves = false;
    }

    /// <summary>Gets the deadline moved by the pauses folded so far.</summary>
    public Instant Deadline { get; private set; }

    /// <summary>Gets the working time paused so far.</summary>
    public Duration Paused { get; private set; }

    /// <summary>Gets where the last segment ends.</summary>
    public Instant Cursor { get; private set; }

    /// <summary>Gets whether the current (latest) pause moves the deadline.</summary>
    public bool Moves { get; private set; }

    /// <summary>Gets whether the latest segment is a pause ending at the cursor, so a pausing stretch from there continues it.</summary>
    public readonly bool InPause => _inPause;

    /// <summary>Gets a copy that shares the segments folded so far and copies them before it adds to them, so this fold is never changed through it.</summary>
    public readonly PauseFold Shared()
    {
        var copy = this;
        copy._shared = true;
        return copy;
    }

    /// <summary>Folds a stretch of [<paramref name="from"/>, <paramref name="to"/>) spent in a state the clock pauses in.</summary>
    public void Add(BusinessCalendar calendar, Instant from, Instant to, ComplaintState state)
    {
        if (from > Cursor || !InPause)
        {
            if (from > Cursor && !_untimed)
            {
                Append(new SlaSegment(Cursor, from, SlaSegmentKind.Running, null, calendar.WorkingTimeBetween(Cursor, from)));
            }

            Moves = from < Deadline;
        }

        var working = calendar.WorkingTimeBetween(from, to);
        if (!_untimed)
        {
            Append(new SlaSegment(from, to, SlaSegmentKind.Paused, state, working));
        }

        _inPause = true;
        Paused += working;
        if (Moves && working > Duration.Zero)
        {
            Deadline = calendar.AddWorkingTime(Deadline, working);
        }

        Cursor = to;
        _lastPausedTo = to;
    }

    /// <summary>Gets whether the clock is in a pause that moves the deadline and lasts until <paramref name="end"/>.</summary>
    public readonly bool PausedAt(Instant end) => _lastPausedTo == end && Moves;

    /// <summary>Adds the running segment from the cursor to the end, if any time is left (or if there is no segment yet).</summary>
    public void Close(BusinessCalendar calendar, Instant end)
    {
        if (_untimed)
        {
            _inPause &= end <= Cursor;
            Cursor = Instant.Max(Cursor, end);
        }
        else if (end > Cursor || _count == 0)
        {
            _inPause = false;
            Append(new SlaSegment(Cursor, end, SlaSegmentKind.Running, null, calendar.WorkingTimeBetween(Cursor, end)));
            Cursor = end;
        }
    }

    /// <summary>Gets the segments as a read-only list.</summary>
    public readonly IReadOnlyList<SlaSegment> Timeline() => Array.AsReadOnly(_segments.AsSpan(0, _count).ToArray());

    private void Append(SlaSegment segment)
    {
        if (_shared || _count == _segments.Length)
        {
            var grown = new SlaSegment[Math.Max(4, _shared ? _count + 1 : _count * 2)];
            Array.Copy(_segments, grown, _count);
            _segments = grown;
            _shared = false;
        }

        _segments[_count++] = segment;
    }
}
