using System.Runtime.CompilerServices;
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

    /// <summary>
    /// Reads clocks back from the form <see cref="SlaClocks.ToJson"/> wrote, to go on applying entries with
    /// <see cref="SlaClocks.Apply"/>: they answer exactly as the clocks that were stored.
    /// </summary>
    /// <param name="json">The stored form.</param>
    /// <returns>The clocks.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="System.Text.Json.JsonException">
    /// The document is not well-formed, is of another format version, misses a property, has an unknown one, or holds
    /// a value its type refuses; the message names the JSON path.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// The clocks were stored for another policy set (the policies or targets differ from this engine's), or a stored
    /// value cannot be (an entry index beyond the entries applied, an instant outside receipt to the latest entry,
    /// pauses out of order); the message names the complaint and the field.
    /// </exception>
    public SlaClocks RestoreClocks(string json) => SlaClocks.FromJson(this, json);

    /// <summary>Gets the most states <see cref="StatesAt(ComplaintSnapshot, Instant, Span{SlaTargetState})"/> writes for any complaint: per group, the targets of its largest policy.</summary>
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
        var sink = new StatusSink(new List<SlaPolicyStatus>());
        Walk(complaint, asOf, ref sink);
        return new SlaEvaluation(complaint.Id, asOf, Array.AsReadOnly(sink.Results.ToArray()));
    }

    /// <summary>
    /// Writes where each target of the applying policies stands at an instant, replaying the history without building
    /// timelines: the same states, in the same order, as <see cref="Evaluate"/>. Nothing is allocated when the targets'
    /// rules count business days, working time or elapsed time (a calendar-day rule maps a date in the calendar's zone)
    /// and the complaint was never reopened (each reopening's cycle is judged on the complaint as it was before it).
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
    public int StatesAt(ComplaintSnapshot complaint, Instant asOf, Span<SlaTargetState> destination)
    {
        var sink = new StateSink(destination, write: true, MaxTargetCount);
        Walk(complaint, asOf, ref sink);
        return sink.Written;
    }

    /// <summary>
    /// Gets the earliest instant after <paramref name="asOf"/> at which any target's status changes unless a new entry
    /// comes first, replaying the history without building timelines (allocating nothing as <see cref="StatesAt(ComplaintSnapshot, Instant, Span{SlaTargetState})"/>
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
        var sink = new StateSink([], write: false, MaxTargetCount);
        Walk(complaint, asOf, ref sink);
        return sink.Next;
    }

    /// <summary>
    /// Writes where each target of many complaints stands at one instant: complaint <c>j</c>'s states, exactly as
    /// <see cref="StatesAt(ComplaintSnapshot, Instant, Span{SlaTargetState})"/> gives them, at
    /// <c>j × <see cref="MaxTargetCount"/></c> onwards, and how many there are at <c>written[j]</c>. The complaints are
    /// read a block at a time, each block's snapshots and histories fetched together before any of them is evaluated,
    /// so a page of complaints costs less than the same complaints asked one by one. Nothing is allocated when nothing
    /// would be for each complaint alone.
    /// </summary>
    /// <param name="complaints">The complaints' snapshots.</param>
    /// <param name="asOf">The instant; entries after it are left out.</param>
    /// <param name="destination">Where to write the states; at least <c>complaints.Length × <see cref="MaxTargetCount"/></c> long.</param>
    /// <param name="written">Where to write how many states each complaint has; at least <c>complaints.Length</c> long.</param>
    /// <exception cref="ArgumentNullException">A complaint is <see langword="null"/>; the message gives its index, and nothing is written.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> or <paramref name="written"/> is too short (nothing is written), or no policy of
    /// a required group selects a complaint (the message names it).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="asOf"/> is before a complaint was received (the message names it, and nothing is written), or a
    /// target's calendar does not cover an instant a target needs (the message names the complaint, the policy and the
    /// target; the complaints before it are written).
    /// </exception>
    public void StatesAt(ReadOnlySpan<ComplaintSnapshot> complaints, Instant asOf, Span<SlaTargetState> destination, Span<int> written)
    {
        var width = MaxTargetCount;
        CheckLength(complaints.Length, destination.Length, width, nameof(destination), "states");
        CheckLength(complaints.Length, written.Length, 1, nameof(written), "counts");
        CheckReceived(complaints, asOf);
        for (var from = 0; from < complaints.Length; from += BatchBlock)
        {
            var block = complaints.Slice(from, Math.Min(BatchBlock, complaints.Length - from));
            Fetch(block);
            for (var j = 0; j < block.Length; j++)
            {
                var index = from + j;
                written[index] = StatesAt(block[j], asOf, destination.Slice(index * width, width));
            }
        }
    }

    /// <summary>
    /// Writes, for many complaints, the earliest instant after <paramref name="asOf"/> at which any target's status
    /// changes unless a new entry comes first: complaint <c>j</c>'s at <c>destination[j]</c>, exactly as
    /// <see cref="NextChangeAt(ComplaintSnapshot, Instant)"/> gives it, each block of complaints fetched together as
    /// <see cref="StatesAt(ReadOnlySpan{ComplaintSnapshot}, Instant, Span{SlaTargetState}, Span{int})"/> does.
    /// </summary>
    /// <param name="complaints">The complaints' snapshots.</param>
    /// <param name="asOf">The instant; entries after it are left out.</param>
    /// <param name="destination">Where to write; at least <c>complaints.Length</c> long; <see langword="null"/> where no target changes by time alone.</param>
    /// <exception cref="ArgumentNullException">A complaint is <see langword="null"/>; the message gives its index, and nothing is written.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short (nothing is written), or no policy of a required group selects a complaint (the message names it).</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="asOf"/> is before a complaint was received (the message names it, and nothing is written), or a
    /// target's calendar does not cover an instant a target needs (the message names the complaint, the policy and the
    /// target; the complaints before it are written).
    /// </exception>
    public void NextChangeAt(ReadOnlySpan<ComplaintSnapshot> complaints, Instant asOf, Span<Instant?> destination)
    {
        CheckLength(complaints.Length, destination.Length, 1, nameof(destination), "instants");
        CheckReceived(complaints, asOf);
        for (var from = 0; from < complaints.Length; from += BatchBlock)
        {
            var block = complaints.Slice(from, Math.Min(BatchBlock, complaints.Length - from));
            Fetch(block);
            for (var j = 0; j < block.Length; j++)
            {
                destination[from + j] = NextChangeAt(block[j], asOf);
            }
        }
    }

    /// <summary>
    /// Writes, for the policy engine, the facts of each target of the applying policies at an instant, in the order of
    /// <see cref="Evaluate"/>, with their working times when <paramref name="measure"/> is set; allocates nothing as
    /// <see cref="StatesAt(ComplaintSnapshot, Instant, Span{SlaTargetState})"/> does not.
    /// </summary>
    /// <param name="complaint">The complaint's snapshot.</param>
    /// <param name="asOf">The instant.</param>
    /// <param name="destination">Where to write; at least <see cref="MaxTargetCount"/> long.</param>
    /// <param name="measure">Whether to measure elapsed, allowed and remaining working time.</param>
    /// <returns>The number of facts written.</returns>
    internal int FactsAt(ComplaintSnapshot complaint, Instant asOf, Span<SlaTargetFact> destination, bool measure)
    {
        var sink = new FactSink(destination, measure, Layout);
        Walk(complaint, asOf, ref sink);
        return sink.Written;
    }

    /// <summary>How many complaints a batch fetches together before it evaluates them.</summary>
    private const int BatchBlock = 64;

    /// <summary>Refuses a batch's buffer before anything is written when it cannot hold <paramref name="perComplaint"/> values for each complaint.</summary>
    private static void CheckLength(int complaints, int length, int perComplaint, string paramName, string unit)
    {
        var needed = (long)complaints * perComplaint;
        if (length < needed)
        {
            var each = perComplaint > 1 ? $" of up to {perComplaint} (MaxTargetCount)" : string.Empty;
            throw new ArgumentException($"{paramName} holds {length} {unit}; {complaints} complaints{each} need {needed}.", paramName);
        }
    }

    /// <summary>Refuses a batch before anything is written when a complaint is null or was received after <paramref name="asOf"/>.</summary>
    private static void CheckReceived(ReadOnlySpan<ComplaintSnapshot> complaints, Instant asOf)
    {
        for (var j = 0; j < complaints.Length; j++)
        {
            CheckReceived(complaints[j] ?? throw new ArgumentNullException(nameof(complaints), $"complaints[{j}] is null."), asOf);
        }
    }

    /// <summary>
    /// Reads every cache line of a block's histories, and the snapshots' fields the replay reads, with loads that do not
    /// wait on one another, so the processor fetches a block's complaints together instead of one after another. Returns
    /// a checksum so that the loads are kept.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int Fetch(ReadOnlySpan<ComplaintSnapshot> block)
    {
        var sum = 0;
        foreach (var complaint in block)
        {
            var facts = complaint.HistoryFacts;
            sum += (int)complaint.State + (complaint.ReceivedAt < complaint.LastActivityAt ? 1 : 0);

            // A fact is 24 bytes: every other one starts in a new 64-byte line.
            for (var i = 0; i < facts.Length; i += 2)
            {
                sum += (int)facts[i].Kind;
            }
        }

        return sum;
    }

    private const int StackEntries = 128;

    /// <summary>What an evaluation does with each applying policy and each of its targets.</summary>
    private interface IClockSink
    {
        /// <summary>A policy applies (the engine's policy <paramref name="index"/>); its targets come next.</summary>
        void Policy(ComplaintSnapshot complaint, int index, SlaPolicy policy);

        /// <summary>
        /// Reads a target of the policy: <paramref name="stricter"/> is the previous policy's same-named target it is
        /// compared with under the stricter rule; the target's own clock is marked in <paramref name="marks"/>.
        /// </summary>
        void Target(
            int key, int index, SlaTarget target, SlaTarget? stricter, ComplaintSnapshot then, scoped SlaEntries entries, Instant asOf, scoped Span<ClockMark> marks, int restartIndex, bool breachedEarlier);

        /// <summary>The policy's targets are all read.</summary>
        void PolicyRead(SlaPolicy policy);
    }

    /// <summary>
    /// Evaluates a complaint as of an instant: reads its history once into buffers on the stack, judges the cycles its
    /// reopenings ended, and hands each applying policy's targets to <paramref name="sink"/>.
    /// </summary>
    private void Walk<TSink>(ComplaintSnapshot complaint, Instant asOf, ref TSink sink)
        where TSink : IClockSink, allows ref struct
    {
        var then = Then(complaint, asOf);
        var history = then.HistoryFacts;
        var n = history.Length;
        Span<Instant> at = n <= StackEntries ? stackalloc Instant[n] : new Instant[n];
        Span<ComplaintState> to = n <= StackEntries ? stackalloc ComplaintState[n] : new ComplaintState[n];
        Span<int> events = n <= StackEntries ? stackalloc int[n] : new int[n];
        var entries = SlaEntries.Fill(history, at, to, events);
        Span<bool> taken = Layout.Groups.Length <= StackEntries ? stackalloc bool[Layout.Groups.Length] : new bool[Layout.Groups.Length];
        Span<ClockMark> marks = Layout.MaxPolicyTargets <= StackEntries ? stackalloc ClockMark[Layout.MaxPolicyTargets] : new ClockMark[Layout.MaxPolicyTargets];
        Span<bool> breached = Layout.KeyCount <= StackEntries ? stackalloc bool[Layout.KeyCount] : new bool[Layout.KeyCount];

        // The target being read, so that an error from its calendar names it; kept out of the loops, which then hold no handler.
        var reading = new Reading(-1, -1);
        try
        {
            // The cycles reopenings ended, each judged on the entries before its reopening, at the reopening's instant.
            for (var r = 0; r < n && entries.Reopenings > 0; r++)
            {
                if ((events[r] & SlaEvents.ReopenedBit) != 0)
                {
                    var reopening = new ReopenSink(breached);
                    Read(then.Prefix(r), entries.Prefix(r), at[r], taken, marks, breached, ref reading, ref reopening);
                }
            }

            Read(then, entries, asOf, taken, marks, breached, ref reading, ref sink);
        }
        catch (ArgumentOutOfRangeException ex) when (reading.Target >= 0)
        {
            var policy = _policies[reading.Policy];
            throw Named(complaint, policy, policy.TargetArray[reading.Target], ex);
        }

        CheckRequired(then, asOf, taken);
    }

    /// <summary>Which policy and target an evaluation is reading (-1: none).</summary>
    private record struct Reading(int Policy, int Target);

    private void Read<TSink>(
        ComplaintSnapshot then, scoped SlaEntries entries, Instant asOf, scoped Span<bool> taken, scoped Span<ClockMark> marks, scoped ReadOnlySpan<bool> breached, ref Reading reading, ref TSink sink)
        where TSink : IClockSink, allows ref struct
    {
        taken.Clear();
        for (var p = 0; p < _policies.Length; p++)
        {
            var policy = _policies[p];
            if (!Applies(then, p, taken, out var restartIndex, out var before))
            {
                continue;
            }

            sink.Policy(then, p, policy);
            var targets = policy.TargetArray;
            reading.Policy = p;
            for (var i = 0; i < targets.Length; i++)
            {
                var target = targets[i];
                var key = Layout.KeyOf(p, i);
                reading.Target = i;
                sink.Target(key, i, target, before?.StricterCounterpart(target), then, entries, asOf, marks, restartIndex, breached[key]);
            }

            reading.Target = -1;
            sink.PolicyRead(policy);
        }
    }

    /// <summary>A target's state, deadline and next change as reported: its own clock's, or under the stricter rule the earlier policy's when that deadline is earlier.</summary>
    private static Settled Settle(
        int index, SlaTarget target, SlaTarget? stricter, ComplaintSnapshot then, in SlaEntries entries, Instant asOf, Span<ClockMark> marks, int restartIndex, bool measure = false)
    {
        var own = SlaClock.Settle(target, then, entries, asOf, marks, restartIndex, measure);
        marks[index] = new ClockMark(own.Cycle, own.MetIndex);
        if (stricter is not null && SlaClock.Settle(stricter, then, entries, asOf, marks, measure: measure) is var other && other.Deadline < own.Deadline)
        {
            return other;
        }

        return own;
    }

    /// <summary>Builds each target's full status, timeline included.</summary>
    private ref struct StatusSink(List<SlaPolicyStatus> results) : IClockSink
    {
        private SlaTargetStatus[] _targets = [];

        public readonly List<SlaPolicyStatus> Results => results;

        public void Policy(ComplaintSnapshot complaint, int index, SlaPolicy policy) => _targets = new SlaTargetStatus[policy.TargetArray.Length];

        public readonly void Target(
            int key, int index, SlaTarget target, SlaTarget? stricter, ComplaintSnapshot then, scoped SlaEntries entries, Instant asOf, scoped Span<ClockMark> marks, int restartIndex, bool breachedEarlier)
        {
            // A chained clock counts from its own policy's earlier clock, whichever deadline is reported.
            var own = SlaClock.Evaluate(target, then, entries, asOf, marks, restartIndex);
            marks[index] = new ClockMark(own.Cycle, own.MetIndex);
            var reported = own;
            if (stricter is not null && SlaClock.Evaluate(stricter, then, entries, asOf, marks) is var other && other.Deadline < own.Deadline)
            {
                reported = other.ReportedAs(target);
            }

            reported.BreachedEarlier = breachedEarlier;
            _targets[index] = reported;
        }

        public readonly void PolicyRead(SlaPolicy policy) => results.Add(new SlaPolicyStatus(policy, Array.AsReadOnly(_targets)));
    }

    /// <summary>Writes each target's state into a buffer (when asked to), and keeps the earliest next change.</summary>
    private ref struct StateSink(Span<SlaTargetState> destination, bool write, int maxTargetCount) : IClockSink
    {
        private readonly Span<SlaTargetState> _destination = destination;
        private SlaPolicy? _policy;

        public int Written { get; private set; }

        public Instant? Next { get; private set; }

        public void Policy(ComplaintSnapshot complaint, int index, SlaPolicy policy)
        {
            if (write && Written + policy.TargetArray.Length > _destination.Length)
            {
                throw TooShort(complaint, policy, _destination.Length, Written + policy.TargetArray.Length, maxTargetCount);
            }

            _policy = policy;
        }

#pragma warning disable CA2208 // The buffer is the public caller's parameter (StatesAt's destination).
        private static ArgumentException TooShort(ComplaintSnapshot complaint, SlaPolicy policy, int length, int needed, int maxTargetCount) => new(
            $"Complaint {complaint.Id}: destination holds {length} states; policy '{policy.Name}' needs room for {needed} (MaxTargetCount is {maxTargetCount}).",
            nameof(destination));
#pragma warning restore CA2208

        public void Target(
            int key, int index, SlaTarget target, SlaTarget? stricter, ComplaintSnapshot then, scoped SlaEntries entries, Instant asOf, scoped Span<ClockMark> marks, int restartIndex, bool breachedEarlier)
        {
            var reported = Settle(index, target, stricter, then, entries, asOf, marks, restartIndex);
            if (write)
            {
                _destination[Written] = new SlaTargetState(_policy!, target, reported.Cycle, reported.State, breachedEarlier);
            }

            Written++;
            if (reported.NextChangeAt is { } at && (Next is null || at < Next))
            {
                Next = at;
            }
        }

        public readonly void PolicyRead(SlaPolicy policy)
        {
        }
    }

    /// <summary>Writes each target's facts for the policy engine (<see cref="SlaTargetFact"/>), the same as <see cref="Evaluate"/> reports them.</summary>
    private ref struct FactSink(Span<SlaTargetFact> destination, bool measure, SlaLayout layout) : IClockSink
    {
        private readonly Span<SlaTargetFact> _destination = destination;
        private int _policy;

        public int Written { get; private set; }

        public void Policy(ComplaintSnapshot complaint, int index, SlaPolicy policy) => _policy = index;

        public void Target(
            int key, int index, SlaTarget target, SlaTarget? stricter, ComplaintSnapshot then, scoped SlaEntries entries, Instant asOf, scoped Span<ClockMark> marks, int restartIndex, bool breachedEarlier)
        {
            var reported = Settle(index, target, stricter, then, entries, asOf, marks, restartIndex, measure);
            _destination[Written++] = new SlaTargetFact(layout.KeptSlot[_policy] + index, _policy, index, reported);
        }

        public readonly void PolicyRead(SlaPolicy policy)
        {
        }
    }

    /// <summary>
    /// Judges the cycle a reopening ends: a target whose rule is <see cref="ReopenRule.NewCycle"/> keeps its breach, one
    /// whose rule is <see cref="ReopenRule.Reset"/> sets aside every breach before, per group and target name.
    /// </summary>
    private readonly ref struct ReopenSink(Span<bool> breached) : IClockSink
    {
        private readonly Span<bool> _breached = breached;

        public void Policy(ComplaintSnapshot complaint, int index, SlaPolicy policy)
        {
        }

        public void Target(
            int key, int index, SlaTarget target, SlaTarget? stricter, ComplaintSnapshot then, scoped SlaEntries entries, Instant asOf, scoped Span<ClockMark> marks, int restartIndex, bool breachedEarlier)
        {
            _breached[key] = target.OnReopen.KeepsBreach(breachedEarlier, Settle(index, target, stricter, then, entries, asOf, marks, restartIndex).State);
        }

        public void PolicyRead(SlaPolicy policy)
        {
        }
    }

    private static ArgumentOutOfRangeException Named(ComplaintSnapshot complaint, SlaPolicy policy, SlaTarget target, ArgumentOutOfRangeException ex) =>
        new(nameof(complaint), $"Complaint {complaint.Id}, policy '{policy.Name}', target '{target.Name}': {ex.Message}");

    private static ComplaintSnapshot Then(ComplaintSnapshot complaint, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        CheckReceived(complaint, asOf);
        return complaint.AsOf(asOf);
    }

    private static void CheckReceived(ComplaintSnapshot complaint, Instant asOf)
    {
        if (asOf < complaint.ReceivedAt)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), asOf, $"Complaint {complaint.Id}: asOf is before the complaint was received ({complaint.Intake.ReceivedAt}).");
        }
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

