using System.Collections.Frozen;
using NodaTime;

namespace Complaints.Core.Calendars;

/// <summary>
/// A holiday on a fixed date, or a span of days from that date, in any NodaTime <see cref="CalendarSystem"/>, mapped to
/// ISO dates year by year: Nowruz is 1–4 Farvardin in the Solar Hijri calendar, Eid al-Fitr 1 Shawwal in the Hijri calendar.
/// </summary>
/// <remarks>
/// <para>
/// A lunar year is about eleven days shorter than an ISO year, so a Hijri date falls twice in some ISO years and in each
/// of the others once (1 Muharram 1429 and 1430 were 10 January and 29 December 2008); <see cref="DatesIn"/> gives all of
/// them. A span that crosses 31 December gives each of its days in its own ISO year.
/// </para>
/// <para>
/// For Iran's official Solar Hijri calendar use <see cref="CalendarSystem.PersianAstronomical"/>: Iran starts its year on
/// the day of the March equinox at Tehran's meridian (the day after, if the equinox is after noon), which this calendar
/// system follows. <see cref="CalendarSystem.PersianSimple"/> (a 33-year cycle) and <see cref="CalendarSystem.PersianArithmetic"/>
/// (Birashk's 2820-year cycle) are arithmetic approximations that disagree with it in some years.
/// For Saudi Arabia's civil calendar use <see cref="CalendarSystem.UmAlQura"/>, which covers only the Hijri years
/// 1318 to 1500 (the whole ISO years 1901 to 2076); see <see cref="FirstIsoYear"/> and <see cref="LastIsoYear"/>.
/// </para>
/// <para>Instances are immutable and safe to share across threads.</para>
/// </remarks>
public sealed record CalendarSystemHoliday : HolidayRule
{
    /// <summary>The largest value of <see cref="Days"/>.</summary>
    public const int MaxDays = 30;

    private static readonly IReadOnlyDictionary<int, LocalDate> EmptyStarts = FrozenDictionary<int, LocalDate>.Empty;

    // The calendar system's first and last days, as ISO dates.
    private readonly LocalDate _firstIsoDate;
    private readonly LocalDate _lastIsoDate;

