using Complaints.Core.Domain;
using Complaints.Core.Lifecycle;
using NodaTime;

namespace Complaints.Core.History;

/// <summary>
/// One immutable entry of a complaint's append-only history: who did what, when, from which state to which,
/// and the typed data of the action. Every SLA clock and metric is derived from these entries.
/// </summary>
/// <param name="Sequence">The entry's position in the history, starting at 1.</param>
/// <param name="At">When it happened.</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Trigger">What was done.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after; equal to <paramref name="From"/> for a trigger that only records.</param>
/// <param name="Data">The typed data of the action.</param>
public sealed record HistoryEntry(
    long Sequence,
    Instant At,
    Actor Actor,
    ComplaintTrigger Trigger,
    ComplaintState From,
    ComplaintState To,
    HistoryData Data)
{
    /// <summary>Gets whether the entry changed the complaint's state.</summary>
    public bool IsStateChange => From != To;
}
