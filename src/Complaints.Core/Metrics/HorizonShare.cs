namespace Complaints.Core.Metrics;

/// <summary>A number of closed complaints with a label and their share of all complaints closed in the period.</summary>
public sealed class HorizonShare
{
    /// <summary>Gets the label: the horizon's name (for example "within 3 business days"), or "after …" for the last band of a mix.</summary>
    public required string Label { get; init; }

    /// <summary>Gets the number of complaints.</summary>
    public long Count { get; init; }

    /// <summary>Gets <see cref="Count"/> / <see cref="TimelinessMetrics.Closed"/>, or <see langword="null"/> when nothing was closed.</summary>
    public double? Share { get; init; }
}
