using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Sla;
using NodaTime;

namespace Complaints.Core.Metrics;

/// <summary>
/// What the metrics calculator needs to know about one complaint: a flat, immutable summary of its intake and
/// history. Build it with <see cref="From(ComplaintSnapshot, Instant, IEnumerable{SlaResult}?)"/> from a complaint's snapshot as of
/// a period's end, or directly from a host's own storage when complaints are not kept as complaint objects.
/// </summary>
/// <remarks>
/// Each property checks its own value. Checks that relate properties to each other (for example that
/// <see cref="ClosedAt"/> is not before <see cref="ReceivedAt"/>) run when the facts are added to a
/// <see cref="MetricsAccumulator"/>, which refuses inconsistent facts before changing anything.
/// </remarks>
public sealed class ComplaintFacts
{
    /// <summary>Initializes a new instance of the <see cref="ComplaintFacts"/> class.</summary>
    /// <param name="id">The complaint's identifier.</param>
    /// <param name="kind">What sort of feedback it is.</param>
    /// <param name="channel">The channel it came in through.</param>
    /// <param name="category">Its (current) category.</param>
    /// <param name="customer">The customer who raised it.</param>
    /// <param name="receivedAt">When it was received.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is the default value.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="category"/> or <paramref name="customer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> or <paramref name="channel"/> is not a defined value.</exception>
    public ComplaintFacts(ComplaintId id, FeedbackKind kind, Channel channel, Category category, CustomerRef customer, Instant receivedAt)
    {
        if (id == default)
        {
            throw new ArgumentException("id must not be the default ComplaintId.", nameof(id));
        }

        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(customer);
        Id = id;
        Kind = Guard.Defined(kind, nameof(kind));
        Channel = Guard.Defined(channel, nameof(channel));
        Category = category;
        Customer = customer;
        CustomerId = customer.Id;
        Segment = customer.Segment;
        ReceivedAt = receivedAt;
    }

    /// <summary>Gets the complaint's identifier.</summary>
    public ComplaintId Id { get; }

    /// <summary>Gets what sort of feedback it is.</summary>
    public FeedbackKind Kind { get; }

    /// <summary>Gets the channel it came in through.</summary>
    public Channel Channel { get; }

    /// <summary>Gets its category.</summary>
    public Category Category { get; }

    /// <summary>Gets the customer who raised it (its <see cref="CustomerRef.Segment"/> groups the volumes by segment).</summary>
    public CustomerRef Customer { get; }

    /// <summary>Gets when it was received.</summary>
    public Instant ReceivedAt { get; }

    /// <summary>Gets its lifecycle state.</summary>
    /// <value>The default value is <see cref="ComplaintState.Received"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value set is not a defined state.</exception>
    public ComplaintState State { get; init => field = Guard.Defined(value, nameof(State)); } = ComplaintState.Received;

    /// <summary>Gets the team handling it, or <see langword="null"/> when unassigned.</summary>
    /// <exception cref="ArgumentException">The value set is empty or longer than 128 characters.</exception>
    public string? Team { get; init => field = Guard.OptionalText(value, nameof(Team), TextLimits.Name); }

    /// <summary>
    /// Gets when the firm first responded: the first acknowledgement, public reply, holding reply, information
    /// request, proposal or closure. Automated acknowledgements do not count.
    /// </summary>
    public Instant? FirstResponseAt { get; init; }

    /// <summary>Gets when the complaint was first acknowledged, if it was: the anchor of horizons counted from the acknowledgement (when absent, the first response stands in).</summary>
    public Instant? AcknowledgedAt { get; init; }

    /// <summary>Gets when the first holding reply was sent, if one was: it anchors horizons counted from it and extends those with an extended limit.</summary>
    public Instant? HoldingReplyAt { get; init; }

    /// <summary>Gets when the customer last supplied information asked for, if they did: the anchor of horizons counted from complete information.</summary>
    public Instant? CompleteInformationAt { get; init; }

