using Complaints.Core.Domain;
namespace Complaints.Core.Metrics;

/// <summary>
/// Volumes and cost per day, week or month, in the calendar's time zone. Periods run from the one holding the
/// period's start (or the earliest complaint counted, when the period has no start) to the one holding its end;
/// periods without complaints are listed with zeros, so changes compare neighbours.
/// </summary>
public sealed class TrendMetrics
{
    /// <summary>Gets the length of each period.</summary>
    public TrendGranularity Granularity { get; init; }

    /// <summary>Gets the id of the time zone whose days the periods follow.</summary>
    public required string Zone { get; init; }

    /// <summary>Gets the periods, in order.</summary>
    public required IReadOnlyList<TrendPeriod> Periods { get; init => field = Guard.ReadOnlyCopy(value, nameof(Periods)); }
}
