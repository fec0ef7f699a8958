using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Policies;
using Complaints.Core.Sla;
using NodaTime;

namespace Complaints.Core.Desk;

/// <summary>
/// The single entry point a host calls: one method per command, each of which loads the complaint, runs the verb at
/// the clock's current instant, evaluates and carries out the policies, works out the notifications and the SLA
/// engine's next change, saves it all at once with the expected version and the command's id, and only then hands the
/// notifications to the sink. Safe to use from many threads at once; every call reads and writes through the store.
/// </summary>
/// <remarks>
/// <para>
/// A command id carried out before is not carried out again: the first result is returned with
/// <see cref="ComplaintCommandResult.IsReplay"/> set, so a host retries safely, also after a
/// <see cref="ComplaintConcurrencyException"/>. A refused verb, an argument error or a conflicting save saves nothing.
/// </para>
/// <para>
/// Policies read, beyond the history, what the store knows of the customer: how many complaints they made within
/// <see cref="ComplaintDeskOptions.RepeatComplaintWindow"/>, and, when a rule reads it, the compensation they agreed to
/// in that window (in the ladder's authority currency); a proposal awaiting the customer's answer counts as the remedies
/// about to be given. Policies run as <c>Actor.System("policies")</c> while the complaint is open: a raised or lowered level, a team and a
/// priority are recorded in the history, and each rule carried out is recorded with
/// <c>Complaint.RecordPolicyApplication</c> (the routing table's proposal excepted, which stops once a team is set), so
/// it is not carried out again in the same SLA cycle. Notifications: an acknowledgement, an information request and a
/// follow-up go to the customer (<see cref="ComplaintNotification.Customer"/>), as a decision does (a resolution
/// proposed, the complaint resolved, rejected, referred or closed); an escalation or a raised level goes to the new
/// level's name; a target newly at risk or breached goes to the handling level's name with the target's name as the
/// topic (an update due, when the target is a next-update one); a policy's notify action goes to its recipient with its topic, an approval to the approver with the topic
/// <c>approval</c>, and a flag for regulatory reporting to <c>regulatory</c> with the topic <c>regulatory-report</c>.
/// Notifications from the history have the trigger's name as their topic.
/// </para>
/// <para>
/// Notifications are saved with the complaint and sent after the save; a sink that fails loses nothing (they stay
/// pending, and <see cref="DispatchPendingAsync"/> offers them again), so a notification may be sent more than once
/// but never for a save that failed.
/// </para>
/// </remarks>
public sealed class ComplaintDesk
{
    private const string ApprovalTopic = "approval";
    private const string RegulatoryAudience = "regulatory";
    private const string RegulatoryTopic = "regulatory-report";
    private static readonly Actor PolicyActor = Actor.System("policies");

    private readonly IComplaintStore _store;
    private readonly INotificationSink _sink;
    private readonly ComplaintLifecycle _lifecycle;
    private readonly IClock _clock;
    private readonly SlaEngine? _sla;
    private readonly PolicyRuleSet? _policies;
    private readonly Duration _repeatWindow;
    private readonly int _sweepPageSize;
    private readonly int _dispatchBatchSize;

    /// <summary>Initializes a new instance of the <see cref="ComplaintDesk"/> class.</summary>
    /// <param name="store">Where complaints are kept.</param>
    /// <param name="sink">Where notifications go once saved.</param>
    /// <param name="lifecycle">The lifecycle complaints follow.</param>
    /// <param name="clock">The clock every command and sweep reads its instant from.</param>
    /// <param name="sla">
    /// The SLA engine that gives each complaint's next change and its targets' states, or <see langword="null"/> to use
    /// the one <paramref name="policies"/> reads (none when neither is given: nothing is ever due).
    /// </param>
    /// <param name="policies">The rules carried out after each command and sweep, or <see langword="null"/> for none.</param>
    /// <param name="options">The options, read once here, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/>, <paramref name="sink"/>, <paramref name="lifecycle"/> or <paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="policies"/> was built for another lifecycle or reads another SLA engine than
    /// <paramref name="sla"/>, or <paramref name="options"/> holds invalid values (every one named).
    /// </exception>
    public ComplaintDesk(
        IComplaintStore store, INotificationSink sink, ComplaintLifecycle lifecycle, IClock clock, SlaEngine? sla = null, PolicyRuleSet? policies = null, ComplaintDeskOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(clock);
        if (policies is not null && !ReferenceEquals(policies.Lifecycle, lifecycle))
        {
            throw new ArgumentException("policies was built for another lifecycle than the desk's; build the rule set with the same ComplaintLifecycle.", nameof(policies));
        }

        if (policies?.Sla is { } read && sla is not null && !ReferenceEquals(read, sla))
        {
            throw new ArgumentException("policies reads another SLA engine than sla; build the rule set with the same SlaEngine.", nameof(policies));
        }

        options ??= new ComplaintDeskOptions();
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException($"ComplaintDeskOptions: {string.Join(" ", problems)}", nameof(options));
        }

