using System.Text.Json;
using Complaints.Core.Deadlines;
using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Metrics;
using Microsoft.Extensions.Options;
using NodaTime;
using static Complaints.Core.Tests.Metrics.MetricsDataSet;

namespace Complaints.Core.Tests.Metrics;

/// <content>Absurd input: every refusal is a named error, and a refused call leaves the accumulator exactly as it was.</content>
public sealed partial class MetricsAccumulatorTests
{
    private static readonly MetricsCalculator Calculator = new(Options());

    private static string Json(MetricsReport report) => JsonSerializer.Serialize(report, MetricsPropertyTests.Json);

    private static ComplaintFacts Closed(string id, Instant received, Instant closed, Remedy[]? remedies = null, HandlingTime[]? handling = null) =>
        new(new ComplaintId(id), FeedbackKind.Complaint, Channel.Email, Category.Parse("billing"), new CustomerRef("K" + id), received)
        {
            State = ComplaintState.Closed,
            ClosedAt = closed,
            Remedies = remedies ?? [],
            Handling = handling ?? [],
        };

    private static ComplaintFacts Open(string id, Instant received) =>
        new(new ComplaintId(id), FeedbackKind.Complaint, Channel.Email, Category.Parse("billing"), new CustomerRef("K" + id), received);

    private static Remedy Refund(decimal amount) => new(RemedyType.Refund, new Money(amount, "EUR"));

