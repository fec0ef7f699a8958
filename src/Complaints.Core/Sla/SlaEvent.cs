using Complaints.Core.Domain;
using Complaints.Core.History;

namespace Complaints.Core.Sla;

/// <summary>Something in a complaint's history that starts, meets or stops a service-level clock.</summary>
public enum SlaEvent
{
    /// <summary>The complaint was received (the intake), or reopened into a new cycle.</summary>
    Received,

    /// <summary>Staff acknowledged the complaint (<see cref="ComplaintTrigger.Acknowledge"/>).</summary>
    Acknowledged,

    /// <summary>An automated acknowledgement was sent (<see cref="CommunicationKind.AutomatedAcknowledgement"/>).</summary>
    AutomatedAcknowledgement,

    /// <summary>A reply was sent to the customer (<see cref="CommunicationKind.PublicReply"/>).</summary>
    PublicReply,

    /// <summary>A note for staff only was recorded (<see cref="CommunicationKind.InternalNote"/>); it never reaches the customer.</summary>
    InternalNote,

    /// <summary>A message from the customer was recorded (<see cref="CommunicationKind.CustomerMessage"/>).</summary>
    CustomerMessage,

    /// <summary>A holding reply was sent (<see cref="CommunicationKind.HoldingReply"/>).</summary>
    HoldingReply,

    /// <summary>The customer was asked for missing information.</summary>
    InformationRequested,

    /// <summary>The customer supplied the information asked for.</summary>
    InformationProvided,

    /// <summary>A resolution was proposed to the customer.</summary>
    ResolutionProposed,

    /// <summary>The complaint entered <see cref="ComplaintState.Resolved"/>: the customer accepted a resolution, or a suggestion was resolved.</summary>
    Resolved,

    /// <summary>The complaint was closed with its outcome: the final response.</summary>
    Closed,

    /// <summary>The complaint was reopened.</summary>
    Reopened,

    /// <summary>The complaint was withdrawn, rejected or referred: every clock of the cycle stops.</summary>
    Finished,
}

/// <summary>Reads the service-level events an entry records, as a bit set over <see cref="SlaEvent"/>.</summary>
internal static class SlaEvents
{
    public static int Bit(SlaEvent e) => 1 << (int)e;

    /// <summary>Reads the events of every entry once, for all the clocks evaluated over one history.</summary>
    public static void Fill(IReadOnlyList<HistoryEntry> history, Span<int> events)
    {
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = Of(history[i]);
        }
    }

    public static int Of(HistoryEntry entry)
    {
        var bits = entry.Data switch
        {
            Acknowledgement => Bit(SlaEvent.Acknowledged),
            InformationRequest => Bit(SlaEvent.InformationRequested),
            InformationProvided => Bit(SlaEvent.InformationProvided),
            ResolutionProposal => Bit(SlaEvent.ResolutionProposed),
            Reopening => Bit(SlaEvent.Reopened),
            Communication c => c.Kind switch
            {
                CommunicationKind.AutomatedAcknowledgement => Bit(SlaEvent.AutomatedAcknowledgement),
                CommunicationKind.PublicReply => Bit(SlaEvent.PublicReply),
                CommunicationKind.InternalNote => Bit(SlaEvent.InternalNote),
                CommunicationKind.CustomerMessage => Bit(SlaEvent.CustomerMessage),
                CommunicationKind.HoldingReply => Bit(SlaEvent.HoldingReply),
                _ => 0,
            },
            _ => 0,
        };
        if (entry.IsStateChange)
        {
            bits |= entry.To switch
            {
                ComplaintState.Resolved => Bit(SlaEvent.Resolved),
                ComplaintState.Closed => Bit(SlaEvent.Closed),
                ComplaintState.Withdrawn or ComplaintState.Rejected or ComplaintState.Referred => Bit(SlaEvent.Finished),
                _ => 0,
            };
        }

        return bits;
    }
}
