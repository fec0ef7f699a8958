using NodaTime;

namespace Complaints.Core.Metrics;

/// <summary>
/// Statistics of a set of durations. Percentiles use the nearest-rank method: the p-th percentile is the smallest
/// value such that at least p % of the values are less than or equal to it (so the median of four values is the
/// second smallest). Every figure is <see langword="null"/> when <see cref="Count"/> is zero.
/// </summary>
public sealed class DurationStatistics
{
    /// <summary>Gets the number of durations.</summary>
    public long Count { get; init; }

    /// <summary>Gets the mean, rounded down to the nanosecond.</summary>
    public Duration? Mean { get; init; }

    /// <summary>Gets the median (the 50th percentile).</summary>
    public Duration? Median { get; init; }

    /// <summary>Gets the 90th percentile.</summary>
    public Duration? P90 { get; init; }

    /// <summary>Gets the 95th percentile.</summary>
    public Duration? P95 { get; init; }

    /// <summary>Gets the shortest duration.</summary>
    public Duration? Min { get; init; }

    /// <summary>Gets the longest duration.</summary>
    public Duration? Max { get; init; }

    /// <summary>Gets a value indicating whether the percentiles come from a sketch (<see cref="PercentileMode.Sketch"/>) and are approximate; count, mean, min and max are always exact.</summary>
    public bool Approximate { get; init; }
}
