using Complaints.Core.Domain;
using System.Text.Json.Serialization;
using NodaTime;

namespace Complaints.Core.History;

/// <summary>
/// The typed data of a history entry. Match on the derived type to read it. Every derived record validates its
/// values in its constructor, with the same rules as the verbs that record it, and names the field it refuses. In the
/// canonical JSON format each record is an object whose <c>type</c> is the record's name, a name that never changes.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(TransitionNote), "TransitionNote")]
[JsonDerivedType(typeof(Acknowledgement), "Acknowledgement")]
[JsonDerivedType(typeof(Assessment), "Assessment")]
[JsonDerivedType(typeof(InformationRequest), "InformationRequest")]
[JsonDerivedType(typeof(InformationProvided), "InformationProvided")]
[JsonDerivedType(typeof(ResolutionProposal), "ResolutionProposal")]
[JsonDerivedType(typeof(ResolutionAcceptance), "ResolutionAcceptance")]
[JsonDerivedType(typeof(ResolutionRejection), "ResolutionRejection")]
[JsonDerivedType(typeof(Escalation), "Escalation")]
[JsonDerivedType(typeof(Deescalation), "Deescalation")]
[JsonDerivedType(typeof(Closure), "Closure")]
[JsonDerivedType(typeof(Reopening), "Reopening")]
[JsonDerivedType(typeof(Rejection), "Rejection")]
[JsonDerivedType(typeof(Referral), "Referral")]
[JsonDerivedType(typeof(Communication), "Communication")]
[JsonDerivedType(typeof(PriorityChange), "PriorityChange")]
[JsonDerivedType(typeof(SeverityChange), "SeverityChange")]
[JsonDerivedType(typeof(CategoryChange), "CategoryChange")]
[JsonDerivedType(typeof(AssignmentChange), "AssignmentChange")]
[JsonDerivedType(typeof(PromisedDateChange), "PromisedDateChange")]
[JsonDerivedType(typeof(CustomerTierChange), "CustomerTierChange")]
[JsonDerivedType(typeof(Rating), "Rating")]
[JsonDerivedType(typeof(HandlingTime), "HandlingTime")]
[JsonDerivedType(typeof(Approval), "Approval")]
[JsonDerivedType(typeof(AbusiveContact), "AbusiveContact")]
[JsonDerivedType(typeof(PolicyApplication), "PolicyApplication")]
public abstract record HistoryData
{
    private protected HistoryData()
    {
    }
}

/// <summary>A note that goes with a plain transition (start investigating, resolve a suggestion, follow up, withdraw).</summary>
public sealed record TransitionNote : HistoryData
{
    /// <summary>Initializes a new instance of the <see cref="TransitionNote"/> class.</summary>
    /// <param name="note">The note, if any.</param>
    /// <exception cref="ArgumentException">A value is malformed, too long, or not a change; the message names the field.</exception>
    public TransitionNote(string? note)
    {
        Note = Guard.OptionalText(note, nameof(note), TextLimits.Text);
    }

    /// <summary>Gets the note, if any.</summary>
    public string? Note { get; }
}

/// <summary>The acknowledgement sent to the customer.</summary>
public sealed record Acknowledgement : HistoryData
{
    /// <summary>Initializes a new instance of the <see cref="Acknowledgement"/> class.</summary>
    /// <param name="message">The acknowledgement text, if recorded.</param>
    /// <exception cref="ArgumentException">A value is malformed, too long, or not a change; the message names the field.</exception>
    public Acknowledgement(string? message)
    {
        Message = Guard.OptionalText(message, nameof(message), TextLimits.Text);
    }

    /// <summary>Gets the acknowledgement text, if recorded.</summary>
    public string? Message { get; }
}

/// <summary>The initial assessment: how severe, how urgent and where it belongs.</summary>
public sealed record Assessment : HistoryData
{
    /// <summary>Initializes a new instance of the <see cref="Assessment"/> class.</summary>
    /// <param name="severity">The assessed severity.</param>
    /// <param name="priority">The assessed priority.</param>
    /// <param name="category">The assessed category.</param>
    /// <param name="summary">The assessment summary: nature, complexity, actions needed.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range or not a defined enum value.</exception>
    /// <exception cref="ArgumentNullException">A required value is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A value is malformed, too long, or not a change; the message names the field.</exception>
    public Assessment(Severity severity, Priority priority, Category category, string? summary)
    {
        Severity = Guard.Defined(severity, nameof(severity));
        Priority = Guard.Defined(priority, nameof(priority));
        Category = category ?? throw new ArgumentNullException(nameof(category));
        Summary = Guard.OptionalText(summary, nameof(summary), TextLimits.Text);
    }

