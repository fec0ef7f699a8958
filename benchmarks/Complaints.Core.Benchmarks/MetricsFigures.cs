using System.Globalization;
using Complaints.Core.Domain;
using Complaints.Core.Metrics;
using NodaTime;

namespace Complaints.Core.Benchmarks;

/// <summary>A count under a key (null for complaints without one).</summary>
/// <param name="Key">The key.</param>
/// <param name="Count">The count.</param>
public readonly record struct KeyCount(string? Key, long Count);

/// <summary>One service-level target's tally.</summary>
/// <param name="Target">The target's name.</param>
/// <param name="Met">Complaints that met it.</param>
/// <param name="Breached">Complaints that breached it.</param>
/// <param name="Open">Complaints still running against it.</param>
public readonly record struct SlaCount(string Target, long Met, long Breached, long Open);

/// <summary>One remedy type's count and amount.</summary>
/// <param name="Type">The remedy type.</param>
/// <param name="Count">How many were given.</param>
/// <param name="Amount">Their total value.</param>
public readonly record struct RemedyFigure(RemedyType Type, long Count, decimal Amount);

/// <summary>One customer's complaints and cost.</summary>
/// <param name="Id">The customer's id.</param>
/// <param name="Complaints">Their finished complaints.</param>
/// <param name="Cost">Handling plus compensation.</param>
public readonly record struct CustomerFigure(string Id, long Complaints, decimal Cost);

/// <summary>One trend period.</summary>
/// <param name="Start">The first day of the period.</param>
/// <param name="Received">Complaints received in it.</param>
/// <param name="Closed">Complaints closed in it.</param>
/// <param name="Cost">Cost of the complaints finished in it.</param>
public readonly record struct TrendFigure(LocalDate Start, long Received, long Closed, decimal Cost);

/// <summary>Statistics of a set of durations, in nanoseconds (percentiles by nearest rank).</summary>
/// <param name="Count">The number of durations.</param>
/// <param name="Mean">The mean, rounded down.</param>
/// <param name="Median">The 50th percentile.</param>
/// <param name="P90">The 90th percentile.</param>
/// <param name="P95">The 95th percentile.</param>
/// <param name="Min">The shortest.</param>
/// <param name="Max">The longest.</param>
public readonly record struct DurationFigures(long Count, long? Mean, long? Median, long? P90, long? P95, long? Min, long? Max);

/// <summary>A Pareto set.</summary>
/// <param name="Total">The total count over every key.</param>
/// <param name="Keys">The number of keys.</param>
/// <param name="Items">The top keys, up to the one that reaches the asked share.</param>
public readonly record struct ParetoFigures(long Total, long Keys, IReadOnlyList<KeyCount> Items);

/// <summary>
/// Every figure of a <see cref="MetricsReport"/> as plain values, so that the reference implementations (LINQ and
/// MathNet) can be checked against the library figure by figure. Shares and rates are left out where they follow
/// from the counts by one division (the report derives them the same way).
/// </summary>
public sealed class MetricsFigures
{
    public long Received { get; init; }

    public long Closed { get; init; }

    public long Finished { get; init; }

    public required IReadOnlyList<KeyCount> ByKind { get; init; }

    public required IReadOnlyList<KeyCount> ByChannel { get; init; }

    public required IReadOnlyList<KeyCount> ByCategory { get; init; }

    public required IReadOnlyList<KeyCount> ByState { get; init; }

    public required IReadOnlyList<KeyCount> ByTeam { get; init; }

    public required IReadOnlyList<KeyCount> BySegment { get; init; }

    public long Open { get; init; }

    public long? MeanAge { get; init; }

    public long? OldestAge { get; init; }

    public required IReadOnlyList<long> AgeBuckets { get; init; }

    public DurationFigures FirstResponse { get; init; }

    public DurationFigures Resolution { get; init; }

    public required IReadOnlyList<SlaCount> Sla { get; init; }

    public required IReadOnlyList<long> Within { get; init; }

    public required IReadOnlyList<long> Mix { get; init; }

    public long Rated { get; init; }

    public long Satisfied { get; init; }

    public double? SatisfactionRate { get; init; }

    public double? AverageScore { get; init; }

    public required IReadOnlyList<long> Scores { get; init; }

    public long FirstContactResolved { get; init; }

