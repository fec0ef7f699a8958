namespace Complaints.Core.Domain;

/// <summary>The decision on the substance of a complaint, as regulators count it.</summary>
public enum ComplaintOutcome
{
    /// <summary>The complaint was found justified.</summary>
    Upheld,

    /// <summary>The complaint was found justified in part.</summary>
    PartlyUpheld,

    /// <summary>The complaint was not found justified.</summary>
    NotUpheld,
}
