using Complaints.Core.Domain;
using Complaints.Core.History;
using NodaTime;
using Stateless;
using S = Complaints.Core.Lifecycle.ComplaintState;
using T = Complaints.Core.Lifecycle.ComplaintTrigger;

namespace Complaints.Core.Lifecycle;

/// <summary>
/// One configured Stateless machine with external state, lent by <see cref="ComplaintLifecycle"/> to one firing
/// at a time. Guards read the complaint and the pending data set just before the firing.
/// </summary>
internal sealed class LifecycleRunner
{
    internal const string GuardWithinAuthority = "compensation within the handling level's authority";
    internal const string GuardNotSuggestion = "not a suggestion";
    internal const string GuardSuggestion = "a suggestion";
    internal const string GuardHigherLevel = "a higher level exists";
    internal const string GuardConsent = "customer consents (when required)";
    internal const string GuardRejectionEscalates = "escalates: consent given, a higher level exists";
    internal const string GuardRejectionStays = "no escalation: no consent, top level, or turned off";
    internal const string GuardNotAnswered = "asks nothing already answered";
    internal const string GuardOutcome = "outcome recorded";
    internal const string GuardRootCause = "root cause recorded (when required)";
    internal const string GuardFollowUpNotRequired = "suggestion, or follow-up not required";
    internal const string GuardReopenWindow = "within the reopen window";

    private static readonly S[] NonTerminal =
    [
        S.Received, S.Acknowledged, S.Assessed, S.Investigating, S.AwaitingCustomer,
        S.ResolutionProposed, S.Escalated, S.Resolved, S.FollowUp, S.Reopened,
    ];

    private static readonly S[] BeforeResolution =
    [
        S.Received, S.Acknowledged, S.Assessed, S.Investigating, S.AwaitingCustomer, S.Reopened,
    ];

    private readonly ComplaintLifecycle _lifecycle;
    private readonly Tuple<Func<bool>, string>[] _escalationGuards;
    private S _state;
    private Complaint? _complaint;
    private HistoryData? _data;
    private Instant _at;
    private ICollection<string>? _unmetGuards;
    private bool _refused;

    public LifecycleRunner(ComplaintLifecycle lifecycle)
    {
        _lifecycle = lifecycle;
        _escalationGuards = [new(HigherLevelExists, GuardHigherLevel), new(ConsentGiven, GuardConsent)];
        Machine = new StateMachine<S, T>(() => _state, s => _state = s, FiringMode.Immediate);
        Configure(Machine);
        Machine.OnUnhandledTrigger((_, _, unmet) =>
        {
            _refused = true;
            _unmetGuards = unmet;
        });
    }

    public StateMachine<S, T> Machine { get; }

    /// <summary>Fires a state-changing trigger at a complaint without changing it.</summary>
    /// <returns><see langword="true"/> and the destination when accepted; <see langword="false"/> and the unmet guards when refused.</returns>
    public bool TryFire(Complaint complaint, T trigger, HistoryData data, Instant at, out S destination, out IReadOnlyList<string> unmetGuards)
    {
        _complaint = complaint;
        _data = data;
        _at = at;
        _state = complaint.State;
        _refused = false;
        _unmetGuards = null;
        Machine.Fire(trigger);
        destination = _state;
        unmetGuards = _refused ? [.. _unmetGuards ?? []] : [];
        return !_refused;
    }

    /// <summary>Lists the state-changing triggers the machine accepts for a complaint now, with no call data.</summary>
    public void AddPermitted(Complaint complaint, List<T> into)
    {
        _complaint = complaint;
        _data = null;
        _at = complaint.LastActivityAt;
        _state = complaint.State;
        foreach (var trigger in _lifecycle.TriggersFrom(complaint.State))
        {
            if (Machine.CanFire(trigger))
            {
                into.Add(trigger);
            }
        }
    }

    public bool CanFire(Complaint complaint, T trigger)
    {
        _complaint = complaint;
        _data = null;
        _at = complaint.LastActivityAt;
        _state = complaint.State;
        return Machine.CanFire(trigger);
    }

    public void Clear()
    {
        _complaint = null;
        _data = null;
        _unmetGuards = null;
    }

    private Complaint Current => _complaint ?? throw new InvalidOperationException("No complaint is being fired.");

