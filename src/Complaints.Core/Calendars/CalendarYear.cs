using System.Numerics;
using System.Runtime.CompilerServices;
using NodaTime;

namespace Complaints.Core.Calendars;

/// <summary>
/// One covered year of a <see cref="BusinessCalendar"/>: the working intervals that start on its local days, with prefix
/// sums of working time, and its business days with their close of business, indexed so that every lookup is an array
/// read and a step or two. Positions are nanoseconds since the Unix epoch; amounts of working time count from the
/// year's first interval.
/// </summary>
/// <remarks>
/// The last interval of the year before may run past this year's first midnight (an overnight shift on 31 December);
/// that part, the lead-in, from <see cref="Start"/> to <see cref="LeadInEnd"/>, belongs to the year before. A closure
/// may cut it into pieces, so it is kept as pieces, not as one span. This year's own intervals start at or after
/// <see cref="LeadInEnd"/>. Immutable once built.
/// </remarks>
internal sealed class CalendarYear
{
    private const long DayNanos = NodaConstants.NanosecondsPerDay;

    private readonly long[] _dayStarts;
    private readonly ushort[] _businessDaysThrough;
    private readonly ushort[] _businessDayIndex;
    private readonly Instant[] _closeOfBusiness;
    private readonly Interval[] _intervals;
    private readonly int[] _intervalByDay;
    private readonly int[] _intervalByWork;
    private readonly int _workShift;
    private readonly (long Start, long End)[] _leadIn;

    /// <summary>Initializes a new instance of the <see cref="CalendarYear"/> class from its day and interval tables.</summary>
    /// <param name="dayStarts">The start of each local day of the year, and of the next year's first day.</param>
    /// <param name="leadIn">The parts of the year before's intervals at or after <paramref name="dayStarts"/>[0], sorted, disjoint and not touching.</param>
    /// <param name="businessDaysThrough">For each day of the year, how many business days the year has up to it, inclusive.</param>
    /// <param name="businessDayIndex">The day of the year of each business day, in order.</param>
    /// <param name="closeOfBusiness">The close of business of each business day, in order; kept as instants, the answers themselves.</param>
    /// <param name="starts">The starts of the year's own working intervals, sorted, disjoint and not touching.</param>
    /// <param name="ends">Their ends.</param>
    internal CalendarYear(
        long[] dayStarts, (long Start, long End)[] leadIn, ushort[] businessDaysThrough, ushort[] businessDayIndex, long[] closeOfBusiness, long[] starts, long[] ends)
    {
        _dayStarts = dayStarts;
        Start = dayStarts[0];
        _leadIn = leadIn;
        LeadInEnd = leadIn.Length > 0 ? leadIn[^1].End : Start;
        _businessDaysThrough = businessDaysThrough;
        _businessDayIndex = businessDayIndex;
        _closeOfBusiness = Array.ConvertAll(closeOfBusiness, BusinessCalendar.FromNanos);
        _intervals = new Interval[starts.Length];
        var total = 0UL;
        for (var i = 0; i < starts.Length; i++)
        {
            _intervals[i] = new Interval(starts[i], ends[i], total);
            total += (ulong)(ends[i] - starts[i]);
        }

        TotalWork = total;

        // For each 24-hour bucket from the year's start, the last interval starting at or before the bucket's start.
        _intervalByDay = new int[((dayStarts[^1] - Start) / DayNanos) + 2];
        var bucketStart = Start;
        for (int b = 0, i = -1; b < _intervalByDay.Length; b++, bucketStart += DayNanos)
        {
            while (i + 1 < starts.Length && starts[i + 1] <= bucketStart)
            {
                i++;
            }

            _intervalByDay[b] = i;
        }

        // For each bucket of working time, the interval holding the bucket's first nanosecond of working time. A bucket is
        // the largest power of two of nanoseconds not above the mean interval, so that a shift, not a division, finds it.
        _workShift = BitOperations.Log2(Math.Max(1, TotalWork / (ulong)Math.Max(1, starts.Length)));
        _intervalByWork = new int[(TotalWork >> _workShift) + 2];
        for (int k = 0, j = 0; k < _intervalByWork.Length; k++)
        {
            var worked = (ulong)k << _workShift;
            while (j + 1 < starts.Length && _intervals[j + 1].Before < worked)
            {
                j++;
            }

            _intervalByWork[k] = j;
        }
    }

    /// <summary>Gets the start of the year's first local day.</summary>
    internal long Start { get; }

    /// <summary>Gets the end of the lead-in: the end of the year before's last interval where it runs into this year; <see cref="Start"/> when it does not.</summary>
    internal long LeadInEnd { get; }

    /// <summary>Gets the working time of the year's own intervals (the part of its last interval that runs into the next year included).</summary>
    internal ulong TotalWork { get; }

    /// <summary>Gets the number of business days in the year.</summary>
    internal int BusinessDays => _closeOfBusiness.Length;

    /// <summary>Gets the start of the year's first interval; only when <see cref="TotalWork"/> is more than zero.</summary>
    internal long FirstStart => _intervals[0].Start;

