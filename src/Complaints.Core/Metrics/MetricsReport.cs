using Complaints.Core.Domain;
using NodaTime;

namespace Complaints.Core.Metrics;

/// <summary>
/// Every metric over the complaints fed to a <see cref="MetricsAccumulator"/>, for one period. Immutable; its
/// shape (property names and nesting) is stable, so it can be stored as JSON and charted.
/// </summary>
/// <remarks>
/// A figure whose denominator is zero is <see langword="null"/> (not available), never NaN. Which complaints each
/// figure counts is stated on its property; the README has the same definitions in one table.
/// </remarks>
public sealed class MetricsReport
{
    /// <summary>Gets the start of the period (inclusive), or <see langword="null"/> when the period has no start.</summary>
    public Instant? Start { get; init; }

    /// <summary>Gets the end of the period (exclusive); also the instant the backlog is measured at.</summary>
    public Instant End { get; init; }

    /// <summary>Gets how response and resolution times were measured.</summary>
    public MetricsTimeBasis TimeBasis { get; init; }

    /// <summary>Gets the number of complaint facts fed in, whether or not they fall in the period.</summary>
    public long Added { get; init; }

    /// <summary>Gets the volumes of complaints received in the period.</summary>
    public required VolumeMetrics Volume { get; init; }

    /// <summary>Gets the complaints open at the end of the period and their ages.</summary>
    public required BacklogMetrics Backlog { get; init; }

    /// <summary>Gets the time from receipt to first response, over complaints received in the period that had a response before its end.</summary>
    public required DurationStatistics FirstResponseTime { get; init; }

    /// <summary>Gets the time from receipt to closure, over complaints closed (state Closed) in the period.</summary>
    public required DurationStatistics ResolutionTime { get; init; }

    /// <summary>Gets the status against each service-level target, over complaints received in the period, ordered by target name.</summary>
    public required IReadOnlyList<SlaTargetMetrics> Sla { get; init => field = Guard.ReadOnlyCopy(value, nameof(Sla)); }

    /// <summary>Gets the shares closed within each horizon and the timeliness mix, over complaints closed in the period.</summary>
    public required TimelinessMetrics Timeliness { get; init; }

    /// <summary>Gets the satisfaction scores, over complaints closed in the period.</summary>
    public required SatisfactionMetrics Satisfaction { get; init; }

    /// <summary>Gets first-contact resolution, escalation, reopening and outcome figures.</summary>
    public required ResolutionMetrics Resolution { get; init; }

    /// <summary>Gets the handling cost and compensation, over complaints that reached a terminal state in the period.</summary>
    public required CostMetrics Cost { get; init; }

    /// <summary>Gets the categories that account for the Pareto share of complaints received in the period.</summary>
    public required ParetoMetrics CategoryPareto { get; init; }

    /// <summary>Gets the root causes that account for the Pareto share of complaints closed in the period with a root cause.</summary>
    public required ParetoMetrics RootCausePareto { get; init; }

    /// <summary>Gets the volumes and cost per day, week or month of the period.</summary>
    public required TrendMetrics Trend { get; init; }
}
