namespace Complaints.Core.Calendars;

/// <summary>
/// The rules for Estonia's days of rest: the national day and the public holidays of the Public Holidays and Days of
/// National Importance Act (Pühade ja tähtpäevade seadus, §§ 1–2). Source:
/// https://www.riigiteataja.ee/en/compare_original/527122022003 (English translation of the text in force from
/// 30 December 2022; the Act as passed in 1998: https://www.riigiteataja.ee/akt/74670; Christmas Eve was added by
/// RT I 2005, 24, 185, in force 20 May 2005).
/// </summary>
/// <remarks>
/// <para>
/// Estonia has no weekend substitution: a holiday on a Saturday or Sunday is not moved. Years before 1998, when the Act
/// came into force (23 February 1998), are not modelled.
/// </para>
/// <para>
/// The working day immediately before New Year's Day, Independence Day, Victory Day and Christmas Eve (31 December,
/// 23 February, 22 June and 23 December) is shortened by three hours (Employment Contracts Act, Töölepingu seadus,
/// § 53: https://www.riigiteataja.ee/en/eli/ee/Riigikogu/act/522122023008/consolide). Only the day directly before the
/// holiday is shortened: a Friday before a Sunday holiday keeps its hours. <see cref="EstonianShortenedDays"/> gives
/// these days as working-day overrides for a Monday-to-Friday week; a host with another week gives its own with
/// <see cref="BusinessCalendarBuilder.AddWorkingDay(WorkingDayOverride)"/>.
/// </para>
/// </remarks>
public static class EstonianHolidays
{
    /// <summary>The first year in which Christmas Eve (24 December) is a public holiday (RT I 2005, 24, 185, in force 20 May 2005).</summary>
    public const int ChristmasEveFirstYear = 2005;

    /// <summary>The first year in which the Day of Restoration of Independence (20 August) is a public holiday (the 1998 Act, in force 23 February 1998).</summary>
    public const int RestorationOfIndependenceFirstYear = 1998;

    /// <summary>
    /// Gets the rules: New Year's Day (1 January), Independence Day (24 February), Good Friday, Easter Sunday, Spring Day
    /// (1 May), Pentecost (Easter Sunday + 49), Victory Day (23 June), Midsummer Day (24 June), the Day of Restoration of
    /// Independence (20 August, from 1998), Christmas Eve (24 December, from 2005), Christmas Day and Boxing Day; none moves
    /// when it falls on a weekend.
    /// </summary>
    public static IReadOnlyList<HolidayRule> PublicHolidays { get; } =
    [
        new FixedDateHoliday("New Year's Day (uusaasta)", 1, 1),
        new FixedDateHoliday("Independence Day (iseseisvuspäev)", 2, 24),
        new EasterHoliday("Good Friday (suur reede)", -2),
        new EasterHoliday("Easter Sunday (ülestõusmispühade 1. püha)", 0),
        new FixedDateHoliday("Spring Day (kevadpüha)", 5, 1),
        new EasterHoliday("Pentecost (nelipühade 1. püha)", 49),
        new FixedDateHoliday("Victory Day (võidupüha)", 6, 23),
        new FixedDateHoliday("Midsummer Day (jaanipäev)", 6, 24),
        new FixedDateHoliday("Day of Restoration of Independence (taasiseseisvumispäev)", 8, 20) { FirstYear = RestorationOfIndependenceFirstYear },
        new FixedDateHoliday("Christmas Eve (jõululaupäev)", 12, 24) { FirstYear = ChristmasEveFirstYear },
        new FixedDateHoliday("Christmas Day (esimene jõulupüha)", 12, 25),
        new FixedDateHoliday("Boxing Day (teine jõulupüha)", 12, 26),
    ];
}
