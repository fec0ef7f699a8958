using Complaints.Core.Domain;

namespace Complaints.Core.Lifecycle;

/// <summary>
/// The lifecycle's answer to whether a trigger, with its data, is permitted now: the destination when it is, the unmet
/// guards when it is not. <see cref="Complaint.Check"/> returns it without changing the complaint; each verb asks the
/// same question and throws <see cref="ComplaintTransitionRefusedException"/> on a refusal.
/// </summary>
public sealed class TransitionCheck
{
    internal TransitionCheck(ComplaintState state, ComplaintTrigger trigger, ComplaintState? destination, IReadOnlyList<ComplaintGuard> unmetGuards)
    {
        State = state;
        Trigger = trigger;
        Destination = destination;
        UnmetGuards = unmetGuards;
    }

    /// <summary>Gets the state the trigger was checked in.</summary>
    public ComplaintState State { get; }

    /// <summary>Gets the trigger checked.</summary>
    public ComplaintTrigger Trigger { get; }

    /// <summary>Gets the state the complaint would move to, or <see langword="null"/> when the trigger is refused.</summary>
    public ComplaintState? Destination { get; }

    /// <summary>Gets whether the trigger is permitted.</summary>
    public bool IsPermitted => Destination is not null;

    /// <summary>Gets the guards that refused the trigger; empty when it is permitted or when the state does not accept it at all.</summary>
    public IReadOnlyList<ComplaintGuard> UnmetGuards { get; }
}
