using Complaints.Core.Domain;

namespace Complaints.Core.Lifecycle;

/// <summary>
/// The exception thrown when a trigger is not permitted in a complaint's current state, or a guard refuses it.
/// The complaint is left exactly as it was.
/// </summary>
public sealed class ComplaintTransitionRefusedException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="ComplaintTransitionRefusedException"/> class.</summary>
    /// <param name="complaintId">The complaint the trigger was fired at.</param>
    /// <param name="state">The complaint's state.</param>
    /// <param name="trigger">The refused trigger.</param>
    /// <param name="permittedTriggers">The triggers permitted in that state now.</param>
    /// <param name="unmetGuards">The guards that refused the trigger; empty when the state does not accept the trigger at all.</param>
    public ComplaintTransitionRefusedException(
        ComplaintId complaintId,
        ComplaintState state,
        ComplaintTrigger trigger,
        IReadOnlyList<ComplaintTrigger> permittedTriggers,
        IReadOnlyList<ComplaintGuard> unmetGuards)
        : base(FormatMessage(complaintId, state, trigger, permittedTriggers, unmetGuards))
    {
        ArgumentNullException.ThrowIfNull(permittedTriggers);
        ArgumentNullException.ThrowIfNull(unmetGuards);
        ComplaintId = complaintId;
        State = state;
        Trigger = trigger;
        PermittedTriggers = [.. permittedTriggers];
        UnmetGuards = [.. unmetGuards];
    }

    /// <summary>Gets the complaint the trigger was fired at.</summary>
    public ComplaintId ComplaintId { get; }

    /// <summary>Gets the complaint's state when the trigger was refused.</summary>
    public ComplaintState State { get; }

    /// <summary>Gets the refused trigger.</summary>
    public ComplaintTrigger Trigger { get; }

    /// <summary>Gets the triggers permitted in that state at that moment.</summary>
    public IReadOnlyList<ComplaintTrigger> PermittedTriggers { get; }

    /// <summary>Gets the guards that refused the trigger; empty when the state does not accept it at all.</summary>
    public IReadOnlyList<ComplaintGuard> UnmetGuards { get; }

    private static string FormatMessage(
        ComplaintId complaintId,
        ComplaintState state,
        ComplaintTrigger trigger,
        IReadOnlyList<ComplaintTrigger>? permitted,
        IReadOnlyList<ComplaintGuard>? unmetGuards)
    {
        var why = unmetGuards is { Count: > 0 }
            ? $"unmet guard(s): {string.Join("; ", unmetGuards.Select(g => LifecycleRunner.Descriptions.TryGetValue(g, out var d) ? $"{g} ({d})" : g.ToString()))}"
            : $"the {state} state does not accept {trigger}";
        var allowed = permitted is { Count: > 0 } ? string.Join(", ", permitted) : "none";
        return $"Trigger {trigger} is refused for complaint {complaintId} in state {state}: {why}. Permitted now: {allowed}.";
    }
}
