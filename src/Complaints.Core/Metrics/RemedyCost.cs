using Complaints.Core.Domain;

namespace Complaints.Core.Metrics;

/// <summary>The remedies of one type given on the costed complaints.</summary>
public sealed class RemedyCost
{
    /// <summary>Gets the remedy type.</summary>
    public RemedyType Type { get; init; }

    /// <summary>Gets the number of remedies of this type.</summary>
    public long Count { get; init; }

    /// <summary>Gets their total value (0 for remedies without a value, such as an apology).</summary>
    public decimal Amount { get; init; }
}
