using System.Collections.Immutable;
using Complaints.Core.Domain;
using NodaTime;

namespace Complaints.Core.History;

/// <summary>
/// A complaint as its history makes it: the one projection of intake and entries into state, fields, open questions,
/// anchor instants and agreed compensation. The live aggregate, restoring, as-of views and metric facts all read
/// complaints through it, so there is one way to read a history. Immutable and safe to share across threads.
/// </summary>
/// <remarks>
/// A snapshot is obtained from a complaint (its current snapshot, or <see cref="AsOf"/> an instant); its entries were
/// checked against the lifecycle when they were recorded or restored.
/// </remarks>
public sealed class ComplaintSnapshot
{
    private static readonly ImmutableHashSet<string> NoneAnswered = ImmutableHashSet.Create<string>(StringComparer.OrdinalIgnoreCase);

    private HistoryView _history;
    private HistoryFact[] _facts;
    private int _factCount;
    private static readonly IReadOnlyList<string> NoQuestions = Array.AsReadOnly(Array.Empty<string>());
    private static readonly IReadOnlyList<Remedy> NoRemedies = Array.AsReadOnly(Array.Empty<Remedy>());
    private static readonly IReadOnlyList<HandlingTime> NoHandling = Array.AsReadOnly(Array.Empty<HandlingTime>());

    private IReadOnlyList<string> _openQuestions;
    private ImmutableHashSet<string> _answered;
    private IReadOnlyList<Remedy> _agreedRemedies;
    private IReadOnlyList<HandlingTime> _handling;
    private IReadOnlyList<AppliedPolicy> _appliedPolicies = NoApplied;
    private static readonly IReadOnlyList<AppliedPolicy> NoApplied = Array.AsReadOnly(Array.Empty<AppliedPolicy>());
    private bool _interactedBeforeFirstClosure;
    private ResolutionRejection? _latestRejection;

    private ComplaintSnapshot(ComplaintId id, ComplaintIntake intake)
    {
        Id = id;
        Intake = intake;
        Priority = intake.Priority;
        Severity = intake.Severity;
        Category = intake.Category;
        CustomerTier = intake.Customer.Tier;
        LastActivityAt = intake.ReceivedAt;
        ReceivedAt = intake.ReceivedAt;
        _history = HistoryView.Empty;
        _facts = [];
        _openQuestions = NoQuestions;
        _answered = NoneAnswered;
        _agreedRemedies = NoRemedies;
        _handling = NoHandling;
    }

    /// <summary>Gets the complaint's id.</summary>
    public ComplaintId Id { get; }

    /// <summary>Gets the record taken on intake.</summary>
    public ComplaintIntake Intake { get; }

    /// <summary>Gets whether this is a complaint, a claim or a suggestion.</summary>
    public FeedbackKind Kind => Intake.Kind;

    /// <summary>Gets the state.</summary>
    public ComplaintState State { get; private set; }

    /// <summary>Gets the rank of the escalation level that handles the complaint (0 is the first level).</summary>
    public int LevelRank { get; private set; }

    /// <summary>Gets the highest escalation level the complaint has reached, even when it was handed back down since.</summary>
    public int HighestLevelRank { get; private set; }

    /// <summary>
    /// Gets when the complaint reached the level that handles it now, raised or handed back down to it, or
    /// <see langword="null"/> while it has never changed level.
    /// </summary>
    public Instant? LevelReachedAt { get; private set; }

    /// <summary>Gets the priority.</summary>
    public Priority Priority { get; private set; }

    /// <summary>Gets the severity.</summary>
    public Severity Severity { get; private set; }

    /// <summary>Gets the category.</summary>
    public Category Category { get; private set; }

    /// <summary>Gets the team the complaint is routed to, if any.</summary>
    public string? Team { get; private set; }

    /// <summary>Gets the person the complaint is assigned to, if any.</summary>
    public string? Assignee { get; private set; }

    /// <summary>Gets the instant promised to the customer for a response, if any.</summary>
    public Instant? PromisedAt { get; private set; }

    /// <summary>Gets the customer's tier, if known.</summary>
    public string? CustomerTier { get; private set; }

