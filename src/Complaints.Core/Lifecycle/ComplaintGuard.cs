namespace Complaints.Core.Lifecycle;

/// <summary>
/// A rule of the lifecycle that decides whether a trigger is permitted. Every guard is a guard of the state machine,
/// so <see cref="Complaint.GetPermittedTriggers"/> and the exported diagrams show each one; a refusal names the
/// guards that were not met.
/// </summary>
public enum ComplaintGuard
{
    /// <summary>The complaint is not a suggestion (suggestions take no remedy and no follow-up).</summary>
    NotSuggestion,

    /// <summary>The complaint is a suggestion.</summary>
    Suggestion,

    /// <summary>The proposed compensation is within the authority of the level that handles the complaint, in the authority currency.</summary>
    WithinAuthority,

    /// <summary>A higher level exists on the escalation ladder.</summary>
    HigherLevelExists,

    /// <summary>The customer consents to escalation, where the options require it.</summary>
    CustomerConsent,

    /// <summary>The customer's rejection escalates the case: escalation on rejection is on, consent is given where required, and a higher level exists.</summary>
    RejectionEscalates,

    /// <summary>The customer's rejection does not escalate the case: escalation on rejection is off, consent is missing, or the top level is reached.</summary>
    RejectionStays,

    /// <summary>No question asked is one the customer has already answered.</summary>
    NothingAlreadyAnswered,

    /// <summary>An outcome is recorded (complaints and claims).</summary>
    OutcomeRecorded,

    /// <summary>A root cause is recorded, where the options require it (complaints and claims).</summary>
    RootCauseRecorded,

    /// <summary>No follow-up is required before closing: the complaint is a suggestion, or the options do not require one.</summary>
    FollowUpNotRequired,

    /// <summary>The reopen window after closure has not passed.</summary>
    WithinReopenWindow,

    /// <summary>A lower level exists on the escalation ladder: the complaint is above the first level.</summary>
    LowerLevelExists,
}
