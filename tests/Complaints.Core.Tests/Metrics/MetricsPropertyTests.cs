using System.Text.Json;
using Complaints.Core.Metrics;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Complaints.Core.Tests.Metrics;

public sealed class MetricsPropertyTests
{
    public static readonly JsonSerializerOptions Json = new JsonSerializerOptions { WriteIndented = true }.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    private static MetricsReport Compute(MetricsCalculator calculator, IEnumerable<ComplaintFacts> facts) =>
        calculator.Calculate(facts, MetricsArbitraries.Period);

    private static string ToJson(MetricsReport report) => JsonSerializer.Serialize(report, Json);

    [Property(Arbitrary = [typeof(MetricsArbitraries)], MaxTest = 200)]
    public void Merge_OfTwoShards_EqualsComputingTheUnion(MetricsSample sample)
    {
        var calculator = MetricsArbitraries.Calculators[sample.Calculator];
        var cut = sample.Split % (sample.Facts.Length + 1);
        var left = calculator.CreateAccumulator(MetricsArbitraries.Period);
        var right = calculator.CreateAccumulator(MetricsArbitraries.Period);
        left.AddRange(sample.Facts[..cut]);
        right.AddRange(sample.Facts[cut..]);

        left.Merge(right);

        Assert.Equal(ToJson(Compute(calculator, sample.Facts)), ToJson(left.ToReport()));
        Assert.Equal(sample.Facts.Length, left.Count);
    }

    [Property(Arbitrary = [typeof(MetricsArbitraries)], MaxTest = 100)]
    public void Merge_OfOneShardPerComplaint_EqualsComputingTheUnion(MetricsSample sample)
    {
        var calculator = MetricsArbitraries.Calculators[sample.Calculator];
        var merged = calculator.CreateAccumulator(MetricsArbitraries.Period);
        foreach (var facts in sample.Facts)
        {
            var shard = calculator.CreateAccumulator(MetricsArbitraries.Period);
            shard.Add(facts);
            shard.ToReport(); // reading a shard's report must not disturb what it merges
            merged.Merge(shard);
        }

        Assert.Equal(ToJson(Compute(calculator, sample.Facts)), ToJson(merged.ToReport()));
    }

    [Property(Arbitrary = [typeof(MetricsArbitraries)], MaxTest = 200)]
    public void Report_DoesNotDependOnInputOrder(MetricsSample sample)
    {
        var calculator = MetricsArbitraries.Calculators[sample.Calculator];

        Assert.Equal(ToJson(Compute(calculator, sample.Facts)), ToJson(Compute(calculator, sample.Shuffled())));
    }

    [Property(Arbitrary = [typeof(MetricsArbitraries)], MaxTest = 200)]
    public void Percentiles_AreOrderedBetweenMinAndMax(MetricsSample sample)
    {
        var report = Compute(MetricsArbitraries.Calculators[sample.Calculator], sample.Facts);

        foreach (var s in new[] { report.FirstResponseTime, report.ResolutionTime })
        {
            if (s.Count == 0)
            {
                Assert.All(new[] { s.Mean, s.Median, s.P90, s.P95, s.Min, s.Max }, Assert.Null);
                continue;
            }

            Assert.True(s.Min <= s.Median && s.Median <= s.P90 && s.P90 <= s.P95 && s.P95 <= s.Max, $"{s.Min} {s.Median} {s.P90} {s.P95} {s.Max}");
            Assert.True(s.Min <= s.Mean && s.Mean <= s.Max);
        }
    }

    [Property(Arbitrary = [typeof(MetricsArbitraries)], MaxTest = 200)]
    public void RatesAndShares_LieBetweenZeroAndOne(MetricsSample sample)
    {
        var r = Compute(MetricsArbitraries.Calculators[sample.Calculator], sample.Facts);
        double?[] rates =
        [
            r.Satisfaction.Rate, r.Satisfaction.ResponseRate, r.Resolution.FirstContactResolutionRate, r.Resolution.EscalationRate,
            r.Resolution.ReferralRate, r.Resolution.ReopenRate, r.Resolution.UpheldRate, r.Resolution.PartlyUpheldShare,
            r.Resolution.NotUpheldShare, r.CategoryPareto.CoveredShare, r.RootCausePareto.CoveredShare,
            .. r.Sla.Select(s => s.Compliance), .. r.Timeliness.Within.Select(h => h.Share), .. r.Timeliness.Mix.Select(h => h.Share),
            .. new[] { r.Volume.ByKind, r.Volume.ByChannel, r.Volume.ByCategory, r.Volume.ByState, r.Volume.ByTeam, r.Volume.BySegment }
                .SelectMany(rows => rows.Select(row => row.Share)),
        ];

        Assert.All(rates, rate => Assert.True(rate is null || (rate >= 0 && rate <= 1), $"{rate}"));
        Assert.Equal(r.Timeliness.Closed, r.Timeliness.Mix.Sum(m => m.Count));
        Assert.True(r.Satisfaction.AverageScore is null or (>= 1 and <= 5));
        if (r.Volume.Received == 0)
        {
            Assert.Null(r.Resolution.EscalationRate);
        }
    }

    [Property(Arbitrary = [typeof(MetricsArbitraries)], MaxTest = 100)]
    public void Pareto_CoversTheAskedShare_AndNotWithoutItsLastMember(MetricsSample sample)
    {
        var asked = sample.ParetoPercent / 100d;
        var calculator = new MetricsCalculator(MetricsArbitraries.With(MetricsArbitraries.BaseOptions(), o => o.ParetoShare = asked));
        var report = Compute(calculator, sample.Facts);

        foreach (var pareto in new[] { report.CategoryPareto, report.RootCausePareto })
        {
            Assert.Equal(asked, pareto.AskedShare);
            if (pareto.Total == 0)
            {
                Assert.Empty(pareto.Items);
                Assert.Null(pareto.CoveredShare);
                continue;
            }

            var counts = pareto.Items.Select(i => i.Count).ToArray();
            Assert.True((double)counts.Sum() / pareto.Total >= asked);
            Assert.True((double)counts[..^1].Sum() / pareto.Total < asked);
            Assert.Equal(counts.OrderDescending(), counts);
        }
    }

    [Property(Arbitrary = [typeof(MetricsArbitraries)], MaxTest = 100)]
    public void Sketch_IsWithinItsRelativeAccuracyOfTheExactPercentile(MetricsSample sample)
    {
        const double accuracy = 0.01;
        var exact = Compute(new MetricsCalculator(MetricsArbitraries.BaseOptions()), sample.Facts);
        var sketch = Compute(new MetricsCalculator(MetricsArbitraries.With(MetricsArbitraries.BaseOptions(), o => o.Percentiles = PercentileMode.Sketch)), sample.Facts);

        foreach (var (e, s) in new[] { (exact.ResolutionTime, sketch.ResolutionTime), (exact.FirstResponseTime, sketch.FirstResponseTime) })
        {
            Assert.True(s.Approximate);
            Assert.Equal((e.Count, e.Mean, e.Min, e.Max), (s.Count, s.Mean, s.Min, s.Max));
            if (e.Count == 0)
            {
                continue;
            }

            foreach (var (x, y) in new[] { (e.Median, s.Median), (e.P90, s.P90), (e.P95, s.P95) })
            {
                var exactNs = x!.Value.ToInt64Nanoseconds();
                var error = Math.Abs(y!.Value.ToInt64Nanoseconds() - exactNs);
                Assert.True(error <= Math.Max(accuracy * exactNs * 1.000001, 1_000_000), $"exact {x}, sketch {y}");
            }
        }
    }
}
