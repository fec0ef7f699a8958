using Complaints.Core.Domain;
using Complaints.Core.History;
using NodaTime;

namespace Complaints.Core.Lifecycle;

/// <summary>
/// A complaint, claim or suggestion: its intake record, its state and its append-only history. It changes only
/// through its methods; each accepted method appends exactly one <see cref="HistoryEntry"/> and raises one
/// <see cref="ComplaintEvent"/>. A refused method throws and leaves the complaint exactly as it was.
/// </summary>
/// <remarks>
/// Every method takes the <see cref="Actor"/> who acts and the <see cref="Instant"/> it happens; instants may not go
/// back in time. Everything the complaint reports besides its intake (state, level, priority, outcome…) is derived
/// from the history. An instance is not thread-safe; the <see cref="ComplaintLifecycle"/> it uses is.
/// </remarks>
public sealed class Complaint
{
    private readonly ComplaintLifecycle _lifecycle;
    private ComplaintSnapshot _snapshot;
    private int _dispatched;

    private Complaint(ComplaintSnapshot snapshot, ComplaintLifecycle lifecycle)
    {
        _snapshot = snapshot;
        _lifecycle = lifecycle;
    }

    /// <summary>Gets the complaint's id.</summary>
    public ComplaintId Id => _snapshot.Id;

    /// <summary>Gets the record taken on intake.</summary>
    public ComplaintIntake Intake => _snapshot.Intake;

    /// <summary>Gets whether this is a complaint, a claim or a suggestion.</summary>
    public FeedbackKind Kind => _snapshot.Kind;

    /// <summary>Gets the complaint as its history makes it now: the projection every reader of a complaint uses.</summary>
    public ComplaintSnapshot Snapshot => _snapshot;

    /// <summary>Gets the lifecycle definition the complaint follows.</summary>
    public ComplaintLifecycle Lifecycle => _lifecycle;

    /// <summary>Gets the current state.</summary>
    public ComplaintState State => _snapshot.State;

    /// <summary>Gets the escalation level that handles the complaint now.</summary>
    public EscalationLevel Level => _lifecycle.Levels[_snapshot.LevelRank];

    /// <summary>Gets the current priority.</summary>
    public Priority Priority => _snapshot.Priority;

    /// <summary>Gets the current severity.</summary>
    public Severity Severity => _snapshot.Severity;

    /// <summary>Gets the current category.</summary>
    public Category Category => _snapshot.Category;

    /// <summary>Gets the team the complaint is routed to, if any.</summary>
    public string? Team => _snapshot.Team;

    /// <summary>Gets the person the complaint is assigned to, if any.</summary>
    public string? Assignee => _snapshot.Assignee;

    /// <summary>Gets the instant promised to the customer for a response, if any.</summary>
    public Instant? PromisedAt => _snapshot.PromisedAt;

    /// <summary>Gets the customer's current tier, if known.</summary>
    public string? CustomerTier => _snapshot.CustomerTier;

    /// <summary>Gets whether abusive or threatening contact has been flagged.</summary>
    public bool IsFlaggedAbusive => _snapshot.IsFlaggedAbusive;

    /// <summary>Gets how many times the complaint was reopened; each reopening starts a new SLA cycle.</summary>
    public int ReopenCount => _snapshot.ReopenCount;

    /// <summary>Gets the proposal made most recently, if any.</summary>
    public ResolutionProposal? LatestProposal => _snapshot.LatestProposal;

    /// <summary>Gets the outcome recorded at the latest closure, if any.</summary>
    public ComplaintOutcome? Outcome => _snapshot.Outcome;

    /// <summary>Gets the root cause recorded at the latest closure, if any.</summary>
    public RootCause? RootCause => _snapshot.RootCause;

    /// <summary>Gets the customer's latest satisfaction score (1 to 5), if rated.</summary>
    public int? Rating => _snapshot.Rating;

    /// <summary>Gets when the complaint was last closed, if it is closed now.</summary>
    public Instant? ClosedAt => _snapshot.ClosedAt;

    /// <summary>Gets the instant of the latest history entry, or of receipt when there is none.</summary>
    public Instant LastActivityAt => _snapshot.LastActivityAt;

    /// <summary>Gets the questions put to the customer that are not answered yet.</summary>
    public IReadOnlyList<string> OpenQuestions => _snapshot.OpenQuestions;

