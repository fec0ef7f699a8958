using System.Globalization;
using System.Numerics;
using Complaints.Core.Calendars;
using Complaints.Core.Deadlines;
using Complaints.Core.Domain;
using Complaints.Core.Metrics;
using NodaTime;

namespace Complaints.Core.Tests.Metrics;

/// <summary>
/// The slow, obvious model of the metrics: every figure of a <see cref="MetricsReport"/> straight from the list of
/// facts with LINQ, one query per figure, as the documentation words it. The property tests compare the
/// accumulator with it; the benchmarks measure it as their baseline (the file is linked there).
/// </summary>
public static class ReferenceMetrics
{
    private const decimal NanosecondsPerHour = 3_600_000_000_000m;

    /// <summary>Computes the report over the facts for a period, with exact percentiles.</summary>
    public static MetricsReport Compute(IReadOnlyList<ComplaintFacts> facts, MetricsOptions options, Interval period)
    {
        var calendar = options.Calendar ?? new MetricsCalculator(options).Calendar;
        var horizons = options.Horizons.Count == 0 ? MetricsOptions.DefaultHorizons : [.. options.Horizons];
        var bounds = (options.BacklogAgeBounds.Count == 0 ? MetricsOptions.DefaultBacklogAgeBounds : [.. options.BacklogAgeBounds]).Select(Duration.FromTimeSpan).ToList();
        Instant? start = period.HasStart ? period.Start : null;
        var end = period.End;
        bool InPeriod(Instant at) => at < end && (start is null || at >= start);
        Instant? FirstClosure(ComplaintFacts f) => f.FirstClosedAt ?? (f.State == ComplaintState.Closed ? f.ClosedAt : null);
        Duration Measure(Instant from, Instant to) => options.TimeBasis == MetricsTimeBasis.WorkingTime ? calendar.WorkingTimeBetween(from, to) : to - from;

        var received = facts.Where(f => InPeriod(f.ReceivedAt)).ToList();
        var finished = facts.Where(f => f.ClosedAt is { } c && InPeriod(c)).ToList();
        var closed = finished.Where(f => f.State == ComplaintState.Closed).ToList();
        var open = facts.Where(f => f.ReceivedAt < end && (f.ClosedAt is null || f.ClosedAt >= end)).ToList();
        var firstClosed = facts.Where(f => FirstClosure(f) is { } at && InPeriod(at)).ToList();

        // Timeliness: each closed complaint against each horizon, from receipt or from the first response.
        var met = closed.Select(f => horizons
            .Select(h => h.Due(new DeadlineAnchors(f.ReceivedAt, AcknowledgedAt: f.FirstResponseAt), calendar) is { } due && f.ClosedAt <= due)
            .ToList()).ToList();
        var spans = horizons.Select(Describe).ToList();

        // Satisfaction and outcomes, over the closed.
        var ratings = closed.Where(f => f.Rating is not null).Select(f => f.Rating!.Value).ToList();
        var satisfied = ratings.Count(r => r >= 4);
        var withOutcome = closed.Where(f => f.Outcome is not null).ToList();
        long Outcomes(ComplaintOutcome outcome) => withOutcome.Count(f => f.Outcome == outcome);
        var upheld = Outcomes(ComplaintOutcome.Upheld) + (options.CountPartlyUpheldAsUpheld ? Outcomes(ComplaintOutcome.PartlyUpheld) : 0);

        // Cost, over the finished: handling as rate × time, rounded once per reported figure; compensation as given.
        decimal Rate(string? role, string? team) =>
            role is not null && options.RoleHourlyRates.TryGetValue(role, out var byRole) ? byRole
            : team is not null && options.TeamHourlyRates.TryGetValue(team, out var byTeam) ? byTeam
            : options.DefaultHourlyRate;
        decimal RateNanoseconds(ComplaintFacts f) => f.Handling.Sum(h => Rate(h.Role, f.Team) * h.Time.ToInt64Nanoseconds());
        decimal Compensation(ComplaintFacts f) => f.Remedies.Sum(r => r.Value?.Amount ?? 0m);
        decimal Cost(IEnumerable<ComplaintFacts> some) =>
            Math.Round(some.Sum(RateNanoseconds) / NanosecondsPerHour, 4, MidpointRounding.AwayFromZero) + some.Sum(Compensation);
        var total = Cost(finished);
        var customers = finished.GroupBy(f => f.Customer.Id, StringComparer.Ordinal)
            .Select(g => new CustomerCost { CustomerId = g.Key, Complaints = g.Count(), Cost = Cost(g) })
            .ToList();

        double? Ratio(long numerator, long denominator) => denominator == 0 ? null : (double)numerator / denominator;
        HorizonShare Share(string label, long count) => new() { Label = label, Count = count, Share = Ratio(count, closed.Count) };

        return new MetricsReport
        {
            Start = start,
            End = end,
            TimeBasis = options.TimeBasis,
            Added = facts.Count,
            Volume = new VolumeMetrics
            {
                Received = received.Count,
                Closed = closed.Count,
                Finished = finished.Count,
                ByKind = Counts(received.GroupBy(f => f.Kind).Select(g => ((string?)g.Key.ToString(), g.LongCount()))),
                ByChannel = Counts(received.GroupBy(f => f.Channel).Select(g => ((string?)g.Key.ToString(), g.LongCount()))),
                ByCategory = Counts(CategoryCounts(received)),
                ByState = Counts(received.GroupBy(f => f.State).Select(g => ((string?)g.Key.ToString(), g.LongCount()))),
                ByTeam = Counts(received.GroupBy(f => f.Team).Select(g => (g.Key, g.LongCount()))),
                BySegment = Counts(received.GroupBy(f => f.Customer.Segment).Select(g => (g.Key, g.LongCount()))),
            },
            Backlog = new BacklogMetrics
            {
                Open = open.Count,
                MeanAge = open.Count == 0 ? null : Mean(open.Select(f => end - f.ReceivedAt)),
                OldestAge = open.Count == 0 ? null : open.Max(f => end - f.ReceivedAt),
                Ages = [.. Enumerable.Range(0, bounds.Count + 1).Select(i => new AgeBucket
                {
                    From = i == 0 ? Duration.Zero : bounds[i - 1],
                    To = i < bounds.Count ? bounds[i] : null,
                    Count = open.Count(f => (i == 0 || end - f.ReceivedAt >= bounds[i - 1]) && (i == bounds.Count || end - f.ReceivedAt < bounds[i])),
                })],
            },
            FirstResponseTime = Statistics(received.Where(f => f.FirstResponseAt < end).Select(f => Measure(f.ReceivedAt, f.FirstResponseAt!.Value))),
            ResolutionTime = Statistics(closed.Select(f => Measure(f.ReceivedAt, f.ClosedAt!.Value))),
            Sla = [.. received.SelectMany(f => f.Sla).GroupBy(s => s.Target, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new SlaTargetMetrics
            {
                Target = g.Key,
                Met = g.Count(s => s.Status == SlaStatus.Met),
                Breached = g.Count(s => s.Status == SlaStatus.Breached),
                Open = g.Count(s => s.Status == SlaStatus.Open),
                Compliance = Ratio(g.Count(s => s.Status == SlaStatus.Met), g.Count(s => s.Status != SlaStatus.Open)),
            })],
            Timeliness = new TimelinessMetrics
            {
                Closed = closed.Count,
                Within = [.. spans.Select((span, i) => Share($"within {span}", met.Count(m => m[i])))],
                Mix = [.. Enumerable.Range(0, horizons.Count + 1).Select(band => Share(
                    band == 0 ? $"within {spans[0]}" : band < horizons.Count ? $"after {spans[band - 1]}, within {spans[band]}" : $"after {spans[^1]}",
                    met.Count(m => m.IndexOf(true) is var first && (first < 0 ? horizons.Count : first) == band)))],
            },
            Satisfaction = new SatisfactionMetrics
            {
                Closed = closed.Count,
                Rated = ratings.Count,
                Satisfied = satisfied,
                Rate = Ratio(satisfied, ratings.Count),
                AverageScore = ratings.Count == 0 ? null : (double)ratings.Sum() / ratings.Count,
                ResponseRate = Ratio(ratings.Count, closed.Count),
                Scores = [.. Enumerable.Range(1, 5).Select(score => ratings.LongCount(r => r == score))],
            },
            Resolution = new ResolutionMetrics
            {
                Closed = closed.Count,
                FirstContactResolved = closed.Count(FirstContactResolved),
                FirstContactResolutionRate = Ratio(closed.Count(FirstContactResolved), closed.Count),
                Received = received.Count,
                Escalated = received.Count(f => f.HighestLevel > 0),
                EscalationRate = Ratio(received.Count(f => f.HighestLevel > 0), received.Count),
                EscalatedByLevel = [.. received.Where(f => f.HighestLevel > 0).GroupBy(f => f.HighestLevel).OrderBy(g => g.Key)
                    .Select(g => new LevelCount { Level = g.Key, Count = g.Count() })],
                Referred = received.Count(f => f.State == ComplaintState.Referred),
                ReferralRate = Ratio(received.Count(f => f.State == ComplaintState.Referred), received.Count),
                FirstClosed = firstClosed.Count,
                Reopened = firstClosed.Count(Reopened),
                ReopenRate = Ratio(firstClosed.Count(Reopened), firstClosed.Count),
                WithOutcome = withOutcome.Count,
                Upheld = Outcomes(ComplaintOutcome.Upheld),
                PartlyUpheld = Outcomes(ComplaintOutcome.PartlyUpheld),
                NotUpheld = Outcomes(ComplaintOutcome.NotUpheld),
                UpheldRate = Ratio(upheld, withOutcome.Count),
                PartlyUpheldShare = Ratio(Outcomes(ComplaintOutcome.PartlyUpheld), withOutcome.Count),
                NotUpheldShare = Ratio(Outcomes(ComplaintOutcome.NotUpheld), withOutcome.Count),
                PerThousandCustomers = options.CustomerBase is { } customerBase ? received.Count * 1000d / customerBase : null,
            },
            Cost = new CostMetrics
            {
                Currency = options.Currency,
                Complaints = finished.Count,
                HandlingTime = finished.SelectMany(f => f.Handling).Aggregate(Duration.Zero, (sum, h) => sum + h.Time),
                Handling = Math.Round(finished.Sum(RateNanoseconds) / NanosecondsPerHour, 4, MidpointRounding.AwayFromZero),
                Compensation = finished.Sum(Compensation),
                Total = total,
                PerComplaint = finished.Count == 0 ? null : Math.Round(total / finished.Count, 4, MidpointRounding.AwayFromZero),
                Customers = customers.Count,
                PerCustomer = customers.Count == 0 ? null : Math.Round(total / customers.Count, 4, MidpointRounding.AwayFromZero),
                ByRemedy = [.. Enum.GetValues<RemedyType>().Select(type => new RemedyCost
                {
                    Type = type,
                    Count = finished.SelectMany(f => f.Remedies).Count(r => r.Type == type),
                    Amount = finished.SelectMany(f => f.Remedies).Where(r => r.Type == type).Sum(r => r.Value?.Amount ?? 0m),
                })],
                TopCustomers = [.. customers.OrderByDescending(c => c.Cost).ThenBy(c => c.CustomerId, StringComparer.Ordinal).Take(options.TopCustomers)],
            },
            CategoryPareto = Pareto(CategoryCounts(received), options.ParetoShare),
            RootCausePareto = Pareto(closed.Where(f => f.RootCause is not null).GroupBy(f => f.RootCause, StringComparer.Ordinal).Select(g => (g.Key, g.LongCount())), options.ParetoShare),
            Trend = Trend(),
        };

        bool FirstContactResolved(ComplaintFacts f) =>
            f.ResolvedAtFirstContact && (f.RecontactAt is not { } back || back - FirstClosure(f)!.Value > Duration.FromTimeSpan(options.FirstContactWindow));

        bool Reopened(ComplaintFacts f) => f.ReopenedAt is { } at && at - FirstClosure(f)!.Value <= Duration.FromTimeSpan(options.ReopenWindow);

        TrendMetrics Trend()
        {
            var zone = calendar.Zone;
            LocalDate PeriodOf(Instant at) => PeriodStart(at.InZone(zone).Date);
            LocalDate PeriodStart(LocalDate date) => options.TrendGranularity switch
            {
                TrendGranularity.Day => date,
                TrendGranularity.Week => date.With(DateAdjusters.PreviousOrSame(options.FirstDayOfWeek)),
                _ => date.With(DateAdjusters.StartOfMonth),
            };

            var active = received.Select(f => f.ReceivedAt).Concat(finished.Select(f => f.ClosedAt!.Value)).ToList();
            if (start is null && active.Count == 0)
            {
                return new TrendMetrics { Granularity = options.TrendGranularity, Zone = zone.Id, Periods = [] };
            }

            var first = start is { } from ? PeriodOf(from) : active.Min(PeriodOf);
            var last = PeriodOf(end - Duration.Epsilon);
            var dates = new List<LocalDate>();
            for (var date = first; date <= last; date = options.TrendGranularity switch
            {
                TrendGranularity.Day => date.PlusDays(1),
                TrendGranularity.Week => date.PlusWeeks(1),
                _ => date.PlusMonths(1),
            })
            {
                dates.Add(date);
            }

            var rows = dates.Select(date => (
                Start: date,
                Received: received.LongCount(f => PeriodOf(f.ReceivedAt) == date),
                Closed: closed.LongCount(f => PeriodOf(f.ClosedAt!.Value) == date),
                Cost: Cost(finished.Where(f => PeriodOf(f.ClosedAt!.Value) == date).ToList()))).ToList();
            return new TrendMetrics
            {
                Granularity = options.TrendGranularity,
                Zone = zone.Id,
                Periods = [.. rows.Select((row, i) => new TrendPeriod
                {
                    Start = row.Start,
                    Received = row.Received,
                    ReceivedChange = i == 0 ? null : row.Received - rows[i - 1].Received,
                    ReceivedChangeRate = i == 0 ? null : Ratio(row.Received - rows[i - 1].Received, rows[i - 1].Received),
                    Closed = row.Closed,
                    ClosedChange = i == 0 ? null : row.Closed - rows[i - 1].Closed,
                    ClosedChangeRate = i == 0 ? null : Ratio(row.Closed - rows[i - 1].Closed, rows[i - 1].Closed),
                    Cost = row.Cost,
                    CumulativeCost = rows.Take(i + 1).Sum(r => r.Cost),
                })],
            };
        }
    }

