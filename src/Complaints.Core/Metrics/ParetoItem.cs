namespace Complaints.Core.Metrics;

/// <summary>One member of a Pareto set.</summary>
public sealed class ParetoItem
{
    /// <summary>Gets the key (a category path or a root-cause code).</summary>
    public required string Key { get; init; }

    /// <summary>Gets the number of complaints with the key.</summary>
    public long Count { get; init; }

    /// <summary>Gets Count / the total counted.</summary>
    public double Share { get; init; }

    /// <summary>Gets the share of this key and every key before it.</summary>
    public double CumulativeShare { get; init; }
}
