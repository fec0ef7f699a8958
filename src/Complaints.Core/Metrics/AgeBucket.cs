using NodaTime;

namespace Complaints.Core.Metrics;

/// <summary>The open complaints whose age is at least <see cref="From"/> and less than <see cref="To"/>.</summary>
public sealed class AgeBucket
{
    /// <summary>Gets the lower bound of the bucket (inclusive).</summary>
    public Duration From { get; init; }

    /// <summary>Gets the upper bound of the bucket (exclusive), or <see langword="null"/> for the last, open-ended bucket.</summary>
    public Duration? To { get; init; }

    /// <summary>Gets the number of open complaints in the bucket.</summary>
    public long Count { get; init; }
}
