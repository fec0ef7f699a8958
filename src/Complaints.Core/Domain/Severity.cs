namespace Complaints.Core.Domain;

/// <summary>How much harm the problem causes the customer, from least to most.</summary>
public enum Severity
{
    /// <summary>Inconvenience only.</summary>
    Low,

    /// <summary>Noticeable harm that is easily put right.</summary>
    Medium,

    /// <summary>Significant financial or personal harm.</summary>
    High,

    /// <summary>Severe harm, a vulnerable customer, or a safety or legal risk.</summary>
    Critical,
}
