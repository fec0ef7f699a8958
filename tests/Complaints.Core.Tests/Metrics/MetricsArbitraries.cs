using Complaints.Core.Calendars;
using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Metrics;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Complaints.Core.Tests.Metrics;

/// <summary>Random complaint facts (consistent, spread across and around the period) and the calculators to measure them with.</summary>
/// <param name="Facts">The complaints.</param>
/// <param name="Calculator">Which of <see cref="MetricsArbitraries.Calculators"/> to use.</param>
/// <param name="Split">Where to cut the facts into two shards (modulo their number + 1).</param>
/// <param name="Order">Sort keys giving a shuffled order of the facts.</param>
/// <param name="ParetoPercent">A Pareto share in percent, 1 to 100.</param>
public sealed record MetricsSample(ComplaintFacts[] Facts, int Calculator, int Split, int[] Order, int ParetoPercent)
{
    public ComplaintFacts[] Shuffled() => [.. Facts.Select((f, i) => (f, Key: Order[i])).OrderBy(p => p.Key).Select(p => p.f)];

    public override string ToString() =>
        $"calculator {Calculator}, split {Split}, pareto {ParetoPercent} %, {Facts.Length} facts: "
        + string.Join("; ", Facts.Select(f => $"{f.Id} {f.State} {f.Category} recv {f.ReceivedAt} closed {f.ClosedAt} first {f.FirstClosedAt} resp {f.FirstResponseAt}"));
}

public static class MetricsArbitraries
{
    public static readonly NodaTime.Interval Period = new(Instant.FromUtc(2026, 2, 1, 0, 0), Instant.FromUtc(2026, 4, 1, 0, 0));

    private static readonly Instant Origin = Instant.FromUtc(2026, 1, 1, 0, 0);
    private static readonly ComplaintState[] States = Enum.GetValues<ComplaintState>();
    private static readonly ComplaintState[] Finishing = [ComplaintState.Withdrawn, ComplaintState.Rejected, ComplaintState.Referred];
    private static readonly string[] Categories = ["billing/fees", "Billing/Fees", "delivery/late", "service/staff", "service"];
    private static readonly string?[] Roots = [null, "pricing", "delivery", "staff", "system"];
    private static readonly string?[] Teams = [null, "billing", "logistics", "care"];
    private static readonly string?[] Segments = [null, "retail", "business"];
    private static readonly string?[] Roles = [null, "agent", "manager"];
    private const int MinutesPerDay = 24 * 60;

    /// <summary>A small London calendar (weekdays 09:00–17:00), so calculators are cheap to build in properties.</summary>
    public static readonly BusinessCalendar London = BusinessCalendar.CreateBuilder("Europe/London")
        .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
        .Covering(2025, 2028)
        .Build();

    public static MetricsOptions BaseOptions() => new()
    {
        Calendar = London,
        RoleHourlyRates = { ["agent"] = 31.5m, ["manager"] = 57m },
        TeamHourlyRates = { ["care"] = 25m },
        DefaultHourlyRate = 19.99m,
        CustomerBase = 777,
        TopCustomers = 3,
    };

    /// <summary>Exact and sketch percentiles, calendar and working time, daily, weekly and monthly trends.</summary>
    public static readonly MetricsOptions[] CalculatorOptions =
    [
        BaseOptions(),
        With(BaseOptions(), o => { o.Percentiles = PercentileMode.Sketch; o.TrendGranularity = TrendGranularity.Day; }),
        With(BaseOptions(), o => { o.TimeBasis = MetricsTimeBasis.WorkingTime; o.TrendGranularity = TrendGranularity.Month; o.CountPartlyUpheldAsUpheld = true; }),
        With(BaseOptions(), o => { o.Percentiles = PercentileMode.Sketch; o.SketchRelativeAccuracy = 0.001; o.TimeBasis = MetricsTimeBasis.WorkingTime; }),
        With(BaseOptions(), o => { o.TrendGranularity = TrendGranularity.Day; o.FirstContactWindow = TimeSpan.FromDays(2); o.ReopenWindow = TimeSpan.FromDays(10); o.TopCustomers = 0; }),
    ];

