using Complaints.Core.Calendars;
using NodaTime;

namespace Complaints.Core.Tests.Calendars;

/// <summary>The calendar builds a year's tables when a query first reaches into it, keeps only those, and gives the same answers from any thread.</summary>
public sealed class BusinessCalendarYearTablesTests
{
    private static readonly LocalTime Nine = new(9, 0);
    private static readonly LocalTime Five = new(17, 0);

    private static BusinessCalendar London() => BusinessCalendar.CreateBuilder("Europe/London")
        .AddWeekdayHours(Nine, Five)
        .AddHolidays(UkBankHolidays.EnglandAndWales)
        .Build();

    [Fact]
    public void Build_BuildsNoYear_AndAQueryBuildsOnlyTheYearsItEndsIn()
    {
        var calendar = London();
        Assert.Equal(0, calendar.BuiltYears);

        // 15 business days from 16 December 2026 end on 11 January 2027: two years' tables.
        Assert.Equal(Instant.FromUtc(2027, 1, 11, 17, 0), calendar.AddBusinessDays(Instant.FromUtc(2026, 12, 16, 14, 30), 15));
        Assert.Equal(2, calendar.BuiltYears);

        // Fifty years of working time read the years in between from their totals, without keeping their tables.
        var between = calendar.WorkingTimeBetween(Instant.FromUtc(2030, 6, 1, 0, 0), Instant.FromUtc(2080, 6, 1, 0, 0));
        Assert.Equal(4, calendar.BuiltYears);
        Assert.Equal(between, calendar.WorkingTimeBetween(Instant.FromUtc(2030, 6, 1, 0, 0), Instant.FromUtc(2080, 6, 1, 0, 0)));
    }

    [Fact]
    public void AnOvernightShiftOnNewYearsEve_BelongsToTheOldYearAndIsCountedOnce()
    {
        // Friday 31 December 2027 22:00 to Saturday 1 January 2028 06:00, and a Saturday shift from 04:00 that overlaps it.
        var calendar = BusinessCalendar.CreateBuilder("Etc/UTC")
            .AddWorkingHours(IsoDayOfWeek.Friday, new LocalTime(22, 0), new LocalTime(6, 0))
            .AddWorkingDay(new LocalDate(2028, 1, 1), new LocalTime(4, 0), new LocalTime(8, 0))
            .Covering(2027, 2028)
            .Build();
        var eve = Instant.FromUtc(2027, 12, 31, 22, 0);

        Assert.True(calendar.IsWorkingTime(Instant.FromUtc(2028, 1, 1, 5, 0)));
        Assert.Equal(Duration.FromHours(10), calendar.WorkingTimeBetween(eve, Instant.FromUtc(2028, 1, 1, 9, 0)));
        Assert.Equal(Duration.FromHours(3), calendar.WorkingTimeBetween(Instant.FromUtc(2028, 1, 1, 5, 0), Instant.FromUtc(2028, 1, 2, 0, 0)));
        Assert.Equal(Instant.FromUtc(2028, 1, 1, 7, 0), calendar.AddWorkingTime(eve, Duration.FromHours(9)));
        Assert.Equal(Instant.FromUtc(2028, 1, 1, 1, 0), calendar.AddWorkingTime(Instant.FromUtc(2028, 1, 1, 0, 0), Duration.FromHours(1)));
        Assert.Equal(Instant.FromUtc(2028, 1, 1, 5, 0), calendar.NextWorkingInstant(Instant.FromUtc(2028, 1, 1, 5, 0)));
        Assert.True(calendar.IsBusinessDay(new LocalDate(2028, 1, 1)));
        Assert.Equal(Instant.FromUtc(2028, 1, 1, 8, 0), calendar.CloseOfBusiness(new LocalDate(2028, 1, 1)));
        Assert.Equal(Instant.FromUtc(2028, 1, 1, 6, 0), calendar.CloseOfBusiness(new LocalDate(2027, 12, 31)));
    }

    /// <summary>Friday 31 December 2027 22:00 to Saturday 1 January 2028 06:00, with one closure, in UTC.</summary>
    private static BusinessCalendar NewYearsEveShift(LocalDateTime closedFrom, LocalDateTime closedTo) => BusinessCalendar.CreateBuilder("Etc/UTC")
        .AddWorkingHours(IsoDayOfWeek.Friday, new LocalTime(22, 0), new LocalTime(6, 0))
        .AddClosure(new CalendarClosure(closedFrom, closedTo))
        .Covering(2027, 2028)
        .Build();

