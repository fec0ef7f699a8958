using NodaTime;

namespace Complaints.Core.Metrics;

/// <summary>One period of a trend, with the change from the period before.</summary>
public sealed class TrendPeriod
{
    /// <summary>Gets the first day of the period.</summary>
    public LocalDate Start { get; init; }

    /// <summary>Gets the number of complaints received in the period.</summary>
    public long Received { get; init; }

    /// <summary>Gets Received minus the previous period's, or <see langword="null"/> for the first period.</summary>
    public long? ReceivedChange { get; init; }

    /// <summary>Gets ReceivedChange / the previous period's Received, or <see langword="null"/> for the first period or when the previous one had none.</summary>
    public double? ReceivedChangeRate { get; init; }

    /// <summary>Gets the number of complaints closed (state Closed) in the period.</summary>
    public long Closed { get; init; }

    /// <summary>Gets Closed minus the previous period's, or <see langword="null"/> for the first period.</summary>
    public long? ClosedChange { get; init; }

    /// <summary>Gets ClosedChange / the previous period's Closed, or <see langword="null"/> for the first period or when the previous one had none.</summary>
    public double? ClosedChangeRate { get; init; }

    /// <summary>Gets the cost of complaints that reached a terminal state in the period.</summary>
    public decimal Cost { get; init; }

    /// <summary>Gets the cost of this period and every period before it in the trend.</summary>
    public decimal CumulativeCost { get; init; }
}
