namespace Complaints.Core.Domain;

/// <summary>
/// Everything that can be done to a complaint. The first group moves it between states and is defined by the
/// lifecycle's state machine; the second group records something without changing the state.
/// </summary>
public enum ComplaintTrigger
{
    /// <summary>Acknowledge receipt to the customer: <see cref="ComplaintState.Received"/> to <see cref="ComplaintState.Acknowledged"/>.</summary>
    Acknowledge,

    /// <summary>Record the initial assessment: <see cref="ComplaintState.Acknowledged"/> to <see cref="ComplaintState.Assessed"/>.</summary>
    Assess,

    /// <summary>Start or resume investigating.</summary>
    StartInvestigation,

    /// <summary>Ask the customer for missing information: to <see cref="ComplaintState.AwaitingCustomer"/>.</summary>
    RequestInformation,

    /// <summary>The customer supplied the information asked for: back to <see cref="ComplaintState.Investigating"/>.</summary>
    ProvideInformation,

    /// <summary>Propose a resolution with remedies: to <see cref="ComplaintState.ResolutionProposed"/>.</summary>
    ProposeResolution,

    /// <summary>The customer accepts the proposed resolution: to <see cref="ComplaintState.Resolved"/>.</summary>
    AcceptResolution,

    /// <summary>The customer rejects the proposed resolution: to <see cref="ComplaintState.Escalated"/> (or back to investigation).</summary>
    RejectResolution,

    /// <summary>The customer is not satisfied and agrees to escalation: to <see cref="ComplaintState.Escalated"/> at a higher level.</summary>
    Escalate,

    /// <summary>Resolve a suggestion, which takes no remedy: to <see cref="ComplaintState.Resolved"/>.</summary>
    Resolve,

    /// <summary>Start the follow-up after resolution: to <see cref="ComplaintState.FollowUp"/>.</summary>
    StartFollowUp,

    /// <summary>Close with a recorded outcome: to <see cref="ComplaintState.Closed"/>.</summary>
    Close,

    /// <summary>Reopen after resolution, or after closure within the reopen window: to <see cref="ComplaintState.Reopened"/>.</summary>
    Reopen,

    /// <summary>The customer withdraws: to <see cref="ComplaintState.Withdrawn"/>.</summary>
    Withdraw,

    /// <summary>Reject as out of scope, duplicate or abusive: to <see cref="ComplaintState.Rejected"/>.</summary>
    Reject,

    /// <summary>Refer to an ombudsman, regulator or court: to <see cref="ComplaintState.Referred"/>.</summary>
    Refer,

    /// <summary>Record a communication (reply, note, customer message, acknowledgement, holding reply). Any state.</summary>
    RecordCommunication,

    /// <summary>Change the priority. Any non-terminal state.</summary>
    ChangePriority,

    /// <summary>Change the severity. Any non-terminal state.</summary>
    ChangeSeverity,

    /// <summary>Change the category. Any non-terminal state.</summary>
    ChangeCategory,

    /// <summary>Assign to a team or person. Any non-terminal state.</summary>
    Assign,

    /// <summary>Set or clear the date promised to the customer. Any non-terminal state.</summary>
    ChangePromisedDate,

    /// <summary>Change the customer's tier. Any non-terminal state.</summary>
    ChangeCustomerTier,

    /// <summary>Raise the escalation level without pausing the case. Any non-terminal state.</summary>
    RaiseLevel,

    /// <summary>Record the customer's satisfaction rating (1 to 5). Resolved, follow-up or closed.</summary>
    Rate,

    /// <summary>Record staff handling time. Any state.</summary>
    RecordHandlingTime,

    /// <summary>Record an approval (for example of a remedy above the usual limits). Any state.</summary>
    RecordApproval,

    /// <summary>Flag abusive or threatening contact; staff end the conversation but the case is kept. Any state.</summary>
    FlagAbusiveContact,

    /// <summary>Record that a policy rule's decision was carried out, so the rule does not fire again in the cycle. While open.</summary>
    RecordPolicyApplication,

    /// <summary>Hand the case back down the escalation ladder without changing the state. Any non-terminal state above the first level.</summary>
    LowerLevel,
}
