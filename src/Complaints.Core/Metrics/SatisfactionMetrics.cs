using Complaints.Core.Domain;
namespace Complaints.Core.Metrics;

/// <summary>Satisfaction scores (1 to 5) of complaints closed (state Closed) in the period.</summary>
public sealed class SatisfactionMetrics
{
    /// <summary>Gets the number of complaints closed in the period.</summary>
    public long Closed { get; init; }

    /// <summary>Gets the number of those with a score.</summary>
    public long Rated { get; init; }

    /// <summary>Gets the number of rated complaints scoring 4 or 5.</summary>
    public long Satisfied { get; init; }

    /// <summary>Gets Satisfied / Rated (unrated complaints are left out), or <see langword="null"/> when none is rated.</summary>
    public double? Rate { get; init; }

    /// <summary>Gets the mean score of rated complaints, or <see langword="null"/> when none is rated.</summary>
    public double? AverageScore { get; init; }

    /// <summary>Gets Rated / Closed, or <see langword="null"/> when nothing was closed.</summary>
    public double? ResponseRate { get; init; }

    /// <summary>Gets the number of complaints scoring 1, 2, 3, 4 and 5, in that order.</summary>
    public required IReadOnlyList<long> Scores { get; init => field = Guard.ReadOnlyCopy(value, nameof(Scores)); }
}
