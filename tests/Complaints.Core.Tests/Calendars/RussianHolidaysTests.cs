using Complaints.Core.Calendars;
using NodaTime;

namespace Complaints.Core.Tests.Calendars;

public sealed class RussianHolidaysTests
{
    private static readonly DateTimeZone Moscow = DateTimeZoneProviders.Tzdb["Europe/Moscow"];
    private static readonly LocalTime Nine = new(9, 0);
    private static readonly LocalTime Six = new(18, 0);

    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    /// <summary>A Moscow calendar, Monday to Friday 09:00–18:00, with art. 112's holidays and the built-in decrees.</summary>
    private static BusinessCalendar Moscow2023To2026()
    {
        var transfers = new RussianHolidayTransfers(Nine, Six);
        return BusinessCalendar.CreateBuilder(Moscow).Covering(2023, 2026)
            .AddWeekdayHours(Nine, Six)
            .AddHolidays(RussianHolidays.NonWorkingHolidays)
            .AddHolidayProvider(transfers)
            .AddWorkingDayProvider(transfers)
            .Build();
    }

    private static IEnumerable<LocalDate> DaysOf(int year) =>
        Enumerable.Range(0, CalendarSystem.Iso.GetDaysInYear(year)).Select(i => D(year, 1, 1).PlusDays(i));

    private static bool IsWeekend(LocalDate date) => date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;

    /// <summary>
    /// Per year: the weekdays off, the Saturdays worked, and the working days per month (five-day week), then in the year
    /// (247, and 248 in 2024). The monthly counts for 2025 are those published by findh.org; for 2023, 2024 and 2026 they
    /// were counted by hand from the days off and agree with the yearly totals of the production calendars.
    /// 2023: Decree of 29.08.2022 No. 1505 (garant.ru): 1 Jan → 24 Feb, 8 Jan → 8 May; 4 November (a Saturday) moves to
    /// Monday 6 November under art. 112 part 2; days off 23–26 Feb, 8 Mar, 29 Apr–1 May, 6–9 May, 10–12 Jun, 4–6 Nov.
    /// 2024: Decree of 10.08.2023 No. 1314 (its text on normativ.kontur.ru): 6 Jan → 10 May, 7 Jan → 31 Dec,
    /// 27 Apr → 29 Apr, 2 Nov → 30 Apr, 28 Dec → 30 Dec; 248 working days.
    /// 2025: Decree of 04.10.2024 No. 1335 (Government announcement, teko.cntd.ru): 4 Jan → 2 May, 5 Jan → 31 Dec,
    /// 23 Feb → 8 May, 8 Mar → 13 Jun, 1 Nov → 3 Nov; days off 22–23 Feb, 8–9 Mar, 1–4 May, 8–11 May, 12–15 Jun, 2–4 Nov;
    /// working days per month as in findh.org's production calendar for 2025 (247 in the year).
    /// 2026: Decree of 24.09.2025 (Government announcement, ria.ru, penzainform.ru): 3 Jan → 9 Jan, 4 Jan → 31 Dec;
    /// 8 March (a Sunday) and 9 May (a Saturday) move to Mondays 9 March and 11 May under art. 112 part 2; days off
    /// 31 Dec 2025–11 Jan, 21–23 Feb, 7–9 Mar, 1–3 May, 9–11 May, 12–14 Jun, 4 Nov, 31 Dec.
    /// </summary>
    public static TheoryData<int, LocalDate[], LocalDate[], int[]> ProductionCalendars => new()
    {
        {
            2023,
            [
                D(2023, 1, 2), D(2023, 1, 3), D(2023, 1, 4), D(2023, 1, 5), D(2023, 1, 6), D(2023, 2, 23), D(2023, 2, 24),
                D(2023, 3, 8), D(2023, 5, 1), D(2023, 5, 8), D(2023, 5, 9), D(2023, 6, 12), D(2023, 11, 6),
            ],
            [],
            [17, 18, 22, 20, 20, 21, 21, 23, 21, 22, 21, 21]
        },
        {
            2024,
            [
                D(2024, 1, 1), D(2024, 1, 2), D(2024, 1, 3), D(2024, 1, 4), D(2024, 1, 5), D(2024, 1, 8), D(2024, 2, 23),
                D(2024, 3, 8), D(2024, 4, 29), D(2024, 4, 30), D(2024, 5, 1), D(2024, 5, 9), D(2024, 5, 10), D(2024, 6, 12),
                D(2024, 11, 4), D(2024, 12, 30), D(2024, 12, 31),
            ],
            [D(2024, 4, 27), D(2024, 11, 2), D(2024, 12, 28)],
            [17, 20, 20, 21, 20, 19, 23, 22, 21, 23, 21, 21]
        },
        {
            2025,
            [
                D(2025, 1, 1), D(2025, 1, 2), D(2025, 1, 3), D(2025, 1, 6), D(2025, 1, 7), D(2025, 1, 8), D(2025, 5, 1),
                D(2025, 5, 2), D(2025, 5, 8), D(2025, 5, 9), D(2025, 6, 12), D(2025, 6, 13), D(2025, 11, 3), D(2025, 11, 4),
                D(2025, 12, 31),
            ],
            [D(2025, 11, 1)],
            [17, 20, 21, 22, 18, 19, 23, 21, 22, 23, 19, 22]
        },
        {
            2026,
            [
                D(2026, 1, 1), D(2026, 1, 2), D(2026, 1, 5), D(2026, 1, 6), D(2026, 1, 7), D(2026, 1, 8), D(2026, 1, 9),
                D(2026, 2, 23), D(2026, 3, 9), D(2026, 5, 1), D(2026, 5, 11), D(2026, 6, 12), D(2026, 11, 4), D(2026, 12, 31),
            ],
            [],
            [15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22]
        },
    };

