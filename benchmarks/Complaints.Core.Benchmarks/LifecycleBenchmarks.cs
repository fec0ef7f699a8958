using BenchmarkDotNet.Attributes;
using Complaints.Core.Domain;
using Complaints.Core.Lifecycle;
using NodaTime;
using Stateless;
using S = Complaints.Core.Domain.ComplaintState;
using T = Complaints.Core.Domain.ComplaintTrigger;

namespace Complaints.Core.Benchmarks;

/// <summary>
/// The cost of taking ONE complaint through the same 6 state-changing triggers (the happy path up to follow-up):
/// Acknowledge, Assess, StartInvestigation, ProposeResolution (an apology, within the agent's authority),
/// AcceptResolution and StartFollowUp, ending in <see cref="S.FollowUp"/>. Every benchmark creates the complaint (or
/// its state) and fires the 6 triggers per invocation.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><see cref="Library"/>: this library — <see cref="Complaint.Receive"/> and the 6 verbs, on one shared
/// <see cref="ComplaintLifecycle"/>; it validates, records 6 history entries and keeps the complaint's derived state.</item>
/// <item><see cref="PerComplaintStatelessMachine"/> (baseline): the naive way — a new Stateless machine configured with
/// the whole lifecycle for each complaint, then fired.</item>
/// <item><see cref="SharedStatelessMachine"/>: one Stateless machine configured once with external state; per
/// complaint, reset the state and fire. No validation, no history.</item>
/// <item><see cref="HandWrittenSwitch"/>: the floor — a switch over (state, trigger) with the same guards.</item>
/// </list>
/// The three non-library paths use the library's default settings (<see cref="LifecycleOptions"/>) and the same guard
/// logic (<see cref="CaseFile"/>), so they refuse and accept exactly what the library does.
/// </remarks>
[MemoryDiagnoser]
public class LifecycleBenchmarks
{
    private const string Currency = "EUR";
    private const bool RequireRootCauseToClose = false;
    private const bool RequireFollowUp = true;
    private const bool EscalateOnRejection = true;
    private const bool RequireCustomerConsentToEscalate = true;

    private static readonly IReadOnlyList<EscalationLevel> _levels = LifecycleOptions.DefaultEscalationLevels;
    private static readonly Duration _reopenWindow = Duration.FromDays(28);

    private static readonly S[] _nonTerminal =
    [
        S.Received, S.Acknowledged, S.Assessed, S.Investigating, S.AwaitingCustomer,
        S.ResolutionProposed, S.Escalated, S.Resolved, S.FollowUp, S.Reopened,
    ];

    private static readonly S[] _beforeResolution =
    [
        S.Received, S.Acknowledged, S.Assessed, S.Investigating, S.AwaitingCustomer, S.Reopened,
    ];

    private readonly Instant[] _at = new Instant[6];
    private ComplaintLifecycle _lifecycle = null!;
    private ComplaintId _id;
    private ComplaintIntake _intake = null!;
    private Actor _agent = null!;
    private Actor _customer = null!;
    private Remedy[] _remedies = [];

    private StateMachine<S, T> _shared = null!;
    private CaseFile _sharedCase = null!;
    private S _sharedState;

    private CaseFile _switchCase = null!;

    /// <summary>Builds the shared lifecycle, the shared bare machine and the intake, actors, remedies and instants.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _lifecycle = new ComplaintLifecycle();
        var start = Instant.FromUtc(2026, 11, 23, 9, 15);
        _id = new ComplaintId("C-2026-000117");
        _intake = new ComplaintIntake(
            FeedbackKind.Complaint,
            Channel.Email,
            new CustomerRef("cust-1042", tier: "Gold", segment: "Consumer"),
            Category.Parse("Products/Appliances/Defect"),
            "The kettle I bought stopped working after two days.",
            receivedAt: start);
        _agent = Actor.Staff("anna.agent");
        _customer = Actor.Customer("cust-1042");
        _remedies = [new Remedy(RemedyType.Apology)];
        for (var i = 0; i < _at.Length; i++)
        {
            _at[i] = start + Duration.FromMinutes(5 * (i + 1));
        }

        _sharedCase = new CaseFile();
        _shared = new StateMachine<S, T>(() => _sharedState, s => _sharedState = s, FiringMode.Immediate);
        Configure(_shared, _sharedCase);

        _switchCase = new CaseFile();

