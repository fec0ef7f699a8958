namespace Complaints.Core.Domain;

/// <summary>The three kinds of customer feedback handled by one process.</summary>
public enum FeedbackKind
{
    /// <summary>An expression of dissatisfaction that expects a response.</summary>
    Complaint,

    /// <summary>A demand for redress: a refund, a replacement, compensation.</summary>
    Claim,

    /// <summary>An idea for improvement. Suggestions are acknowledged and routed but take no remedy and no follow-up.</summary>
    Suggestion,
}
