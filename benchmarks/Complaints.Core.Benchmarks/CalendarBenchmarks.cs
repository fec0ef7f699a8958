using BenchmarkDotNet.Attributes;
using Complaints.Core.Calendars;
using NodaTime;
using NodaTime.TimeZones;

namespace Complaints.Core.Benchmarks;

/// <summary>
/// The cost of ONE deadline on a UK business calendar (Europe/London, Monday to Friday 09:00–17:00, England and Wales
/// bank holidays, covering 2020–2035), counted from a fixed receipt instant, Wednesday 2026-12-16 14:30 UTC (14:30 in
/// London), so that Christmas Day (Friday 25), the substitute Boxing Day (Monday 28) and New Year's Day (Friday
/// 2027-01-01) fall inside the longer windows. Three deadlines, each computed three ways:
/// <list type="bullet">
/// <item><c>*_8h</c>: 8 working hours (<see cref="BusinessCalendar.AddWorkingTime"/>).</item>
/// <item><c>*_15bd</c>: the close of business of the 15th business day after the day of receipt
/// (<see cref="BusinessCalendar.AddBusinessDays(Instant, int)"/>).</item>
/// <item><c>*_8w</c>: 8 weeks of working time, 8 × 40 h = 320 working hours (<see cref="BusinessCalendar.AddWorkingTime"/>).</item>
/// </list>
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>Calendar_*</c>: this library, on one calendar built once.</item>
/// <item><c>DayStepping_*</c>: a reference that walks one local date at a time, maps each business day's 09:00–17:00 to
/// instants with the library's resolvers, and subtracts it from what remains (or counts it, for business days).
/// <see cref="DayStepping_15bd"/> is the baseline.</item>
/// <item><c>MinuteStepping_*</c>: the naive reference: one minute at a time from the receipt, each minute converted to
/// London local time and checked (Monday to Friday, 09:00–17:00, not a bank holiday).</item>
/// </list>
/// The setup checks that the three ways agree on every deadline, so a wrong reference cannot be measured.
/// <para>
/// <c>Build_*</c> time building the London calendar over the default range (its year tables built on first use), over
/// ten years, with its first deadline, and with every year's tables (the naive way); <see cref="Calendar_15bd_1000Calendars"/>
/// computes the 15-business-day deadline on each of 1,000 tenants' calendars (<see cref="CalendarFleet"/>). Retained
/// bytes per calendar are measured by <c>--calendar-memory</c> (<see cref="CalendarFleet.Report"/>).
/// </para>
/// </remarks>
[MemoryDiagnoser]
public class CalendarBenchmarks
{
    private const int BusinessDays = 15;

    private static readonly LocalTime _open = new(9, 0);
    private static readonly LocalTime _close = new(17, 0);
    private static readonly Duration _minute = Duration.FromMinutes(1);
    private static readonly Duration _eightHours = Duration.FromHours(8);
    private static readonly Duration _eightWeeks = Duration.FromHours(8 * 40);

    private const int Tenants = 1_000;

    private DayStepCalendar _naive = null!;
    private BusinessCalendar[] _tenants = null!;
    private BusinessCalendar _calendar = null!;
    private DateTimeZone _zone = null!;
    private Instant _receipt;

    /// <summary>Builds the calendar and the holiday set, and checks that all three ways agree on every deadline.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _calendar = BusinessCalendar.CreateBuilder("Europe/London")
            .AddWeekdayHours(_open, _close)
            .AddHolidays(UkBankHolidays.EnglandAndWales)
            .Covering(2020, 2035)
            .Build();
        _zone = _calendar.Zone;
        _receipt = Instant.FromUtc(2026, 12, 16, 14, 30);

        _naive = new DayStepCalendar(_calendar, _open, _close);

        Check("8 working hours", Calendar_8h(), DayStepping_8h(), MinuteStepping_8h());
        Check("15 business days", Calendar_15bd(), DayStepping_15bd(), MinuteStepping_15bd());
        Check("8 weeks of working time", Calendar_8w(), DayStepping_8w(), MinuteStepping_8w());

        // 1,000 tenants' calendars in five regions, each queried once so that the years the deadline reads are built.
        _tenants = [.. Enumerable.Range(0, Tenants).Select(i => CalendarFleet.Build(i))];
        foreach (var tenant in _tenants)
        {
            tenant.AddBusinessDays(_receipt, BusinessDays);
        }

