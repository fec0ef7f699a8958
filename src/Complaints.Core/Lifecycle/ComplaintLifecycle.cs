using System.Collections.Frozen;
using Complaints.Core.Domain;
using Complaints.Core.History;
using Microsoft.Extensions.Options;
using NodaTime;
using Stateless.Graph;

namespace Complaints.Core.Lifecycle;

/// <summary>
/// The one definition of the complaint lifecycle, shared by every complaint: its states, triggers and guards,
/// built on a Stateless state machine from <see cref="LifecycleOptions"/>. A complaint holds only its state and history.
/// </summary>
/// <remarks>
/// <para>
/// The definition is immutable and safe to share across threads. Stateless machines with external state are not
/// thread-safe by themselves, so the lifecycle keeps a small pool of configured machines and lends one to each
/// firing; concurrent firings on different complaints never share a machine, and no firing configures a machine
/// for one complaint. A single <see cref="Complaint"/> is not thread-safe: change it from one thread at a time.
/// </para>
/// <para>Transitions run no actions and do no I/O: notifications belong after the host has saved the complaint.</para>
/// </remarks>
public sealed class ComplaintLifecycle
{
    private readonly LifecycleRunner?[] _pool;
    private readonly FrozenSet<(ComplaintState From, ComplaintTrigger Trigger, ComplaintState To)> _edges;

    /// <summary>Initializes a new instance of the <see cref="ComplaintLifecycle"/> class with the default options.</summary>
    public ComplaintLifecycle()
        : this(new LifecycleOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ComplaintLifecycle"/> class.</summary>
    /// <param name="options">The guard settings. They are copied: later changes to the object have no effect.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid; the exception lists every error with its field.</exception>
    public ComplaintLifecycle(LifecycleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new LifecycleOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(LifecycleOptions), result.Failures);
        }

        Levels = Array.AsReadOnly(options.EscalationLevels.Count == 0
            ? [.. LifecycleOptions.DefaultEscalationLevels]
            : options.EscalationLevels.Select((l, i) => new EscalationLevel(i, l.Name, l.AuthorityLimit)
            {
                ResponseTarget = l.ResponseTarget is { } target ? Duration.FromTimeSpan(target) : null,
            }).ToArray());
        AuthorityCurrency = options.AuthorityCurrency;
        ReopenWindow = Duration.FromTimeSpan(options.ReopenWindow);
        RequireRootCauseToClose = options.RequireRootCauseToClose;
        RequireFollowUp = options.RequireFollowUp;
        EscalateOnRejection = options.EscalateOnRejection;
        RequireCustomerConsentToEscalate = options.RequireCustomerConsentToEscalate;

