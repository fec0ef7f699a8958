using Complaints.Core.Domain;
using NodaTime;

namespace Complaints.Core.Metrics;

/// <summary>
/// Cost of complaints that reached a terminal state (closed, withdrawn, rejected, referred) in the period: staff
/// time at its hourly rate, plus compensation. Handling cost is the sum over recorded times of hours × rate (the
/// role's rate, else the team's, else the default), kept exactly and rounded to four decimal places in each figure
/// reported (the total, each customer, each trend period), so those figures may differ from one another in the
/// fourth decimal place.
/// </summary>
public sealed class CostMetrics
{
    /// <summary>Gets the currency of every amount.</summary>
    public required string Currency { get; init; }

    /// <summary>Gets the number of complaints costed.</summary>
    public long Complaints { get; init; }

    /// <summary>Gets the staff time recorded on them.</summary>
    public Duration HandlingTime { get; init; }

    /// <summary>Gets the cost of that time.</summary>
    public decimal Handling { get; init; }

    /// <summary>Gets the compensation given: the sum of the values of their remedies.</summary>
    public decimal Compensation { get; init; }

    /// <summary>Gets Handling + Compensation.</summary>
    public decimal Total { get; init; }

    /// <summary>Gets Total / Complaints, rounded to four decimal places, or <see langword="null"/> when nothing was costed.</summary>
    public decimal? PerComplaint { get; init; }

    /// <summary>Gets the number of distinct customers (by id) among the costed complaints.</summary>
    public long Customers { get; init; }

    /// <summary>Gets Total / Customers, rounded to four decimal places, or <see langword="null"/> when nothing was costed.</summary>
    public decimal? PerCustomer { get; init; }

    /// <summary>Gets the remedies given, by type (every type, in declaration order), with their number and value.</summary>
    public required IReadOnlyList<RemedyCost> ByRemedy { get; init => field = Guard.ReadOnlyCopy(value, nameof(ByRemedy)); }

    /// <summary>Gets the costliest customers, most costly first (ties by id, ordinal), up to the configured number.</summary>
    public required IReadOnlyList<CustomerCost> TopCustomers { get; init => field = Guard.ReadOnlyCopy(value, nameof(TopCustomers)); }
}
