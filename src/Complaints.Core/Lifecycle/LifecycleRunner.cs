using System.Collections.Frozen;
using Complaints.Core.Domain;
using Complaints.Core.History;
using NodaTime;
using Stateless;
using G = Complaints.Core.Lifecycle.ComplaintGuard;
using S = Complaints.Core.Domain.ComplaintState;
using T = Complaints.Core.Domain.ComplaintTrigger;

namespace Complaints.Core.Lifecycle;

/// <summary>
/// One configured Stateless machine with external state, lent by <see cref="ComplaintLifecycle"/> to one question at a
/// time. Every rule that decides whether a trigger is permitted is a described guard of this machine, recording
/// triggers included (as internal transitions), so the machine and its exported diagram tell the whole truth. Guards
/// read the complaint's snapshot and the pending data set just before the question.
/// </summary>
internal sealed class LifecycleRunner
{
    private static readonly S[] AllStates = Enum.GetValues<S>();

    private static readonly S[] NonTerminal = [.. AllStates.Where(s => !s.IsTerminal())];

    private static readonly S[] BeforeResolution =
    [
        S.Received, S.Acknowledged, S.Assessed, S.Investigating, S.AwaitingCustomer, S.Reopened,
    ];

    private static readonly S[] Rated = [S.Resolved, S.FollowUp, S.Closed];

    private static readonly T[] RecordedAnywhere = [T.RecordCommunication, T.RecordHandlingTime, T.RecordApproval, T.FlagAbusiveContact];

    private static readonly T[] RecordedWhileOpen =
    [
        T.ChangePriority, T.ChangeSeverity, T.ChangeCategory, T.Assign, T.ChangePromisedDate, T.ChangeCustomerTier,
        T.RecordPolicyApplication,
    ];

    private static readonly IReadOnlyList<G> NoGuards = Array.AsReadOnly(Array.Empty<G>());

    private readonly ComplaintLifecycle _lifecycle;
    private readonly List<(S From, T Trigger, S To)> _edges = [];
    private readonly T[][] _triggersFrom;
    private S _state;
    private ComplaintSnapshot? _snapshot;
    private HistoryData? _data;
    private Instant _at;
    private ICollection<string>? _unmetGuards;
    private bool _refused;

    public LifecycleRunner(ComplaintLifecycle lifecycle)
    {
        _lifecycle = lifecycle;
        Machine = new StateMachine<S, T>(() => _state, s => _state = s, FiringMode.Immediate);
        Configure();
        _triggersFrom = [.. AllStates.Select(state => _edges.Where(e => e.From == state).Select(e => e.Trigger).Distinct().Order().ToArray())];
        Machine.OnUnhandledTrigger((_, _, unmet) =>
        {
            _refused = true;
            _unmetGuards = unmet;
        });
    }

    /// <summary>Gets each guard's description, as the machine and its diagrams show it.</summary>
    public static FrozenDictionary<G, string> Descriptions { get; } = new Dictionary<G, string>
    {
        [G.NotSuggestion] = "not a suggestion",
        [G.Suggestion] = "a suggestion",
        [G.WithinAuthority] = "compensation within the handling level's authority",
        [G.HigherLevelExists] = "a higher level exists",
        [G.LowerLevelExists] = "a lower level exists",
        [G.CustomerConsent] = "customer consents (when required)",
        [G.RejectionEscalates] = "escalates: consent given, a higher level exists",
        [G.RejectionStays] = "no escalation: no consent, top level, or turned off",
        [G.NothingAlreadyAnswered] = "asks nothing already answered",
        [G.OutcomeRecorded] = "outcome recorded",
        [G.RootCauseRecorded] = "root cause recorded (when required)",
        [G.FollowUpNotRequired] = "suggestion, or follow-up not required",
        [G.WithinReopenWindow] = "within the reopen window",
    }.ToFrozenDictionary();

    private static FrozenDictionary<string, G> GuardsByDescription { get; } =
        Descriptions.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public StateMachine<S, T> Machine { get; }

    /// <summary>Gets every (state, trigger, destination) the machine defines, recording triggers included.</summary>
    public IReadOnlyList<(S From, T Trigger, S To)> Edges => _edges;