    /// <summary>Gets how many business days the year has up to a day of the year, inclusive; 0 before the first day.</summary>
    /// <param name="day">The day of the year, from 0; -1 for none.</param>
    internal int BusinessDaysThrough(int day) => day < 0 ? 0 : _businessDaysThrough[day];

    /// <summary>Gets whether a day of the year (from 0) is a business day.</summary>
    internal bool IsBusinessDay(int day) => _businessDaysThrough[day] > BusinessDaysThrough(day - 1);

    /// <summary>Gets the day of the year (from 0) of the business day with an ordinal (from 0).</summary>
    internal int BusinessDay(int ordinal) => _businessDayIndex[ordinal];

    /// <summary>Gets the close of business of the business day with an ordinal (from 0).</summary>
    internal Instant CloseOfBusiness(int ordinal) => _closeOfBusiness[ordinal];

    /// <summary>Gets the day of the year (from 0) a position in the year falls on.</summary>
    /// <remarks>Local days last 23 to 25 hours, so the 24-hour bucket is at most a day or so off; a step or two corrects it.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int LocalDay(long t)
    {
        var last = _businessDaysThrough.Length - 1;
        var i = t <= Start ? 0 : (int)Math.Min((ulong)(t - Start) / DayNanos, (ulong)last);
        while (i > 0 && _dayStarts[i] > t)
        {
            i--;
        }

        while (i < last && _dayStarts[i + 1] <= t)
        {
            i++;
        }

        return i;
    }

    /// <summary>Gets whether a position is working time in this year's own intervals or its lead-in.</summary>
    internal bool IsWorkingTime(long t)
    {
        if (t < LeadInEnd)
        {
            foreach (var (start, end) in _leadIn)
            {
                if (t < end)
                {
                    return t >= start;
                }
            }
        }

        var i = IntervalAtOrBefore(t);
        return i >= 0 && t < _intervals[i].End;
    }

    /// <summary>Gets the first working position at or after a position in the year, or <see langword="null"/> when none follows in this year.</summary>
    internal long? NextWorkingAtOrAfter(long t)
    {
        if (t < LeadInEnd)
        {
            foreach (var (start, end) in _leadIn)
            {
                if (t < end)
                {
                    return Math.Max(t, start);
                }
            }
        }

        var i = IntervalAtOrBefore(t);
        return i >= 0 && t < _intervals[i].End ? t : i + 1 < _intervals.Length ? _intervals[i + 1].Start : null;
    }

    /// <summary>Gets the working time of this year's own intervals before a position (0 before the first, <see cref="TotalWork"/> after the last).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ulong WorkedBefore(long t)
    {
        var i = IntervalAtOrBefore(t);
        if (i < 0)
        {
            return 0;
        }

        ref readonly var interval = ref _intervals[i];
        return interval.Before + (ulong)(Math.Min(t, interval.End) - interval.Start);
    }

    /// <summary>Gets the working time of the lead-in at or after a position of the year (0 once the lead-in is over).</summary>
    internal ulong LeadInAfter(long t)
    {
        var after = 0UL;
        if (t < LeadInEnd)
        {
            foreach (var (start, end) in _leadIn)
            {
                after += end > t ? (ulong)(end - Math.Max(t, start)) : 0;
            }
        }

        return after;
    }

    /// <summary>Gets the position by which an amount of the lead-in's working time after a position has passed.</summary>
    /// <param name="t">The position.</param>
    /// <param name="amount">The amount: more than 0 and at most <see cref="LeadInAfter"/> of <paramref name="t"/>.</param>
    internal long LeadInAt(long t, ulong amount)
    {
        var at = t;
        foreach (var (start, end) in _leadIn)
        {
            if (end <= t)
            {
                continue;
            }

            at = Math.Max(t, start);
            var length = (ulong)(end - at);
            if (amount <= length)
            {
                return at + (long)amount;
            }

            amount -= length;
            at = end;
        }

        return at;
    }

    /// <summary>Gets the position by which an amount of this year's own working time has passed.</summary>
    /// <param name="target">The amount, from the year's first interval: more than 0 and at most <see cref="TotalWork"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal long At(ulong target)
    {
        // The interval j in which the target-th nanosecond of working time falls: before[j] < target <= before[j] + length[j].
        var j = _intervalByWork[target >> _workShift];
        while (j + 1 < _intervals.Length && _intervals[j + 1].Before < target)
        {
            j++;
        }

        ref readonly var interval = ref _intervals[j];
        return interval.Start + (long)(target - interval.Before);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int IntervalAtOrBefore(long t)
    {
        if (t < Start)
        {
            return -1;
        }

        var i = _intervalByDay[Math.Min((ulong)(t - Start) / DayNanos, (ulong)(_intervalByDay.Length - 1))];
        while (i + 1 < _intervals.Length && _intervals[i + 1].Start <= t)
        {
            i++;
        }

        return i;
    }

    /// <summary>A working interval and the year's working time before it.</summary>
    private readonly record struct Interval(long Start, long End, ulong Before);
}