    /// <summary>Gets the history, oldest first. Read-only: it cannot be cast back to a collection that changes it.</summary>
    public IReadOnlyList<HistoryEntry> History => _snapshot.History;

    /// <summary>Gets the version: the number of history entries. A store uses it for optimistic concurrency.</summary>
    public long Version => _snapshot.Version;

    /// <summary>Gets whether the complaint is in a terminal state.</summary>
    public bool IsTerminal => _snapshot.IsTerminal;

    /// <summary>Receives a new complaint in the <see cref="ComplaintState.Received"/> state, with an empty history.</summary>
    /// <param name="id">The complaint's id.</param>
    /// <param name="intake">The intake record.</param>
    /// <param name="lifecycle">The lifecycle definition, shared by all complaints.</param>
    /// <returns>The new complaint.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="intake"/> or <paramref name="lifecycle"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is the default value.</exception>
    public static Complaint Receive(ComplaintId id, ComplaintIntake intake, ComplaintLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(lifecycle);
        if (id == default)
        {
            throw new ArgumentException("id must not be the default ComplaintId.", nameof(id));
        }

        return new Complaint(ComplaintSnapshot.Initial(id, intake), lifecycle);
    }

    /// <summary>
    /// Restores a stored complaint by replaying its history, checking every entry as strictly as the verbs check a
    /// live call: its sequence and instant follow the previous entry, it starts from the state reached so far, the
    /// lifecycle permits its trigger there with every guard met (judged at the entry's instant, with its data), it
    /// moves to the state the lifecycle moves to, and its data fits the complaint (changes start from the current
    /// value; escalations from the current level and onto the ladder). Restore with the lifecycle the history was
    /// recorded under: options that are stricter now may refuse it. The restored entries count as dispatched.
    /// </summary>
    /// <param name="id">The complaint's id.</param>
    /// <param name="intake">The intake record.</param>
    /// <param name="history">The stored history, oldest first.</param>
    /// <param name="lifecycle">The lifecycle definition.</param>
    /// <returns>The complaint as it was after the last entry.</returns>
    /// <exception cref="ArgumentNullException">An argument or an entry is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="id"/> is the default value, or an entry does not fit; the message names the entry's position,
    /// its sequence number and what is wrong.
    /// </exception>
    public static Complaint Restore(ComplaintId id, ComplaintIntake intake, IEnumerable<HistoryEntry> history, ComplaintLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(history);
        var complaint = Receive(id, intake, lifecycle);
        var snapshot = complaint._snapshot;
        var index = 0;
        foreach (var entry in history)
        {
            var name = $"{nameof(history)}[{index}]";
            if (entry is null)
            {
                throw new ArgumentNullException(name, $"{name} is null.");
            }

            var problem = ReplayProblem(lifecycle, snapshot, entry);
            if (problem is not null)
            {
                throw new ArgumentException($"{name} (sequence {entry.Sequence}, {entry.Trigger} at {entry.At}) {problem}.", nameof(history));
            }

            snapshot = snapshot.Apply(entry);
            index++;
        }

        complaint._snapshot = snapshot;
        complaint.MarkEventsDispatched();
        return complaint;
    }

    /// <summary>Gets the complaint as it was at an instant: the projection of the entries recorded at or before it.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The snapshot as of <paramref name="instant"/>; the intake alone when it is before every entry.</returns>
    public ComplaintSnapshot AsOf(Instant instant) => _snapshot.AsOf(instant);

    /// <summary>
    /// Asks whether a trigger with its data is permitted now, without changing anything: the same question each verb
    /// asks before it records, so the answer is the verb's own.
    /// </summary>
    /// <param name="trigger">The trigger.</param>
    /// <param name="data">
    /// The data the trigger would record. For <see cref="ComplaintTrigger.RejectResolution"/>, the level the rejection
    /// leads to is set from the destination, as the verb sets it: pass <c>ToLevel</c> equal to <c>FromLevel</c>.
    /// </param>
    /// <param name="at">When it would happen.</param>
    /// <returns>The destination when permitted; the unmet guards when refused.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trigger"/> is not defined, or <paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> does not belong to <paramref name="trigger"/> or does not fit the complaint.</exception>
    public TransitionCheck Check(ComplaintTrigger trigger, HistoryData data, Instant at)
    {
        ArgumentNullException.ThrowIfNull(data);
        Guard.Defined(trigger, nameof(trigger));
        CheckInstant(at);
        if (!HistoryEntry.Fits(trigger, data))
        {
            throw new ArgumentException($"data is a {data.GetType().Name}, which does not belong to {trigger}.", nameof(data));
        }

        var check = _lifecycle.Check(_snapshot, trigger, data, at);
        if (check.Destination is { } destination && _lifecycle.Misfit(_snapshot, trigger, ComplaintLifecycle.Settle(_snapshot, data, destination), destination) is { } misfit)
        {
            throw new ArgumentException(misfit + ".", nameof(data));
        }

        return check;
    }

