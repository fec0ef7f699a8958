using Complaints.Core.Calendars;
using NodaTime;

namespace Complaints.Core.Tests.Calendars;

public sealed class UsFederalHolidaysTests
{
    private const string Zone = "America/New_York";

    // The days off OPM publishes for employees on a Monday-to-Friday week
    // (https://www.opm.gov/policy-data-oversight/pay-leave/federal-holidays/), by calendar date: OPM lists a Saturday
    // 1 January's Friday 31 December at the head of the next year's list, here it is in the year it falls in.
    public static TheoryData<int, LocalDate[]> Published => new()
    {
        {
            // 2021: Juneteenth (signed 17 June 2021) on Saturday 19 June was observed on Friday 18 June; 4 July on a Sunday
            // on Monday 5 July; Christmas on a Saturday on Friday 24 December; Saturday 1 January 2022 on Friday 31 December.
            2021,
            [D(2021, 1, 1), D(2021, 1, 18), D(2021, 2, 15), D(2021, 5, 31), D(2021, 6, 18), D(2021, 7, 5), D(2021, 9, 6),
             D(2021, 10, 11), D(2021, 11, 11), D(2021, 11, 25), D(2021, 12, 24), D(2021, 12, 31)]
        },
        {
            // 2022: no New Year's Day in the year (observed on 31 December 2021); Juneteenth and Christmas on Sundays move to Monday.
            2022,
            [D(2022, 1, 17), D(2022, 2, 21), D(2022, 5, 30), D(2022, 6, 20), D(2022, 7, 4), D(2022, 9, 5), D(2022, 10, 10),
             D(2022, 11, 11), D(2022, 11, 24), D(2022, 12, 26)]
        },
        {
            // 2023: New Year's Day on a Sunday is observed on Monday 2 January; Veterans Day on a Saturday on Friday 10 November.
            2023,
            [D(2023, 1, 2), D(2023, 1, 16), D(2023, 2, 20), D(2023, 5, 29), D(2023, 6, 19), D(2023, 7, 4), D(2023, 9, 4),
             D(2023, 10, 9), D(2023, 11, 10), D(2023, 11, 23), D(2023, 12, 25)]
        },
        {
            // 2026: Independence Day on a Saturday is observed on Friday 3 July.
            2026,
            [D(2026, 1, 1), D(2026, 1, 19), D(2026, 2, 16), D(2026, 5, 25), D(2026, 6, 19), D(2026, 7, 3), D(2026, 9, 7),
             D(2026, 10, 12), D(2026, 11, 11), D(2026, 11, 26), D(2026, 12, 25)]
        },
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void Federal_PublishedYear_GivesExactlyTheDaysOff_AlsoOnAMondayToFridayCalendar(int year, LocalDate[] published)
    {
        PublishedHolidays.AssertMatches(Zone, UsFederalHolidays.Federal, year, published);
    }

    [Fact]
    public void Federal_HasTheElevenHolidaysOf5Usc6103_KeptFromTheirFirstYears()
    {
        Assert.Equal(11, UsFederalHolidays.Federal.Count);
        Assert.Equal(11, UsFederalHolidays.Federal.Select(r => r.Name).Distinct().Count());
        Assert.All(UsFederalHolidays.Federal.OfType<FixedDateHoliday>(), r => Assert.Equal(HolidaySubstitution.NearestWeekday, r.Substitution));

        // No Juneteenth before 2021, no Birthday of Martin Luther King, Jr. before 1986.
        Assert.Equal(10, PublishedHolidays.InYear(UsFederalHolidays.Federal, 2020).Length);
        Assert.DoesNotContain(D(1985, 1, 21), PublishedHolidays.InYear(UsFederalHolidays.Federal, 1985));
        Assert.Contains(D(1986, 1, 20), PublishedHolidays.InYear(UsFederalHolidays.Federal, 1986));
    }

    private static LocalDate D(int y, int m, int d) => new(y, m, d);
}
