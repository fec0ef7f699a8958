using System.Globalization;
using System.Runtime.InteropServices;
using Complaints.Core.Deadlines;
using Complaints.Core.Domain;
using Complaints.Core.Lifecycle;
using Complaints.Core.Metrics;
using MathNet.Numerics.Statistics;
using NodaTime;

namespace Complaints.Core.Benchmarks;

/// <content>The peer: one plain loop with arrays and dictionaries for the counts, MathNet.Numerics for the duration statistics.</content>
public partial class MetricsBenchmarks
{
    private MetricsFigures PeerReport(ComplaintFacts[] facts)
    {
        var end = _period.End;
        var bounds = (_options.BacklogAgeBounds.Count == 0 ? MetricsOptions.DefaultBacklogAgeBounds : [.. _options.BacklogAgeBounds])
            .Select(b => Duration.FromTimeSpan(b).ToInt64Nanoseconds()).ToArray();
        var reopenWindow = Duration.FromTimeSpan(_options.ReopenWindow);
        var firstContactWindow = Duration.FromTimeSpan(_options.FirstContactWindow);
        var horizons = _horizons.Count;

        long received = 0, closed = 0, finished = 0, noTeam = 0, noSegment = 0, open = 0, oldest = 0;
        long rated = 0, scoreSum = 0, firstContact = 0, escalated = 0, referred = 0, firstClosed = 0, reopened = 0;
        var openAgeSum = 0m;
        var byKind = new long[Enum.GetValues<FeedbackKind>().Length];
        var byChannel = new long[Enum.GetValues<Channel>().Length];
        var byState = new long[Enum.GetValues<ComplaintState>().Length];
        var byCategory = new Dictionary<Category, long>();
        var byTeam = new Dictionary<string, long>(StringComparer.Ordinal);
        var bySegment = new Dictionary<string, long>(StringComparer.Ordinal);
        var ageBuckets = new long[bounds.Length + 1];
        var firstResponse = new List<double>();
        var resolution = new List<double>();
        var sla = new Dictionary<string, (long Met, long Breached, long Open)>(StringComparer.Ordinal);
        var within = new long[horizons];
        var mix = new long[horizons + 1];
        var scores = new long[5];
        var byLevel = new Dictionary<int, long>();
        var outcomes = new long[Enum.GetValues<ComplaintOutcome>().Length];
        var handlingTime = Duration.Zero;
        var handlingRateNanoseconds = 0m;
        var compensation = 0m;
        var remedyCounts = new long[_remedyTypes.Length];
        var remedyAmounts = new decimal[_remedyTypes.Length];
        var customers = new Dictionary<string, (long Complaints, decimal RateNanoseconds, decimal Compensation)>(StringComparer.Ordinal);
        var rootCauses = new Dictionary<string, long>(StringComparer.Ordinal);
        var weeks = new Dictionary<LocalDate, (long Received, long Closed, decimal RateNanoseconds, decimal Compensation)>();

        foreach (var f in facts)
        {
            var isReceived = InPeriod(f.ReceivedAt);
            var isFinished = f.ClosedAt is { } ended && InPeriod(ended);
            var isClosed = isFinished && f.State == ComplaintState.Closed;
            if (isReceived)
            {
                received++;
                byKind[(int)f.Kind]++;
                byChannel[(int)f.Channel]++;
                byState[(int)f.State]++;
                CollectionsMarshal.GetValueRefOrAddDefault(byCategory, f.Category, out _)++;
                if (f.Team is { } team)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(byTeam, team, out _)++;
                }
                else
                {
                    noTeam++;
                }

                if (f.Customer.Segment is { } segment)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(bySegment, segment, out _)++;
                }
                else
                {
                    noSegment++;
                }

                if (f.FirstResponseAt is { } responded && responded < end)
                {
                    firstResponse.Add((responded - f.ReceivedAt).ToInt64Nanoseconds());
                }

                for (var i = 0; i < f.Sla.Count; i++)
                {
                    ref var tally = ref CollectionsMarshal.GetValueRefOrAddDefault(sla, f.Sla[i].Target, out _);
                    switch (f.Sla[i].Status)
                    {
                        case SlaStatus.Met:
                            tally.Met++;
                            break;
                        case SlaStatus.Breached:
                            tally.Breached++;
                            break;
                        default:
                            tally.Open++;
                            break;
                    }
                }

                if (f.HighestLevel > 0)
                {
                    escalated++;
                    CollectionsMarshal.GetValueRefOrAddDefault(byLevel, f.HighestLevel, out _)++;
                }

                if (f.State == ComplaintState.Referred)
                {
                    referred++;
                }

                CollectionsMarshal.GetValueRefOrAddDefault(weeks, PeriodStart(f.ReceivedAt), out _).Received++;
            }

