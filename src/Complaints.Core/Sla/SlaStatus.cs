using Complaints.Core.Domain;
using NodaTime;

namespace Complaints.Core.Sla;

/// <summary>One stretch of a target's clock: running, or paused in a state, with its working time on the target's calendar.</summary>
/// <param name="Start">Where the stretch starts.</param>
/// <param name="End">Where it ends.</param>
/// <param name="Kind">Whether the clock ran or was paused.</param>
/// <param name="PausedIn">The state that paused it, for a paused stretch.</param>
/// <param name="WorkingTime">The working time between <paramref name="Start"/> and <paramref name="End"/> on the target's calendar.</param>
public readonly record struct SlaSegment(Instant Start, Instant End, SlaSegmentKind Kind, ComplaintState? PausedIn, Duration WorkingTime);

/// <summary>Where one target's clock stands at an instant, with the segments that explain it.</summary>
public sealed class SlaTargetStatus
{
    internal SlaTargetStatus(SlaTarget target, int cycle, SlaClockState state)
    {
        Target = target;
        Cycle = cycle;
        State = state;
    }

    /// <summary>Gets the target.</summary>
    public SlaTarget Target { get; private init; }

    /// <summary>Gets the cycle the status belongs to: 0 from receipt, one more for each reopening that starts a new cycle.</summary>
    public int Cycle { get; }

    /// <summary>Gets where the clock stands.</summary>
    public SlaClockState State { get; }

    /// <summary>Gets when the clock started in this cycle, if it has.</summary>
    public Instant? StartedAt { get; init; }

    /// <summary>Gets the deadline, moved later by the pauses that began before it (while such a pause lasts, no earlier than the instant asked); <see langword="null"/> before the clock starts.</summary>
    public Instant? Deadline { get; init; }

    /// <summary>Gets the deadline the rule gives before any pause; <see langword="null"/> before the clock starts.</summary>
    public Instant? DeadlineBeforePauses { get; init; }

    /// <summary>Gets when the target was met, if it was.</summary>
    public Instant? MetAt { get; init; }

    /// <summary>Gets when the cycle was stopped by a withdrawal, rejection or referral before the target was met, if it was.</summary>
    public Instant? StoppedAt { get; init; }

    /// <summary>Gets the working time the clock ran, pauses left out, up to the instant asked (or the meeting or stop).</summary>
    public Duration Elapsed { get; init; }

    /// <summary>Gets the working time left before the deadline (zero once it has passed).</summary>
    public Duration Remaining { get; init; }

    /// <summary>Gets the working time paused.</summary>
    public Duration Paused { get; init; }

    /// <summary>Gets the share of the time allowed that has been used (above 1 once breached), or <see langword="null"/> when no time is allowed.</summary>
    public double? ShareUsed { get; init; }

    /// <summary>
    /// Gets the earliest instant after the one asked at which this clock's status changes unless a new entry comes
    /// first: a warning threshold passed, or the deadline passed (one nanosecond after it, also for a clock paused by a
    /// pause that began at the deadline and so does not move it); <see langword="null"/> when no instant alone changes
    /// it (paused before the deadline, not started, met, breached or stopped).
    /// </summary>
    public Instant? NextChangeAt { get; init; }

    /// <summary>
    /// Gets whether an earlier cycle of this target, ended by a reopening under <see cref="ReopenRule.NewCycle"/>, was
    /// breached (the same-named target of the policy that applied in the group then). The breach is kept through later
    /// cycles, whatever becomes of them, and set aside only by a reopening under <see cref="ReopenRule.Reset"/>.
    /// </summary>
    public bool BreachedEarlier { get; internal set; }

    internal int MetIndex { get; init; } = -1;

    /// <summary>Gets this status reported under another target (the stricter of two under <see cref="SlaChangeRule.Stricter"/>).</summary>
    internal SlaTargetStatus ReportedAs(SlaTarget target) => target == Target ? this : new SlaTargetStatus(target, Cycle, State)
    {
        StartedAt = StartedAt,
        Deadline = Deadline,
        DeadlineBeforePauses = DeadlineBeforePauses,
        MetAt = MetAt,
        StoppedAt = StoppedAt,
        Elapsed = Elapsed,
        Remaining = Remaining,
        Paused = Paused,
        ShareUsed = ShareUsed,
        NextChangeAt = NextChangeAt,
        MetIndex = MetIndex,
        Timeline = Timeline,
        BreachedEarlier = BreachedEarlier,
    };

    /// <summary>Gets the clock's segments, oldest first: running and paused stretches from the start to the instant asked, the meeting or the stop.</summary>
    public IReadOnlyList<SlaSegment> Timeline { get; init; } = [];

    /// <inheritdoc/>
    public override string ToString() => $"{Target.Name}: {State}{(Deadline is { } d ? $", due {d}" : string.Empty)}";
}

/// <summary>The status of every target of the policy that applies to a complaint in one group.</summary>
public sealed class SlaPolicyStatus
{
    internal SlaPolicyStatus(SlaPolicy policy, IReadOnlyList<SlaTargetStatus> targets)
    {
        Policy = policy;
        Targets = targets;
    }

    /// <summary>Gets the group the policy applies in.</summary>
    public string Group => Policy.Group;

    /// <summary>Gets the policy that applies.</summary>
    public SlaPolicy Policy { get; }

    /// <summary>Gets the status of each target, in the policy's order.</summary>
    public IReadOnlyList<SlaTargetStatus> Targets { get; }
}

/// <summary>A complaint's service-level status at an instant: one entry per group whose policies select it.</summary>
public sealed class SlaEvaluation
{
    internal SlaEvaluation(ComplaintId complaintId, Instant asOf, IReadOnlyList<SlaPolicyStatus> policies)
    {
        ComplaintId = complaintId;
        AsOf = asOf;
        Policies = policies;
    }

    /// <summary>Gets the complaint evaluated.</summary>
    public ComplaintId ComplaintId { get; }

    /// <summary>Gets the instant evaluated at; entries after it were left out.</summary>
    public Instant AsOf { get; }

    /// <summary>Gets the status under each applying policy, one per group, in the engine's order.</summary>
    public IReadOnlyList<SlaPolicyStatus> Policies { get; }

    /// <summary>
    /// Gets the earliest instant after <see cref="AsOf"/> at which any target's status changes unless a new entry comes
    /// first, so a host can set one timer per complaint instead of polling; <see langword="null"/> when none will.
    /// </summary>
    public Instant? NextChangeAt
    {
        get
        {
            Instant? next = null;
            foreach (var policy in Policies)
            {
                foreach (var target in policy.Targets)
                {
                    if (target.NextChangeAt is { } at && (next is null || at < next))
                    {
                        next = at;
                    }
                }
            }

            return next;
        }
    }

    /// <summary>Finds a target's status by policy and target name.</summary>
    /// <param name="policy">The policy's name.</param>
    /// <param name="target">The target's name.</param>
    /// <returns>The status, or <see langword="null"/> when that policy does not apply or has no such target.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public SlaTargetStatus? Find(string policy, string target)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(target);
        foreach (var p in Policies)
        {
            if (p.Policy.Name == policy)
            {
                foreach (var t in p.Targets)
                {
                    if (t.Target.Name == target)
                    {
                        return t;
                    }
                }
            }
        }

        return null;
    }
}