    /// <summary>Categories by their equality (case-insensitive), each under its ordinal-first spelling.</summary>
    private static IEnumerable<(string? Key, long Count)> CategoryCounts(IEnumerable<ComplaintFacts> facts) =>
        facts.GroupBy(f => f.Category).Select(g => ((string?)g.Select(f => f.Category.Path).Order(StringComparer.Ordinal).First(), g.LongCount()));

    /// <summary>Rows largest first, then by key (ordinal, no key first), each with its share of the total.</summary>
    private static List<CountByKey> Counts(IEnumerable<(string? Key, long Count)> counts)
    {
        var rows = counts.Where(c => c.Count > 0).OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        return [.. rows.Select(r => new CountByKey { Key = r.Key, Count = r.Count, Share = (double)r.Count / rows.Sum(x => x.Count) })];
    }

    /// <summary>The keys, largest first, up to the first whose cumulative share reaches the asked share.</summary>
    private static ParetoMetrics Pareto(IEnumerable<(string? Key, long Count)> counts, double askedShare)
    {
        var rows = Counts(counts);
        var total = rows.Sum(r => r.Count);
        var items = new List<ParetoItem>();
        foreach (var row in rows)
        {
            var cumulative = items.Sum(i => i.Count) + row.Count;
            items.Add(new ParetoItem { Key = row.Key!, Count = row.Count, Share = (double)row.Count / total, CumulativeShare = (double)cumulative / total });
            if ((double)cumulative / total >= askedShare)
            {
                break;
            }
        }

        return new ParetoMetrics
        {
            AskedShare = askedShare,
            Total = total,
            Keys = rows.Count,
            CoveredShare = total == 0 ? null : (double)items.Sum(i => i.Count) / total,
            Items = items,
        };
    }

