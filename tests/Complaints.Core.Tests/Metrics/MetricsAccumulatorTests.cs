using Complaints.Core.Domain;
using Complaints.Core.Metrics;
using NodaTime;
using static Complaints.Core.Tests.Metrics.MetricsDataSet;

namespace Complaints.Core.Tests.Metrics;

/// <summary>Every figure of the report over <see cref="MetricsDataSet"/>, worked out by hand in the comments.</summary>
public sealed partial class MetricsAccumulatorTests
{
    private static readonly MetricsReport Report = new MetricsCalculator(Options()).Calculate(All(), March);

    private static void Rows(IReadOnlyList<CountByKey> rows, long total, params (string? Key, long Count)[] expected)
    {
        Assert.Equal(expected, rows.Select(r => (r.Key, r.Count)));
        Assert.All(rows, r => Assert.Equal((double)r.Count / total, r.Share));
    }

    [Fact]
    public void Volumes_CountComplaintsReceivedInThePeriod()
    {
        var v = Report.Volume;

        // All 20 added; received 2 Mar – 5 Apr: all but C06 (Jan), C13 (Feb), C18 (7 Apr) and C20 (Feb).
        Assert.Equal(20, Report.Added);
        Assert.Equal(16, v.Received);

        // State Closed with ClosedAt in the period: C01–C10 and C20 (C19 closes on 8 Apr). Plus withdrawn C15, referred C16, rejected C17.
        Assert.Equal(11, v.Closed);
        Assert.Equal(14, v.Finished);
        Rows(v.ByKind, 16, ("Complaint", 14), ("Claim", 1), ("Suggestion", 1));
        Rows(v.ByChannel, 16, ("Email", 7), ("Phone", 4), ("WebForm", 4), ("SocialMedia", 1));
        Rows(v.ByCategory, 16, ("billing/fees", 7), ("delivery/late", 5), ("service/staff", 3), ("delivery/damaged", 1));
        Rows(v.ByState, 16, ("Closed", 10), ("Escalated", 1), ("Investigating", 1), ("Received", 1), ("Referred", 1), ("Rejected", 1), ("Withdrawn", 1));
        Rows(v.ByTeam, 16, ("billing", 8), ("logistics", 5), (null, 3));
        Rows(v.BySegment, 16, ("retail", 10), ("business", 4), (null, 2));
    }

    [Fact]
    public void Backlog_CountsWhatIsOpenAtTheEnd()
    {
        var b = Report.Backlog;

        // Open at 6 Apr 00:00: C11 (6d14h), C12 (16d14h), C13 (62d14h), C14 (2h), C19 (5d15h, closes later). Sum 2195 h.
        Assert.Equal(5, b.Open);
        Assert.Equal(Duration.FromHours(439), b.MeanAge);
        Assert.Equal(Duration.FromHours(1502), b.OldestAge);
        Assert.Equal([1L, 0, 2, 0, 1, 0, 1], b.Ages.Select(a => a.Count));
        Assert.Equal(Duration.Zero, b.Ages[0].From);
        Assert.Equal(Duration.FromDays(1), b.Ages[0].To);
        Assert.Equal(Duration.FromDays(56), b.Ages[^1].From);
        Assert.Null(b.Ages[^1].To);
    }

    [Fact]
    public void FirstResponseTime_OverComplaintsReceivedInThePeriod()
    {
        var t = Report.FirstResponseTime;

        // 14 responses: seven of 1 h, three of 2 h, two of 3 h, two of 4 h (C12 and C14 have none). Sum 27 h.
        Assert.Equal(14, t.Count);
        Assert.Equal(Duration.FromNanoseconds(27 * 3_600_000_000_000L / 14), t.Mean);
        Assert.Equal(Duration.FromHours(1), t.Median); // rank ceil(7) = 7
        Assert.Equal(Duration.FromHours(4), t.P90); // rank ceil(12.6) = 13
        Assert.Equal(Duration.FromHours(4), t.P95); // rank ceil(13.3) = 14
        Assert.Equal(Duration.FromHours(1), t.Min);
        Assert.Equal(Duration.FromHours(4), t.Max);
        Assert.False(t.Approximate);
    }

