using Complaints.Core.Calendars;
using NodaTime;

namespace Complaints.Core.Tests.Calendars;

public sealed class HolidayRuleTests
{
    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    internal static LocalDate[] Holidays(IReadOnlyList<HolidayRule> rules, int year) =>
        BusinessCalendarBuilder.HolidaysIn(year, rules).Where(d => d.Year == year).ToArray();

    [Theory]
    [InlineData(2000, 4, 23)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void EasterSunday_KnownYears(int year, int month, int day)
    {
        Assert.Equal(D(year, month, day), EasterHoliday.EasterSunday(year));
    }

    [Fact]
    public void YearBounds_GiveNoDateOutsideTheYearsKept()
    {
        var juneteenth = new FixedDateHoliday("Juneteenth", 6, 19, HolidaySubstitution.NearestWeekday) { FirstYear = 2021 };
        var abolished = new NthWeekdayHoliday("Old holiday", 5, IsoDayOfWeek.Monday, 1) { LastYear = 2010 };
        var easter = new EasterHoliday("Easter Monday", 1) { FirstYear = 2020, LastYear = 2020 };
        var nowruz = new CalendarSystemHoliday("Nowruz", CalendarSystem.PersianAstronomical, 1, 1, days: 4) { FirstYear = 2025 };

        Assert.Null(juneteenth.DateIn(2020));
        Assert.Equal(D(2021, 6, 19), juneteenth.DateIn(2021));
        Assert.Equal(D(2010, 5, 3), abolished.DateIn(2010));
        Assert.Null(abolished.DateIn(2011));
        Assert.Null(easter.DateIn(2019));
        Assert.Equal(D(2020, 4, 13), easter.DateIn(2020));
        Assert.Null(easter.DateIn(2021));
        Assert.Empty(nowruz.DatesIn(2024));
        Assert.Equal(4, nowruz.DatesIn(2025).Count);
        Assert.False(juneteenth.IsKeptIn(2020));
        Assert.True(juneteenth.IsKeptIn(9999));

        // Saturday 19 June 2021 was observed on Friday 18 June; 2020 has no Juneteenth at all.
        Assert.DoesNotContain(Holidays([juneteenth], 2020), d => d.Month == 6);
        Assert.Equal([D(2021, 6, 18)], Holidays([juneteenth], 2021));
    }

    [Fact]
    public void YearBounds_OutOfRangeOrCrossed_AreRefusedByName()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new FixedDateHoliday("X", 1, 1) { FirstYear = 0 });
        Assert.Equal("FirstYear", ex.ParamName);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => new FixedDateHoliday("X", 1, 1) { LastYear = 10000 });
        Assert.Equal("LastYear", ex.ParamName);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => new FixedDateHoliday("X", 1, 1) { FirstYear = 2020, LastYear = 2019 });
        Assert.Equal("LastYear", ex.ParamName);
        ex = Assert.Throws<ArgumentOutOfRangeException>(() => new FixedDateHoliday("X", 1, 1) { LastYear = 2019, FirstYear = 2020 });
        Assert.Equal("FirstYear", ex.ParamName);
    }

    [Fact]
    public void YearBounds_AnUmmAlQuraRuleEndingBy2076_LetsTheCalendarCoverLaterYears()
    {
        var eid = new CalendarSystemHoliday("Eid al-Fitr", CalendarSystem.UmAlQura, 10, 1, isEstimate: true) { LastYear = 2076 };
        var calendar = BusinessCalendar.CreateBuilder("Asia/Riyadh")
            .AddWorkingHours([IsoDayOfWeek.Sunday, IsoDayOfWeek.Monday], new LocalTime(8, 0), new LocalTime(16, 0))
            .AddHolidays([eid])
            .Covering(2070, 2100)
            .Build();

        Assert.True(calendar.IsHoliday(eid.DateIn(2076)!.Value));
        Assert.Throws<ArgumentException>(() => BusinessCalendar.CreateBuilder("Asia/Riyadh")
            .AddWorkingHours([IsoDayOfWeek.Sunday], new LocalTime(8, 0), new LocalTime(16, 0))
            .AddHolidays([eid with { LastYear = null }])
            .Covering(2070, 2100)
            .Build());
    }

    [Fact]
    public void EnglandAndWales_2026_MatchesThePublishedDates()
    {
        // 26 December 2026 is a Saturday, so Boxing Day is observed on Monday 28 December.
        Assert.Equal(
            [D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 4), D(2026, 5, 25), D(2026, 8, 31), D(2026, 12, 25), D(2026, 12, 28)],
            Holidays(UkBankHolidays.EnglandAndWales, 2026));
    }

    [Fact]
    public void EnglandAndWales_ChristmasOnSaturdayAndSunday_MoveToMondayAndTuesday()
    {
        // 2027: Christmas Saturday -> Monday 27, Boxing Day Sunday -> Tuesday 28.
        Assert.Equal([D(2027, 12, 27), D(2027, 12, 28)], Holidays(UkBankHolidays.EnglandAndWales, 2027).Where(d => d.Month == 12));

        // 2022: Christmas Sunday -> Tuesday 27, because Monday 26 is Boxing Day; New Year Saturday -> Monday 3 January.
        var y2022 = Holidays(UkBankHolidays.EnglandAndWales, 2022);
        Assert.Equal([D(2022, 12, 26), D(2022, 12, 27)], y2022.Where(d => d.Month == 12));
        Assert.Equal(D(2022, 1, 3), y2022[0]);
    }

    [Fact]
    public void Scotland_2026_HasSecondJanuaryFirstMondayOfAugustAndStAndrew()
    {
        Assert.Equal(
            [D(2026, 1, 1), D(2026, 1, 2), D(2026, 4, 3), D(2026, 5, 4), D(2026, 5, 25), D(2026, 8, 3), D(2026, 11, 30), D(2026, 12, 25), D(2026, 12, 28)],
            Holidays(UkBankHolidays.Scotland, 2026));
    }

    [Fact]
    public void NorthernIreland_2026_AddsStPatrickAndTheBoyneOnMonday13July()
    {
        var dates = Holidays(UkBankHolidays.NorthernIreland, 2026);

        Assert.Contains(D(2026, 3, 17), dates);
        Assert.Contains(D(2026, 7, 13), dates);
        Assert.DoesNotContain(D(2026, 7, 12), dates);
        Assert.Equal(10, dates.Length);
    }

    [Fact]
    public void NthWeekday_FifthMondayMissing_GivesNoDate_LastWorks()
    {
        Assert.Null(new NthWeekdayHoliday("x", 2, IsoDayOfWeek.Monday, 5).DateIn(2026));
        Assert.Equal(D(2026, 6, 29), new NthWeekdayHoliday("x", 6, IsoDayOfWeek.Monday, 5).DateIn(2026));
        Assert.Equal(D(2026, 5, 31), new NthWeekdayHoliday("x", 5, IsoDayOfWeek.Sunday, NthWeekdayHoliday.Last).DateIn(2026));
    }

    [Fact]
    public void FixedDate_29February_OccursInLeapYearsOnly()
    {
        var rule = new FixedDateHoliday("Leap day", 2, 29);

        Assert.Equal(D(2028, 2, 29), rule.DateIn(2028));
        Assert.Null(rule.DateIn(2026));
    }

    [Theory]
    [InlineData(2, 30, "day")]
    [InlineData(4, 31, "day")]
    [InlineData(13, 1, "month")]
    [InlineData(0, 1, "month")]
    [InlineData(1, 0, "day")]
    public void FixedDate_DayThatDoesNotExist_ThrowsNamingTheField(int month, int day, string field)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new FixedDateHoliday("Bad", month, day));
        Assert.Equal(field, ex.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-2)]
    public void NthWeekday_BadOccurrence_ThrowsNamingOccurrence(int occurrence)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new NthWeekdayHoliday("Bad", 5, IsoDayOfWeek.Monday, occurrence));
        Assert.Equal("occurrence", ex.ParamName);
    }

    [Fact]
    public void Rules_BadNameOrOffset_AreRejected()
    {
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new EasterHoliday(" ", 1)).ParamName);
        Assert.Equal("daysFromEaster", Assert.Throws<ArgumentOutOfRangeException>(() => new EasterHoliday("x", 101)).ParamName);
        Assert.Equal("weekday", Assert.Throws<ArgumentOutOfRangeException>(() => new NthWeekdayHoliday("x", 5, IsoDayOfWeek.None, 1)).ParamName);
    }
}