    public long Escalated { get; init; }

    public required IReadOnlyList<KeyCount> EscalatedByLevel { get; init; }

    public long Referred { get; init; }

    public long FirstClosed { get; init; }

    public long Reopened { get; init; }

    public long Upheld { get; init; }

    public long PartlyUpheld { get; init; }

    public long NotUpheld { get; init; }

    public Duration HandlingTime { get; init; }

    public decimal HandlingCost { get; init; }

    public decimal Compensation { get; init; }

    public decimal TotalCost { get; init; }

    public decimal? PerComplaint { get; init; }

    public long Customers { get; init; }

    public decimal? PerCustomer { get; init; }

    public required IReadOnlyList<RemedyFigure> ByRemedy { get; init; }

    public required IReadOnlyList<CustomerFigure> TopCustomers { get; init; }

    public ParetoFigures CategoryPareto { get; init; }

    public ParetoFigures RootCausePareto { get; init; }

    public required IReadOnlyList<TrendFigure> Trend { get; init; }

    /// <summary>Takes the figures of a library report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The figures.</returns>
    public static MetricsFigures From(MetricsReport report) => new()
    {
        Received = report.Volume.Received,
        Closed = report.Volume.Closed,
        Finished = report.Volume.Finished,
        ByKind = Keys(report.Volume.ByKind),
        ByChannel = Keys(report.Volume.ByChannel),
        ByCategory = Keys(report.Volume.ByCategory),
        ByState = Keys(report.Volume.ByState),
        ByTeam = Keys(report.Volume.ByTeam),
        BySegment = Keys(report.Volume.BySegment),
        Open = report.Backlog.Open,
        MeanAge = report.Backlog.MeanAge?.ToInt64Nanoseconds(),
        OldestAge = report.Backlog.OldestAge?.ToInt64Nanoseconds(),
        AgeBuckets = [.. report.Backlog.Ages.Select(a => a.Count)],
        FirstResponse = Durations(report.FirstResponseTime),
        Resolution = Durations(report.ResolutionTime),
        Sla = [.. report.Sla.Select(s => new SlaCount(s.Target, s.Met, s.Breached, s.Open))],
        Within = [.. report.Timeliness.Within.Select(w => w.Count)],
        Mix = [.. report.Timeliness.Mix.Select(w => w.Count)],
        Rated = report.Satisfaction.Rated,
        Satisfied = report.Satisfaction.Satisfied,
        SatisfactionRate = report.Satisfaction.Rate,
        AverageScore = report.Satisfaction.AverageScore,
        Scores = report.Satisfaction.Scores,
        FirstContactResolved = report.Resolution.FirstContactResolved,
        Escalated = report.Resolution.Escalated,
        EscalatedByLevel = [.. report.Resolution.EscalatedByLevel.Select(l => new KeyCount(l.Level.ToString(CultureInfo.InvariantCulture), l.Count))],
        Referred = report.Resolution.Referred,
        FirstClosed = report.Resolution.FirstClosed,
        Reopened = report.Resolution.Reopened,
        Upheld = report.Resolution.Upheld,
        PartlyUpheld = report.Resolution.PartlyUpheld,
        NotUpheld = report.Resolution.NotUpheld,
        HandlingTime = report.Cost.HandlingTime,
        HandlingCost = report.Cost.Handling,
        Compensation = report.Cost.Compensation,
        TotalCost = report.Cost.Total,
        PerComplaint = report.Cost.PerComplaint,
        Customers = report.Cost.Customers,
        PerCustomer = report.Cost.PerCustomer,
        ByRemedy = [.. report.Cost.ByRemedy.Select(r => new RemedyFigure(r.Type, r.Count, r.Amount))],
        TopCustomers = [.. report.Cost.TopCustomers.Select(c => new CustomerFigure(c.CustomerId, c.Complaints, c.Cost))],
        CategoryPareto = Pareto(report.CategoryPareto),
        RootCausePareto = Pareto(report.RootCausePareto),
        Trend = [.. report.Trend.Periods.Select(p => new TrendFigure(p.Start, p.Received, p.Closed, p.Cost))],
    };