    [Fact]
    public void ResolutionTime_OverComplaintsClosedInThePeriod()
    {
        var t = Report.ResolutionTime;

        // 2, 4, 6, 8, 24, 24, 24, 48, 240, 264 (C20), 1512 (C06) hours: sum 2156 h.
        Assert.Equal(11, t.Count);
        Assert.Equal(Duration.FromHours(196), t.Mean);
        Assert.Equal(Duration.FromHours(24), t.Median); // rank 6
        Assert.Equal(Duration.FromHours(264), t.P90); // rank 10
        Assert.Equal(Duration.FromHours(1512), t.P95); // rank 11
        Assert.Equal(Duration.FromHours(2), t.Min);
        Assert.Equal(Duration.FromHours(1512), t.Max);
    }

    [Fact]
    public void Sla_PerTargetLeavesOpenClocksOutOfCompliance()
    {
        Assert.Collection(
            Report.Sla,
            f => Assert.Equal(("final", 1L, 0L, 1L, (double?)1.0), (f.Target, f.Met, f.Breached, f.Open, f.Compliance)),
            r => Assert.Equal(("response", 7L, 3L, 0L, (double?)0.7), (r.Target, r.Met, r.Breached, r.Open, r.Compliance)));
    }

    [Fact]
    public void Timeliness_ThreeBusinessDaysAndEightWeeks()
    {
        var t = Report.Timeliness;

        // Within 3 business days: C01–C04, C07–C10. C05 and C20 within 8 weeks only; C06 (63 days) after.
        Assert.Equal(11, t.Closed);
        Assert.Equal([("within 3 business days", 8L), ("within 8 weeks", 10L)], t.Within.Select(h => (h.Label, h.Count)));
        Assert.Equal(
            [("within 3 business days", 8L), ("after 3 business days, within 8 weeks", 2L), ("after 8 weeks", 1L)],
            t.Mix.Select(h => (h.Label, h.Count)));
        Assert.Equal([8 / 11d, 2 / 11d, 1 / 11d], t.Mix.Select(h => h.Share!.Value));
    }

    [Fact]
    public void Satisfaction_LeavesUnratedComplaintsOut()
    {
        var s = Report.Satisfaction;

        // Rated: 5, 4, 3, 2, 1, 5, 4, 5, 4 (C05 and C09 unrated). Sum 33.
        Assert.Equal(11, s.Closed);
        Assert.Equal(9, s.Rated);
        Assert.Equal(6, s.Satisfied);
        Assert.Equal(6 / 9d, s.Rate);
        Assert.Equal(33 / 9d, s.AverageScore);
        Assert.Equal(9 / 11d, s.ResponseRate);
        Assert.Equal([1L, 1, 1, 3, 3], s.Scores);
    }

    [Fact]
    public void Resolution_FirstContactEscalationReopenAndOutcomes()
    {
        var r = Report.Resolution;

        // First contact: C01, C02, C07, C09, C10 (C04 and C08 came back within 7 days).
        Assert.Equal(5, r.FirstContactResolved);
        Assert.Equal(5 / 11d, r.FirstContactResolutionRate);

        // Received 16; escalated C05 (1), C12 (1), C16 (2); referred C16.
        Assert.Equal(3, r.Escalated);
        Assert.Equal(3 / 16d, r.EscalationRate);
        Assert.Equal([(1, 2L), (2, 1L)], r.EscalatedByLevel.Select(l => (l.Level, l.Count)));
        Assert.Equal(1, r.Referred);
        Assert.Equal(1 / 16d, r.ReferralRate);

        // First closed in the period: the 11 closed ones; C08 reopened six hours later.
        Assert.Equal(11, r.FirstClosed);
        Assert.Equal(1, r.Reopened);
        Assert.Equal(1 / 11d, r.ReopenRate);

        // Outcomes of the 10 closed with one (C10 is a suggestion): 6 upheld, 1 partly, 3 not.
        Assert.Equal((10L, 6L, 1L, 3L), (r.WithOutcome, r.Upheld, r.PartlyUpheld, r.NotUpheld));
        Assert.Equal(0.6, r.UpheldRate);
        Assert.Equal(0.1, r.PartlyUpheldShare);
        Assert.Equal(0.3, r.NotUpheldShare);
        Assert.Equal(1.6, r.PerThousandCustomers);
    }