    /// <summary>Gets the assessed severity.</summary>
    public Severity Severity { get; }

    /// <summary>Gets the assessed priority.</summary>
    public Priority Priority { get; }

    /// <summary>Gets the assessed category.</summary>
    public Category Category { get; }

    /// <summary>Gets the assessment summary: nature, complexity, actions needed.</summary>
    public string? Summary { get; }
}

/// <summary>Questions put to the customer for information that is missing.</summary>
public sealed record InformationRequest : HistoryData
{
    /// <summary>Initializes a new instance of the <see cref="InformationRequest"/> class.</summary>
    /// <param name="questions">The questions, at least one; none of them one the customer has already answered.</param>
    /// <exception cref="ArgumentException">A value is malformed, too long, or not a change; the message names the field.</exception>
    /// <exception cref="ArgumentNullException">A required value is <see langword="null"/>.</exception>
    public InformationRequest(IReadOnlyList<string> questions)
    {
        Questions = CheckQuestions(questions);
    }

    /// <summary>Gets the questions, at least one; none of them one the customer has already answered.</summary>
    public IReadOnlyList<string> Questions { get; }

    /// <summary>Gets whether another InformationRequest holds equal values, comparing <see cref="Questions"/> item by item.</summary>
    /// <param name="other">The other record.</param>
    /// <returns><see langword="true"/> if every value is equal.</returns>
    public bool Equals(InformationRequest? other) =>
        other is not null && Sequences.Equal(Questions, other.Questions);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Sequences.Hash(Questions));

    private static System.Collections.ObjectModel.ReadOnlyCollection<string> CheckQuestions(IReadOnlyList<string> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var list = questions.Select((q, i) => Guard.Text(q, $"{nameof(questions)}[{i}]", TextLimits.Text)).ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("questions must hold at least one question.", nameof(questions));
        }

        return Array.AsReadOnly(list);
    }
}

/// <summary>The customer's answer to the open questions.</summary>
public sealed record InformationProvided : HistoryData
{
    /// <summary>Initializes a new instance of the <see cref="InformationProvided"/> class.</summary>
    /// <param name="answer">The answer, if recorded.</param>
    /// <exception cref="ArgumentException">A value is malformed, too long, or not a change; the message names the field.</exception>
    public InformationProvided(string? answer)
    {
        Answer = Guard.OptionalText(answer, nameof(answer), TextLimits.Text);
    }

    /// <summary>Gets the answer, if recorded.</summary>
    public string? Answer { get; }
}

/// <summary>A proposed resolution with its remedies.</summary>
public sealed record ResolutionProposal : HistoryData
{
    /// <summary>Initializes a new instance of the <see cref="ResolutionProposal"/> class.</summary>
    /// <param name="remedies">The remedies offered; empty for a pure explanation.</param>
    /// <param name="explanation">The explanation given to the customer; required when no remedy is offered.</param>
    /// <exception cref="ArgumentException">A value is malformed, too long, or not a change; the message names the field.</exception>
    /// <exception cref="ArgumentNullException">A required value is <see langword="null"/>.</exception>
    public ResolutionProposal(IReadOnlyList<Remedy> remedies, string? explanation)
    {
        Remedies = Guard.List(remedies, nameof(remedies));
        Explanation = Guard.OptionalText(explanation, nameof(explanation), TextLimits.Text);
        if (Remedies.Count == 0 && Explanation is null)
        {
            throw new ArgumentException("remedies must hold at least one remedy when no explanation is given.", nameof(remedies));
        }
    }

    /// <summary>Gets the remedies offered; empty for a pure explanation.</summary>
    public IReadOnlyList<Remedy> Remedies { get; }

    /// <summary>Gets the explanation given to the customer; required when no remedy is offered.</summary>
    public string? Explanation { get; }

