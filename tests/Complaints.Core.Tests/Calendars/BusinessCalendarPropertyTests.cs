using Complaints.Core.Calendars;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Complaints.Core.Tests.Calendars;

/// <summary>A random calendar and random queries on it.</summary>
public sealed record CalendarCase(string ZoneId, (int Day, int StartQuarter, int LengthQuarters)[] Intervals, bool UkHolidays, long[] InstantSeconds, int[] DurationMinutes)
{
    public override string ToString() =>
        $"{ZoneId} [{string.Join(", ", Intervals.Select(i => $"{(IsoDayOfWeek)i.Day} {i.StartQuarter / 4:00}:{i.StartQuarter % 4 * 15:00}+{i.LengthQuarters * 15}m"))}] holidays={UkHolidays} " +
        $"instants=[{string.Join(", ", InstantSeconds.Select(s => Instant.FromUnixTimeSeconds(s)))}] minutes=[{string.Join(", ", DurationMinutes)}]";
}

/// <summary>A random calendar with overnight shifts and closures that start within a day of a New Year, and random queries on it.</summary>
public sealed record ClosureCase(CalendarCase Case, (long StartSeconds, int Minutes)[] Closures)
{
    public override string ToString() =>
        $"{Case} closures=[{string.Join(", ", Closures.Select(c => $"{Instant.FromUnixTimeSeconds(c.StartSeconds).InUtc().LocalDateTime}+{c.Minutes}m"))}]";
}

public static class CalendarArbitraries
{
    private static readonly string[] Zones =
        ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "America/Sao_Paulo", "Pacific/Chatham", "Etc/UTC", "Europe/Berlin"];

    // DST changes in 2025–2026 in the zones above, so queries often straddle one.
    private static readonly long[] Transitions = new[]
    {
        "2025-03-09", "2025-03-30", "2025-04-06", "2025-10-05", "2025-10-26", "2025-11-02",
        "2026-03-08", "2026-03-29", "2026-04-05", "2026-10-04", "2026-10-25", "2026-11-01", "2026-12-24",
    }.Select(d => NodaTime.Text.LocalDatePattern.Iso.Parse(d).Value.AtMidnight().InUtc().ToInstant().ToUnixTimeSeconds()).ToArray();

    // The midnights where one year's tables end and the next one's begin, so that overnight shifts and long additions cross them.
    internal static readonly long[] NewYears = [.. new[] { 2025, 2026, 2027 }.Select(y => Instant.FromUtc(y, 1, 1, 0, 0).ToUnixTimeSeconds())];

    private static readonly long RangeStart = Instant.FromUtc(2025, 1, 6, 0, 0).ToUnixTimeSeconds();

    public static Arbitrary<CalendarCase> Cases() =>
        (from zone in Gen.Elements(Zones)
         from count in Gen.Choose(1, 9)
         from intervals in (from day in Gen.Choose(1, 7)
                            from start in Gen.Choose(0, 95)
                            from length in Gen.Frequency((3, Gen.Choose(2, 40)), (1, Gen.Choose(1, 96)))
                            select (day, start, length)).ArrayOf(count)
         from holidays in Gen.Elements(true, false)
         from instants in Gen.Frequency(
                 (1, Gen.Choose(0, 800 * 24 * 60).Select(m => RangeStart + (m * 60L))),
                 (1, from t in Gen.Elements(Transitions) from m in Gen.Choose(-4 * 24 * 60, 4 * 24 * 60) select t + (m * 60L)),
                 (1, from t in Gen.Elements(NewYears) from m in Gen.Choose(-3 * 24 * 60, 2 * 24 * 60) select t + (m * 60L)))
             .ArrayOf(4)
         from minutes in Gen.Frequency((3, Gen.Choose(0, 16 * 60)), (1, Gen.Choose(0, 200 * 60))).ArrayOf(4)
         select new CalendarCase(zone, intervals, holidays, instants, minutes))
        .ToArbitrary();

    public static Arbitrary<ClosureCase> ClosureCases() =>
        (from c in Cases().Generator
         from overnight in (from day in Gen.Choose(1, 7)
                            from start in Gen.Choose(72, 95)
                            from length in Gen.Choose(96 - start + 1, 96 - start + 40)
                            select (day, start, length)).ArrayOf(3)
         from closures in (from t in Gen.Elements(NewYears)
                           from m in Gen.Choose(-24 * 4, 24 * 4)
                           from length in Gen.Frequency((3, Gen.Choose(1, 12 * 4)), (1, Gen.Choose(1, 3 * 24 * 4)))
                           select (t + (m * 15 * 60L), length * 15)).ArrayOf(3)
         select new ClosureCase(c with { Intervals = [.. overnight, .. c.Intervals] }, closures))
        .ToArbitrary();
}