        if (_tenants[0].AddBusinessDays(_receipt, BusinessDays) != Calendar_15bd())
        {
            throw new InvalidOperationException("The first tenant's London calendar over 2000–2100 disagrees with the 2020–2035 one.");
        }
    }

    /// <summary>Builds the London calendar over the default range, 2000–2100; its years' tables are built on first use.</summary>
    /// <returns>The calendar.</returns>
    [Benchmark]
    public BusinessCalendar Build_DefaultRange() => CalendarFleet.Build(0);

    /// <summary>Builds the London calendar over 2020–2029.</summary>
    /// <returns>The calendar.</returns>
    [Benchmark]
    public BusinessCalendar Build_10Years() => CalendarFleet.Build(0, 2020, 2029);

    /// <summary>Builds the London calendar over the default range and answers its first deadline, building the two years it reads.</summary>
    /// <returns>The deadline.</returns>
    [Benchmark]
    public Instant Build_DefaultRange_FirstDeadline() => CalendarFleet.Build(0).AddBusinessDays(_receipt, BusinessDays);

    /// <summary>The naive way to build: the London calendar over the default range with every year's tables, as precomputing all years does.</summary>
    /// <returns>The calendar.</returns>
    [Benchmark]
    public BusinessCalendar Build_DefaultRange_AllYears()
    {
        var calendar = CalendarFleet.Build(0);
        CalendarFleet.BuildAllYears(calendar);
        return calendar;
    }

    /// <summary>This library: the 15-business-day deadline on each of 1,000 tenants' calendars in turn (time per calendar).</summary>
    /// <returns>The last deadline.</returns>
    [Benchmark(OperationsPerInvoke = Tenants)]
    public Instant Calendar_15bd_1000Calendars()
    {
        var due = default(Instant);
        foreach (var tenant in _tenants)
        {
            due = tenant.AddBusinessDays(_receipt, BusinessDays);
        }

        return due;
    }

    /// <summary>This library: 8 working hours after the receipt.</summary>
    /// <returns>The deadline.</returns>
    [Benchmark]
    public Instant Calendar_8h() => _calendar.AddWorkingTime(_receipt, _eightHours);

    /// <summary>Day stepping: 8 working hours after the receipt.</summary>
    /// <returns>The deadline.</returns>
    [Benchmark]
    public Instant DayStepping_8h() => _naive.AddWorkingTime(_receipt, _eightHours);

    /// <summary>Minute stepping: 8 working hours after the receipt.</summary>
    /// <returns>The deadline.</returns>
    [Benchmark]
    public Instant MinuteStepping_8h() => MinuteStepWorkingTime(_receipt, _eightHours);

    /// <summary>This library: the close of business of the 15th business day after the day of receipt.</summary>
    /// <returns>The deadline.</returns>
    [Benchmark]
    public Instant Calendar_15bd() => _calendar.AddBusinessDays(_receipt, BusinessDays);

    /// <summary>Day stepping (baseline): the close of business of the 15th business day after the day of receipt.</summary>
    /// <returns>The deadline.</returns>
    [Benchmark(Baseline = true)]
    public Instant DayStepping_15bd() => _naive.AddBusinessDays(_receipt, BusinessDays);

    /// <summary>Minute stepping: the close of business of the 15th business day after the day of receipt.</summary>
    /// <returns>The deadline.</returns>
    [Benchmark]
    public Instant MinuteStepping_15bd() => MinuteStepBusinessDays(_receipt, BusinessDays);

    /// <summary>This library: 8 weeks (320 hours) of working time after the receipt.</summary>
    /// <returns>The deadline.</returns>
    [Benchmark]
    public Instant Calendar_8w() => _calendar.AddWorkingTime(_receipt, _eightWeeks);

    /// <summary>Day stepping: 8 weeks (320 hours) of working time after the receipt.</summary>
    /// <returns>The deadline.</returns>
    [Benchmark]
    public Instant DayStepping_8w() => _naive.AddWorkingTime(_receipt, _eightWeeks);

    /// <summary>Minute stepping: 8 weeks (320 hours) of working time after the receipt.</summary>
    /// <returns>The deadline.</returns>
    [Benchmark]
    public Instant MinuteStepping_8w() => MinuteStepWorkingTime(_receipt, _eightWeeks);

    private static void Check(string deadline, Instant calendar, Instant daySteps, Instant minuteSteps)
    {
        if (daySteps != calendar || minuteSteps != calendar)
        {
            throw new InvalidOperationException(
                $"The three ways disagree on {deadline}: calendar {calendar}, day stepping {daySteps}, minute stepping {minuteSteps}.");
        }
    }

    private bool IsBusinessDay(LocalDate date) => _naive.IsBusinessDay(date);

    private bool IsWorkingMinute(LocalDateTime local) =>
        IsBusinessDay(local.Date) && local.TimeOfDay >= _open && local.TimeOfDay < _close;

    // One minute at a time: convert the minute to local time and count it if it is working time.
    private Instant MinuteStepWorkingTime(Instant from, Duration amount)
    {
        var needed = (long)amount.TotalMinutes;
        var worked = 0L;
        var t = from;
        while (worked < needed)
        {
            if (IsWorkingMinute(t.InZone(_zone).LocalDateTime))
            {
                worked++;
            }

            t += _minute;
        }

        return t;
    }

    // One minute at a time: a business day is counted at its first working minute (the day of receipt never counts);
    // once the 15th is reached, keep stepping to the end of that day and return the end of its last working minute.
    private Instant MinuteStepBusinessDays(Instant receivedAt, int days)
    {
        var receiptDate = receivedAt.InZone(_zone).Date;
        var lastCounted = receiptDate;
        var counted = 0;
        var closeOfBusiness = receivedAt;
        for (var t = receivedAt; ; t += _minute)
        {
            var local = t.InZone(_zone).LocalDateTime;
            if (counted == days && local.Date > lastCounted)
            {
                return closeOfBusiness;
            }

            if (local.Date == receiptDate || !IsWorkingMinute(local))
            {
                continue;
            }

            if (local.Date != lastCounted)
            {
                counted++;
                lastCounted = local.Date;
            }

            if (counted == days)
            {
                closeOfBusiness = t + _minute;
            }
        }
    }
}