    /// <summary>
    /// Gets when the complaint reached its current terminal state (closed, withdrawn, rejected or referred), or
    /// <see langword="null"/> while it is open. Required exactly when <see cref="State"/> is terminal.
    /// </summary>
    public Instant? ClosedAt { get; init; }

    /// <summary>
    /// Gets when the complaint was first closed, which differs from <see cref="ClosedAt"/> when it was reopened.
    /// When <see langword="null"/> and <see cref="State"/> is <see cref="ComplaintState.Closed"/>, <see cref="ClosedAt"/> is used.
    /// </summary>
    public Instant? FirstClosedAt { get; init; }

    /// <summary>Gets when the complaint was first reopened after its first closure, if it was.</summary>
    public Instant? ReopenedAt { get; init; }

    /// <summary>Gets when the customer first came back after the first closure (a reopening or a new message), if they did.</summary>
    public Instant? RecontactAt { get; init; }

    /// <summary>
    /// Gets a value indicating whether the first closure came at the first interaction: before it, nobody asked for
    /// or gave more information, the customer neither rejected a proposal nor sent another message, and the
    /// complaint was not escalated.
    /// </summary>
    public bool ResolvedAtFirstContact { get; init; }

    /// <summary>Gets the outcome recorded at closure, if any.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is not a defined outcome.</exception>
    public ComplaintOutcome? Outcome { get; init => field = value is { } v ? Guard.Defined(v, nameof(Outcome)) : null; }

    /// <summary>Gets the root-cause code recorded at closure, if any.</summary>
    /// <exception cref="ArgumentException">The value set is empty or longer than 128 characters.</exception>
    public string? RootCause { get; init => field = Guard.OptionalText(value, nameof(RootCause), TextLimits.Name); }

