using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using NodaTime;
using NodaTime.TimeZones;

namespace Complaints.Core.Calendars;

/// <summary>
/// A business calendar: an IANA time zone, weekly working intervals, holidays, working-day overrides and one-off closures.
/// Each covered year's tables (working intervals with prefix sums, indexed by day and by working time, and business days
/// with their close of business) are built on first use, so that every operation costs a table lookup and a step or two,
/// whatever the distance, and allocates nothing once its years are built. A 24×7 calendar (<see cref="AlwaysOpen"/>) is a
/// calendar too.
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
/// Memory: a built calendar holds its rules' holidays as one bit per day and a few numbers per covered year (about 8 KB
/// over the default 101 years); a year's tables, about 18 KB for a Monday–Friday week, are built the first time a query
/// reaches into that year, and kept. A query that crosses years reads the working time and business days of the years
/// in between from per-year totals, one step per year crossed, without keeping their tables.
/// </para>
/// <para>
/// The tables hold positions as nanoseconds since the Unix epoch, which fit a <see cref="long"/> for every covered year
/// (1900–2201 lie within 292 years of 1970), and amounts of working time as unsigned nanoseconds, which fit a
/// <see cref="ulong"/> across the whole range of 301 years where a <see cref="long"/> would overflow.
/// Every query checks its arguments against the covered years before any arithmetic and throws an
/// <see cref="ArgumentOutOfRangeException"/> naming the argument and the covered years.
/// </para>
/// <para>
/// Instances are immutable in what they answer and safe to share across threads: two threads that reach an unbuilt year
/// at once may both build it, and one of the identical tables is kept. Build one with <see cref="CreateBuilder(string)"/>.
/// </para>
/// </remarks>
public sealed class BusinessCalendar
{
    internal static readonly ZoneLocalMappingResolver StartResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    internal static readonly ZoneLocalMappingResolver EndResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>
    /// The bucket of time, 2^54 ns (about 208 days), by which an instant's year is looked up: shorter than any year, so
    /// a bucket holds at most one New Year.
    /// </summary>
    private const int YearBucketShift = 54;

    private readonly IReadOnlyDictionary<LocalDate, WorkingDayOverride> _workingDays;
    private readonly WorkingInterval[][] _weeklyByDay;
    private readonly (long Start, long End)[] _closed;
    private readonly long[] _closedReach;
    private readonly ulong[] _holidayBits;
    private readonly LocalDate _firstHoliday;
    private readonly int _holidaySpan;
    private readonly LocalDate _firstDay;
    private readonly long[] _yearStarts;
    private readonly ushort[] _yearByBucket;
    private readonly CalendarYear?[] _years;
    private readonly YearTotals?[] _yearTotals;
    private readonly long _coverageStart;
    private readonly long _coverageEnd;
    private readonly Instant _firstInstant;
    private readonly Instant _endInstant;

