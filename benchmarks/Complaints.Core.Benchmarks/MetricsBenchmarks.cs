using Complaints.Core.Domain;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Complaints.Core.Calendars;
using Complaints.Core.Deadlines;
using Complaints.Core.Metrics;
using NodaTime;

namespace Complaints.Core.Benchmarks;

/// <summary>
/// The cost of ONE full metrics report over 1,000,000 closed complaints (every invocation processes all of them):
/// volumes by kind, channel, category, state, team and segment; backlog; first-response and resolution time
/// statistics (mean, median, p90, p95, min, max); SLA compliance; timeliness against the default horizons (3 business
/// days and 8 weeks); satisfaction; first-contact resolution, escalation, referral, reopening and outcomes; cost by
/// remedy and per customer with the 10 costliest customers; category and root-cause Pareto sets; and the weekly trend.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><see cref="Library"/>: this library, exact percentiles: a fresh accumulator, <c>Add</c> for each complaint,
/// <c>ToReport</c>.</item>
/// <item><see cref="LibrarySketch"/>: the same with <see cref="PercentileMode.Sketch"/> (1 % relative accuracy).</item>
/// <item><see cref="Linq"/> (baseline): the naive way, the tests' reference model <c>ReferenceMetrics</c> (linked from
/// the test project): Where, GroupBy and Count per figure, sorting for the percentiles, GroupBy customer for the cost,
/// <see cref="DeadlineRule.Due"/> for the horizons, OrderByDescending for the Pareto sets and one query per trend
/// period.</item>
/// <item><see cref="MathNetPeer"/>: a peer, one plain loop with arrays and dictionaries for the counts and
/// MathNet.Numerics (<c>ArrayStatistics</c>) for the duration statistics.</item>
/// <item><see cref="Merge16Shards"/>: merging 16 accumulators, each filled once in the setup with 1/16 of the
/// complaints (exact percentiles), into a fresh one, then <c>ToReport</c>.</item>
/// </list>
/// The setup checks every figure of the LINQ version, the MathNet peer and the merged accumulator against the library's
/// report (and the sketch's percentiles against its error bound), so a wrong reference cannot be measured.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public partial class MetricsBenchmarks
{
    private const int ComplaintCount = 1_000_000;
    private const int ShardCount = 16;
    private const int CategoryCount = 50;
    private const int TeamCount = 10;
    private const int RootCauseCount = 20;
    private const int CustomerCount = 100_000;
    private const string Currency = "EUR";
    private const decimal NanosecondsPerHour = 3_600_000_000_000m;

    // MathNet's mean is a running mean in doubles; it may differ from the exact mean (rounded down) by up to 1 ms.
    private const long MeanTolerance = 1_000_000;

    // Received during 2025, closed by the end of March 2026 at the latest (90 days at most).
    private static readonly Interval _period = new(Instant.FromUtc(2025, 1, 1, 0, 0), Instant.FromUtc(2026, 4, 1, 0, 0));

    private readonly MetricsOptions _options = new()
    {
        Currency = Currency,
        RoleHourlyRates = { ["agent"] = 30m, ["specialist"] = 45m, ["manager"] = 60m },
        TeamHourlyRates = { ["team00"] = 40m, ["team01"] = 35m },
        DefaultHourlyRate = 25m,
    };

    private ComplaintFacts[] _facts = [];
    private MetricsCalculator _exact = null!;
    private MetricsCalculator _sketch = null!;
    private MetricsAccumulator[] _shards = [];
    private BusinessCalendar _calendar = null!;
    private IReadOnlyList<DeadlineRule> _horizons = [];

    /// <summary>
    /// Builds the 1,000,000 complaints, the two calculators and the 16 filled shards, and checks every other way
    /// against the library's report.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        _facts = Generate();
        _exact = new MetricsCalculator(_options);
        _options.Percentiles = PercentileMode.Sketch;
        _sketch = new MetricsCalculator(_options);
        _options.Percentiles = PercentileMode.Exact;
        _calendar = _exact.Calendar;
        _horizons = _exact.Horizons;

        _shards = new MetricsAccumulator[ShardCount];
        var perShard = _facts.Length / ShardCount;
        for (var s = 0; s < ShardCount; s++)
        {
            _shards[s] = _exact.CreateAccumulator(_period);
            var end = s == ShardCount - 1 ? _facts.Length : (s + 1) * perShard;
            for (var i = s * perShard; i < end; i++)
            {
                _shards[s].Add(_facts[i]);
            }
        }

        Check();
    }

    /// <summary>This library, exact percentiles: one accumulator, every complaint added, then the report.</summary>
    /// <returns>The report.</returns>
    [Benchmark]
    public MetricsReport Library() => Accumulate(_exact);

    /// <summary>This library with sketched percentiles (1 % relative accuracy).</summary>
    /// <returns>The report.</returns>
    [Benchmark]
    public MetricsReport LibrarySketch() => Accumulate(_sketch);

    /// <summary>The naive way (baseline): the same figures with LINQ, one query per figure.</summary>
    /// <returns>The figures.</returns>
    [Benchmark(Baseline = true)]
    public MetricsFigures Linq() => MetricsFigures.From(Tests.Metrics.ReferenceMetrics.Compute(_facts, _options, _period));

    /// <summary>The peer: one plain loop for the counts, MathNet.Numerics for the duration statistics.</summary>
    /// <returns>The figures.</returns>
    [Benchmark]
    public MetricsFigures MathNetPeer() => PeerReport(_facts);

    /// <summary>This library: merge 16 filled shard accumulators into a fresh one, then the report.</summary>
    /// <returns>The report.</returns>
    [Benchmark]
    public MetricsReport Merge16Shards()
    {
        var accumulator = _exact.CreateAccumulator(_period);
        foreach (var shard in _shards)
        {
            accumulator.Merge(shard);
        }

        return accumulator.ToReport();
    }

    private MetricsReport Accumulate(MetricsCalculator calculator)
    {
        var accumulator = calculator.CreateAccumulator(_period);
        var facts = _facts;
        for (var i = 0; i < facts.Length; i++)
        {
            accumulator.Add(facts[i]);
        }

        return accumulator.ToReport();
    }

    private static bool InPeriod(Instant instant) => instant >= _period.Start && instant < _period.End;

    private static Instant? FirstClosure(ComplaintFacts facts) =>
        facts.FirstClosedAt ?? (facts.State == ComplaintState.Closed ? facts.ClosedAt : null);

    /// <summary>The hourly rate of staff time: by role, else by team, else the default (as the library documents).</summary>
    private decimal HourlyRate(string? role, string? team) =>
        role is not null && _options.RoleHourlyRates.TryGetValue(role, out var byRole) ? byRole
        : team is not null && _options.TeamHourlyRates.TryGetValue(team, out var byTeam) ? byTeam
        : _options.DefaultHourlyRate;

    /// <summary>A complaint's handling cost before division and rounding: the sum of hourly rate × nanoseconds (exact in decimal).</summary>
    private decimal HandlingRateNanoseconds(ComplaintFacts facts)
    {
        var sum = 0m;
        foreach (var handling in facts.Handling)
        {
            sum += HourlyRate(handling.Role, facts.Team) * handling.Time.ToInt64Nanoseconds();
        }

        return sum;
    }

    /// <summary>
    /// A handling cost in currency units from a sum of rate × nanoseconds: divided by the nanoseconds in an hour and
    /// rounded to 4 decimals (away from zero) once per reported figure (the total, each customer, each trend period).
    /// </summary>
    private static decimal Cost(decimal rateNanoseconds) =>
        Math.Round(rateNanoseconds / NanosecondsPerHour, 4, MidpointRounding.AwayFromZero);

    private LocalDate PeriodStart(Instant instant) =>
        instant.InZone(_calendar.Zone).Date.With(DateAdjusters.PreviousOrSame(_options.FirstDayOfWeek));

    /// <summary>Runs every way once and throws if a figure disagrees with the library's report.</summary>
    private void Check()
    {
        var library = MetricsFigures.From(Library());
        Compare(library, Linq(), nameof(Linq));
        Compare(library, MetricsFigures.From(Merge16Shards()), nameof(Merge16Shards));

        // MathNet's running mean in doubles may differ from the exact mean by a little (see MeanTolerance).
        var peer = MathNetPeer();
        var meanDifferences = new List<string>();
        Compare(library, peer, nameof(MathNetPeer), (name, expected, actual) =>
        {
            if (name.EndsWith(".Mean", StringComparison.Ordinal) && expected is long e && actual is long a && Math.Abs(e - a) <= MeanTolerance)
            {
                meanDifferences.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: {a - e:+0;-0;0} ns"));
                return true;
            }

            return false;
        });

        // The sketch: everything exact but the percentiles, which must be within the relative accuracy (1 %).
        var sketchErrors = new List<string>();
        Compare(library, MetricsFigures.From(LibrarySketch()), nameof(LibrarySketch), (name, expected, actual) =>
        {
            if ((name.EndsWith(".Median", StringComparison.Ordinal) || name.EndsWith(".P90", StringComparison.Ordinal) || name.EndsWith(".P95", StringComparison.Ordinal))
                && expected is long e && actual is long a)
            {
                var error = Math.Abs(a - e) / (double)e;
                sketchErrors.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: {error:P3}"));
                return error <= _options.SketchRelativeAccuracy + 1e-9;
            }

            return false;
        });

        Console.WriteLine("// MetricsBenchmarks check: the LINQ version, the MathNet peer and the merged shards agree with the library on every figure.");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"//   received {library.Received:N0}, closed {library.Closed:N0}, customers {library.Customers:N0}, categories {library.ByCategory.Count}, weeks {library.Trend.Count}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"//   resolution mean {Show(library.Resolution.Mean)}, median {Show(library.Resolution.Median)}, p90 {Show(library.Resolution.P90)}, p95 {Show(library.Resolution.P95)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"//   satisfaction rate {library.SatisfactionRate:P2}, total cost {library.TotalCost:N4} {Currency}, top category {library.CategoryPareto.Items[0].Key} ({library.CategoryPareto.Items[0].Count:N0}), Pareto keys {library.CategoryPareto.Items.Count}/{library.CategoryPareto.Keys}"));
        Console.WriteLine("//   MathNet mean vs exact: " + string.Join(", ", meanDifferences));
        Console.WriteLine("//   sketch percentile errors: " + string.Join(", ", sketchErrors));

        static string Show(long? nanoseconds) => Duration.FromNanoseconds(nanoseconds ?? 0).ToString("-D:hh:mm:ss", CultureInfo.InvariantCulture);
    }

    private static void Compare(MetricsFigures expected, MetricsFigures actual, string way, Func<string, object?, object?, bool>? tolerated = null)
    {
        var wanted = expected.ToEntries();
        var got = actual.ToEntries();
        for (var i = 0; i < Math.Max(wanted.Count, got.Count); i++)
        {
            if (i >= wanted.Count || i >= got.Count || wanted[i].Name != got[i].Name)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"{way} lists different figures from the library at entry {i}: {(i < got.Count ? got[i].Name : "(end)")} instead of {(i < wanted.Count ? wanted[i].Name : "(end)")}."));
            }

            if (!Equals(wanted[i].Value, got[i].Value) && tolerated?.Invoke(wanted[i].Name, wanted[i].Value, got[i].Value) != true)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"{way} disagrees with the library on {wanted[i].Name}: {got[i].Value ?? "null"} instead of {wanted[i].Value ?? "null"}."));
            }
        }
    }
}