    private void Configure(StateMachine<S, T> m)
    {
        m.Configure(S.Received)
            .Permit(T.Acknowledge, S.Acknowledged);

        m.Configure(S.Acknowledged)
            .Permit(T.Assess, S.Assessed);

        m.Configure(S.Assessed)
            .Permit(T.StartInvestigation, S.Investigating)
            .PermitIf(T.Resolve, S.Resolved, IsSuggestion, GuardSuggestion);

        m.Configure(S.Investigating)
            .PermitIf(T.RequestInformation, S.AwaitingCustomer, NothingAlreadyAnswered, GuardNotAnswered)
            .PermitIf(
                T.ProposeResolution,
                S.ResolutionProposed,
                new Tuple<Func<bool>, string>(IsNotSuggestion, GuardNotSuggestion),
                new Tuple<Func<bool>, string>(WithinAuthority, GuardWithinAuthority))
            .PermitIf(T.Escalate, S.Escalated, _escalationGuards)
            .PermitIf(T.Resolve, S.Resolved, IsSuggestion, GuardSuggestion);

        m.Configure(S.AwaitingCustomer)
            .Permit(T.ProvideInformation, S.Investigating)
            .PermitIf(T.Escalate, S.Escalated, _escalationGuards);

        m.Configure(S.ResolutionProposed)
            .Permit(T.AcceptResolution, S.Resolved)
            .PermitIf(T.RejectResolution, S.Escalated, RejectionEscalates, GuardRejectionEscalates)
            .PermitIf(T.RejectResolution, S.Investigating, () => !RejectionEscalates(), GuardRejectionStays)
            .PermitIf(T.Escalate, S.Escalated, _escalationGuards);

        m.Configure(S.Escalated)
            .Permit(T.StartInvestigation, S.Investigating)
            .PermitIf(T.ProposeResolution, S.ResolutionProposed, WithinAuthority, GuardWithinAuthority);

        m.Configure(S.Resolved)
            .PermitIf(T.StartFollowUp, S.FollowUp, IsNotSuggestion, GuardNotSuggestion)
            .PermitIf(
                T.Close,
                S.Closed,
                new Tuple<Func<bool>, string>(FollowUpNotRequired, GuardFollowUpNotRequired),
                new Tuple<Func<bool>, string>(OutcomeRecorded, GuardOutcome),
                new Tuple<Func<bool>, string>(RootCauseRecorded, GuardRootCause))
            .Permit(T.Reopen, S.Reopened);

        m.Configure(S.FollowUp)
            .PermitIf(
                T.Close,
                S.Closed,
                new Tuple<Func<bool>, string>(OutcomeRecorded, GuardOutcome),
                new Tuple<Func<bool>, string>(RootCauseRecorded, GuardRootCause))
            .Permit(T.Reopen, S.Reopened);

        m.Configure(S.Closed)
            .PermitIf(T.Reopen, S.Reopened, WithinReopenWindow, GuardReopenWindow);

        m.Configure(S.Reopened)
            .Permit(T.StartInvestigation, S.Investigating);

        foreach (var state in NonTerminal)
        {
            m.Configure(state)
                .Permit(T.Withdraw, S.Withdrawn)
                .Permit(T.Refer, S.Referred);
        }

        foreach (var state in BeforeResolution)
        {
            m.Configure(state).Permit(T.Reject, S.Rejected);
        }
    }

    private bool IsSuggestion() => Current.Kind == FeedbackKind.Suggestion;

    private bool IsNotSuggestion() => Current.Kind != FeedbackKind.Suggestion;

    private bool HigherLevelExists() => _lifecycle.NextLevel(Current.Level.Rank) is not null;

    private bool ConsentGiven() =>
        !_lifecycle.RequireCustomerConsentToEscalate || _data is not Escalation e || e.CustomerConsent;

    private bool RejectionEscalates() =>
        _lifecycle.EscalateOnRejection
        && HigherLevelExists()
        && (!_lifecycle.RequireCustomerConsentToEscalate || _data is not ResolutionRejection r || r.ConsentToEscalate);

    private bool NothingAlreadyAnswered() =>
        _data is not InformationRequest request || !request.Questions.Any(Current.WasAnswered);

    private bool WithinAuthority() =>
        _data is not ResolutionProposal proposal || Compensation.IsWithin(proposal.Remedies, Current.Level.AuthorityLimit, _lifecycle.AuthorityCurrency);

    private bool OutcomeRecorded() =>
        Current.Kind == FeedbackKind.Suggestion || _data is not Closure closure || closure.Outcome is not null;

    private bool RootCauseRecorded() =>
        !_lifecycle.RequireRootCauseToClose || Current.Kind == FeedbackKind.Suggestion
        || _data is not Closure closure || closure.RootCause is not null;

    private bool FollowUpNotRequired() => Current.Kind == FeedbackKind.Suggestion || !_lifecycle.RequireFollowUp;

    private bool WithinReopenWindow() =>
        Current.ClosedAt is { } closedAt && _at - closedAt <= _lifecycle.ReopenWindow;
}
