using Complaints.Core.Calendars;
using Complaints.Core.Deadlines;
using NodaTime;

namespace Complaints.Core.Metrics;

/// <summary>
/// How a <see cref="MetricsCalculator"/> measures complaints. Mutable so that it can be bound from configuration;
/// the calculator copies and validates it once.
/// </summary>
public sealed class MetricsOptions
{
    /// <summary>Gets or sets how response and resolution times are measured.</summary>
    /// <value>The default value is <see cref="MetricsTimeBasis.CalendarTime"/>.</value>
    public MetricsTimeBasis TimeBasis { get; set; } = MetricsTimeBasis.CalendarTime;

    /// <summary>
    /// Gets or sets the business calendar used for working time, for business-day horizons and (through its zone)
    /// for the days, weeks and months of the trend.
    /// </summary>
    /// <value>
    /// The default value is <see langword="null"/>, which means a calendar open all day Monday to Friday in UTC,
    /// without holidays. Set your own to count holidays and working hours.
    /// </value>
    public BusinessCalendar? Calendar { get; set; }

    /// <summary>
    /// Gets or sets the horizons for the share of complaints closed within them and for the timeliness mix, in
    /// increasing order. Each is counted from receipt (and from the first response for rules anchored on the
    /// acknowledgement); a rule anchored on an event the facts do not carry (a holding reply, complete information)
    /// is never met. At most <see cref="MetricsOptionsValidator.MaxHorizons"/>, each spanning at most
    /// <see cref="MetricsAccumulator.MaxSpan"/> with its extension (36,525 days, 5,217 weeks or 1,200 months).
    /// </summary>
    /// <value>
    /// The default value is an empty list, which means <see cref="DeadlinePresets.FcaSummaryResolution"/> (three
    /// business days) and <see cref="DeadlinePresets.FcaFinalResponse"/> (eight weeks).
    /// </value>
    public IList<DeadlineRule> Horizons { get; set; } = [];

    /// <summary>Gets or sets the currency of every cost; compensation in another currency is refused.</summary>
    /// <value>The default value is "EUR".</value>
    public string Currency { get; set; } = "EUR";

    /// <summary>Gets or sets the hourly cost of staff time per role (the <see cref="History.HandlingTime.Role"/>).</summary>
    /// <value>The default value is an empty dictionary.</value>
    public IDictionary<string, decimal> RoleHourlyRates { get; set; } = new Dictionary<string, decimal>(StringComparer.Ordinal);

    /// <summary>Gets or sets the hourly cost of staff time per team, used when the role has no rate.</summary>
    /// <value>The default value is an empty dictionary.</value>
    public IDictionary<string, decimal> TeamHourlyRates { get; set; } = new Dictionary<string, decimal>(StringComparer.Ordinal);

    /// <summary>Gets or sets the hourly cost of staff time when neither the role nor the team has a rate.</summary>
    /// <value>The default value is 0.</value>
    public decimal DefaultHourlyRate { get; set; }

    /// <summary>
    /// Gets or sets how long after the first closure the customer must not come back for a complaint to count as
    /// resolved at first contact.
    /// </summary>
    /// <value>The default value is 7 days.</value>
    public TimeSpan FirstContactWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Gets or sets how soon after the first closure a reopening counts towards the reopen rate.</summary>
    /// <value>The default value is 28 days.</value>
    public TimeSpan ReopenWindow { get; set; } = TimeSpan.FromDays(28);

    /// <summary>Gets or sets a value indicating whether partly upheld complaints count as upheld in the upheld rate, as UK regulatory returns do.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool CountPartlyUpheldAsUpheld { get; set; }

    /// <summary>Gets or sets how percentiles are computed.</summary>
    /// <value>The default value is <see cref="PercentileMode.Exact"/>.</value>
    public PercentileMode Percentiles { get; set; } = PercentileMode.Exact;

    /// <summary>Gets or sets the relative error bound of <see cref="PercentileMode.Sketch"/>, from 0.0001 to 0.1.</summary>
    /// <value>The default value is 0.01 (1 %).</value>
    public double SketchRelativeAccuracy { get; set; } = 0.01;

    /// <summary>
    /// Gets or sets the upper bounds of the backlog age buckets, in increasing order, each at most
    /// <see cref="MetricsAccumulator.MaxSpan"/>; a last bucket takes everything older.
    /// </summary>
    /// <value>The default value is an empty list, which means 1, 3, 7, 14, 28 and 56 days.</value>
    public IList<TimeSpan> BacklogAgeBounds { get; set; } = [];

    /// <summary>Gets or sets the share of complaints a Pareto set must cover, above 0 and at most 1.</summary>
    /// <value>The default value is 0.8.</value>
    public double ParetoShare { get; set; } = 0.8;

    /// <summary>Gets or sets the length of the trend's periods.</summary>
    /// <value>The default value is <see cref="TrendGranularity.Week"/>.</value>
    public TrendGranularity TrendGranularity { get; set; } = TrendGranularity.Week;

    /// <summary>Gets or sets the day weekly trend periods start on.</summary>
    /// <value>The default value is <see cref="IsoDayOfWeek.Monday"/>.</value>
    public IsoDayOfWeek FirstDayOfWeek { get; set; } = IsoDayOfWeek.Monday;

    /// <summary>Gets or sets the number of customers (or accounts) the complaint rate per 1,000 is counted against; <see langword="null"/> when unknown.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public long? CustomerBase { get; set; }

    /// <summary>Gets or sets how many of the costliest customers the report lists, from 0 to <see cref="MetricsOptionsValidator.MaxTopCustomers"/>.</summary>
    /// <value>The default value is 10.</value>
    public int TopCustomers { get; set; } = 10;

    /// <summary>Gets the horizons used when <see cref="Horizons"/> is empty.</summary>
    public static IReadOnlyList<DeadlineRule> DefaultHorizons { get; } = [DeadlinePresets.FcaSummaryResolution, DeadlinePresets.FcaFinalResponse];

    /// <summary>Gets the backlog age bounds used when <see cref="BacklogAgeBounds"/> is empty.</summary>
    public static IReadOnlyList<TimeSpan> DefaultBacklogAgeBounds { get; } =
        [TimeSpan.FromDays(1), TimeSpan.FromDays(3), TimeSpan.FromDays(7), TimeSpan.FromDays(14), TimeSpan.FromDays(28), TimeSpan.FromDays(56)];
}
