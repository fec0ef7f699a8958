using System.Globalization;
using Complaints.Core.Deadlines;
using Complaints.Core.Domain;
using Complaints.Core.Lifecycle;
using Complaints.Core.Metrics;
using NodaTime;

namespace Complaints.Core.Benchmarks;

/// <content>The naive way: the same figures with LINQ, one query per figure.</content>
public partial class MetricsBenchmarks
{
    private MetricsFigures LinqReport(ComplaintFacts[] facts)
    {
        var end = _period.End;
        var received = facts.Where(f => InPeriod(f.ReceivedAt)).ToList();
        var finished = facts.Where(f => f.ClosedAt is { } c && InPeriod(c)).ToList();
        var closed = finished.Where(f => f.State == ComplaintState.Closed).ToList();
        var open = facts.Where(f => f.ReceivedAt < end && (f.ClosedAt is not { } c || c >= end)).ToList();

        // Backlog at the end of the period.
        var ages = open.Select(f => end - f.ReceivedAt).ToList();
        var bounds = (_options.BacklogAgeBounds.Count == 0 ? MetricsOptions.DefaultBacklogAgeBounds : [.. _options.BacklogAgeBounds])
            .Select(Duration.FromTimeSpan).ToList();
        var agesByBucket = ages.GroupBy(a => bounds.Count(b => a >= b)).ToDictionary(g => g.Key, g => g.LongCount());

        // Timeliness: each closed complaint against each horizon.
        var met = closed
            .Select(f => _horizons
                .Select(h => h.Due(new DeadlineAnchors(f.ReceivedAt, AcknowledgedAt: f.FirstResponseAt), _calendar) is { } due && f.ClosedAt!.Value <= due)
                .ToArray())
            .ToList();
        var bands = met.GroupBy(m => Array.IndexOf(m, true) is var band and >= 0 ? band : _horizons.Count).ToDictionary(g => g.Key, g => g.LongCount());

        // Satisfaction and outcomes.
        var ratings = closed.Where(f => f.Rating is not null).Select(f => f.Rating!.Value).ToList();
        var satisfied = ratings.LongCount(r => r >= 4);
        var outcomes = closed.Where(f => f.Outcome is not null).GroupBy(f => f.Outcome!.Value).ToDictionary(g => g.Key, g => g.LongCount());

        // Reopening, counted on complaints first closed in the period.
        var reopenWindow = Duration.FromTimeSpan(_options.ReopenWindow);
        var firstClosed = facts.Where(f => FirstClosure(f) is { } at && InPeriod(at)).ToList();
        var firstContactWindow = Duration.FromTimeSpan(_options.FirstContactWindow);

        // Cost of the complaints finished in the period.
        var costs = finished
            .Select(f => new { f.Customer.Id, ClosedAt = f.ClosedAt!.Value, RateNanoseconds = HandlingRateNanoseconds(f), Compensation = f.Remedies.Sum(r => r.Value?.Amount ?? 0m) })
            .ToList();
        var handlingCost = Cost(costs.Sum(c => c.RateNanoseconds));
        var compensation = costs.Sum(c => c.Compensation);
        var total = handlingCost + compensation;
        var remedies = finished.SelectMany(f => f.Remedies).GroupBy(r => r.Type).ToDictionary(g => g.Key, g => (Count: g.LongCount(), Amount: g.Sum(r => r.Value?.Amount ?? 0m)));
        var customers = costs
            .GroupBy(c => c.Id, StringComparer.Ordinal)
            .Select(g => new CustomerFigure(g.Key, g.LongCount(), Cost(g.Sum(c => c.RateNanoseconds)) + g.Sum(c => c.Compensation)))
            .ToList();

        // Trend by week.
        var receivedByWeek = received.GroupBy(f => PeriodStart(f.ReceivedAt)).ToDictionary(g => g.Key, g => g.LongCount());
        var closedByWeek = closed.GroupBy(f => PeriodStart(f.ClosedAt!.Value)).ToDictionary(g => g.Key, g => g.LongCount());
        var costByWeek = costs.GroupBy(c => PeriodStart(c.ClosedAt)).ToDictionary(g => g.Key, g => Cost(g.Sum(c => c.RateNanoseconds)) + g.Sum(c => c.Compensation));
        var weeks = new List<TrendFigure>();
        for (var week = PeriodStart(_period.Start); week <= PeriodStart(end - Duration.Epsilon); week = week.PlusWeeks(1))
        {
            weeks.Add(new TrendFigure(week, receivedByWeek.GetValueOrDefault(week), closedByWeek.GetValueOrDefault(week), costByWeek.GetValueOrDefault(week)));
        }

        return new MetricsFigures
        {
            Received = received.Count,
            Closed = closed.Count,
            Finished = finished.Count,
            ByKind = Counts(received.GroupBy(f => f.Kind).Select(g => new KeyCount(g.Key.ToString(), g.LongCount()))),
            ByChannel = Counts(received.GroupBy(f => f.Channel).Select(g => new KeyCount(g.Key.ToString(), g.LongCount()))),
            ByCategory = Counts(received.GroupBy(f => f.Category).Select(g => new KeyCount(g.Key.Path, g.LongCount()))),
            ByState = Counts(received.GroupBy(f => f.State).Select(g => new KeyCount(g.Key.ToString(), g.LongCount()))),
            ByTeam = Counts(received.GroupBy(f => f.Team).Select(g => new KeyCount(g.Key, g.LongCount()))),
            BySegment = Counts(received.GroupBy(f => f.Customer.Segment).Select(g => new KeyCount(g.Key, g.LongCount()))),
            Open = open.Count,
            MeanAge = ages.Count == 0 ? null : (long)decimal.Floor(ages.Average(a => (decimal)a.ToInt64Nanoseconds())),
            OldestAge = ages.Count == 0 ? null : ages.Max().ToInt64Nanoseconds(),
            AgeBuckets = [.. Enumerable.Range(0, bounds.Count + 1).Select(i => agesByBucket.GetValueOrDefault(i))],
            FirstResponse = SortedStatistics(received.Where(f => f.FirstResponseAt is { } r && r < end).Select(f => f.FirstResponseAt!.Value - f.ReceivedAt)),
            Resolution = SortedStatistics(closed.Select(f => f.ClosedAt!.Value - f.ReceivedAt)),
            Sla = [.. received.SelectMany(f => f.Sla)
                .GroupBy(s => s.Target, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new SlaCount(
                    g.Key,
                    g.LongCount(s => s.Status == SlaStatus.Met),
                    g.LongCount(s => s.Status == SlaStatus.Breached),
                    g.LongCount(s => s.Status == SlaStatus.Open)))],
            Within = [.. _horizons.Select((_, i) => met.LongCount(m => m[i]))],
            Mix = [.. Enumerable.Range(0, _horizons.Count + 1).Select(i => bands.GetValueOrDefault(i))],
            Rated = ratings.Count,
            Satisfied = satisfied,
            SatisfactionRate = ratings.Count == 0 ? null : (double)satisfied / ratings.Count,
            AverageScore = ratings.Count == 0 ? null : ratings.Average(),
            Scores = [.. Enumerable.Range(1, 5).Select(s => ratings.LongCount(r => r == s))],
            FirstContactResolved = closed.LongCount(f =>
                f.ResolvedAtFirstContact && (f.RecontactAt is not { } back || back - FirstClosure(f)!.Value > firstContactWindow)),
            Escalated = received.LongCount(f => f.HighestLevel > 0),
            EscalatedByLevel = [.. received.Where(f => f.HighestLevel > 0)
                .GroupBy(f => f.HighestLevel)
                .OrderBy(g => g.Key)
                .Select(g => new KeyCount(g.Key.ToString(CultureInfo.InvariantCulture), g.LongCount()))],
            Referred = received.LongCount(f => f.State == ComplaintState.Referred),
            FirstClosed = firstClosed.Count,
            Reopened = firstClosed.LongCount(f => f.ReopenedAt is { } r && r - FirstClosure(f)!.Value <= reopenWindow),
            Upheld = outcomes.GetValueOrDefault(ComplaintOutcome.Upheld),
            PartlyUpheld = outcomes.GetValueOrDefault(ComplaintOutcome.PartlyUpheld),
            NotUpheld = outcomes.GetValueOrDefault(ComplaintOutcome.NotUpheld),
            HandlingTime = finished.SelectMany(f => f.Handling).Aggregate(Duration.Zero, (sum, h) => sum + h.Time),
            HandlingCost = handlingCost,
            Compensation = compensation,
            TotalCost = total,
            PerComplaint = finished.Count == 0 ? null : Math.Round(total / finished.Count, 4, MidpointRounding.AwayFromZero),
            Customers = customers.Count,
            PerCustomer = customers.Count == 0 ? null : Math.Round(total / customers.Count, 4, MidpointRounding.AwayFromZero),
            ByRemedy = [.. Enum.GetValues<RemedyType>().Select(t => remedies.TryGetValue(t, out var r) ? new RemedyFigure(t, r.Count, r.Amount) : new RemedyFigure(t, 0, 0m))],
            TopCustomers = [.. customers.OrderByDescending(c => c.Cost).ThenBy(c => c.Id, StringComparer.Ordinal).Take(_options.TopCustomers)],
            CategoryPareto = Pareto(received.GroupBy(f => f.Category).Select(g => new KeyCount(g.Key.Path, g.LongCount()))),
            RootCausePareto = Pareto(closed.Where(f => f.RootCause is not null).GroupBy(f => f.RootCause, StringComparer.Ordinal).Select(g => new KeyCount(g.Key, g.LongCount()))),
            Trend = weeks,
        };
    }

