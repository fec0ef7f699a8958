namespace Complaints.Core.Metrics;

/// <summary>How the calculator computes medians and other percentiles of durations.</summary>
public enum PercentileMode
{
    /// <summary>
    /// Keeps every duration (8 bytes each) and selects the nearest-rank value: exact, and merges exactly.
    /// </summary>
    Exact,

    /// <summary>
    /// Keeps a logarithmic histogram whose size does not depend on the number of complaints. A reported percentile
    /// is within <see cref="MetricsOptions.SketchRelativeAccuracy"/> of the exact value (relative error) for
    /// durations of one millisecond or more, and within one millisecond below that. Merges exactly (the merged
    /// sketch equals the sketch of the union).
    /// </summary>
    Sketch,
}
