using Complaints.Core.Domain;
using NodaTime;

namespace Complaints.Core.History;

/// <summary>The typed data of a history entry. Match on the derived type to read it.</summary>
public abstract record HistoryData
{
    private protected HistoryData()
    {
    }
}

/// <summary>A note that goes with a plain transition (start investigating, resolve a suggestion, follow up, withdraw).</summary>
/// <param name="Note">The note, if any.</param>
public sealed record TransitionNote(string? Note) : HistoryData;

/// <summary>The acknowledgement sent to the customer.</summary>
/// <param name="Message">The acknowledgement text, if recorded.</param>
public sealed record Acknowledgement(string? Message) : HistoryData;

/// <summary>The initial assessment: how severe, how urgent and where it belongs.</summary>
/// <param name="Severity">The assessed severity.</param>
/// <param name="Priority">The assessed priority.</param>
/// <param name="Category">The assessed category.</param>
/// <param name="Summary">The assessment summary: nature, complexity, actions needed.</param>
public sealed record Assessment(Severity Severity, Priority Priority, Category Category, string? Summary) : HistoryData;

/// <summary>Questions put to the customer for information that is missing.</summary>
/// <param name="Questions">The questions; none of them one the customer has already answered.</param>
public sealed record InformationRequest(IReadOnlyList<string> Questions) : HistoryData;

/// <summary>The customer's answer to the open questions.</summary>
/// <param name="Answer">The answer, if recorded.</param>
public sealed record InformationProvided(string? Answer) : HistoryData;

/// <summary>A proposed resolution with its remedies.</summary>
/// <param name="Remedies">The remedies offered; empty for a pure explanation.</param>
/// <param name="Explanation">The explanation given to the customer, if any.</param>
public sealed record ResolutionProposal(IReadOnlyList<Remedy> Remedies, string? Explanation) : HistoryData;

/// <summary>The customer's acceptance of the proposed resolution.</summary>
/// <param name="Comment">The customer's comment, if any.</param>
public sealed record ResolutionAcceptance(string? Comment) : HistoryData;

/// <summary>The customer's rejection of the proposed resolution, and the escalation it led to.</summary>
/// <param name="Comment">The customer's comment, if any.</param>
/// <param name="ConsentToEscalate">Whether the customer agreed to the case being escalated.</param>
/// <param name="FromLevel">The escalation level before.</param>
/// <param name="ToLevel">The escalation level after; equal to <paramref name="FromLevel"/> when it was not escalated.</param>
public sealed record ResolutionRejection(string? Comment, bool ConsentToEscalate, int FromLevel, int ToLevel) : HistoryData;

/// <summary>An escalation from one level of the ladder to a higher one.</summary>
/// <param name="FromLevel">The level before (0 is the first level of the ladder).</param>
/// <param name="ToLevel">The level after.</param>
/// <param name="Reason">Why it was escalated.</param>
/// <param name="CustomerConsent">Whether the customer agreed to the escalation.</param>
public sealed record Escalation(int FromLevel, int ToLevel, string Reason, bool CustomerConsent) : HistoryData;

/// <summary>The closure of a complaint, with its outcome and root cause.</summary>
/// <param name="Outcome">The outcome; required for complaints and claims.</param>
/// <param name="RootCause">The root cause, if found; required where the options say so.</param>
public sealed record Closure(ComplaintOutcome? Outcome, RootCause? RootCause) : HistoryData;

/// <summary>Why a complaint was reopened.</summary>
/// <param name="Reason">The reason.</param>
public sealed record Reopening(string Reason) : HistoryData;

/// <summary>Why a complaint was rejected.</summary>
/// <param name="Reason">The reason.</param>
/// <param name="Note">More detail, if any.</param>
public sealed record Rejection(RejectionReason Reason, string? Note) : HistoryData;

/// <summary>The outside body a complaint was referred to.</summary>
/// <param name="Body">The ombudsman, regulator or court.</param>
/// <param name="Reference">The body's reference, if known.</param>
public sealed record Referral(string Body, string? Reference) : HistoryData;

/// <summary>A communication with or about the customer.</summary>
/// <param name="Kind">What sort of communication it was.</param>
/// <param name="Text">Its text or a summary of it.</param>
public sealed record Communication(CommunicationKind Kind, string Text) : HistoryData;

/// <summary>A change of priority.</summary>
/// <param name="From">The priority before.</param>
/// <param name="To">The priority after.</param>
public sealed record PriorityChange(Priority From, Priority To) : HistoryData;

/// <summary>A change of severity.</summary>
/// <param name="From">The severity before.</param>
/// <param name="To">The severity after.</param>
public sealed record SeverityChange(Severity From, Severity To) : HistoryData;

/// <summary>A change of category.</summary>
/// <param name="From">The category before.</param>
/// <param name="To">The category after.</param>
public sealed record CategoryChange(Category From, Category To) : HistoryData;

/// <summary>A change of the team or person handling the complaint.</summary>
/// <param name="FromTeam">The team before, if any.</param>
/// <param name="FromAssignee">The assignee before, if any.</param>
/// <param name="ToTeam">The team after, if any.</param>
/// <param name="ToAssignee">The assignee after, if any.</param>
public sealed record AssignmentChange(string? FromTeam, string? FromAssignee, string? ToTeam, string? ToAssignee) : HistoryData;

/// <summary>A change of the date promised to the customer.</summary>
/// <param name="From">The promised instant before, if any.</param>
/// <param name="To">The promised instant after, if any.</param>
public sealed record PromisedDateChange(Instant? From, Instant? To) : HistoryData;

/// <summary>A change of the customer's tier.</summary>
/// <param name="From">The tier before, if any.</param>
/// <param name="To">The tier after, if any.</param>
public sealed record CustomerTierChange(string? From, string? To) : HistoryData;

/// <summary>The customer's satisfaction rating.</summary>
/// <param name="Score">The score, 1 (very dissatisfied) to 5 (very satisfied).</param>
/// <param name="Comment">The customer's comment, if any.</param>
public sealed record Rating(int Score, string? Comment) : HistoryData;

/// <summary>Time spent by staff handling the complaint.</summary>
/// <param name="Time">The time spent.</param>
/// <param name="Role">The role or team that spent it, for costing; optional.</param>
public sealed record HandlingTime(Duration Time, string? Role) : HistoryData;

/// <summary>An approval given, for example of a remedy above the usual limits.</summary>
/// <param name="Subject">What was approved.</param>
/// <param name="Note">More detail, if any.</param>
public sealed record Approval(string Subject, string? Note) : HistoryData;

/// <summary>Abusive or threatening contact: the conversation was ended and the case flagged, not lost.</summary>
/// <param name="Note">What happened.</param>
public sealed record AbusiveContact(string Note) : HistoryData;