public sealed class BusinessCalendarPropertyTests
{
    /// <summary>Builds the case's calendar; extra rules, if any, are added and the reference is told which days are holidays.</summary>
    internal static (BusinessCalendar Fast, ReferenceCalendar Reference) Build(
        CalendarCase c,
        IReadOnlyList<HolidayRule>? extraRules = null,
        Func<LocalDate, bool>? referenceHolidays = null,
        IReadOnlyList<WorkingDayOverride>? workingDays = null,
        IReadOnlyList<CalendarClosure>? closures = null)
    {
        var builder = BusinessCalendar.CreateBuilder(c.ZoneId).Covering(2024, 2028);
        var any = false;
        foreach (var (day, start, length) in c.Intervals)
        {
            var s = LocalTime.Midnight.PlusMinutes(start * 15);
            try
            {
                builder.AddWorkingHours((IsoDayOfWeek)day, s, s.PlusMinutes(length * 15));
                any = true;
            }
            catch (ArgumentException ex) when (ex.GetType() == typeof(ArgumentException) && ex.ParamName == "start")
            {
                // Overlaps an earlier interval: the builder refuses it, naming start; the case goes on without it.
            }
        }

        if (!any)
        {
            builder.AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0));
        }

        if (c.UkHolidays)
        {
            builder.AddHolidays(UkBankHolidays.EnglandAndWales);
        }

        if (extraRules is not null)
        {
            builder.AddHolidays(extraRules);
        }

        foreach (var workingDay in workingDays ?? [])
        {
            builder.AddWorkingDay(workingDay);
        }

        foreach (var closure in closures ?? [])
        {
            builder.AddClosure(closure);
        }

        var fast = builder.Build();
        return (fast, new ReferenceCalendar(
            fast.Zone, fast.WeeklyHours, referenceHolidays ?? fast.IsHoliday, new LocalDate(2028, 12, 31), workingDays?.ToDictionary(w => w.Date), closures));
    }

    private static Instant At(long seconds) => Instant.FromUnixTimeSeconds(seconds);

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 150)]
    public Property FastCalendar_AgreesWithDayByDayReference(CalendarCase c)
    {
        var (fast, reference) = Build(c);
        AssertAgrees(c, fast, reference);
        return true.ToProperty()
            .Classify(c.Intervals.Any(i => i.StartQuarter + i.LengthQuarters > 96), "an interval crosses midnight")
            .Classify(c.InstantSeconds.Any(t => CalendarArbitraries.NewYears.Any(n => Math.Abs(t - n) < 2 * 86_400)), "a query starts within two days of New Year")
            .Classify(fast.BuiltYears > 1, "the queries built several years' tables")
            .Classify(fast.BuiltYears < 5, "some covered years were never built");
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 150)]
    public Property FastCalendarWithClosuresAroundNewYear_AgreesWithDayByDayReference(ClosureCase c)
    {
        var closures = c.Closures
            .Select(x => Instant.FromUnixTimeSeconds(x.StartSeconds).InUtc().LocalDateTime)
            .Zip(c.Closures, (start, x) => new CalendarClosure(start, start.PlusMinutes(x.Minutes)))
            .ToArray();
        var (fast, reference) = Build(c.Case, closures: closures);

        // Query from the case's instants, and from where the closures and the zone's New Years begin and end.
        var zone = fast.Zone;
        var instants = c.Case.InstantSeconds
            .Concat(closures.SelectMany(x => new[] { x.Start, x.End }).Select(l => l.InZoneLeniently(zone).ToInstant().ToUnixTimeSeconds()))
            .Concat(new[] { 2025, 2026, 2027 }.Select(y => zone.AtStartOfDay(new LocalDate(y, 1, 1)).ToInstant().ToUnixTimeSeconds()))
            .ToArray();
        var queries = c.Case with { InstantSeconds = instants, DurationMinutes = [.. instants.Select((_, i) => c.Case.DurationMinutes[i % c.Case.DurationMinutes.Length])] };
        AssertAgrees(queries, fast, reference);
        foreach (var at in instants.Select(At))
        {
            var working = reference.Between(at, at + Duration.Epsilon) > Duration.Zero;
            Assert.Equal(working, fast.IsWorkingTime(at));
        }

        return true.ToProperty()
            .Classify(c.Case.Intervals.Any(i => i.StartQuarter + i.LengthQuarters > 96), "an interval crosses midnight");
    }

    /// <summary>Asserts that the fast calendar's working-time and business-day answers agree with the reference's for the case's queries.</summary>
    internal static void AssertAgrees(CalendarCase c, BusinessCalendar fast, ReferenceCalendar reference)
    {
        for (var i = 0; i < c.InstantSeconds.Length; i++)
        {
            var start = At(c.InstantSeconds[i]);
            var amount = Duration.FromMinutes(c.DurationMinutes[i]);
            var expected = reference.Add(start, amount);
            if (expected is { } e && e < fast.Zone.AtStartOfDay(new LocalDate(2029, 1, 1)).ToInstant())
            {
                Assert.Equal(e, fast.AddWorkingTime(start, amount));
            }
            else
            {
                Assert.Throws<ArgumentOutOfRangeException>(() => fast.AddWorkingTime(start, amount));
            }

            var other = At(c.InstantSeconds[(i + 1) % c.InstantSeconds.Length]);
            var (a, b) = start <= other ? (start, other) : (other, start);
            Assert.Equal(reference.Between(a, b), fast.WorkingTimeBetween(a, b));

            var date = start.InZone(fast.Zone).Date;
            var days = 1 + (c.DurationMinutes[i] % 40);
            Assert.Equal(reference.AddBusinessDays(date, days), fast.AddBusinessDays(date, days));
        }
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 150)]
    public void AddWorkingTime_IsMonotonic_InverseOfMeasuring_AndLandsInWorkingTime(CalendarCase c)
    {
        var (fast, _) = Build(c);
        var start = At(c.InstantSeconds[0]);
        var amounts = c.DurationMinutes.Select(m => Duration.FromMinutes(m)).Order().ToArray();
        var previous = start;
        var lastCovered = new LocalDate(2028, 12, 31).At(new LocalTime(23, 59)).InZoneLeniently(fast.Zone).ToInstant();
        foreach (var amount in amounts)
        {
            if (fast.WorkingTimeBetween(start, lastCovered) < amount)
            {
                // A sparse calendar runs out of covered years first: the calendar says so rather than guessing.
                Assert.Throws<ArgumentOutOfRangeException>(() => fast.AddWorkingTime(start, amount));
                break;
            }

            var result = fast.AddWorkingTime(start, amount);

            Assert.True(result >= previous, $"Add({amount}) = {result} is before a smaller amount's {previous}.");
            Assert.Equal(amount, fast.WorkingTimeBetween(start, result));
            if (amount > Duration.Zero)
            {
                Assert.True(
                    fast.IsWorkingTime(result) || fast.IsWorkingTime(result - Duration.Epsilon),
                    $"{result} is neither working time nor the end of a working interval.");
            }

            previous = result;
        }
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 100)]
    public void AddBusinessDays_AgreesWithDayByDayCounting_AndClosesAtTheDaysLastEnd(CalendarCase c)
    {
        var (fast, _) = Build(c);
        var date = At(c.InstantSeconds[0]).InZone(fast.Zone).Date;
        var days = 1 + (c.DurationMinutes[0] % 30);

        var counted = 0;
        var day = date;
        while (counted < days)
        {
            day = day.PlusDays(1);
            if (fast.IsBusinessDay(day))
            {
                counted++;
            }
        }

        Assert.Equal(day, fast.AddBusinessDays(date, days));
        var close = fast.CloseOfBusiness(day);
        foreach (var seconds in c.InstantSeconds)
        {
            // The instant overload finds the local day from its own table; it must agree with the zone's own answer.
            var at = At(seconds);
            Assert.Equal(fast.CloseOfBusiness(fast.AddBusinessDays(at.InZone(fast.Zone).Date, days)), fast.AddBusinessDays(at, days));
        }

        Assert.True(fast.IsWorkingTime(close - Duration.Epsilon));
    }
}

