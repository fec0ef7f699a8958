using Complaints.Core.Calendars;
using NodaTime;

namespace Complaints.Core.Tests.Calendars;

/// <summary>The calendar over its whole documented range, and named errors for everything outside it.</summary>
public sealed partial class BusinessCalendarTests
{
    public static TheoryData<Instant> OutsideCoverage => new()
    {
        Instant.MaxValue,
        Instant.MinValue,
        Instant.FromUtc(2300, 6, 1, 12, 0),
        Instant.FromUtc(2262, 4, 12, 0, 0),
        Instant.FromUtc(1677, 9, 21, 0, 0),
        Instant.FromUtc(2019, 12, 31, 23, 59),
    };

    [Theory]
    [InlineData("Etc/UTC")]
    [InlineData("Europe/London")]
    [InlineData("Etc/GMT+12")]
    public void AlwaysOpen_WholeDocumentedRange_MeasuresAndAddsAcrossAllOfIt(string zoneId)
    {
        var always = BusinessCalendar.AlwaysOpen(zoneId, BusinessCalendarBuilder.MinYear, BusinessCalendarBuilder.MaxYear);
        var zone = always.Zone;
        var first = zone.AtStartOfDay(new LocalDate(BusinessCalendarBuilder.MinYear, 1, 1)).ToInstant();
        var end = zone.AtStartOfDay(new LocalDate(BusinessCalendarBuilder.MaxYear + 1, 1, 1)).ToInstant();
        var span = end - first;

        Assert.True(span > Duration.FromNanoseconds(long.MaxValue));
        Assert.Equal(span, always.WorkingTimeBetween(first, end));
        Assert.Equal(-span, always.WorkingTimeBetween(end, first));
        Assert.Equal(end, always.AddWorkingTime(first, span));
        Assert.Equal(first + Duration.FromDays(100_000), always.AddWorkingTime(first, Duration.FromDays(100_000)));
        Assert.Equal(end - Duration.Epsilon, always.AddWorkingTime(first + Duration.Epsilon, span - Duration.FromNanoseconds(2)));
        Assert.True(always.IsWorkingTime(end - Duration.Epsilon));
        Assert.Equal(end - Duration.FromHours(1), always.NextWorkingInstant(end - Duration.FromHours(1)));
        Assert.Equal(new LocalDate(2200, 12, 31), always.AddBusinessDays(new LocalDate(1900, 1, 1), Period.DaysBetween(new LocalDate(1900, 1, 1), new LocalDate(2200, 12, 31))));
        Assert.Equal(end, always.AddBusinessDays(first, Period.DaysBetween(new LocalDate(1900, 1, 1), new LocalDate(2200, 12, 31))));
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => always.AddWorkingTime(first, span + Duration.Epsilon)).ParamName);
    }

    [Fact]
    public void WeekdaysAllDayAndNight_WholeDocumentedRange_AddsAcrossAllOfIt()
    {
        var calendar = BusinessCalendar.CreateBuilder("Europe/London")
            .AddWorkingHours([IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday], LocalTime.Midnight, LocalTime.Midnight)
            .AddWorkingHours(IsoDayOfWeek.Sunday, LocalTime.Midnight, new LocalTime(23, 0))
            .Covering(BusinessCalendarBuilder.MinYear, BusinessCalendarBuilder.MaxYear)
            .Build();
        var first = calendar.Zone.AtStartOfDay(new LocalDate(1900, 1, 1)).ToInstant();
        var last = calendar.Zone.AtStartOfDay(new LocalDate(2200, 12, 31)).ToInstant();

        var worked = calendar.WorkingTimeBetween(first, last);

        Assert.True(worked > Duration.FromNanoseconds(long.MaxValue));
        Assert.Equal(worked, calendar.WorkingTimeBetween(first, calendar.AddWorkingTime(first, worked)));
        Assert.Equal(worked - Duration.FromHours(1), calendar.WorkingTimeBetween(first + Duration.FromHours(1), last));
    }

    [Theory]
    [MemberData(nameof(OutsideCoverage))]
    public void Queries_InstantOutsideCoverage_ThrowNamingTheArgumentAndTheCoveredYears(Instant outside)
    {
        var inside = Utc("2026-03-09T10:00:00Z");

        AssertOutside("instant", () => London.IsWorkingTime(outside));
        AssertOutside("instant", () => London.NextWorkingInstant(outside));
        AssertOutside("start", () => London.AddWorkingTime(outside, Duration.FromHours(1)));
        AssertOutside("start", () => London.AddWorkingTime(outside, Duration.Zero));
        AssertOutside("start", () => London.WorkingTimeBetween(outside, inside));
        AssertOutside("end", () => London.WorkingTimeBetween(inside, outside));
        AssertOutside("receivedAt", () => London.AddBusinessDays(outside, 1));
    }

    [Fact]
    public void Queries_DateOutsideCoverage_ThrowNamingTheArgumentAndTheCoveredYears()
    {
        foreach (var date in new[] { LocalDate.MaxIsoValue, LocalDate.MinIsoValue, new LocalDate(2300, 1, 1), new LocalDate(2019, 12, 31) })
        {
            AssertOutside("date", () => London.IsBusinessDay(date));
            AssertOutside("date", () => London.AddBusinessDays(date, 1));
            AssertOutside("businessDay", () => London.CloseOfBusiness(date));
        }
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MaxValue / 2)]
    [InlineData(long.MinValue)]
    [InlineData(-1L)]
    public void AddWorkingTime_AmountOutOfRange_ThrowsNamingAmount(long nanoseconds)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => London.AddWorkingTime(Utc("2026-03-09T10:00:00Z"), Duration.FromNanoseconds(nanoseconds)));

        Assert.Equal("amount", ex.ParamName);
        Assert.Contains(nanoseconds < 0 ? "negative" : "2030", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddWorkingTime_DurationExtremes_ThrowNamingAmount()
    {
        foreach (var amount in new[] { Duration.MaxValue, Duration.MinValue, Duration.FromDays(1 << 23), -Duration.Epsilon })
        {
            Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => London.AddWorkingTime(Utc("2026-03-09T10:00:00Z"), amount)).ParamName);
        }
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    [InlineData(0)]
    public void AddBusinessDays_CountOutOfRange_ThrowsNamingDays(int days)
    {
        Assert.Equal("days", Assert.Throws<ArgumentOutOfRangeException>(() => London.AddBusinessDays(new LocalDate(2026, 3, 9), days)).ParamName);
        Assert.Equal("days", Assert.Throws<ArgumentOutOfRangeException>(() => London.AddBusinessDays(Utc("2026-03-09T10:00:00Z"), days)).ParamName);
    }

    [Fact]
    public void Build_ClosureFarOutsideCoverage_IsIgnored()
    {
        var calendar = BusinessCalendar.CreateBuilder("Etc/UTC")
            .AddWeekdayHours(Nine, Five)
            .AddClosure(CalendarClosure.Days(new LocalDate(9000, 1, 1), new LocalDate(9000, 12, 31)))
            .AddClosure(CalendarClosure.Days(new LocalDate(1, 1, 1), new LocalDate(1, 12, 31)))
            .Covering(2026, 2026)
            .Build();

        Assert.True(calendar.IsWorkingTime(Utc("2026-03-09T10:00:00Z")));
    }

    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Pacific/Kiritimati")]
    public void Build_ClosureReachingTheEdgesOfTime_IsClampedToCoverage(string zoneId)
    {
        var calendar = BusinessCalendar.CreateBuilder(zoneId)
            .AddWeekdayHours(Nine, Five)
            .AddClosure(new CalendarClosure(new LocalDateTime(2026, 6, 1, 0, 0), LocalDateTime.MaxIsoValue))
            .AddClosure(new CalendarClosure(LocalDateTime.MinIsoValue, new LocalDateTime(2026, 1, 5, 0, 0)))
            .Covering(2026, 2026)
            .Build();

        Assert.True(calendar.IsBusinessDay(new LocalDate(2026, 3, 9)));
        Assert.False(calendar.IsBusinessDay(new LocalDate(2026, 1, 2)));
        Assert.False(calendar.IsBusinessDay(new LocalDate(2026, 6, 1)));
    }

    [Fact]
    public void ClosureDays_LastIsTheLastDate_ThrowsNamingLast()
    {
        Assert.Equal("last", Assert.Throws<ArgumentOutOfRangeException>(() => CalendarClosure.Days(new LocalDate(2026, 1, 1), LocalDate.MaxIsoValue)).ParamName);
    }

    private static void AssertOutside(string paramName, Func<object> query)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => query());
        Assert.Equal(paramName, ex.ParamName);
        Assert.Contains("2020–2030", ex.Message, StringComparison.Ordinal);
    }
}