    /// <summary>Gets whether another ResolutionProposal holds equal values, comparing <see cref="Remedies"/> item by item.</summary>
    /// <param name="other">The other record.</param>
    /// <returns><see langword="true"/> if every value is equal.</returns>
    public bool Equals(ResolutionProposal? other) =>
        other is not null && Sequences.Equal(Remedies, other.Remedies) && EqualityComparer<string?>.Default.Equals(Explanation, other.Explanation);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Sequences.Hash(Remedies), Explanation);
}

/// <summary>The customer's acceptance of the proposed resolution.</summary>
public sealed record ResolutionAcceptance : HistoryData
{
    /// <summary>Initializes a new instance of the <see cref="ResolutionAcceptance"/> class.</summary>
    /// <param name="comment">The customer's comment, if any.</param>
    /// <exception cref="ArgumentException">A value is malformed, too long, or not a change; the message names the field.</exception>
    public ResolutionAcceptance(string? comment)
    {
        Comment = Guard.OptionalText(comment, nameof(comment), TextLimits.Text);
    }

    /// <summary>Gets the customer's comment, if any.</summary>
    public string? Comment { get; }
}

/// <summary>The customer's rejection of the proposed resolution, and the escalation it led to.</summary>
public sealed record ResolutionRejection : HistoryData
{
    /// <summary>Initializes a new instance of the <see cref="ResolutionRejection"/> class.</summary>
    /// <param name="comment">The customer's comment, if any.</param>
    /// <param name="consentToEscalate">Whether the customer agreed to the case being escalated.</param>
    /// <param name="fromLevel">The escalation level before (0 is the first level of the ladder).</param>
    /// <param name="toLevel">The escalation level after: <paramref name="fromLevel"/> when the case was not escalated, one above it when it was.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range or not a defined enum value.</exception>
    /// <exception cref="ArgumentException">A value is malformed, too long, or not a change; the message names the field.</exception>
    public ResolutionRejection(string? comment, bool consentToEscalate, int fromLevel, int toLevel)
    {
        Comment = Guard.OptionalText(comment, nameof(comment), TextLimits.Text);
        ConsentToEscalate = consentToEscalate;
        FromLevel = Guard.Level(fromLevel, nameof(fromLevel));
        ToLevel = toLevel;
        if (toLevel != fromLevel && (long)toLevel != (long)fromLevel + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(toLevel), toLevel, $"toLevel must be fromLevel ({fromLevel}) or one above it.");
        }
    }

    /// <summary>Gets the customer's comment, if any.</summary>
    public string? Comment { get; }

    /// <summary>Gets whether the customer agreed to the case being escalated.</summary>
    public bool ConsentToEscalate { get; }

    /// <summary>Gets the escalation level before (0 is the first level of the ladder).</summary>
    public int FromLevel { get; }

    /// <summary>Gets the escalation level after: the level before when the case was not escalated, one above it when it was.</summary>
    public int ToLevel { get; }
}

/// <summary>An escalation from one level of the ladder to a higher one.</summary>
public sealed record Escalation : HistoryData
{
    /// <summary>Initializes a new instance of the <see cref="Escalation"/> class.</summary>
    /// <param name="fromLevel">The level before (0 is the first level of the ladder).</param>
    /// <param name="toLevel">The level after; above <paramref name="fromLevel"/>.</param>
    /// <param name="reason">Why it was escalated.</param>
    /// <param name="customerConsent">Whether the customer agreed to the escalation.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range or not a defined enum value.</exception>
    /// <exception cref="ArgumentException">A value is malformed, too long, or not a change; the message names the field.</exception>
    /// <exception cref="ArgumentNullException">A required value is <see langword="null"/>.</exception>
    public Escalation(int fromLevel, int toLevel, string reason, bool customerConsent)
    {
        FromLevel = Guard.Level(fromLevel, nameof(fromLevel));
        ToLevel = toLevel;
        Reason = Guard.Text(reason, nameof(reason), TextLimits.Text);
        CustomerConsent = customerConsent;
        if (toLevel <= fromLevel)
        {
            throw new ArgumentOutOfRangeException(nameof(toLevel), toLevel, $"toLevel must be above fromLevel ({fromLevel}).");
        }
    }

