using Complaints.Core.Domain;
namespace Complaints.Core.Metrics;

/// <summary>
/// Volumes of complaints received in the period (received at or after its start and before its end), by
/// dimension. Each list is ordered by count, largest first, then by key (ordinal); keys with no complaints are left out.
/// </summary>
public sealed class VolumeMetrics
{
    /// <summary>Gets the number of complaints received in the period.</summary>
    public long Received { get; init; }

    /// <summary>Gets the number of complaints closed (state Closed) in the period, whenever they were received.</summary>
    public long Closed { get; init; }

    /// <summary>Gets the number of complaints that reached any terminal state (closed, withdrawn, rejected, referred) in the period.</summary>
    public long Finished { get; init; }

    /// <summary>Gets the complaints received by feedback kind.</summary>
    public required IReadOnlyList<CountByKey> ByKind { get; init => field = Guard.ReadOnlyCopy(value, nameof(ByKind)); }

    /// <summary>Gets the complaints received by channel.</summary>
    public required IReadOnlyList<CountByKey> ByChannel { get; init => field = Guard.ReadOnlyCopy(value, nameof(ByChannel)); }

    /// <summary>Gets the complaints received by category path (categories compare ignoring case; the ordinal-first spelling is shown).</summary>
    public required IReadOnlyList<CountByKey> ByCategory { get; init => field = Guard.ReadOnlyCopy(value, nameof(ByCategory)); }

    /// <summary>Gets the complaints received by their current state.</summary>
    public required IReadOnlyList<CountByKey> ByState { get; init => field = Guard.ReadOnlyCopy(value, nameof(ByState)); }

    /// <summary>Gets the complaints received by team (<see langword="null"/> key: unassigned).</summary>
    public required IReadOnlyList<CountByKey> ByTeam { get; init => field = Guard.ReadOnlyCopy(value, nameof(ByTeam)); }

    /// <summary>Gets the complaints received by customer segment (<see langword="null"/> key: no segment).</summary>
    public required IReadOnlyList<CountByKey> BySegment { get; init => field = Guard.ReadOnlyCopy(value, nameof(BySegment)); }
}
