using Complaints.Core.Domain;
using NodaTime;

namespace Complaints.Core.Calendars;

/// <summary>A rule that gives a holiday's date in any year.</summary>
public abstract record HolidayRule
{
    private readonly HolidaySubstitution _substitution;
    private readonly int? _firstYear;
    private readonly int? _lastYear;

    private protected HolidayRule(string name, HolidaySubstitution substitution)
    {
        Name = Guard.Text(name, nameof(name), TextLimits.Name);
        _substitution = Enum.IsDefined(substitution)
            ? substitution
            : throw new ArgumentOutOfRangeException(nameof(substitution), substitution, "substitution must be None, NextWorkingDay or NearestWeekday.");
    }

    /// <summary>Gets the holiday's name.</summary>
    public string Name { get; }

    /// <summary>
    /// Gets or initializes what happens to a date of the holiday that falls on a weekend day of the calendar
    /// (the days with no working hours); see <see cref="HolidaySubstitution"/>.
    /// </summary>
    /// <value>The default value is <see cref="HolidaySubstitution.None"/>, or the policy given to the constructor.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="HolidaySubstitution"/>.</exception>
    public HolidaySubstitution Substitution
    {
        get => _substitution;
        init
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(Substitution), value, "Substitution must be None, NextWorkingDay or NearestWeekday.");
            }

            _substitution = value;
        }
    }

    /// <summary>
    /// Gets or initializes the first ISO year in which the holiday is kept (Juneteenth from 2021); <see langword="null"/>
    /// for no first year. <see cref="DateIn"/> and <see cref="DatesIn"/> give no date before it.
    /// </summary>
    /// <remarks>
    /// Each bound is checked against the other as it is set, so a <see langword="with"/> expression that moves both past
    /// each other sets them in the order that keeps them uncrossed (to move a range later, <see cref="LastYear"/> first).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to 9999, or after <see cref="LastYear"/>.</exception>
    public int? FirstYear
    {
        get => _firstYear;
        init
        {
            CheckYear(value, nameof(FirstYear));
            if (value > _lastYear)
            {
                throw new ArgumentOutOfRangeException(nameof(FirstYear), value, $"FirstYear must not be after LastYear ({_lastYear}).");
            }

            _firstYear = value;
        }
    }

    /// <summary>
    /// Gets or initializes the last ISO year in which the holiday is kept (a holiday abolished by law); <see langword="null"/>
    /// for no last year. <see cref="DateIn"/> and <see cref="DatesIn"/> give no date after it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to 9999, or before <see cref="FirstYear"/>.</exception>
    public int? LastYear
    {
        get => _lastYear;
        init
        {
            CheckYear(value, nameof(LastYear));
            if (value < _firstYear)
            {
                throw new ArgumentOutOfRangeException(nameof(LastYear), value, $"LastYear must not be before FirstYear ({_firstYear}).");
            }

            _lastYear = value;
        }
    }

    /// <summary>
    /// Gets whether a date of the holiday that falls on a weekend day moves to a substitute day
    /// (<see cref="Substitution"/> is not <see cref="HolidaySubstitution.None"/>).
    /// </summary>
    public bool SubstituteIfWeekend => Substitution != HolidaySubstitution.None;

    /// <summary>Gets the holiday's date in a year, before any substitution.</summary>
    /// <param name="year">The ISO year.</param>
    /// <returns>The date, or <see langword="null"/> if the holiday does not occur that year (29 February, a fifth Monday, a year outside <see cref="FirstYear"/> to <see cref="LastYear"/>).</returns>
    public abstract LocalDate? DateIn(int year);

    /// <summary>Gets every date of the holiday in a year, before any substitution, in order.</summary>
    /// <param name="year">The ISO year.</param>
    /// <returns>
    /// The dates: none, one, or several (a holiday spanning days, or a lunar holiday that falls twice in one ISO year).
    /// Rules with one date a year return <see cref="DateIn"/>'s date, if any.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside the years the rule can give dates for.</exception>
    public virtual IReadOnlyList<LocalDate> DatesIn(int year) => DateIn(year) is { } date ? [date] : [];

    /// <summary>Gets whether the holiday is kept in an ISO year: <see cref="FirstYear"/> to <see cref="LastYear"/>, each when given.</summary>
    /// <param name="year">The ISO year.</param>
    /// <returns><see langword="true"/> when the rule gives the holiday's dates in that year.</returns>
    public bool IsKeptIn(int year) => (_firstYear is not { } first || year >= first) && (_lastYear is not { } last || year <= last);

    /// <summary>Gets whether the rule can give its dates for a whole ISO year.</summary>
    internal virtual bool Covers(int year) => true;

    private static void CheckYear(int? year, string paramName)
    {
        if (year is < 1 or > 9999)
        {
            throw new ArgumentOutOfRangeException(paramName, year, $"{paramName} must be 1 to 9999.");
        }
    }
}