    /// <summary>Gets the level before (0 is the first level of the ladder).</summary>
    public int FromLevel { get; }

    /// <summary>Gets the level after; above the level before.</summary>
    public int ToLevel { get; }

    /// <summary>Gets why it was escalated.</summary>
    public string Reason { get; }

    /// <summary>Gets whether the customer agreed to the escalation.</summary>
    public bool CustomerConsent { get; }
}

/// <summary>A de-escalation: the case handed back from one level of the ladder to a lower one, the state unchanged.</summary>
public sealed record Deescalation : HistoryData
{
    /// <summary>Initializes a new instance of the <see cref="Deescalation"/> class.</summary>
    /// <param name="fromLevel">The level before (0 is the first level of the ladder).</param>
    /// <param name="toLevel">The level after; below <paramref name="fromLevel"/> and not negative.</param>
    /// <param name="reason">Why it was handed back.</param>
    /// <exception cref="ArgumentOutOfRangeException">A level is negative, or <paramref name="toLevel"/> is not below <paramref name="fromLevel"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty, padded or too long; the message names the field.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is <see langword="null"/>.</exception>
    public Deescalation(int fromLevel, int toLevel, string reason)
    {
        FromLevel = Guard.Level(fromLevel, nameof(fromLevel));
        ToLevel = Guard.Level(toLevel, nameof(toLevel));
        Reason = Guard.Text(reason, nameof(reason), TextLimits.Text);
        if (toLevel >= fromLevel)
        {
            throw new ArgumentOutOfRangeException(nameof(toLevel), toLevel, $"toLevel must be below fromLevel ({fromLevel}).");
        }
    }

    /// <summary>Gets the level before (0 is the first level of the ladder).</summary>
    public int FromLevel { get; }

    /// <summary>Gets the level after; below the level before.</summary>
    public int ToLevel { get; }

    /// <summary>Gets why the case was handed back.</summary>
    public string Reason { get; }
}

/// <summary>The closure of a complaint, with its outcome and root cause.</summary>
public sealed record Closure : HistoryData
{
    /// <summary>Initializes a new instance of the <see cref="Closure"/> class.</summary>
    /// <param name="outcome">The outcome; required for complaints and claims.</param>
    /// <param name="rootCause">The root cause, if found; required where the options say so.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range or not a defined enum value.</exception>
    public Closure(ComplaintOutcome? outcome, RootCause? rootCause)
    {
        Outcome = outcome is { } o ? Guard.Defined(o, nameof(outcome)) : null;
        RootCause = rootCause;
    }

    /// <summary>Gets the outcome; required for complaints and claims.</summary>
    public ComplaintOutcome? Outcome { get; }

    /// <summary>Gets the root cause, if found; required where the options say so.</summary>
    public RootCause? RootCause { get; }
}

/// <summary>Why a complaint was reopened.</summary>
public sealed record Reopening : HistoryData
{
    /// <summary>Initializes a new instance of the <see cref="Reopening"/> class.</summary>
    /// <param name="reason">The reason.</param>
    /// <exception cref="ArgumentException">A value is malformed, too long, or not a change; the message names the field.</exception>
    /// <exception cref="ArgumentNullException">A required value is <see langword="null"/>.</exception>
    public Reopening(string reason)
    {
        Reason = Guard.Text(reason, nameof(reason), TextLimits.Text);
    }

    /// <summary>Gets the reason.</summary>
    public string Reason { get; }
}

/// <summary>Why a complaint was rejected.</summary>
public sealed record Rejection : HistoryData
{
    /// <summary>Initializes a new instance of the <see cref="Rejection"/> class.</summary>
    /// <param name="reason">The reason.</param>
    /// <param name="note">More detail, if any.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range or not a defined enum value.</exception>
    /// <exception cref="ArgumentException">A value is malformed, too long, or not a change; the message names the field.</exception>
    public Rejection(RejectionReason reason, string? note)
    {
        Reason = Guard.Defined(reason, nameof(reason));
        Note = Guard.OptionalText(note, nameof(note), TextLimits.Text);
    }

    /// <summary>Gets the reason.</summary>
    public RejectionReason Reason { get; }

    /// <summary>Gets more detail, if any.</summary>
    public string? Note { get; }
}

