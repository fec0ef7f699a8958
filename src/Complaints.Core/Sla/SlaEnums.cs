namespace Complaints.Core.Sla;

/// <summary>What a service-level target measures; each kind has default start and meeting events.</summary>
public enum SlaTargetKind
{
    /// <summary>Acknowledge the complaint: from receipt, met by <see cref="SlaEvent.Acknowledged"/>.</summary>
    Acknowledge,

    /// <summary>First response to the customer: from receipt, met by a public reply, a holding reply, a question, a proposal, a resolution or the closure (not an internal note, not an automated acknowledgement).</summary>
    FirstResponse,

    /// <summary>Resolve the complaint: from receipt, met by <see cref="SlaEvent.Resolved"/>.</summary>
    Resolution,

    /// <summary>
    /// Keep the customer updated, repeatedly: the clock restarts at receipt, at each customer message and at each update,
    /// and is due again from the latest of them; updates are public replies, holding replies, questions, proposals,
    /// resolution and closure. Each restart is a new cycle, so it can fall due, and be breached, again and again.
    /// </summary>
    NextUpdate,

    /// <summary>Send the final response: from receipt, met by <see cref="SlaEvent.Closed"/>.</summary>
    FinalResponse,

    /// <summary>A target with start and meeting events of the host's choosing.</summary>
    Custom,
}

/// <summary>What a reopening does to a target's clock.</summary>
public enum ReopenRule
{
    /// <summary>The cycle goes on: the clock counts from the original start, and a target met before stays met.</summary>
    ResumeCycle,

    /// <summary>
    /// A new cycle starts at the reopening with a new deadline, and the earlier cycle's result is kept: a breach in it is
    /// reported as <see cref="SlaTargetStatus.BreachedEarlier"/> in every later cycle, and the metrics count the target breached.
    /// </summary>
    NewCycle,

    /// <summary>
    /// A new cycle starts at the reopening with a new deadline, and the earlier cycles' results are set aside: a breach
    /// before the reopening no longer counts (<see cref="SlaTargetStatus.BreachedEarlier"/> is cleared), as when a
    /// reopened complaint is handled as a fresh one.
    /// </summary>
    Reset,
}

/// <summary>What a reopening does to the breach a target keeps from earlier cycles.</summary>
internal static class ReopenRules
{
    /// <summary>
    /// Whether a breach is kept after a reopening that ends a cycle in <paramref name="ended"/>: under
    /// <see cref="ReopenRule.NewCycle"/> the ended cycle's breach is added, under <see cref="ReopenRule.Reset"/> every
    /// breach before is set aside, and under <see cref="ReopenRule.ResumeCycle"/> no cycle ends.
    /// </summary>
    public static bool KeepsBreach(this ReopenRule rule, bool breachedEarlier, SlaClockState ended) => rule switch
    {
        ReopenRule.NewCycle => breachedEarlier || ended == SlaClockState.Breached,
        ReopenRule.Reset => false,
        _ => breachedEarlier,
    };
}

/// <summary>Where a target's clock stands at an instant.</summary>
public enum SlaClockState
{
    /// <summary>The clock has not started: its start or anchor event has not happened yet.</summary>
    NotStarted,

    /// <summary>The clock runs and the deadline is not near.</summary>
    Running,

    /// <summary>The clock runs and a warning threshold is passed.</summary>
    AtRisk,

    /// <summary>The clock is paused: the complaint is in a state the target pauses in.</summary>
    Paused,

    /// <summary>The target was met on time. Final within its cycle.</summary>
    Met,

    /// <summary>The deadline passed before the target was met. Final within its cycle, even if it is met later.</summary>
    Breached,

    /// <summary>The cycle ended (withdrawn, rejected, referred) before the deadline and before the target was met.</summary>
    Stopped,
}

/// <summary>What a stretch of a target's clock did.</summary>
public enum SlaSegmentKind
{
    /// <summary>The clock ran.</summary>
    Running,

    /// <summary>The clock was paused; the segment names the state.</summary>
    Paused,
}

/// <summary>What happens to a policy's clocks when a change of field (priority, category, tier, team…) makes it the one that applies.</summary>
public enum SlaChangeRule
{
    /// <summary>The clocks count from the same start as before: elapsed time is kept against the new targets.</summary>
    KeepElapsed,

    /// <summary>The clocks start again at the change.</summary>
    Restart,

    /// <summary>Each target takes the stricter (earlier) of its own deadline and that of the same-named target of the policy that applied before.</summary>
    Stricter,
}