/// <summary>A holiday on the same date every year, such as 25 December.</summary>
public sealed record FixedDateHoliday : HolidayRule
{
    /// <summary>Initializes a new instance of the <see cref="FixedDateHoliday"/> class that stays on its date, weekend or not.</summary>
    /// <param name="name">The holiday's name.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <param name="day">The day of the month; must exist in that month (29 February occurs in leap years only).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> or <paramref name="day"/> names no day.</exception>
    public FixedDateHoliday(string name, int month, int day)
        : this(name, month, day, HolidaySubstitution.None)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="FixedDateHoliday"/> class, moving or not on a weekend day.</summary>
    /// <param name="name">The holiday's name.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <param name="day">The day of the month; must exist in that month (29 February occurs in leap years only).</param>
    /// <param name="substituteIfWeekend">
    /// Whether a date on a weekend day moves to the next free working day (<see cref="HolidaySubstitution.NextWorkingDay"/>);
    /// on a Saturday–Sunday week, the next weekday that is not already a holiday or substitute.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> or <paramref name="day"/> names no day.</exception>
    public FixedDateHoliday(string name, int month, int day, bool substituteIfWeekend)
        : this(name, month, day, substituteIfWeekend ? HolidaySubstitution.NextWorkingDay : HolidaySubstitution.None)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="FixedDateHoliday"/> class with a substitution policy.</summary>
    /// <param name="name">The holiday's name.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <param name="day">The day of the month; must exist in that month (29 February occurs in leap years only).</param>
    /// <param name="substitution">What happens to a date on a weekend day of the calendar for example <see cref="HolidaySubstitution.NearestWeekday"/> for US federal holidays.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="month"/> or <paramref name="day"/> names no day, or <paramref name="substitution"/> is not defined.</exception>
    public FixedDateHoliday(string name, int month, int day, HolidaySubstitution substitution)
        : base(name, substitution)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        var longest = CalendarSystem.Iso.GetDaysInMonth(2000, month); // 2000 is a leap year
        if (day > longest)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, $"day must be at most {longest} in month {month}.");
        }

        Month = month;
        Day = day;
    }

    /// <summary>Gets the month.</summary>
    public int Month { get; }

    /// <summary>Gets the day of the month.</summary>
    public int Day { get; }

    /// <inheritdoc/>
    public override LocalDate? DateIn(int year) =>
        IsKeptIn(year) && Day <= CalendarSystem.Iso.GetDaysInMonth(year, Month) ? new LocalDate(year, Month, Day) : null;
}

/// <summary>A holiday on the nth (or last) given weekday of a month, such as the first Monday of May.</summary>
public sealed record NthWeekdayHoliday : HolidayRule
{
    /// <summary>The value of <see cref="Occurrence"/> that means the last such weekday of the month.</summary>
    public const int Last = -1;

    /// <summary>Initializes a new instance of the <see cref="NthWeekdayHoliday"/> class.</summary>
    /// <param name="name">The holiday's name.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <param name="weekday">The day of the week.</param>
    /// <param name="occurrence">1 to 5 for the first to fifth, or <see cref="Last"/> (-1) for the last. A fifth that a month lacks gives no holiday that year.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument names no day.</exception>
    public NthWeekdayHoliday(string name, int month, IsoDayOfWeek weekday, int occurrence)
        : base(name, HolidaySubstitution.None)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Guard.DayOfWeek(weekday, nameof(weekday));
        if (occurrence is not (Last or >= 1 and <= 5))
        {
            throw new ArgumentOutOfRangeException(nameof(occurrence), occurrence, "occurrence must be 1 to 5, or -1 for the last.");
        }

        Month = month;
        Weekday = weekday;
        Occurrence = occurrence;
    }

    /// <summary>Gets the month.</summary>
    public int Month { get; }

    /// <summary>Gets the day of the week.</summary>
    public IsoDayOfWeek Weekday { get; }

    /// <summary>Gets which occurrence: 1 to 5, or <see cref="Last"/>.</summary>
    public int Occurrence { get; }

    /// <inheritdoc/>
    public override LocalDate? DateIn(int year)
    {
        if (!IsKeptIn(year))
        {
            return null;
        }

        if (Occurrence == Last)
        {
            var last = new LocalDate(year, Month, CalendarSystem.Iso.GetDaysInMonth(year, Month));
            return last.DayOfWeek == Weekday ? last : last.Previous(Weekday);
        }

        var first = new LocalDate(year, Month, 1);
        var date = (first.DayOfWeek == Weekday ? first : first.Next(Weekday)).PlusWeeks(Occurrence - 1);
        return date.Month == Month ? date : null;
    }
}

/// <summary>A holiday a fixed number of days from Western (Gregorian) Easter Sunday: Good Friday is -2, Easter Monday +1.</summary>
public sealed record EasterHoliday : HolidayRule
{
    /// <summary>Initializes a new instance of the <see cref="EasterHoliday"/> class.</summary>
    /// <param name="name">The holiday's name.</param>
    /// <param name="daysFromEaster">Days from Easter Sunday, -100 to 100.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="daysFromEaster"/> is outside -100 to 100.</exception>
    public EasterHoliday(string name, int daysFromEaster)
        : base(name, HolidaySubstitution.None)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(daysFromEaster, -100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(daysFromEaster, 100);
        DaysFromEaster = daysFromEaster;
    }

    /// <summary>Gets the number of days from Easter Sunday.</summary>
    public int DaysFromEaster { get; }

    /// <summary>Gets Western Easter Sunday of a Gregorian year (the anonymous Gregorian computus of Meeus, Jones and Butcher).</summary>
    /// <param name="year">The year, 1583 or later.</param>
    /// <returns>Easter Sunday.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is before 1583 or after 9999.</exception>
    public static LocalDate EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }

    /// <inheritdoc/>
    public override LocalDate? DateIn(int year) => IsKeptIn(year) ? EasterSunday(year).PlusDays(DaysFromEaster) : null;
}