/// <summary>The outside body a complaint was referred to.</summary>
public sealed record Referral : HistoryData
{
    /// <summary>Initializes a new instance of the <see cref="Referral"/> class.</summary>
    /// <param name="body">The ombudsman, regulator or court.</param>
    /// <param name="reference">The body's reference, if known.</param>
    /// <exception cref="ArgumentException">A value is malformed, too long, or not a change; the message names the field.</exception>
    /// <exception cref="ArgumentNullException">A required value is <see langword="null"/>.</exception>
    public Referral(string body, string? reference)
    {
        Body = Guard.Text(body, nameof(body), TextLimits.Name);
        Reference = Guard.OptionalText(reference, nameof(reference), TextLimits.Name);
    }

    /// <summary>Gets the ombudsman, regulator or court.</summary>
    public string Body { get; }

    /// <summary>Gets the body's reference, if known.</summary>
    public string? Reference { get; }
}

/// <summary>A communication with or about the customer.</summary>
public sealed record Communication : HistoryData
{
    /// <summary>Initializes a new instance of the <see cref="Communication"/> class.</summary>
    /// <param name="kind">What sort of communication it was.</param>
    /// <param name="text">Its text or a summary of it.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range or not a defined enum value.</exception>
    /// <exception cref="ArgumentException">A value is malformed, too long, or not a change; the message names the field.</exception>
    /// <exception cref="ArgumentNullException">A required value is <see langword="null"/>.</exception>
    public Communication(CommunicationKind kind, string text)
    {
        Kind = Guard.Defined(kind, nameof(kind));
        Text = Guard.Text(text, nameof(text), TextLimits.Text);
    }

    /// <summary>Gets what sort of communication it was.</summary>
    public CommunicationKind Kind { get; }

    /// <summary>Gets its text or a summary of it.</summary>
    public string Text { get; }
}

/// <summary>A change of priority.</summary>
public sealed record PriorityChange : HistoryData
{
    /// <summary>Initializes a new instance of the <see cref="PriorityChange"/> class.</summary>
    /// <param name="from">The priority before.</param>
    /// <param name="to">The priority after; different from <paramref name="from"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range or not a defined enum value.</exception>
    /// <exception cref="ArgumentException">A value is malformed, too long, or not a change; the message names the field.</exception>
    public PriorityChange(Priority from, Priority to)
    {
        From = Guard.Defined(from, nameof(from));
        To = Guard.Changed(from, Guard.Defined(to, nameof(to)), nameof(to));
    }

    /// <summary>Gets the priority before.</summary>
    public Priority From { get; }

    /// <summary>Gets the priority after; different from the value before.</summary>
    public Priority To { get; }
}

/// <summary>A change of severity.</summary>
public sealed record SeverityChange : HistoryData
{
    /// <summary>Initializes a new instance of the <see cref="SeverityChange"/> class.</summary>
    /// <param name="from">The severity before.</param>
    /// <param name="to">The severity after; different from <paramref name="from"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range or not a defined enum value.</exception>
    /// <exception cref="ArgumentException">A value is malformed, too long, or not a change; the message names the field.</exception>
    public SeverityChange(Severity from, Severity to)
    {
        From = Guard.Defined(from, nameof(from));
        To = Guard.Changed(from, Guard.Defined(to, nameof(to)), nameof(to));
    }

    /// <summary>Gets the severity before.</summary>
    public Severity From { get; }

    /// <summary>Gets the severity after; different from the value before.</summary>
    public Severity To { get; }
}

/// <summary>A change of category.</summary>
public sealed record CategoryChange : HistoryData
{
    /// <summary>Initializes a new instance of the <see cref="CategoryChange"/> class.</summary>
    /// <param name="from">The category before.</param>
    /// <param name="to">The category after; different from <paramref name="from"/>.</param>
    /// <exception cref="ArgumentNullException">A required value is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A value is malformed, too long, or not a change; the message names the field.</exception>
    public CategoryChange(Category from, Category to)
    {
        From = from ?? throw new ArgumentNullException(nameof(from));
        To = Guard.Changed(from, to ?? throw new ArgumentNullException(nameof(to)), nameof(to));
    }

    /// <summary>Gets the category before.</summary>
    public Category From { get; }

    /// <summary>Gets the category after; different from the value before.</summary>
    public Category To { get; }
}

