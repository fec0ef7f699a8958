namespace Complaints.Core.Domain;

/// <summary>Where a complaint is in the handling process.</summary>
/// <remarks>
/// <see cref="Closed"/>, <see cref="Withdrawn"/>, <see cref="Rejected"/> and <see cref="Referred"/> are terminal:
/// no trigger leaves them, except <see cref="ComplaintTrigger.Reopen"/> from <see cref="Closed"/> within the reopen window.
/// </remarks>
public enum ComplaintState
{
    /// <summary>Logged on intake; not yet acknowledged to the customer.</summary>
    Received,

    /// <summary>Receipt acknowledged to the customer.</summary>
    Acknowledged,

    /// <summary>Initial assessment done: nature, severity, priority and category set.</summary>
    Assessed,

    /// <summary>Being investigated: information is gathered and a remedy worked out.</summary>
    Investigating,

    /// <summary>Waiting for information from the customer; clocks that pause for the customer pause here.</summary>
    AwaitingCustomer,

    /// <summary>A resolution, with its remedies, is proposed and awaits the customer's answer.</summary>
    ResolutionProposed,

    /// <summary>Handed to a higher level that reviews a case the customer was not satisfied with.</summary>
    Escalated,

    /// <summary>The customer accepted the resolution (or, for a suggestion, it was dealt with).</summary>
    Resolved,

    /// <summary>Following up after resolution to confirm the customer is satisfied.</summary>
    FollowUp,

    /// <summary>Closed with a recorded outcome. Terminal, except for reopening within the window.</summary>
    Closed,

    /// <summary>Reopened after resolution or closure; investigation resumes in a new SLA cycle.</summary>
    Reopened,

    /// <summary>Withdrawn by the customer. Terminal.</summary>
    Withdrawn,

    /// <summary>Rejected as out of scope, a duplicate or abusive. Terminal.</summary>
    Rejected,

    /// <summary>Referred to an ombudsman, regulator or court. Terminal.</summary>
    Referred,
}
