using Complaints.Core.Domain;
using Complaints.Core.History;
using NodaTime;

namespace Complaints.Core.Sla;

/// <summary>
/// Derives service-level status from a complaint's history: which policies apply, and for each target where its clock
/// stands at an instant, with the timeline that explains it. A pure function of the history, the policies and the
/// instant asked: it reads no clock, and asking about a past instant leaves out the entries after it.
/// </summary>
/// <remarks>
/// <para>
/// Policies are taken in order. Within a group, the first policy that selects the complaint (by its fields as of the
/// instant asked) applies; each group is reported separately, so a customer policy, an internal target and a
/// regulatory deadline can apply at once. When a field such as the priority changes, the policy that selects the
/// complaint now applies, and its <see cref="SlaPolicy.OnChange"/> says how: counted from the same start (elapsed time
/// kept, the default), started again at the change, or the stricter of its own and the previous policy's deadline.
/// </para>
/// <para>
/// A target's clock starts at its start event in the cycle (receipt, or the reopening that started the cycle); its
/// deadline is the target's <see cref="Deadlines.DeadlineRule"/> from its anchor in the cycle (a holding reply sent
/// before the normal deadline applies the rule's extension), moved later by the working time of every pause that began
/// before it (a pause is judged once, when it begins, and the clock cannot run out while it lasts: during it the
/// deadline is no earlier than the instant asked). The target is met by the first meeting event after the start, on
/// time or late; a deadline passed while the clock ran is breached, and both are final within the cycle. A withdrawal,
/// rejection or referral stops the cycle.
/// </para>
/// <para>The engine is immutable and safe to share across threads.</para>
/// </remarks>
public sealed class SlaEngine
{
    private readonly SlaPolicy[] _policies;
    private readonly string[] _required;

    /// <summary>Initializes a new instance of the <see cref="SlaEngine"/> class.</summary>
    /// <param name="policies">The policies, in order of precedence within each group.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policies"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A policy is <see langword="null"/>, or two policies share a name.</exception>
    public SlaEngine(IEnumerable<SlaPolicy> policies)
        : this(policies, [])
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SlaEngine"/> class with groups every complaint must have a policy in.</summary>
    /// <param name="policies">The policies, in order of precedence within each group.</param>
    /// <param name="requiredGroups">The groups in which some policy must select every complaint evaluated (for example <c>regulatory</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="policies"/> or <paramref name="requiredGroups"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A policy is <see langword="null"/>, two policies share a name, or a required group has no policy.</exception>
    public SlaEngine(IEnumerable<SlaPolicy> policies, IEnumerable<string> requiredGroups)
    {
        ArgumentNullException.ThrowIfNull(requiredGroups);
        _policies = [.. Guard.List(policies, nameof(policies))];
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var policy in _policies)
        {
            if (!names.Add(policy.Name))
            {
                throw new ArgumentException($"Two policies are named '{policy.Name}'; policy names must be unique.", nameof(policies));
            }
        }

        Policies = Array.AsReadOnly(_policies);
        _required = [.. requiredGroups.Select((g, i) => Guard.Text(g, $"{nameof(requiredGroups)}[{i}]", TextLimits.Name))];
        foreach (var group in _required)
        {
            if (!Array.Exists(_policies, p => p.Group == group))
            {
                throw new ArgumentException($"Required group '{group}' has no policy.", nameof(requiredGroups));
            }
        }