    /// <summary>One calculator per <see cref="CalculatorOptions"/> (the options are shared: do not change them).</summary>
    public static readonly MetricsCalculator[] Calculators = [.. CalculatorOptions.Select(o => new MetricsCalculator(o))];

    public static MetricsOptions With(MetricsOptions options, Action<MetricsOptions> change)
    {
        change(options);
        return options;
    }

    public static Gen<ComplaintFacts> Facts() =>
        from c in Gen.Choose(0, 1_000_000).ArrayOf(24)
        select Build(c);

    public static Arbitrary<MetricsSample> Samples() =>
        (from n in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 40)))
         from facts in Facts().ArrayOf(n)
         from calculator in Gen.Choose(0, Calculators.Length - 1)
         from split in Gen.Choose(0, 1000)
         from order in Gen.Choose(0, 1_000_000).ArrayOf(n)
         from pareto in Gen.Choose(1, 100)
         select new MetricsSample(facts, calculator, split, order, pareto)).ToArbitrary();

    private static ComplaintFacts Build(int[] c)
    {
        var received = Origin + Duration.FromMinutes(c[0] % (120 * MinutesPerDay));
        // A third closed, a ninth withdrawn, rejected or referred, the rest any state.
        var state = c[1] % 3 == 0 ? ComplaintState.Closed : c[1] % 3 == 1 && c[1] / 3 % 3 == 0 ? Finishing[c[1] / 9 % Finishing.Length] : States[c[1] % States.Length];
        var terminal = state.IsTerminal();
        Instant? closed = terminal ? received + Duration.FromMinutes(c[2] % (100 * MinutesPerDay)) : null;
        Instant? firstClosed = state switch
        {
            ComplaintState.Closed when c[5] % 3 != 0 => received + ((closed!.Value - received) * (c[6] % 101) / 100),
            ComplaintState.Reopened => received + Duration.FromMinutes(c[2] % (30 * MinutesPerDay)),
            _ => null,
        };
        var effectiveFirst = firstClosed ?? (state == ComplaintState.Closed ? closed : null);
        return new ComplaintFacts(
            new ComplaintId($"C{c[23]}"), Enum.GetValues<FeedbackKind>()[c[20] % 3], Enum.GetValues<Channel>()[c[21] % Enum.GetValues<Channel>().Length],
            Category.Parse(Categories[c[17] % Categories.Length]), new CustomerRef($"K{c[18] % 8}", segment: Segments[c[19] % Segments.Length]), received)
        {
            State = state,
            Team = Teams[c[16] % Teams.Length],
            FirstResponseAt = c[3] % 5 == 0 ? null : received + Duration.FromMinutes(c[4] % (10 * MinutesPerDay)),
            ClosedAt = closed,
            FirstClosedAt = firstClosed,
            ReopenedAt = effectiveFirst is { } f1 && c[7] % 2 == 0 ? f1 + Duration.FromMinutes(c[8] % (40 * MinutesPerDay)) : null,
            RecontactAt = effectiveFirst is { } f2 && c[9] % 3 == 0 ? f2 + Duration.FromMinutes(c[10] % (20 * MinutesPerDay)) : null,
            ResolvedAtFirstContact = effectiveFirst is not null && c[11] % 2 == 0,
            Outcome = c[12] % 4 == 3 ? null : (ComplaintOutcome)(c[12] % 4),
            RootCause = Roots[c[13] % Roots.Length],
            Rating = c[14] % 6 == 0 ? null : c[14] % 6,
            HighestLevel = c[15] % 4,
            Handling = [.. Enumerable.Range(0, c[22] % 3).Select(i => new HandlingTime(Duration.FromMinutes(((c[22] / (3 + i)) % 240) + 1), Roles[(c[22] / 7 + i) % Roles.Length]))],
            Remedies = [.. Enumerable.Range(0, c[23] % 3).Select(i => i == 0
                ? new Remedy(RemedyType.Refund, new Money((c[23] / 3) % 500 + 0.25m, "EUR"))
                : new Remedy(RemedyType.Apology))],
            Sla = [.. new[] { ("response", c[21]), ("final", c[22]) }.Where(s => s.Item2 % 2 == 0).Select(s => new SlaResult(s.Item1, (SlaStatus)(s.Item2 / 2 % 3)))],
        };
    }
}