    /// <summary>Count, mean (rounded down), nearest-rank median, p90 and p95, min and max, by sorting.</summary>
    private static DurationStatistics Statistics(IEnumerable<Duration> durations)
    {
        var sorted = durations.Order().ToList();
        if (sorted.Count == 0)
        {
            return new DurationStatistics();
        }

        // Nearest rank: the smallest value with at least p % of the values at or below it.
        Duration Percentile(int percent) => sorted[Math.Max(1, (int)Math.Ceiling(percent * sorted.Count / 100m)) - 1];
        return new DurationStatistics
        {
            Count = sorted.Count,
            Mean = Mean(sorted),
            Median = Percentile(50),
            P90 = Percentile(90),
            P95 = Percentile(95),
            Min = sorted[0],
            Max = sorted[^1],
        };
    }

    private static Duration Mean(IEnumerable<Duration> durations)
    {
        var list = durations.ToList();
        return Duration.FromNanoseconds(list.Aggregate(BigInteger.Zero, (sum, d) => sum + d.ToBigIntegerNanoseconds()) / list.Count);
    }

    /// <summary>A horizon in words, such as "3 business days", "8 weeks" or "48 hours of working time".</summary>
    private static string Describe(DeadlineRule rule)
    {
        string Count(long n, string unit) => string.Create(CultureInfo.InvariantCulture, $"{n} {unit}") + (n == 1 ? string.Empty : "s");
        string Time(Duration d) => d.TotalHours == Math.Floor(d.TotalHours) ? Count((long)d.TotalHours, "hour")
            : d.TotalMinutes == Math.Floor(d.TotalMinutes) ? Count((long)d.TotalMinutes, "minute")
            : d.ToString("-H:mm:ss.FFFFFFFFF", CultureInfo.InvariantCulture);
        return rule.Unit switch
        {
            DeadlineUnit.ElapsedTime => Time(rule.Amount),
            DeadlineUnit.WorkingTime => Time(rule.Amount) + " of working time",
            DeadlineUnit.BusinessDays => Count(rule.Count, "business day"),
            DeadlineUnit.CalendarDays => Count(rule.Count, "calendar day"),
            DeadlineUnit.CalendarWeeks => Count(rule.Count, "week"),
            _ => Count(rule.Count, "month"),
        };
    }
}
