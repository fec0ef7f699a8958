namespace Complaints.Core.Deadlines;

/// <summary>The event a deadline is counted from.</summary>
public enum DeadlineAnchor
{
    /// <summary>Receipt of the complaint.</summary>
    Receipt,

    /// <summary>The acknowledgement sent to the customer.</summary>
    Acknowledgement,

    /// <summary>A holding reply that explains the delay.</summary>
    HoldingReply,

    /// <summary>Receipt of the customer's complete information (the complete file).</summary>
    CompleteInformation,
}
