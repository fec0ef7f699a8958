namespace Complaints.Core.History;

/// <summary>Why a complaint was rejected.</summary>
public enum RejectionReason
{
    /// <summary>Outside what the organisation handles.</summary>
    OutOfScope,

    /// <summary>A duplicate of another complaint.</summary>
    Duplicate,

    /// <summary>Abusive or threatening.</summary>
    Abusive,
}