    internal BusinessCalendar(
        DateTimeZone zone,
        IReadOnlyList<WorkingInterval> weeklyHours,
        SortedSet<LocalDate> holidays,
        IReadOnlyDictionary<LocalDate, WorkingDayOverride> workingDays,
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
        _workingDays = workingDays;
        _firstDay = new LocalDate(firstYear, 1, 1);
        var lastDay = new LocalDate(lastYear, 12, 31);
        _firstInstant = zone.AtStartOfDay(_firstDay).ToInstant();
        _endInstant = zone.AtStartOfDay(lastDay.PlusDays(1)).ToInstant();
        _coverageStart = Nanos(_firstInstant);
        _coverageEnd = Nanos(_endInstant);

        // The holidays, one bit per day from the first to the last (they may reach a year either side of the covered ones).
        _firstHoliday = holidays.Count > 0 ? holidays.Min : _firstDay;
        _holidaySpan = holidays.Count > 0 ? Period.DaysBetween(_firstHoliday, holidays.Max) + 1 : 0;
        _holidayBits = new ulong[(_holidaySpan + 63) / 64];
        foreach (var date in holidays)
        {
            var i = Period.DaysBetween(_firstHoliday, date);
            _holidayBits[i >> 6] |= 1UL << (i & 63);
        }

        // Closures may reach any year, even past the instants NodaTime can represent; only their part in the covered
        // years matters, so they are clamped, in local time, to the covered days and a day either side.
        var (localFirst, localLast) = (_firstDay.PlusDays(-1).AtMidnight(), lastDay.PlusDays(2).AtMidnight());
        LocalDateTime Clamp(LocalDateTime local) => local < localFirst ? localFirst : local > localLast ? localLast : local;
        _closed = closures
            .Select(c => (Start: Nanos(zone.ResolveLocal(Clamp(c.Start), StartResolver).ToInstant()), End: Nanos(zone.ResolveLocal(Clamp(c.End), EndResolver).ToInstant())))
            .Where(c => c.End > c.Start)
            .OrderBy(c => c.Start)
            .ToArray();
        _closedReach = new long[_closed.Length];
        for (var c = 0; c < _closed.Length; c++)
        {
            _closedReach[c] = Math.Max(_closed[c].End, c > 0 ? _closedReach[c - 1] : long.MinValue);
        }

        _weeklyByDay = Enumerable.Range(1, 7).Select(d => weeklyHours.Where(w => (int)w.Day == d).OrderBy(w => w.Start).ToArray()).ToArray();

        var years = lastYear - firstYear + 1;
        _yearStarts = new long[years + 1];
        for (var k = 0; k < years; k++)
        {
            _yearStarts[k] = Nanos(StartOfDay(zone, new LocalDate(firstYear + k, 1, 1)));
        }

        _yearStarts[years] = _coverageEnd;
        _yearByBucket = new ushort[(Span(_coverageStart, _coverageEnd) >> YearBucketShift) + 1];
        for (int b = 0, k = 0; b < _yearByBucket.Length; b++)
        {
            var bucketStart = unchecked(_coverageStart + (long)((ulong)b << YearBucketShift));
            while (k + 1 < years && _yearStarts[k + 1] <= bucketStart)
            {
                k++;
            }

            _yearByBucket[b] = (ushort)k;
        }
        _years = new CalendarYear?[years];
        _yearTotals = new YearTotals?[years];

        if (!HasWorkingTime(lastDay))
        {
            throw new ArgumentException($"The calendar has no working time in {firstYear}–{lastYear}: every working interval falls on a holiday or closure.", nameof(weeklyHours));
        }
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
        return new BusinessCalendar(ZoneFor(zoneId, nameof(zoneId)), allDay, [], FrozenDictionary<LocalDate, WorkingDayOverride>.Empty, [], firstYear, lastYear, alwaysOpen: true);
    }

    /// <summary>Gets whether a date is a holiday of this calendar (by rule or provider).</summary>
    /// <param name="date">The date, in any calendar system.</param>
    /// <returns><see langword="true"/> for a holiday.</returns>
    public bool IsHoliday(LocalDate date)
    {
        var i = Period.DaysBetween(_firstHoliday, date.Calendar == CalendarSystem.Iso ? date : date.WithCalendar(CalendarSystem.Iso));
        return i >= 0 && i < _holidaySpan && (_holidayBits[i >> 6] & (1UL << (i & 63))) != 0;
    }

    /// <summary>Gets whether a date is a business day: a day on which some working time starts.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> for a business day.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the covered years.</exception>
    public bool IsBusinessDay(LocalDate date)
    {
        var k = YearIndex(date, nameof(date));
        return Table(k).IsBusinessDay(date.DayOfYear - 1);
    }

    /// <summary>Gets whether an instant is working time.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><see langword="true"/> if it lies in a working interval (start included, end excluded).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> is outside the covered years.</exception>
    public bool IsWorkingTime(Instant instant)
    {
        var t = Covered(instant, nameof(instant));
        return Table(YearOf(t)).IsWorkingTime(t);
    }