    /// <summary>Gets whether abusive or threatening contact has been flagged.</summary>
    public bool IsFlaggedAbusive { get; private set; }

    /// <summary>Gets how many times the complaint was reopened; each reopening starts a new cycle.</summary>
    public int ReopenCount { get; private set; }

    /// <summary>Gets the proposal made most recently, if any.</summary>
    public ResolutionProposal? LatestProposal { get; private set; }

    /// <summary>Gets the remedies of every proposal the customer accepted, in order: the compensation actually agreed, before and after any reopening.</summary>
    public IReadOnlyList<Remedy> AgreedRemedies => _agreedRemedies;

    /// <summary>Gets the outcome recorded at the latest closure, if any.</summary>
    public ComplaintOutcome? Outcome { get; private set; }

    /// <summary>Gets the root cause recorded at the latest closure, if any.</summary>
    public RootCause? RootCause { get; private set; }

    /// <summary>Gets the customer's latest satisfaction score (1 to 5), if rated.</summary>
    public int? Rating { get; private set; }

    /// <summary>Gets the staff handling time recorded, in order.</summary>
    public IReadOnlyList<HandlingTime> Handling => _handling;

    /// <summary>Gets the questions put to the customer that are not answered yet.</summary>
    public IReadOnlyList<string> OpenQuestions => _openQuestions;

    /// <summary>Gets when the complaint was first acknowledged (by the acknowledgement or an automated acknowledgement), if it was.</summary>
    public Instant? AcknowledgedAt { get; private set; }

    /// <summary>Gets when the first holding reply was sent, if one was.</summary>
    public Instant? HoldingReplyAt { get; private set; }

    /// <summary>Gets when the customer last supplied information asked for, if they did: the complete-information anchor.</summary>
    public Instant? CompleteInformationAt { get; private set; }

    /// <summary>Gets when the customer was first responded to (acknowledgement, question, proposal, closure, public or holding reply), if they were.</summary>
    public Instant? FirstResponseAt { get; private set; }

    /// <summary>Gets when the customer was last responded to (acknowledgement, question, proposal, closure, public or holding reply), if they were.</summary>
    public Instant? LastResponseAt { get; private set; }

    /// <summary>Gets the policy rules carried out on the complaint, oldest first, each with the cycle it was carried out in.</summary>
    public IReadOnlyList<AppliedPolicy> AppliedPolicies => _appliedPolicies;

    /// <summary>Gets whether the customer rejected the latest proposal (no proposal has been made since the rejection).</summary>
    public bool LatestProposalRejected => _latestRejection is not null;

    /// <summary>
    /// Gets whether the customer rejected the latest proposal with consent to escalate
    /// (<c>Complaint.RejectResolution(..., consentToEscalate: true)</c>), and no proposal has been made since.
    /// </summary>
    public bool LatestRejectionConsented => _latestRejection?.ConsentToEscalate == true;

    /// <summary>Gets when the last message from the customer was recorded, if one was.</summary>
    public Instant? LastCustomerMessageAt { get; private set; }

    /// <summary>Gets when the complaint was last resolved, if it is resolved or closed since then; cleared by a reopening.</summary>
    public Instant? ResolvedAt { get; private set; }

    /// <summary>Gets when the complaint was last closed, if it is closed now.</summary>
    public Instant? ClosedAt { get; private set; }

    /// <summary>Gets when the complaint was first closed, if it ever was.</summary>
    public Instant? FirstClosedAt { get; private set; }

    /// <summary>Gets when the complaint was first reopened after its first closure, if it was.</summary>
    public Instant? ReopenedAt { get; private set; }

    /// <summary>Gets when the customer first came back after the first closure (a reopening or a message), if they did.</summary>
    public Instant? RecontactAt { get; private set; }

    /// <summary>Gets when the complaint entered its current terminal state, if it is in one.</summary>
    public Instant? FinishedAt { get; private set; }

    /// <summary>Gets whether the complaint was first closed with no further interaction (no question, rejection, escalation or customer message) before.</summary>
    public bool ResolvedAtFirstContact => FirstClosedAt is not null && !_interactedBeforeFirstClosure;