/// <summary>
/// What the policy engine reads of one target of an applying policy at an instant: where it is in the engine
/// (<see cref="Slot"/>: one number per policy and target, <see cref="SlaLayout.KeptSlot"/> plus the target's index), its
/// state, whether it was met or stopped, its deadline, and, when measured, its working times. Holds no reference, so a
/// buffer of them lives on the stack.
/// </summary>
internal readonly struct SlaTargetFact
{
    public SlaTargetFact(int slot, int policy, int target, in Settled settled)
    {
        Slot = slot;
        Policy = policy;
        Target = target;
        State = settled.State;
        Ended = settled.Ended;
        Deadline = settled.Deadline;
        Elapsed = settled.Elapsed;
        Allowed = settled.Allowed;
        Remaining = settled.Remaining;
    }

    public int Slot { get; }

    public int Policy { get; }

    public int Target { get; }

    public SlaClockState State { get; }

    /// <summary>Gets whether the target was met or its clock stopped.</summary>
    public bool Ended { get; }

    public Instant? Deadline { get; }

    public Duration Elapsed { get; }

    public Duration Allowed { get; }

    public Duration Remaining { get; }

    /// <summary>Gets the share of the allowed time used, as <see cref="SlaTargetStatus.ShareUsed"/> computes it.</summary>
    public double? ShareUsed => SlaClock.ShareUsed(Elapsed, Allowed);
}
