using Complaints.Core.Calendars;
using NodaTime;

namespace Complaints.Core.Tests.Calendars;

public sealed class WorkingDayOverrideTests
{
    private static readonly LocalDate Saturday2November2024 = new(2024, 11, 2);
    private static readonly LocalTime Nine = new(9, 0);
    private static readonly LocalTime Five = new(17, 0);
    private static readonly DateTimeZone Moscow = DateTimeZoneProviders.Tzdb["Europe/Moscow"];

    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static Instant At(LocalDateTime local) => local.InZoneStrictly(Moscow).ToInstant();

    /// <summary>A Moscow calendar, Monday to Friday 09:00–18:00, with National Unity Day (4 November).</summary>
    private static BusinessCalendarBuilder Moscow2024() =>
        BusinessCalendar.CreateBuilder(Moscow).Covering(2024, 2025)
            .AddWeekdayHours(Nine, new LocalTime(18, 0))
            .AddHolidays([new FixedDateHoliday("National Unity Day", 11, 4)]);

    /// <summary>
    /// Decree of the Government of the Russian Federation of 10 August 2023 No. 1314: the day off moves from Saturday
    /// 2 November 2024, which is worked, to Monday 30 December 2024.
    /// </summary>
    private sealed class Decree2024 : IHolidayProvider, IWorkingDayProvider
    {
        public IEnumerable<LocalDate> GetHolidays(int year) => year == 2024 ? [D(2024, 12, 30)] : [];

        public IEnumerable<WorkingDayOverride> GetWorkingDays(int year) =>
            year == 2024 ? [new WorkingDayOverride(Saturday2November2024, Nine, Five)] : [];
    }

    [Fact]
    public void AddWorkingDay_TransferredSaturday_IsABusinessDayWithItsHours()
    {
        var without = Moscow2024().Build();
        var with = Moscow2024().AddWorkingDay(Saturday2November2024, Nine, Five).Build();

        Assert.False(without.IsBusinessDay(Saturday2November2024));
        Assert.True(with.IsBusinessDay(Saturday2November2024));
        Assert.False(with.IsHoliday(Saturday2November2024));
        Assert.Equal(At(Saturday2November2024 + Five), with.CloseOfBusiness(Saturday2November2024));
        Assert.False(with.IsBusinessDay(D(2024, 11, 3)));
    }

    [Fact]
    public void AddBusinessDays_AcrossTransferredSaturday_CountsIt()
    {
        var without = Moscow2024().Build();
        var with = Moscow2024().AddWorkingDay(Saturday2November2024, Nine, Five).Build();
        var friday = D(2024, 11, 1);

        Assert.Equal(D(2024, 11, 5), without.AddBusinessDays(friday, 1));
        Assert.Equal(Saturday2November2024, with.AddBusinessDays(friday, 1));
        Assert.Equal(D(2024, 11, 5), with.AddBusinessDays(friday, 2));
        Assert.Equal(D(2024, 11, 6), without.AddBusinessDays(friday, 2));
    }

    [Fact]
    public void WorkingTimeBetween_AcrossTransferredSaturday_CountsItsHours()
    {
        var without = Moscow2024().Build();
        var with = Moscow2024().AddWorkingDay(Saturday2November2024, Nine, Five).Build();
        var (from, to) = (At(D(2024, 11, 1).AtMidnight()), At(D(2024, 11, 5).AtMidnight()));

        Assert.Equal(Duration.FromHours(9), without.WorkingTimeBetween(from, to));
        Assert.Equal(Duration.FromHours(17), with.WorkingTimeBetween(from, to));
        Assert.Equal(At(Saturday2November2024.At(new LocalTime(11, 0))), with.AddWorkingTime(At(D(2024, 11, 1).At(new LocalTime(16, 0))), Duration.FromHours(4)));
    }

    [Fact]
    public void Deadline_ReceivedThursday_EndsOnTransferredSaturdayOnlyWithTheOverride()
    {
        var without = Moscow2024().Build();
        var with = Moscow2024().AddWorkingDay(Saturday2November2024, Nine, Five).Build();
        var received = At(D(2024, 10, 31).At(new LocalTime(12, 0)));

        Assert.Equal(At(Saturday2November2024 + Five), with.AddBusinessDays(received, 2));
        Assert.Equal(At(D(2024, 11, 5).At(new LocalTime(18, 0))), without.AddBusinessDays(received, 2));
    }

    [Fact]
    public void Providers_Decree2024_WorksSaturdayAndRestsMonday30December()
    {
        var decree = new Decree2024();
        var calendar = Moscow2024().AddHolidayProvider(decree).AddWorkingDayProvider(decree).Build();

        Assert.True(calendar.IsBusinessDay(Saturday2November2024));
        Assert.False(calendar.IsBusinessDay(D(2024, 12, 30)));
        Assert.Equal(D(2024, 12, 31), calendar.AddBusinessDays(D(2024, 12, 27), 1));
    }

    [Fact]
    public void AddWorkingDay_OnAHoliday_BeatsTheHoliday()
    {
        var calendar = Moscow2024().AddWorkingDay(D(2024, 11, 4), Nine, Five).Build();

        Assert.False(calendar.IsHoliday(D(2024, 11, 4)));
        Assert.True(calendar.IsBusinessDay(D(2024, 11, 4)));
    }