    [Theory]
    [MemberData(nameof(ProductionCalendars))]
    public void Calendar_Year_MatchesTheProductionCalendar(int year, LocalDate[] weekdaysOff, LocalDate[] weekendDaysWorked, int[] workingDaysPerMonth)
    {
        var calendar = Moscow2023To2026();

        Assert.Equal(weekdaysOff, DaysOf(year).Where(d => !IsWeekend(d) && !calendar.IsBusinessDay(d)));
        Assert.Equal(weekendDaysWorked, DaysOf(year).Where(d => IsWeekend(d) && calendar.IsBusinessDay(d)));
        Assert.Equal(workingDaysPerMonth, Enumerable.Range(1, 12).Select(m => DaysOf(year).Count(d => d.Month == m && calendar.IsBusinessDay(d))));
        Assert.Equal(year == 2024 ? 248 : 247, DaysOf(year).Count(calendar.IsBusinessDay));
    }

    [Fact]
    public void Calendar_2025_WorksTheMondaysAfterTheWeekendHolidaysTheDecreeMoved()
    {
        // Without the decree, art. 112 part 2 would move Sunday 23 February and Saturday 8 March to the next Mondays.
        var calendar = Moscow2023To2026();

        Assert.True(calendar.IsBusinessDay(D(2025, 2, 24)));
        Assert.True(calendar.IsBusinessDay(D(2025, 3, 10)));
    }

    [Fact]
    public void NonWorkingHolidays_WithoutDecrees_MoveEveryWeekendHolidayButJanuarysToTheNextWorkingDay()
    {
        var rules = RussianHolidays.NonWorkingHolidaysFor([]);
        var holidays = BusinessCalendarBuilder.HolidaysIn(2025, 2025, rules, [], BusinessCalendarBuilder.SaturdaySunday);

        // Without the 2025 decree, Sunday 23 February and Saturday 8 March move to Mondays 24 February and 10 March.
        Assert.Contains(D(2025, 2, 24), holidays);
        Assert.Contains(D(2025, 3, 10), holidays);
        Assert.DoesNotContain(D(2025, 1, 9), holidays);
        Assert.All(rules.Where(r => r is FixedDateHoliday { Month: 1 }), r => Assert.Equal(HolidaySubstitution.None, r.Substitution));
        Assert.Equal(14, rules.Count);
    }

