using Complaints.Core.Calendars;
using NodaTime;
using NodaTime.Text;

namespace Complaints.Core.Tests.Calendars;

public sealed partial class BusinessCalendarTests
{
    private static readonly LocalTime Nine = new(9, 0);
    private static readonly LocalTime Five = new(17, 0);

    private static readonly BusinessCalendar London = BusinessCalendar.CreateBuilder("Europe/London")
        .AddWeekdayHours(Nine, Five)
        .AddHolidays(UkBankHolidays.EnglandAndWales)
        .Covering(2020, 2030)
        .Build();

    private static readonly BusinessCalendar NewYork = BusinessCalendar.CreateBuilder("America/New_York")
        .AddWeekdayHours(Nine, Five)
        .Covering(2025, 2027)
        .Build();

    private static Instant Utc(string text) => InstantPattern.ExtendedIso.Parse(text).GetValueOrThrow();

    [Fact]
    public void AddWorkingTime_FridayEveningReceipt_StartsCountingMondayMorning()
    {
        // Fri 6 March 2026 18:30 GMT is after close; one working hour is Mon 9 March 09:00–10:00 GMT.
        Assert.Equal(Utc("2026-03-09T10:00:00Z"), London.AddWorkingTime(Utc("2026-03-06T18:30:00Z"), Duration.FromHours(1)));
    }

    [Fact]
    public void AddWorkingTime_AcrossSpringForwardInLondon_CountsLocalHours()
    {
        // Fri 27 March 2026 16:00 GMT: one hour left that day. Clocks go forward on Sunday 29 March, so Monday opens at
        // 09:00 BST = 08:00Z; the second hour ends 10:00 BST = 09:00Z.
        Assert.Equal(Utc("2026-03-30T09:00:00Z"), London.AddWorkingTime(Utc("2026-03-27T16:00:00Z"), Duration.FromHours(2)));
        Assert.Equal(Duration.FromHours(16), London.WorkingTimeBetween(Utc("2026-03-26T09:00:00Z"), Utc("2026-03-27T17:00:00Z")));
    }

    [Fact]
    public void AddWorkingTime_AcrossFallBackInNewYork_CountsLocalHours()
    {
        // Fri 30 Oct 2026 16:00 EDT (20:00Z). Clocks go back on Sunday 1 November; Monday 09:00 EST = 14:00Z.
        Assert.Equal(Utc("2026-11-02T15:00:00Z"), NewYork.AddWorkingTime(Utc("2026-10-30T20:00:00Z"), Duration.FromHours(2)));
    }

    [Fact]
    public void AlwaysOpen_InLondon_SpringForwardDayHas23HoursAndAutumnDay25()
    {
        var always = BusinessCalendar.AlwaysOpen("Europe/London", 2026, 2026);

        // Sunday 29 March 2026 00:00 GMT to Monday 30 March 00:00 BST (23:00Z).
        Assert.Equal(Duration.FromHours(23), always.WorkingTimeBetween(Utc("2026-03-29T00:00:00Z"), Utc("2026-03-29T23:00:00Z")));
        Assert.Equal(Utc("2026-03-29T23:00:00Z"), always.AddBusinessDays(Utc("2026-03-28T12:00:00Z"), 1));

        // Sunday 25 October 2026 00:00 BST (23:00Z on the 24th) to Monday 00:00 GMT: 25 hours.
        Assert.Equal(Utc("2026-10-26T00:00:00Z"), always.AddBusinessDays(Utc("2026-10-24T12:00:00Z"), 1));
        Assert.Equal(Duration.FromHours(25), always.WorkingTimeBetween(Utc("2026-10-24T23:00:00Z"), Utc("2026-10-26T00:00:00Z")));
        Assert.True(always.IsAlwaysOpen);
    }

    [Fact]
    public void NightShift_AcrossFallBack_WorksTheRepeatedHourOnce()
    {
        // Saturday 24 October 2026 22:00 BST (21:00Z) to Sunday 06:00 GMT (06:00Z): 9 real hours.
        var nights = BusinessCalendar.CreateBuilder("Europe/London")
            .AddWorkingHours(IsoDayOfWeek.Saturday, new LocalTime(22, 0), new LocalTime(6, 0))
            .Covering(2026, 2026)
            .Build();

        Assert.Equal(Duration.FromHours(9), nights.WorkingTimeBetween(Utc("2026-10-24T12:00:00Z"), Utc("2026-10-25T12:00:00Z")));
        Assert.Equal(Utc("2026-10-25T06:00:00Z"), nights.CloseOfBusiness(new LocalDate(2026, 10, 24)));
    }