    /// <summary>Gets the customer's satisfaction score, 1 (very dissatisfied) to 5 (very satisfied), if they gave one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is outside 1 to 5.</exception>
    public int? Rating
    {
        get;
        init => field = value is null or (>= 1 and <= 5)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Rating), value, "Rating must be between 1 and 5.");
    }

    /// <summary>Gets the rank of the highest escalation level the complaint reached; 0 when it was never escalated.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is negative.</exception>
    public int HighestLevel
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(HighestLevel), value, "HighestLevel must not be negative.");
    }

    /// <summary>Gets the staff time recorded on the complaint, with the role of whoever spent it.</summary>
    /// <value>The default value is an empty list.</value>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The list holds <see langword="null"/> or a negative time.</exception>
    public IReadOnlyList<HandlingTime> Handling
    {
        get;
        init
        {
            var list = Guard.List(value, nameof(Handling));
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].Time < Duration.Zero)
                {
                    throw new ArgumentException($"Handling[{i}].Time must not be negative; it is {list[i].Time}.", nameof(Handling));
                }
            }

            field = list;
        }
    } = [];

    /// <summary>Gets the remedies given to the customer; only those with a value count as compensation.</summary>
    /// <value>The default value is an empty list.</value>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The list holds <see langword="null"/>.</exception>
    public IReadOnlyList<Remedy> Remedies { get; init => field = Guard.List(value, nameof(Remedies)); } = [];

    /// <summary>Gets the complaint's status against each service-level target.</summary>
    /// <value>The default value is an empty list.</value>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The list holds a default <see cref="SlaResult"/> or names a target twice.</exception>
    public IReadOnlyList<SlaResult> Sla
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Sla));
            var list = value.ToArray();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < list.Length; i++)
            {
                if (list[i] == default)
                {
                    throw new ArgumentException($"Sla[{i}] is the default SlaResult and names no target.", nameof(Sla));
                }

                if (!seen.Add(list[i].Target))
                {
                    throw new ArgumentException($"Sla[{i}] names target '{list[i].Target}' a second time.", nameof(Sla));
                }
            }

            field = Array.AsReadOnly(list);
        }
    } = [];

    /// <summary>Gets the customer's id, kept here so that reading it does not visit the <see cref="CustomerRef"/>.</summary>
    internal string CustomerId { get; }

    /// <summary>Gets the customer's segment, kept here for the same reason.</summary>
    internal string? Segment { get; }

    /// <summary>Gets the first closure: <see cref="FirstClosedAt"/>, or <see cref="ClosedAt"/> for a closed complaint without one.</summary>
    internal Instant? EffectiveFirstClosedAt => FirstClosedAt ?? (State == ComplaintState.Closed ? ClosedAt : null);

    /// <summary>Summarises a complaint as its whole history makes it now, with no SLA statuses.</summary>
    /// <param name="complaint">The complaint's snapshot (<c>complaint.Snapshot</c>).</param>
    /// <returns>The facts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaint"/> is <see langword="null"/>.</exception>
    public static ComplaintFacts From(ComplaintSnapshot complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return Summarise(complaint, null);
    }

    /// <summary>Summarises a complaint as it was at an instant, typically a period's end, with no SLA results.</summary>
    /// <param name="complaint">The complaint's snapshot (<c>complaint.Snapshot</c>).</param>
    /// <param name="asOf">The instant, exclusive like a period's end: entries at or after it are left out.</param>
    /// <returns>The facts as of <paramref name="asOf"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaint"/> is <see langword="null"/>.</exception>
    public static ComplaintFacts From(ComplaintSnapshot complaint, Instant asOf) => From(complaint, asOf, (IEnumerable<SlaResult>?)null);

    /// <summary>
    /// Summarises a complaint as it was at an instant, typically a period's end, so that a complaint closed after the
    /// period counts as open at its end.
    /// </summary>
    /// <param name="complaint">The complaint's snapshot (<c>complaint.Snapshot</c>).</param>
    /// <param name="asOf">
    /// The instant, exclusive like a period's end: entries at or after it are left out, so a complaint closed exactly
    /// at the period's end counts as open at that end. Pass the period's end, or an instant after the latest activity
    /// for the facts as they are now.
    /// </param>
    /// <param name="sla">Its status against each service-level target as of <paramref name="asOf"/>, when the host tracks them.</param>
    /// <returns>The facts as of <paramref name="asOf"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaint"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="sla"/> names a target twice.</exception>
    public static ComplaintFacts From(ComplaintSnapshot complaint, Instant asOf, IEnumerable<SlaResult>? sla)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return Summarise(complaint.Before(asOf), sla);
    }

    /// <summary>
    /// Summarises a complaint as it was at an instant, typically a period's end, with its service-level results taken
    /// from an SLA engine as of that instant: each target of each applying policy, named <c>policy/target</c>, met,
    /// breached or still open (a target whose cycle was stopped by a withdrawal, rejection or referral is left out). A
    /// target breached in a cycle a reopening ended (<see cref="SlaTargetStatus.BreachedEarlier"/>) counts as breached.
    /// </summary>
    /// <param name="complaint">The complaint's snapshot (<c>complaint.Snapshot</c>).</param>
    /// <param name="asOf">The instant, exclusive like a period's end.</param>
    /// <param name="engine">The SLA engine whose policies apply.</param>
    /// <returns>The facts as of <paramref name="asOf"/>, with <see cref="Sla"/> filled from the engine.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaint"/> or <paramref name="engine"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A target's calendar does not cover an instant the target needs; the message names the complaint, the policy and the target.</exception>
    public static ComplaintFacts From(ComplaintSnapshot complaint, Instant asOf, SlaEngine engine)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(engine);
        var then = complaint.Before(asOf);
        var results = new List<SlaResult>();
        if (asOf > then.Intake.ReceivedAt)
        {
            // Just before the end, which is exclusive: every entry before it, and any deadline passed before it.
            foreach (var policy in engine.Evaluate(then, asOf - Duration.Epsilon).Policies)
            {
                foreach (var target in policy.Targets)
                {
                    SlaStatus? status = target.BreachedEarlier ? SlaStatus.Breached : target.State switch
                    {
                        SlaClockState.Met => SlaStatus.Met,
                        SlaClockState.Breached => SlaStatus.Breached,
                        SlaClockState.Stopped => null,
                        _ => SlaStatus.Open,
                    };
                    if (status is { } s)
                    {
                        results.Add(new SlaResult($"{policy.Policy.Name}/{target.Target.Name}", s));
                    }
                }
            }
        }

        return Summarise(then, results);
    }

    private static ComplaintFacts Summarise(ComplaintSnapshot complaint, IEnumerable<SlaResult>? sla) =>
        new ComplaintFacts(complaint.Id, complaint.Kind, complaint.Intake.Channel, complaint.Category, complaint.Intake.Customer, complaint.Intake.ReceivedAt)
        {
            State = complaint.State,
            Team = complaint.Team,
            FirstResponseAt = complaint.FirstResponseAt,
            AcknowledgedAt = complaint.AcknowledgedAt,
            HoldingReplyAt = complaint.HoldingReplyAt,
            CompleteInformationAt = complaint.CompleteInformationAt,
            ClosedAt = complaint.FinishedAt,
            FirstClosedAt = complaint.FirstClosedAt,
            ReopenedAt = complaint.ReopenedAt,
            RecontactAt = complaint.RecontactAt,
            ResolvedAtFirstContact = complaint.ResolvedAtFirstContact,
            Outcome = complaint.Outcome,
            RootCause = complaint.RootCause?.Code,
            Rating = complaint.Rating,
            HighestLevel = complaint.HighestLevelRank,
            Handling = complaint.Handling,
            Remedies = complaint.AgreedRemedies,
            Sla = sla is null ? [] : [.. sla],
        };

    internal string? Inconsistency()
    {
        var terminal = State.IsTerminal();
        if (terminal && ClosedAt is null)
        {
            return $"State is {State}, a terminal state, but ClosedAt is not set.";
        }

        if (!terminal && ClosedAt is not null)
        {
            return $"State is {State}, an open state, but ClosedAt is set.";
        }

        return Before(FirstResponseAt, nameof(FirstResponseAt), ReceivedAt, nameof(ReceivedAt))
            ?? Before(AcknowledgedAt, nameof(AcknowledgedAt), ReceivedAt, nameof(ReceivedAt))
            ?? Before(HoldingReplyAt, nameof(HoldingReplyAt), ReceivedAt, nameof(ReceivedAt))
            ?? Before(CompleteInformationAt, nameof(CompleteInformationAt), ReceivedAt, nameof(ReceivedAt))
            ?? Before(ClosedAt, nameof(ClosedAt), ReceivedAt, nameof(ReceivedAt))
            ?? Before(FirstClosedAt, nameof(FirstClosedAt), ReceivedAt, nameof(ReceivedAt))
            ?? After(FirstClosedAt, nameof(FirstClosedAt), State == ComplaintState.Closed ? ClosedAt : null, nameof(ClosedAt))
            ?? Needs(ReopenedAt, nameof(ReopenedAt))
            ?? Needs(RecontactAt, nameof(RecontactAt))
            ?? Before(ReopenedAt, nameof(ReopenedAt), EffectiveFirstClosedAt, "the first closure")
            ?? Before(RecontactAt, nameof(RecontactAt), EffectiveFirstClosedAt, "the first closure")
            ?? (ResolvedAtFirstContact && EffectiveFirstClosedAt is null
                ? "ResolvedAtFirstContact is set but the complaint was never closed."
                : null);
    }

    private string? Needs(Instant? value, string name) =>
        value is not null && EffectiveFirstClosedAt is null ? $"{name} is set but the complaint was never closed." : null;

    private static string? Before(Instant? value, string name, Instant? limit, string limitName) =>
        value is { } v && limit is { } l && v < l ? $"{name} ({v}) is before {limitName} ({l})." : null;

    private static string? After(Instant? value, string name, Instant? limit, string limitName) =>
        value is { } v && limit is { } l && v > l ? $"{name} ({v}) is after {limitName} ({l})." : null;
}