/// <summary>A change of the team or person handling the complaint.</summary>
public sealed record AssignmentChange : HistoryData
{
    /// <summary>Initializes a new instance of the <see cref="AssignmentChange"/> class.</summary>
    /// <param name="fromTeam">The team before, if any.</param>
    /// <param name="fromAssignee">The assignee before, if any.</param>
    /// <param name="toTeam">The team after, if any.</param>
    /// <param name="toAssignee">The assignee after, if any.</param>
    /// <exception cref="ArgumentException">A value is malformed, too long, or not a change; the message names the field.</exception>
    public AssignmentChange(string? fromTeam, string? fromAssignee, string? toTeam, string? toAssignee)
    {
        FromTeam = Guard.OptionalText(fromTeam, nameof(fromTeam), TextLimits.Name);
        FromAssignee = Guard.OptionalText(fromAssignee, nameof(fromAssignee), TextLimits.Name);
        ToTeam = Guard.OptionalText(toTeam, nameof(toTeam), TextLimits.Name);
        ToAssignee = Guard.OptionalText(toAssignee, nameof(toAssignee), TextLimits.Name);
        if (toTeam == fromTeam && toAssignee == fromAssignee)
        {
            throw new ArgumentException("toTeam and toAssignee are already the current ones.", nameof(toTeam));
        }
    }

    /// <summary>Gets the team before, if any.</summary>
    public string? FromTeam { get; }

    /// <summary>Gets the assignee before, if any.</summary>
    public string? FromAssignee { get; }

    /// <summary>Gets the team after, if any.</summary>
    public string? ToTeam { get; }

    /// <summary>Gets the assignee after, if any.</summary>
    public string? ToAssignee { get; }
}

/// <summary>A change of the date promised to the customer.</summary>
public sealed record PromisedDateChange : HistoryData
{
    /// <summary>Initializes a new instance of the <see cref="PromisedDateChange"/> class.</summary>
    /// <param name="from">The promised instant before, if any.</param>
    /// <param name="to">The promised instant after, if any; different from <paramref name="from"/>.</param>
    /// <exception cref="ArgumentException">A value is malformed, too long, or not a change; the message names the field.</exception>
    public PromisedDateChange(Instant? from, Instant? to)
    {
        From = from;
        To = Guard.Changed(from, to, nameof(to));
    }

    /// <summary>Gets the promised instant before, if any.</summary>
    [JsonConverter(typeof(InstantJsonConverter))]
    public Instant? From { get; }

    /// <summary>Gets the promised instant after, if any; different from the value before.</summary>
    [JsonConverter(typeof(InstantJsonConverter))]
    public Instant? To { get; }
}

/// <summary>A change of the customer's tier.</summary>
public sealed record CustomerTierChange : HistoryData
{
    /// <summary>Initializes a new instance of the <see cref="CustomerTierChange"/> class.</summary>
    /// <param name="from">The tier before, if any.</param>
    /// <param name="to">The tier after, if any; different from <paramref name="from"/>.</param>
    /// <exception cref="ArgumentException">A value is malformed, too long, or not a change; the message names the field.</exception>
    public CustomerTierChange(string? from, string? to)
    {
        From = Guard.OptionalText(from, nameof(from), TextLimits.Label);
        To = Guard.Changed(from, Guard.OptionalText(to, nameof(to), TextLimits.Label), nameof(to));
    }

    /// <summary>Gets the tier before, if any.</summary>
    public string? From { get; }

    /// <summary>Gets the tier after, if any; different from the value before.</summary>
    public string? To { get; }
}

/// <summary>The customer's satisfaction rating.</summary>
public sealed record Rating : HistoryData
{
    /// <summary>Initializes a new instance of the <see cref="Rating"/> class.</summary>
    /// <param name="score">The score, 1 (very dissatisfied) to 5 (very satisfied).</param>
    /// <param name="comment">The customer's comment, if any.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range or not a defined enum value.</exception>
    /// <exception cref="ArgumentException">A value is malformed, too long, or not a change; the message names the field.</exception>
    public Rating(int score, string? comment)
    {
        Score = CheckScore(score);
        Comment = Guard.OptionalText(comment, nameof(comment), TextLimits.Text);
    }

