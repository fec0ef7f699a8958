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
/// that part, from <see cref="Start"/> to <see cref="LeadInEnd"/>, belongs to the year before and is all working time.
/// This year's own intervals start at or after <see cref="LeadInEnd"/>. Immutable once built.
/// </remarks>
internal sealed class CalendarYear
{
    private const long DayNanos = NodaConstants.NanosecondsPerDay;

    private readonly long[] _dayStarts;
    private readonly ushort[] _businessDaysThrough;
    private readonly ushort[] _businessDayIndex;
    private readonly long[] _closeOfBusiness;
    private readonly long[] _starts;
    private readonly long[] _ends;
    private readonly ulong[] _cumulative;
    private readonly int[] _intervalByDay;
    private readonly int[] _intervalByWork;
    private readonly ulong _workBucket;

    /// <summary>Initializes a new instance of the <see cref="CalendarYear"/> class from its day and interval tables.</summary>
    /// <param name="dayStarts">The start of each local day of the year, and of the next year's first day.</param>
    /// <param name="leadInEnd">The end of the year before's last interval, when it runs past <paramref name="dayStarts"/>[0]; else that start.</param>
    /// <param name="businessDaysThrough">For each day of the year, how many business days the year has up to it, inclusive.</param>
    /// <param name="businessDayIndex">The day of the year of each business day, in order.</param>
    /// <param name="closeOfBusiness">The close of business of each business day, in order.</param>
    /// <param name="starts">The starts of the year's own working intervals, sorted, disjoint and not touching.</param>
    /// <param name="ends">Their ends.</param>
    internal CalendarYear(
        long[] dayStarts, long leadInEnd, ushort[] businessDaysThrough, ushort[] businessDayIndex, long[] closeOfBusiness, long[] starts, long[] ends)
    {
        _dayStarts = dayStarts;
        LeadInEnd = leadInEnd;
        _businessDaysThrough = businessDaysThrough;
        _businessDayIndex = businessDayIndex;
        _closeOfBusiness = closeOfBusiness;
        _starts = starts;
        _ends = ends;
        _cumulative = new ulong[starts.Length + 1];
        for (var i = 0; i < starts.Length; i++)
        {
            _cumulative[i + 1] = _cumulative[i] + (ulong)(ends[i] - starts[i]);
        }

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

        // For each bucket of working time, the interval holding the bucket's first nanosecond of working time.
        _workBucket = Math.Max(1, TotalWork / (ulong)Math.Max(1, starts.Length));
        _intervalByWork = new int[(TotalWork / _workBucket) + 2];
        for (int k = 0, j = 0; k < _intervalByWork.Length; k++)
        {
            var worked = (ulong)k * _workBucket;
            while (j + 1 < starts.Length && _cumulative[j + 1] < worked)
            {
                j++;
            }

            _intervalByWork[k] = j;
        }
    }

    /// <summary>Gets the start of the year's first local day.</summary>
    internal long Start => _dayStarts[0];

    /// <summary>Gets the end of the year before's last interval where it runs into this year; <see cref="Start"/> when it does not.</summary>
    internal long LeadInEnd { get; }

    /// <summary>Gets the working time of the year's own intervals (the part of its last interval that runs into the next year included).</summary>
    internal ulong TotalWork => _cumulative[^1];

    /// <summary>Gets the number of business days in the year.</summary>
    internal int BusinessDays => _closeOfBusiness.Length;

    /// <summary>Gets whether the year has working intervals of its own.</summary>
    internal bool HasIntervals => _starts.Length > 0;

    /// <summary>Gets the end of the year's last interval; only when <see cref="HasIntervals"/>.</summary>
    internal long LastEnd => _ends[^1];

    /// <summary>Gets the start of the year's first interval; only when <see cref="HasIntervals"/>.</summary>
    internal long FirstStart => _starts[0];

    /// <summary>Gets the number of days in the year.</summary>
    internal int Days => _businessDaysThrough.Length;

    /// <summary>Gets the approximate number of bytes the year's tables hold, for the benchmarks.</summary>
    internal long Bytes =>
        (8L * (_dayStarts.Length + _closeOfBusiness.Length + _starts.Length + _ends.Length + _cumulative.Length))
        + (2L * (_businessDaysThrough.Length + _businessDayIndex.Length))
        + (4L * (_intervalByDay.Length + _intervalByWork.Length))
        + (10 * 24) + 64;

    /// <summary>Gets how many business days the year has up to a day of the year, inclusive; 0 before the first day.</summary>
    /// <param name="day">The day of the year, from 0; -1 for none.</param>
    internal int BusinessDaysThrough(int day) => day < 0 ? 0 : _businessDaysThrough[day];

    /// <summary>Gets whether a day of the year (from 0) is a business day.</summary>
    internal bool IsBusinessDay(int day) => _businessDaysThrough[day] > BusinessDaysThrough(day - 1);

    /// <summary>Gets the day of the year (from 0) of the business day with an ordinal (from 0).</summary>
    internal int BusinessDay(int ordinal) => _businessDayIndex[ordinal];

    /// <summary>Gets the close of business of the business day with an ordinal (from 0).</summary>
    internal long CloseOfBusiness(int ordinal) => _closeOfBusiness[ordinal];

    /// <summary>Gets the day of the year (from 0) a position in the year falls on.</summary>
    /// <remarks>Local days last 23 to 25 hours, so the 24-hour bucket is at most a day or so off; a step or two corrects it.</remarks>
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
            return t >= Start;
        }

        var i = IntervalAtOrBefore(t);
        return i >= 0 && t < _ends[i];
    }

    /// <summary>Gets the first working position at or after a position in the year, or <see langword="null"/> when none follows in this year.</summary>
    internal long? NextWorkingAtOrAfter(long t)
    {
        if (t < LeadInEnd)
        {
            return Math.Max(t, Start);
        }

        var i = IntervalAtOrBefore(t);
        return i >= 0 && t < _ends[i] ? t : i + 1 < _starts.Length ? _starts[i + 1] : null;
    }

    /// <summary>Gets the working time of this year's own intervals before a position (0 before the first, <see cref="TotalWork"/> after the last).</summary>
    internal ulong WorkedBefore(long t)
    {
        var i = IntervalAtOrBefore(t);
        return i < 0 ? 0 : _cumulative[i] + (ulong)(Math.Min(t, _ends[i]) - _starts[i]);
    }

    /// <summary>Gets the working time of the lead-in at or after a position of the year (0 once the lead-in is over).</summary>
    internal ulong LeadInAfter(long t) => t < LeadInEnd ? (ulong)(LeadInEnd - Math.Max(t, Start)) : 0;

    /// <summary>Gets the position by which an amount of this year's own working time has passed.</summary>
    /// <param name="target">The amount, from the year's first interval: more than 0 and at most <see cref="TotalWork"/>.</param>
    internal long At(ulong target)
    {
        // The interval j in which the target-th nanosecond of working time falls: cumulative[j] < target <= cumulative[j + 1].
        var j = _intervalByWork[target / _workBucket];
        while (_cumulative[j + 1] < target)
        {
            j++;
        }

        return _starts[j] + (long)(target - _cumulative[j]);
    }

    private int IntervalAtOrBefore(long t)
    {
        if (t < Start)
        {
            return -1;
        }

        var i = _intervalByDay[Math.Min((ulong)(t - Start) / DayNanos, (ulong)(_intervalByDay.Length - 1))];
        while (i + 1 < _starts.Length && _starts[i + 1] <= t)
        {
            i++;
        }

        return i;
    }
}
