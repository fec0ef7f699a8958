using Complaints.Core.Calendars;
using NodaTime;

namespace Complaints.Core.Benchmarks;

/// <summary>
/// Calendars for many tenants: each a Monday–Friday 09:00–17:00 week (Sunday–Thursday where the region's week is) in
/// one of several regions' zones with that region's holiday rules, and the retained memory they cost, measured with
/// full garbage collections around building and holding them.
/// </summary>
public static class CalendarFleet
{
    /// <summary>The budget per calendar over the default range, queried as a deadline queries it.</summary>
    public const long BudgetPerCalendar = 128 * 1024;

    /// <summary>The budget for 1,000 such calendars in one process.</summary>
    public const long BudgetPerThousand = 128L * 1024 * 1024;

    private static readonly LocalTime Open = new(9, 0);
    private static readonly LocalTime Close = new(17, 0);

    private static readonly IsoDayOfWeek[] MondayToFriday =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    private static readonly RussianHolidayTransfers MoscowTransfers = new(Open, Close);

    private static readonly (string Zone, IReadOnlyList<HolidayRule> Rules, IsoDayOfWeek[] Week, RussianHolidayTransfers? Transfers)[] Regions =
    [
        ("Europe/London", UkBankHolidays.EnglandAndWales, MondayToFriday, null),
        ("America/New_York", UsFederalHolidays.Federal, MondayToFriday, null),
        ("Australia/Sydney", AustralianHolidays.NewSouthWales, MondayToFriday, null),
        ("Europe/Tallinn", EstonianHolidays.PublicHolidays, MondayToFriday, null),
        ("Europe/Moscow", RussianHolidays.NonWorkingHolidays, MondayToFriday, MoscowTransfers),
    ];

    /// <summary>Gets the number of regions the fleet cycles through.</summary>
    public static int RegionCount => Regions.Length;

    /// <summary>Builds the <paramref name="index"/>th tenant's calendar.</summary>
    /// <param name="index">The tenant; the region is <c>index % RegionCount</c>.</param>
    /// <param name="firstYear">The first covered year.</param>
    /// <param name="lastYear">The last covered year.</param>
    /// <returns>The calendar, with no year's tables built yet.</returns>
    public static BusinessCalendar Build(int index, int firstYear = BusinessCalendarBuilder.DefaultFirstYear, int lastYear = BusinessCalendarBuilder.DefaultLastYear)
    {
        var (zone, rules, week, transfers) = Regions[index % Regions.Length];
        var builder = BusinessCalendar.CreateBuilder(zone)
            .AddWorkingHours(week, Open, Close)
            .AddHolidays(rules)
            .Covering(firstYear, lastYear);
        if (transfers is not null)
        {
            builder.AddHolidayProvider(transfers).AddWorkingDayProvider(transfers);
        }

        return builder.Build();
    }

    /// <summary>Builds every covered year's tables, as a calendar that precomputes all its years holds them.</summary>
    /// <param name="calendar">The calendar.</param>
    public static void BuildAllYears(BusinessCalendar calendar)
    {
        for (var k = 0; k <= calendar.LastYear - calendar.FirstYear; k++)
        {
            calendar.Table(k);
        }
    }

    /// <summary>Measures the retained bytes per calendar of <paramref name="count"/> calendars, after an action on each.</summary>
    /// <param name="count">How many calendars to build and hold.</param>
    /// <param name="build">Builds the <c>i</c>th calendar.</param>
    /// <param name="use">What to do with each, such as a deadline query; its result is kept alive with the calendars.</param>
    /// <returns>The bytes per calendar.</returns>
    public static double RetainedBytesPerCalendar(int count, Func<int, object> build, Action<object> use)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(use);
        build(0); // load the zones, rules and code outside the measurement
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var held = new object[count];
        for (var i = 0; i < count; i++)
        {
            held[i] = build(i);
            use(held[i]);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(held);
        return (after - before - (8.0 * count)) / count;
    }

    /// <summary>Measures the rows of the memory table, prints them as Markdown and throws if a budget is exceeded.</summary>
    /// <param name="write">Where to write the table.</param>
    public static void Report(Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        const int count = 1_000;
        var receipt = Instant.FromUtc(2026, 12, 16, 14, 30);
        void Deadline(object c) => ((BusinessCalendar)c).AddBusinessDays(receipt, 15);
        void Nothing(object c)
        {
        }

        var rows = new List<(string What, double Bytes)>
        {
            ("2000–2100, built, not queried", RetainedBytesPerCalendar(count, i => Build(i), Nothing)),
            ("2000–2100, after one 15-business-day deadline (2 years built)", RetainedBytesPerCalendar(count, i => Build(i), Deadline)),
            ("2000–2100, every year built (what precomputing all years holds)", RetainedBytesPerCalendar(200, i => Build(i), c => BuildAllYears((BusinessCalendar)c))),
            ("2020–2029, after one 15-business-day deadline", RetainedBytesPerCalendar(count, i => Build(i, 2020, 2029), Deadline)),
            ("2020–2029, every year built", RetainedBytesPerCalendar(count, i => Build(i, 2020, 2029), c => BuildAllYears((BusinessCalendar)c))),
            ("Naive: a HashSet<LocalDate> of the 2000–2100 holidays (the day-stepping reference)", RetainedBytesPerCalendar(count, i => HolidaySet(Build(i)), Nothing)),
        };

        write("| Calendar | Retained bytes per calendar | KiB | 1,000 calendars (MiB) |");
        write("|---|---:|---:|---:|");
        foreach (var (what, bytes) in rows)
        {
            write($"| {what} | {bytes:N0} | {bytes / 1024:N1} | {bytes * count / (1024 * 1024):N1} |");
        }

        var queried = rows[1].Bytes;
        if (queried > BudgetPerCalendar || queried * count > BudgetPerThousand)
        {
            throw new InvalidOperationException(
                $"A queried calendar over the default range holds {queried:N0} bytes, over the budget of {BudgetPerCalendar:N0} per calendar or {BudgetPerThousand:N0} per 1,000.");
        }
    }

    private static HashSet<LocalDate> HolidaySet(BusinessCalendar calendar)
    {
        var set = new HashSet<LocalDate>();
        for (var date = new LocalDate(calendar.FirstYear, 1, 1); date.Year <= calendar.LastYear; date = date.PlusDays(1))
        {
            if (calendar.IsHoliday(date))
            {
                set.Add(date);
            }
        }

        return set;
    }
}