    /// <summary>Initializes a new instance of the <see cref="CalendarSystemHoliday"/> class.</summary>
    /// <param name="name">The holiday's name.</param>
    /// <param name="calendar">The calendar system the date is in, for example <see cref="CalendarSystem.PersianAstronomical"/> or <see cref="CalendarSystem.UmAlQura"/>.</param>
    /// <param name="month">The month in <paramref name="calendar"/>, from 1; must exist in that calendar system.</param>
    /// <param name="day">The day of the month, from 1; must exist in that month in some year (a day that only some years have, such as 30 Esfand, gives no holiday in the others).</param>
    /// <param name="days">The number of days the holiday lasts, 1 to <see cref="MaxDays"/>; Nowruz is 4.</param>
    /// <param name="isEstimate">
    /// Whether the dates are computed estimates of a holiday whose official date follows a moon sighting, and so may turn
    /// out a day or two different.
    /// </param>
    /// <param name="substitution">What happens to each day of the holiday that falls on a weekend day of the calendar; by default nothing.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="month"/> or <paramref name="day"/> names no day in <paramref name="calendar"/>, <paramref name="days"/> is outside
    /// 1 to <see cref="MaxDays"/>, or <paramref name="substitution"/> is not defined.
    /// </exception>
    public CalendarSystemHoliday(
        string name, CalendarSystem calendar, int month, int day, int days = 1, bool isEstimate = false, HolidaySubstitution substitution = HolidaySubstitution.None)
        : base(name, substitution)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);

        var min = new LocalDate(calendar.MinYear, 1, 1, calendar).WithCalendar(CalendarSystem.Iso);
        var maxMonth = calendar.GetMonthsInYear(calendar.MaxYear);
        var max = new LocalDate(calendar.MaxYear, maxMonth, calendar.GetDaysInMonth(calendar.MaxYear, maxMonth), calendar)
            .WithCalendar(CalendarSystem.Iso);
        FirstIsoYear = min.Month == 1 && min.Day == 1 ? min.Year : min.Year + 1;
        LastIsoYear = max.Month == 12 && max.Day == 31 ? max.Year : max.Year - 1;

        _firstIsoDate = min;
        _lastIsoDate = max;

        // Month and day are checked against the calendar years that overlap the ISO years a BusinessCalendar may cover.
        var firstChecked = CalendarYear(calendar, Math.Max(FirstIsoYear, BusinessCalendarBuilder.MinYear), 1, 1);
        var lastChecked = CalendarYear(calendar, Math.Min(LastIsoYear, BusinessCalendarBuilder.MaxYear), 12, 31);
        var months = 0;
        for (var y = firstChecked; y <= lastChecked; y++)
        {
            months = Math.Max(months, calendar.GetMonthsInYear(y));
        }

        if (month < 1 || month > months)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, $"month must be 1 to {months} in the {calendar.Id} calendar.");
        }

        var longest = 0;
        for (var y = firstChecked; y <= lastChecked; y++)
        {
            if (month <= calendar.GetMonthsInYear(y))
            {
                longest = Math.Max(longest, calendar.GetDaysInMonth(y, month));
            }
        }

        if (day < 1 || day > longest)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, $"day must be 1 to {longest} in month {month} of the {calendar.Id} calendar.");
        }

        Calendar = calendar;
        Month = month;
        Day = day;
        Days = days;
        IsEstimate = isEstimate;
    }

    /// <summary>Gets the calendar system the date is in.</summary>
    public CalendarSystem Calendar { get; }

    /// <summary>Gets the month in <see cref="Calendar"/>.</summary>
    public int Month { get; }

    /// <summary>Gets the day of the month in <see cref="Calendar"/>; the holiday's first day.</summary>
    public int Day { get; }

    /// <summary>Gets the number of days the holiday lasts.</summary>
    public int Days { get; }

    /// <summary>
    /// Gets whether the dates are computed estimates of a holiday whose official date follows a moon sighting
    /// (the Eid holidays in most countries), and so may turn out a day or two different from the announced date.
    /// </summary>
    public bool IsEstimate { get; }

    /// <summary>Gets the first ISO year <see cref="Calendar"/> covers whole, and so the first the rule gives dates for.</summary>
    public int FirstIsoYear { get; }

    /// <summary>Gets the last ISO year <see cref="Calendar"/> covers whole, and so the last the rule gives dates for.</summary>
    public int LastIsoYear { get; }

    /// <summary>Gets the holiday's first date in a year; <see cref="DatesIn"/> gives every date.</summary>
    /// <param name="year">The ISO year.</param>
    /// <returns>The first date, or <see langword="null"/> if the holiday does not fall in that year.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside <see cref="FirstIsoYear"/> to <see cref="LastIsoYear"/>.</exception>
    public override LocalDate? DateIn(int year) => DatesIn(year) is [var first, ..] ? first : null;

    /// <summary>Gets every date of the holiday in a year, in order: each day of the span, from each occurrence that reaches the year.</summary>
    /// <param name="year">The ISO year.</param>
    /// <returns>The dates; none if the date falls in no day of the year (a lunar holiday can skip an ISO year near the calendar's edge, and 30 Esfand exists only in leap years).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is a year the holiday is kept in (<see cref="HolidayRule.IsKeptIn"/>) outside <see cref="FirstIsoYear"/> to <see cref="LastIsoYear"/>.</exception>
    public override IReadOnlyList<LocalDate> DatesIn(int year) => AnnouncedDatesIn(year, EmptyStarts);

    /// <summary>
    /// Gets every date of the holiday in a year, as <see cref="DatesIn(int)"/> does, with the occurrences named in
    /// <paramref name="announcedStarts"/> (by their year in <see cref="Calendar"/>) starting on the announced ISO day instead
    /// of the computed one; an announced day is at most <see cref="HolidayAnnouncement.MaxDaysFromEstimate"/> days from it.
    /// </summary>
    internal IReadOnlyList<LocalDate> AnnouncedDatesIn(int year, IReadOnlyDictionary<int, LocalDate> announcedStarts)
    {
        if (!IsKeptIn(year))
        {
            return [];
        }

        if (!Covers(year))
        {
            throw new ArgumentOutOfRangeException(
                nameof(year), year, $"The {Calendar.Id} calendar gives {Name} dates for the ISO years {FirstIsoYear} to {LastIsoYear} only.");
        }

        // The calendar years whose holiday can reach this ISO year: from the one the span before 1 January starts in,
        // widened by the most an announced day may move an occurrence when there are announcements.
        var slack = announcedStarts.Count == 0 ? 0 : HolidayAnnouncement.MaxDaysFromEstimate;
        var from = LocalDate.Max(_firstIsoDate, new LocalDate(year, 1, 1).PlusDays(1 - Days - slack));
        var to = LocalDate.Min(_lastIsoDate, new LocalDate(year, 12, 31).PlusDays(slack));
        var dates = new List<LocalDate>();
        for (var y = from.WithCalendar(Calendar).Year; y <= to.WithCalendar(Calendar).Year; y++)
        {
            if ((announcedStarts.TryGetValue(y, out var announced) ? announced : ComputedStart(y)) is not { } start)
            {
                continue;
            }

            for (var i = 0; i < Days; i++)
            {
                var date = start.PlusDays(i);
                if (date.Year == year && (dates.Count == 0 || date > dates[^1]))
                {
                    dates.Add(date);
                }
            }
        }

        return dates;
    }

    /// <summary>Gets the computed first day, as an ISO date, of the occurrence in a year of <see cref="Calendar"/>; <see langword="null"/> if that year lacks the date.</summary>
    internal LocalDate? ComputedStart(int calendarYear) =>
        calendarYear >= Calendar.MinYear && calendarYear <= Calendar.MaxYear
        && Month <= Calendar.GetMonthsInYear(calendarYear) && Day <= Calendar.GetDaysInMonth(calendarYear, Month)
            ? new LocalDate(calendarYear, Month, Day, Calendar).WithCalendar(CalendarSystem.Iso)
            : null;

    /// <inheritdoc/>
    internal override bool Covers(int year) => year >= FirstIsoYear && year <= LastIsoYear;

    private static int CalendarYear(CalendarSystem calendar, int isoYear, int month, int day) =>
        new LocalDate(isoYear, month, day).WithCalendar(calendar).Year;
}