    [Fact]
    public void ShiftStartingInTheSpringGap_StartsWhenTheClockJumps()
    {
        // 01:30 on Sunday 29 March 2026 does not exist in London; the shift starts at 02:00 BST (01:00Z).
        var early = BusinessCalendar.CreateBuilder("Europe/London")
            .AddWorkingHours(IsoDayOfWeek.Sunday, new LocalTime(1, 30), new LocalTime(3, 0))
            .Covering(2026, 2026)
            .Build();

        Assert.Equal(Utc("2026-03-29T01:00:00Z"), early.NextWorkingInstant(Utc("2026-03-29T00:00:00Z")));
        Assert.Equal(Duration.FromHours(1), early.WorkingTimeBetween(Utc("2026-03-28T00:00:00Z"), Utc("2026-03-30T00:00:00Z")));
    }

    [Fact]
    public void IntervalCrossingMidnight_AddsAcrossTheDayBoundary()
    {
        var nights = BusinessCalendar.CreateBuilder("Etc/UTC")
            .AddWeekdayHours(new LocalTime(22, 0), new LocalTime(6, 0))
            .Covering(2026, 2026)
            .Build();

        // Tue 3 March 2026 04:00 is inside Monday's shift; 2 hours to 06:00, then Tuesday's shift from 22:00.
        Assert.Equal(Utc("2026-03-04T00:00:00Z"), nights.AddWorkingTime(Utc("2026-03-03T04:00:00Z"), Duration.FromHours(4)));
        Assert.True(nights.IsWorkingTime(Utc("2026-03-03T05:59:59Z")));
        Assert.False(nights.IsWorkingTime(Utc("2026-03-03T06:00:00Z")));
    }

    [Fact]
    public void ChristmasAndNewYearRun_ThirdBusinessDayAfterReceipt()
    {
        // Received Wed 23 Dec 2026. Business days after it: Thu 24 (1), [Fri 25, Sat, Sun, Mon 28 closed], Tue 29 (2),
        // Wed 30 (3). Close of business Wed 30 December 17:00 GMT.
        Assert.Equal(new LocalDate(2026, 12, 30), London.AddBusinessDays(new LocalDate(2026, 12, 23), 3));
        Assert.Equal(Utc("2026-12-30T17:00:00Z"), London.AddBusinessDays(Utc("2026-12-23T10:00:00Z"), 3));
        Assert.False(London.IsBusinessDay(new LocalDate(2026, 12, 28)));
        Assert.True(London.IsHoliday(new LocalDate(2027, 1, 1)));
        Assert.Equal(new LocalDate(2027, 1, 4), London.AddBusinessDays(new LocalDate(2026, 12, 31), 1));
    }

    [Fact]
    public void WeekendReceipt_FirstBusinessDayIsMonday()
    {
        Assert.Equal(Utc("2026-03-09T17:00:00Z"), London.AddBusinessDays(Utc("2026-03-07T11:00:00Z"), 1));
        Assert.Equal(Utc("2026-03-09T09:00:00Z"), London.NextWorkingInstant(Utc("2026-03-07T11:00:00Z")));
    }

    [Fact]
    public void PartDayClosure_ShortensTheDay_AndWholeDayClosureRemovesIt()
    {
        var calendar = BusinessCalendar.CreateBuilder("Europe/London")
            .AddWeekdayHours(Nine, Five)
            .AddClosure(new CalendarClosure(new LocalDateTime(2026, 12, 24, 13, 0), new LocalDateTime(2026, 12, 24, 17, 0), "Christmas Eve"))
            .AddClosure(CalendarClosure.Days(new LocalDate(2026, 12, 29), new LocalDate(2026, 12, 29), "Stocktake"))
            .Covering(2026, 2027)
            .Build();

        Assert.Equal(Utc("2026-12-24T13:00:00Z"), calendar.CloseOfBusiness(new LocalDate(2026, 12, 24)));
        Assert.False(calendar.IsBusinessDay(new LocalDate(2026, 12, 29)));
        Assert.Equal(Duration.FromHours(4), calendar.WorkingTimeBetween(Utc("2026-12-24T00:00:00Z"), Utc("2026-12-25T00:00:00Z")));
    }

    [Fact]
    public void HolidayProvider_AddsOneOffDates()
    {
        var calendar = BusinessCalendar.CreateBuilder("Europe/London")
            .AddWeekdayHours(Nine, Five)
            .AddHolidays(UkBankHolidays.EnglandAndWales)
            .AddHolidayProvider(new FixedProvider(new LocalDate(2023, 5, 8)))
            .Covering(2023, 2023)
            .Build();

        Assert.True(calendar.IsHoliday(new LocalDate(2023, 5, 8)));
        Assert.Equal(new LocalDate(2023, 5, 9), calendar.AddBusinessDays(new LocalDate(2023, 5, 5), 1));
    }