        _store = store;
        _sink = sink;
        _lifecycle = lifecycle;
        _clock = clock;
        _sla = sla ?? policies?.Sla;
        _policies = policies;
        _repeatWindow = options.RepeatComplaintWindow;
        _sweepPageSize = options.SweepPageSize;
        _dispatchBatchSize = options.DispatchBatchSize;
    }

    /// <summary>Submits a new complaint, received as its intake says (at or before the clock's current instant).</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="complaintId">The new complaint's id.</param>
    /// <param name="intake">The intake record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result: version 0, or more when policies (routing, for example) acted on receipt.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="intake"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="commandId"/> or <paramref name="complaintId"/> is the default value, or the command id was carried out for another complaint.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The intake's receipt is after the clock's current instant.</exception>
    /// <exception cref="ComplaintConcurrencyException">A complaint with that id is stored already; nothing is saved.</exception>
    public Task<ComplaintCommandResult> SubmitAsync(CommandId commandId, ComplaintId complaintId, ComplaintIntake intake, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intake);
        return RunAsync(commandId, complaintId, (stored, now) =>
        {
            if (stored is not null)
            {
                throw new ComplaintConcurrencyException(complaintId, null, stored.Version);
            }

            if (intake.ReceivedAt > now)
            {
                throw new ArgumentOutOfRangeException(nameof(intake), intake.ReceivedAt, $"Complaint {complaintId}: intake.ReceivedAt is after the clock's current instant ({now}).");
            }

            return Complaint.Receive(complaintId, intake, _lifecycle);
        }, cancellationToken);
    }

    /// <summary>Acknowledges receipt to the customer (<see cref="Complaint.Acknowledge"/>).</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="message">The acknowledgement sent, if recorded.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is the default value, or the command id was carried out for another complaint.</exception>
    /// <exception cref="ComplaintNotFoundException">No complaint has the id.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The verb is refused; nothing is saved.</exception>
    /// <exception cref="ComplaintConcurrencyException">Another writer saved the complaint first; nothing is saved, and the same command may be sent again.</exception>
    public Task<ComplaintCommandResult> AcknowledgeAsync(CommandId commandId, ComplaintId complaintId, Actor actor, string? message = null, CancellationToken cancellationToken = default) =>
        RunAsync(commandId, complaintId, actor, (c, a, at) => c.Acknowledge(a, at, message), cancellationToken);

    /// <summary>Records the initial assessment (<see cref="Complaint.Assess"/>).</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="severity">The assessed severity.</param>
    /// <param name="priority">The assessed priority.</param>
    /// <param name="category">The assessed category; <see langword="null"/> keeps the current one.</param>
    /// <param name="summary">The assessment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is the default value, or the command id was carried out for another complaint.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is not defined.</exception>
    /// <exception cref="ComplaintNotFoundException">No complaint has the id.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The verb is refused; nothing is saved.</exception>
    /// <exception cref="ComplaintConcurrencyException">Another writer saved the complaint first; nothing is saved, and the same command may be sent again.</exception>
    public Task<ComplaintCommandResult> AssessAsync(
        CommandId commandId, ComplaintId complaintId, Actor actor, Severity severity, Priority priority, Category? category = null, string? summary = null, CancellationToken cancellationToken = default) =>
        RunAsync(commandId, complaintId, actor, (c, a, at) => c.Assess(a, at, severity, priority, category, summary), cancellationToken);

    /// <summary>Starts or resumes the investigation (<see cref="Complaint.StartInvestigation"/>).</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="note">A note, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is the default value, or the command id was carried out for another complaint.</exception>
    /// <exception cref="ComplaintNotFoundException">No complaint has the id.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The verb is refused; nothing is saved.</exception>
    /// <exception cref="ComplaintConcurrencyException">Another writer saved the complaint first; nothing is saved, and the same command may be sent again.</exception>
    public Task<ComplaintCommandResult> StartInvestigationAsync(CommandId commandId, ComplaintId complaintId, Actor actor, string? note = null, CancellationToken cancellationToken = default) =>
        RunAsync(commandId, complaintId, actor, (c, a, at) => c.StartInvestigation(a, at, note), cancellationToken);

    /// <summary>Asks the customer for missing information (<see cref="Complaint.RequestInformation"/>).</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="questions">The questions; at least one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="questions"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is the default value, the command id was carried out for another complaint, or a question is empty.</exception>
    /// <exception cref="ComplaintNotFoundException">No complaint has the id.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The verb is refused; nothing is saved.</exception>
    /// <exception cref="ComplaintConcurrencyException">Another writer saved the complaint first; nothing is saved, and the same command may be sent again.</exception>
    public Task<ComplaintCommandResult> RequestInformationAsync(CommandId commandId, ComplaintId complaintId, Actor actor, IEnumerable<string> questions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(questions);
        return RunAsync(commandId, complaintId, actor, (c, a, at) => c.RequestInformation(a, at, questions), cancellationToken);
    }

    /// <summary>Records the customer's reply with the information asked for (<see cref="Complaint.ProvideInformation"/>).</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="answer">The answer, if recorded.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is the default value, or the command id was carried out for another complaint.</exception>
    /// <exception cref="ComplaintNotFoundException">No complaint has the id.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The verb is refused; nothing is saved.</exception>
    /// <exception cref="ComplaintConcurrencyException">Another writer saved the complaint first; nothing is saved, and the same command may be sent again.</exception>
    public Task<ComplaintCommandResult> ProvideInformationAsync(CommandId commandId, ComplaintId complaintId, Actor actor, string? answer = null, CancellationToken cancellationToken = default) =>
        RunAsync(commandId, complaintId, actor, (c, a, at) => c.ProvideInformation(a, at, answer), cancellationToken);

    /// <summary>Proposes a resolution (<see cref="Complaint.ProposeResolution"/>).</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="remedies">The remedies offered; may be empty when <paramref name="explanation"/> is given.</param>
    /// <param name="explanation">The explanation for the customer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="remedies"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is the default value, the command id was carried out for another complaint, or neither a remedy nor an explanation is given.</exception>
    /// <exception cref="ComplaintNotFoundException">No complaint has the id.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The verb is refused (for example, compensation above the level's authority); nothing is saved.</exception>
    /// <exception cref="ComplaintConcurrencyException">Another writer saved the complaint first; nothing is saved, and the same command may be sent again.</exception>
    public Task<ComplaintCommandResult> ProposeResolutionAsync(
        CommandId commandId, ComplaintId complaintId, Actor actor, IEnumerable<Remedy> remedies, string? explanation = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(remedies);
        return RunAsync(commandId, complaintId, actor, (c, a, at) => c.ProposeResolution(a, at, remedies, explanation), cancellationToken);
    }

    /// <summary>Records the customer's acceptance of the proposed resolution (<see cref="Complaint.AcceptResolution"/>).</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="comment">The customer's comment, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is the default value, or the command id was carried out for another complaint.</exception>
    /// <exception cref="ComplaintNotFoundException">No complaint has the id.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The verb is refused; nothing is saved.</exception>
    /// <exception cref="ComplaintConcurrencyException">Another writer saved the complaint first; nothing is saved, and the same command may be sent again.</exception>
    public Task<ComplaintCommandResult> AcceptResolutionAsync(CommandId commandId, ComplaintId complaintId, Actor actor, string? comment = null, CancellationToken cancellationToken = default) =>
        RunAsync(commandId, complaintId, actor, (c, a, at) => c.AcceptResolution(a, at, comment), cancellationToken);

    /// <summary>Records the customer's rejection of the proposed resolution (<see cref="Complaint.RejectResolution"/>).</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="consentToEscalate">Whether the customer consents to escalation.</param>
    /// <param name="comment">The customer's comment, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is the default value, or the command id was carried out for another complaint.</exception>
    /// <exception cref="ComplaintNotFoundException">No complaint has the id.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The verb is refused; nothing is saved.</exception>
    /// <exception cref="ComplaintConcurrencyException">Another writer saved the complaint first; nothing is saved, and the same command may be sent again.</exception>
    public Task<ComplaintCommandResult> RejectResolutionAsync(
        CommandId commandId, ComplaintId complaintId, Actor actor, bool consentToEscalate, string? comment = null, CancellationToken cancellationToken = default) =>
        RunAsync(commandId, complaintId, actor, (c, a, at) => c.RejectResolution(a, at, consentToEscalate, comment), cancellationToken);

    /// <summary>Escalates the case to a higher level for review (<see cref="Complaint.Escalate"/>).</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="reason">Why.</param>
    /// <param name="customerConsent">Whether the customer consented.</param>
    /// <param name="toLevel">The level's rank; <see langword="null"/> for the next level up.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="reason"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is the default value, or the command id was carried out for another complaint.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toLevel"/> is not above the current level or beyond the ladder.</exception>
    /// <exception cref="ComplaintNotFoundException">No complaint has the id.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The verb is refused; nothing is saved.</exception>
    /// <exception cref="ComplaintConcurrencyException">Another writer saved the complaint first; nothing is saved, and the same command may be sent again.</exception>
    public Task<ComplaintCommandResult> EscalateAsync(
        CommandId commandId, ComplaintId complaintId, Actor actor, string reason, bool customerConsent, int? toLevel = null, CancellationToken cancellationToken = default) =>
        RunAsync(commandId, complaintId, actor, (c, a, at) => c.Escalate(a, at, reason, customerConsent, toLevel), cancellationToken);

    /// <summary>Resolves a suggestion (<see cref="Complaint.Resolve"/>).</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="note">A note, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is the default value, or the command id was carried out for another complaint.</exception>
    /// <exception cref="ComplaintNotFoundException">No complaint has the id.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The verb is refused; nothing is saved.</exception>
    /// <exception cref="ComplaintConcurrencyException">Another writer saved the complaint first; nothing is saved, and the same command may be sent again.</exception>
    public Task<ComplaintCommandResult> ResolveAsync(CommandId commandId, ComplaintId complaintId, Actor actor, string? note = null, CancellationToken cancellationToken = default) =>
        RunAsync(commandId, complaintId, actor, (c, a, at) => c.Resolve(a, at, note), cancellationToken);

    /// <summary>Starts the follow-up (<see cref="Complaint.StartFollowUp"/>).</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="note">A note, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is the default value, or the command id was carried out for another complaint.</exception>
    /// <exception cref="ComplaintNotFoundException">No complaint has the id.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The verb is refused; nothing is saved.</exception>
    /// <exception cref="ComplaintConcurrencyException">Another writer saved the complaint first; nothing is saved, and the same command may be sent again.</exception>
    public Task<ComplaintCommandResult> StartFollowUpAsync(CommandId commandId, ComplaintId complaintId, Actor actor, string? note = null, CancellationToken cancellationToken = default) =>
        RunAsync(commandId, complaintId, actor, (c, a, at) => c.StartFollowUp(a, at, note), cancellationToken);

    /// <summary>Records the customer's satisfaction rating (<see cref="Complaint.Rate"/>).</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="score">The score, 1 to 5.</param>
    /// <param name="comment">The customer's comment, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is the default value, or the command id was carried out for another complaint.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is outside 1 to 5.</exception>
    /// <exception cref="ComplaintNotFoundException">No complaint has the id.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The verb is refused; nothing is saved.</exception>
    /// <exception cref="ComplaintConcurrencyException">Another writer saved the complaint first; nothing is saved, and the same command may be sent again.</exception>
    public Task<ComplaintCommandResult> RateAsync(CommandId commandId, ComplaintId complaintId, Actor actor, int score, string? comment = null, CancellationToken cancellationToken = default) =>
        RunAsync(commandId, complaintId, actor, (c, a, at) => c.Rate(a, at, score, comment), cancellationToken);

    /// <summary>Closes the complaint (<see cref="Complaint.Close"/>).</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="outcome">The outcome.</param>
    /// <param name="rootCause">The root cause, where found or required.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is the default value, or the command id was carried out for another complaint.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outcome"/> is not defined.</exception>
    /// <exception cref="ComplaintNotFoundException">No complaint has the id.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The verb is refused; nothing is saved.</exception>
    /// <exception cref="ComplaintConcurrencyException">Another writer saved the complaint first; nothing is saved, and the same command may be sent again.</exception>
    public Task<ComplaintCommandResult> CloseAsync(
        CommandId commandId, ComplaintId complaintId, Actor actor, ComplaintOutcome? outcome, RootCause? rootCause = null, CancellationToken cancellationToken = default) =>
        RunAsync(commandId, complaintId, actor, (c, a, at) => c.Close(a, at, outcome, rootCause), cancellationToken);

    /// <summary>Reopens a resolved or closed complaint (<see cref="Complaint.Reopen"/>).</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="reason"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is the default value, or the command id was carried out for another complaint.</exception>
    /// <exception cref="ComplaintNotFoundException">No complaint has the id.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The verb is refused; nothing is saved.</exception>
    /// <exception cref="ComplaintConcurrencyException">Another writer saved the complaint first; nothing is saved, and the same command may be sent again.</exception>
    public Task<ComplaintCommandResult> ReopenAsync(CommandId commandId, ComplaintId complaintId, Actor actor, string reason, CancellationToken cancellationToken = default) =>
        RunAsync(commandId, complaintId, actor, (c, a, at) => c.Reopen(a, at, reason), cancellationToken);

    /// <summary>Records that the customer withdrew the complaint (<see cref="Complaint.Withdraw"/>).</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="note">A note, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is the default value, or the command id was carried out for another complaint.</exception>
    /// <exception cref="ComplaintNotFoundException">No complaint has the id.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The verb is refused; nothing is saved.</exception>
    /// <exception cref="ComplaintConcurrencyException">Another writer saved the complaint first; nothing is saved, and the same command may be sent again.</exception>
    public Task<ComplaintCommandResult> WithdrawAsync(CommandId commandId, ComplaintId complaintId, Actor actor, string? note = null, CancellationToken cancellationToken = default) =>
        RunAsync(commandId, complaintId, actor, (c, a, at) => c.Withdraw(a, at, note), cancellationToken);

    /// <summary>Rejects the complaint as out of scope, a duplicate or abusive (<see cref="Complaint.Reject"/>).</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="reason">Why.</param>
    /// <param name="note">A note, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is the default value, or the command id was carried out for another complaint.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not defined.</exception>
    /// <exception cref="ComplaintNotFoundException">No complaint has the id.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The verb is refused; nothing is saved.</exception>
    /// <exception cref="ComplaintConcurrencyException">Another writer saved the complaint first; nothing is saved, and the same command may be sent again.</exception>
    public Task<ComplaintCommandResult> RejectAsync(CommandId commandId, ComplaintId complaintId, Actor actor, RejectionReason reason, string? note = null, CancellationToken cancellationToken = default) =>
        RunAsync(commandId, complaintId, actor, (c, a, at) => c.Reject(a, at, reason, note), cancellationToken);

    /// <summary>Refers the complaint to an ombudsman, regulator or court (<see cref="Complaint.Refer"/>).</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="body">The body referred to.</param>
    /// <param name="reference">The body's reference, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is the default value, or the command id was carried out for another complaint.</exception>
    /// <exception cref="ComplaintNotFoundException">No complaint has the id.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The verb is refused; nothing is saved.</exception>
    /// <exception cref="ComplaintConcurrencyException">Another writer saved the complaint first; nothing is saved, and the same command may be sent again.</exception>
    public Task<ComplaintCommandResult> ReferAsync(CommandId commandId, ComplaintId complaintId, Actor actor, string body, string? reference = null, CancellationToken cancellationToken = default) =>
        RunAsync(commandId, complaintId, actor, (c, a, at) => c.Refer(a, at, body, reference), cancellationToken);

    /// <summary>Records a communication (<see cref="Complaint.RecordCommunication"/>).</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="kind">What kind of communication.</param>
    /// <param name="text">Its text.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is the default value, or the command id was carried out for another complaint.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined.</exception>
    /// <exception cref="ComplaintNotFoundException">No complaint has the id.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The verb is refused; nothing is saved.</exception>
    /// <exception cref="ComplaintConcurrencyException">Another writer saved the complaint first; nothing is saved, and the same command may be sent again.</exception>
    public Task<ComplaintCommandResult> RecordCommunicationAsync(
        CommandId commandId, ComplaintId complaintId, Actor actor, CommunicationKind kind, string text, CancellationToken cancellationToken = default) =>
        RunAsync(commandId, complaintId, actor, (c, a, at) => c.RecordCommunication(a, at, kind, text), cancellationToken);

    /// <summary>Routes the complaint to a team and, optionally, a person (<see cref="Complaint.Assign"/>).</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="team">The team; <see langword="null"/> to clear.</param>
    /// <param name="assignee">The person; <see langword="null"/> to clear.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is the default value, the command id was carried out for another complaint, or the team and assignee are the current ones.</exception>
    /// <exception cref="ComplaintNotFoundException">No complaint has the id.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The verb is refused; nothing is saved.</exception>
    /// <exception cref="ComplaintConcurrencyException">Another writer saved the complaint first; nothing is saved, and the same command may be sent again.</exception>
    public Task<ComplaintCommandResult> AssignAsync(CommandId commandId, ComplaintId complaintId, Actor actor, string? team, string? assignee = null, CancellationToken cancellationToken = default) =>
        RunAsync(commandId, complaintId, actor, (c, a, at) => c.Assign(a, at, team, assignee), cancellationToken);

    /// <summary>Changes the priority (<see cref="Complaint.ChangePriority"/>).</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="priority">The new priority.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is the default value, the command id was carried out for another complaint, or the priority is the current one.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priority"/> is not defined.</exception>
    /// <exception cref="ComplaintNotFoundException">No complaint has the id.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The verb is refused; nothing is saved.</exception>
    /// <exception cref="ComplaintConcurrencyException">Another writer saved the complaint first; nothing is saved, and the same command may be sent again.</exception>
    public Task<ComplaintCommandResult> ChangePriorityAsync(CommandId commandId, ComplaintId complaintId, Actor actor, Priority priority, CancellationToken cancellationToken = default) =>
        RunAsync(commandId, complaintId, actor, (c, a, at) => c.ChangePriority(a, at, priority), cancellationToken);

    /// <summary>Sets or clears the instant promised to the customer (<see cref="Complaint.ChangePromisedDate"/>).</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="promisedAt">The promised instant; <see langword="null"/> to clear.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is the default value, the command id was carried out for another complaint, or the promise is the current one.</exception>
    /// <exception cref="ComplaintNotFoundException">No complaint has the id.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The verb is refused; nothing is saved.</exception>
    /// <exception cref="ComplaintConcurrencyException">Another writer saved the complaint first; nothing is saved, and the same command may be sent again.</exception>
    public Task<ComplaintCommandResult> ChangePromisedDateAsync(CommandId commandId, ComplaintId complaintId, Actor actor, Instant? promisedAt, CancellationToken cancellationToken = default) =>
        RunAsync(commandId, complaintId, actor, (c, a, at) => c.ChangePromisedDate(a, at, promisedAt), cancellationToken);

    /// <summary>Records time spent by staff handling the complaint (<see cref="Complaint.RecordHandlingTime"/>).</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="time">The time spent; positive.</param>
    /// <param name="role">The role or team that spent it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is the default value, or the command id was carried out for another complaint.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> is not positive or too long.</exception>
    /// <exception cref="ComplaintNotFoundException">No complaint has the id.</exception>
    /// <exception cref="ComplaintTransitionRefusedException">The verb is refused; nothing is saved.</exception>
    /// <exception cref="ComplaintConcurrencyException">Another writer saved the complaint first; nothing is saved, and the same command may be sent again.</exception>
    public Task<ComplaintCommandResult> RecordHandlingTimeAsync(CommandId commandId, ComplaintId complaintId, Actor actor, Duration time, string? role = null, CancellationToken cancellationToken = default) =>
        RunAsync(commandId, complaintId, actor, (c, a, at) => c.RecordHandlingTime(a, at, time, role), cancellationToken);

    /// <summary>
    /// Offers the pending notifications to the sink again, oldest first, in batches of
    /// <see cref="ComplaintDeskOptions.DispatchBatchSize"/>, marking each batch sent once the sink took it.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many notifications were sent.</returns>
    /// <remarks>An error of the sink or the store is passed on; the batches sent before it stay marked sent, the rest stay pending.</remarks>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken = default)
    {
        var sent = 0;
        while (true)
        {
            var batch = await _store.FindPendingNotificationsAsync(_dispatchBatchSize, cancellationToken).ConfigureAwait(false);
            if (batch.Count > 0)
            {
                await SendAsync(batch, cancellationToken).ConfigureAwait(false);
                sent += batch.Count;
            }

            if (batch.Count < _dispatchBatchSize)
            {
                return sent;
            }
        }
    }

    /// <summary>
    /// Evaluates every open complaint whose next change is due at the clock's current instant, a page at a time: carries
    /// out the policies, notifies targets newly at risk or breached, and saves each with its new next change (also when
    /// nothing was appended to its history), then sends the notifications. A complaint another writer saved since its
    /// page was read is left to that writer, which evaluated it at its own instant.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many complaints were evaluated and saved, and those that could not be.</returns>
    /// <remarks>
    /// <para>
    /// One complaint that cannot be evaluated does not stop the sweep: a stored document that cannot be read, a history
    /// that does not fit the lifecycle, an evaluation that throws (an instant outside a calendar's years, say) or a save
    /// that fails is recorded in <see cref="SweepResult.Failures"/> with the complaint's id and the error, and the sweep
    /// goes on with the next one. Nothing is written for a failed complaint: its record stays as it was, still due, so
    /// every later sweep finds it again and reports it again until it is repaired.
    /// </para>
    /// <para>
    /// A complaint saved but whose notifications the sink did not take counts as saved, as for a command: its
    /// notifications stay pending for <see cref="DispatchPendingAsync"/>.
    /// </para>
    /// <para>
    /// An error of the store's query for the due complaints (<see cref="IComplaintStore.FindDueAsync"/>) is passed on, as
    /// the sweep cannot go on without its pages; the complaints saved before it stay saved.
    /// </para>
    /// </remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled; the complaints saved before stay saved.</exception>
    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = _clock.GetCurrentInstant();
        var saved = 0;
        List<SweepFailure>? failures = null;
        DueCursor? after = null;
        do
        {
            var page = await _store.FindDueAsync(now, after, _sweepPageSize, cancellationToken).ConfigureAwait(false);
            foreach (var record in page.Records)
            {
                try
                {
                    var complaint = ComplaintJson.Deserialize(record.Json, _lifecycle);
                    await SettleAndSaveAsync(record, complaint.Snapshot, complaint, now, commandId: null, cancellationToken).ConfigureAwait(false);
                    saved++;
                }
                catch (ComplaintConcurrencyException)
                {
                    // Saved by another writer since the page was read; that save evaluated the complaint.
                }
#pragma warning disable CA1031 // One complaint that cannot be evaluated must not keep the others from their warnings; the error is returned.
                catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    (failures ??= []).Add(new SweepFailure(record.Id, error));
                }
            }

            after = page.Next;
        }
        while (after is not null);

        return new SweepResult(saved, failures ?? []);
    }

    private Task<ComplaintCommandResult> RunAsync(CommandId commandId, ComplaintId complaintId, Actor actor, Func<Complaint, Actor, Instant, HistoryEntry> verb, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return RunAsync(commandId, complaintId, (stored, now) =>
        {
            var complaint = stored ?? throw new ComplaintNotFoundException(complaintId);
            verb(complaint, actor, now);
            return complaint;
        }, cancellationToken);
    }

    /// <summary>The pipeline every command goes through: replay, load and change, settle, save, send.</summary>
    private async Task<ComplaintCommandResult> RunAsync(CommandId commandId, ComplaintId complaintId, Func<Complaint?, Instant, Complaint> change, CancellationToken cancellationToken)
    {
        if (commandId == default)
        {
            throw new ArgumentException("commandId must hold an id.", nameof(commandId));
        }

        if (complaintId == default)
        {
            throw new ArgumentException("complaintId must hold an id.", nameof(complaintId));
        }

        var now = _clock.GetCurrentInstant();
        if (await _store.FindCommandAsync(commandId, cancellationToken).ConfigureAwait(false) is { } done)
        {
            return done.ComplaintId == complaintId
                ? new ComplaintCommandResult(complaintId, done.Version, IsReplay: true, PendingNotifications: 0)
                : throw new ArgumentException($"Command {commandId} was carried out for complaint {done.ComplaintId}, not for complaint {complaintId}.", nameof(commandId));
        }

        var stored = await _store.FindAsync(complaintId, cancellationToken).ConfigureAwait(false);
        var loaded = stored is null ? null : ComplaintJson.Deserialize(stored.Json, _lifecycle);
        var before = loaded?.Snapshot;
        var complaint = change(loaded, now);
        return await SettleAndSaveAsync(stored, before, complaint, now, commandId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Carries out the policies, works out the notifications and the next change, saves, then sends.</summary>
    private async Task<ComplaintCommandResult> SettleAndSaveAsync(ComplaintRecord? stored, ComplaintSnapshot? before, Complaint complaint, Instant now, CommandId? commandId, CancellationToken cancellationToken)
    {
        var from = (int)(stored?.Version ?? 0);
        var notifications = new List<ComplaintNotification>();
        var asked = new List<ComplaintNotification>();
        if (_policies is not null && !complaint.IsTerminal)
        {
            var context = await ContextAsync(complaint, now, cancellationToken).ConfigureAwait(false);
            CarryOut(complaint, _policies.Evaluate(complaint.Snapshot, now, context), now, asked);
        }

        var history = complaint.History;
        for (var i = from; i < history.Count; i++)
        {
            if (FromHistory(complaint.Id, history[i]) is { } notification)
            {
                notifications.Add(notification);
            }
        }

        notifications.AddRange(asked);
        AddSlaNotifications(stored?.NextChangeAt, before, complaint, now, notifications);
        var snapshot = complaint.Snapshot;
        var record = new ComplaintRecord(
            complaint.Id, complaint.Version, ComplaintJson.Serialize(complaint), complaint.Intake.Customer.Id, complaint.Intake.ReceivedAt,
            complaint.IsTerminal ? null : _sla?.NextChangeAt(snapshot, now), !complaint.IsTerminal);
        var command = commandId is { } id ? new CommandRecord(id, complaint.Id, record.Version) : null;
        var saved = await _store.SaveAsync(new ComplaintSave(record, stored?.Version, command, notifications), cancellationToken).ConfigureAwait(false);
        var pending = await TrySendAsync(saved, cancellationToken).ConfigureAwait(false);
        return new ComplaintCommandResult(complaint.Id, record.Version, IsReplay: false, pending);
    }

    /// <summary>
    /// What the policies read beyond the history: the customer's complaints within the repeat window (this one
    /// included); a proposal awaiting the customer's answer as the remedies about to be given; and, when a rule reads
    /// it, the compensation the customer has agreed to in the window, this complaint's included, in the ladder's
    /// authority currency (amounts in other currencies are left out; a total past the largest decimal stays there).
    /// </summary>
    private async Task<PolicyContext> ContextAsync(Complaint complaint, Instant now, CancellationToken cancellationToken)
    {
        var snapshot = complaint.Snapshot;
        var context = new PolicyContext
        {
            ProposedRemedies = snapshot.State == ComplaintState.ResolutionProposed ? snapshot.LatestProposal?.Remedies : null,
        };

        // The customer's other complaints are read from the store only when a rule reads what they tell.
        var sums = _policies!.ReadsCompensationThisPeriod;
        if (!sums && !_policies.ReadsRecentComplaints)
        {
            return context;
        }

        var recent = await _store.FindByCustomerAsync(complaint.Intake.Customer.Id, now - _repeatWindow, cancellationToken).ConfigureAwait(false);
        var currency = _lifecycle.AuthorityCurrency;
        var others = 0;
        var agreed = sums ? Agreed(snapshot, currency, 0m) : 0m;
        foreach (var record in recent)
        {
            if (record.Id == complaint.Id)
            {
                continue;
            }

            others++;
            if (sums)
            {
                agreed = Agreed(ComplaintJson.Deserialize(record.Json, _lifecycle).Snapshot, currency, agreed);
            }
        }

        return context with
        {
            RecentComplaintsFromCustomer = others + 1,
            CompensationThisPeriod = sums ? new Money(agreed, currency) : null,
        };
    }

    /// <summary>Adds a complaint's agreed remedies in <paramref name="currency"/> to <paramref name="total"/>, saturating at the largest decimal.</summary>
    private static decimal Agreed(ComplaintSnapshot complaint, string currency, decimal total)
    {
        foreach (var remedy in complaint.AgreedRemedies)
        {
            if (remedy.Value is { } value && string.Equals(value.Currency, currency, StringComparison.Ordinal))
            {
                total = value.Amount > decimal.MaxValue - total ? decimal.MaxValue : total + value.Amount;
            }
        }

        return total;
    }

    /// <summary>
    /// Carries out a decision's actions as the policies' system actor, then records each matched rule (but the routing
    /// table's proposal) whose actions were all carried out; an action the lifecycle does not permit now is skipped,
    /// and its rule is left unrecorded so that it is tried again.
    /// </summary>
    private void CarryOut(Complaint complaint, PolicyDecision decision, Instant now, List<ComplaintNotification> notifications)
    {
        if (decision.IsEmpty)
        {
            return;
        }

        var skipped = new List<PolicyAction>();
        foreach (var action in decision.Actions)
        {
            var rule = decision.Matches.FirstOrDefault(m => m.Rule.Actions.Contains(action))?.Rule.Name ?? "policies";
            var reason = $"Policy rule '{rule}'.";
            var done = action switch
            {
                RaiseLevelAction raise when Rank(raise.Level) > complaint.Snapshot.LevelRank =>
                    Fire(complaint, ComplaintTrigger.RaiseLevel, c => c.RaiseLevel(PolicyActor, now, reason, Rank(raise.Level))),
                LowerLevelAction lower when Rank(lower.Level) < complaint.Snapshot.LevelRank =>
                    Fire(complaint, ComplaintTrigger.LowerLevel, c => c.LowerLevel(PolicyActor, now, reason, Rank(lower.Level))),
                AssignTeamAction assign when !string.Equals(assign.Team, complaint.Team, StringComparison.Ordinal) =>
                    Fire(complaint, ComplaintTrigger.Assign, c => c.Assign(PolicyActor, now, assign.Team, c.Assignee)),
                RaisePriorityAction priority when priority.Priority > complaint.Priority =>
                    Fire(complaint, ComplaintTrigger.ChangePriority, c => c.ChangePriority(PolicyActor, now, priority.Priority)),
                NotifyAction notify => Notify(notifications, complaint.Id, notify.ToCustomer ? ComplaintNotification.Customer : notify.Recipient, notify.Topic, now),
                RequireApprovalAction approval => Notify(notifications, complaint.Id, approval.Approver, ApprovalTopic, now),
                FlagForRegulatorAction => Notify(notifications, complaint.Id, RegulatoryAudience, RegulatoryTopic, now),
                _ => true, // Nothing left to change.
            };
            if (!done)
            {
                skipped.Add(action);
            }
        }

        foreach (var match in decision.Matches)
        {
            if (match.Rule.Name != PolicyRuleSet.RoutingRuleName && !match.Rule.Actions.Any(skipped.Contains) && complaint.CanFire(ComplaintTrigger.RecordPolicyApplication))
            {
                complaint.RecordPolicyApplication(PolicyActor, now, match.Rule.Name, match.Rule.Actions.Count == 0 ? null : string.Join("; ", match.Rule.Actions));
            }
        }
    }

    private static bool Fire(Complaint complaint, ComplaintTrigger trigger, Action<Complaint> verb)
    {
        if (!complaint.CanFire(trigger))
        {
            return false;
        }

        verb(complaint);
        return true;
    }

    private static bool Notify(List<ComplaintNotification> notifications, ComplaintId id, string audience, string topic, Instant now)
    {
        notifications.Add(new ComplaintNotification(NotificationKind.Policy, id, audience, topic, now));
        return true;
    }

    private int Rank(string level)
    {
        foreach (var candidate in _lifecycle.Levels)
        {
            if (string.Equals(candidate.Name, level, StringComparison.OrdinalIgnoreCase))
            {
                return candidate.Rank;
            }
        }

        // The rule set checked every level name against the same lifecycle when it was built.
        throw new InvalidOperationException($"Level '{level}' is not on the lifecycle's ladder.");
    }

    private ComplaintNotification? FromHistory(ComplaintId id, HistoryEntry entry)
    {
        var topic = entry.Trigger.ToString();
        return entry.Data switch
        {
            Escalation e => new ComplaintNotification(NotificationKind.Escalation, id, _lifecycle.Levels[e.ToLevel].Name, topic, entry.At),
            ResolutionRejection r when r.ToLevel > r.FromLevel => new ComplaintNotification(NotificationKind.Escalation, id, _lifecycle.Levels[r.ToLevel].Name, topic, entry.At),
            _ => entry.Trigger switch
            {
                ComplaintTrigger.Acknowledge => new ComplaintNotification(NotificationKind.Acknowledgement, id, ComplaintNotification.Customer, topic, entry.At),
                ComplaintTrigger.RequestInformation => new ComplaintNotification(NotificationKind.InformationRequest, id, ComplaintNotification.Customer, topic, entry.At),
                ComplaintTrigger.StartFollowUp => new ComplaintNotification(NotificationKind.FollowUp, id, ComplaintNotification.Customer, topic, entry.At),
                ComplaintTrigger.ProposeResolution or ComplaintTrigger.Resolve or ComplaintTrigger.Reject or ComplaintTrigger.Refer or ComplaintTrigger.Close =>
                    new ComplaintNotification(NotificationKind.Decision, id, ComplaintNotification.Customer, topic, entry.At),
                _ => null,
            },
        };
    }

    /// <summary>
    /// Notifies each target at risk or breached now that stood otherwise when the complaint was last saved. Its states
    /// then are read from the stored complaint just before its stored next change (nothing changed between the save and
    /// that instant), or now when the next change is still to come.
    /// </summary>
    private void AddSlaNotifications(Instant? storedNextChange, ComplaintSnapshot? previous, Complaint complaint, Instant now, List<ComplaintNotification> notifications)
    {
        if (_sla is null || complaint.IsTerminal)
        {
            return;
        }

        var states = new SlaTargetState[_sla.MaxTargetCount];
        var count = _sla.StatesAt(complaint.Snapshot, now, states);
        var before = Array.Empty<SlaTargetState>();
        if (previous is not null)
        {
            var then = Instant.Max(storedNextChange is { } next && next <= now ? next - Duration.Epsilon : now, previous.LastActivityAt);
            before = new SlaTargetState[_sla.MaxTargetCount];
            Array.Resize(ref before, _sla.StatesAt(previous, then, before));
        }

        var audience = _lifecycle.Levels[complaint.Snapshot.LevelRank].Name;
        for (var i = 0; i < count; i++)
        {
            var state = states[i];
            var kind = state.State switch
            {
                // A next-update target at risk or past its deadline means an update to the customer is due.
                SlaClockState.AtRisk or SlaClockState.Breached when state.Target.Kind == SlaTargetKind.NextUpdate => NotificationKind.UpdateDue,
                SlaClockState.AtRisk => NotificationKind.SlaWarning,
                SlaClockState.Breached => NotificationKind.SlaBreach,
                _ => (NotificationKind?)null,
            };
            if (kind is { } k && !Array.Exists(before, b => b.State == state.State && b.Cycle == state.Cycle && b.Policy == state.Policy && b.Target == state.Target))
            {
                notifications.Add(new ComplaintNotification(k, complaint.Id, audience, state.Target.Name, now));
            }
        }
    }

    /// <summary>Sends notifications just saved; a sink that fails leaves them pending, and their number is returned.</summary>
    private async Task<int> TrySendAsync(IReadOnlyList<PendingNotification> saved, CancellationToken cancellationToken)
    {
        if (saved.Count == 0)
        {
            return 0;
        }

        try
        {
            await SendAsync(saved, cancellationToken).ConfigureAwait(false);
            return 0;
        }
#pragma warning disable CA1031 // The complaint is saved: any failure to send leaves the notifications pending, to be offered again.
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return saved.Count;
        }
    }

    private async Task SendAsync(IReadOnlyList<PendingNotification> batch, CancellationToken cancellationToken)
    {
        var notifications = new ComplaintNotification[batch.Count];
        var sequences = new long[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            notifications[i] = batch[i].Notification;
            sequences[i] = batch[i].Sequence;
        }

        await _sink.SendAsync(notifications, cancellationToken).ConfigureAwait(false);
        await _store.MarkSentAsync(sequences, cancellationToken).ConfigureAwait(false);
    }
}
