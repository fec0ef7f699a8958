using Complaints.Core.Domain;
namespace Complaints.Core.Metrics;

/// <summary>First-contact resolution, escalation, reopening and outcomes.</summary>
public sealed class ResolutionMetrics
{
    /// <summary>Gets the number of complaints closed (state Closed) in the period: the denominator of first-contact resolution and outcome shares.</summary>
    public long Closed { get; init; }

    /// <summary>
    /// Gets the number of complaints closed in the period that were resolved at first contact
    /// (<see cref="ComplaintFacts.ResolvedAtFirstContact"/>) and whose customer did not come back within the first-contact window of the first closure.
    /// </summary>
    public long FirstContactResolved { get; init; }

    /// <summary>Gets FirstContactResolved / Closed, or <see langword="null"/> when nothing was closed.</summary>
    public double? FirstContactResolutionRate { get; init; }

    /// <summary>Gets the number of complaints received in the period: the denominator of escalation and referral rates.</summary>
    public long Received { get; init; }

    /// <summary>Gets the number of complaints received in the period that were escalated (highest level above 0).</summary>
    public long Escalated { get; init; }

    /// <summary>Gets Escalated / Received, or <see langword="null"/> when nothing was received.</summary>
    public double? EscalationRate { get; init; }

    /// <summary>Gets the escalated complaints by the highest level they reached, lowest level first.</summary>
    public required IReadOnlyList<LevelCount> EscalatedByLevel { get; init => field = Guard.ReadOnlyCopy(value, nameof(EscalatedByLevel)); }

    /// <summary>Gets the number of complaints received in the period that were referred to an outside body (state Referred).</summary>
    public long Referred { get; init; }

    /// <summary>Gets Referred / Received, or <see langword="null"/> when nothing was received.</summary>
    public double? ReferralRate { get; init; }

    /// <summary>Gets the number of complaints first closed in the period: the denominator of the reopen rate.</summary>
    public long FirstClosed { get; init; }

    /// <summary>Gets the number of those reopened within the reopen window of their first closure.</summary>
    public long Reopened { get; init; }

    /// <summary>Gets Reopened / FirstClosed, or <see langword="null"/> when nothing was first closed.</summary>
    public double? ReopenRate { get; init; }

    /// <summary>Gets the number of complaints closed in the period with an outcome: the denominator of the outcome shares.</summary>
    public long WithOutcome { get; init; }

    /// <summary>Gets the number closed as upheld.</summary>
    public long Upheld { get; init; }

    /// <summary>Gets the number closed as partly upheld.</summary>
    public long PartlyUpheld { get; init; }

    /// <summary>Gets the number closed as not upheld.</summary>
    public long NotUpheld { get; init; }

    /// <summary>
    /// Gets Upheld / WithOutcome, or (Upheld + PartlyUpheld) / WithOutcome when partly upheld counts as upheld;
    /// <see langword="null"/> when no outcome was recorded.
    /// </summary>
    public double? UpheldRate { get; init; }

    /// <summary>Gets PartlyUpheld / WithOutcome, or <see langword="null"/> when no outcome was recorded.</summary>
    public double? PartlyUpheldShare { get; init; }

    /// <summary>Gets NotUpheld / WithOutcome, or <see langword="null"/> when no outcome was recorded.</summary>
    public double? NotUpheldShare { get; init; }

    /// <summary>Gets Received × 1000 / the customer base, or <see langword="null"/> when no base was supplied.</summary>
    public double? PerThousandCustomers { get; init; }
}