    /// <summary>Asserts that adding the facts is refused naming the field, that nothing changed, and that the accumulator still takes facts.</summary>
    private static void AssertAddRefused(MetricsAccumulator accumulator, ComplaintFacts facts, string field)
    {
        var before = Json(accumulator.ToReport());
        var count = accumulator.Count;

        var ex = Assert.Throws<ArgumentException>(() => accumulator.Add(facts));

        Assert.Equal("facts", ex.ParamName);
        Assert.Contains($"Complaint {facts.Id}", ex.Message, StringComparison.Ordinal);
        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, Json(accumulator.ToReport()));
        Assert.Equal(count, accumulator.Count);
        AssertStillTakesFacts(accumulator);
    }

    private static void AssertStillTakesFacts(MetricsAccumulator accumulator)
    {
        var count = accumulator.Count;
        accumulator.Add(Closed("LATER", At(3, 20, 9), At(3, 20, 10), [Refund(1m)]));
        Assert.Equal(count + 1, accumulator.Count);
        Assert.NotNull(accumulator.ToReport());
    }

    [Fact]
    public void Add_CompensationOfDecimalMaxValue_IsRefusedNamingRemedies_AndChangesNothing()
    {
        var accumulator = Calculator.CreateAccumulator(March);
        accumulator.AddRange(All());

        AssertAddRefused(accumulator, Closed("HUGE", At(3, 10, 9), At(3, 10, 10), [Refund(decimal.MaxValue)]), "Remedies");
        AssertAddRefused(accumulator, Closed("TWO", At(3, 10, 9), At(3, 10, 10), [Refund(decimal.MaxValue / 2), Refund(decimal.MaxValue / 2)]), "Remedies");
    }

    [Fact]
    public void Add_CompensationPastTheTotalLimit_IsRefusedNamingRemedies_AndChangesNothing()
    {
        var accumulator = Calculator.CreateAccumulator(March);
        accumulator.Add(Closed("BIG", At(3, 10, 9), At(3, 10, 10), [Refund(600_000_000_000_000_000m)]));

        AssertAddRefused(accumulator, Closed("MORE", At(3, 11, 9), At(3, 11, 10), [Refund(600_000_000_000_000_000m)]), "Remedies");
    }

    [Fact]
    public void HandlingTime_Of300Years_IsRefusedNamingTime()
    {
        // RecordHandlingTime(300 years) used to be accepted and then overflow the metrics.
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new HandlingTime(Duration.FromDays(300 * 365), null));

        Assert.Equal("time", ex.ParamName);
    }

    [Fact]
    public void Add_ThousandLongestHandlingEntries_AreCountedExactly()
    {
        var facts = Closed("H1000", At(3, 10, 9), At(3, 10, 10), handling: [.. Enumerable.Repeat(new HandlingTime(HandlingTime.MaxTime, null), 1_000)]);

        var cost = Calculator.Calculate([facts], March).Cost;

        Assert.Equal(HandlingTime.MaxTime * 1_000, cost.HandlingTime);
        Assert.Equal(20m * 1_000 * 1_000, cost.Handling); // the default rate, 20 an hour
        Assert.Equal(cost.Handling, cost.Total);
    }

    [Fact]
    public void Merge_HandlingTimePastWhatADurationHolds_IsRefusedNamingHandling_AndChangesNothing()
    {
        var a = Calculator.CreateAccumulator(March);
        var b = Calculator.CreateAccumulator(March);
        HandlingTime[] million = [.. Enumerable.Repeat(new HandlingTime(HandlingTime.MaxTime, "agent"), 1_000)];
        a.Add(Closed("H1", At(3, 10, 9), At(3, 10, 10), handling: million));
        b.Add(Closed("H2", At(3, 10, 9), At(3, 10, 10), handling: million));

        // Each merge adds the two totals (a Fibonacci sequence of a million hours): Duration.MaxValue is passed in about 20 rounds.
        ArgumentException? refused = null;
        for (var round = 0; round < 60 && refused is null; round++)
        {
            var before = Json(a.ToReport());
            try
            {
                a.Merge(b);
            }
            catch (ArgumentException e)
            {
                refused = e;
                Assert.Equal(before, Json(a.ToReport()));
            }

            (a, b) = (b, a);
        }

        Assert.NotNull(refused);
        Assert.IsType<ArgumentException>(refused);
        Assert.Contains("Cost.HandlingTime", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_OpenComplaintReceivedCenturiesBeforeTheEnd_IsRefusedNamingReceivedAt_AndChangesNothing()
    {
        var accumulator = Calculator.CreateAccumulator(March);
        accumulator.AddRange(All());

        AssertAddRefused(accumulator, Open("OLD", Instant.FromUtc(1700, 1, 1, 0, 0)), "ReceivedAt");
        AssertAddRefused(accumulator, Open("MIN", Instant.MinValue), "ReceivedAt");
    }

    [Fact]
    public void Add_ResolvedOverCenturies_IsRefusedNamingReceivedAt_AndChangesNothing()
    {
        var accumulator = Calculator.CreateAccumulator(new Interval(null, March.End));
        accumulator.AddRange(All());

        AssertAddRefused(accumulator, Closed("SLOW", Instant.FromUtc(1700, 1, 1, 0, 0), At(3, 10, 9)), "ReceivedAt");
        AssertAddRefused(accumulator, Closed("ANCIENT", Instant.MinValue, Instant.MinValue + Duration.FromDays(1)), "ReceivedAt");
    }

    [Fact]
    public void Add_DeadlineOutOfRange_IsRefusedNamingTheHorizon_AndChangesNothing()
    {
        var options = Options();
        options.Horizons = [DeadlineRule.ElapsedTime(Duration.FromDays(3)).WithAnchor(DeadlineAnchor.Acknowledgement)];
        var accumulator = new MetricsCalculator(options).CreateAccumulator(March);
        accumulator.AddRange(All());
        var facts = Closed("ACK", At(3, 10, 9), At(3, 10, 10));

        AssertAddRefused(accumulator, new ComplaintFacts(facts.Id, facts.Kind, facts.Channel, facts.Category, facts.Customer, facts.ReceivedAt)
        {
            State = facts.State,
            ClosedAt = facts.ClosedAt,
            FirstResponseAt = Instant.MaxValue,
        }, "Horizons[0]");
    }

    [Fact]
    public void AtTheEndOfTime_TheReportIsComputed()
    {
        foreach (var granularity in Enum.GetValues<TrendGranularity>())
        {
            var options = Options();
            options.TrendGranularity = granularity;
            options.Horizons = [DeadlineRule.ElapsedTime(Duration.FromDays(1))];
            var end = Instant.MaxValue;
            var accumulator = new MetricsCalculator(options).CreateAccumulator(new Interval(end - Duration.FromDays(40), end));

            accumulator.Add(Closed("LAST", end - Duration.FromDays(2), end - Duration.FromDays(1), [Refund(5m)]));
            accumulator.Add(Open("OPEN", end - Duration.FromHours(1)));
            var report = accumulator.ToReport();

            Assert.Equal(5m, report.Trend.Periods[^1].CumulativeCost);
            Assert.Equal(2, report.Volume.Received);
        }
    }

    [Fact]
    public void CreateAccumulator_PeriodsTooLongOrTooEarly_AreRefusedNamingPeriod()
    {
        foreach (var period in new[]
        {
            new Interval(Instant.MinValue, March.End),
            new Interval(Instant.FromUtc(1800, 1, 1, 0, 0), March.End),
            new Interval(null, Instant.MinValue + Duration.FromDays(1)),
        })
        {
            Assert.Equal("period", Assert.Throws<ArgumentException>(() => Calculator.CreateAccumulator(period)).ParamName);
        }
    }

    [Fact]
    public void Merge_CountsPastTheLimit_AreRefusedNamingCount_AndChangeNothing()
    {
        var a = Calculator.CreateAccumulator(March);
        var b = Calculator.CreateAccumulator(March);
        var withdrawn = Open("B", At(3, 10, 9));
        a.Add(Open("A", At(3, 10, 9)));
        b.Add(new ComplaintFacts(withdrawn.Id, withdrawn.Kind, withdrawn.Channel, withdrawn.Category, withdrawn.Customer, withdrawn.ReceivedAt)
        {
            State = ComplaintState.Withdrawn,
            ClosedAt = At(3, 11, 9),
            Remedies = [Refund(1m), new Remedy(RemedyType.Apology)],
        });

        // Each merge adds the two counts (a Fibonacci sequence; no durations kept): long overflows after about 90 rounds.
        ArgumentException? refused = null;
        for (var round = 0; round < 100 && refused is null; round++)
        {
            var before = Json(a.ToReport());
            var count = a.Count;
            try
            {
                a.Merge(b);
            }
            catch (ArgumentException e)
            {
                refused = e;
                Assert.Equal(before, Json(a.ToReport()));
                Assert.Equal(count, a.Count);
            }

            (a, b) = (b, a);
        }

        Assert.NotNull(refused);
        Assert.IsType<ArgumentException>(refused);
        Assert.Equal("other", refused.ParamName);
        Assert.Contains("Count", refused.Message, StringComparison.Ordinal);
        AssertStillTakesFacts(b);
    }

    [Fact]
    public void Merge_CostPastTheLimit_IsRefusedNamingTheCost_AndChangesNothing()
    {
        var a = Calculator.CreateAccumulator(March);
        var b = Calculator.CreateAccumulator(March);
        a.Add(Closed("A", At(3, 10, 9), At(3, 10, 10), [Refund(600_000_000_000_000_000m)]));
        b.Add(Closed("B", At(3, 10, 9), At(3, 10, 10), [Refund(600_000_000_000_000_000m)]));
        var before = Json(a.ToReport());

        var ex = Assert.Throws<ArgumentException>(() => a.Merge(b));

        Assert.Equal("other", ex.ParamName);
        Assert.Contains("cost", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, Json(a.ToReport()));
        Assert.Equal(1, a.Count);
        AssertStillTakesFacts(a);
    }

    [Fact]
    public void AddRange_RefusedComplaint_AddsNone()
    {
        var accumulator = Calculator.CreateAccumulator(March);
        accumulator.AddRange(All());
        var before = Json(accumulator.ToReport());
        var good = Closed("G1", At(3, 3, 9), At(3, 3, 10));
        var bad = Closed("B1", At(3, 3, 9), At(3, 3, 10), [Refund(decimal.MaxValue)]);

        var ex = Assert.Throws<ArgumentException>(() => accumulator.AddRange([good, bad, good]));
        var nul = Assert.Throws<ArgumentNullException>(() => accumulator.AddRange([good, null!]));

        Assert.StartsWith("facts[1]: Complaint B1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("facts[1] is null", nul.Message, StringComparison.Ordinal);
        Assert.Equal(before, Json(accumulator.ToReport()));
        Assert.Equal(All().Count, accumulator.Count);
    }

    [Fact]
    public void Options_BacklogAgeBoundOfTimeSpanMaxValue_IsRefusedNamingTheField()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new MetricsCalculator(new MetricsOptions { BacklogAgeBounds = [TimeSpan.FromDays(1), TimeSpan.MaxValue] }));

        Assert.Contains("BacklogAgeBounds[1]", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_TopCustomersOfIntMaxValue_IsRefusedNamingTheField()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new MetricsCalculator(new MetricsOptions { TopCustomers = int.MaxValue }));

        Assert.Contains("TopCustomers", Assert.Single(ex.Failures), StringComparison.Ordinal);
        Assert.Contains("10000", ex.Failures.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_HorizonsBeyondAHundredYears_AreRefusedNamingTheField()
    {
        var options = new MetricsOptions
        {
            Horizons =
            [
                DeadlineRule.CalendarDays(int.MaxValue), DeadlineRule.CalendarMonths(1_201), DeadlineRule.ElapsedTime(Duration.FromDays(40_000)),
                DeadlineRule.BusinessDays(5).WithExtension(int.MaxValue),
            ],
        };

        var ex = Assert.Throws<OptionsValidationException>(() => new MetricsCalculator(options));

        Assert.Equal(4, ex.Failures.Count());
        for (var i = 0; i < 4; i++)
        {
            Assert.Contains(ex.Failures, f => f.Contains($"Horizons[{i}]", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ToReport_ManyTopCustomersAsked_AllocatesForThoseThereAre()
    {
        var facts = Closed("ONE", At(3, 10, 9), At(3, 10, 10), [Refund(5m)]);
        long Allocated(int top)
        {
            var options = Options();
            options.TopCustomers = top;
            var accumulator = new MetricsCalculator(options).CreateAccumulator(March);
            accumulator.Add(facts);
            accumulator.ToReport(); // warm up
            var before = GC.GetAllocatedBytesForCurrentThread();
            var report = accumulator.ToReport();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Single(report.Cost.TopCustomers);
            return allocated;
        }

        var few = Allocated(1);
        var many = Allocated(10_000);

        Assert.True(many - few < 1_000, $"{many - few} more bytes for 10,000 asked than for 1, with one customer");
    }
}