    [Fact]
    public void AddWorkingDay_OnTheDayASubstituteWouldTake_PushesTheSubstitutePastIt()
    {
        // 26 December 2026 is a Saturday; its substitute would be Monday 28 December, which is worked, so it is Tuesday.
        var calendar = BusinessCalendar.CreateBuilder("Europe/London").Covering(2026, 2027)
            .AddWeekdayHours(Nine, Five)
            .AddHolidays([new FixedDateHoliday("Boxing Day", 12, 26, HolidaySubstitution.NextWorkingDay)])
            .AddWorkingDay(D(2026, 12, 28), new LocalTime(10, 0), new LocalTime(14, 0))
            .Build();

        Assert.False(calendar.IsHoliday(D(2026, 12, 28)));
        Assert.True(calendar.IsBusinessDay(D(2026, 12, 28)));
        Assert.True(calendar.IsHoliday(D(2026, 12, 29)));
        Assert.False(calendar.IsBusinessDay(D(2026, 12, 29)));
    }

    [Fact]
    public void AddWorkingDay_OnAWeekday_ReplacesItsHours()
    {
        var friday = D(2024, 11, 1);
        var calendar = Moscow2024().AddWorkingDay(friday, (Nine, new LocalTime(12, 0)), (new LocalTime(13, 0), new LocalTime(15, 0))).Build();

        Assert.Equal(At(friday.At(new LocalTime(15, 0))), calendar.CloseOfBusiness(friday));
        Assert.Equal(Duration.FromHours(5), calendar.WorkingTimeBetween(At(friday.AtMidnight()), At(friday.PlusDays(1).AtMidnight())));
    }

    [Fact]
    public void AddWorkingDay_EndAtMidnight_WorksToTheEndOfTheDate()
    {
        var calendar = Moscow2024().AddWorkingDay(Saturday2November2024, new LocalTime(18, 0), LocalTime.Midnight).Build();

        Assert.Equal(At(D(2024, 11, 3).AtMidnight()), calendar.CloseOfBusiness(Saturday2November2024));
    }

    [Fact]
    public void AddClosure_OnAWorkingDay_StillCloses()
    {
        var calendar = Moscow2024()
            .AddWorkingDay(Saturday2November2024, Nine, Five)
            .AddClosure(CalendarClosure.Days(Saturday2November2024, Saturday2November2024, "flood"))
            .Build();

        Assert.False(calendar.IsBusinessDay(Saturday2November2024));
    }

    [Fact]
    public void AddWorkingDay_OutsideCoveredYears_ThrowsNamingDate()
    {
        var ex = Assert.Throws<ArgumentException>(() => Moscow2024().AddWorkingDay(D(2026, 1, 3), Nine, Five));
        Assert.Equal("date", ex.ParamName);
        Assert.Contains("2026-01-03", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddWorkingDay_DateGivenTwice_ThrowsNamingDate()
    {
        var builder = Moscow2024().AddWorkingDay(Saturday2November2024, Nine, Five);

        var ex = Assert.Throws<ArgumentException>(() => builder.AddWorkingDay(Saturday2November2024, new LocalTime(10, 0), Five));
        Assert.Equal("date", ex.ParamName);
        Assert.Contains("2024-11-02", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(9, 9)]
    [InlineData(17, 9)]
    public void AddWorkingDay_EmptyOrBackwardHours_ThrowsNamingHours(int start, int end)
    {
        var ex = Assert.Throws<ArgumentException>(() => Moscow2024().AddWorkingDay(Saturday2November2024, new LocalTime(start, 0), new LocalTime(end, 0)));
        Assert.Equal("hours", ex.ParamName);
        Assert.Contains("2024-11-02", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddWorkingDay_OverlappingOrNoHours_ThrowsNamingHours()
    {
        var overlap = Assert.Throws<ArgumentException>(() => Moscow2024().AddWorkingDay(Saturday2November2024, (Nine, new LocalTime(13, 0)), (new LocalTime(12, 0), Five)));
        var none = Assert.Throws<ArgumentException>(() => Moscow2024().AddWorkingDay(Saturday2November2024));

        Assert.Equal("hours", overlap.ParamName);
        Assert.Contains("2024-11-02", overlap.Message, StringComparison.Ordinal);
        Assert.Equal("hours", none.ParamName);
        Assert.Throws<ArgumentNullException>(() => Moscow2024().AddWorkingDay(null!));
    }

    [Fact]
    public void Covering_ExcludingAWorkingDayAdded_ThrowsNamingTheYear()
    {
        var builder = Moscow2024().AddWorkingDay(Saturday2November2024, Nine, Five);

        var ex = Assert.Throws<ArgumentException>(() => builder.Covering(2025, 2026));
        Assert.Equal("firstYear", ex.ParamName);
        Assert.Contains("2024-11-02", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ProviderGivesADateAlreadyGiven_ThrowsNamingTheDate()
    {
        var builder = Moscow2024().AddWorkingDay(Saturday2November2024, Nine, Five).AddWorkingDayProvider(new Decree2024());

        var ex = Assert.Throws<ArgumentException>(builder.Build);
        Assert.Equal("workingDays", ex.ParamName);
        Assert.Contains("2024-11-02", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddWorkingDay_AfterBuild_Throws()
    {
        var builder = Moscow2024();
        builder.Build();

        Assert.Throws<InvalidOperationException>(() => builder.AddWorkingDay(Saturday2November2024, Nine, Five));
        Assert.Throws<InvalidOperationException>(() => builder.AddWorkingDayProvider(new Decree2024()));
    }
}