        RequiredGroups = Array.AsReadOnly(_required);
        Layout = new SlaLayout(_policies, _required);
    }

    /// <summary>Gets the groups in which some policy must select every complaint evaluated.</summary>
    public IReadOnlyList<string> RequiredGroups { get; }

    /// <summary>Gets the policies, in order.</summary>
    public IReadOnlyList<SlaPolicy> Policies { get; }

    internal SlaPolicy[] PolicyArray => _policies;

    internal SlaLayout Layout { get; }

    /// <summary>Starts the clocks of a complaint just received, to be kept entry by entry with <see cref="SlaClocks.Apply"/>.</summary>
    /// <param name="id">The complaint's id.</param>
    /// <param name="intake">The complaint's intake.</param>
    /// <returns>The clocks as of receipt.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="intake"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A target's calendar does not cover the receipt; the message names the complaint, the policy and the target.</exception>
    public SlaClocks Track(ComplaintId id, ComplaintIntake intake)
    {
        ArgumentNullException.ThrowIfNull(intake);
        return new SlaClocks(this, id, intake);
    }

    /// <summary>Builds the clocks of a complaint from its history once, to be kept entry by entry from then on with <see cref="SlaClocks.Apply"/>.</summary>
    /// <param name="complaint">The complaint's snapshot (<c>complaint.Snapshot</c>).</param>
    /// <returns>The clocks after the snapshot's latest entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaint"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A target's calendar does not cover an instant of the history; the message names the complaint, the policy and the target.</exception>
    public SlaClocks Track(ComplaintSnapshot complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var clocks = Track(complaint.Id, complaint.Intake);
        foreach (var entry in complaint.History)
        {
            clocks = clocks.Apply(entry);
        }

        return clocks;
    }

    /// <summary>Gets the most states <see cref="StatesAt"/> writes for any complaint: per group, the targets of its largest policy.</summary>
    public int MaxTargetCount => Layout.MaxReported;

    /// <summary>Evaluates every applying policy's targets for a complaint as of an instant.</summary>
    /// <param name="complaint">The complaint's snapshot (<c>complaint.Snapshot</c>).</param>
    /// <param name="asOf">The instant; entries after it are left out.</param>
    /// <returns>The status per applying policy and target.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaint"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No policy of a required group selects the complaint; the message names the complaint, the group and its fields.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="asOf"/> is before the complaint was received, or a target's calendar does not cover an instant
    /// the target needs; the message names the complaint, the policy and the target.
    /// </exception>
    public SlaEvaluation Evaluate(ComplaintSnapshot complaint, Instant asOf)
    {
        var then = Then(complaint, asOf);
        var history = then.History;
        Span<int> events = history.Count <= StackEntries ? stackalloc int[history.Count] : new int[history.Count];
        SlaEvents.Fill(history, events);
        Span<bool> taken = Layout.Groups.Length <= StackEntries ? stackalloc bool[Layout.Groups.Length] : new bool[Layout.Groups.Length];
        Span<ClockMark> marks = Layout.MaxPolicyTargets <= StackEntries ? stackalloc ClockMark[Layout.MaxPolicyTargets] : new ClockMark[Layout.MaxPolicyTargets];
        Span<bool> breached = Layout.KeyCount <= StackEntries ? stackalloc bool[Layout.KeyCount] : new bool[Layout.KeyCount];
        BreachedEarlier(then, events, taken, marks, breached);
        taken.Clear();
        var results = new List<SlaPolicyStatus>();
        for (var p = 0; p < _policies.Length; p++)
        {
            var policy = _policies[p];
            if (!Applies(then, p, taken, out var restartIndex, out var before))
            {
                continue;
            }

            // A chained clock counts from its own policy's earlier clock, whichever deadline is reported.
            var targets = new SlaTargetStatus[policy.Targets.Count];
            for (var i = 0; i < targets.Length; i++)
            {
                var target = policy.Targets[i];
                try
                {
                    var own = SlaClock.Evaluate(target, then, events, asOf, marks, restartIndex);
                    marks[i] = new ClockMark(own.Cycle, own.MetIndex);
                    targets[i] = own;
                    if (before?.StricterCounterpart(target) is { } earlierTarget)
                    {
                        var other = SlaClock.Evaluate(earlierTarget, then, events, asOf, marks);
                        if (other.Deadline < own.Deadline)
                        {
                            targets[i] = other.ReportedAs(target);
                        }
                    }

                    targets[i].BreachedEarlier = breached[Layout.KeyOf(p, i)];
                }
                catch (ArgumentOutOfRangeException ex)
                {
                    throw Named(complaint, policy, target, ex);
                }
            }

            results.Add(new SlaPolicyStatus(policy, Array.AsReadOnly(targets)));
        }

        CheckRequired(then, asOf, taken);
        return new SlaEvaluation(complaint.Id, asOf, Array.AsReadOnly(results.ToArray()));
    }

    /// <summary>
    /// Writes where each target of the applying policies stands at an instant, replaying the history without building
    /// timelines: the same states, in the same order, as <see cref="Evaluate"/>. Nothing is allocated when the targets'
    /// rules count business days, working time or elapsed time (a calendar-day rule maps a date in the calendar's zone).
    /// </summary>
    /// <param name="complaint">The complaint's snapshot (<c>complaint.Snapshot</c>).</param>
    /// <param name="asOf">The instant; entries after it are left out.</param>
    /// <param name="destination">Where to write; <see cref="MaxTargetCount"/> is always long enough.</param>
    /// <returns>The number of states written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaint"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> is too short for the applying policies' targets, or no policy of a required group
    /// selects the complaint; the message names the complaint.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="asOf"/> is before the complaint was received, or a target's calendar does not cover an instant
    /// the target needs; the message names the complaint, the policy and the target.
    /// </exception>
    public int StatesAt(ComplaintSnapshot complaint, Instant asOf, Span<SlaTargetState> destination) =>
        Settle(complaint, asOf, destination, out _, write: true);

    /// <summary>
    /// Gets the earliest instant after <paramref name="asOf"/> at which any target's status changes unless a new entry
    /// comes first, replaying the history without building timelines (allocating nothing as <see cref="StatesAt"/>
    /// does not): the same instant as <see cref="SlaEvaluation.NextChangeAt"/>.
    /// </summary>
    /// <param name="complaint">The complaint's snapshot (<c>complaint.Snapshot</c>).</param>
    /// <param name="asOf">The instant; entries after it are left out.</param>
    /// <returns>The instant, or <see langword="null"/> when no target changes by time alone.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaint"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No policy of a required group selects the complaint.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before the complaint was received, or a target's calendar does not cover an instant the target needs.</exception>
    public Instant? NextChangeAt(ComplaintSnapshot complaint, Instant asOf)
    {
        Settle(complaint, asOf, [], out var next, write: false);
        return next;
    }

    private const int StackEntries = 128;

    private static readonly int ReopenedBit = SlaEvents.Bit(SlaEvent.Reopened);

    private int Settle(ComplaintSnapshot complaint, Instant asOf, Span<SlaTargetState> destination, out Instant? next, bool write)
    {
        var then = Then(complaint, asOf);
        var history = then.History;
        Span<int> events = history.Count <= StackEntries ? stackalloc int[history.Count] : new int[history.Count];
        SlaEvents.Fill(history, events);
        Span<bool> taken = Layout.Groups.Length <= StackEntries ? stackalloc bool[Layout.Groups.Length] : new bool[Layout.Groups.Length];
        Span<ClockMark> marks = Layout.MaxPolicyTargets <= StackEntries ? stackalloc ClockMark[Layout.MaxPolicyTargets] : new ClockMark[Layout.MaxPolicyTargets];
        Span<bool> breached = Layout.KeyCount <= StackEntries ? stackalloc bool[Layout.KeyCount] : new bool[Layout.KeyCount];
        var needed = BreachedEarlier(then, events, taken, marks, breached);
        taken.Clear();
        var written = 0;
        next = null;
        for (var p = 0; p < _policies.Length; p++)
        {
            var policy = _policies[p];
            if (!Applies(then, p, taken, out var restartIndex, out var before))
            {
                continue;
            }

            if (write && written + policy.Targets.Count > destination.Length)
            {
                throw new ArgumentException(
                    $"Complaint {complaint.Id}: destination holds {destination.Length} states; policy '{policy.Name}' needs room for {written + policy.Targets.Count} (MaxTargetCount is {MaxTargetCount}).",
                    nameof(destination));
            }

            for (var i = 0; i < policy.Targets.Count; i++)
            {
                var reported = Settle(complaint, then, p, i, events, asOf, marks, restartIndex, before);
                if (write)
                {
                    destination[written] = new SlaTargetState(policy, policy.Targets[i], reported.Cycle, reported.State, needed && breached[Layout.KeyOf(p, i)]);
                }

                written++;
                if (reported.NextChangeAt is { } at && (next is null || at < next))
                {
                    next = at;
                }
            }
        }

        CheckRequired(then, asOf, taken);
        return written;
    }

    /// <summary>One target's state as reported: its own clock's, or under the stricter rule the earlier policy's when that deadline is earlier.</summary>
    private Settled Settle(
        ComplaintSnapshot complaint, ComplaintSnapshot then, int p, int i, ReadOnlySpan<int> events, Instant asOf, Span<ClockMark> marks, int restartIndex, SlaPolicy? before)
    {
        var policy = _policies[p];
        var target = policy.Targets[i];
        try
        {
            var own = SlaClock.Settle(target, then, events, asOf, marks, restartIndex);
            marks[i] = new ClockMark(own.Cycle, own.MetIndex);
            if (before?.StricterCounterpart(target) is { } earlierTarget)
            {
                var other = SlaClock.Settle(earlierTarget, then, events, asOf, marks);
                if (other.Deadline < own.Deadline)
                {
                    return other;
                }
            }

            return own;
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw Named(complaint, policy, target, ex);
        }
    }

    /// <summary>
    /// Marks, per group and target name, whether an earlier cycle ended by a reopening was breached: at each reopening,
    /// a target whose rule is <see cref="ReopenRule.NewCycle"/> keeps the breach of the cycle it ends, and one whose rule
    /// is <see cref="ReopenRule.Reset"/> sets aside every breach before it. Returns whether the history has a reopening.
    /// </summary>
    private bool BreachedEarlier(ComplaintSnapshot then, ReadOnlySpan<int> events, Span<bool> taken, Span<ClockMark> marks, Span<bool> breached)
    {
        var any = false;
        for (var r = 0; r < events.Length; r++)
        {
            if ((events[r] & ReopenedBit) == 0)
            {
                continue;
            }

            // The cycle the reopening ends, as it stood at the reopening: the entries before it, at its instant.
            any = true;
            var ended = then.Prefix(r);
            var at = then.History[r].At;
            taken.Clear();
            for (var p = 0; p < _policies.Length; p++)
            {
                if (!Applies(ended, p, taken, out var restartIndex, out var before))
                {
                    continue;
                }

                var targets = _policies[p].Targets;
                for (var i = 0; i < targets.Count; i++)
                {
                    var state = Settle(then, ended, p, i, events[..r], at, marks, restartIndex, before).State;
                    ref var key = ref breached[Layout.KeyOf(p, i)];
                    key = targets[i].OnReopen switch
                    {
                        ReopenRule.NewCycle => key || state == SlaClockState.Breached,
                        ReopenRule.Reset => false,
                        _ => key,
                    };
                }
            }
        }

        return any;
    }

    private static ArgumentOutOfRangeException Named(ComplaintSnapshot complaint, SlaPolicy policy, SlaTarget target, ArgumentOutOfRangeException ex) =>
        new(nameof(complaint), $"Complaint {complaint.Id}, policy '{policy.Name}', target '{target.Name}': {ex.Message}");

    private static ComplaintSnapshot Then(ComplaintSnapshot complaint, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (asOf < complaint.Intake.ReceivedAt)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), asOf, $"Complaint {complaint.Id}: asOf is before the complaint was received ({complaint.Intake.ReceivedAt}).");
        }

        return complaint.AsOf(asOf);
    }

    /// <summary>
    /// Whether policy <paramref name="p"/> is the one that applies in its group (the first that selects the complaint),
    /// and if so from which entry its clocks restart (-1: none) and which policy it is compared with under the stricter rule.
    /// </summary>
    private bool Applies(ComplaintSnapshot then, int p, Span<bool> taken, out int restartIndex, out SlaPolicy? before)
    {
        var policy = _policies[p];
        restartIndex = -1;
        before = null;
        ref var groupTaken = ref taken[Layout.GroupOf[p]];
        if (groupTaken || !policy.Selects(then))
        {
            return false;
        }

        groupTaken = true;
        if (policy.OnChange != SlaChangeRule.KeepElapsed)
        {
            var (switchIndex, earlier) = Switch(then, policy);
            restartIndex = policy.OnChange == SlaChangeRule.Restart ? switchIndex : -1;
            before = policy.OnChange == SlaChangeRule.Stricter ? earlier : null;
        }

        return true;
    }

    private void CheckRequired(ComplaintSnapshot complaint, Instant asOf, Span<bool> taken)
    {
        foreach (var group in Layout.RequiredGroups)
        {
            if (!taken[group])
            {
                throw new ArgumentException(
                    $"Complaint {complaint.Id}: no policy of the required group '{Layout.Groups[group]}' selects it as of {asOf} (kind {complaint.Kind}, priority {complaint.Priority}, severity {complaint.Severity}, channel {complaint.Intake.Channel}, tier '{complaint.CustomerTier}', category {complaint.Category}, team '{complaint.Team}').",
                    nameof(complaint));
            }
        }
    }

    /// <summary>
    /// Finds the entry at which a policy became the one that applies in its group, and the policy that applied before
    /// it (<see langword="null"/> when none did); (-1, null) when it has applied from receipt.
    /// </summary>
    private (int Index, SlaPolicy? Before) Switch(ComplaintSnapshot complaint, SlaPolicy policy)
    {
        // One fold of the selecting fields, forward: the policy that applied before each entry; the last entry before which another applied is the switch.
        var history = complaint.History;
        var fields = SlaFields.Of(complaint.Intake);
        (int Index, SlaPolicy? Before) found = (-1, null);
        for (var i = 0; i < history.Count; i++)
        {
            if (Selected(fields, policy.Group) is var applied && applied != policy)
            {
                found = (i, applied);
            }

            fields = fields.With(history[i].Data);
        }

        return found;
    }

    private SlaPolicy? Selected(in SlaFields complaint, string group)
    {
        foreach (var policy in _policies)
        {
            if (policy.Group == group && policy.Selects(complaint))
            {
                return policy;
            }
        }

        return null;
    }
}