        // Every path must reach FollowUp, or the comparison is meaningless.
        Check(Library(), nameof(Library));
        Check(PerComplaintStatelessMachine(), nameof(PerComplaintStatelessMachine));
        Check(SharedStatelessMachine(), nameof(SharedStatelessMachine));
        Check(HandWrittenSwitch(), nameof(HandWrittenSwitch));
        Check(SharedStatelessMachine(), nameof(SharedStatelessMachine) + " (second run)");
        Check(HandWrittenSwitch(), nameof(HandWrittenSwitch) + " (second run)");
    }

    /// <summary>This library: receive a complaint and call the 6 verbs (validation, guards, history, derived state).</summary>
    /// <returns>The final state.</returns>
    [Benchmark]
    public S Library()
    {
        var complaint = Complaint.Receive(_id, _intake, _lifecycle);
        complaint.Acknowledge(_agent, _at[0]);
        complaint.Assess(_agent, _at[1], Severity.Medium, Priority.High);
        complaint.StartInvestigation(_agent, _at[2]);
        complaint.ProposeResolution(_agent, _at[3], _remedies);
        complaint.AcceptResolution(_customer, _at[4]);
        complaint.StartFollowUp(_agent, _at[5]);
        return complaint.State;
    }

    /// <summary>The naive way: a new Stateless machine configured with the whole lifecycle per complaint, then fired 6 times.</summary>
    /// <returns>The final state.</returns>
    [Benchmark(Baseline = true)]
    public S PerComplaintStatelessMachine()
    {
        var c = new CaseFile();
        c.Reset(FeedbackKind.Complaint);
        var machine = new StateMachine<S, T>(() => c.State, s => c.State = s, FiringMode.Immediate);
        Configure(machine, c);
        Fire6(machine, c);
        return c.State;
    }

    /// <summary>A bare Stateless machine configured once (external state); per complaint reset the state and fire 6 times.</summary>
    /// <returns>The final state.</returns>
    [Benchmark]
    public S SharedStatelessMachine()
    {
        _sharedState = S.Received;
        _sharedCase.Reset(FeedbackKind.Complaint);
        Fire6(_shared, _sharedCase);
        return _sharedState;
    }

    /// <summary>The floor: a hand-written switch over (state, trigger) with the same guards, called 6 times.</summary>
    /// <returns>The final state.</returns>
    [Benchmark]
    public S HandWrittenSwitch()
    {
        var c = _switchCase;
        c.Reset(FeedbackKind.Complaint);
        var state = S.Received;
        c.Now = _at[0];
        state = Next(state, T.Acknowledge, c);
        c.Now = _at[1];
        state = Next(state, T.Assess, c);
        c.Now = _at[2];
        state = Next(state, T.StartInvestigation, c);
        c.Now = _at[3];
        c.Remedies = _remedies;
        state = Next(state, T.ProposeResolution, c);
        c.Now = _at[4];
        state = Next(state, T.AcceptResolution, c);
        c.Now = _at[5];
        state = Next(state, T.StartFollowUp, c);
        return state;
    }

    private static void Check(S state, string path)
    {
        if (state != S.FollowUp)
        {
            throw new InvalidOperationException($"{path} ended in {state}, not {S.FollowUp}.");
        }
    }

    private void Fire6(StateMachine<S, T> machine, CaseFile c)
    {
        c.Now = _at[0];
        machine.Fire(T.Acknowledge);
        c.Now = _at[1];
        machine.Fire(T.Assess);
        c.Now = _at[2];
        machine.Fire(T.StartInvestigation);
        c.Now = _at[3];
        c.Remedies = _remedies;
        machine.Fire(T.ProposeResolution);
        c.Now = _at[4];
        machine.Fire(T.AcceptResolution);
        c.Now = _at[5];
        machine.Fire(T.StartFollowUp);
    }

    // The whole lifecycle, configured the way an application would inline it: the same states, transitions and guards
    // as the library's LifecycleRunner.Configure, with the guards as plain lambdas over the case file.
    private static void Configure(StateMachine<S, T> m, CaseFile c)
    {
        m.Configure(S.Received)
            .Permit(T.Acknowledge, S.Acknowledged);

        m.Configure(S.Acknowledged)
            .Permit(T.Assess, S.Assessed);

        m.Configure(S.Assessed)
            .Permit(T.StartInvestigation, S.Investigating)
            .PermitIf(T.Resolve, S.Resolved, () => IsSuggestion(c), "a suggestion");

        m.Configure(S.Investigating)
            .PermitIf(T.RequestInformation, S.AwaitingCustomer, () => NothingAlreadyAnswered(c), "asks nothing already answered")
            .PermitIf(
                T.ProposeResolution,
                S.ResolutionProposed,
                new Tuple<Func<bool>, string>(() => !IsSuggestion(c), "not a suggestion"),
                new Tuple<Func<bool>, string>(() => WithinAuthority(c), "compensation within the handling level's authority"))
            .PermitIf(
                T.Escalate,
                S.Escalated,
                new Tuple<Func<bool>, string>(() => HigherLevelExists(c), "a higher level exists"),
                new Tuple<Func<bool>, string>(() => ConsentGiven(c), "customer consents (when required)"))
            .PermitIf(T.Resolve, S.Resolved, () => IsSuggestion(c), "a suggestion");

        m.Configure(S.AwaitingCustomer)
            .Permit(T.ProvideInformation, S.Investigating)
            .PermitIf(
                T.Escalate,
                S.Escalated,
                new Tuple<Func<bool>, string>(() => HigherLevelExists(c), "a higher level exists"),
                new Tuple<Func<bool>, string>(() => ConsentGiven(c), "customer consents (when required)"));

        m.Configure(S.ResolutionProposed)
            .Permit(T.AcceptResolution, S.Resolved)
            .PermitIf(T.RejectResolution, S.Escalated, () => RejectionEscalates(c), "escalates: consent given, a higher level exists")
            .PermitIf(T.RejectResolution, S.Investigating, () => !RejectionEscalates(c), "no escalation: no consent, top level, or turned off")
            .PermitIf(
                T.Escalate,
                S.Escalated,
                new Tuple<Func<bool>, string>(() => HigherLevelExists(c), "a higher level exists"),
                new Tuple<Func<bool>, string>(() => ConsentGiven(c), "customer consents (when required)"));

        m.Configure(S.Escalated)
            .Permit(T.StartInvestigation, S.Investigating)
            .PermitIf(T.ProposeResolution, S.ResolutionProposed, () => WithinAuthority(c), "compensation within the handling level's authority");

        m.Configure(S.Resolved)
            .PermitIf(T.StartFollowUp, S.FollowUp, () => !IsSuggestion(c), "not a suggestion")
            .PermitIf(
                T.Close,
                S.Closed,
                new Tuple<Func<bool>, string>(() => FollowUpNotRequired(c), "suggestion, or follow-up not required"),
                new Tuple<Func<bool>, string>(() => OutcomeRecorded(c), "outcome recorded"),
                new Tuple<Func<bool>, string>(() => RootCauseRecorded(c), "root cause recorded (when required)"))
            .Permit(T.Reopen, S.Reopened);

        m.Configure(S.FollowUp)
            .PermitIf(
                T.Close,
                S.Closed,
                new Tuple<Func<bool>, string>(() => OutcomeRecorded(c), "outcome recorded"),
                new Tuple<Func<bool>, string>(() => RootCauseRecorded(c), "root cause recorded (when required)"))
            .Permit(T.Reopen, S.Reopened);

        m.Configure(S.Closed)
            .PermitIf(T.Reopen, S.Reopened, () => WithinReopenWindow(c), "within the reopen window");

        m.Configure(S.Reopened)
            .Permit(T.StartInvestigation, S.Investigating);

        foreach (var state in _nonTerminal)
        {
            m.Configure(state)
                .Permit(T.Withdraw, S.Withdrawn)
                .Permit(T.Refer, S.Referred);
        }

        foreach (var state in _beforeResolution)
        {
            m.Configure(state).Permit(T.Reject, S.Rejected);
        }
    }

    // The same transitions and guards as Configure, as one switch.
    private static S Next(S state, T trigger, CaseFile c) => (state, trigger) switch
    {
        (S.Received, T.Acknowledge) => S.Acknowledged,
        (S.Acknowledged, T.Assess) => S.Assessed,
        (S.Assessed, T.StartInvestigation) => S.Investigating,
        (S.Assessed or S.Investigating, T.Resolve) when IsSuggestion(c) => S.Resolved,
        (S.Investigating, T.RequestInformation) when NothingAlreadyAnswered(c) => S.AwaitingCustomer,
        (S.Investigating, T.ProposeResolution) when !IsSuggestion(c) && WithinAuthority(c) => S.ResolutionProposed,
        (S.Investigating or S.AwaitingCustomer or S.ResolutionProposed, T.Escalate) when HigherLevelExists(c) && ConsentGiven(c) => S.Escalated,
        (S.AwaitingCustomer, T.ProvideInformation) => S.Investigating,
        (S.ResolutionProposed, T.AcceptResolution) => S.Resolved,
        (S.ResolutionProposed, T.RejectResolution) => RejectionEscalates(c) ? S.Escalated : S.Investigating,
        (S.Escalated, T.StartInvestigation) => S.Investigating,
        (S.Escalated, T.ProposeResolution) when WithinAuthority(c) => S.ResolutionProposed,
        (S.Resolved, T.StartFollowUp) when !IsSuggestion(c) => S.FollowUp,
        (S.Resolved, T.Close) when FollowUpNotRequired(c) && OutcomeRecorded(c) && RootCauseRecorded(c) => S.Closed,
        (S.Resolved or S.FollowUp, T.Reopen) => S.Reopened,
        (S.FollowUp, T.Close) when OutcomeRecorded(c) && RootCauseRecorded(c) => S.Closed,
        (S.Closed, T.Reopen) when WithinReopenWindow(c) => S.Reopened,
        (S.Reopened, T.StartInvestigation) => S.Investigating,
        (not (S.Closed or S.Withdrawn or S.Rejected or S.Referred), T.Withdraw) => S.Withdrawn,
        (not (S.Closed or S.Withdrawn or S.Rejected or S.Referred), T.Refer) => S.Referred,
        (S.Received or S.Acknowledged or S.Assessed or S.Investigating or S.AwaitingCustomer or S.Reopened, T.Reject) => S.Rejected,
        _ => Refuse(state, trigger),
    };

    private static S Refuse(S state, T trigger) =>
        throw new InvalidOperationException($"No valid leaving transitions are permitted from state '{state}' for trigger '{trigger}'.");

    private static bool IsSuggestion(CaseFile c) => c.Kind == FeedbackKind.Suggestion;

    private static bool HigherLevelExists(CaseFile c) => c.LevelRank + 1 < _levels.Count;

    private static bool ConsentGiven(CaseFile c) => !RequireCustomerConsentToEscalate || c.CustomerConsent;

    private static bool RejectionEscalates(CaseFile c) =>
        EscalateOnRejection && HigherLevelExists(c) && (!RequireCustomerConsentToEscalate || c.CustomerConsent);

    private static bool NothingAlreadyAnswered(CaseFile c)
    {
        if (c.Questions is not { } questions || c.Answered is not { } answered)
        {
            return true;
        }

        foreach (var question in questions)
        {
            if (answered.Contains(question))
            {
                return false;
            }
        }

        return true;
    }

    private static bool WithinAuthority(CaseFile c) =>
        c.Remedies is not { } remedies || Compensation.IsWithin(remedies, _levels[c.LevelRank].AuthorityLimit, Currency);

    private static bool OutcomeRecorded(CaseFile c) => IsSuggestion(c) || c.Outcome is not null;

    private static bool RootCauseRecorded(CaseFile c) => !RequireRootCauseToClose || IsSuggestion(c) || c.RootCause is not null;

    private static bool FollowUpNotRequired(CaseFile c) => IsSuggestion(c) || !RequireFollowUp;

    private static bool WithinReopenWindow(CaseFile c) => c.ClosedAt is { } closedAt && c.Now - closedAt <= _reopenWindow;

    /// <summary>What the guards of the non-library paths read: the complaint's facts and the data of the pending trigger.</summary>
    private sealed class CaseFile
    {
        public S State { get; set; }

        public FeedbackKind Kind { get; set; }

        public int LevelRank { get; set; }

        public Instant Now { get; set; }

        public IReadOnlyList<Remedy>? Remedies { get; set; }

        public bool CustomerConsent { get; set; }

        public IReadOnlyList<string>? Questions { get; set; }

        public HashSet<string>? Answered { get; set; }

        public ComplaintOutcome? Outcome { get; set; }

        public RootCause? RootCause { get; set; }

        public Instant? ClosedAt { get; set; }

        public void Reset(FeedbackKind kind)
        {
            State = S.Received;
            Kind = kind;
            LevelRank = 0;
            Now = default;
            Remedies = null;
            CustomerConsent = false;
            Questions = null;
            Answered = null;
            Outcome = null;
            RootCause = null;
            ClosedAt = null;
        }
    }
}
