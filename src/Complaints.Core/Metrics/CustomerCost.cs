namespace Complaints.Core.Metrics;

/// <summary>The cumulative cost of one customer's complaints in the period.</summary>
public sealed class CustomerCost
{
    /// <summary>Gets the customer's id.</summary>
    public required string CustomerId { get; init; }

    /// <summary>Gets the number of the customer's costed complaints.</summary>
    public long Complaints { get; init; }

    /// <summary>Gets their total cost (handling and compensation).</summary>
    public decimal Cost { get; init; }
}