    [Fact]
    public void NonWorkingHolidays_BuiltIn_Leave2025sMovedDaysUnsubstitutedOnly()
    {
        var defender = RussianHolidays.NonWorkingHolidays.OfType<FixedDateHoliday>().Where(r => r.Month == 2 && r.Day == 23).ToArray();

        Assert.Equal(
            [(null, 2024, HolidaySubstitution.NextWorkingDay), (2025, 2025, HolidaySubstitution.None), (2026, null, HolidaySubstitution.NextWorkingDay)],
            defender.Select(r => (r.FirstYear, r.LastYear, r.Substitution)));
    }

    [Fact]
    public void Decrees_CoverTheYearsWithTheirNames()
    {
        var transfers = new RussianHolidayTransfers(Nine, Six);

        Assert.Equal([2023, 2024, 2025, 2026], transfers.Years);
        Assert.Equal([2023, 2024, 2025, 2026], RussianHolidays.Decrees.Select(d => d.Year));
        Assert.Contains("№ 1314", transfers.DecreeFor(2024)!.Decree, StringComparison.Ordinal);
        Assert.Equal([D(2024, 4, 27), D(2024, 11, 2), D(2024, 12, 28)], transfers.DecreeFor(2024)!.WorkingDays);
        Assert.Equal([D(2024, 4, 29), D(2024, 4, 30), D(2024, 5, 10), D(2024, 12, 30), D(2024, 12, 31)], transfers.DecreeFor(2024)!.DaysOff);
        Assert.Null(transfers.DecreeFor(2027));
        Assert.False(transfers.Covers(2022));
        Assert.Empty(transfers.GetHolidays(2027));
        Assert.Empty(transfers.GetWorkingDays(2027));
    }

    [Fact]
    public void Transfers_WorkingSaturday_HasTheGivenHours()
    {
        var transfers = new RussianHolidayTransfers([(Nine, new LocalTime(13, 0)), (new LocalTime(14, 0), Six)], RussianHolidays.Decrees);
        var saturday = Assert.Single(transfers.GetWorkingDays(2025));

        Assert.Equal(D(2025, 11, 1), saturday.Date);
        Assert.Equal([(Nine, new LocalTime(13, 0)), (new LocalTime(14, 0), Six)], saturday.Hours);
    }

    [Fact]
    public void Transfers_LaterDecreeAddedByTheHost_IsUsed()
    {
        // A made-up decree for 2027, as a host would add the real one: Saturday 6 November worked, Friday 5 November off.
        var decree2027 = new RussianTransferDecree(2027, "Test decree for 2027", [new RussianDayOffTransfer(D(2027, 11, 6), D(2027, 11, 5))]);
        RussianTransferDecree[] decrees = [.. RussianHolidays.Decrees, decree2027];
        var transfers = new RussianHolidayTransfers([(Nine, Six)], decrees);
        var calendar = BusinessCalendar.CreateBuilder(Moscow).Covering(2027, 2027)
            .AddWeekdayHours(Nine, Six)
            .AddHolidays(RussianHolidays.NonWorkingHolidaysFor(decrees))
            .AddHolidayProvider(transfers)
            .AddWorkingDayProvider(transfers)
            .Build();

        Assert.True(transfers.Covers(2027));
        Assert.True(calendar.IsBusinessDay(D(2027, 11, 6)));
        Assert.False(calendar.IsBusinessDay(D(2027, 11, 5)));
        Assert.False(calendar.IsBusinessDay(D(2027, 11, 4)));
    }

