using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Complaints.Core.Domain;
using Complaints.Core.History;
using NodaTime;

namespace Complaints.Core.Sla;

/// <summary>One target's state at an instant, as <see cref="SlaClocks.StatesAt"/> writes it: which policy and target, the cycle and where the clock stands.</summary>
/// <param name="Policy">The policy that applies.</param>
/// <param name="Target">The target.</param>
/// <param name="Cycle">The cycle, as <see cref="SlaTargetStatus.Cycle"/> counts it.</param>
/// <param name="State">Where the clock stands.</param>
/// <param name="BreachedEarlier">Whether an earlier cycle was breached, as <see cref="SlaTargetStatus.BreachedEarlier"/> tells it.</param>
public readonly record struct SlaTargetState(SlaPolicy Policy, SlaTarget Target, int Cycle, SlaClockState State, bool BreachedEarlier);

/// <summary>
/// A complaint's service-level clocks, kept entry by entry: a small value a host stores beside the complaint and updates
/// with each new entry (<see cref="Apply"/>), so that status, the next change and the state of every target can be read
/// at any later instant without the history. It answers exactly as <see cref="SlaEngine.Evaluate"/> does on the whole
/// history. Immutable and safe to share across threads; created by <see cref="SlaEngine.Track(ComplaintSnapshot)"/>.
/// </summary>
public sealed class SlaClocks
{
    private readonly SlaLayout _layout;
    private SlaFields _fields;
    private int[] _selected;
    private int[] _before;
    private TargetClock[] _clocks;

    // The step functions of the targets reported, in the order StatesAt writes them, then those they are compared with
    // under the stricter rule; everything StatesAt and NextChangeAt read besides the latest entry's instant.
    private Brief[] _reported;
    private int _reportedCount;

    // A required group no policy selects (-1: none), so reading states checks one field.
    private int _missingGroup;

    // Per group and target name, whether a cycle ended by a reopening was breached (null: none was); never written once shared.
    private bool[]? _breachedEarlier;

    internal SlaClocks(SlaEngine engine, ComplaintId id, ComplaintIntake intake)
    {
        Engine = engine;
        _layout = engine.Layout;
        ComplaintId = id;
        ReceivedAt = intake.ReceivedAt;
        LatestEntryAt = intake.ReceivedAt;
        State = ComplaintState.Received;
        _fields = SlaFields.Of(intake);
        _before = new int[engine.PolicyArray.Length];
        Array.Fill(_before, -1);
        _clocks = new TargetClock[_layout.SlotCount];
        var slot = 0;
        try
        {
            for (; slot < _clocks.Length; slot++)
            {
                _clocks[slot] = TargetClock.Initial(_layout.SlotTarget[slot], ReceivedAt, null);
            }
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw Named(slot, nameof(intake), ex);
        }

        _selected = Select();
        Lay();
    }

    private SlaClocks(SlaClocks from)
    {
        Engine = from.Engine;
        _layout = from._layout;
        ComplaintId = from.ComplaintId;
        ReceivedAt = from.ReceivedAt;
        LatestEntryAt = from.LatestEntryAt;
        State = from.State;
        Version = from.Version;
        _fields = from._fields;
        _selected = from._selected;
        _before = (int[])from._before.Clone();
        _clocks = (TargetClock[])from._clocks.Clone();
        for (var s = 0; s < _clocks.Length; s++)
        {
            _clocks[s].Fold = _clocks[s].Fold.Shared();
        }

        _reported = from._reported;
        _reportedCount = from._reportedCount;
        _missingGroup = from._missingGroup;
        _breachedEarlier = from._breachedEarlier;
    }

