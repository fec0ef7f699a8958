using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Complaints.Core.Domain;
using Complaints.Core.Metrics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Interval = NodaTime.Interval;

namespace Complaints.Core.Tests.Metrics;

/// <summary>The accumulator against <see cref="ReferenceMetrics"/>, the slow obvious model, family by family.</summary>
public sealed class ReferenceMetricsPropertyTests
{
    private static readonly Interval Period = MetricsArbitraries.Period;

    // Decimals compare by value: 147.0 and 147 are the same cost.
    private static readonly JsonSerializerOptions Compact = new(MetricsPropertyTests.Json) { WriteIndented = false, Converters = { new DecimalByValue() } };

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, Compact);

    private static void Same<T>(string family, T expected, T actual)
    {
        var (e, a) = (Json(expected), Json(actual));
        Assert.True(e == a, $"{family} differs from the reference.\nreference: {e}\naccumulator: {a}");
    }

    /// <summary>Asserts every family equal; with sketched percentiles, the duration statistics but their percentiles.</summary>
    private static void AssertSameFamilies(MetricsReport expected, MetricsReport actual, bool sketch)
    {
        Same("Header", (expected.Start, expected.End, expected.TimeBasis, expected.Added), (actual.Start, actual.End, actual.TimeBasis, actual.Added));
        Same(nameof(MetricsReport.Volume), expected.Volume, actual.Volume);
        Same(nameof(MetricsReport.Backlog), expected.Backlog, actual.Backlog);
        foreach (var (name, e, a) in new[]
        {
            (nameof(MetricsReport.FirstResponseTime), expected.FirstResponseTime, actual.FirstResponseTime),
            (nameof(MetricsReport.ResolutionTime), expected.ResolutionTime, actual.ResolutionTime),
        })
        {
            if (sketch)
            {
                Assert.True(a.Approximate);
                Same(name, (e.Count, e.Mean, e.Min, e.Max), (a.Count, a.Mean, a.Min, a.Max));
            }
            else
            {
                Same(name, e, a);
            }
        }

        Same(nameof(MetricsReport.Sla), expected.Sla, actual.Sla);
        Same(nameof(MetricsReport.Timeliness), expected.Timeliness, actual.Timeliness);
        Same(nameof(MetricsReport.Satisfaction), expected.Satisfaction, actual.Satisfaction);
        Same(nameof(MetricsReport.Resolution), expected.Resolution, actual.Resolution);
        Same(nameof(MetricsReport.Cost), expected.Cost, actual.Cost);
        Same(nameof(MetricsReport.CategoryPareto), expected.CategoryPareto, actual.CategoryPareto);
        Same(nameof(MetricsReport.RootCausePareto), expected.RootCausePareto, actual.RootCausePareto);
        Same(nameof(MetricsReport.Trend), expected.Trend, actual.Trend);
    }

    [Property(Arbitrary = [typeof(MetricsArbitraries)], MaxTest = 300)]
    public Property Report_EqualsTheReference_FamilyByFamily(MetricsSample sample)
    {
        var options = MetricsArbitraries.CalculatorOptions[sample.Calculator];
        var expected = ReferenceMetrics.Compute(sample.Facts, options, Period);
        var actual = MetricsArbitraries.Calculators[sample.Calculator].Calculate(sample.Facts, Period);

        return Prop.ToProperty(() => AssertSameFamilies(expected, actual, options.Percentiles == PercentileMode.Sketch))
            .Classify(expected.Volume.Closed > 0, "closed")
            .Classify(expected.Backlog.Open > 0, "open at the end")
            .Classify(expected.Satisfaction.Rated > 0, "rated")
            .Classify(expected.Resolution.Escalated > 0, "escalated")
            .Classify(expected.Resolution.Reopened > 0, "reopened")
            .Classify(expected.Cost.Total > 0, "costed")
            .Collect($"calculator {sample.Calculator}");
    }

    [Property(Arbitrary = [typeof(MetricsArbitraries)], MaxTest = 100)]
    public void Report_OverTwoMergedShards_EqualsTheReference(MetricsSample sample)
    {
        var calculator = MetricsArbitraries.Calculators[sample.Calculator];
        var cut = sample.Split % (sample.Facts.Length + 1);
        var left = calculator.CreateAccumulator(Period);
        var right = calculator.CreateAccumulator(Period);
        left.AddRange(sample.Facts[..cut]);
        right.AddRange(sample.Facts[cut..]);
        left.Merge(right);

        var options = MetricsArbitraries.CalculatorOptions[sample.Calculator];
        AssertSameFamilies(ReferenceMetrics.Compute(sample.Facts, options, Period), left.ToReport(), options.Percentiles == PercentileMode.Sketch);
    }

    [Fact]
    public void Generator_ReachesEveryKindOfComplaint()
    {
        var facts = MetricsArbitraries.Facts().Sample(2_000, new Rnd(20261123UL), 10);
        bool In(Instant? at) => at is { } t && Period.Contains(t);
        Instant? FirstClosure(ComplaintFacts f) => f.FirstClosedAt ?? (f.State == ComplaintState.Closed ? f.ClosedAt : null);
        var kinds = new (string Kind, Func<ComplaintFacts, bool> Is)[]
        {
            ("closed in the period", f => f.State == ComplaintState.Closed && In(f.ClosedAt)),
            ("open at the end", f => f.ReceivedAt < Period.End && (f.ClosedAt is null || f.ClosedAt >= Period.End)),
            ("closed and rated", f => f.State == ComplaintState.Closed && In(f.ClosedAt) && f.Rating is not null),
            ("received and escalated", f => In(f.ReceivedAt) && f.HighestLevel > 0),
            ("first closed in the period and reopened within 28 days", f => In(FirstClosure(f)) && f.ReopenedAt - FirstClosure(f) <= Duration.FromDays(28)),
            ("finished with a cost", f => In(f.ClosedAt) && (f.Handling.Count > 0 || f.Remedies.Any(r => r.Value is not null))),
            ("withdrawn, rejected or referred in the period", f => f.State is ComplaintState.Withdrawn or ComplaintState.Rejected or ComplaintState.Referred && In(f.ClosedAt)),
        };

        foreach (var (kind, isKind) in kinds)
        {
            var share = facts.Count(isKind) / (double)facts.Length;
            Assert.True(share >= 0.05, $"{kind}: {share:P1} of generated facts, below 5 %");
        }
    }

    [Theory]
    [InlineData(TrendGranularity.Week, true)]
    [InlineData(TrendGranularity.Day, true)]
    [InlineData(TrendGranularity.Month, false)]
    public void HandWorkedDataSet_EqualsTheReference(TrendGranularity granularity, bool withStart)
    {
        var options = MetricsDataSet.Options();
        options.TrendGranularity = granularity;
        var period = withStart ? MetricsDataSet.March : new Interval(null, MetricsDataSet.March.End);
        var facts = MetricsDataSet.All();

        AssertSameFamilies(ReferenceMetrics.Compute(facts, options, period), new MetricsCalculator(options).Calculate(facts, period), sketch: false);
    }

    private sealed class DecimalByValue : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.ToString("G29", CultureInfo.InvariantCulture));
    }
}
