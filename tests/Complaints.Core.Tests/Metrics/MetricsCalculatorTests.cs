using System.Text.Json;
using Complaints.Core.Calendars;
using Complaints.Core.Deadlines;
using Complaints.Core.Domain;
using Complaints.Core.Lifecycle;
using Complaints.Core.Metrics;
using Microsoft.Extensions.Options;
using NodaTime;
using static Complaints.Core.Tests.Metrics.MetricsDataSet;

namespace Complaints.Core.Tests.Metrics;

public sealed class MetricsCalculatorTests
{
    private static readonly MetricsCalculator Calculator = new(Options());

    private static ComplaintFacts Facts(string id, Instant received, ComplaintState state = ComplaintState.Received, Instant? closed = null) =>
        new(new ComplaintId(id), FeedbackKind.Complaint, Channel.Email, Category.Parse("billing"), new CustomerRef("K1"), received)
        {
            State = state,
            ClosedAt = closed,
        };

    private static string Json(MetricsReport report) => JsonSerializer.Serialize(report, MetricsPropertyTests.Json);

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryErrorWithItsField()
    {
        var options = new MetricsOptions
        {
            Currency = "eur",
            ParetoShare = 0,
            SketchRelativeAccuracy = 0.5,
            ReopenWindow = TimeSpan.FromDays(-1),
            FirstContactWindow = TimeSpan.FromDays(-1),
            BacklogAgeBounds = [TimeSpan.FromDays(3), TimeSpan.FromDays(1)],
            RoleHourlyRates = { ["agent"] = -1m },
            DefaultHourlyRate = -2m,
            CustomerBase = 0,
            TopCustomers = -1,
            Horizons = [null!],
            TimeBasis = (MetricsTimeBasis)9,
            Percentiles = (PercentileMode)9,
            TrendGranularity = (TrendGranularity)9,
            FirstDayOfWeek = IsoDayOfWeek.None,
        };

        var ex = Assert.Throws<OptionsValidationException>(() => new MetricsCalculator(options));

        Assert.Equal(15, ex.Failures.Count());
        foreach (var field in new[]
        {
            "Currency", "ParetoShare", "SketchRelativeAccuracy", "ReopenWindow", "FirstContactWindow", "BacklogAgeBounds[1]",
            "RoleHourlyRates[agent]", "DefaultHourlyRate", "CustomerBase", "TopCustomers", "Horizons[0]", "TimeBasis", "Percentiles",
            "TrendGranularity", "FirstDayOfWeek",
        })
        {
            Assert.Contains(ex.Failures, f => f.Contains(field, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Constructor_TooManyHorizons_IsRefused()
    {
        var options = new MetricsOptions { Horizons = [.. Enumerable.Range(1, MetricsOptionsValidator.MaxHorizons + 1).Select(DeadlineRule.CalendarDays)] };

        Assert.Contains("at most 16", Assert.Throws<OptionsValidationException>(() => new MetricsCalculator(options)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_CopiesTheOptions()
    {
        var options = Options();
        var calculator = new MetricsCalculator(options);
        options.Currency = "GBP";
        options.RoleHourlyRates["agent"] = 1000m;

        Assert.Equal("EUR", calculator.Currency);
        Assert.Equal(Json(calculator.Calculate(All(), March)), Json(Calculator.Calculate(All(), March)));
    }

    [Fact]
    public void CreateAccumulator_PeriodWithoutEnd_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => Calculator.CreateAccumulator(new Interval(At(3, 1, 0), null)));

        Assert.Equal("period", ex.ParamName);
    }

    [Fact]
    public void EmptyInput_GivesZeroCountsAndNullFigures_NeverNaN()
    {
        var report = Calculator.Calculate([], March);
        var json = Json(report);

        Assert.Equal((0L, 0L, 0L), (report.Added, report.Volume.Received, report.Backlog.Open));
        Assert.Null(report.ResolutionTime.Median);
        Assert.Null(report.FirstResponseTime.Mean);
        Assert.Null(report.Satisfaction.Rate);
        Assert.Null(report.Satisfaction.AverageScore);
        Assert.Null(report.Resolution.EscalationRate);
        Assert.Null(report.Resolution.UpheldRate);
        Assert.Equal(0d, report.Resolution.PerThousandCustomers);
        Assert.Null(report.Cost.PerComplaint);
        Assert.Null(report.Backlog.MeanAge);
        Assert.All(report.Timeliness.Mix, m => Assert.Null(m.Share));
        Assert.Empty(report.CategoryPareto.Items);
        Assert.Equal(5, report.Trend.Periods.Count); // the period's weeks, all zero
        Assert.Null(report.Trend.Periods[0].ReceivedChange);
        Assert.Null(report.Trend.Periods[1].ReceivedChangeRate); // previous week had none
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_InconsistentFacts_AreRefusedNamingTheComplaintAndField_AndChangeNothing()
    {
        var accumulator = Calculator.CreateAccumulator(March);
        accumulator.AddRange(All());
        var before = Json(accumulator.ToReport());
        var received = At(3, 10, 9);

        var cases = new (ComplaintFacts Facts, string Says)[]
        {
            (Facts("X1", received, ComplaintState.Closed), "ClosedAt is not set"),
            (Facts("X2", received, ComplaintState.Investigating, received), "ClosedAt is set"),
            (Facts("X3", received, ComplaintState.Closed, received - Duration.FromHours(1)), "ClosedAt (2026-03-10T08:00:00Z) is before ReceivedAt"),
            (new ComplaintFacts(new ComplaintId("X4"), FeedbackKind.Complaint, Channel.Email, Category.Parse("a"), new CustomerRef("K"), received) { FirstResponseAt = received - Duration.FromMinutes(1) }, "FirstResponseAt"),
            (new ComplaintFacts(new ComplaintId("X5"), FeedbackKind.Complaint, Channel.Email, Category.Parse("a"), new CustomerRef("K"), received) { ReopenedAt = received }, "never closed"),
            (new ComplaintFacts(new ComplaintId("X6"), FeedbackKind.Complaint, Channel.Email, Category.Parse("a"), new CustomerRef("K"), received)
                { State = ComplaintState.Closed, ClosedAt = received + Duration.FromHours(2), FirstClosedAt = received + Duration.FromHours(3) }, "FirstClosedAt"),
            (new ComplaintFacts(new ComplaintId("X7"), FeedbackKind.Complaint, Channel.Email, Category.Parse("a"), new CustomerRef("K"), received)
                { State = ComplaintState.Closed, ClosedAt = received, RecontactAt = received - Duration.FromHours(1) }, "RecontactAt"),
            (new ComplaintFacts(new ComplaintId("X8"), FeedbackKind.Complaint, Channel.Email, Category.Parse("a"), new CustomerRef("K"), received)
                { State = ComplaintState.Closed, ClosedAt = received, Remedies = [new Remedy(RemedyType.Refund, new Money(5m, "USD"))] }, "5.00 USD"),
        };

        foreach (var (facts, says) in cases)
        {
            var ex = Assert.Throws<ArgumentException>(() => accumulator.Add(facts));
            Assert.Equal("facts", ex.ParamName);
            Assert.Contains($"Complaint {facts.Id}", ex.Message, StringComparison.Ordinal);
            Assert.Contains(says, ex.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, Json(accumulator.ToReport()));
        Assert.Throws<ArgumentNullException>(() => accumulator.Add(null!));
    }

    [Fact]
    public void Add_OutsideTheCalendarsYears_IsRefusedWithoutChange()
    {
        var calculator = new MetricsCalculator(new MetricsOptions { TimeBasis = MetricsTimeBasis.WorkingTime, Calendar = BusinessCalendar.AlwaysOpen(firstYear: 2026, lastYear: 2026) });
        var accumulator = calculator.CreateAccumulator(new Interval(null, Instant.FromUtc(2027, 1, 1, 0, 0)));
        var early = Facts("OLD", Instant.FromUtc(2025, 12, 31, 9, 0), ComplaintState.Closed, Instant.FromUtc(2026, 1, 2, 9, 0));

        var ex = Assert.Throws<ArgumentException>(() => accumulator.Add(early));

        Assert.Contains("Complaint OLD", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, accumulator.Count);
        Assert.Equal(0, accumulator.ToReport().Volume.Received);
    }

    [Fact]
    public void Merge_RefusesItselfAnotherCalculatorOrAnotherPeriod()
    {
        var accumulator = Calculator.CreateAccumulator(March);

        Assert.Throws<ArgumentNullException>(() => accumulator.Merge(null!));
        Assert.Contains("itself", Assert.Throws<ArgumentException>(() => accumulator.Merge(accumulator)).Message, StringComparison.Ordinal);
        Assert.Contains("different MetricsCalculator", Assert.Throws<ArgumentException>(() => accumulator.Merge(new MetricsCalculator(Options()).CreateAccumulator(March))).Message, StringComparison.Ordinal);
        Assert.Contains("period", Assert.Throws<ArgumentException>(() => accumulator.Merge(Calculator.CreateAccumulator(new Interval(null, March.End)))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToReport_CanBeReadAtAnyPoint_AndFeedingGoesOn()
    {
        var facts = All();
        var accumulator = Calculator.CreateAccumulator(March);
        accumulator.AddRange(facts.Take(7));
        var partial = accumulator.ToReport();
        accumulator.AddRange(facts.Skip(7));

        Assert.Equal(Json(Calculator.Calculate(facts.Take(7), March)), Json(partial));
        Assert.Equal(Json(Calculator.Calculate(facts, March)), Json(accumulator.ToReport()));
    }

    [Fact]
    public void WorkingTimeBasis_CountsOnlyWorkingHours()
    {
        var london = BusinessCalendar.CreateBuilder("Europe/London").AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0)).Covering(2026, 2026).Build();
        var calculator = new MetricsCalculator(new MetricsOptions { TimeBasis = MetricsTimeBasis.WorkingTime, Calendar = london });

        // Friday 6 March 16:00 to Monday 9 March 10:00 (GMT): 1 h on Friday, 1 h on Monday.
        var report = calculator.Calculate([Facts("W1", At(3, 6, 16), ComplaintState.Closed, At(3, 9, 10))], March);

        Assert.Equal(MetricsTimeBasis.WorkingTime, report.TimeBasis);
        Assert.Equal(Duration.FromHours(2), report.ResolutionTime.Median);
        Assert.Equal("Europe/London", report.Trend.Zone);
    }

    [Fact]
    public void Sketch_OnTheDataSet_IsApproximateAndWithinOnePercent()
    {
        var options = Options();
        options.Percentiles = PercentileMode.Sketch;

        var report = new MetricsCalculator(options).Calculate(All(), March).ResolutionTime;

        Assert.True(report.Approximate);
        Assert.Equal(Duration.FromHours(196), report.Mean); // mean, min and max stay exact
        Assert.Equal(Duration.FromHours(2), report.Min);
        Assert.InRange(report.Median!.Value.TotalHours, 24 * 0.99, 24 * 1.01);
        Assert.InRange(report.P90!.Value.TotalHours, 264 * 0.99, 264 * 1.01);
        Assert.InRange(report.P95!.Value.TotalHours, 1512 * 0.99, 1512);
    }

    [Theory]
    [InlineData(TrendGranularity.Day, 35, 2)]
    [InlineData(TrendGranularity.Month, 2, 3)]
    public void Trend_ByDayOrMonth_CoversThePeriod(TrendGranularity granularity, int periods, int firstMonth)
    {
        var options = Options();
        options.TrendGranularity = granularity;

        var trend = new MetricsCalculator(options).Calculate(All(), March).Trend;

        Assert.Equal(periods, trend.Periods.Count);
        Assert.Equal(new LocalDate(2026, 3, firstMonth == 3 ? 1 : 2), trend.Periods[0].Start);
        Assert.Equal(16, trend.Periods.Sum(p => p.Received));
        Assert.Equal(917.5m, trend.Periods[^1].CumulativeCost);
    }

    [Fact]
    public void Trend_PeriodWithoutStart_BeginsAtTheEarliestComplaintCounted()
    {
        var trend = Calculator.Calculate(All(), new Interval(null, March.End)).Trend;

        Assert.Equal(new LocalDate(2026, 1, 12), trend.Periods[0].Start); // the week of C06, received Monday 12 January
        Assert.Equal(20 - 1, trend.Periods.Sum(p => p.Received)); // all but C18, received after the end
    }

    [Fact]
    public void Report_HasAStableJsonShape()
    {
        var expected = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Metrics", "report-shape.txt"));
        var json = JsonDocument.Parse(Json(Calculator.Calculate(All(), March)));

        var actual = Paths(json.RootElement, string.Empty).Distinct().ToArray();
        Assert.True(expected.SequenceEqual(actual), string.Join("\n", actual));
    }

    internal static IEnumerable<string> Paths(JsonElement element, string prefix) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Paths(p.Value, $"{prefix}.{p.Name}").Prepend($"{prefix}.{p.Name}")),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(e => Paths(e, prefix + "[]")),
        _ => [],
    };
}
