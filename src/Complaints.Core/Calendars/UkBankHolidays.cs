using NodaTime;

namespace Complaints.Core.Calendars;

/// <summary>
/// The rules for UK bank holidays, per part of the UK (the UK's definition of a business day depends on the part:
/// Banking and Financial Dealings Act 1971, schedule 1, with the substitute days of the annual proclamations).
/// Rules only: one-off holidays (a coronation, a state funeral, a moved May holiday) come from an
/// <see cref="IHolidayProvider"/>. Source for the dates: https://www.gov.uk/bank-holidays.
/// </summary>
public static class UkBankHolidays
{
    /// <summary>Gets the rules for England and Wales: New Year's Day, Good Friday, Easter Monday, the early May bank holiday (first Monday), the spring bank holiday (last Monday of May), the summer bank holiday (last Monday of August), Christmas Day and Boxing Day; the fixed dates move to the next weekday when they fall on a weekend.</summary>
    public static IReadOnlyList<HolidayRule> EnglandAndWales { get; } =
    [
        new FixedDateHoliday("New Year's Day", 1, 1, substituteIfWeekend: true),
        new EasterHoliday("Good Friday", -2),
        new EasterHoliday("Easter Monday", 1),
        new NthWeekdayHoliday("Early May bank holiday", 5, IsoDayOfWeek.Monday, 1),
        new NthWeekdayHoliday("Spring bank holiday", 5, IsoDayOfWeek.Monday, NthWeekdayHoliday.Last),
        new NthWeekdayHoliday("Summer bank holiday", 8, IsoDayOfWeek.Monday, NthWeekdayHoliday.Last),
        new FixedDateHoliday("Christmas Day", 12, 25, substituteIfWeekend: true),
        new FixedDateHoliday("Boxing Day", 12, 26, substituteIfWeekend: true),
    ];

    /// <summary>Gets the rules for Scotland: New Year's Day, 2 January, Good Friday, the early May bank holiday, the spring bank holiday (last Monday of May), the summer bank holiday (first Monday of August), St Andrew's Day, Christmas Day and Boxing Day; the fixed dates move to the next weekday when they fall on a weekend.</summary>
    public static IReadOnlyList<HolidayRule> Scotland { get; } =
    [
        new FixedDateHoliday("New Year's Day", 1, 1, substituteIfWeekend: true),
        new FixedDateHoliday("2nd January", 1, 2, substituteIfWeekend: true),
        new EasterHoliday("Good Friday", -2),
        new NthWeekdayHoliday("Early May bank holiday", 5, IsoDayOfWeek.Monday, 1),
        new NthWeekdayHoliday("Spring bank holiday", 5, IsoDayOfWeek.Monday, NthWeekdayHoliday.Last),
        new NthWeekdayHoliday("Summer bank holiday", 8, IsoDayOfWeek.Monday, 1),
        new FixedDateHoliday("St Andrew's Day", 11, 30, substituteIfWeekend: true),
        new FixedDateHoliday("Christmas Day", 12, 25, substituteIfWeekend: true),
        new FixedDateHoliday("Boxing Day", 12, 26, substituteIfWeekend: true),
    ];

    /// <summary>Gets the rules for Northern Ireland: those of England and Wales plus St Patrick's Day (17 March) and the Battle of the Boyne (12 July), both moving to the next weekday when they fall on a weekend.</summary>
    public static IReadOnlyList<HolidayRule> NorthernIreland { get; } =
    [
        .. EnglandAndWales,
        new FixedDateHoliday("St Patrick's Day", 3, 17, substituteIfWeekend: true),
        new FixedDateHoliday("Battle of the Boyne (Orangemen's Day)", 7, 12, substituteIfWeekend: true),
    ];
}
