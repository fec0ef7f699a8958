namespace Complaints.Core.History;

/// <summary>What sort of communication a history entry records.</summary>
public enum CommunicationKind
{
    /// <summary>A reply sent to the customer.</summary>
    PublicReply,

    /// <summary>A note for staff only.</summary>
    InternalNote,

    /// <summary>A message from the customer.</summary>
    CustomerMessage,

    /// <summary>An automated acknowledgement sent to the customer.</summary>
    AutomatedAcknowledgement,

    /// <summary>A holding reply: the customer is told why the final response is delayed and when to expect it.</summary>
    HoldingReply,
}
