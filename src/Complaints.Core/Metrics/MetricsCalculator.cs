using System.Collections.Frozen;
using System.Globalization;
using Complaints.Core.Calendars;
using Complaints.Core.Deadlines;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Complaints.Core.Metrics;

/// <summary>
/// Computes complaint metrics: a compiled, immutable definition (calendar, horizons, rates, windows) from which
/// accumulators are created, one per period. Safe to share across threads; accumulators are not.
/// </summary>
public sealed class MetricsCalculator
{
    private const long NanosecondsPerHour = 3_600_000_000_000;

    // Periods end no earlier, so that MaxSpan before the end, and the trend's first week, are instants and dates there are.
    private static readonly Instant EarliestEnd = Instant.FromUtc(1, 1, 1, 0, 0);

    /// <summary>Initializes a new instance of the <see cref="MetricsCalculator"/> class with the default options.</summary>
    public MetricsCalculator()
        : this(new MetricsOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="MetricsCalculator"/> class.</summary>
    /// <param name="options">The options. They are copied: later changes to the object have no effect.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid; the exception lists every error with its field.</exception>
    public MetricsCalculator(MetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new MetricsOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(MetricsOptions), result.Failures);
        }

        TimeBasis = options.TimeBasis;
        Calendar = options.Calendar ?? BusinessCalendar.CreateBuilder("Etc/UTC").AddWeekdayHours(LocalTime.Midnight, LocalTime.Midnight).Build();
        Horizons = options.Horizons.Count == 0 ? MetricsOptions.DefaultHorizons : [.. options.Horizons];
        HorizonSpans = [.. Horizons.Select(Describe)];
        Currency = options.Currency;
        // Rates are kept as whole numbers of 10^-scale currency units per hour, so costs add up exactly in integers.
        var scale = options.RoleHourlyRates.Values.Concat(options.TeamHourlyRates.Values).Append(options.DefaultHourlyRate).Max(r => Math.Min((int)r.Scale, MetricsOptionsValidator.MaxRateDecimals));
        var unit = (long)Math.Pow(10, scale);
        RoleRates = options.RoleHourlyRates.ToFrozenDictionary(p => p.Key, p => (long)(p.Value * unit), StringComparer.Ordinal);
        TeamRates = options.TeamHourlyRates.ToFrozenDictionary(p => p.Key, p => (long)(p.Value * unit), StringComparer.Ordinal);
        DefaultRate = (long)(options.DefaultHourlyRate * unit);
        CostDivisor = NanosecondsPerHour * unit;
        FirstContactWindow = Duration.FromTimeSpan(options.FirstContactWindow);
        ReopenWindow = Duration.FromTimeSpan(options.ReopenWindow);
        CountPartlyUpheldAsUpheld = options.CountPartlyUpheldAsUpheld;
        Percentiles = options.Percentiles;
        SketchRelativeAccuracy = options.SketchRelativeAccuracy;
        var bounds = options.BacklogAgeBounds.Count == 0 ? MetricsOptions.DefaultBacklogAgeBounds : [.. options.BacklogAgeBounds];
        BacklogAgeBounds = [.. bounds.Select(b => Duration.FromTimeSpan(b).ToInt64Nanoseconds())];
        ParetoShare = options.ParetoShare;
        TrendGranularity = options.TrendGranularity;
        FirstDayOfWeek = options.FirstDayOfWeek;
        CustomerBase = options.CustomerBase;
        TopCustomers = options.TopCustomers;
    }

    /// <summary>Gets how response and resolution times are measured.</summary>
    public MetricsTimeBasis TimeBasis { get; }

    /// <summary>Gets the business calendar (the configured one, or the Monday-to-Friday UTC default).</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>Gets the horizons the timeliness figures use.</summary>
    public IReadOnlyList<DeadlineRule> Horizons { get; }

    /// <summary>Gets the currency of every cost.</summary>
    public string Currency { get; }

    /// <summary>Gets each horizon's span in words, such as "3 business days".</summary>
    internal IReadOnlyList<string> HorizonSpans { get; }

    internal FrozenDictionary<string, long> RoleRates { get; }

    internal FrozenDictionary<string, long> TeamRates { get; }

    internal long DefaultRate { get; }

    /// <summary>Gets what a sum of scaled rate × nanoseconds is divided by to give currency units.</summary>
    internal long CostDivisor { get; }

    internal Duration FirstContactWindow { get; }

    internal Duration ReopenWindow { get; }

    internal bool CountPartlyUpheldAsUpheld { get; }

    internal PercentileMode Percentiles { get; }

    internal double SketchRelativeAccuracy { get; }

    internal long[] BacklogAgeBounds { get; }

    internal double ParetoShare { get; }

    internal TrendGranularity TrendGranularity { get; }

    internal IsoDayOfWeek FirstDayOfWeek { get; }

    internal long? CustomerBase { get; }

    internal int TopCustomers { get; }

    /// <summary>Creates an empty accumulator for a period.</summary>
    /// <param name="period">
    /// The period: complaints count by the instant they were received or closed, from its start (inclusive; none
    /// means from the beginning) to its end (exclusive), where the backlog is measured.
    /// </param>
    /// <returns>The accumulator.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="period"/> has no end, ends before the year 1, or has a start and lasts longer than
    /// <see cref="MetricsAccumulator.MaxSpan"/>.
    /// </exception>
    public MetricsAccumulator CreateAccumulator(Interval period)
    {
        if (!period.HasEnd)
        {
            throw new ArgumentException("period must have an end: the backlog is measured there and the trend stops there.", nameof(period));
        }

        if (period.End < EarliestEnd)
        {
            throw new ArgumentException($"period must end on or after {EarliestEnd}; it ends at {period.End}.", nameof(period));
        }

        if (period.HasStart && period.Duration > MetricsAccumulator.MaxSpan)
        {
            throw new ArgumentException($"period must last at most MetricsAccumulator.MaxSpan ({MetricsAccumulator.MaxSpan.Days} days); it lasts {period.Duration}.", nameof(period));
        }

        return new MetricsAccumulator(this, period);
    }

    /// <summary>Computes the report over a set of complaints in one call.</summary>
    /// <param name="facts">The complaints.</param>
    /// <param name="period">The period, as for <see cref="CreateAccumulator(Interval)"/>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="period"/> is refused as by <see cref="CreateAccumulator(Interval)"/>, or a complaint's facts are
    /// refused as by <see cref="MetricsAccumulator.Add(ComplaintFacts)"/>.
    /// </exception>
    public MetricsReport Calculate(IEnumerable<ComplaintFacts> facts, Interval period)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var accumulator = CreateAccumulator(period);
        accumulator.AddEach(facts, "No report was computed."); // nobody else sees this accumulator: no need to gather apart
        return accumulator.ToReport();
    }

    /// <summary>Gets the hourly rate in 10^-scale currency units.</summary>
    internal long HourlyRate(string? role, string? team) =>
        role is not null && RoleRates.TryGetValue(role, out var byRole) ? byRole
        : team is not null && TeamRates.TryGetValue(team, out var byTeam) ? byTeam
        : DefaultRate;

    internal long Measure(Instant from, Instant to) => TimeBasis == MetricsTimeBasis.WorkingTime
        ? Calendar.WorkingTimeBetween(from, to).ToInt64Nanoseconds()
        : (to - from).ToInt64Nanoseconds();

    private static string Describe(DeadlineRule rule)
    {
        var n = rule.Count;
        return rule.Unit switch
        {
            DeadlineUnit.ElapsedTime => Describe(rule.Amount),
            DeadlineUnit.WorkingTime => Describe(rule.Amount) + " of working time",
            DeadlineUnit.BusinessDays => Plural(n, "business day"),
            DeadlineUnit.CalendarDays => Plural(n, "calendar day"),
            DeadlineUnit.CalendarWeeks => Plural(n, "week"),
            _ => Plural(n, "month"),
        };
    }

    private static string Describe(Duration amount) =>
        amount.TotalHours % 1 == 0 ? Plural((long)amount.TotalHours, "hour")
        : amount.TotalMinutes % 1 == 0 ? Plural((long)amount.TotalMinutes, "minute")
        : amount.ToString("-H:mm:ss.FFFFFFFFF", CultureInfo.InvariantCulture);

    private static string Plural(long n, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {unit}{(n == 1 ? string.Empty : "s")}");
}