    /// <summary>Asks the machine whether a trigger with its data is permitted for a snapshot at an instant, changing nothing.</summary>
    public TransitionCheck Check(ComplaintSnapshot snapshot, T trigger, HistoryData? data, Instant at)
    {
        FireQuietly(snapshot, trigger, data, at);
        if (!_refused)
        {
            return new TransitionCheck(snapshot.State, trigger, _state, NoGuards);
        }

        IReadOnlyList<G> unmet = _unmetGuards is null ? NoGuards : Array.AsReadOnly(_unmetGuards.Select(d => GuardsByDescription[d]).Order().ToArray());
        return new TransitionCheck(snapshot.State, trigger, null, unmet);
    }

    /// <summary>Asks the machine for a trigger's destination, changing nothing; <see langword="null"/> when refused.</summary>
    public S? Destination(ComplaintSnapshot snapshot, T trigger, HistoryData data, Instant at)
    {
        FireQuietly(snapshot, trigger, data, at);
        return _refused ? null : _state;
    }

    /// <summary>Fires a trigger on the machine's own copy of the state; a refusal is noted, not thrown.</summary>
    private void FireQuietly(ComplaintSnapshot snapshot, T trigger, HistoryData? data, Instant at)
    {
        _snapshot = snapshot;
        _data = data;
        _at = at;
        _state = snapshot.State;
        _refused = false;
        _unmetGuards = null;
        Machine.Fire(trigger);
    }

    /// <summary>Lists the triggers the machine accepts for a snapshot now, with no call data, in declaration order.</summary>
    public IReadOnlyList<T> Permitted(ComplaintSnapshot snapshot, Instant at)
    {
        _snapshot = snapshot;
        _data = null;
        _at = at;
        _state = snapshot.State;
        var permitted = new List<T>();
        foreach (var trigger in _triggersFrom[(int)snapshot.State])
        {
            if (Machine.CanFire(trigger))
            {
                permitted.Add(trigger);
            }
        }

        return permitted.AsReadOnly();
    }

    public bool CanFire(ComplaintSnapshot snapshot, T trigger, Instant at)
    {
        _snapshot = snapshot;
        _data = null;
        _at = at;
        _state = snapshot.State;
        return Machine.CanFire(trigger);
    }

    public void Clear()
    {
        _snapshot = null;
        _data = null;
        _unmetGuards = null;
    }

    private static Tuple<Func<bool>, string> Rule(Func<bool> check, G guard) => new(check, Descriptions[guard]);

    private ComplaintSnapshot Current => _snapshot ?? throw new InvalidOperationException("No complaint is being checked.");

    private void Permit(S from, T trigger, S to, params Tuple<Func<bool>, string>[] guards)
    {
        var state = Machine.Configure(from);
        if (guards.Length == 0)
        {
            state.Permit(trigger, to);
        }
        else
        {
            state.PermitIf(trigger, to, guards);
        }

        _edges.Add((from, trigger, to));
    }

    private void Record(S state, T trigger, Tuple<Func<bool>, string>? guard = null)
    {
        var configuration = Machine.Configure(state);
        if (guard is null)
        {
            configuration.InternalTransition(trigger, static _ => { });
        }
        else
        {
            configuration.InternalTransitionIf(trigger, _ => guard.Item1(), static _ => { }, guard.Item2);
        }

        _edges.Add((state, trigger, state));
    }

