using Complaints.Core.Domain;
using NodaTime;

namespace Complaints.Core.Metrics;

/// <summary>
/// Complaints open at the end of the period: received before the end and not in a terminal state at the end.
/// Age is the calendar time from receipt to the end of the period.
/// </summary>
public sealed class BacklogMetrics
{
    /// <summary>Gets the number of open complaints.</summary>
    public long Open { get; init; }

    /// <summary>Gets the mean age (rounded down to the nanosecond), or <see langword="null"/> when nothing is open.</summary>
    public Duration? MeanAge { get; init; }

    /// <summary>Gets the age of the oldest open complaint, or <see langword="null"/> when nothing is open.</summary>
    public Duration? OldestAge { get; init; }

    /// <summary>Gets the open complaints by age bucket, youngest first; every bucket is listed, empty or not.</summary>
    public required IReadOnlyList<AgeBucket> Ages { get; init => field = Guard.ReadOnlyCopy(value, nameof(Ages)); }
}
