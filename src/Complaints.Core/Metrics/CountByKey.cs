namespace Complaints.Core.Metrics;

/// <summary>The number of complaints with one value of a dimension (a channel, a team, …) and their share of the total.</summary>
public sealed class CountByKey
{
    /// <summary>Gets the value: an enum name, a category path, a team or a segment; <see langword="null"/> for complaints without one (no team, no segment).</summary>
    public string? Key { get; init; }

    /// <summary>Gets the number of complaints.</summary>
    public long Count { get; init; }

    /// <summary>Gets <see cref="Count"/> divided by the total of the dimension, or <see langword="null"/> when the total is zero.</summary>
    public double? Share { get; init; }
}