    /// <summary>Gets the first working instant at or after an instant.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><paramref name="instant"/> itself in working time, else the start of the next working interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> is outside the covered years, or no working time follows it there.</exception>
    public Instant NextWorkingInstant(Instant instant)
    {
        var t = Covered(instant, nameof(instant));
        var k = YearOf(t);
        if (Table(k).NextWorkingAtOrAfter(t) is { } next)
        {
            return next == t ? instant : FromNanos(next);
        }

        // The years after k start at or after the end of k's last interval, so their lead-ins are over by then.
        for (k++; k < _years.Length; k++)
        {
            if (Totals(k).Work > 0)
            {
                return FromNanos(Table(k).FirstStart);
            }
        }

        throw new ArgumentOutOfRangeException(nameof(instant), instant, $"No working time follows {instant} before the end of {LastYear}.");
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
                $"Adding {amount} of working time to {start} goes past the end of {LastYear}; the calendar covers {FirstYear}–{LastYear}, which leaves {ToDuration(WorkFrom(t))} of working time after {start}.");
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
        var t = Covered(start, nameof(start));
        var k = YearOf(t);
        var year = Table(k);
        var through = year.BusinessDaysThrough(year.LocalDay(t) - (startDayCounts ? 1 : 0));
        return FindBusinessDay(k, through, days, out var found, out var ordinal) ? Table(found).CloseOfBusiness(ordinal) : null;
    }

    private bool TryAdd(Instant start, long t, Duration amount, out Instant due)
    {
        if (amount == Duration.Zero)
        {
            due = start;
            return true;
        }

        due = default;
        if (!TryNanoseconds(amount, out var left))
        {
            return false;
        }

        var k = YearOf(t);
        var year = Table(k);

        // First the rest of the year before's last interval, where it runs into this year; then this year's own intervals.
        var leadIn = year.LeadInAfter(t);
        if (left <= leadIn)
        {
            due = FromNanos(year.LeadInAt(t, left));
            return true;
        }

        left -= leadIn;
        var worked = year.WorkedBefore(t);
        if (left <= year.TotalWork - worked)
        {
            due = FromNanos(year.At(worked + left));
            return true;
        }

        left -= year.TotalWork - worked;
        for (k++; k < _years.Length; k++)
        {
            var work = Totals(k).Work;
            if (left <= work)
            {
                due = FromNanos(Table(k).At(left));
                return true;
            }

            left -= work;
        }

        return false;
    }

    /// <summary>Measures the working time between two instants.</summary>
    /// <param name="start">The first instant.</param>
    /// <param name="end">The second instant.</param>
    /// <returns>The working time from <paramref name="start"/> to <paramref name="end"/>; negative when <paramref name="end"/> is before <paramref name="start"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An instant is outside the covered years.</exception>
    public Duration WorkingTimeBetween(Instant start, Instant end)
    {
        var from = Covered(start, nameof(start));
        var to = Covered(end, nameof(end));
        return to >= from ? ToDuration(WorkBetween(from, to)) : -ToDuration(WorkBetween(to, from));
    }

    /// <summary>Gets the <paramref name="days"/>th business day after a date (the date itself never counts).</summary>
    /// <param name="date">The date counted from, for example the day of receipt.</param>
    /// <param name="days">How many business days; 1 or more.</param>
    /// <returns>The business day.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is less than 1, or the date or result is outside the covered years.</exception>
    public LocalDate AddBusinessDays(LocalDate date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var k = YearIndex(date, nameof(date));
        var through = Table(k).BusinessDaysThrough(date.DayOfYear - 1);
        return FindBusinessDay(k, through, days, out var found, out var ordinal)
            ? BusinessDate(found, ordinal)
            : throw PastTheEnd(k, through, days, date);
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

        var k = YearOf(t);
        var year = Table(k);
        var through = year.BusinessDaysThrough(year.LocalDay(t));
        return FindBusinessDay(k, through, days, out var found, out var ordinal)
            ? Table(found).CloseOfBusiness(ordinal)
            : throw PastTheEnd(k, through, days, receivedAt);
    }

    /// <summary>Gets the close of business of a business day: the end of the last working interval that starts on it.</summary>
    /// <param name="businessDay">The business day.</param>
    /// <returns>The close of business.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="businessDay"/> is not a business day or is outside the covered years.</exception>
    public Instant CloseOfBusiness(LocalDate businessDay)
    {
        var year = Table(YearIndex(businessDay, nameof(businessDay)));
        var day = businessDay.DayOfYear - 1;
        if (!year.IsBusinessDay(day))
        {
            throw new ArgumentOutOfRangeException(nameof(businessDay), businessDay, $"{businessDay} is not a business day.");
        }

        return year.CloseOfBusiness(year.BusinessDaysThrough(day) - 1);
    }

    /// <summary>Gets the covered years as text, for example <c>2000–2100</c>, for error messages.</summary>
    internal string CoveredYears => $"{FirstYear}–{LastYear}";

    /// <summary>Gets the last covered date.</summary>
    internal LocalDate LastDay => new(LastYear, 12, 31);

    /// <summary>Gets the end of the covered years: the start of the day after the last covered date.</summary>
    internal Instant CoverageEnd => _endInstant;

    /// <summary>Gets how many covered years have their tables built.</summary>
    internal int BuiltYears => _years.Count(y => y is not null);

    /// <summary>Gets the nanoseconds from the Unix epoch to an instant within 292 years of it (every covered instant is).</summary>
    internal static long Nanos(Instant instant)
    {
        var sinceEpoch = instant - NodaConstants.UnixEpoch;
        return unchecked((sinceEpoch.Days * NodaConstants.NanosecondsPerDay) + sinceEpoch.NanosecondOfDay);
    }

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
        if (date < _firstDay)
        {
            return FindBusinessDay(0, 0, days, out var first, out var firstOrdinal) ? BusinessDate(first, firstOrdinal) : null;
        }

        var k = date.Year - FirstYear;
        return FindBusinessDay(k, Table(k).BusinessDaysThrough(date.DayOfYear - 1), days, out var found, out var ordinal) ? BusinessDate(found, ordinal) : null;
    }

    /// <summary>Builds a year's tables, or gets them if built; safe to call from several threads.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal CalendarYear Table(int k) => Volatile.Read(ref _years[k]) ?? Publish(k);

    /// <summary>Gets the unsigned nanoseconds from one table position to a later one.</summary>
    /// <remarks>
    /// Across 301 covered years the span exceeds <see cref="long.MaxValue"/> but always fits a <see cref="ulong"/>;
    /// two's-complement subtraction of the two positions gives exactly that unsigned span.
    /// </remarks>
    private static ulong Span(long from, long to) => unchecked((ulong)(to - from));

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

    /// <summary>Adds the parts of an interval outside the closures to a list, in order.</summary>
    private void Subtract(long start, long end, List<(long Start, long End)> into)
    {
        // Closures are sorted by start; the first that may reach the interval is the first whose running furthest end
        // passes its start (closures may nest, so a later start does not mean a later end).
        var lo = 0;
        var hi = _closedReach.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_closedReach[mid] <= start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var c = lo; c < _closed.Length; c++)
        {
            var (cs, ce) = _closed[c];
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

    private CalendarYear Publish(int k)
    {
        var built = BuildYear(k);
        return Interlocked.CompareExchange(ref _years[k], built, null) ?? built;
    }

    /// <summary>
    /// Gets a year's working time and business days from its tables, or from its recorded totals for a year whose tables
    /// are not kept, building (without keeping) its tables the first time.
    /// </summary>
    private (ulong Work, int BusinessDays) Totals(int k)
    {
        if (Volatile.Read(ref _years[k]) is { } year)
        {
            return (year.TotalWork, year.BusinessDays);
        }

        if (Volatile.Read(ref _yearTotals[k]) is not { } totals)
        {
            var built = BuildYear(k);
            totals = new YearTotals(built.TotalWork, built.BusinessDays);
            Volatile.Write(ref _yearTotals[k], totals);
        }

        return (totals.Work, totals.BusinessDays);
    }

    /// <summary>Gets the working time in the calendar's intervals from a position to their end.</summary>
    private ulong WorkFrom(long t) => WorkBetween(t, long.MaxValue);

    /// <summary>
    /// Gets the working time from one covered position to a later one (or to the end of all working time, for
    /// <see cref="long.MaxValue"/>): the rest of the lead-in and own intervals of the first year, the years in between
    /// whole, and the last year's lead-in and own intervals before the end.
    /// </summary>
    private ulong WorkBetween(long from, long to)
    {
        var k = YearOf(from);
        var first = Table(k);
        var last = to == long.MaxValue ? _years.Length : YearOf(to);
        if (last == k)
        {
            return first.WorkedBefore(to) - first.WorkedBefore(from) + (first.LeadInAfter(from) - first.LeadInAfter(to));
        }

        // Everything added before anything is taken away, so no step goes below zero.
        var work = first.LeadInAfter(from);
        for (var j = k; j < last; j++)
        {
            work += Totals(j).Work;
        }

        work -= first.WorkedBefore(from);
        if (last < _years.Length)
        {
            var lastYear = Table(last);
            work = work + lastYear.WorkedBefore(to) - lastYear.LeadInAfter(to);
        }

        return work;
    }

    /// <summary>
    /// Finds the <paramref name="days"/>th business day after the first <paramref name="through"/> business days of year
    /// <paramref name="k"/>: its year and its ordinal there; <see langword="false"/> past the covered years.
    /// </summary>
    private bool FindBusinessDay(int k, int through, int days, out int year, out int ordinal)
    {
        var n = (long)through + days - 1;
        var count = Table(k).BusinessDays;
        if (n < count)
        {
            (year, ordinal) = (k, (int)n);
            return true;
        }

        return FindBusinessDayInLaterYears(k + 1, n - count, out year, out ordinal);
    }

    /// <summary>Finds the business day with an ordinal counted from the start of year <paramref name="k"/>, stepping over whole years.</summary>
    private bool FindBusinessDayInLaterYears(int k, long n, out int year, out int ordinal)
    {
        for (; k < _years.Length; k++)
        {
            var count = Totals(k).BusinessDays;
            if (n < count)
            {
                (year, ordinal) = (k, (int)n);
                return true;
            }

            n -= count;
        }

        (year, ordinal) = (-1, -1);
        return false;
    }

    private LocalDate BusinessDate(int k, int ordinal) => new LocalDate(FirstYear + k, 1, 1).PlusDays(Table(k).BusinessDay(ordinal));

    /// <summary>Creates the error for a count of business days past the covered years; kept out of the hot path.</summary>
    private ArgumentOutOfRangeException PastTheEnd<TFrom>(int k, int through, int days, TFrom countedFrom)
    {
        var left = (long)Totals(k).BusinessDays - through;
        for (var j = k + 1; j < _years.Length; j++)
        {
            left += Totals(j).BusinessDays;
        }

        return new(
            nameof(days),
            days,
            $"{days} business days after {countedFrom} is past the end of {LastYear}; the calendar covers {FirstYear}–{LastYear}, which leaves {left} business days after it.");
    }

    /// <summary>Gets the index of a covered date's year, or throws naming the argument.</summary>
    private int YearIndex(LocalDate date, string paramName)
    {
        if (date.Calendar != CalendarSystem.Iso || date.Year < FirstYear || date.Year > LastYear)
        {
            throw new ArgumentOutOfRangeException(paramName, date, $"{paramName} must be an ISO date in {FirstYear}–{LastYear}, the years the calendar covers (from {_firstDay} to {LastDay}).");
        }

        return date.Year - FirstYear;
    }

    /// <summary>Gets the index of the year whose local days hold a covered position (the last year for the end of the coverage).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int YearOf(long t)
    {
        int k = _yearByBucket[Span(_coverageStart, t) >> YearBucketShift];
        return k + 1 < _years.Length && _yearStarts[k + 1] <= t ? k + 1 : k;
    }

    /// <summary>Checks that an instant lies in the covered years (their end included) before turning it into a table position.</summary>
    private long Covered(Instant instant, string paramName)
    {
        return instant >= _firstInstant && instant <= _endInstant ? Nanos(instant) : throw Outside(instant, paramName);
    }

    /// <summary>Creates the error for an instant outside the covered years; kept out of the hot path.</summary>
    private ArgumentOutOfRangeException Outside(Instant instant, string paramName) =>
        new(paramName, instant, $"{paramName} must fall in {FirstYear}–{LastYear}, the years the calendar covers (from {_firstInstant} to {_endInstant}).");

    /// <summary>Gets whether some covered day has working time, looking from the first day until one has.</summary>
    private bool HasWorkingTime(LocalDate lastDay)
    {
        var pieces = new List<(long Start, long End)>(4);
        for (var day = _firstDay; day <= lastDay; day = day.PlusDays(1))
        {
            DayPieces(day, pieces);
            if (pieces.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets a day's working pieces: its override's hours or, unless it is a holiday, its weekly hours; less the closures.</summary>
    private void DayPieces(LocalDate day, List<(long Start, long End)> pieces)
    {
        pieces.Clear();
        if (_workingDays.TryGetValue(day, out var workingDay))
        {
            foreach (var (localStart, localEnd) in workingDay.LocalIntervals)
            {
                var start = Nanos(Zone.ResolveLocal(localStart, StartResolver).ToInstant());
                var end = Nanos(Zone.ResolveLocal(localEnd, EndResolver).ToInstant());
                Subtract(start, end, pieces);
            }
        }
        else if (!IsHoliday(day))
        {
            foreach (var w in _weeklyByDay[(int)day.DayOfWeek - 1])
            {
                var start = Nanos(Zone.ResolveLocal(day + w.Start, StartResolver).ToInstant());
                var end = Nanos(Zone.ResolveLocal((w.CrossesMidnight ? day.PlusDays(1) : day) + w.End, EndResolver).ToInstant());
                Subtract(start, end, pieces);
            }
        }
    }

    /// <summary>
    /// Builds the tables of covered year <paramref name="k"/>: the working pieces of each of its local days, merged into
    /// intervals where they touch, after the part of the year before's last interval that runs into it.
    /// </summary>
    private CalendarYear BuildYear(int k)
    {
        var firstDay = new LocalDate(FirstYear + k, 1, 1);
        var days = CalendarSystem.Iso.GetDaysInYear(firstDay.Year);
        var dayStarts = new long[days + 1];
        dayStarts[0] = _yearStarts[k];
        dayStarts[days] = _yearStarts[k + 1];
        var pieces = new List<(long Start, long End)>(4);

        // Only the last two days of the year before can run past its end: a working interval lasts at most a day. Their
        // pieces after this year's start, merged where they touch, are the lead-in; a closure may leave gaps in it.
        var parts = new List<(long Start, long End)>(2);
        for (var back = k > 0 ? 2 : 0; back > 0; back--)
        {
            DayPieces(firstDay.PlusDays(-back), pieces);
            foreach (var (start, end) in pieces)
            {
                if (end > dayStarts[0])
                {
                    parts.Add((Math.Max(start, dayStarts[0]), end));
                }
            }
        }

        parts.Sort();
        var leadIn = new List<(long Start, long End)>(parts.Count);
        foreach (var part in parts)
        {
            if (leadIn.Count > 0 && part.Start <= leadIn[^1].End)
            {
                leadIn[^1] = (leadIn[^1].Start, Math.Max(leadIn[^1].End, part.End));
            }
            else
            {
                leadIn.Add(part);
            }
        }

        var leadInEnd = leadIn.Count > 0 ? leadIn[^1].End : dayStarts[0];

        var businessDaysThrough = new ushort[days];
        var businessDayIndex = new List<ushort>(days);
        var closeOfBusiness = new List<long>(days);
        var starts = new List<long>(days);
        var ends = new List<long>(days);
        for (var i = 0; i < days; i++)
        {
            var day = firstDay.PlusDays(i);
            if (i > 0)
            {
                dayStarts[i] = Nanos(StartOfDay(Zone, day));
            }

            DayPieces(day, pieces);
            if (pieces.Count > 0)
            {
                businessDayIndex.Add((ushort)i);
                closeOfBusiness.Add(pieces.Max(p => p.End));
            }

            businessDaysThrough[i] = (ushort)businessDayIndex.Count;
            foreach (var (pieceStart, end) in pieces)
            {
                var start = Math.Max(pieceStart, leadInEnd);
                if (end <= start)
                {
                    continue;
                }

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

        return new CalendarYear(dayStarts, [.. leadIn], businessDaysThrough, [.. businessDayIndex], [.. closeOfBusiness], [.. starts], [.. ends]);
    }

    /// <summary>A year's working time and number of business days, kept for a year whose tables are not.</summary>
    private sealed record YearTotals(ulong Work, int BusinessDays);
}