            if (f.ReceivedAt < end && (f.ClosedAt is not { } gone || gone >= end))
            {
                var age = (end - f.ReceivedAt).ToInt64Nanoseconds();
                open++;
                openAgeSum += age;
                oldest = Math.Max(oldest, age);
                var bucket = 0;
                while (bucket < bounds.Length && age >= bounds[bucket])
                {
                    bucket++;
                }

                ageBuckets[bucket]++;
            }

            if (FirstClosure(f) is { } first && InPeriod(first))
            {
                firstClosed++;
                if (f.ReopenedAt is { } back && back - first <= reopenWindow)
                {
                    reopened++;
                }
            }

            if (isClosed)
            {
                var closedAt = f.ClosedAt!.Value;
                closed++;
                resolution.Add((closedAt - f.ReceivedAt).ToInt64Nanoseconds());
                var anchors = new DeadlineAnchors(f.ReceivedAt, AcknowledgedAt: f.FirstResponseAt);
                var band = horizons;
                for (var h = horizons - 1; h >= 0; h--)
                {
                    if (_horizons[h].Due(anchors, _calendar) is { } due && closedAt <= due)
                    {
                        within[h]++;
                        band = h;
                    }
                }

                mix[band]++;
                if (f.Rating is { } score)
                {
                    rated++;
                    scoreSum += score;
                    scores[score - 1]++;
                }

                if (f.ResolvedAtFirstContact && (f.RecontactAt is not { } recontact || recontact - FirstClosure(f)!.Value > firstContactWindow))
                {
                    firstContact++;
                }

                if (f.Outcome is { } outcome)
                {
                    outcomes[(int)outcome]++;
                }

                if (f.RootCause is { } cause)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(rootCauses, cause, out _)++;
                }

