using Complaints.Core.Calendars;
using NodaTime;

namespace Complaints.Core.Tests.Calendars;

public sealed class HolidaySubstitutionTests
{
    private static readonly IsoDayOfWeek[] SundayToThursday =
        [IsoDayOfWeek.Sunday, IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday];

    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static BusinessCalendar SundayToThursdayCalendar(params HolidayRule[] rules) =>
        BusinessCalendar.CreateBuilder("Asia/Riyadh").Covering(2025, 2027)
            .AddWorkingHours(SundayToThursday, new LocalTime(8, 0), new LocalTime(16, 0))
            .AddHolidays(rules)
            .Build();

    private static BusinessCalendar MondayToFridayCalendar(string zoneId, int firstYear, int lastYear, IEnumerable<HolidayRule> rules) =>
        BusinessCalendar.CreateBuilder(zoneId).Covering(firstYear, lastYear)
            .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
            .AddHolidays(rules)
            .Build();

    [Fact]
    public void NextWorkingDay_FridayOnSundayToThursdayWeek_MovesToSunday()
    {
        // 2 January 2026 is a Friday; Saturday is weekend too on this week, so the substitute is Sunday 4 January.
        var calendar = SundayToThursdayCalendar(new FixedDateHoliday("Holiday", 1, 2, HolidaySubstitution.NextWorkingDay));

        Assert.False(calendar.IsHoliday(D(2026, 1, 2)));
        Assert.False(calendar.IsHoliday(D(2026, 1, 3)));
        Assert.True(calendar.IsHoliday(D(2026, 1, 4)));
        Assert.False(calendar.IsBusinessDay(D(2026, 1, 4)));
    }

    [Fact]
    public void ExplicitWeekend_SaturdayStaffed_StillMovesASaturdayHolidayToMonday()
    {
        // A help desk open Monday to Saturday whose Saturday holidays are observed on Monday: 26 December 2026 is a Saturday.
        LocalTime nine = new(9, 0), five = new(17, 0);
        BusinessCalendarBuilder Desk() => BusinessCalendar.CreateBuilder("Europe/London").Covering(2026, 2027)
            .AddWeekdayHours(nine, five)
            .AddWorkingHours(IsoDayOfWeek.Saturday, nine, new LocalTime(13, 0))
            .AddHolidays(UkBankHolidays.EnglandAndWales);

        var derived = Desk().Build();
        var explicitWeekend = Desk().WithWeekend([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday]).Build();

        // Derived weekend (Sunday only): Boxing Day on Saturday stays there, so Monday 28 December is a working day.
        Assert.True(derived.IsHoliday(D(2026, 12, 26)));
        Assert.False(derived.IsHoliday(D(2026, 12, 28)));

        // Explicit Saturday–Sunday weekend: Boxing Day moves to Monday 28 December; Saturday keeps its hours.
        Assert.True(explicitWeekend.IsHoliday(D(2026, 12, 28)));
        Assert.False(explicitWeekend.IsHoliday(D(2026, 12, 26)));
        Assert.True(explicitWeekend.IsBusinessDay(D(2026, 12, 26)));
        Assert.True(explicitWeekend.IsBusinessDay(D(2027, 1, 2)));

        // An empty weekend moves nothing.
        Assert.True(Desk().WithWeekend([]).Build().IsHoliday(D(2026, 12, 26)));
    }

    [Fact]
    public void ExplicitWeekend_BadDayOrNull_IsRefusedByName()
    {
        var builder = BusinessCalendar.CreateBuilder("Etc/UTC");
        Assert.Equal("days", Assert.Throws<ArgumentOutOfRangeException>(() => builder.WithWeekend([IsoDayOfWeek.Saturday, IsoDayOfWeek.None])).ParamName);
        Assert.Equal("days", Assert.Throws<ArgumentNullException>(() => builder.WithWeekend(null!)).ParamName);
    }

    [Fact]
    public void NextWorkingDay_SundayOnSundayToThursdayWeek_IsNotMoved()
    {
        // 4 January 2026 is a Sunday, a working day on this week: the holiday stays and Monday stays a business day.
        var calendar = SundayToThursdayCalendar(new FixedDateHoliday("Holiday", 1, 4, substituteIfWeekend: true));

        Assert.True(calendar.IsHoliday(D(2026, 1, 4)));
        Assert.False(calendar.IsHoliday(D(2026, 1, 5)));
        Assert.True(calendar.IsBusinessDay(D(2026, 1, 5)));
    }

    [Theory]
    [InlineData(2026, 7, 3)] // 4 July 2026 is a Saturday: observed Friday 3 July.
    [InlineData(2027, 7, 5)] // 4 July 2027 is a Sunday: observed Monday 5 July.
    [InlineData(2025, 7, 4)] // a Friday: not moved.
    public void NearestWeekday_IndependenceDay_IsObservedOnTheUsFederalDate(int year, int month, int day)
    {
        var calendar = MondayToFridayCalendar(
            "America/New_York", 2025, 2027, [new FixedDateHoliday("Independence Day", 7, 4, HolidaySubstitution.NearestWeekday)]);

        var observed = D(year, month, day);
        Assert.True(calendar.IsHoliday(observed));
        Assert.Equal([observed], Enumerable.Range(-3, 7).Select(i => D(year, 7, 4).PlusDays(i)).Where(calendar.IsHoliday));
    }

