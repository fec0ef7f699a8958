using System.Runtime.InteropServices;
using Complaints.Core.Domain;
using NodaTime;

namespace Complaints.Core.Metrics;

/// <content>Building the report from the gathered totals.</content>
public sealed partial class MetricsAccumulator
{
    private static readonly LocalDate UnixEpochDate = new(1970, 1, 1);

    /// <summary>Builds the report of everything added so far. The accumulator can go on gathering afterwards.</summary>
    /// <returns>The report.</returns>
    public MetricsReport ToReport()
    {
        var calculator = _calculator;
        var withOutcome = _outcomes.Sum();
        var upheld = _outcomes[(int)ComplaintOutcome.Upheld] + (calculator.CountPartlyUpheldAsUpheld ? _outcomes[(int)ComplaintOutcome.PartlyUpheld] : 0);
        var cost = new CostTally { RateNanoseconds = _handlingRateNanoseconds, Compensation = _compensation };
        var divisor = calculator.CostDivisor;
        var total = cost.Total(divisor);
        return new MetricsReport
        {
            Start = _start,
            End = _end,
            TimeBasis = calculator.TimeBasis,
            Added = _added,
            Volume = new VolumeMetrics
            {
                Received = _received,
                Closed = _closed,
                Finished = _finished,
                ByKind = EnumCounts<FeedbackKind>(_byKind),
                ByChannel = EnumCounts<Channel>(_byChannel),
                ByCategory = Counts(_byCategory.Values.Select(t => (t.Path, t.Count)), 0),
                ByState = EnumCounts<ComplaintState>(_byState),
                ByTeam = Counts(_byTeam.Select(p => (p.Key, p.Value)), _noTeam),
                BySegment = Counts(_bySegment.Select(p => (p.Key, p.Value)), _noSegment),
            },
            Backlog = new BacklogMetrics
            {
                Open = _open,
                MeanAge = _open == 0 ? null : Duration.FromNanoseconds((long)(_openAgeSum / _open)),
                OldestAge = _open == 0 ? null : Duration.FromNanoseconds(_oldestAge),
                Ages = [.. _ageBuckets.Select((count, i) => new AgeBucket
                {
                    From = i == 0 ? Duration.Zero : Duration.FromNanoseconds(calculator.BacklogAgeBounds[i - 1]),
                    To = i < calculator.BacklogAgeBounds.Length ? Duration.FromNanoseconds(calculator.BacklogAgeBounds[i]) : null,
                    Count = count,
                })],
            },
            FirstResponseTime = _firstResponse.ToStatistics(),
            ResolutionTime = _resolution.ToStatistics(),
            Sla = [.. _sla.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new SlaTargetMetrics
            {
                Target = p.Key,
                Met = p.Value.Met,
                Breached = p.Value.Breached,
                Open = p.Value.Open,
                Compliance = Ratio(p.Value.Met, p.Value.Met + p.Value.Breached),
            })],
            Timeliness = new TimelinessMetrics
            {
                Closed = _closed,
                Within = [.. _within.Select((count, i) => Share("within " + calculator.HorizonSpans[i], count))],
                Mix = [.. _mix.Select((count, i) => Share(MixLabel(i), count))],
            },
            Satisfaction = new SatisfactionMetrics
            {
                Closed = _closed,
                Rated = _rated,
                Satisfied = _scores[3] + _scores[4],
                Rate = Ratio(_scores[3] + _scores[4], _rated),
                AverageScore = _rated == 0 ? null : (double)_scoreSum / _rated,
                ResponseRate = Ratio(_rated, _closed),
                Scores = [.. _scores],
            },
            Resolution = new ResolutionMetrics
            {
                Closed = _closed,
                FirstContactResolved = _firstContactResolved,
                FirstContactResolutionRate = Ratio(_firstContactResolved, _closed),
                Received = _received,
                Escalated = _escalated,
                EscalationRate = Ratio(_escalated, _received),
                EscalatedByLevel = [.. _byLevel.OrderBy(p => p.Key).Select(p => new LevelCount { Level = p.Key, Count = p.Value })],
                Referred = _referred,
                ReferralRate = Ratio(_referred, _received),
                FirstClosed = _firstClosed,
                Reopened = _reopened,
                ReopenRate = Ratio(_reopened, _firstClosed),
                WithOutcome = withOutcome,
                Upheld = _outcomes[(int)ComplaintOutcome.Upheld],
                PartlyUpheld = _outcomes[(int)ComplaintOutcome.PartlyUpheld],
                NotUpheld = _outcomes[(int)ComplaintOutcome.NotUpheld],
                UpheldRate = Ratio(upheld, withOutcome),
                PartlyUpheldShare = Ratio(_outcomes[(int)ComplaintOutcome.PartlyUpheld], withOutcome),
                NotUpheldShare = Ratio(_outcomes[(int)ComplaintOutcome.NotUpheld], withOutcome),
                PerThousandCustomers = calculator.CustomerBase is { } customers ? _received * 1000d / customers : null,
            },
            Cost = new CostMetrics
            {
                Currency = calculator.Currency,
                Complaints = _finished,
                HandlingTime = Duration.FromNanoseconds((System.Numerics.BigInteger)_handlingNanoseconds),
                Handling = cost.Handling(divisor),
                Compensation = _compensation,
                Total = total,
                PerComplaint = _finished == 0 ? null : Math.Round(total / _finished, 4, MidpointRounding.AwayFromZero),
                Customers = _customers.Count,
                PerCustomer = _customers.Count == 0 ? null : Math.Round(total / _customers.Count, 4, MidpointRounding.AwayFromZero),
                ByRemedy = [.. Enum.GetValues<RemedyType>().Select(t => new RemedyCost { Type = t, Count = _remedyCounts[(int)t], Amount = _remedyAmounts[(int)t] })],
                TopCustomers = TopCustomers(calculator.TopCustomers),
            },
            CategoryPareto = Pareto(_byCategory.Values.Select(t => (t.Path, t.Count)), calculator.ParetoShare),
            RootCausePareto = Pareto(_rootCauses.Select(p => (p.Key, p.Value)), calculator.ParetoShare),
            Trend = Trend(),
        };

