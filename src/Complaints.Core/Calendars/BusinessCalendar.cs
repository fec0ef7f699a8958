using System.Collections.Frozen;
using NodaTime;
using NodaTime.TimeZones;

namespace Complaints.Core.Calendars;

/// <summary>
/// A business calendar: an IANA time zone, weekly working intervals, holidays, working-day overrides and one-off closures, precomputed over
/// a range of years into sorted tables (working intervals with prefix sums, indexed by day and by working time) so
/// that every operation costs a table lookup and a step or two, whatever the distance, and allocates nothing.
/// A 24×7 calendar (<see cref="AlwaysOpen"/>) is a calendar too.
/// </summary>
/// <remarks>
/// <para>
/// Local times become instants with deliberate resolvers. A working interval or closure that starts in a
/// spring-forward gap starts at the first instant after the gap (<see cref="Resolvers.ReturnStartOfIntervalAfter"/>);
/// one that ends in the gap ends there too, so a gap never adds working time. In an autumn overlap a start takes the
/// earlier occurrence (<see cref="Resolvers.ReturnEarlier"/>) and an end the later one (<see cref="Resolvers.ReturnLater"/>),
/// so the repeated hour is worked once in real time, as staff on the clock work it.
/// </para>
/// <para>
/// The tables hold positions as nanoseconds since the Unix epoch, which fit a <see cref="long"/> for every covered year
/// (1900–2201 lie within 292 years of 1970), and amounts of working time as unsigned nanoseconds, which fit a
/// <see cref="ulong"/> across the whole range of 301 years where a <see cref="long"/> would overflow.
/// Every query checks its arguments against the covered years before any arithmetic and throws an
/// <see cref="ArgumentOutOfRangeException"/> naming the argument and the covered years.
/// </para>
/// <para>Instances are immutable and safe to share across threads. Build one with <see cref="CreateBuilder(string)"/>.</para>
/// </remarks>
public sealed class BusinessCalendar
{
    internal static readonly ZoneLocalMappingResolver StartResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    internal static readonly ZoneLocalMappingResolver EndResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnStartOfIntervalAfter);

    private readonly long[] _starts;
    private readonly long[] _ends;
    private readonly ulong[] _cumulative;
    private readonly int[] _intervalByDay;
    private readonly long[] _dayStarts;
    private readonly int[] _intervalByWork;
    private readonly ulong _workBucket;
    private readonly int[] _businessDaysThrough;
    private readonly int[] _businessDayIndex;
    private readonly long[] _closeOfBusiness;
    private readonly FrozenSet<LocalDate> _holidays;
    private readonly LocalDate _firstDay;
    private readonly long _coverageStart;
    private readonly long _coverageEnd;
    private readonly Instant _firstInstant;
    private readonly Instant _endInstant;

    internal BusinessCalendar(
        DateTimeZone zone,
        IReadOnlyList<WorkingInterval> weeklyHours,
        FrozenSet<LocalDate> holidays,
        FrozenDictionary<LocalDate, WorkingDayOverride> workingDays,
        IReadOnlyList<CalendarClosure> closures,
        int firstYear,
        int lastYear,
        bool alwaysOpen)
    {
        Zone = zone;
        WeeklyHours = Domain.Guard.ReadOnlyCopy(weeklyHours, nameof(weeklyHours));
        Closures = Domain.Guard.ReadOnlyCopy(closures, nameof(closures));
        FirstYear = firstYear;
        LastYear = lastYear;
        IsAlwaysOpen = alwaysOpen;
        _holidays = holidays;
        _firstDay = new LocalDate(firstYear, 1, 1);
        var lastDay = new LocalDate(lastYear, 12, 31);
        var dayCount = Period.DaysBetween(_firstDay, lastDay) + 1;
        _firstInstant = zone.AtStartOfDay(_firstDay).ToInstant();
        _endInstant = zone.AtStartOfDay(lastDay.PlusDays(1)).ToInstant();
        _coverageStart = Nanos(_firstInstant);
        _coverageEnd = Nanos(_endInstant);

        // Closures may reach any year, even past the instants NodaTime can represent; only their part in the covered
        // years matters, so they are clamped, in local time, to the covered days and a day either side.
        var (localFirst, localLast) = (_firstDay.PlusDays(-1).AtMidnight(), lastDay.PlusDays(2).AtMidnight());
        LocalDateTime Clamp(LocalDateTime local) => local < localFirst ? localFirst : local > localLast ? localLast : local;
        var closed = closures
            .Select(c => (Start: Nanos(zone.ResolveLocal(Clamp(c.Start), StartResolver).ToInstant()), End: Nanos(zone.ResolveLocal(Clamp(c.End), EndResolver).ToInstant())))
            .Where(c => c.End > c.Start)
            .OrderBy(c => c.Start)
            .ToArray();
        var byDay = Enumerable.Range(1, 7).Select(d => weeklyHours.Where(w => (int)w.Day == d).OrderBy(w => w.Start).ToArray()).ToArray();

        var starts = new List<long>(dayCount);
        var ends = new List<long>(dayCount);
        var businessDaysThrough = new int[dayCount];
        var businessDayIndex = new List<int>(dayCount);
        var closeOfBusiness = new List<long>(dayCount);
        var pieces = new List<(long Start, long End)>(4);
        _dayStarts = new long[dayCount];
        for (var i = 0; i < dayCount; i++)
        {
            var day = _firstDay.PlusDays(i);
            _dayStarts[i] = Nanos(StartOfDay(zone, day));
            pieces.Clear();
            if (workingDays.TryGetValue(day, out var workingDay))
            {
                foreach (var (localStart, localEnd) in workingDay.LocalIntervals)
                {
                    var start = Nanos(zone.ResolveLocal(localStart, StartResolver).ToInstant());
                    var end = Nanos(zone.ResolveLocal(localEnd, EndResolver).ToInstant());
                    Subtract(start, end, closed, pieces);
                }
            }
            else if (!holidays.Contains(day))
            {
                foreach (var w in byDay[(int)day.DayOfWeek - 1])
                {
                    var start = Nanos(zone.ResolveLocal(day + w.Start, StartResolver).ToInstant());
                    var end = Nanos(zone.ResolveLocal((w.CrossesMidnight ? day.PlusDays(1) : day) + w.End, EndResolver).ToInstant());
                    Subtract(start, end, closed, pieces);
                }
            }

            if (pieces.Count > 0)
            {
                businessDayIndex.Add(i);
                closeOfBusiness.Add(pieces.Max(p => p.End));
            }

            businessDaysThrough[i] = businessDayIndex.Count;
            foreach (var (start, end) in pieces)
            {
                if (ends.Count > 0 && start <= ends[^1])
                {
                    ends[^1] = Math.Max(ends[^1], end);
                }
                else
                {
                    starts.Add(start);
                    ends.Add(end);
                }
            }
        }

        if (starts.Count == 0)
        {
            throw new ArgumentException($"The calendar has no working time in {firstYear}–{lastYear}: every working interval falls on a holiday or closure.", nameof(weeklyHours));
        }

        _starts = [.. starts];
        _ends = [.. ends];
        _cumulative = new ulong[_starts.Length + 1];
        for (var i = 0; i < _starts.Length; i++)
        {
            _cumulative[i + 1] = _cumulative[i] + Span(_starts[i], _ends[i]);
        }

        // Lookup tables that replace binary searches with one array read and a step or two:
        // for each 24-hour bucket from the coverage start, the last interval starting at or before the bucket's start;
        // for each bucket of working time, the interval holding the bucket's first nanosecond of working time.
        const long dayNanos = NodaConstants.NanosecondsPerDay;
        _intervalByDay = new int[(Span(_coverageStart, _coverageEnd) / dayNanos) + 2];
        var bucketStart = _coverageStart;
        for (int b = 0, i = -1; b < _intervalByDay.Length; b++, bucketStart += dayNanos)
        {
            while (i + 1 < _starts.Length && _starts[i + 1] <= bucketStart)
            {
                i++;
            }

            _intervalByDay[b] = i;
        }

        var total = _cumulative[^1];
        _workBucket = Math.Max(1, total / (ulong)_starts.Length);
        _intervalByWork = new int[(total / _workBucket) + 2];
        for (int k = 0, j = 0; k < _intervalByWork.Length; k++)
        {
            var worked = (ulong)k * _workBucket;
            while (j + 1 < _starts.Length && _cumulative[j + 1] < worked)
            {
                j++;
            }

            _intervalByWork[k] = j;
        }

        _businessDaysThrough = businessDaysThrough;
        _businessDayIndex = [.. businessDayIndex];
        _closeOfBusiness = [.. closeOfBusiness];
    }

    /// <summary>Gets the calendar's time zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the weekly working intervals.</summary>
    public IReadOnlyList<WorkingInterval> WeeklyHours { get; }

    /// <summary>Gets the one-off closures.</summary>
    public IReadOnlyList<CalendarClosure> Closures { get; }

    /// <summary>Gets the first year the calendar covers.</summary>
    public int FirstYear { get; }

    /// <summary>Gets the last year the calendar covers.</summary>
    public int LastYear { get; }

    /// <summary>Gets whether this is a 24×7 calendar.</summary>
    public bool IsAlwaysOpen { get; }

    /// <summary>Creates a builder for a calendar in an IANA time zone.</summary>
    /// <param name="zoneId">The IANA zone id, for example <c>Europe/London</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zoneId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="zoneId"/> is not an IANA zone id known to <see cref="DateTimeZoneProviders.Tzdb"/>.</exception>
    public static BusinessCalendarBuilder CreateBuilder(string zoneId) => new(ZoneFor(zoneId, nameof(zoneId)));

    /// <summary>Creates a builder for a calendar in a time zone.</summary>
    /// <param name="zone">The time zone.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    public static BusinessCalendarBuilder CreateBuilder(DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new BusinessCalendarBuilder(zone);
    }

    /// <summary>Creates a 24×7 calendar: every instant is working time and every day a business day, closing at midnight.</summary>
    /// <param name="zoneId">The IANA zone id; it decides where days (and so business days) begin and end.</param>
    /// <param name="firstYear">The first year covered.</param>
    /// <param name="lastYear">The last year covered.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentException"><paramref name="zoneId"/> is unknown.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The years are outside the supported range or in the wrong order.</exception>
    public static BusinessCalendar AlwaysOpen(
        string zoneId = "Etc/UTC",
        int firstYear = BusinessCalendarBuilder.DefaultFirstYear,
        int lastYear = BusinessCalendarBuilder.DefaultLastYear)
    {
        BusinessCalendarBuilder.CheckYears(firstYear, lastYear);
        var allDay = Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None)
            .Select(d => new WorkingInterval(d, LocalTime.Midnight, LocalTime.Midnight)).ToArray();
        return new BusinessCalendar(ZoneFor(zoneId, nameof(zoneId)), allDay, FrozenSet<LocalDate>.Empty, FrozenDictionary<LocalDate, WorkingDayOverride>.Empty, [], firstYear, lastYear, alwaysOpen: true);
    }

    /// <summary>Gets whether a date is a holiday of this calendar (by rule or provider).</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> for a holiday.</returns>
    public bool IsHoliday(LocalDate date) => _holidays.Contains(date);

    /// <summary>Gets whether a date is a business day: a day on which some working time starts.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> for a business day.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the covered years.</exception>
    public bool IsBusinessDay(LocalDate date)
    {
        var i = DayIndex(date, nameof(date));
        return _businessDaysThrough[i] > (i == 0 ? 0 : _businessDaysThrough[i - 1]);
    }

    /// <summary>Gets whether an instant is working time.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><see langword="true"/> if it lies in a working interval (start included, end excluded).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> is outside the covered years.</exception>
    public bool IsWorkingTime(Instant instant)
    {
        var t = Covered(instant, nameof(instant));
        var i = IntervalAtOrBefore(t);
        return i >= 0 && t < _ends[i];
    }

    /// <summary>Gets the first working instant at or after an instant.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><paramref name="instant"/> itself in working time, else the start of the next working interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> is outside the covered years, or no working time follows it there.</exception>
    public Instant NextWorkingInstant(Instant instant)
    {
        var t = Covered(instant, nameof(instant));
        var i = IntervalAtOrBefore(t);
        if (i >= 0 && t < _ends[i])
        {
            return instant;
        }

        if (i + 1 >= _starts.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(instant), instant, $"No working time follows {instant} before the end of {LastYear}.");
        }

        return FromNanos(_starts[i + 1]);
    }

    /// <summary>Adds working time to an instant: the earliest instant by which <paramref name="amount"/> of working time has passed.</summary>
    /// <param name="start">The instant to count from; it need not be working time.</param>
    /// <param name="amount">The working time to add; zero or more.</param>
    /// <returns>An instant inside working time or at the end of a working interval; <paramref name="start"/> when <paramref name="amount"/> is zero.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="amount"/> is negative or more than the working time left in the covered years after <paramref name="start"/>,
    /// or <paramref name="start"/> is outside the covered years.
    /// </exception>
    public Instant AddWorkingTime(Instant start, Duration amount)
    {
        if (amount < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "amount must not be negative.");
        }

        var t = Covered(start, nameof(start));
        return TryAdd(start, t, amount, out var due)
            ? due
            : throw new ArgumentOutOfRangeException(
                nameof(amount),
                amount,
                $"Adding {amount} of working time to {start} goes past the end of {LastYear}; the calendar covers {FirstYear}–{LastYear}, which leaves {ToDuration(_cumulative[^1] - WorkedBefore(t))} of working time after {start}.");
    }

    /// <summary>
    /// Adds a non-negative amount of working time to a covered instant, as <see cref="AddWorkingTime"/> does, or gets
    /// <see langword="false"/> when it goes past the covered years; for callers that name that error themselves.
    /// </summary>
    internal bool TryAddWorkingTime(Instant start, Duration amount, out Instant due) => TryAdd(start, Covered(start, nameof(start)), amount, out due);

    /// <summary>
    /// Gets the close of business of the <paramref name="days"/>th business day after the day an instant falls on (or
    /// after the day before it, when that day counts), from the tables alone; <see langword="null"/> past the covered years.
    /// </summary>
    /// <param name="start">An instant on a covered day (<see cref="CoversDayOf"/>).</param>
    /// <param name="days">How many business days; 1 or more.</param>
    /// <param name="startDayCounts">Whether the start's own day is the first that may count.</param>
    internal Instant? CloseOfBusinessAfter(Instant start, int days, bool startDayCounts)
    {
        var i = LocalDayIndex(Covered(start, nameof(start))) - (startDayCounts ? 1 : 0);
        var ordinal = (long)(i < 0 ? 0 : _businessDaysThrough[i]) + days - 1;
        return ordinal < _closeOfBusiness.Length ? FromNanos(_closeOfBusiness[ordinal]) : null;
    }

    private bool TryAdd(Instant start, long t, Duration amount, out Instant due)
    {
        if (amount == Duration.Zero)
        {
            due = start;
            return true;
        }

        var worked = WorkedBefore(t);
        var left = _cumulative[^1] - worked;
        if (!TryNanoseconds(amount, out var nanoseconds) || nanoseconds > left)
        {
            due = default;
            return false;
        }

        var target = worked + nanoseconds;

        // The interval j in which the target-th nanosecond of working time falls: cumulative[j] < target <= cumulative[j + 1].
        var j = _intervalByWork[target / _workBucket];
        while (_cumulative[j + 1] < target)
        {
            j++;
        }

        due = FromNanos(Advance(_starts[j], target - _cumulative[j]));
        return true;
    }

    /// <summary>Measures the working time between two instants.</summary>
    /// <param name="start">The first instant.</param>
    /// <param name="end">The second instant.</param>
    /// <returns>The working time from <paramref name="start"/> to <paramref name="end"/>; negative when <paramref name="end"/> is before <paramref name="start"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An instant is outside the covered years.</exception>
    public Duration WorkingTimeBetween(Instant start, Instant end)
    {
        var from = WorkedBefore(Covered(start, nameof(start)));
        var to = WorkedBefore(Covered(end, nameof(end)));
        return to >= from ? ToDuration(to - from) : -ToDuration(from - to);
    }

    /// <summary>Gets the <paramref name="days"/>th business day after a date (the date itself never counts).</summary>
    /// <param name="date">The date counted from, for example the day of receipt.</param>
    /// <param name="days">How many business days; 1 or more.</param>
    /// <returns>The business day.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is less than 1, or the date or result is outside the covered years.</exception>
    public LocalDate AddBusinessDays(LocalDate date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        return _firstDay.PlusDays(_businessDayIndex[BusinessDayOrdinal(_businessDaysThrough[DayIndex(date, nameof(date))], days, date)]);
    }

    /// <summary>
    /// Gets the close of business of the <paramref name="days"/>th business day after the day an instant falls on in
    /// the calendar's zone ("by the close of the third business day after the day of receipt").
    /// </summary>
    /// <param name="receivedAt">The instant counted from; its day never counts, whatever the hour.</param>
    /// <param name="days">How many business days; 1 or more.</param>
    /// <returns>The end of the last working interval that starts on that business day.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is less than 1, or an instant or the result is outside the covered years.</exception>
    public Instant AddBusinessDays(Instant receivedAt, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var t = Covered(receivedAt, nameof(receivedAt));
        if (t == _coverageEnd)
        {
            throw new ArgumentOutOfRangeException(nameof(receivedAt), receivedAt, $"receivedAt must fall in {FirstYear}–{LastYear}, the years the calendar covers.");
        }

        return CloseOfBusinessAfter(receivedAt, days, startDayCounts: false)
            ?? throw PastTheEnd(_businessDaysThrough[LocalDayIndex(t)], days, receivedAt);
    }

    /// <summary>Gets the close of business of a business day: the end of the last working interval that starts on it.</summary>
    /// <param name="businessDay">The business day.</param>
    /// <returns>The close of business.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="businessDay"/> is not a business day or is outside the covered years.</exception>
    public Instant CloseOfBusiness(LocalDate businessDay)
    {
        var i = DayIndex(businessDay, nameof(businessDay));
        var through = _businessDaysThrough[i];
        if (through == 0 || _businessDayIndex[through - 1] != i)
        {
            throw new ArgumentOutOfRangeException(nameof(businessDay), businessDay, $"{businessDay} is not a business day.");
        }

        return FromNanos(_closeOfBusiness[through - 1]);
    }

    /// <summary>Gets the covered years as text, for example <c>2000–2100</c>, for error messages.</summary>
    internal string CoveredYears => $"{FirstYear}–{LastYear}";

    /// <summary>Gets the last covered date.</summary>
    internal LocalDate LastDay => _firstDay.PlusDays(_businessDaysThrough.Length - 1);

    /// <summary>Gets the end of the covered years: the start of the day after the last covered date.</summary>
    internal Instant CoverageEnd => _endInstant;

    internal static long Nanos(Instant instant) => (instant - NodaConstants.UnixEpoch).ToInt64Nanoseconds();

    internal static Instant FromNanos(long nanos) => NodaConstants.UnixEpoch.PlusNanoseconds(nanos);

    internal static DateTimeZone ZoneFor(string zoneId, string paramName)
    {
        ArgumentNullException.ThrowIfNull(zoneId, paramName);
        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)
            ?? throw new ArgumentException($"{paramName} '{zoneId}' is not an IANA time zone id known to the TZDB provider.", paramName);
    }

    /// <summary>Gets whether an instant falls on a covered day: from the start of the first covered year up to, not including, the end of the last.</summary>
    internal bool CoversDayOf(Instant instant) => instant >= _firstInstant && instant < _endInstant;

    /// <summary>Gets the <paramref name="days"/>th business day after a date, or <see langword="null"/> when it falls after the covered years.</summary>
    /// <param name="date">A covered date or the day before the first one.</param>
    /// <param name="days">How many business days; 1 or more.</param>
    internal LocalDate? BusinessDayAfter(LocalDate date, int days)
    {
        var i = Period.DaysBetween(_firstDay, date);
        var ordinal = (long)(i < 0 ? 0 : _businessDaysThrough[i]) + days - 1;
        return ordinal < _businessDayIndex.Length ? _firstDay.PlusDays(_businessDayIndex[ordinal]) : null;
    }

    /// <summary>Gets the nanoseconds from one table position to a later one.</summary>
    /// <remarks>
    /// Across 301 covered years the span exceeds <see cref="long.MaxValue"/> but always fits a <see cref="ulong"/>;
    /// two's-complement subtraction of the two positions gives exactly that unsigned span.
    /// </remarks>
    private static ulong Span(long from, long to) => unchecked((ulong)(to - from));

    /// <summary>Gets the table position a span after another; the inverse of <see cref="Span"/>, for results that lie in the tables.</summary>
    private static long Advance(long from, ulong by) => unchecked(from + (long)by);

    /// <summary>Gets the nanoseconds in a non-negative duration, if they fit a <see cref="ulong"/> (about 584 years).</summary>
    private static bool TryNanoseconds(Duration amount, out ulong nanoseconds)
    {
        const ulong maxDays = ulong.MaxValue / NodaConstants.NanosecondsPerDay;
        if ((ulong)amount.Days >= maxDays)
        {
            nanoseconds = 0;
            return false;
        }

        nanoseconds = ((ulong)amount.Days * NodaConstants.NanosecondsPerDay) + (ulong)amount.NanosecondOfDay;
        return true;
    }

    private static Duration ToDuration(ulong nanoseconds) => nanoseconds <= long.MaxValue
        ? Duration.FromNanoseconds((long)nanoseconds)
        : Duration.FromDays((int)(nanoseconds / NodaConstants.NanosecondsPerDay)) + Duration.FromNanoseconds((long)(nanoseconds % NodaConstants.NanosecondsPerDay));

    private static void Subtract(long start, long end, (long Start, long End)[] closed, List<(long Start, long End)> into)
    {
        foreach (var (cs, ce) in closed)
        {
            if (ce <= start)
            {
                continue;
            }

            if (cs >= end)
            {
                break;
            }

            if (cs > start)
            {
                into.Add((start, cs));
            }

            start = Math.Max(start, ce);
            if (start >= end)
            {
                return;
            }
        }

        if (end > start)
        {
            into.Add((start, end));
        }
    }

    private int BusinessDayOrdinal<TFrom>(int businessDaysThrough, int days, TFrom countedFrom)
    {
        var ordinal = (long)businessDaysThrough + days - 1;
        return ordinal < _businessDayIndex.Length ? (int)ordinal : throw PastTheEnd(businessDaysThrough, days, countedFrom);
    }

    /// <summary>Creates the error for a count of business days past the covered years; kept out of the hot path.</summary>
    private ArgumentOutOfRangeException PastTheEnd<TFrom>(int businessDaysThrough, int days, TFrom countedFrom) =>
        new(
            nameof(days),
            days,
            $"{days} business days after {countedFrom} is past the end of {LastYear}; the calendar covers {FirstYear}–{LastYear}, which leaves {_businessDayIndex.Length - businessDaysThrough} business days after it.");

    private int DayIndex(LocalDate date, string paramName)
    {
        var i = Period.DaysBetween(_firstDay, date);
        if (i < 0 || i >= _businessDaysThrough.Length)
        {
            throw new ArgumentOutOfRangeException(paramName, date, $"{paramName} must fall in {FirstYear}–{LastYear}, the years the calendar covers (from {_firstDay} to {LastDay}).");
        }

        return i;
    }

    /// <summary>Checks that an instant lies in the covered years (their end included) before turning it into a table position.</summary>
    private long Covered(Instant instant, string paramName)
    {
        return instant >= _firstInstant && instant <= _endInstant ? Nanos(instant) : throw Outside(instant, paramName);
    }

    /// <summary>Creates the error for an instant outside the covered years; kept out of the hot path.</summary>
    private ArgumentOutOfRangeException Outside(Instant instant, string paramName) =>
        new(paramName, instant, $"{paramName} must fall in {FirstYear}–{LastYear}, the years the calendar covers (from {_firstInstant} to {_endInstant}).");

    /// <summary>Gets the index of the local day an instant falls on, from the table of local midnights.</summary>
    /// <remarks>Local days last 23 to 25 hours, so the 24-hour bucket is at most a day or so off; a step or two corrects it.</remarks>
    private int LocalDayIndex(long t)
    {
        var i = (int)Math.Min(Span(_coverageStart, t) / NodaConstants.NanosecondsPerDay, (ulong)(_dayStarts.Length - 1));
        while (i > 0 && _dayStarts[i] > t)
        {
            i--;
        }

        while (i + 1 < _dayStarts.Length && _dayStarts[i + 1] <= t)
        {
            i++;
        }

        return i;
    }

    private int IntervalAtOrBefore(long t)
    {
        var i = _intervalByDay[Span(_coverageStart, t) / NodaConstants.NanosecondsPerDay];
        while (i + 1 < _starts.Length && _starts[i + 1] <= t)
        {
            i++;
        }

        return i;
    }

    private ulong WorkedBefore(long t)
    {
        var i = IntervalAtOrBefore(t);
        return i < 0 ? 0 : _cumulative[i] + Span(_starts[i], Math.Min(t, _ends[i]));
    }

    /// <summary>Gets the instant a date starts in a zone; a date the zone skips whole (Samoa's 30 December 2011) starts, and ends, where the next one starts.</summary>
    private static Instant StartOfDay(DateTimeZone zone, LocalDate day)
    {
        try
        {
            return zone.AtStartOfDay(day).ToInstant();
        }
        catch (SkippedTimeException)
        {
            return zone.AtStartOfDay(day.PlusDays(1)).ToInstant();
        }
    }
}
