using Complaints.Core.Calendars;
using NodaTime;
using NodaTime.Calendars;

namespace Complaints.Core.Tests.Calendars;

public sealed class CalendarSystemHolidayTests
{
    private const int Farvardin = 1;
    private const int Esfand = 12;
    private const int Muharram = 1;
    private const int Shawwal = 10;

    private static readonly CalendarSystemHoliday Nowruz = new("Nowruz", CalendarSystem.PersianAstronomical, Farvardin, 1, days: 4);

    private static readonly CalendarSystemHoliday EidAlFitr = new("Eid al-Fitr", CalendarSystem.UmAlQura, Shawwal, 1, isEstimate: true);

    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void DatesIn_Nowruz_MatchesThePublishedStartsOf1403And1404()
    {
        // 1 Farvardin 1403 was Wednesday 20 March 2024; 1403 was a leap year, so 1404 began on Friday 21 March 2025.
        Assert.Equal([D(2024, 3, 20), D(2024, 3, 21), D(2024, 3, 22), D(2024, 3, 23)], Nowruz.DatesIn(2024));
        Assert.Equal([D(2025, 3, 21), D(2025, 3, 22), D(2025, 3, 23), D(2025, 3, 24)], Nowruz.DatesIn(2025));
        Assert.Equal(D(2025, 3, 21), Nowruz.DateIn(2025));
    }

    [Fact]
    public void DatesIn_EidAlFitrOnUmmAlQura_MatchesThePublishedDatesOf1445And1446()
    {
        Assert.Equal([D(2024, 4, 10)], EidAlFitr.DatesIn(2024));
        Assert.Equal([D(2025, 3, 30)], EidAlFitr.DatesIn(2025));
        Assert.True(EidAlFitr.IsEstimate);
        Assert.False(Nowruz.IsEstimate);
    }

    [Fact]
    public void DatesIn_IslamicNewYearIn2008_FallsTwice()
    {
        // 1 Muharram 1429 was 10 January 2008 and 1 Muharram 1430 was 29 December 2008.
        var newYear = new CalendarSystemHoliday("Islamic New Year", CalendarSystem.UmAlQura, Muharram, 1);

        Assert.Equal([D(2008, 1, 10), D(2008, 12, 29)], newYear.DatesIn(2008));
        Assert.Equal(D(2008, 1, 10), newYear.DateIn(2008));
        Assert.Equal([D(2008, 1, 10), D(2008, 12, 29)], HolidayRuleTests.Holidays([newYear], 2008));
    }

    [Fact]
    public void DatesIn_ThirtiethOfEsfand_OnlyInLeapYears()
    {
        var rule = new CalendarSystemHoliday("30 Esfand", CalendarSystem.PersianAstronomical, Esfand, 30);

        Assert.Equal([D(2025, 3, 20)], rule.DatesIn(2025)); // the last day of leap year 1403
        Assert.Empty(rule.DatesIn(2024)); // 1402 had 29 days in Esfand
        Assert.Null(rule.DateIn(2024));
    }

    [Fact]
    public void DatesIn_SpanAcrossNewYear_GivesEachDayInItsOwnYear()
    {
        var rule = new CalendarSystemHoliday("Year end", CalendarSystem.Gregorian, 12, 30, days: 4);

        Assert.Equal([D(2025, 1, 1), D(2025, 1, 2), D(2025, 12, 30), D(2025, 12, 31)], rule.DatesIn(2025));
    }

    [Fact]
    public void DatesIn_TabularIslamic_IsItsOwnArithmetic()
    {
        var tabular = CalendarSystem.GetIslamicCalendar(IslamicLeapYearPattern.Base16, IslamicEpoch.Civil);
        var rule = new CalendarSystemHoliday("Eid al-Fitr", tabular, Shawwal, 1, isEstimate: true);

        var date = Assert.Single(rule.DatesIn(2025));
        Assert.Equal(new LocalDate(1446, Shawwal, 1, tabular), date.WithCalendar(tabular));
    }

    [Fact]
    public void DatesIn_YearOutsideTheCalendarSystem_ThrowsNamingYear()
    {
        Assert.Equal(1901, EidAlFitr.FirstIsoYear);
        Assert.Equal(2076, EidAlFitr.LastIsoYear);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => EidAlFitr.DatesIn(2077));
        Assert.Equal("year", ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => EidAlFitr.DatesIn(1900));
    }

    [Theory]
    [InlineData(13, 1, 1, "month")]
    [InlineData(0, 1, 1, "month")]
    [InlineData(1, 32, 1, "day")]
    [InlineData(7, 31, 1, "day")]
    [InlineData(1, 0, 1, "day")]
    [InlineData(1, 1, 0, "days")]
    [InlineData(1, 1, CalendarSystemHoliday.MaxDays + 1, "days")]
    public void Constructor_InvalidPersianDate_ThrowsNamingTheField(int month, int day, int days, string field)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new CalendarSystemHoliday("x", CalendarSystem.PersianAstronomical, month, day, days));

        Assert.Equal(field, ex.ParamName);
    }

    [Fact]
    public void Constructor_NullCalendarOrBlankName_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new CalendarSystemHoliday("x", null!, 1, 1));
        Assert.ThrowsAny<ArgumentException>(() => new CalendarSystemHoliday(" ", CalendarSystem.UmAlQura, 1, 1));
    }

    [Fact]
    public void Build_RuleInACalendarSystemThatDoesNotReachTheCoveredYears_ThrowsNamingTheRule()
    {
        var builder = BusinessCalendar.CreateBuilder("Asia/Riyadh")
            .AddWeekdayHours(new LocalTime(8, 0), new LocalTime(16, 0))
            .AddHolidays([EidAlFitr]); // the default range, 2000 to 2100, goes past Hijri 1500

        var ex = Assert.Throws<ArgumentException>(builder.Build);

        Assert.Equal("holidays", ex.ParamName);
        Assert.Contains("Eid al-Fitr", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2076", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TehranCalendarWithNowruz_IsClosedFor1To4Farvardin()
    {
        var tehran = BusinessCalendar.CreateBuilder("Asia/Tehran")
            .AddWeekdayHours(new LocalTime(8, 0), new LocalTime(16, 0))
            .AddHolidays([Nowruz])
            .Covering(2024, 2030)
            .Build();

        Assert.False(tehran.IsHoliday(D(2025, 3, 20)));
        Assert.All(Enumerable.Range(21, 4), d => Assert.True(tehran.IsHoliday(D(2025, 3, d))));
        Assert.False(tehran.IsHoliday(D(2025, 3, 25)));
        Assert.Equal(D(2025, 3, 25), tehran.AddBusinessDays(D(2025, 3, 20), 1)); // Friday 21 to Monday 24 are all Nowruz
    }

    [Fact]
    public void DatesIn_GregorianRules_GiveTheirOneDate()
    {
        Assert.Equal([D(2026, 12, 25)], new FixedDateHoliday("Christmas", 12, 25).DatesIn(2026));
        Assert.Empty(new FixedDateHoliday("Leap day", 2, 29).DatesIn(2026));
    }
}