        HorizonShare Share(string label, long count) => new() { Label = label, Count = count, Share = Ratio(count, _closed) };

        string MixLabel(int band)
        {
            var spans = calculator.HorizonSpans; // never empty: no horizons configured means the defaults
            return band == 0 ? $"within {spans[0]}"
                : band < spans.Count ? $"after {spans[band - 1]}, within {spans[band]}"
                : $"after {spans[^1]}";
        }
    }

    private static double? Ratio(long numerator, long denominator) => denominator == 0 ? null : (double)numerator / denominator;

    private static IReadOnlyList<CountByKey> EnumCounts<TEnum>(long[] counts)
        where TEnum : struct, Enum =>
        Counts(Enum.GetValues<TEnum>().Select(v => (v.ToString(), counts[Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)])), 0);

    private static IReadOnlyList<CountByKey> Counts(IEnumerable<(string Key, long Count)> counts, long withoutKey)
    {
        var rows = counts.Where(c => c.Count > 0).Select(c => ((string?)c.Key, c.Count)).ToList();
        if (withoutKey > 0)
        {
            rows.Add((null, withoutKey));
        }

        var total = rows.Sum(r => r.Count);
        return
        [
            .. rows.OrderByDescending(r => r.Count).ThenBy(r => r.Item1, StringComparer.Ordinal)
                .Select(r => new CountByKey { Key = r.Item1, Count = r.Count, Share = Ratio(r.Count, total) }),
        ];
    }

    private static ParetoMetrics Pareto(IEnumerable<(string Key, long Count)> counts, double askedShare)
    {
        var rows = counts.Where(c => c.Count > 0).OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        var total = rows.Sum(r => r.Count);
        var items = new List<ParetoItem>();
        var cumulative = 0L;
        foreach (var (key, count) in rows)
        {
            cumulative += count;
            items.Add(new ParetoItem { Key = key, Count = count, Share = (double)count / total, CumulativeShare = (double)cumulative / total });
            if ((double)cumulative / total >= askedShare)
            {
                break;
            }
        }

        return new ParetoMetrics { AskedShare = askedShare, Total = total, Keys = rows.Count, CoveredShare = Ratio(cumulative, total), Items = items };
    }

    private List<CustomerCost> TopCustomers(int count)
    {
        // Keep the `count` costliest in a min-heap whose root is the cheapest kept (ties: the larger id goes first).
        // Sized by the customers there are, not by the count asked for.
        var heap = new PriorityQueue<CustomerCost, CustomerCost>(Math.Min(count, _customers.Count) + 1, CostliestLast.Instance);
        if (count > 0)
        {
            var divisor = _calculator.CostDivisor;
            foreach (var (id, tally) in _customers)
            {
                var cost = tally.Cost.Total(divisor);
                if (heap.Count == count && CostliestLast.Compare(cost, id, heap.Peek()) <= 0)
                {
                    continue; // no costlier than the cheapest kept: no object for it
                }

                var customer = new CustomerCost { CustomerId = id, Complaints = tally.Complaints, Cost = cost };
                if (heap.Count < count)
                {
                    heap.Enqueue(customer, customer);
                }
                else
                {
                    heap.DequeueEnqueue(customer, customer);
                }
            }
        }

        var top = new List<CustomerCost>(heap.Count);
        while (heap.Count > 0)
        {
            top.Add(heap.Dequeue());
        }

        top.Reverse();
        return top;
    }

    private TrendMetrics Trend()
    {
        var granularity = _calculator.TrendGranularity;
        var periods = new List<TrendPeriod>();
        if (_start is not null || _days.Count > 0)
        {
            var byPeriod = new Dictionary<LocalDate, DayTally>();
            foreach (var (day, tally) in _days)
            {
                var key = PeriodStart(UnixEpochDate.PlusDays(day));
                CollectionsMarshal.GetValueRefOrAddDefault(byPeriod, key, out _).Add(tally);
            }

            var first = _start is { } start ? PeriodStart(start.InZone(_zone).Date) : byPeriod.Keys.Min();
            var last = PeriodStart((_end - Duration.Epsilon).InZone(_zone).Date);
            var cumulative = 0m;
            DayTally? previous = null;
            // Stops at the last period without stepping past it, which may lie beyond the last date there is.
            for (var date = first; ; date = Next(date))
            {
                byPeriod.TryGetValue(date, out var tally);
                var periodCost = tally.Cost.Total(_calculator.CostDivisor);
                cumulative += periodCost;
                periods.Add(new TrendPeriod
                {
                    Start = date,
                    Received = tally.Received,
                    ReceivedChange = tally.Received - previous?.Received,
                    ReceivedChangeRate = previous is { } p ? Ratio(tally.Received - p.Received, p.Received) : null,
                    Closed = tally.Closed,
                    ClosedChange = tally.Closed - previous?.Closed,
                    ClosedChangeRate = previous is { } q ? Ratio(tally.Closed - q.Closed, q.Closed) : null,
                    Cost = periodCost,
                    CumulativeCost = cumulative,
                });
                previous = tally;
                if (date >= last)
                {
                    break;
                }
            }
        }

        return new TrendMetrics { Granularity = granularity, Zone = _zone.Id, Periods = periods };

        LocalDate PeriodStart(LocalDate date) => granularity switch
        {
            TrendGranularity.Day => date,
            TrendGranularity.Week => date.With(DateAdjusters.PreviousOrSame(_calculator.FirstDayOfWeek)),
            _ => date.With(DateAdjusters.StartOfMonth),
        };

        LocalDate Next(LocalDate date) => granularity switch
        {
            TrendGranularity.Day => date.PlusDays(1),
            TrendGranularity.Week => date.PlusWeeks(1),
            _ => date.PlusMonths(1),
        };
    }

    /// <summary>Orders customers by cost, then by id descending, so the costliest (and, on ties, the ordinal-first id) sorts last.</summary>
    private sealed class CostliestLast : IComparer<CustomerCost>
    {
        public static readonly CostliestLast Instance = new();

        public static int Compare(decimal cost, string id, CustomerCost other)
        {
            var byCost = cost.CompareTo(other.Cost);
            return byCost != 0 ? byCost : string.CompareOrdinal(other.CustomerId, id);
        }

        public int Compare(CustomerCost? x, CustomerCost? y) => Compare(x!.Cost, x.CustomerId, y!);
    }
}
