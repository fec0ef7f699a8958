using Complaints.Core.Domain;
using Complaints.Core.History;
using NodaTime;

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
    /// <summary>An acknowledgement, by staff or automated: what a deadline anchored on acknowledgement counts from.</summary>
    public const int AcknowledgementBits = (1 << (int)SlaEvent.Acknowledged) | (1 << (int)SlaEvent.AutomatedAcknowledgement);

    public const int HoldingBit = 1 << (int)SlaEvent.HoldingReply;

    public const int InformationBit = 1 << (int)SlaEvent.InformationProvided;

    public const int FinishedBit = 1 << (int)SlaEvent.Finished;

    public const int CustomerMessageBit = 1 << (int)SlaEvent.CustomerMessage;

    public const int ReopenedBit = 1 << (int)SlaEvent.Reopened;

    public static int Bit(SlaEvent e) => 1 << (int)e;


    public static int Of(HistoryEntry entry) => Of(entry.DataKind, entry.IsStateChange, entry.To);

    public static int Of(in HistoryFact fact) => Of(fact.Kind, fact.IsStateChange, fact.To);

    private static int Of(HistoryDataKind kind, bool isStateChange, ComplaintState to)
    {
        var bits = kind switch
        {
            HistoryDataKind.Acknowledgement => Bit(SlaEvent.Acknowledged),
            HistoryDataKind.InformationRequest => Bit(SlaEvent.InformationRequested),
            HistoryDataKind.InformationProvided => Bit(SlaEvent.InformationProvided),
            HistoryDataKind.ResolutionProposal => Bit(SlaEvent.ResolutionProposed),
            HistoryDataKind.Reopening => Bit(SlaEvent.Reopened),
            HistoryDataKind.AutomatedAcknowledgement => Bit(SlaEvent.AutomatedAcknowledgement),
            HistoryDataKind.PublicReply => Bit(SlaEvent.PublicReply),
            HistoryDataKind.InternalNote => Bit(SlaEvent.InternalNote),
            HistoryDataKind.CustomerMessage => Bit(SlaEvent.CustomerMessage),
            HistoryDataKind.HoldingReply => Bit(SlaEvent.HoldingReply),
            _ => 0,
        };
        if (isStateChange)
        {
            bits |= to switch
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

/// <summary>
/// What the clocks read of a history, entry by entry, copied once per evaluation into the caller's buffers: each
/// entry's instant, the state it leads to and its events.
/// </summary>
internal readonly ref struct SlaEntries
{
    public SlaEntries(ReadOnlySpan<Instant> at, ReadOnlySpan<ComplaintState> to, ReadOnlySpan<int> events)
    {
        At = at;
        To = to;
        Events = events;
        LastReopening = -1;
        for (var i = 0; i < events.Length; i++)
        {
            if ((events[i] & SlaEvents.ReopenedBit) != 0)
            {
                Reopenings++;
                LastReopening = i;
            }
        }
    }

    public ReadOnlySpan<Instant> At { get; }

    public ReadOnlySpan<ComplaintState> To { get; }

    public ReadOnlySpan<int> Events { get; }

    public int Count => Events.Length;

    /// <summary>Gets the number of reopenings.</summary>
    public int Reopenings { get; }

    /// <summary>Gets the index of the latest reopening, or -1.</summary>
    public int LastReopening { get; }

    /// <summary>Reads every entry of a history into the buffers, which are exactly as long as it.</summary>
    public static SlaEntries Fill(ReadOnlySpan<HistoryFact> history, Span<Instant> at, Span<ComplaintState> to, Span<int> events)
    {
        for (var i = 0; i < history.Length; i++)
        {
            ref readonly var fact = ref history[i];
            at[i] = fact.At;
            to[i] = fact.To;
            events[i] = SlaEvents.Of(fact);
        }

        return new SlaEntries(at, to, events);
    }

    /// <summary>The first <paramref name="count"/> entries.</summary>
    public SlaEntries Prefix(int count) => new(At[..count], To[..count], Events[..count]);
}