    [Fact]
    public void AClosureInsideTheNewYearPartOfAnOvernightShift_IsNotWorkingTime()
    {
        // Closed from 00:30 to 01:00 on New Year's Day.
        var calendar = NewYearsEveShift(new LocalDateTime(2028, 1, 1, 0, 30), new LocalDateTime(2028, 1, 1, 1, 0));
        var newYear = Instant.FromUtc(2028, 1, 1, 0, 0);

        Assert.False(calendar.IsWorkingTime(Instant.FromUtc(2028, 1, 1, 0, 45)));
        Assert.Equal(Instant.FromUtc(2028, 1, 1, 1, 0), calendar.NextWorkingInstant(Instant.FromUtc(2028, 1, 1, 0, 45)));
        Assert.Equal(Duration.FromMinutes(330), calendar.WorkingTimeBetween(newYear, Instant.FromUtc(2028, 1, 1, 7, 0)));
        Assert.Equal(Duration.FromMinutes(450), calendar.WorkingTimeBetween(Instant.FromUtc(2027, 12, 31, 12, 0), Instant.FromUtc(2028, 1, 1, 7, 0)));
        Assert.Equal(Instant.FromUtc(2028, 1, 1, 1, 30), calendar.AddWorkingTime(newYear, Duration.FromHours(1)));
        Assert.Equal(Instant.FromUtc(2028, 1, 1, 1, 30), calendar.AddWorkingTime(Instant.FromUtc(2027, 12, 31, 12, 0), Duration.FromHours(3)));
    }

    [Fact]
    public void AnOvernightShiftClosedUntilAfterMidnight_LeavesNoWorkingTimeBeforeTheClosureEnds()
    {
        // Closed from 21:00 on New Year's Eve until 01:00: only 01:00 to 06:00 is worked.
        var calendar = NewYearsEveShift(new LocalDateTime(2027, 12, 31, 21, 0), new LocalDateTime(2028, 1, 1, 1, 0));
        var newYear = Instant.FromUtc(2028, 1, 1, 0, 0);
        var noon = Instant.FromUtc(2027, 12, 31, 12, 0);

        Assert.False(calendar.IsWorkingTime(Instant.FromUtc(2028, 1, 1, 0, 30)));
        Assert.Equal(Instant.FromUtc(2028, 1, 1, 1, 0), calendar.NextWorkingInstant(newYear));
        Assert.Equal(Duration.Zero, calendar.WorkingTimeBetween(noon, newYear));
        Assert.Equal(Duration.FromHours(5), calendar.WorkingTimeBetween(newYear, Instant.FromUtc(2028, 1, 2, 0, 0)));
        Assert.Equal(Instant.FromUtc(2028, 1, 1, 2, 0), calendar.AddWorkingTime(newYear, Duration.FromHours(1)));
        Assert.Equal(Instant.FromUtc(2028, 1, 1, 2, 0), calendar.AddWorkingTime(noon, Duration.FromHours(1)));
    }

    [Fact]
    public void ManyThreadsOnAFreshCalendar_GetTheAnswersOfOneThread()
    {
        var queries = Enumerable.Range(0, 400)
            .Select(i => (Start: Instant.FromUtc(2000 + (i * 37 % 100), 1 + (i % 12), 1 + (i % 28), i % 24, 0), Days: 1 + (i % 300)))
            .ToArray();
        var serial = London();
        var expected = queries
            .Select(q => (serial.AddBusinessDays(q.Start, q.Days), serial.AddWorkingTime(q.Start, Duration.FromHours(q.Days)), serial.IsWorkingTime(q.Start)))
            .ToArray();

        for (var round = 0; round < 3; round++)
        {
            var shared = London();
            var results = new (Instant, Instant, bool)[queries.Length];
            Parallel.For(0, queries.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            {
                var q = queries[i];
                results[i] = (shared.AddBusinessDays(q.Start, q.Days), shared.AddWorkingTime(q.Start, Duration.FromHours(q.Days)), shared.IsWorkingTime(q.Start));
            });

            Assert.Equal(expected, results);
        }
    }
}