    /// <summary>Counts by key, largest first, then by key (ordinal).</summary>
    private static List<KeyCount> Counts(IEnumerable<KeyCount> counts) =>
        [.. counts.Where(c => c.Count > 0).OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal)];

    /// <summary>The keys, largest first, up to the one whose cumulative share reaches the asked share.</summary>
    private ParetoFigures Pareto(IEnumerable<KeyCount> counts)
    {
        var rows = Counts(counts);
        var total = rows.Sum(r => r.Count);
        var items = new List<KeyCount>();
        var cumulative = 0L;
        foreach (var row in rows)
        {
            cumulative += row.Count;
            items.Add(row);
            if ((double)cumulative / total >= _options.ParetoShare)
            {
                break;
            }
        }

        return new ParetoFigures(total, rows.Count, items);
    }

    /// <summary>Mean (rounded down), nearest-rank percentiles, min and max, by sorting.</summary>
    private static DurationFigures SortedStatistics(IEnumerable<Duration> durations)
    {
        var sorted = durations.Select(d => d.ToInt64Nanoseconds()).OrderBy(ns => ns).ToArray();
        if (sorted.Length == 0)
        {
            return new DurationFigures(0, null, null, null, null, null, null);
        }

        return new DurationFigures(
            sorted.Length,
            (long)decimal.Floor(sorted.Average(ns => (decimal)ns)),
            Percentile(50),
            Percentile(90),
            Percentile(95),
            sorted[0],
            sorted[^1]);

        // Nearest rank: the smallest value with at least p % of the values at or below it.
        long Percentile(int percent) => sorted[Math.Max(1, (int)Math.Ceiling(percent * sorted.Length / 100d)) - 1];
    }
}
