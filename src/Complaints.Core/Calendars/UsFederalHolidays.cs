using NodaTime;

namespace Complaints.Core.Calendars;

/// <summary>
/// The rules for United States federal holidays: the legal public holidays of 5 U.S.C. 6103(a), observed as the
/// Office of Personnel Management publishes them for employees on a Monday-to-Friday week
/// (https://www.opm.gov/policy-data-oversight/pay-leave/federal-holidays/).
/// </summary>
/// <remarks>
/// <para>
/// The fixed dates use <see cref="HolidaySubstitution.NearestWeekday"/>: a holiday on a Saturday is observed on the Friday
/// before (5 U.S.C. 6103(b)), one on a Sunday on the Monday after (Executive Order 11582, section 3(a)); OPM's
/// "in lieu of" rule. A Saturday 1 January is therefore observed on Friday 31 December of the year before, so a calendar
/// covering that December needs the next year's rules too, which <see cref="BusinessCalendarBuilder"/> does itself.
/// </para>
/// <para>
/// Rules only: Inauguration Day (20 January every fourth year, kept only in the Washington, DC, area under
/// 5 U.S.C. 6103(c)) and the extra days off given by executive order (such as a Christmas Eve) are not included; give them
/// through an <see cref="IHolidayProvider"/>. The rules describe the law as it stands: the Birthday of Martin Luther
/// King, Jr. from 1986 and Juneteenth from 2021; the Monday holidays before the Uniform Monday Holiday Act (1971) and
/// Veterans Day on the fourth Monday of October (1971–1977) are not modelled.
/// </para>
/// </remarks>
public static class UsFederalHolidays
{
    /// <summary>
    /// Gets the rules for the eleven federal holidays of 5 U.S.C. 6103(a): New Year's Day, the Birthday of Martin Luther
    /// King, Jr. (third Monday of January, from 1986), Washington's Birthday (third Monday of February), Memorial Day
    /// (last Monday of May), Juneteenth National Independence Day (19 June, from 2021), Independence Day (4 July), Labor Day
    /// (first Monday of September), Columbus Day (second Monday of October), Veterans Day (11 November), Thanksgiving Day
    /// (fourth Thursday of November) and Christmas Day; the fixed dates move to the nearest weekday when they fall on a
    /// weekend.
    /// </summary>
    public static IReadOnlyList<HolidayRule> Federal { get; } =
    [
        new FixedDateHoliday("New Year's Day", 1, 1, HolidaySubstitution.NearestWeekday),
        new NthWeekdayHoliday("Birthday of Martin Luther King, Jr.", 1, IsoDayOfWeek.Monday, 3) { FirstYear = 1986 },
        new NthWeekdayHoliday("Washington's Birthday", 2, IsoDayOfWeek.Monday, 3),
        new NthWeekdayHoliday("Memorial Day", 5, IsoDayOfWeek.Monday, NthWeekdayHoliday.Last),
        new FixedDateHoliday("Juneteenth National Independence Day", 6, 19, HolidaySubstitution.NearestWeekday) { FirstYear = 2021 },
        new FixedDateHoliday("Independence Day", 7, 4, HolidaySubstitution.NearestWeekday),
        new NthWeekdayHoliday("Labor Day", 9, IsoDayOfWeek.Monday, 1),
        new NthWeekdayHoliday("Columbus Day", 10, IsoDayOfWeek.Monday, 2),
        new FixedDateHoliday("Veterans Day", 11, 11, HolidaySubstitution.NearestWeekday),
        new NthWeekdayHoliday("Thanksgiving Day", 11, IsoDayOfWeek.Thursday, 4),
        new FixedDateHoliday("Christmas Day", 12, 25, HolidaySubstitution.NearestWeekday),
    ];
}
