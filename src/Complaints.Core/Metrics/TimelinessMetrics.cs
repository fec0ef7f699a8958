using Complaints.Core.Domain;
namespace Complaints.Core.Metrics;

/// <summary>
/// How quickly complaints closed (state Closed) in the period were closed, against the configured horizons
/// (by default three business days and eight weeks, the figures UK regulatory returns ask for).
/// </summary>
public sealed class TimelinessMetrics
{
    /// <summary>Gets the number of complaints closed in the period: the denominator of every share here.</summary>
    public long Closed { get; init; }

    /// <summary>Gets, for each horizon in the configured order, how many were closed within it (at or before its deadline).</summary>
    public required IReadOnlyList<HorizonShare> Within { get; init => field = Guard.ReadOnlyCopy(value, nameof(Within)); }

    /// <summary>
    /// Gets the mix: for each horizon, the complaints closed within it but not within an earlier one, then a last
    /// band for those closed after every horizon. The bands' counts add up to <see cref="Closed"/>.
    /// </summary>
    public required IReadOnlyList<HorizonShare> Mix { get; init => field = Guard.ReadOnlyCopy(value, nameof(Mix)); }
}