/// <summary>A query with any instant and any duration NodaTime can represent, most of them far outside a calendar.</summary>
public sealed record ExtremeQuery(bool Centuries, Instant Start, Instant Other, Duration Amount, int Days)
{
    public override string ToString() => $"{(Centuries ? "AlwaysOpen 1900–2200" : "London 2020–2030")} start={Start} other={Other} amount={Amount} days={Days}";
}

public static class ExtremeArbitraries
{
    private static readonly Instant Near = Instant.FromUtc(2026, 1, 1, 0, 0);

    private static Gen<long> Nanoseconds => from high in Gen.Choose(0, int.MaxValue) from low in Gen.Choose(0, int.MaxValue) select ((long)high << 32) | (uint)low;

    private static Gen<Instant> Instants => Gen.Frequency(
        (1, Gen.Elements(Instant.MinValue, Instant.MaxValue, Instant.FromUtc(1900, 1, 1, 0, 0), Instant.FromUtc(2201, 1, 1, 0, 0), Instant.FromUtc(2300, 1, 1, 0, 0))),
        (2, from days in Gen.Choose(-3_600_000, 2_900_000) from ns in Gen.Choose(0, int.MaxValue) select NodaConstants.UnixEpoch + Duration.FromDays(days) + Duration.FromNanoseconds(ns)),
        (3, from minutes in Gen.Choose(-6_000_000, 6_000_000) select Near + Duration.FromMinutes(minutes)));