    /// <summary>Gets whether a trigger is permitted now, judging data-dependent guards (authority, consent, outcome) as met.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns><see langword="true"/> if the state accepts the trigger and every guard that does not depend on call data is met.</returns>
    public bool CanFire(ComplaintTrigger trigger) => _lifecycle.CanFire(_snapshot, trigger);

    /// <summary>Lists the triggers permitted now, judging data-dependent guards as met.</summary>
    /// <returns>The permitted triggers in declaration order.</returns>
    public IReadOnlyList<ComplaintTrigger> GetPermittedTriggers() => _lifecycle.Permitted(_snapshot);

    /// <summary>Gets the domain events raised since <see cref="MarkEventsDispatched"/> was last called, oldest first.</summary>
    /// <returns>One event per history entry not yet dispatched.</returns>
    public IReadOnlyList<ComplaintEvent> GetPendingEvents()
    {
        var history = _snapshot.History;
        var events = new ComplaintEvent[history.Count - _dispatched];
        for (var i = 0; i < events.Length; i++)
        {
            events[i] = new ComplaintEvent(Id, history[_dispatched + i]);
        }

        return Array.AsReadOnly(events);
    }

    /// <summary>Marks every pending event as dispatched, typically after the host saved them to its outbox.</summary>
    public void MarkEventsDispatched() => _dispatched = _snapshot.History.Count;

    /// <summary>Gets whether the customer has already answered a question (compared ignoring case and surrounding space).</summary>
    /// <param name="question">The question.</param>
    /// <returns><see langword="true"/> if an earlier information request asked it and the customer answered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="question"/> is <see langword="null"/>.</exception>
    public bool WasAnswered(string question) => _snapshot.WasAnswered(question);

    /// <summary>Acknowledges receipt to the customer.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="message">The acknowledgement sent, if recorded.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The trigger is not permitted now.</exception>
    public HistoryEntry Acknowledge(Actor actor, Instant at, string? message = null) =>
        Fire(actor, at, ComplaintTrigger.Acknowledge, new Acknowledgement(message));

    /// <summary>Records the initial assessment: severity, priority and (optionally a new) category.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="severity">The assessed severity.</param>
    /// <param name="priority">The assessed priority.</param>
    /// <param name="category">The assessed category; <see langword="null"/> keeps the current one.</param>
    /// <param name="summary">The assessment: nature, complexity, actions needed.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is not defined, or <paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The trigger is not permitted now.</exception>
    public HistoryEntry Assess(Actor actor, Instant at, Severity severity, Priority priority, Category? category = null, string? summary = null) =>
        Fire(actor, at, ComplaintTrigger.Assess, new Assessment(severity, priority, category ?? Category, summary));

    /// <summary>Starts (or, after escalation or reopening, resumes) the investigation.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="note">A note, if any.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The trigger is not permitted now.</exception>
    public HistoryEntry StartInvestigation(Actor actor, Instant at, string? note = null) =>
        Fire(actor, at, ComplaintTrigger.StartInvestigation, Note(note));

    /// <summary>Asks the customer for missing information. A question the customer already answered is refused.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="questions">The questions; at least one.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="questions"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="questions"/> is empty or holds an empty question.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The trigger is not permitted now, or a question was already answered.</exception>
    public HistoryEntry RequestInformation(Actor actor, Instant at, IEnumerable<string> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        return Fire(actor, at, ComplaintTrigger.RequestInformation, new InformationRequest([.. questions.Select(q => q?.Trim()!)]));
    }

    /// <summary>Records that the customer supplied the information asked for.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="answer">The answer, if recorded.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The trigger is not permitted now.</exception>
    public HistoryEntry ProvideInformation(Actor actor, Instant at, string? answer = null) =>
        Fire(actor, at, ComplaintTrigger.ProvideInformation, new InformationProvided(answer));

