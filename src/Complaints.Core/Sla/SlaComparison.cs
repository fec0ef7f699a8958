using Complaints.Core.Domain;
using Complaints.Core.History;
using NodaTime;

namespace Complaints.Core.Sla;

/// <summary>One target whose outcome differs between the current policies and a candidate set, for one complaint.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="Group">The policy group the target belongs to.</param>
/// <param name="Target">The target's name, paired by group and name between the two sets.</param>
/// <param name="Current">The state under the current policies; <see langword="null"/> when no current policy of the group has the target.</param>
/// <param name="Candidate">The state under the candidate policies; <see langword="null"/> when no candidate policy of the group has the target.</param>
/// <param name="CurrentDeadline">The deadline under the current policies, if any.</param>
/// <param name="CandidateDeadline">The deadline under the candidate policies, if any.</param>
public sealed record SlaChange(
    ComplaintId ComplaintId,
    string Group,
    string Target,
    SlaClockState? Current,
    SlaClockState? Candidate,
    Instant? CurrentDeadline,
    Instant? CandidateDeadline)
{
    /// <summary>Gets how much later (positive) or earlier (negative) the candidate's deadline is, when both have one.</summary>
    public Duration? DeadlineShift => CurrentDeadline is { } current && CandidateDeadline is { } candidate ? candidate - current : null;

    /// <summary>Gets whether an earlier cycle was breached under the current policies (<see cref="SlaTargetStatus.BreachedEarlier"/>).</summary>
    public bool CurrentBreachedEarlier { get; init; }

    /// <summary>Gets whether an earlier cycle was breached under the candidate policies (<see cref="SlaTargetStatus.BreachedEarlier"/>).</summary>
    public bool CandidateBreachedEarlier { get; init; }

    /// <summary>Gets whether the target counts as met under the current policies and as breached under the candidate, as the metrics count it (a breach kept from an earlier cycle counts).</summary>
    public bool BecomesBreached => Counted(Current, CurrentBreachedEarlier) == SlaClockState.Met && Counted(Candidate, CandidateBreachedEarlier) == SlaClockState.Breached;

    /// <summary>Gets whether the target counts as breached under the current policies and as met under the candidate, as the metrics count it.</summary>
    public bool BecomesMet => Counted(Current, CurrentBreachedEarlier) == SlaClockState.Breached && Counted(Candidate, CandidateBreachedEarlier) == SlaClockState.Met;

    private static SlaClockState? Counted(SlaClockState? state, bool breachedEarlier) => breachedEarlier ? SlaClockState.Breached : state;
}

/// <summary>What a candidate policy set would have changed over a set of complaint histories (a what-if).</summary>
public sealed class SlaComparison
{
    internal SlaComparison(int complaints, IReadOnlyList<SlaChange> changes)
    {
        Complaints = complaints;
        Changes = changes;
    }

    /// <summary>Gets how many complaints were compared.</summary>
    public int Complaints { get; }

    /// <summary>Gets every target whose state, deadline or kept earlier breach differs, complaint by complaint, in the order compared.</summary>
    public IReadOnlyList<SlaChange> Changes { get; }

    /// <summary>Gets how many targets met now would have been breached under the candidate.</summary>
    public int BecomeBreached => Changes.Count(c => c.BecomesBreached);

    /// <summary>Gets how many targets breached now would have been met under the candidate.</summary>
    public int BecomeMet => Changes.Count(c => c.BecomesMet);

    /// <summary>
    /// Evaluates complaint histories under the current and a candidate engine as of an instant and lists every target,
    /// paired by group and name, whose state or deadline differs, so a team can test a policy on last quarter before
    /// switching to it.
    /// </summary>
    /// <param name="current">The policies in force.</param>
    /// <param name="candidate">The policies to try.</param>
    /// <param name="complaints">The complaints' snapshots.</param>
    /// <param name="asOf">The instant to compare at (for a past period, its end).</param>
    /// <returns>The differences.</returns>
    /// <exception cref="ArgumentNullException">An argument or a complaint is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An instant is outside a target's calendar, as <see cref="SlaEngine.Evaluate"/> says.</exception>
    public static SlaComparison Compare(SlaEngine current, SlaEngine candidate, IEnumerable<ComplaintSnapshot> complaints, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(candidate);
        var list = Guard.List(complaints, nameof(complaints));
        var changes = new List<SlaChange>();
        foreach (var complaint in list)
        {
            if (asOf < complaint.Intake.ReceivedAt)
            {
                continue;
            }

            var before = Index(current.Evaluate(complaint, asOf));
            var after = Index(candidate.Evaluate(complaint, asOf));
            foreach (var key in before.Keys.Union(after.Keys).OrderBy(k => k.Group, StringComparer.Ordinal).ThenBy(k => k.Target, StringComparer.Ordinal))
            {
                before.TryGetValue(key, out var was);
                after.TryGetValue(key, out var would);
                if (was?.State != would?.State || was?.Deadline != would?.Deadline || was?.BreachedEarlier != would?.BreachedEarlier)
                {
                    changes.Add(new SlaChange(complaint.Id, key.Group, key.Target, was?.State, would?.State, was?.Deadline, would?.Deadline)
                    {
                        CurrentBreachedEarlier = was?.BreachedEarlier ?? false,
                        CandidateBreachedEarlier = would?.BreachedEarlier ?? false,
                    });
                }
            }
        }

        return new SlaComparison(list.Count, Array.AsReadOnly(changes.ToArray()));
    }

    private static Dictionary<(string Group, string Target), SlaTargetStatus> Index(SlaEvaluation evaluation) =>
        evaluation.Policies.SelectMany(p => p.Targets.Select(t => (Key: (p.Group, t.Target.Name), Status: t)))
            .ToDictionary(x => x.Key, x => x.Status);
}