    private static Gen<Duration> Durations => Gen.Frequency(
        (1, Gen.Elements(Duration.MaxValue, Duration.MinValue, Duration.Epsilon, -Duration.Epsilon, Duration.Zero, Duration.FromNanoseconds(long.MaxValue), Duration.FromNanoseconds(long.MinValue))),
        (2, from days in Gen.Choose(-16_000_000, 16_000_000) from ns in Nanoseconds select Duration.FromDays(days) + Duration.FromNanoseconds(ns % NodaConstants.NanosecondsPerDay)),
        (3, from minutes in Gen.Choose(0, 1_000_000) select Duration.FromMinutes(minutes)));

    public static Arbitrary<ExtremeQuery> Queries() =>
        (from centuries in Gen.Elements(true, false)
         from start in Instants
         from other in Instants
         from amount in Durations
         from days in Gen.Frequency((1, Gen.Elements(int.MinValue, -1, 0, int.MaxValue)), (3, Gen.Choose(1, 200_000)))
         select new ExtremeQuery(centuries, start, other, amount, days))
        .ToArbitrary();
}

public sealed class BusinessCalendarExtremeInputTests
{
    private static readonly Lazy<BusinessCalendar> Centuries = new(() => BusinessCalendar.AlwaysOpen("Europe/London", 1900, 2200));

    private static readonly BusinessCalendar London = BusinessCalendar.CreateBuilder("Europe/London")
        .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
        .AddHolidays(UkBankHolidays.EnglandAndWales)
        .Covering(2020, 2030)
        .Build();

    /// <summary>Runs a query; it either answers or throws an <see cref="ArgumentOutOfRangeException"/> (that exact type) naming one of its arguments.</summary>
    private static T? AnswerOrNamedError<T>(Func<T> query, params string[] paramNames)
        where T : struct
    {
        try
        {
            return query();
        }
        catch (Exception ex) when (ex.GetType() == typeof(ArgumentOutOfRangeException))
        {
            Assert.Contains(((ArgumentOutOfRangeException)ex).ParamName, paramNames);
            return null;
        }
    }

    [Property(Arbitrary = [typeof(ExtremeArbitraries)], MaxTest = 300)]
    public void AnyInstantAndDuration_AnswerOrNamedOutOfRangeError_NeverAnythingElse(ExtremeQuery q)
    {
        var calendar = q.Centuries ? Centuries.Value : London;

        if (AnswerOrNamedError(() => calendar.AddWorkingTime(q.Start, q.Amount), "start", "amount") is { } added)
        {
            Assert.True(added >= q.Start);
            Assert.Equal(q.Amount, calendar.WorkingTimeBetween(q.Start, added));
        }

        if (AnswerOrNamedError(() => calendar.WorkingTimeBetween(q.Start, q.Other), "start", "end") is { } between)
        {
            Assert.Equal(-between, calendar.WorkingTimeBetween(q.Other, q.Start));
        }

        AnswerOrNamedError(() => calendar.IsWorkingTime(q.Start), "instant");
        AnswerOrNamedError(() => calendar.NextWorkingInstant(q.Start), "instant");
        AnswerOrNamedError(() => calendar.AddBusinessDays(q.Start, q.Days), "receivedAt", "days");
        var date = q.Start.InUtc().Date;
        AnswerOrNamedError(() => calendar.AddBusinessDays(date, q.Days), "date", "days");
        AnswerOrNamedError(() => calendar.IsBusinessDay(date), "date");
    }
}