    [Fact]
    public void NearestWeekday_NewYearsDayOnSaturday_MovesBackIntoThePreviousYear()
    {
        // 1 January 2022 is a Saturday: US federal staff had Friday 31 December 2021 off.
        var calendar = MondayToFridayCalendar(
            "America/New_York", 2021, 2022, [new FixedDateHoliday("New Year's Day", 1, 1, HolidaySubstitution.NearestWeekday)]);

        Assert.True(calendar.IsHoliday(D(2021, 12, 31)));
        Assert.False(calendar.IsHoliday(D(2022, 1, 3)));
    }

    [Fact]
    public void NearestWeekday_FridayBeforeIsAHoliday_ChainsFurtherBack()
    {
        var calendar = MondayToFridayCalendar(
            "America/New_York",
            2026,
            2026,
            [new FixedDateHoliday("Eve", 7, 3), new FixedDateHoliday("Independence Day", 7, 4, HolidaySubstitution.NearestWeekday)]);

        Assert.True(calendar.IsHoliday(D(2026, 7, 2)));
        Assert.True(calendar.IsHoliday(D(2026, 7, 3)));
        Assert.False(calendar.IsHoliday(D(2026, 7, 6)));
    }

    [Fact]
    public void NearestWeekday_FridaySaturdayWeekend_FridayMovesBackSaturdayForward()
    {
        // On a Friday–Saturday weekend Friday is the first weekend day: 2 January 2026 (Friday) goes back to Thursday 1,
        // 3 January (Saturday) forward to Sunday 4.
        var calendar = SundayToThursdayCalendar(
            new FixedDateHoliday("A", 1, 2, HolidaySubstitution.NearestWeekday),
            new FixedDateHoliday("B", 1, 3, HolidaySubstitution.NearestWeekday));

        Assert.True(calendar.IsHoliday(D(2026, 1, 1)));
        Assert.True(calendar.IsHoliday(D(2026, 1, 4)));
        Assert.False(calendar.IsHoliday(D(2026, 1, 5)));
    }

    [Fact]
    public void EnglandAndWales_Christmas2021OnSaturdayAndSunday_ChainToMonday27AndTuesday28()
    {
        var calendar = MondayToFridayCalendar("Europe/London", 2021, 2022, UkBankHolidays.EnglandAndWales);

        Assert.True(calendar.IsHoliday(D(2021, 12, 27)));
        Assert.True(calendar.IsHoliday(D(2021, 12, 28)));
        Assert.True(calendar.IsBusinessDay(D(2021, 12, 29)));
        Assert.False(calendar.IsHoliday(D(2021, 12, 25)));
    }

    [Fact]
    public void SubstituteIfWeekend_MapsToNextWorkingDay()
    {
        Assert.Equal(HolidaySubstitution.NextWorkingDay, new FixedDateHoliday("x", 1, 1, substituteIfWeekend: true).Substitution);
        Assert.Equal(HolidaySubstitution.None, new FixedDateHoliday("x", 1, 1).Substitution);
        Assert.False(new FixedDateHoliday("x", 1, 1).SubstituteIfWeekend);
        Assert.True(new FixedDateHoliday("x", 1, 1, HolidaySubstitution.NearestWeekday).SubstituteIfWeekend);
    }

    [Fact]
    public void CalendarSystemHoliday_WithPolicy_MovesEachWeekendDayOfItsSpan()
    {
        // Three Gregorian days from Friday 2 January 2026 on a Sunday–Thursday week: Friday and Saturday move to
        // Monday 5 and Tuesday 6, since Sunday 4 is the span's own third day.
        var calendar = SundayToThursdayCalendar(
            new CalendarSystemHoliday("Span", CalendarSystem.Gregorian, 1, 2, days: 3, substitution: HolidaySubstitution.NextWorkingDay));

        Assert.Equal(
            [D(2026, 1, 4), D(2026, 1, 5), D(2026, 1, 6)],
            Enumerable.Range(0, 10).Select(i => D(2025, 12, 30).PlusDays(i)).Where(calendar.IsHoliday));
    }

    [Fact]
    public void Substitution_Undefined_IsRefusedNamingTheField()
    {
        var fromConstructor = Assert.Throws<ArgumentOutOfRangeException>(() => new FixedDateHoliday("x", 1, 1, (HolidaySubstitution)7));
        Assert.Equal("substitution", fromConstructor.ParamName);

        var fromSpan = Assert.Throws<ArgumentOutOfRangeException>(() => new CalendarSystemHoliday("x", CalendarSystem.Gregorian, 1, 1, substitution: (HolidaySubstitution)(-1)));
        Assert.Equal("substitution", fromSpan.ParamName);

        var fromInit = Assert.Throws<ArgumentOutOfRangeException>(() => new EasterHoliday("x", 0) { Substitution = (HolidaySubstitution)3 });
        Assert.Equal("Substitution", fromInit.ParamName);
    }

    [Fact]
    public void Substitution_WithExpression_GivesAnEqualRuleOnlyForTheSamePolicy()
    {
        var rule = new FixedDateHoliday("Independence Day", 7, 4);
        var us = rule with { Substitution = HolidaySubstitution.NearestWeekday };

        Assert.NotEqual(rule, us);
        Assert.Equal(new FixedDateHoliday("Independence Day", 7, 4, HolidaySubstitution.NearestWeekday), us);
    }
}
