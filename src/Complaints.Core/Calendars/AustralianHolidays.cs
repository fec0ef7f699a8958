using NodaTime;

namespace Complaints.Core.Calendars;

/// <summary>
/// The rules for Australian public holidays: those kept in every state and territory, and those of New South Wales.
/// Public holidays are declared by each state and territory; the Fair Work Ombudsman publishes them all
/// (https://www.fairwork.gov.au/employment-conditions/public-holidays). Rules only: local public holidays, local event
/// days and days declared by order for one year (other than those listed below) come from an <see cref="IHolidayProvider"/>.
/// </summary>
/// <remarks>
/// A substitute or additional day follows the calendar's weekend (see <see cref="HolidaySubstitution"/>): on a
/// Monday-to-Friday week it falls on the Monday or Tuesday the law names; a calendar that works on Saturdays or Sundays
/// gets no substitute for a holiday on a day it works.
/// </remarks>
public static class AustralianHolidays
{
    /// <summary>
    /// Gets the rules for the public holidays kept in every state and territory: New Year's Day, Australia Day (26 January),
    /// Good Friday, Easter Monday, Anzac Day (25 April), Christmas Day and Boxing Day.
    /// </summary>
    /// <remarks>
    /// Every state and territory gives a weekday for New Year's Day, Australia Day, Christmas Day and Boxing Day when they
    /// fall on a weekend, so these move to the next free working day (Christmas on a Saturday to Monday 27 December, Boxing
    /// Day on the Sunday to Tuesday 28). Whether the weekend date itself stays a public holiday differs between states, so
    /// the weekend date is not kept. Anzac Day stays on 25 April: some states and territories give a Monday when it falls on
    /// a weekend and others do not. Easter Saturday, Easter Sunday, the King's Birthday and Labour Day are kept on
    /// different days, or not at all, from one state to another, and are not included.
    /// </remarks>
    public static IReadOnlyList<HolidayRule> National { get; } =
    [
        new FixedDateHoliday("New Year's Day", 1, 1, substituteIfWeekend: true),
        new FixedDateHoliday("Australia Day", 1, 26, substituteIfWeekend: true),
        new EasterHoliday("Good Friday", -2),
        new EasterHoliday("Easter Monday", 1),
        new FixedDateHoliday("Anzac Day", 4, 25),
        new FixedDateHoliday("Christmas Day", 12, 25, substituteIfWeekend: true),
        new FixedDateHoliday("Boxing Day", 12, 26, substituteIfWeekend: true),
    ];

    /// <summary>
    /// Gets the rules for New South Wales, the standard public holidays of the Public Holidays Act 2010 (NSW), section 4
    /// (https://www.legislation.nsw.gov.au/view/html/inforce/current/act-2010-115; dates published at
    /// https://www.nsw.gov.au/about-nsw/public-holidays): New Year's Day, Australia Day, Good Friday, Easter Saturday,
    /// Easter Sunday, Easter Monday, Anzac Day, the King's Birthday (second Monday of June), Labour Day (first Monday of
    /// October), Christmas Day and Boxing Day.
    /// </summary>
    /// <remarks>
    /// <para>
    /// New Year's Day, Christmas Day and Boxing Day on a weekend stay public holidays, with an additional public holiday on
    /// the following Monday (Boxing Day on a Sunday, or Christmas Day on a Sunday: the Tuesday); each has a second rule,
    /// "Additional day for …", that moves. Australia Day on a weekend is not a public holiday: the following Monday is
    /// instead. Anzac Day stays on 25 April with no additional day under the Act; the Monday after it in 2026 and 2027
    /// (27 April 2026, 26 April 2027), declared for the whole State by the Public Holidays Amendment (Anzac Day)
    /// Order 2026, are rules kept in those years only.
    /// </para>
    /// <para>
    /// The Bank Holiday (first Monday of August) is not a public holiday: retail bank branches must close on it (Retail
    /// Trading Act 2008, Part 3A). It is in <see cref="NewSouthWalesBanks"/> only.
    /// </para>
    /// </remarks>
    public static IReadOnlyList<HolidayRule> NewSouthWales { get; } =
    [
        new FixedDateHoliday("New Year's Day", 1, 1),
        new FixedDateHoliday("Additional day for New Year's Day", 1, 1, substituteIfWeekend: true),
        new FixedDateHoliday("Australia Day", 1, 26, substituteIfWeekend: true),
        new EasterHoliday("Good Friday", -2),
        new EasterHoliday("Easter Saturday", -1),
        new EasterHoliday("Easter Sunday", 0),
        new EasterHoliday("Easter Monday", 1),
        new FixedDateHoliday("Anzac Day", 4, 25),
        new FixedDateHoliday("Additional day for Anzac Day", 4, 27) { FirstYear = 2026, LastYear = 2026 },
        new FixedDateHoliday("Additional day for Anzac Day", 4, 26) { FirstYear = 2027, LastYear = 2027 },
        new NthWeekdayHoliday("King's Birthday", 6, IsoDayOfWeek.Monday, 2),
        new NthWeekdayHoliday("Labour Day", 10, IsoDayOfWeek.Monday, 1),
        new FixedDateHoliday("Christmas Day", 12, 25),
        new FixedDateHoliday("Additional day for Christmas Day", 12, 25, substituteIfWeekend: true),
        new FixedDateHoliday("Boxing Day", 12, 26),
        new FixedDateHoliday("Additional day for Boxing Day", 12, 26, substituteIfWeekend: true),
    ];

    /// <summary>
    /// Gets the rules for retail bank branches and financial institutions in New South Wales: those of
    /// <see cref="NewSouthWales"/> plus the Bank Holiday (first Monday of August), on which they must close unless exempt
    /// (Retail Trading Act 2008 (NSW), Part 3A). The Bank Holiday is not a public holiday for anyone else.
    /// </summary>
    public static IReadOnlyList<HolidayRule> NewSouthWalesBanks { get; } =
    [
        .. NewSouthWales,
        new NthWeekdayHoliday("Bank Holiday", 8, IsoDayOfWeek.Monday, 1),
    ];
}
