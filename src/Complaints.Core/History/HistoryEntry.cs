using System.Text.Json.Serialization;
using Complaints.Core.Domain;
using NodaTime;

namespace Complaints.Core.History;

/// <summary>
/// One immutable entry of a complaint's append-only history: who did what, when, from which state to which,
/// and the typed data of the action. Every SLA clock and metric is derived from these entries.
/// </summary>
public sealed record HistoryEntry
{
    /// <summary>Initializes a new instance of the <see cref="HistoryEntry"/> class, checking its shape.</summary>
    /// <param name="sequence">The entry's position in the history, starting at 1.</param>
    /// <param name="at">When it happened.</param>
    /// <param name="actor">Who did it.</param>
    /// <param name="trigger">What was done.</param>
    /// <param name="from">The state before.</param>
    /// <param name="to">The state after; equal to <paramref name="from"/> for a trigger that only records.</param>
    /// <param name="data">The typed data of the action, of the type that belongs to <paramref name="trigger"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="data"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sequence"/> is below 1, or an enum value is not defined.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="data"/> does not belong to <paramref name="trigger"/>, or a recording trigger changes the state.
    /// </exception>
    public HistoryEntry(long sequence, Instant at, Actor actor, ComplaintTrigger trigger, ComplaintState from, ComplaintState to, HistoryData data)
        : this(sequence, at, actor, trigger, from, to, data, trusted: Check(sequence, actor, trigger, from, to, data))
    {
    }

    private HistoryEntry(long sequence, Instant at, Actor actor, ComplaintTrigger trigger, ComplaintState from, ComplaintState to, HistoryData data, bool trusted)
    {
        _ = trusted;
        Sequence = sequence;
        At = at;
        Actor = actor;
        Trigger = trigger;
        From = from;
        To = to;
        Data = data;
        DataKind = data switch
        {
            Acknowledgement => HistoryDataKind.Acknowledgement,
            InformationRequest => HistoryDataKind.InformationRequest,
            InformationProvided => HistoryDataKind.InformationProvided,
            ResolutionProposal => HistoryDataKind.ResolutionProposal,
            Reopening => HistoryDataKind.Reopening,
            Communication c => c.Kind switch
            {
                CommunicationKind.PublicReply => HistoryDataKind.PublicReply,
                CommunicationKind.InternalNote => HistoryDataKind.InternalNote,
                CommunicationKind.CustomerMessage => HistoryDataKind.CustomerMessage,
                CommunicationKind.AutomatedAcknowledgement => HistoryDataKind.AutomatedAcknowledgement,
                CommunicationKind.HoldingReply => HistoryDataKind.HoldingReply,
                _ => HistoryDataKind.Other,
            },
            _ => HistoryDataKind.Other,
        };
    }

    /// <summary>Gets the entry's position in the history, starting at 1.</summary>
    public long Sequence { get; }

    /// <summary>Gets when it happened.</summary>
    [JsonConverter(typeof(InstantJsonConverter))]
    public Instant At { get; }

    /// <summary>Gets who did it.</summary>
    public Actor Actor { get; }

    /// <summary>Gets what was done.</summary>
    public ComplaintTrigger Trigger { get; }

    /// <summary>Gets the state before.</summary>
    public ComplaintState From { get; }

    /// <summary>Gets the state after; equal to <see cref="From"/> for a trigger that only records.</summary>
    public ComplaintState To { get; }

    /// <summary>Gets the typed data of the action.</summary>
    public HistoryData Data { get; }

    /// <summary>Gets what the data is, read once, so readers that walk many entries need not load each one's data.</summary>
    internal HistoryDataKind DataKind { get; }

    /// <summary>Gets whether the entry changed the complaint's state.</summary>
    [JsonIgnore]
    public bool IsStateChange => From != To;

    private static bool Check(long sequence, Actor actor, ComplaintTrigger trigger, ComplaintState from, ComplaintState to, HistoryData data)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(data);
        Guard.Defined(trigger, nameof(trigger));
        Guard.Defined(from, nameof(from));
        Guard.Defined(to, nameof(to));
        if (trigger.IsRecording() && from != to)
        {
            throw new ArgumentException($"to must equal from ({from}): {trigger} only records and never changes the state.", nameof(to));
        }

        if (!Fits(trigger, data))
        {
            throw new ArgumentException($"data is a {data.GetType().Name}, which does not belong to {trigger}.", nameof(data));
        }

        return true;
    }

    /// <summary>Creates an entry the lifecycle has just checked (trigger, states and data), without checking it again.</summary>
    internal static HistoryEntry Trusted(long sequence, Instant at, Actor actor, ComplaintTrigger trigger, ComplaintState from, ComplaintState to, HistoryData data) =>
        new(sequence, at, actor, trigger, from, to, data, trusted: true);

    /// <summary>Gets whether a data record belongs to a trigger.</summary>
    internal static bool Fits(ComplaintTrigger trigger, HistoryData data) => trigger switch
    {
        ComplaintTrigger.Acknowledge => data is Acknowledgement,
        ComplaintTrigger.Assess => data is Assessment,
        ComplaintTrigger.RequestInformation => data is InformationRequest,
        ComplaintTrigger.ProvideInformation => data is InformationProvided,
        ComplaintTrigger.ProposeResolution => data is ResolutionProposal,
        ComplaintTrigger.AcceptResolution => data is ResolutionAcceptance,
        ComplaintTrigger.RejectResolution => data is ResolutionRejection,
        ComplaintTrigger.Escalate or ComplaintTrigger.RaiseLevel => data is Escalation,
        ComplaintTrigger.LowerLevel => data is Deescalation,
        ComplaintTrigger.Close => data is Closure,
        ComplaintTrigger.Reopen => data is Reopening,
        ComplaintTrigger.Reject => data is Rejection,
        ComplaintTrigger.Refer => data is Referral,
        ComplaintTrigger.RecordCommunication => data is Communication,
        ComplaintTrigger.ChangePriority => data is PriorityChange,
        ComplaintTrigger.ChangeSeverity => data is SeverityChange,
        ComplaintTrigger.ChangeCategory => data is CategoryChange,
        ComplaintTrigger.Assign => data is AssignmentChange,
        ComplaintTrigger.ChangePromisedDate => data is PromisedDateChange,
        ComplaintTrigger.ChangeCustomerTier => data is CustomerTierChange,
        ComplaintTrigger.Rate => data is Rating,
        ComplaintTrigger.RecordHandlingTime => data is HandlingTime,
        ComplaintTrigger.RecordApproval => data is Approval,
        ComplaintTrigger.FlagAbusiveContact => data is AbusiveContact,
        ComplaintTrigger.RecordPolicyApplication => data is PolicyApplication,
        ComplaintTrigger.StartInvestigation or ComplaintTrigger.Resolve or ComplaintTrigger.StartFollowUp
            or ComplaintTrigger.Withdraw => data is TransitionNote,
        _ => false,
    };
}

/// <summary>What an entry's data is, as far as readers that classify entries need to know: a few data types, and a communication's kind.</summary>
internal enum HistoryDataKind : byte
{
    Other,
    Acknowledgement,
    InformationRequest,
    InformationProvided,
    ResolutionProposal,
    Reopening,
    PublicReply,
    InternalNote,
    CustomerMessage,
    AutomatedAcknowledgement,
    HoldingReply,
}