    /// <summary>Gets when the complaint was received (<see cref="ComplaintIntake.ReceivedAt"/>), held here for readers that walk many snapshots.</summary>
    internal Instant ReceivedAt { get; }

    /// <summary>Gets the instant of the latest history entry, or of receipt when there is none.</summary>
    public Instant LastActivityAt { get; private set; }

    /// <summary>Gets the history this snapshot was projected from, oldest first. Read-only.</summary>
    public IReadOnlyList<HistoryEntry> History => _history;

    /// <summary>Gets the history as a span, for readers inside the library that walk it many times.</summary>
    internal ReadOnlySpan<HistoryEntry> HistorySpan => _history.AsSpan();

    /// <summary>Gets each entry's instant, kind and state as one contiguous span, for readers that classify every entry.</summary>
    /// <remarks>The array is held here as well as in the view, so a reader reaches it in one hop from the snapshot.</remarks>
    internal ReadOnlySpan<HistoryFact> HistoryFacts => new(_facts, 0, _factCount);

    /// <summary>Gets the version: the number of history entries.</summary>
    public long Version => _history.Count;

    /// <summary>Gets whether the complaint is in a terminal state.</summary>
    public bool IsTerminal => State.IsTerminal();

    /// <summary>Gets whether the customer has already answered a question (compared ignoring case and surrounding space).</summary>
    /// <param name="question">The question.</param>
    /// <returns><see langword="true"/> if an earlier information request asked it and the customer answered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="question"/> is <see langword="null"/>.</exception>
    public bool WasAnswered(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return _answered.Contains(question.Trim());
    }

    /// <summary>Gets the complaint as it was at an instant: the projection of the entries recorded at or before it.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>This snapshot when no later entry exists; otherwise the snapshot of the earlier entries.</returns>
    public ComplaintSnapshot AsOf(Instant instant) => Through(instant, inclusive: true);

    /// <summary>Gets the complaint as it was just before an instant: the projection of the entries recorded before it (a period's end is exclusive).</summary>
    internal ComplaintSnapshot Before(Instant end) => Through(end, inclusive: false);

    private ComplaintSnapshot Through(Instant instant, bool inclusive)
    {
        if (LastActivityAt < instant || (inclusive && LastActivityAt == instant))
        {
            // Instants never go backwards: the latest entry is in, so every entry is.
            return this;
        }

        var count = 0;
        while (count < _history.Count && (_history[count].At < instant || (inclusive && _history[count].At == instant)))
        {
            count++;
        }

        return Prefix(count);
    }

    /// <summary>Gets the complaint as its first <paramref name="count"/> entries left it.</summary>
    internal ComplaintSnapshot Prefix(int count)
    {
        if (count == _history.Count)
        {
            return this;
        }

        var snapshot = Initial(Id, Intake);
        for (var i = 0; i < count; i++)
        {
            snapshot = snapshot.Apply(_history[i]);
        }

        return snapshot;
    }

    /// <summary>Gets the snapshot of a complaint just received, with no history.</summary>
    internal static ComplaintSnapshot Initial(ComplaintId id, ComplaintIntake intake) => new(id, intake);

    /// <summary>Folds one entry, already checked against the lifecycle, into a new snapshot. This one is unchanged.</summary>
    internal ComplaintSnapshot Apply(HistoryEntry entry)
    {
        var next = (ComplaintSnapshot)MemberwiseClone();
        next.Fold(entry);
        next._history = _history.Append(entry);
        next._facts = next._history.FactArray;
        next._factCount = next._history.Count;
        return next;
    }

    private static bool IsResponse(HistoryData data) => data switch
    {
        Acknowledgement or InformationRequest or ResolutionProposal or Closure => true,
        Communication c => c.Kind is CommunicationKind.PublicReply or CommunicationKind.HoldingReply,
        _ => false,
    };

    private static bool IsFurtherInteraction(HistoryData data) => data switch
    {
        InformationRequest or InformationProvided or ResolutionRejection or Escalation => true,
        Communication c => c.Kind == CommunicationKind.CustomerMessage,
        _ => false,
    };