                CollectionsMarshal.GetValueRefOrAddDefault(weeks, PeriodStart(closedAt), out _).Closed++;
            }

            if (isFinished)
            {
                finished++;
                for (var i = 0; i < f.Handling.Count; i++)
                {
                    handlingTime += f.Handling[i].Time;
                }

                var rateNanoseconds = HandlingRateNanoseconds(f);
                var given = 0m;
                for (var i = 0; i < f.Remedies.Count; i++)
                {
                    var remedy = f.Remedies[i];
                    var amount = remedy.Value?.Amount ?? 0m;
                    remedyCounts[(int)remedy.Type]++;
                    remedyAmounts[(int)remedy.Type] += amount;
                    given += amount;
                }

                handlingRateNanoseconds += rateNanoseconds;
                compensation += given;
                ref var customer = ref CollectionsMarshal.GetValueRefOrAddDefault(customers, f.Customer.Id, out _);
                customer.Complaints++;
                customer.RateNanoseconds += rateNanoseconds;
                customer.Compensation += given;
                ref var week = ref CollectionsMarshal.GetValueRefOrAddDefault(weeks, PeriodStart(f.ClosedAt!.Value), out _);
                week.RateNanoseconds += rateNanoseconds;
                week.Compensation += given;
            }
        }

        var handlingCost = Cost(handlingRateNanoseconds);
        var total = handlingCost + compensation;
        var trend = new List<TrendFigure>();
        for (var week = PeriodStart(_period.Start); week <= PeriodStart(end - Duration.Epsilon); week = week.PlusWeeks(1))
        {
            var tally = weeks.GetValueOrDefault(week);
            trend.Add(new TrendFigure(week, tally.Received, tally.Closed, Cost(tally.RateNanoseconds) + tally.Compensation));
        }

        // The costliest customers: a min-heap of the top N by (cost, then the ordinal-first id).
        var top = new PriorityQueue<CustomerFigure, (decimal Cost, string Id)>(Comparer<(decimal Cost, string Id)>.Create(
            (x, y) => x.Cost != y.Cost ? x.Cost.CompareTo(y.Cost) : string.CompareOrdinal(y.Id, x.Id)));
        foreach (var (id, tally) in customers)
        {
            var cost = Cost(tally.RateNanoseconds) + tally.Compensation;
            top.Enqueue(new CustomerFigure(id, tally.Complaints, cost), (cost, id));
            if (top.Count > _options.TopCustomers)
            {
                top.Dequeue();
            }
        }

        var topCustomers = new List<CustomerFigure>(top.Count);
        while (top.Count > 0)
        {
            topCustomers.Add(top.Dequeue());
        }

        topCustomers.Reverse();

        return new MetricsFigures
        {
            Received = received,
            Closed = closed,
            Finished = finished,
            ByKind = Counts(Enum.GetValues<FeedbackKind>().Select(k => new KeyCount(k.ToString(), byKind[(int)k]))),
            ByChannel = Counts(_channels.Select(c => new KeyCount(c.ToString(), byChannel[(int)c]))),
            ByCategory = Counts(byCategory.Select(p => new KeyCount(p.Key.Path, p.Value))),
            ByState = Counts(Enum.GetValues<ComplaintState>().Select(s => new KeyCount(s.ToString(), byState[(int)s]))),
            ByTeam = Counts(byTeam.Select(p => new KeyCount(p.Key, p.Value)).Append(new KeyCount(null, noTeam))),
            BySegment = Counts(bySegment.Select(p => new KeyCount(p.Key, p.Value)).Append(new KeyCount(null, noSegment))),
            Open = open,
            MeanAge = open == 0 ? null : (long)decimal.Floor(openAgeSum / open),
            OldestAge = open == 0 ? null : oldest,
            AgeBuckets = ageBuckets,
            FirstResponse = MathNetStatistics(firstResponse),
            Resolution = MathNetStatistics(resolution),
            Sla = [.. sla.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new SlaCount(p.Key, p.Value.Met, p.Value.Breached, p.Value.Open))],
            Within = within,
            Mix = mix,
            Rated = rated,
            Satisfied = scores[3] + scores[4],
            SatisfactionRate = rated == 0 ? null : (double)(scores[3] + scores[4]) / rated,
            AverageScore = rated == 0 ? null : (double)scoreSum / rated,
            Scores = scores,
            FirstContactResolved = firstContact,
            Escalated = escalated,
            EscalatedByLevel = [.. byLevel.OrderBy(p => p.Key).Select(p => new KeyCount(p.Key.ToString(CultureInfo.InvariantCulture), p.Value))],
            Referred = referred,
            FirstClosed = firstClosed,
            Reopened = reopened,
            Upheld = outcomes[(int)ComplaintOutcome.Upheld],
            PartlyUpheld = outcomes[(int)ComplaintOutcome.PartlyUpheld],
            NotUpheld = outcomes[(int)ComplaintOutcome.NotUpheld],
            HandlingTime = handlingTime,
            HandlingCost = handlingCost,
            Compensation = compensation,
            TotalCost = total,
            PerComplaint = finished == 0 ? null : Math.Round(total / finished, 4, MidpointRounding.AwayFromZero),
            Customers = customers.Count,
            PerCustomer = customers.Count == 0 ? null : Math.Round(total / customers.Count, 4, MidpointRounding.AwayFromZero),
            ByRemedy = [.. _remedyTypes.Select(t => new RemedyFigure(t, remedyCounts[(int)t], remedyAmounts[(int)t]))],
            TopCustomers = topCustomers,
            CategoryPareto = Pareto(byCategory.Select(p => new KeyCount(p.Key.Path, p.Value))),
            RootCausePareto = Pareto(rootCauses.Select(p => new KeyCount(p.Key, p.Value))),
            Trend = trend,
        };
    }

    /// <summary>
    /// Count, mean, min and max with MathNet.Numerics, and the percentiles with its empirical inverse CDF quantile
    /// (R type 1: the value at rank ceil(N × tau)), which is the nearest-rank rule the library documents.
    /// </summary>
    private static DurationFigures MathNetStatistics(List<double> values)
    {
        if (values.Count == 0)
        {
            return new DurationFigures(0, null, null, null, null, null, null);
        }

        var data = values.ToArray();
        var mean = ArrayStatistics.Mean(data);
        var min = ArrayStatistics.Minimum(data);
        var max = ArrayStatistics.Maximum(data);
        var median = ArrayStatistics.QuantileCustomInplace(data, 0.5, QuantileDefinition.EmpiricalInvCDF);
        var p90 = ArrayStatistics.QuantileCustomInplace(data, 0.9, QuantileDefinition.EmpiricalInvCDF);
        var p95 = ArrayStatistics.QuantileCustomInplace(data, 0.95, QuantileDefinition.EmpiricalInvCDF);
        return new DurationFigures(data.Length, (long)Math.Floor(mean), (long)median, (long)p90, (long)p95, (long)min, (long)max);
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
}