    [Fact]
    public void Collections_AreReadOnlyViews()
    {
        var decree = RussianHolidays.Decrees[1];

        Assert.False(RussianHolidays.Decrees is IList<RussianTransferDecree> { IsReadOnly: false });
        Assert.False(decree.Transfers is IList<RussianDayOffTransfer> { IsReadOnly: false });
        Assert.False(decree.DaysOff is IList<LocalDate> { IsReadOnly: false });
        Assert.False(decree.WorkingDays is IList<LocalDate> { IsReadOnly: false });
        Assert.False(RussianHolidays.NonWorkingHolidays is IList<HolidayRule> { IsReadOnly: false });
        Assert.False(new RussianHolidayTransfers(Nine, Six).Hours is IList<(LocalTime, LocalTime)> { IsReadOnly: false });
    }

    [Fact]
    public void DayOffTransfer_FromAWeekday_ThrowsNamingFrom()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RussianDayOffTransfer(D(2024, 4, 26), D(2024, 4, 29)));
        Assert.Equal("from", ex.ParamName);
        Assert.Contains("2024-04-26", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DayOffTransfer_ToAWeekend_ThrowsNamingTo()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RussianDayOffTransfer(D(2024, 4, 27), D(2024, 4, 28)));
        Assert.Equal("to", ex.ParamName);
    }

    [Fact]
    public void Decree_BadInput_ThrowsNamingTheField()
    {
        var saturday = new RussianDayOffTransfer(D(2024, 4, 27), D(2024, 4, 29));
        var sameTo = new RussianDayOffTransfer(D(2024, 11, 2), D(2024, 4, 29));
        var fromTheTo = new RussianDayOffTransfer(D(2024, 12, 28), D(2024, 12, 30));
        var intoTheFrom = new RussianDayOffTransfer(D(2024, 12, 29), D(2024, 12, 30));

        Assert.Equal("year", Assert.Throws<ArgumentOutOfRangeException>(() => new RussianTransferDecree(1899, "d", [])).ParamName);
        Assert.Equal("decree", Assert.Throws<ArgumentException>(() => new RussianTransferDecree(2024, " ", [])).ParamName);
        Assert.Equal("transfers", Assert.Throws<ArgumentNullException>(() => new RussianTransferDecree(2024, "d", null!)).ParamName);
        Assert.Equal("transfers", Assert.Throws<ArgumentException>(() => new RussianTransferDecree(2025, "d", [saturday])).ParamName);
        Assert.Equal("transfers", Assert.Throws<ArgumentException>(() => new RussianTransferDecree(2024, "d", [saturday, saturday])).ParamName);
        Assert.Equal("transfers", Assert.Throws<ArgumentException>(() => new RussianTransferDecree(2024, "d", [saturday, sameTo])).ParamName);
        Assert.Equal("transfers", Assert.Throws<ArgumentException>(() => new RussianTransferDecree(2024, "d", [fromTheTo, intoTheFrom])).ParamName);
        Assert.Equal("transfers", Assert.Throws<ArgumentException>(() => new RussianTransferDecree(2024, "d", [null!])).ParamName);
    }

    [Fact]
    public void Transfers_BadInput_ThrowsNamingTheField()
    {
        var twice = new RussianTransferDecree(2024, "again", []);

        Assert.Equal("end", Assert.Throws<ArgumentException>(() => new RussianHolidayTransfers(Six, Nine)).ParamName);
        Assert.Equal("hours", Assert.Throws<ArgumentException>(() => new RussianHolidayTransfers([], RussianHolidays.Decrees)).ParamName);
        Assert.Equal("decrees", Assert.Throws<ArgumentException>(() => new RussianHolidayTransfers([(Nine, Six)], [.. RussianHolidays.Decrees, twice])).ParamName);
        Assert.Equal("decrees", Assert.Throws<ArgumentNullException>(() => new RussianHolidayTransfers([(Nine, Six)], null!)).ParamName);
        Assert.Equal("decrees", Assert.Throws<ArgumentNullException>(() => RussianHolidays.NonWorkingHolidaysFor(null!)).ParamName);
    }
}
