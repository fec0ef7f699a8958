namespace Complaints.Core.Domain;

/// <summary>What each <see cref="ComplaintState"/> and <see cref="ComplaintTrigger"/> is, stated once for every part of the library.</summary>
public static class ComplaintVocabulary
{
    /// <summary>Gets whether a state is terminal: no trigger leaves it, except reopening a closed complaint within the window.</summary>
    /// <param name="state">The state.</param>
    /// <returns><see langword="true"/> for <see cref="ComplaintState.Closed"/>, <see cref="ComplaintState.Withdrawn"/>, <see cref="ComplaintState.Rejected"/> and <see cref="ComplaintState.Referred"/>.</returns>
    public static bool IsTerminal(this ComplaintState state) =>
        state is ComplaintState.Closed or ComplaintState.Withdrawn or ComplaintState.Rejected or ComplaintState.Referred;

    /// <summary>Gets whether a trigger only records something and never changes the state.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns><see langword="true"/> for the recording triggers, each named here; <see langword="false"/> for the state-changing ones and for undefined values.</returns>
    public static bool IsRecording(this ComplaintTrigger trigger) => trigger switch
    {
        ComplaintTrigger.RecordCommunication
            or ComplaintTrigger.ChangePriority
            or ComplaintTrigger.ChangeSeverity
            or ComplaintTrigger.ChangeCategory
            or ComplaintTrigger.Assign
            or ComplaintTrigger.ChangePromisedDate
            or ComplaintTrigger.ChangeCustomerTier
            or ComplaintTrigger.RaiseLevel
            or ComplaintTrigger.LowerLevel
            or ComplaintTrigger.Rate
            or ComplaintTrigger.RecordHandlingTime
            or ComplaintTrigger.RecordApproval
            or ComplaintTrigger.FlagAbusiveContact
            or ComplaintTrigger.RecordPolicyApplication => true,
        _ => false,
    };
}