    [Fact]
    public void WorkingTimeBetween_Reversed_IsNegative()
    {
        var a = Utc("2026-03-09T10:00:00Z");
        var b = Utc("2026-03-09T12:00:00Z");

        Assert.Equal(Duration.FromHours(-2), London.WorkingTimeBetween(b, a));
    }

    [Fact]
    public void BadInput_IsRejectedNamingTheField()
    {
        Assert.Equal("zoneId", Assert.Throws<ArgumentException>(() => BusinessCalendar.CreateBuilder("Mars/Olympus")).ParamName);
        Assert.Equal("weeklyHours", Assert.Throws<ArgumentException>(() => BusinessCalendar.CreateBuilder("Etc/UTC").Build()).ParamName);

        var overlap = Assert.Throws<ArgumentException>(() => BusinessCalendar.CreateBuilder("Etc/UTC")
            .AddWorkingHours(IsoDayOfWeek.Monday, new LocalTime(22, 0), new LocalTime(6, 0))
            .AddWorkingHours(IsoDayOfWeek.Tuesday, new LocalTime(5, 0), new LocalTime(9, 0)));
        Assert.Contains("overlaps Monday 22:00–06:00", overlap.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => BusinessCalendar.CreateBuilder("Etc/UTC")
            .AddWorkingHours(IsoDayOfWeek.Sunday, new LocalTime(20, 0), new LocalTime(2, 0))
            .AddWorkingHours(IsoDayOfWeek.Monday, new LocalTime(1, 0), new LocalTime(3, 0)));

        var allClosed = Assert.Throws<ArgumentException>(() => BusinessCalendar.CreateBuilder("Etc/UTC")
            .AddWorkingHours(IsoDayOfWeek.Monday, Nine, Five)
            .AddClosure(CalendarClosure.Days(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)))
            .Covering(2026, 2026)
            .Build());
        Assert.Contains("no working time", allClosed.Message, StringComparison.Ordinal);

        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => London.AddWorkingTime(Utc("2026-03-09T10:00:00Z"), Duration.FromHours(-1))).ParamName);
        Assert.Equal("days", Assert.Throws<ArgumentOutOfRangeException>(() => London.AddBusinessDays(new LocalDate(2026, 3, 9), 0)).ParamName);
        Assert.Equal("start", Assert.Throws<ArgumentOutOfRangeException>(() => London.AddWorkingTime(Utc("2035-03-09T10:00:00Z"), Duration.FromHours(1))).ParamName);
        Assert.Equal("businessDay", Assert.Throws<ArgumentOutOfRangeException>(() => London.CloseOfBusiness(new LocalDate(2026, 3, 7))).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new CalendarClosure(new LocalDateTime(2026, 1, 2, 0, 0), new LocalDateTime(2026, 1, 1, 0, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => BusinessCalendar.CreateBuilder("Etc/UTC").Covering(2030, 2020));
    }

    [Fact]
    public void Builder_RefusesReuseAfterBuild()
    {
        var builder = BusinessCalendar.CreateBuilder("Etc/UTC").AddWeekdayHours(Nine, Five).Covering(2026, 2026);
        builder.Build();

        Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Throws<InvalidOperationException>(() => builder.AddWeekdayHours(new LocalTime(18, 0), new LocalTime(19, 0)));
    }

    internal sealed class FixedProvider(params LocalDate[] dates) : IHolidayProvider
    {
        public IEnumerable<LocalDate> GetHolidays(int year) => dates.Where(d => d.Year == year);
    }

    [Theory]
    [InlineData("Pacific/Apia", 2000, 2100)]
    [InlineData("Pacific/Fakaofo", 2000, 2100)]
    [InlineData("Pacific/Kiritimati", 1900, 2200)]
    [InlineData("Pacific/Kwajalein", 1900, 2200)]
    public void Build_ZoneThatSkipsAWholeDay_Builds_AndTheSkippedDayHasNoTime(string zoneId, int firstYear, int lastYear)
    {
        var open = BusinessCalendar.AlwaysOpen(zoneId, firstYear, lastYear);
        var weekdays = BusinessCalendar.CreateBuilder(zoneId).Covering(firstYear, lastYear)
            .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0)).Build();

        Assert.Equal(firstYear, open.FirstYear);
        Assert.Equal(lastYear, weekdays.LastYear);
    }

    [Fact]
    public void AddBusinessDays_AcrossSamoasSkippedDay_CountsOnlyDaysThatExist()
    {
        // Samoa skipped Friday 30 December 2011, moving across the date line.
        var calendar = BusinessCalendar.CreateBuilder("Pacific/Apia")
            .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0)).Build();

        Assert.Equal(new LocalDate(2012, 1, 3), calendar.AddBusinessDays(new LocalDate(2011, 12, 28), 3));
    }
}