    /// <summary>
    /// Proposes a resolution. Its total monetary value must be within the authority limit of the level that handles
    /// the complaint; above it, escalate first.
    /// </summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="remedies">The remedies offered; may be empty when <paramref name="explanation"/> is given.</param>
    /// <param name="explanation">The explanation for the customer.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="remedies"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Neither a remedy nor an explanation is given, or a remedy is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The trigger is not permitted now, or the compensation is above the level's authority.</exception>
    public HistoryEntry ProposeResolution(Actor actor, Instant at, IEnumerable<Remedy> remedies, string? explanation = null)
    {
        return Fire(actor, at, ComplaintTrigger.ProposeResolution, new ResolutionProposal(Guard.List(remedies, nameof(remedies)), explanation));
    }

    /// <summary>Records the customer's acceptance of the proposed resolution.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="comment">The customer's comment, if any.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The trigger is not permitted now.</exception>
    public HistoryEntry AcceptResolution(Actor actor, Instant at, string? comment = null) =>
        Fire(actor, at, ComplaintTrigger.AcceptResolution, new ResolutionAcceptance(comment));

    /// <summary>
    /// Records the customer's rejection of the proposed resolution. With the customer's consent (where required) and a
    /// higher level on the ladder, the case is escalated to the next level; otherwise investigation resumes.
    /// </summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="consentToEscalate">Whether the customer agrees to the case being escalated.</param>
    /// <param name="comment">The customer's comment, if any.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The trigger is not permitted now.</exception>
    public HistoryEntry RejectResolution(Actor actor, Instant at, bool consentToEscalate, string? comment = null)
    {
        var from = _snapshot.LevelRank;
        return Fire(actor, at, ComplaintTrigger.RejectResolution, new ResolutionRejection(comment, consentToEscalate, from, from));
    }

    /// <summary>
    /// Escalates the case, because the customer is not satisfied, to a higher level that reviews it in the
    /// <see cref="ComplaintState.Escalated"/> state.
    /// </summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="reason">Why.</param>
    /// <param name="customerConsent">Whether the customer agreed to the escalation.</param>
    /// <param name="toLevel">The level's rank; <see langword="null"/> for the next level up.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="reason"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toLevel"/> is not above the current level or beyond the ladder, or <paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The trigger is not permitted now, no higher level exists, or consent is required and missing.</exception>
    public HistoryEntry Escalate(Actor actor, Instant at, string reason, bool customerConsent, int? toLevel = null) =>
        Fire(actor, at, ComplaintTrigger.Escalate, EscalationData(reason, customerConsent, toLevel));

    /// <summary>Resolves a suggestion, which takes no remedy and no follow-up.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="note">What was done with the suggestion.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The trigger is not permitted now, or this is not a suggestion.</exception>
    public HistoryEntry Resolve(Actor actor, Instant at, string? note = null) =>
        Fire(actor, at, ComplaintTrigger.Resolve, Note(note));

    /// <summary>Starts the follow-up that confirms the customer is satisfied.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="note">A note, if any.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The trigger is not permitted now.</exception>
    public HistoryEntry StartFollowUp(Actor actor, Instant at, string? note = null) =>
        Fire(actor, at, ComplaintTrigger.StartFollowUp, Note(note));

    /// <summary>Closes the complaint with its outcome and, where found or required, its root cause.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="outcome">The outcome; required for complaints and claims.</param>
    /// <param name="rootCause">The root cause; required when the lifecycle says so.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is not defined, or <paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The trigger is not permitted now, or the outcome or a required root cause is missing.</exception>
    public HistoryEntry Close(Actor actor, Instant at, ComplaintOutcome? outcome, RootCause? rootCause = null)
    {
        if (outcome is { } o)
        {
            Guard.Defined(o, nameof(outcome));
        }

        return Fire(actor, at, ComplaintTrigger.Close, new Closure(outcome, rootCause));
    }

    /// <summary>Reopens a resolved complaint, or a closed one within the reopen window. A new SLA cycle starts.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="reason"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The trigger is not permitted now, or the reopen window has passed.</exception>
    public HistoryEntry Reopen(Actor actor, Instant at, string reason) =>
        Fire(actor, at, ComplaintTrigger.Reopen, new Reopening(reason));

