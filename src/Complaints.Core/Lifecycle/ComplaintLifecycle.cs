using System.Collections.Frozen;
using Complaints.Core.Domain;
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
    private readonly FrozenSet<ComplaintTrigger>[] _recordingTriggersByState;
    private readonly FrozenSet<(ComplaintState From, ComplaintTrigger Trigger, ComplaintState To)> _edges;
    private readonly ComplaintTrigger[][] _triggersFrom;

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

        Levels = options.EscalationLevels.Count == 0
            ? LifecycleOptions.DefaultEscalationLevels
            : options.EscalationLevels.Select((l, i) => new EscalationLevel(i, l.Name, l.AuthorityLimit)).ToArray();
        AuthorityCurrency = options.AuthorityCurrency;
        ReopenWindow = Duration.FromTimeSpan(options.ReopenWindow);
        RequireRootCauseToClose = options.RequireRootCauseToClose;
        RequireFollowUp = options.RequireFollowUp;
        EscalateOnRejection = options.EscalateOnRejection;
        RequireCustomerConsentToEscalate = options.RequireCustomerConsentToEscalate;

        _recordingTriggersByState = Enum.GetValues<ComplaintState>()
            .Select(s => Enum.GetValues<ComplaintTrigger>().Where(t => IsRecordingTrigger(t) && RecordingPermitted(s, t)).ToFrozenSet())
            .ToArray();
        _pool = new LifecycleRunner?[Math.Max(2, Environment.ProcessorCount * 2)];
        _pool[0] = new LifecycleRunner(this);
        _edges = _pool[0]!.Machine.GetInfo().States
            .SelectMany(s => s.FixedTransitions.Select(t =>
                ((ComplaintState)s.UnderlyingState, (ComplaintTrigger)t.Trigger.UnderlyingTrigger, (ComplaintState)t.DestinationState.UnderlyingState)))
            .ToFrozenSet();
        _triggersFrom = Enum.GetValues<ComplaintState>()
            .Select(state => _edges.Where(e => e.From == state).Select(e => e.Trigger).Distinct().Order().ToArray())
            .ToArray();
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

    /// <summary>Gets whether a state is terminal: no trigger leaves it, except reopening a closed complaint within the window.</summary>
    /// <param name="state">The state.</param>
    /// <returns><see langword="true"/> for <see cref="ComplaintState.Closed"/>, <see cref="ComplaintState.Withdrawn"/>, <see cref="ComplaintState.Rejected"/> and <see cref="ComplaintState.Referred"/>.</returns>
    public static bool IsTerminal(ComplaintState state) =>
        state is ComplaintState.Closed or ComplaintState.Withdrawn or ComplaintState.Rejected or ComplaintState.Referred;

    /// <summary>Gets whether a trigger only records something and never changes the state.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns><see langword="true"/> for <see cref="ComplaintTrigger.RecordCommunication"/> and the triggers after it.</returns>
    public static bool IsRecordingTrigger(ComplaintTrigger trigger) => trigger >= ComplaintTrigger.RecordCommunication;

    /// <summary>Exports the state machine as a Mermaid state diagram.</summary>
    /// <returns>The diagram text, starting with <c>stateDiagram-v2</c>.</returns>
    public string ToMermaid() => WithRunner(r => MermaidGraph.Format(r.Machine.GetInfo()));

    /// <summary>Exports the state machine as a Graphviz DOT graph.</summary>
    /// <returns>The graph text.</returns>
    public string ToDot() => WithRunner(r => UmlDotGraph.Format(r.Machine.GetInfo()));

    /// <summary>Gets whether the definition has a transition from one state to another on a trigger, under some guard.</summary>
    /// <param name="from">The state before.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="to">The state after.</param>
    /// <returns><see langword="true"/> if the state machine defines that transition.</returns>
    public bool HasTransition(ComplaintState from, ComplaintTrigger trigger, ComplaintState to) => _edges.Contains((from, trigger, to));

    internal ComplaintTrigger[] TriggersFrom(ComplaintState state) => _triggersFrom[(int)state];

    internal EscalationLevel? NextLevel(int rank) => rank + 1 < Levels.Count ? Levels[rank + 1] : null;

    internal bool RecordingAllowed(ComplaintState state, ComplaintTrigger trigger) =>
        _recordingTriggersByState[(int)state].Contains(trigger);

    internal IEnumerable<ComplaintTrigger> RecordingTriggers(ComplaintState state) => _recordingTriggersByState[(int)state];

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

    private T WithRunner<T>(Func<LifecycleRunner, T> use)
    {
        var runner = Rent();
        try
        {
            return use(runner);
        }
        finally
        {
            Return(runner);
        }
    }

    private static bool RecordingPermitted(ComplaintState state, ComplaintTrigger trigger) => trigger switch
    {
        ComplaintTrigger.RecordCommunication or ComplaintTrigger.RecordHandlingTime
            or ComplaintTrigger.RecordApproval or ComplaintTrigger.FlagAbusiveContact => true,
        ComplaintTrigger.Rate => state is ComplaintState.Resolved or ComplaintState.FollowUp or ComplaintState.Closed,
        _ => !IsTerminal(state),
    };
}
