using Complaints.Core.Calendars;
using NodaTime;

namespace Complaints.Core.Tests.Calendars;

/// <summary>Checks a built-in rule set against a holiday list published for a whole year.</summary>
internal static class PublishedHolidays
{
    /// <summary>
    /// Gets the dates the rules give in a year on a Saturday–Sunday weekend, with the years either side asked too, so that a
    /// holiday of the next year observed in this one (a Saturday 1 January on Friday 31 December) is included.
    /// </summary>
    public static LocalDate[] InYear(IReadOnlyList<HolidayRule> rules, int year) =>
        BusinessCalendarBuilder.HolidaysIn(year - 1, year + 1, rules, [], BusinessCalendarBuilder.SaturdaySunday)
            .Where(d => d.Year == year)
            .ToArray();

    /// <summary>
    /// Asserts that the rules give exactly the published dates of the year, and that a Monday-to-Friday 09:00–17:00
    /// calendar covering 2020–2030 built with them has exactly those dates as its holidays, none of the weekdays among
    /// them a business day.
    /// </summary>
    public static void AssertMatches(string zoneId, IReadOnlyList<HolidayRule> rules, int year, LocalDate[] published)
    {
        Assert.Equal(published, InYear(rules, year));

        var calendar = BusinessCalendar.CreateBuilder(zoneId).Covering(2020, 2030)
            .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
            .AddHolidays(rules)
            .Build();

        var days = new LocalDate(year, 12, 31).DayOfYear;
        var holidays = Enumerable.Range(0, days).Select(i => new LocalDate(year, 1, 1).PlusDays(i)).Where(calendar.IsHoliday);
        Assert.Equal(published, holidays);
        Assert.All(published.Where(d => d.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)), d => Assert.False(calendar.IsBusinessDay(d)));
    }
}
