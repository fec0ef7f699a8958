using Complaints.Core.Domain;
namespace Complaints.Core.Metrics;

/// <summary>
/// The vital few: the smallest set of keys (categories or root causes) that together account for at least the
/// asked share of the complaints counted. Keys are taken by count, largest first, ties by key (ordinal), until the
/// cumulative share reaches <see cref="AskedShare"/>; without the last one it would not.
/// </summary>
public sealed class ParetoMetrics
{
    /// <summary>Gets the share the set must cover.</summary>
    public double AskedShare { get; init; }

    /// <summary>Gets the number of complaints counted.</summary>
    public long Total { get; init; }

    /// <summary>Gets the number of distinct keys among them.</summary>
    public long Keys { get; init; }

    /// <summary>Gets the share the set covers, or <see langword="null"/> when nothing was counted.</summary>
    public double? CoveredShare { get; init; }

    /// <summary>Gets the members of the set with their cumulative share, in order.</summary>
    public required IReadOnlyList<ParetoItem> Items { get; init => field = Guard.ReadOnlyCopy(value, nameof(Items)); }
}