    private void Configure()
    {
        var notSuggestion = Rule(IsNotSuggestion, G.NotSuggestion);
        var suggestion = Rule(IsSuggestion, G.Suggestion);
        var withinAuthority = Rule(WithinAuthority, G.WithinAuthority);
        var higherLevel = Rule(HigherLevelExists, G.HigherLevelExists);
        var lowerLevel = Rule(LowerLevelExists, G.LowerLevelExists);
        var consent = Rule(ConsentGiven, G.CustomerConsent);
        var outcome = Rule(OutcomeRecorded, G.OutcomeRecorded);
        var rootCause = Rule(RootCauseRecorded, G.RootCauseRecorded);

        Permit(S.Received, T.Acknowledge, S.Acknowledged);
        Permit(S.Acknowledged, T.Assess, S.Assessed);
        Permit(S.Assessed, T.StartInvestigation, S.Investigating);
        Permit(S.Assessed, T.Resolve, S.Resolved, suggestion);

        Permit(S.Investigating, T.RequestInformation, S.AwaitingCustomer, Rule(NothingAlreadyAnswered, G.NothingAlreadyAnswered));
        Permit(S.Investigating, T.ProposeResolution, S.ResolutionProposed, notSuggestion, withinAuthority);
        Permit(S.Investigating, T.Escalate, S.Escalated, higherLevel, consent);
        Permit(S.Investigating, T.Resolve, S.Resolved, suggestion);

        Permit(S.AwaitingCustomer, T.ProvideInformation, S.Investigating);
        Permit(S.AwaitingCustomer, T.Escalate, S.Escalated, higherLevel, consent);

        Permit(S.ResolutionProposed, T.AcceptResolution, S.Resolved);
        Permit(S.ResolutionProposed, T.RejectResolution, S.Escalated, Rule(RejectionEscalates, G.RejectionEscalates));
        Permit(S.ResolutionProposed, T.RejectResolution, S.Investigating, Rule(() => !RejectionEscalates(), G.RejectionStays));
        Permit(S.ResolutionProposed, T.Escalate, S.Escalated, higherLevel, consent);

        Permit(S.Escalated, T.StartInvestigation, S.Investigating);
        Permit(S.Escalated, T.ProposeResolution, S.ResolutionProposed, notSuggestion, withinAuthority);

        Permit(S.Resolved, T.StartFollowUp, S.FollowUp, notSuggestion);
        Permit(S.Resolved, T.Close, S.Closed, Rule(FollowUpNotRequired, G.FollowUpNotRequired), outcome, rootCause);
        Permit(S.Resolved, T.Reopen, S.Reopened);

        Permit(S.FollowUp, T.Close, S.Closed, outcome, rootCause);
        Permit(S.FollowUp, T.Reopen, S.Reopened);

        Permit(S.Closed, T.Reopen, S.Reopened, Rule(WithinReopenWindow, G.WithinReopenWindow));

        Permit(S.Reopened, T.StartInvestigation, S.Investigating);

        foreach (var state in NonTerminal)
        {
            Permit(state, T.Withdraw, S.Withdrawn);
            Permit(state, T.Refer, S.Referred);
        }

        foreach (var state in BeforeResolution)
        {
            Permit(state, T.Reject, S.Rejected);
        }

        foreach (var state in AllStates)
        {
            foreach (var trigger in RecordedAnywhere)
            {
                Record(state, trigger);
            }
        }

        foreach (var state in NonTerminal)
        {
            foreach (var trigger in RecordedWhileOpen)
            {
                Record(state, trigger);
            }

            Record(state, T.RaiseLevel, higherLevel);
            Record(state, T.LowerLevel, lowerLevel);
        }

        foreach (var state in Rated)
        {
            Record(state, T.Rate);
        }

    }

    private bool IsSuggestion() => Current.Kind == FeedbackKind.Suggestion;

    private bool IsNotSuggestion() => Current.Kind != FeedbackKind.Suggestion;

    private bool HigherLevelExists() => Current.LevelRank + 1 < _lifecycle.Levels.Count;

    private bool LowerLevelExists() => Current.LevelRank > 0;

    private bool ConsentGiven() =>
        !_lifecycle.RequireCustomerConsentToEscalate || _data is not Escalation e || e.CustomerConsent;

    private bool RejectionEscalates() =>
        _lifecycle.EscalateOnRejection
        && HigherLevelExists()
        && (!_lifecycle.RequireCustomerConsentToEscalate || _data is not ResolutionRejection r || r.ConsentToEscalate);

    private bool NothingAlreadyAnswered() =>
        _data is not InformationRequest request || !request.Questions.Any(Current.WasAnswered);

    private bool WithinAuthority() =>
        _data is not ResolutionProposal proposal
        || Compensation.IsWithin(proposal.Remedies, _lifecycle.Levels[Current.LevelRank].AuthorityLimit, _lifecycle.AuthorityCurrency);

    private bool OutcomeRecorded() =>
        Current.Kind == FeedbackKind.Suggestion || _data is not Closure closure || closure.Outcome is not null;

    private bool RootCauseRecorded() =>
        !_lifecycle.RequireRootCauseToClose || Current.Kind == FeedbackKind.Suggestion
        || _data is not Closure closure || closure.RootCause is not null;

    private bool FollowUpNotRequired() => Current.Kind == FeedbackKind.Suggestion || !_lifecycle.RequireFollowUp;

    private bool WithinReopenWindow() =>
        Current.ClosedAt is { } closedAt && _at - closedAt <= _lifecycle.ReopenWindow;
}