    /// <summary>Clocks read back from their stored form, checked against the engine; what the document does not hold is derived again.</summary>
    private SlaClocks(SlaEngine engine, SlaClocksDocument document)
    {
        Engine = engine;
        _layout = engine.Layout;
        var policies = engine.PolicyArray;
        ComplaintId = document.ComplaintId;
        ReceivedAt = document.ReceivedAt;
        LatestEntryAt = document.LatestEntryAt;
        Version = document.Version;
        State = document.State;
        var f = document.Fields ?? throw Refused("fields", "is missing");
        _fields = new SlaFields(f.Kind, f.Channel, f.Priority, f.Severity, f.Category, f.Team, f.CustomerTier, f.PromisedAt);
        if (Version < 0 || Version > int.MaxValue)
        {
            throw Refused("version", $"is {Version}; it counts the entries applied, from 0 to {int.MaxValue}");
        }

        if (LatestEntryAt < ReceivedAt)
        {
            throw Refused("latestEntryAt", $"({LatestEntryAt}) is before receivedAt ({ReceivedAt})");
        }

        var stored = document.Policies ?? [];
        if (stored.Count != policies.Length)
        {
            throw Refused("policies", $"holds {stored.Count} policies; the engine has {policies.Length}; the clocks were stored for another policy set");
        }

        _before = new int[policies.Length];
        for (var p = 0; p < policies.Length; p++)
        {
            var name = stored[p]?.Name;
            if (name != policies[p].Name)
            {
                throw Refused($"policies[{p}]", $"is '{name}'; the engine's is '{policies[p].Name}'; the clocks were stored for another policy set");
            }

            _before[p] = stored[p]!.Before is { } before ? Array.FindIndex(policies, q => q.Name == before && q.Group == policies[p].Group) : -1;
            if (stored[p]!.Before is { } missing && _before[p] < 0)
            {
                throw Refused($"policies[{p}].before", $"names '{missing}', which is no policy of group '{policies[p].Group}'");
            }
        }

        var clocks = document.Clocks ?? [];
        if (clocks.Count != _layout.SlotCount)
        {
            throw Refused("clocks", $"holds {clocks.Count} clocks; the engine's policies have {_layout.SlotCount}");
        }

        _clocks = new TargetClock[clocks.Count];
        for (var slot = 0; slot < clocks.Count; slot++)
        {
            _clocks[slot] = Clock(slot, clocks[slot] ?? throw Refused($"clocks[{slot}]", "is null"));
        }

        var kept = document.BreachedEarlier ?? [];
        for (var i = 0; i < kept.Count; i++)
        {
            var named = kept[i] ?? throw Refused($"breachedEarlier[{i}]", "is null");
            var key = Array.IndexOf(_layout.Keys, (named.Group, named.Target));
            if (key < 0)
            {
                throw Refused($"breachedEarlier[{i}]", $"names target '{named.Target}' of group '{named.Group}', which no policy has");
            }

            _breachedEarlier ??= new bool[_layout.KeyCount];
            _breachedEarlier[key] = true;
        }

        _selected = Select();
        try
        {
            Lay();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new ArgumentException($"Complaint {ComplaintId}: the stored clocks reach outside a target's calendar: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// These clocks again, allocated with a copy of the briefs right after them, so that what <see cref="StatesAt"/>
    /// reads lies together in memory (a host keeps many clocks; reading each should touch one place).
    /// </summary>
    private SlaClocks Packed()
    {
        var packed = (SlaClocks)MemberwiseClone();
        packed._reported = (Brief[])_reported.Clone();
        return packed;
    }

    /// <summary>Gets the engine whose policies the clocks follow.</summary>
    public SlaEngine Engine { get; }

    /// <summary>Gets the complaint's id.</summary>
    public ComplaintId ComplaintId { get; }

    /// <summary>Gets when the complaint was received.</summary>
    public Instant ReceivedAt { get; }

    /// <summary>Gets the instant of the latest entry applied (the receipt when none is); the clocks answer for this instant and later.</summary>
    public Instant LatestEntryAt { get; private set; }

    /// <summary>Gets the number of entries applied, which equals the complaint's <see cref="ComplaintSnapshot.Version"/> when they are all its entries.</summary>
    public long Version { get; private set; }

    /// <summary>Gets the complaint's state after the latest entry.</summary>
    public ComplaintState State { get; private set; }

    /// <summary>Gets the number of targets of the policies that apply now, which is what <see cref="StatesAt"/> needs room for.</summary>
    public int TargetCount => _reportedCount;

    /// <summary>Gets the clocks with one more entry of the complaint's history applied; these clocks are unchanged.</summary>
    /// <param name="entry">The complaint's next entry, as its history records it.</param>
    /// <returns>The clocks after the entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The entry is earlier than the latest entry applied (a history whose instants go backwards), or it leaves from
    /// another state than the complaint is in; the message names the complaint and the entry.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A target's calendar does not cover an instant the entry needs; the message names the complaint, the policy and the target.</exception>
    public SlaClocks Apply(HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.At < LatestEntryAt)
        {
            throw new ArgumentException(
                $"Complaint {ComplaintId}: entry {Version + 1} ({entry.Trigger}) at {entry.At} is before the latest entry applied, at {LatestEntryAt}; a history's instants never go backwards.",
                nameof(entry));
        }

        if (entry.From != State)
        {
            throw new ArgumentException(
                $"Complaint {ComplaintId}: entry {Version + 1} ({entry.Trigger}) leaves from {entry.From}, but the complaint is in {State}.",
                nameof(entry));
        }

        // Compute on a copy, then hand it out: these clocks stay as they were whatever happens.
        var next = new SlaClocks(this);
        next.Fold(entry, checked((int)Version));
        return next.Packed();
    }

    /// <summary>Evaluates every applying policy's targets as of an instant at or after the latest entry, exactly as <see cref="SlaEngine.Evaluate"/> does on the history.</summary>
    /// <param name="asOf">The instant; not before <see cref="LatestEntryAt"/>.</param>
    /// <returns>The status per applying policy and target, with timelines.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="asOf"/> is before the latest entry applied, or a target's calendar does not cover it; the message
    /// names the complaint (and the policy and target).
    /// </exception>
    /// <exception cref="ArgumentException">No policy of a required group selects the complaint; the message names the complaint, the group and its fields.</exception>
    public SlaEvaluation Evaluate(Instant asOf)
    {
        CheckAsOf(asOf);
        CheckRequired(asOf);
        var policies = Engine.PolicyArray;
        var results = new List<SlaPolicyStatus>(_selected.Length);
        for (var p = 0; p < policies.Length; p++)
        {
            if (_selected[_layout.GroupOf[p]] != p)
            {
                continue;
            }

            var policy = policies[p];
            var first = FirstSlot(p);
            var own = new SlaTargetStatus[policy.Targets.Count];
            var targets = new SlaTargetStatus[own.Length];
            var t = 0;
            try
            {
                for (; t < own.Length; t++)
                {
                    targets[t] = own[t] = Status(first + t, asOf, own);
                    if (StricterSlot(p, t) is var other && other >= 0)
                    {
                        var stricter = Status(other, asOf, own);
                        if (stricter.Deadline < targets[t].Deadline)
                        {
                            targets[t] = stricter.ReportedAs(policy.Targets[t]);
                        }
                    }

                    targets[t].BreachedEarlier = BreachedEarlier(first + t);
                }
            }
            catch (ArgumentOutOfRangeException ex)
            {
                throw Named(first + t, nameof(asOf), ex);
            }

            results.Add(new SlaPolicyStatus(policy, Array.AsReadOnly(targets)));
        }

        return new SlaEvaluation(ComplaintId, asOf, Array.AsReadOnly(results.ToArray()));
    }

    /// <summary>
    /// Writes where each target of the applying policies stands at an instant at or after the latest entry, without the
    /// history and without allocating: the same states as <see cref="Evaluate"/>, in the same order.
    /// </summary>
    /// <param name="asOf">The instant; not before <see cref="LatestEntryAt"/>.</param>
    /// <param name="destination">Where to write; at least <see cref="TargetCount"/> long.</param>
    /// <returns>The number of states written (<see cref="TargetCount"/>).</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="TargetCount"/>, or no policy of a required group selects the complaint.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before the latest entry applied, or a target's calendar does not cover it.</exception>
    public int StatesAt(Instant asOf, Span<SlaTargetState> destination)
    {
        CheckAsOf(asOf);
        CheckRequired(asOf);
        var count = _reportedCount;
        if (destination.Length < count)
        {
            throw new ArgumentException($"Complaint {ComplaintId}: destination holds {destination.Length} states; {count} are needed.", nameof(destination));
        }

        Briefs.StatesAt(_reported, count, _layout, LatestEntryAt, asOf, destination);
        return count;
    }

    /// <summary>
    /// Gets the earliest instant after <paramref name="asOf"/> at which any target's status changes unless a new entry
    /// comes first, exactly as <see cref="SlaEvaluation.NextChangeAt"/> gives it, without the history and without allocating.
    /// </summary>
    /// <param name="asOf">The instant; not before <see cref="LatestEntryAt"/>.</param>
    /// <returns>The instant, or <see langword="null"/> when no target changes by time alone.</returns>
    /// <exception cref="ArgumentException">No policy of a required group selects the complaint.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before the latest entry applied, or a target's calendar does not cover it.</exception>
    public Instant? NextChangeAt(Instant asOf)
    {
        CheckAsOf(asOf);
        CheckRequired(asOf);
        return Briefs.NextChangeAt(_reported, _reportedCount, _layout, LatestEntryAt, asOf);
    }

    /// <summary>The briefs as laid out after the latest entry (the targets reported, then those they are compared with), how many are reported, and whether a required group is missing.</summary>
    internal ReadOnlySpan<Brief> Laid(out int count, out bool missing)
    {
        count = _reportedCount;
        missing = _missingGroup >= 0;
        return _reported;
    }

    /// <summary>
    /// Writes the clocks as a compact JSON document a host stores beside the complaint, to read back with
    /// <see cref="SlaEngine.RestoreClocks"/> and go on applying entries: what applying the next entry needs (the
    /// selecting fields, and per target its cycle, start, anchors, meeting, stop and pauses), each clock named by policy
    /// and target; the rest is derived again on reading.
    /// </summary>
    /// <returns>The JSON document, camelCase, instants in ISO 8601, with <c>formatVersion</c> <see cref="FormatVersion"/>.</returns>
    public string ToJson()
    {
        var policies = Engine.PolicyArray;
        var keys = new List<SlaKeyDocument>();
        for (var k = 0; k < _layout.KeyCount && _breachedEarlier is not null; k++)
        {
            if (_breachedEarlier[k])
            {
                keys.Add(new SlaKeyDocument(_layout.Keys[k].Group, _layout.Keys[k].Target));
            }
        }

        var document = new SlaClocksDocument(
            FormatVersion,
            ComplaintId,
            ReceivedAt,
            LatestEntryAt,
            Version,
            State,
            new SlaFieldsDocument(_fields.Kind, _fields.Channel, _fields.Priority, _fields.Severity, _fields.Category, _fields.Team, _fields.CustomerTier, _fields.PromisedAt),
            [.. policies.Select((p, i) => new SlaPolicyDocument(p.Name, _before[i] >= 0 ? policies[_before[i]].Name : null))],
            keys,
            [.. _clocks.Select((c, slot) => new TargetClockDocument(
                _layout.SlotPolicyOf[slot].Name,
                _layout.SlotTarget[slot].Name,
                c.Reopens,
                c.Updates,
                c.CycleStartIndex,
                c.Started,
                c.StartIndex,
                c.Start,
                c.Acknowledged,
                c.Holding,
                c.Complete,
                c.MetIndex,
                c.MetAt,
                c.StopIndex,
                c.StopAt,
                [.. c.Pauses.Select(p => new PauseDocument(p.From, p.To, p.State))]))]);
        return JsonSerializer.Serialize(document, SlaClocksJsonContext.Default.SlaClocksDocument);
    }

    /// <summary>The version of the stored form <see cref="ToJson"/> writes and <see cref="SlaEngine.RestoreClocks"/> reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>Reads clocks from their stored form; see <see cref="SlaEngine.RestoreClocks"/>.</summary>
    internal static SlaClocks FromJson(SlaEngine engine, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        SlaClocksDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, SlaClocksJsonContext.Default.SlaClocksDocument);
        }
        catch (JsonException ex) when (ex.GetType() != typeof(JsonException))
        {
            throw new JsonException(ex.Message, ex.Path, ex.LineNumber, ex.BytePositionInLine, ex);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or NotSupportedException or OverflowException)
        {
            throw new JsonException($"The stored clocks hold a value its type refuses: {ex.Message}", ex);
        }

        if (document is null)
        {
            throw new JsonException("The stored clocks are null.", "$", null, null);
        }

        if (document.FormatVersion != FormatVersion)
        {
            throw new JsonException($"formatVersion is {document.FormatVersion}; this library reads format version {FormatVersion}.", "$.formatVersion", null, null);
        }

        try
        {
            return new SlaClocks(engine, document).Packed();
        }
        catch (ArgumentException ex) when (ex.ParamName is null)
        {
            throw new ArgumentException(ex.Message, nameof(json), ex);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"SLA clocks of {ComplaintId} through entry {Version} ({State}, {LatestEntryAt})";

    /// <summary>A stored value the clocks cannot hold, named by its place in the document.</summary>
    private ArgumentException Refused(string field, string what) => new($"Complaint {ComplaintId}: stored clocks' {field} {what}.");

    /// <summary>One stored clock, checked against its slot and the entries applied, with its deadline and pauses derived again.</summary>
    private TargetClock Clock(int slot, TargetClockDocument d)
    {
        var target = _layout.SlotTarget[slot];
        var field = $"clocks[{slot}]";
        if (d.Policy != _layout.SlotPolicyOf[slot].Name || d.Target != target.Name)
        {
            throw Refused(field, $"is '{d.Policy}/{d.Target}'; the engine's is '{_layout.SlotPolicyOf[slot].Name}/{target.Name}'; the clocks were stored for another policy set");
        }

        foreach (var (name, index) in new[] { ("cycleStartIndex", d.CycleStartIndex), ("startIndex", d.StartIndex), ("metIndex", d.MetIndex), ("stopIndex", d.StopIndex) })
        {
            if (index < -1 || index >= Version)
            {
                throw Refused($"{field}.{name}", $"is {index}; an entry index is from -1 (receipt) to {Version - 1}");
            }
        }

        if (d.Reopens < 0 || d.Updates < 0)
        {
            throw Refused(field, $"counts {d.Reopens} reopenings and {d.Updates} updates; neither can be negative");
        }

        foreach (var (name, at) in new[] { ("start", d.Started ? d.Start : (Instant?)null), ("acknowledged", d.Acknowledged), ("holding", d.Holding), ("complete", d.Complete), ("metAt", d.MetAt), ("stopAt", d.StopAt) })
        {
            if (at is { } instant && (instant < ReceivedAt || instant > LatestEntryAt))
            {
                throw Refused($"{field}.{name}", $"({instant}) is outside receipt to the latest entry ({ReceivedAt} to {LatestEntryAt})");
            }
        }

        if ((d.MetIndex >= 0) != d.MetAt.HasValue || (d.StopIndex >= 0) != d.StopAt.HasValue)
        {
            throw Refused(field, "has a meeting or stop index without its instant, or an instant without its index");
        }

        var pauses = new PauseStretch[(d.Pauses ?? []).Count];
        var since = d.Start;
        for (var i = 0; i < pauses.Length; i++)
        {
            var p = d.Pauses![i] ?? throw Refused($"{field}.pauses[{i}]", "is null");
            if (p.From < since || p.To <= p.From || p.To > LatestEntryAt)
            {
                throw Refused($"{field}.pauses[{i}]", $"({p.From} to {p.To}) does not follow the start and the pause before it, or ends after the latest entry");
            }

            pauses[i] = new PauseStretch(p.From, p.To, p.State);
            since = p.To;
        }

        var clock = new TargetClock
        {
            Reopens = d.Reopens,
            Updates = d.Updates,
            CycleStartIndex = d.CycleStartIndex,
            Started = d.Started,
            StartIndex = d.StartIndex,
            Start = d.Start,
            Acknowledged = d.Acknowledged,
            Holding = d.Holding,
            Complete = d.Complete,
            MetIndex = d.MetIndex,
            MetAt = d.MetAt,
            StopIndex = d.StopIndex,
            StopAt = d.StopAt,
            Pauses = pauses,
        };
        if (clock.Started)
        {
            try
            {
                clock.Refold(target, _fields.PromisedAt);
            }
            catch (ArgumentOutOfRangeException ex)
            {
                throw new ArgumentException($"Complaint {ComplaintId}, policy '{_layout.SlotPolicyOf[slot].Name}', target '{target.Name}': the stored clock reaches outside the target's calendar: {ex.Message}", ex);
            }
        }

        return clock;
    }

    /// <summary>A calendar's range error, with the complaint, the policy and the target it came from.</summary>
    private ArgumentOutOfRangeException Named(int slot, string paramName, ArgumentOutOfRangeException ex)
    {
        return new ArgumentOutOfRangeException(paramName, $"Complaint {ComplaintId}, policy '{_layout.SlotPolicyOf[slot].Name}', target '{_layout.SlotTarget[slot].Name}': {ex.Message}");
    }

    private bool BreachedEarlier(int slot) => _breachedEarlier is { } breached && breached[_layout.SlotKey[slot]];

    /// <summary>
    /// The breaches kept after a reopening at <paramref name="at"/>: each target reported until then whose rule is
    /// <see cref="ReopenRule.NewCycle"/> keeps the breach of the cycle it ends; one under <see cref="ReopenRule.Reset"/>
    /// sets aside every breach before. A new array only when something changes.
    /// </summary>
    private bool[]? Reopened(Instant at)
    {
        var breached = _breachedEarlier;
        for (var i = 0; i < _reportedCount; i++)
        {
            var slot = _reported[i].Slot;
            var key = _layout.SlotKey[slot];
            var was = breached is not null && breached[key];
            var now = _layout.SlotTarget[slot].OnReopen.KeepsBreach(was, Briefs.Reported(_reported, i, _layout, LatestEntryAt, at).StateAt(LatestEntryAt, at));
            if (now != was)
            {
                breached = breached is null ? new bool[_layout.KeyCount] : breached == _breachedEarlier ? (bool[])breached.Clone() : breached;
                breached[key] = now;
            }
        }

        return breached;
    }

    private int FirstSlot(int policy) => _layout.RestartSlot[policy] >= 0 ? _layout.RestartSlot[policy] : _layout.KeptSlot[policy];

    /// <summary>The slot a target of a stricter-rule policy is compared with: the same-named target of the policy that applied before the switch, or -1.</summary>
    private int StricterSlot(int policy, int target) =>
        Engine.PolicyArray[policy].OnChange == SlaChangeRule.Stricter && _before[policy] is var before && before >= 0
            ? _layout.StricterSlot[policy][(target * Engine.PolicyArray.Length) + before]
            : -1;

    private void CheckAsOf(Instant asOf)
    {
        if (asOf < LatestEntryAt)
        {
            throw new ArgumentOutOfRangeException(
                nameof(asOf), asOf, $"Complaint {ComplaintId}: asOf is before the latest entry applied ({LatestEntryAt}); evaluate the history (SlaEngine.Evaluate) to look further back.");
        }
    }

    private void CheckRequired(Instant asOf)
    {
        if (_missingGroup >= 0)
        {
            throw new ArgumentException(
                $"Complaint {ComplaintId}: no policy of the required group '{_layout.Groups[_missingGroup]}' selects it as of {asOf} ({_fields}).");
        }
    }

    private int[] Select()
    {
        var selected = new int[_layout.Groups.Length];
        Array.Fill(selected, -1);
        var policies = Engine.PolicyArray;
        for (var p = 0; p < policies.Length; p++)
        {
            ref var slot = ref selected[_layout.GroupOf[p]];
            if (slot < 0 && policies[p].Selects(_fields))
            {
                slot = p;
            }
        }

        return selected;
    }

    private void Fold(HistoryEntry entry, int index)
    {
        var at = entry.At;
        var bits = SlaEvents.Of(entry);
        var reopen = entry.Trigger == ComplaintTrigger.Reopen;
        var fields = _fields.With(entry.Data);
        var promisedChanged = fields.PromisedAt != _fields.PromisedAt;
        var policies = Engine.PolicyArray;
        if (reopen)
        {
            // The cycle the reopening ends, judged at its instant before anything moves.
            _breachedEarlier = Reopened(at);
        }

        // Every clock's stretch up to the entry, in the state before it.
        if (at > LatestEntryAt)
        {
            for (var s = 0; s < _clocks.Length; s++)
            {
                _clocks[s].Close(_layout.SlotTarget[s], LatestEntryAt, at, State);
            }
        }

        // A policy that did not apply before this entry: its switch is here, and a restarting policy's clocks begin again.
        for (var p = 0; p < policies.Length; p++)
        {
            var applied = _selected[_layout.GroupOf[p]];
            if (applied != p)
            {
                _before[p] = applied;
            }
        }

        _fields = fields;
        var slot = 0;
        try
        {
            for (; slot < _clocks.Length; slot++)
            {
                var target = _layout.SlotTarget[slot];
                ref var clock = ref _clocks[slot];
                var newCycle = reopen && target.OnReopen != ReopenRule.ResumeCycle;
                if (newCycle)
                {
                    clock.Reopens++;
                }

                var policy = _layout.SlotPolicy[slot];
                if (newCycle || (_layout.SlotRestarts[slot] && _selected[_layout.GroupOf[policy]] != policy))
                {
                    clock.Reset(target, index, at, fields.PromisedAt);
                }

                var chain = _layout.SlotChain[slot];
                clock.Step(target, index, at, bits, fields.PromisedAt, promisedChanged, chain >= 0 ? _clocks[chain] : default);
            }
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw Named(slot, nameof(entry), ex);
        }

        State = entry.To;
        LatestEntryAt = at;
        Version = index + 1;
        _selected = Select();
        Lay();
    }

    /// <summary>A clock's full status at an instant at or after the latest entry.</summary>
    private SlaTargetStatus Status(int slot, Instant asOf, SlaTargetStatus[] own)
    {
        var target = _layout.SlotTarget[slot];
        ref readonly var clock = ref _clocks[slot];
        var cycle = clock.Cycle;
        if (target.Kind == SlaTargetKind.NextUpdate && clock.StartIndex >= 0 && State is ComplaintState.Resolved or ComplaintState.FollowUp or ComplaintState.Closed)
        {
            // Resolved: no more updates are due, and the latest one kept the cadence.
            return new SlaTargetStatus(target, cycle, SlaClockState.Met) { StartedAt = clock.Start, MetAt = clock.Start, MetIndex = clock.StartIndex };
        }

        var chainedFromUnmet = target.ChainedFrom is { } chained && own[chained].MetIndex < 0;
        if (!clock.Started || chainedFromUnmet)
        {
            return new SlaTargetStatus(target, cycle, SlaClockState.NotStarted);
        }

        if (clock.Due is not { } due)
        {
            return new SlaTargetStatus(target, cycle, SlaClockState.NotStarted) { StartedAt = clock.Start };
        }

        var fold = clock.Fold.Shared();
        var stoppedAt = clock.StoppedAt;
        if (clock.MetAt is null && stoppedAt is { } stop)
        {
            // Stopped: the pauses count up to the stop only.
            fold = new PauseFold(clock.Start, due, 0);
            foreach (var p in clock.Pauses)
            {
                if (Instant.Min(p.To, stop) is var to && to > p.From)
                {
                    fold.Add(target.Calendar, p.From, to, p.State);
                }
            }
        }
        else if (clock.MetAt is null && target.PausesIn(State))
        {
            var from = Instant.Max(LatestEntryAt, clock.Start);
            if (asOf > from)
            {
                fold.Add(target.Calendar, from, asOf, State);
            }
        }

        return SlaClock.Finish(target, cycle, clock.Start, due, clock.MetIndex, clock.MetAt, stoppedAt, ref fold, State, asOf);
    }

    /// <summary>Lays out the briefs of the targets reported after the latest entry, in order, and the required group missing if any.</summary>
    [MemberNotNull(nameof(_reported))]
    private void Lay()
    {
        _missingGroup = -1;
        foreach (var group in _layout.RequiredGroups)
        {
            if (_selected[group] < 0)
            {
                _missingGroup = group;
                break;
            }
        }

        var policies = Engine.PolicyArray;
        var count = 0;
        foreach (var p in _selected)
        {
            count += p >= 0 ? policies[p].Targets.Count : 0;
        }

        var all = new Brief[_clocks.Length];
        var laid = new bool[_clocks.Length];
        var reported = new Brief[count];
        var written = 0;
        var compared = new List<Brief>();
        for (var p = 0; p < policies.Length; p++)
        {
            if (_selected[_layout.GroupOf[p]] != p)
            {
                continue;
            }

            var first = FirstSlot(p);
            Brief(p, first, all, laid);
            for (var t = 0; t < policies[p].Targets.Count; t++)
            {
                var stricter = -1;
                if (StricterSlot(p, t) is var other && other >= 0)
                {
                    var earlier = _layout.SlotPolicy[other];
                    Brief(earlier, _layout.KeptSlot[earlier], all, laid);
                    stricter = count + compared.Count;
                    compared.Add(all[other].At(other, -1, BreachedEarlier(other)));
                }

                reported[written++] = all[first + t].At(first + t, stricter, BreachedEarlier(first + t));
            }
        }

        _reportedCount = count;
        _reported = [.. reported, .. compared];
    }

    /// <summary>Computes the briefs of a policy's clocks from <paramref name="first"/> on, once.</summary>
    private void Brief(int policy, int first, Brief[] briefs, bool[] laid)
    {
        if (laid[first])
        {
            return;
        }

        laid[first] = true;
        var own = new SlaTargetStatus[Engine.PolicyArray[policy].Targets.Count];
        var slot = first;
        try
        {
            for (var t = 0; t < own.Length; t++, slot++)
            {
                own[t] = Status(slot, LatestEntryAt, own);
                briefs[slot] = Sla.Brief.Of(_layout.SlotTarget[slot], _clocks[slot], own[t], State, LatestEntryAt);
            }
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw Named(slot, "entry", ex);
        }
    }
}