    /// <summary>
    /// Lists every figure with its name, in a fixed order, for comparison. The values compare with
    /// <see cref="object.Equals(object?, object?)"/>, so decimals compare by value whatever their scale.
    /// </summary>
    /// <returns>The named figures.</returns>
    public IReadOnlyList<(string Name, object? Value)> ToEntries()
    {
        var lines = new List<(string Name, object? Value)>();
        Add("Received", Received);
        Add("Closed", Closed);
        Add("Finished", Finished);
        AddAll("ByKind", ByKind);
        AddAll("ByChannel", ByChannel);
        AddAll("ByCategory", ByCategory);
        AddAll("ByState", ByState);
        AddAll("ByTeam", ByTeam);
        AddAll("BySegment", BySegment);
        Add("Open", Open);
        Add("MeanAge", MeanAge);
        Add("OldestAge", OldestAge);
        AddAll("AgeBuckets", AgeBuckets);
        Add("FirstResponse.Count", FirstResponse.Count);
        Add("FirstResponse.Mean", FirstResponse.Mean);
        Add("FirstResponse.Median", FirstResponse.Median);
        Add("FirstResponse.P90", FirstResponse.P90);
        Add("FirstResponse.P95", FirstResponse.P95);
        Add("FirstResponse.Min", FirstResponse.Min);
        Add("FirstResponse.Max", FirstResponse.Max);
        Add("Resolution.Count", Resolution.Count);
        Add("Resolution.Mean", Resolution.Mean);
        Add("Resolution.Median", Resolution.Median);
        Add("Resolution.P90", Resolution.P90);
        Add("Resolution.P95", Resolution.P95);
        Add("Resolution.Min", Resolution.Min);
        Add("Resolution.Max", Resolution.Max);
        AddAll("Sla", Sla);
        AddAll("Within", Within);
        AddAll("Mix", Mix);
        Add("Rated", Rated);
        Add("Satisfied", Satisfied);
        Add("SatisfactionRate", SatisfactionRate);
        Add("AverageScore", AverageScore);
        AddAll("Scores", Scores);
        Add("FirstContactResolved", FirstContactResolved);
        Add("Escalated", Escalated);
        AddAll("EscalatedByLevel", EscalatedByLevel);
        Add("Referred", Referred);
        Add("FirstClosed", FirstClosed);
        Add("Reopened", Reopened);
        Add("Upheld", Upheld);
        Add("PartlyUpheld", PartlyUpheld);
        Add("NotUpheld", NotUpheld);
        Add("HandlingTime", HandlingTime);
        Add("HandlingCost", HandlingCost);
        Add("Compensation", Compensation);
        Add("TotalCost", TotalCost);
        Add("PerComplaint", PerComplaint);
        Add("Customers", Customers);
        Add("PerCustomer", PerCustomer);
        AddAll("ByRemedy", ByRemedy);
        AddAll("TopCustomers", TopCustomers);
        Add("CategoryPareto.Total", CategoryPareto.Total);
        Add("CategoryPareto.Keys", CategoryPareto.Keys);
        AddAll("CategoryPareto.Items", CategoryPareto.Items);
        Add("RootCausePareto.Total", RootCausePareto.Total);
        Add("RootCausePareto.Keys", RootCausePareto.Keys);
        AddAll("RootCausePareto.Items", RootCausePareto.Items);
        AddAll("Trend", Trend);
        return lines;

        void Add(string name, object? value) => lines.Add((name, value));

        void AddAll<T>(string name, IEnumerable<T> values)
        {
            var i = 0;
            foreach (var value in values)
            {
                Add(string.Create(CultureInfo.InvariantCulture, $"{name}[{i++}]"), value);
            }

            Add(name + ".Count", i);
        }
    }

    private static List<KeyCount> Keys(IEnumerable<CountByKey> rows) => [.. rows.Select(r => new KeyCount(r.Key, r.Count))];

    private static DurationFigures Durations(DurationStatistics s) => new(
        s.Count,
        s.Mean?.ToInt64Nanoseconds(),
        s.Median?.ToInt64Nanoseconds(),
        s.P90?.ToInt64Nanoseconds(),
        s.P95?.ToInt64Nanoseconds(),
        s.Min?.ToInt64Nanoseconds(),
        s.Max?.ToInt64Nanoseconds());

    private static ParetoFigures Pareto(ParetoMetrics p) =>
        new(p.Total, p.Keys, [.. p.Items.Select(i => new KeyCount(i.Key, i.Count))]);
}