    [Fact]
    public void Resolution_PartlyUpheldCountsAsUpheldWhenAsked()
    {
        var options = Options();
        options.CountPartlyUpheldAsUpheld = true;

        var report = new MetricsCalculator(options).Calculate(All(), March);

        Assert.Equal(0.7, report.Resolution.UpheldRate);
    }

    [Fact]
    public void Cost_HandlingAtRoleTeamOrDefaultRatePlusCompensation()
    {
        var c = Report.Cost;

        // Handling: 30 + 15 + 40 (default rate) + 60 + 90 + 240 + 7.5 + 30 + 40 (team rate) + 0 + 30 + 15 + 120 + 0 = 717.5.
        Assert.Equal("EUR", c.Currency);
        Assert.Equal(14, c.Complaints);
        Assert.Equal(Duration.FromMinutes(17 * 60 + 15), c.HandlingTime);
        Assert.Equal(717.5m, c.Handling);
        Assert.Equal(200m, c.Compensation);
        Assert.Equal(917.5m, c.Total);
        Assert.Equal(65.5357m, c.PerComplaint);
        Assert.Equal(9, c.Customers);
        Assert.Equal(101.9444m, c.PerCustomer);
        Assert.Equal(
            [(RemedyType.Refund, 2L, 150m), (RemedyType.Discount, 1L, 30m), (RemedyType.Credit, 1L, 20m), (RemedyType.Apology, 1L, 0m)],
            c.ByRemedy.Where(r => r.Count > 0).Select(r => (r.Type, r.Count, r.Amount)));
        Assert.Equal(Enum.GetValues<RemedyType>().Length, c.ByRemedy.Count);
        Assert.Equal([("K4", 2L, 310m), ("K5", 2L, 300m), ("K1", 2L, 140m)], c.TopCustomers.Select(t => (t.CustomerId, t.Complaints, t.Cost)));
    }

    [Fact]
    public void Pareto_CategoriesAndRootCauses()
    {
        var categories = Report.CategoryPareto;
        var causes = Report.RootCausePareto;

        // 7 + 5 = 12 of 16 is 75 %, short of 80 %; adding service/staff (3) makes 93.75 %.
        Assert.Equal((16L, 4L, (double?)0.9375), (categories.Total, categories.Keys, categories.CoveredShare));
        Assert.Equal(["billing/fees", "delivery/late", "service/staff"], categories.Items.Select(i => i.Key));
        Assert.Equal([7 / 16d, 12 / 16d, 15 / 16d], categories.Items.Select(i => i.CumulativeShare));

        // pricing 5, delivery 3 of 10 reach 80 % exactly.
        Assert.Equal((10L, 3L, (double?)0.8), (causes.Total, causes.Keys, causes.CoveredShare));
        Assert.Equal([("pricing", 5L), ("delivery", 3L)], causes.Items.Select(i => (i.Key, i.Count)));
    }

    [Fact]
    public void Trend_WeeklyWithChanges()
    {
        var t = Report.Trend;

        Assert.Equal(TrendGranularity.Week, t.Granularity);
        Assert.Equal("Etc/UTC", t.Zone);
        Assert.Equal([2, 9, 16, 23, 30], t.Periods.Select(p => p.Start.Day));
        Assert.Equal([4L, 4, 2, 2, 4], t.Periods.Select(p => p.Received));
        Assert.Equal([null, 0L, -2L, 0L, 2L], t.Periods.Select(p => p.ReceivedChange));
        Assert.Equal([null, 0d, -0.5, 0d, 1d], t.Periods.Select(p => p.ReceivedChangeRate));
        Assert.Equal([4L, 1, 3, 2, 1], t.Periods.Select(p => p.Closed));
        Assert.Equal([null, -3L, 2L, -1L, -1L], t.Periods.Select(p => p.ClosedChange));
        Assert.Equal([null, -0.75, 2d, -1 / 3d, -0.5], t.Periods.Select(p => p.ClosedChangeRate));
        Assert.Equal([200m, 60m, 587.5m, 30m, 40m], t.Periods.Select(p => p.Cost));
        Assert.Equal([200m, 260m, 847.5m, 877.5m, 917.5m], t.Periods.Select(p => p.CumulativeCost));
    }
}
