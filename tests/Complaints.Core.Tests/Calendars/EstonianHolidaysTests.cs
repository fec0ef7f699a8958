using Complaints.Core.Calendars;
using NodaTime;

namespace Complaints.Core.Tests.Calendars;

public sealed class EstonianHolidaysTests
{
    private static readonly DateTimeZone Tallinn = DateTimeZoneProviders.Tzdb["Europe/Tallinn"];
    private static readonly LocalTime Nine = new(9, 0);
    private static readonly LocalTime Five = new(17, 0);

    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static Instant At(LocalDateTime local) => local.InZoneStrictly(Tallinn).ToInstant();

    private static LocalDate[] Holidays(int year) => HolidayRuleTests.Holidays(EstonianHolidays.PublicHolidays, year);

    private static BusinessCalendarBuilder Tallinn2024() =>
        BusinessCalendar.CreateBuilder(Tallinn).Covering(2024, 2025).AddWeekdayHours(Nine, Five).AddHolidays(EstonianHolidays.PublicHolidays);

    /// <summary>
    /// The days of rest under §§ 1–2 of the Public Holidays and Days of National Importance Act. 2024 (Easter Sunday
    /// 31 March): ERR (err.ee, December 2023) gives 1 May as a Wednesday, Midsummer Day a Monday, 20 August a Tuesday and
    /// 24 December a Tuesday, and Postimees 24 February as a Saturday. 2025: Easter Sunday 20 April.
    /// </summary>
    public static TheoryData<int, LocalDate[]> OfficialLists => new()
    {
        {
            2024,
            [
                D(2024, 1, 1), D(2024, 2, 24), D(2024, 3, 29), D(2024, 3, 31), D(2024, 5, 1), D(2024, 5, 19),
                D(2024, 6, 23), D(2024, 6, 24), D(2024, 8, 20), D(2024, 12, 24), D(2024, 12, 25), D(2024, 12, 26),
            ]
        },
        {
            2025,
            [
                D(2025, 1, 1), D(2025, 2, 24), D(2025, 4, 18), D(2025, 4, 20), D(2025, 5, 1), D(2025, 6, 8),
                D(2025, 6, 23), D(2025, 6, 24), D(2025, 8, 20), D(2025, 12, 24), D(2025, 12, 25), D(2025, 12, 26),
            ]
        },
    };

    [Theory]
    [MemberData(nameof(OfficialLists))]
    public void PublicHolidays_Year_AreTheOfficialList(int year, LocalDate[] official)
    {
        Assert.Equal(official, Holidays(year));
    }

    [Fact]
    public void PublicHolidays_ChristmasEve_KeptFrom2005()
    {
        Assert.DoesNotContain(D(2004, 12, 24), Holidays(2004));
        Assert.Contains(D(2005, 12, 24), Holidays(2005));
        Assert.Equal(11, Holidays(2004).Length);
    }

    [Fact]
    public void PublicHolidays_OnAWeekend_AreNotMoved()
    {
        // 24 February 2024 is a Saturday: no substitute on Monday 26 February.
        var calendar = Tallinn2024().Build();

        Assert.True(calendar.IsHoliday(D(2024, 2, 24)));
        Assert.True(calendar.IsBusinessDay(D(2024, 2, 26)));
        Assert.All(EstonianHolidays.PublicHolidays, r => Assert.Equal(HolidaySubstitution.None, r.Substitution));
    }

    [Fact]
    public void Calendar_2024_BusinessDaysAreTheWeekdaysLessTheWeekdayHolidays()
    {
        // 262 weekdays in 2024, less 1 January, Good Friday, 1 May, 24 June, 20 August and 24–26 December.
        var calendar = Tallinn2024().Build();
        var days = Enumerable.Range(0, 366).Select(i => D(2024, 1, 1).PlusDays(i)).Count(calendar.IsBusinessDay);

        Assert.Equal(254, days);
    }

    /// <summary>
    /// The shortened days of 2024 listed by teadmiseks.ee (23.02, 22.06, 23.12, 31.12.2024), of which 22 June is a
    /// Saturday and so not worked on a Monday-to-Friday week.
    /// </summary>
    [Fact]
    public void ShortenedDays_2024_EndThreeHoursEarlyOnTheWeekdays()
    {
        var shortened = new EstonianShortenedDays(Nine, Five);
        var calendar = Tallinn2024().AddWorkingDayProvider(shortened).Build();

        Assert.Equal([D(2024, 2, 23), D(2024, 6, 22), D(2024, 12, 23), D(2024, 12, 31)], EstonianShortenedDays.DatesIn(2024));
        Assert.Equal([D(2024, 2, 23), D(2024, 12, 23), D(2024, 12, 31)], shortened.GetWorkingDays(2024).Select(w => w.Date));
        Assert.Equal(new LocalTime(14, 0), shortened.ShortenedEnd);
        Assert.Equal(At(D(2024, 2, 23).At(new LocalTime(14, 0))), calendar.CloseOfBusiness(D(2024, 2, 23)));
        Assert.Equal(At(D(2024, 12, 31).At(new LocalTime(14, 0))), calendar.CloseOfBusiness(D(2024, 12, 31)));
        Assert.Equal(At(D(2024, 2, 22).At(Five)), calendar.CloseOfBusiness(D(2024, 2, 22)));
        Assert.False(calendar.IsBusinessDay(D(2024, 6, 22)));
    }

    [Fact]
    public void ShortenedDays_FridayBeforeASundayHoliday_KeepsItsHours()
    {
        // 23 February 2025 is a Sunday, so nothing is shortened before Independence Day 2025 (Labour Inspectorate, tooelu.ee).
        var calendar = Tallinn2024().AddWorkingDayProvider(new EstonianShortenedDays(Nine, Five)).Build();

        Assert.Equal(At(D(2025, 2, 21).At(Five)), calendar.CloseOfBusiness(D(2025, 2, 21)));
        Assert.Equal(At(D(2025, 12, 23).At(new LocalTime(14, 0))), calendar.CloseOfBusiness(D(2025, 12, 23)));
    }

    [Fact]
    public void ShortenedDays_Before2005_Not23December()
    {
        Assert.DoesNotContain(D(2004, 12, 23), EstonianShortenedDays.DatesIn(2004));
        Assert.Contains(D(2005, 12, 23), EstonianShortenedDays.DatesIn(2005));
    }

    [Fact]
    public void ShortenedDays_EndAtMidnight_EndsAt21()
    {
        Assert.Equal(new LocalTime(21, 0), new EstonianShortenedDays(new LocalTime(16, 0), LocalTime.Midnight).ShortenedEnd);
    }

    [Theory]
    [InlineData(9, 12)]
    [InlineData(9, 11)]
    [InlineData(17, 9)]
    public void ShortenedDays_DayOfThreeHoursOrLess_ThrowsNamingEnd(int start, int end)
    {
        var ex = Assert.Throws<ArgumentException>(() => new EstonianShortenedDays(new LocalTime(start, 0), new LocalTime(end, 0)));
        Assert.Equal("end", ex.ParamName);
    }

    [Fact]
    public void ShortenedDays_DatesIn_YearOutOfRange_ThrowsNamingYear()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => EstonianShortenedDays.DatesIn(0));
        Assert.Equal("year", ex.ParamName);
    }
}