    private void Fold(HistoryEntry entry)
    {
        var at = entry.At;
        if (IsResponse(entry.Data))
        {
            FirstResponseAt ??= at;
            LastResponseAt = at;
        }

        if (FirstClosedAt is null)
        {
            _interactedBeforeFirstClosure |= IsFurtherInteraction(entry.Data);
        }

        switch (entry.Data)
        {
            case Acknowledgement:
                AcknowledgedAt ??= at;
                break;
            case Assessment a:
                Severity = a.Severity;
                Priority = a.Priority;
                Category = a.Category;
                break;
            case InformationRequest r:
                _openQuestions = r.Questions; // read-only already
                break;
            case InformationProvided:
                _answered = _answered.Union(_openQuestions);
                _openQuestions = NoQuestions;
                CompleteInformationAt = at;
                break;
            case ResolutionProposal p:
                LatestProposal = p;
                _latestRejection = null;
                break;
            case ResolutionAcceptance when LatestProposal is { } accepted:
                _agreedRemedies = Array.AsReadOnly([.. _agreedRemedies, .. accepted.Remedies]);
                break;
            case ResolutionRejection r:
                _latestRejection = r;
                MoveToLevel(r.ToLevel, at);
                break;
            case Escalation e:
                MoveToLevel(e.ToLevel, at);
                break;
            case Deescalation d:
                MoveToLevel(d.ToLevel, at);
                break;
            case Closure c:
                Outcome = c.Outcome;
                RootCause = c.RootCause;
                ClosedAt = at;
                FirstClosedAt ??= at;
                break;
            case Reopening:
                ReopenCount++;
                ClosedAt = null;
                ResolvedAt = null;
                if (FirstClosedAt is not null)
                {
                    ReopenedAt ??= at;
                    RecontactAt ??= at;
                }

                break;
            case Communication c:
                switch (c.Kind)
                {
                    case CommunicationKind.AutomatedAcknowledgement:
                        AcknowledgedAt ??= at;
                        break;
                    case CommunicationKind.HoldingReply:
                        HoldingReplyAt ??= at;
                        break;
                    case CommunicationKind.CustomerMessage:
                        LastCustomerMessageAt = at;
                        if (FirstClosedAt is not null)
                        {
                            RecontactAt ??= at;
                        }

                        break;
                }

                break;
            case PriorityChange c:
                Priority = c.To;
                break;
            case PolicyApplication p:
                _appliedPolicies = Array.AsReadOnly([.. _appliedPolicies, new AppliedPolicy(p.Rule, ReopenCount, at)]);
                break;
            case SeverityChange c:
                Severity = c.To;
                break;
            case CategoryChange c:
                Category = c.To;
                break;
            case AssignmentChange c:
                Team = c.ToTeam;
                Assignee = c.ToAssignee;
                break;
            case PromisedDateChange c:
                PromisedAt = c.To;
                break;
            case CustomerTierChange c:
                CustomerTier = c.To;
                break;
            case Rating r:
                Rating = r.Score;
                break;
            case HandlingTime h:
                _handling = Array.AsReadOnly([.. _handling, h]);
                break;
            case AbusiveContact:
                IsFlaggedAbusive = true;
                break;
        }

        if (entry.IsStateChange)
        {
            if (entry.To == ComplaintState.Resolved)
            {
                ResolvedAt = at;
            }

            FinishedAt = entry.To.IsTerminal() ? at : null;
        }

        State = entry.To;
        LastActivityAt = at;
    }

    private void MoveToLevel(int rank, Instant at)
    {
        if (rank != LevelRank)
        {
            LevelReachedAt = at;
        }

        LevelRank = rank;
        HighestLevelRank = Math.Max(HighestLevelRank, rank);
    }
}

/// <summary>A policy rule carried out on a complaint: its name, the cycle (the number of reopenings before it) and when.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Cycle">The cycle it was carried out in: 0 from receipt, then one more for each reopening.</param>
/// <param name="At">When it was recorded.</param>
public readonly record struct AppliedPolicy(string Rule, int Cycle, Instant At);