        _pool = new LifecycleRunner?[Math.Max(2, Environment.ProcessorCount * 2)];
        _pool[0] = new LifecycleRunner(this);
        _edges = _pool[0]!.Edges.ToFrozenSet();
    }

    /// <summary>Gets the escalation ladder, lowest level first.</summary>
    public IReadOnlyList<EscalationLevel> Levels { get; }

    /// <summary>Gets the currency of the authority limits.</summary>
    public string AuthorityCurrency { get; }

    /// <summary>Gets how long after closure a complaint may be reopened.</summary>
    public Duration ReopenWindow { get; }

    /// <summary>Gets whether closing a complaint or claim needs a root cause.</summary>
    public bool RequireRootCauseToClose { get; }

    /// <summary>Gets whether a resolved complaint or claim must be followed up before it is closed.</summary>
    public bool RequireFollowUp { get; }

    /// <summary>Gets whether the customer's rejection of a proposed resolution escalates the case.</summary>
    public bool EscalateOnRejection { get; }

    /// <summary>Gets whether escalation into <see cref="ComplaintState.Escalated"/> needs the customer's consent.</summary>
    public bool RequireCustomerConsentToEscalate { get; }

    /// <summary>Exports the state machine as a Mermaid state diagram.</summary>
    /// <returns>The diagram text, starting with <c>stateDiagram-v2</c>.</returns>
    public string ToMermaid() => WithRunner(0, static (r, _) => MermaidGraph.Format(r.Machine.GetInfo()));

    /// <summary>Exports the state machine as a Graphviz DOT graph.</summary>
    /// <returns>The graph text.</returns>
    public string ToDot() => WithRunner(0, static (r, _) => UmlDotGraph.Format(r.Machine.GetInfo()));

    /// <summary>Gets whether the definition has a transition from one state to another on a trigger, under some guard.</summary>
    /// <param name="from">The state before.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="to">The state after.</param>
    /// <returns><see langword="true"/> if the state machine defines that transition.</returns>
    public bool HasTransition(ComplaintState from, ComplaintTrigger trigger, ComplaintState to) => _edges.Contains((from, trigger, to));

    internal TransitionCheck Check(ComplaintSnapshot snapshot, ComplaintTrigger trigger, HistoryData? data, Instant at) =>
        WithRunner((snapshot, trigger, data, at), static (r, q) => r.Check(q.snapshot, q.trigger, q.data, q.at));

    /// <summary>The verbs' question, without allocating an answer: the destination, or <see langword="null"/> when refused.</summary>
    internal ComplaintState? Destination(ComplaintSnapshot snapshot, ComplaintTrigger trigger, HistoryData data, Instant at) =>
        WithRunner((snapshot, trigger, data, at), static (r, q) => r.Destination(q.snapshot, q.trigger, q.data, q.at));

    internal bool CanFire(ComplaintSnapshot snapshot, ComplaintTrigger trigger) =>
        WithRunner((snapshot, trigger), static (r, q) => r.CanFire(q.snapshot, q.trigger, q.snapshot.LastActivityAt));

    internal IReadOnlyList<ComplaintTrigger> Permitted(ComplaintSnapshot snapshot) =>
        WithRunner(snapshot, static (r, q) => r.Permitted(q, q.LastActivityAt));

    /// <summary>
    /// Completes data whose content follows from where the trigger leads, as the verbs record it: a rejection from the
    /// current level reaches the next level when it escalates and stays otherwise.
    /// </summary>
    internal static HistoryData Settle(ComplaintSnapshot snapshot, HistoryData data, ComplaintState destination) =>
        data is ResolutionRejection r && r.FromLevel == snapshot.LevelRank
            ? new ResolutionRejection(r.Comment, r.ConsentToEscalate, r.FromLevel, destination == ComplaintState.Escalated ? r.FromLevel + 1 : r.FromLevel)
            : data;

    /// <summary>
    /// Checks that data recorded on a trigger fits the complaint it is applied to, by the rules the verbs follow when
    /// they build it: changes start from the current value, escalations and de-escalations from the current level and onto the ladder.
    /// </summary>
    /// <returns><see langword="null"/> when it fits; otherwise what is wrong, naming the field.</returns>
    internal string? Misfit(ComplaintSnapshot snapshot, ComplaintTrigger trigger, HistoryData data, ComplaintState destination) => data switch
    {
        Escalation { CustomerConsent: true } when trigger == ComplaintTrigger.RaiseLevel =>
            "data.CustomerConsent is true, but RaiseLevel raises the level without asking the customer (Escalate records consent)",
        Escalation e when e.FromLevel != snapshot.LevelRank =>
            $"data.FromLevel is {e.FromLevel}, but the complaint is at level {snapshot.LevelRank}",
        Escalation e when e.ToLevel >= Levels.Count =>
            $"data.ToLevel is {e.ToLevel}, beyond the top of the {Levels.Count}-level ladder",
        Deescalation d when d.FromLevel != snapshot.LevelRank =>
            $"data.FromLevel is {d.FromLevel}, but the complaint is at level {snapshot.LevelRank}",
        ResolutionRejection r when r.FromLevel != snapshot.LevelRank =>
            $"data.FromLevel is {r.FromLevel}, but the complaint is at level {snapshot.LevelRank}",
        ResolutionRejection r when r.ToLevel != (destination == ComplaintState.Escalated ? r.FromLevel + 1 : r.FromLevel) =>
            $"data.ToLevel is {r.ToLevel}, but a rejection that moves to {destination} leaves the complaint at level {(destination == ComplaintState.Escalated ? r.FromLevel + 1 : r.FromLevel)}",
        PriorityChange c when c.From != snapshot.Priority => $"data.From is {c.From}, but the priority is {snapshot.Priority}",
        SeverityChange c when c.From != snapshot.Severity => $"data.From is {c.From}, but the severity is {snapshot.Severity}",
        CategoryChange c when c.From != snapshot.Category => $"data.From is {c.From}, but the category is {snapshot.Category}",
        AssignmentChange c when c.FromTeam != snapshot.Team || c.FromAssignee != snapshot.Assignee =>
            $"data.FromTeam and data.FromAssignee are '{c.FromTeam}' and '{c.FromAssignee}', but the complaint is with '{snapshot.Team}' and '{snapshot.Assignee}'",
        PromisedDateChange c when c.From != snapshot.PromisedAt => $"data.From is {c.From}, but the promised date is {snapshot.PromisedAt}",
        CustomerTierChange c when c.From != snapshot.CustomerTier => $"data.From is '{c.From}', but the customer tier is '{snapshot.CustomerTier}'",
        _ => null,
    };

    internal LifecycleRunner Rent()
    {
        var pool = _pool;
        for (var i = 0; i < pool.Length; i++)
        {
            var runner = Interlocked.Exchange(ref pool[i], null);
            if (runner is not null)
            {
                return runner;
            }
        }

        return new LifecycleRunner(this);
    }

    internal void Return(LifecycleRunner runner)
    {
        runner.Clear();
        var pool = _pool;
        for (var i = 0; i < pool.Length; i++)
        {
            if (Interlocked.CompareExchange(ref pool[i], runner, null) is null)
            {
                return;
            }
        }
    }

    /// <summary>Lends a runner to one question; the question's arguments travel as state, so no closure is allocated.</summary>
    private T WithRunner<TState, T>(TState state, Func<LifecycleRunner, TState, T> use)
    {
        var runner = Rent();
        try
        {
            return use(runner, state);
        }
        finally
        {
            Return(runner);
        }
    }
}