    /// <summary>Records that the customer withdrew the complaint.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="note">A note, if any.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The trigger is not permitted now.</exception>
    public HistoryEntry Withdraw(Actor actor, Instant at, string? note = null) =>
        Fire(actor, at, ComplaintTrigger.Withdraw, Note(note));

    /// <summary>Rejects the complaint as out of scope, a duplicate or abusive.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="reason">Why.</param>
    /// <param name="note">More detail, if any.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not defined, or <paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The trigger is not permitted now.</exception>
    public HistoryEntry Reject(Actor actor, Instant at, RejectionReason reason, string? note = null) =>
        Fire(actor, at, ComplaintTrigger.Reject, new Rejection(reason, note));

    /// <summary>Refers the complaint to an ombudsman, regulator or court.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="body">The body referred to.</param>
    /// <param name="reference">The body's reference, if known.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The trigger is not permitted now.</exception>
    public HistoryEntry Refer(Actor actor, Instant at, string body, string? reference = null) =>
        Fire(actor, at, ComplaintTrigger.Refer, new Referral(body, reference));

    /// <summary>Records a communication: a reply, an internal note, a customer message, an acknowledgement or a holding reply.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="kind">What sort of communication.</param>
    /// <param name="text">Its text or a summary.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined, or <paramref name="at"/> is before the latest activity.</exception>
    public HistoryEntry RecordCommunication(Actor actor, Instant at, CommunicationKind kind, string text) =>
        Fire(actor, at, ComplaintTrigger.RecordCommunication, new Communication(kind, text));

    /// <summary>Changes the priority.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="priority">The new priority; different from the current one.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priority"/> is not defined, or <paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ArgumentException"><paramref name="priority"/> is the current priority.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The complaint is in a terminal state.</exception>
    public HistoryEntry ChangePriority(Actor actor, Instant at, Priority priority) =>
        Fire(actor, at, ComplaintTrigger.ChangePriority, new PriorityChange(Priority, Guard.Changed(Priority, Guard.Defined(priority, nameof(priority)), nameof(priority))));

    /// <summary>Changes the severity.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="severity">The new severity; different from the current one.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="severity"/> is not defined, or <paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ArgumentException"><paramref name="severity"/> is the current severity.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The complaint is in a terminal state.</exception>
    public HistoryEntry ChangeSeverity(Actor actor, Instant at, Severity severity) =>
        Fire(actor, at, ComplaintTrigger.ChangeSeverity, new SeverityChange(Severity, Guard.Changed(Severity, Guard.Defined(severity, nameof(severity)), nameof(severity))));

    /// <summary>Changes the category.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="category">The new category; different from the current one.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="category"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ArgumentException"><paramref name="category"/> is the current category.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The complaint is in a terminal state.</exception>
    public HistoryEntry ChangeCategory(Actor actor, Instant at, Category category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return Fire(actor, at, ComplaintTrigger.ChangeCategory, new CategoryChange(Category, Guard.Changed(Category, category, nameof(category))));
    }

    /// <summary>Routes the complaint to a team and, optionally, a person.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="team">The team or department; <see langword="null"/> to clear.</param>
    /// <param name="assignee">The person; <see langword="null"/> to clear.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ArgumentException">The team and assignee are the current ones, or a name is empty or padded.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The complaint is in a terminal state.</exception>
    public HistoryEntry Assign(Actor actor, Instant at, string? team, string? assignee = null)
    {
        team = Guard.OptionalText(team, nameof(team), TextLimits.Name);
        assignee = Guard.OptionalText(assignee, nameof(assignee), TextLimits.Name);
        if (team == Team && assignee == Assignee)
        {
            throw new ArgumentException("team and assignee are already the current ones.", nameof(team));
        }

        return Fire(actor, at, ComplaintTrigger.Assign, new AssignmentChange(Team, Assignee, team, assignee));
    }

    /// <summary>Sets or clears the instant promised to the customer.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="promisedAt">The promised instant; <see langword="null"/> to clear.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ArgumentException"><paramref name="promisedAt"/> is the current promise.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The complaint is in a terminal state.</exception>
    public HistoryEntry ChangePromisedDate(Actor actor, Instant at, Instant? promisedAt) =>
        Fire(actor, at, ComplaintTrigger.ChangePromisedDate, new PromisedDateChange(PromisedAt, Guard.Changed(PromisedAt, promisedAt, nameof(promisedAt))));