    /// <summary>Gets the score, 1 (very dissatisfied) to 5 (very satisfied).</summary>
    public int Score { get; }

    /// <summary>Gets the customer's comment, if any.</summary>
    public string? Comment { get; }

    private static int CheckScore(int score)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(score, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 5);
        return score;
    }
}

/// <summary>Time spent by staff handling the complaint.</summary>
public sealed record HandlingTime : HistoryData
{
    /// <summary>The most handling time one entry may record: 1,000 hours.</summary>
    public static readonly Duration MaxTime = Duration.FromHours(1_000);

    /// <summary>Initializes a new instance of the <see cref="HandlingTime"/> class.</summary>
    /// <param name="time">The time spent; positive and at most <see cref="MaxTime"/>.</param>
    /// <param name="role">The role or team that spent it, for costing; optional.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range or not a defined enum value.</exception>
    /// <exception cref="ArgumentException">A value is malformed, too long, or not a change; the message names the field.</exception>
    public HandlingTime(Duration time, string? role)
    {
        Time = CheckTime(time);
        Role = Guard.OptionalText(role, nameof(role), TextLimits.Name);
    }

    /// <summary>Gets the time spent; positive and at most <see cref="MaxTime"/>.</summary>
    [JsonConverter(typeof(DurationJsonConverter))]
    public Duration Time { get; }

    /// <summary>Gets the role or team that spent it, for costing; optional.</summary>
    public string? Role { get; }

    private static Duration CheckTime(Duration time) =>
        time > Duration.Zero && time <= MaxTime
            ? time
            : throw new ArgumentOutOfRangeException(nameof(time), time, $"time must be positive and at most {MaxTime}.");
}

/// <summary>An approval given, for example of a remedy above the usual limits.</summary>
public sealed record Approval : HistoryData
{
    /// <summary>Initializes a new instance of the <see cref="Approval"/> class.</summary>
    /// <param name="subject">What was approved.</param>
    /// <param name="note">More detail, if any.</param>
    /// <exception cref="ArgumentException">A value is malformed, too long, or not a change; the message names the field.</exception>
    /// <exception cref="ArgumentNullException">A required value is <see langword="null"/>.</exception>
    public Approval(string subject, string? note)
    {
        Subject = Guard.Text(subject, nameof(subject), TextLimits.Text);
        Note = Guard.OptionalText(note, nameof(note), TextLimits.Text);
    }

    /// <summary>Gets what was approved.</summary>
    public string Subject { get; }

    /// <summary>Gets more detail, if any.</summary>
    public string? Note { get; }
}

/// <summary>
/// A policy rule's decision carried out: the rule's name, so that the rule does not fire again for the complaint in the
/// same cycle (from receipt, or from the latest reopening) unless it repeats.
/// </summary>
public sealed record PolicyApplication : HistoryData
{
    /// <summary>Initializes a new instance of the <see cref="PolicyApplication"/> class.</summary>
    /// <param name="rule">The rule's name.</param>
    /// <param name="note">What was done, if recorded.</param>
    /// <exception cref="ArgumentException">A value is malformed or too long; the message names the field.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is <see langword="null"/>.</exception>
    public PolicyApplication(string rule, string? note)
    {
        Rule = Guard.Text(rule, nameof(rule), TextLimits.Name);
        Note = Guard.OptionalText(note, nameof(note), TextLimits.Text);
    }

    /// <summary>Gets the rule's name.</summary>
    public string Rule { get; }

    /// <summary>Gets what was done, if recorded.</summary>
    public string? Note { get; }
}

/// <summary>Abusive or threatening contact: the conversation was ended and the case flagged, not lost.</summary>
public sealed record AbusiveContact : HistoryData
{
    /// <summary>Initializes a new instance of the <see cref="AbusiveContact"/> class.</summary>
    /// <param name="note">What happened.</param>
    /// <exception cref="ArgumentException">A value is malformed, too long, or not a change; the message names the field.</exception>
    /// <exception cref="ArgumentNullException">A required value is <see langword="null"/>.</exception>
    public AbusiveContact(string note)
    {
        Note = Guard.Text(note, nameof(note), TextLimits.Text);
    }

    /// <summary>Gets what happened.</summary>
    public string Note { get; }
}