    /// <summary>Changes the customer's tier.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="tier">The new tier; <see langword="null"/> to clear.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ArgumentException"><paramref name="tier"/> is the current tier, or empty or padded.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The complaint is in a terminal state.</exception>
    public HistoryEntry ChangeCustomerTier(Actor actor, Instant at, string? tier) =>
        Fire(actor, at, ComplaintTrigger.ChangeCustomerTier, new CustomerTierChange(CustomerTier, Guard.Changed(CustomerTier, Guard.OptionalText(tier, nameof(tier), TextLimits.Label), nameof(tier))));

    /// <summary>Raises the escalation level (who handles the case) without changing the state, for example on an SLA breach.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="reason">Why.</param>
    /// <param name="toLevel">The level's rank; <see langword="null"/> for the next level up.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="reason"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toLevel"/> is not above the current level or beyond the ladder, or <paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The complaint is in a terminal state or already at the top level.</exception>
    public HistoryEntry RaiseLevel(Actor actor, Instant at, string reason, int? toLevel = null) =>
        Fire(actor, at, ComplaintTrigger.RaiseLevel, EscalationData(reason, customerConsent: false, toLevel));

    /// <summary>
    /// Hands the case back down the escalation ladder (who handles it) without changing the state, for example when a
    /// higher level has reviewed it and returns it. Levels never fall otherwise.
    /// </summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="reason">Why.</param>
    /// <param name="toLevel">The level's rank; <see langword="null"/> for the next level down.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="reason"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty, padded or too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toLevel"/> is negative or not below the current level, or <paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The complaint is in a terminal state or already at the first level.</exception>
    public HistoryEntry LowerLevel(Actor actor, Instant at, string reason, int? toLevel = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        reason = Guard.Text(reason, nameof(reason), TextLimits.Text);
        CheckInstant(at);

        // At the first level no lowering can be described, so the machine is asked before the data is built.
        var snapshot = _snapshot;
        if (!_lifecycle.CanFire(snapshot, ComplaintTrigger.LowerLevel))
        {
            throw Refusal(snapshot, ComplaintTrigger.LowerLevel, data: null, at);
        }

        var rank = snapshot.LevelRank;
        if (toLevel is { } target && (target < 0 || target >= rank))
        {
            throw new ArgumentOutOfRangeException(nameof(toLevel), target, $"toLevel must be below the current level ({rank}) and not negative.");
        }

        return Fire(actor, at, ComplaintTrigger.LowerLevel, new Deescalation(rank, toLevel ?? rank - 1, reason));
    }

    /// <summary>Records the customer's satisfaction rating after resolution.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="score">The score, 1 (very dissatisfied) to 5 (very satisfied).</param>
    /// <param name="comment">The customer's comment, if any.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is outside 1 to 5, or <paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The complaint is not resolved, followed up or closed.</exception>
    public HistoryEntry Rate(Actor actor, Instant at, int score, string? comment = null)
    {
        return Fire(actor, at, ComplaintTrigger.Rate, new Rating(score, comment));
    }

    /// <summary>Records time spent by staff handling the complaint.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="time">The time spent; positive.</param>
    /// <param name="role">The role or team that spent it, for costing.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> is not positive or is above <see cref="HandlingTime.MaxTime"/>, or <paramref name="at"/> is before the latest activity.</exception>
    public HistoryEntry RecordHandlingTime(Actor actor, Instant at, Duration time, string? role = null)
    {
        return Fire(actor, at, ComplaintTrigger.RecordHandlingTime, new HandlingTime(time, role));
    }

    /// <summary>Records an approval, for example of a remedy above the usual limits.</summary>
    /// <param name="actor">Who approves.</param>
    /// <param name="at">When.</param>
    /// <param name="subject">What was approved.</param>
    /// <param name="note">More detail, if any.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="subject"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the latest activity.</exception>
    public HistoryEntry RecordApproval(Actor actor, Instant at, string subject, string? note = null) =>
        Fire(actor, at, ComplaintTrigger.RecordApproval, new Approval(subject, note));

    /// <summary>
    /// Flags abusive or threatening contact: staff end the conversation, and the case is flagged and kept in its
    /// current state (it may then be rejected as abusive, or handled on).
    /// </summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="at">When.</param>
    /// <param name="note">What happened.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="note"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the latest activity.</exception>
    public HistoryEntry FlagAbusiveContact(Actor actor, Instant at, string note) =>
        Fire(actor, at, ComplaintTrigger.FlagAbusiveContact, new AbusiveContact(note));

    /// <summary>
    /// Records that a policy rule's decision was carried out (after its actions were), so that evaluating the rules
    /// again does not repeat it in the same cycle unless the rule declares a repeat interval.
    /// </summary>
    /// <param name="actor">Who carried it out (a system actor for an automatic run).</param>
    /// <param name="at">When.</param>
    /// <param name="rule">The rule's name.</param>
    /// <param name="note">What was done, if recorded.</param>
    /// <returns>The history entry appended.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="rule"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="rule"/> is empty or too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is before the latest activity.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The complaint is finished (closed, withdrawn, rejected or referred).</exception>
    public HistoryEntry RecordPolicyApplication(Actor actor, Instant at, string rule, string? note = null) =>
        Fire(actor, at, ComplaintTrigger.RecordPolicyApplication, new PolicyApplication(rule, note));

    private static TransitionNote Note(string? note) => new(note);

    private static string? ReplayProblem(ComplaintLifecycle lifecycle, ComplaintSnapshot snapshot, HistoryEntry entry)
    {
        if (entry.Sequence != snapshot.Version + 1)
        {
            return $"has sequence {entry.Sequence}; expected {snapshot.Version + 1}";
        }

        if (entry.At < snapshot.LastActivityAt)
        {
            return $"is before the latest activity ({snapshot.LastActivityAt})";
        }

        if (entry.From != snapshot.State)
        {
            return $"starts from {entry.From}, but the complaint is in {snapshot.State}";
        }

        var check = lifecycle.Check(snapshot, entry.Trigger, entry.Data, entry.At);
        if (check.Destination is not { } to)
        {
            return check.UnmetGuards.Count == 0
                ? $"is not accepted in the {snapshot.State} state"
                : $"is refused in the {snapshot.State} state: unmet guard(s) {string.Join(", ", check.UnmetGuards)}";
        }

        if (to != entry.To)
        {
            return $"moves to {entry.To}, but the lifecycle moves it to {to}";
        }

        return lifecycle.Misfit(snapshot, entry.Trigger, entry.Data, to);
    }

    private void CheckInstant(Instant at)
    {
        if (at < LastActivityAt)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, $"at must not be before the complaint's latest activity ({LastActivityAt}).");
        }
    }

    private Escalation EscalationData(string reason, bool customerConsent, int? toLevel)
    {
        var rank = _snapshot.LevelRank;
        if (toLevel is { } target && (target <= rank || target >= _lifecycle.Levels.Count))
        {
            throw new ArgumentOutOfRangeException(
                nameof(toLevel),
                target,
                $"toLevel must be above the current level ({rank}) and below {_lifecycle.Levels.Count}.");
        }

        return new Escalation(rank, toLevel ?? rank + 1, reason, customerConsent);
    }

    /// <summary>The refusal of a trigger the machine does not permit: it asks again for the unmet guards, which only a refusal needs.</summary>
    private ComplaintTransitionRefusedException Refusal(ComplaintSnapshot snapshot, ComplaintTrigger trigger, HistoryData? data, Instant at)
    {
        var check = _lifecycle.Check(snapshot, trigger, data, at);
        return new ComplaintTransitionRefusedException(Id, snapshot.State, trigger, _lifecycle.Permitted(snapshot), check.UnmetGuards);
    }

    private HistoryEntry Fire(Actor actor, Instant at, ComplaintTrigger trigger, HistoryData data)
    {
        ArgumentNullException.ThrowIfNull(actor);
        CheckInstant(at);
        var snapshot = _snapshot;
        if (_lifecycle.Destination(snapshot, trigger, data, at) is not { } to)
        {
            throw Refusal(snapshot, trigger, data, at);
        }

        data = ComplaintLifecycle.Settle(snapshot, data, to);

        if (_lifecycle.Misfit(snapshot, trigger, data, to) is { } misfit)
        {
            throw new ArgumentException(misfit + ".", nameof(data));
        }

        var entry = HistoryEntry.Trusted(snapshot.Version + 1, at, actor, trigger, snapshot.State, to, data);
        _snapshot = snapshot.Apply(entry);
        return entry;
    }
}
