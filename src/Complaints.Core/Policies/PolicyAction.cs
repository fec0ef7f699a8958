using Complaints.Core.Domain;

namespace Complaints.Core.Policies;

/// <summary>
/// What a rule asks for when it matches. An action is a value: the engine only reports it in a decision, and the host
/// (or the desk) carries it out. A rule set checks the names an action uses (levels, teams) when it is built.
/// </summary>
public abstract record PolicyAction
{
    private protected PolicyAction()
    {
    }

    /// <summary>Checks the names the action uses against the rule set; throws an <see cref="ArgumentException"/> naming the rule and the name when one is unknown.</summary>
    internal virtual void Bind(PolicyBinding binding)
    {
    }
}

/// <summary>Raise the complaint to a level of the lifecycle's escalation ladder (never down: a complaint at or above it is left where it is).</summary>
public sealed record RaiseLevelAction : PolicyAction
{
    /// <summary>Initializes a new instance of the <see cref="RaiseLevelAction"/> class.</summary>
    /// <param name="level">The level's name on the ladder (compared ignoring case).</param>
    /// <exception cref="ArgumentException"><paramref name="level"/> is empty or too long.</exception>
    public RaiseLevelAction(string level) => Level = Guard.Text(level, nameof(level), TextLimits.Name);

    /// <summary>Gets the level's name on the ladder.</summary>
    public string Level { get; }

    internal override void Bind(PolicyBinding binding) => binding.LevelRank(Level);

    /// <inheritdoc/>
    public override string ToString() => $"raise to level {Level}";
}

/// <summary>
/// Hand the complaint back down to a level of the lifecycle's escalation ladder (carried out with
/// <c>Complaint.LowerLevel</c>): the only way a rule lowers the level. It is never a raise: a complaint at or below the
/// level is left where it is, and a raise asked for by a matched rule wins over it (see <see cref="PolicyDecision.Actions"/>).
/// </summary>
public sealed record LowerLevelAction : PolicyAction
{
    /// <summary>Initializes a new instance of the <see cref="LowerLevelAction"/> class.</summary>
    /// <param name="level">The level's name on the ladder (compared ignoring case).</param>
    /// <exception cref="ArgumentNullException"><paramref name="level"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="level"/> is empty or too long.</exception>
    public LowerLevelAction(string level) => Level = Guard.Text(level, nameof(level), TextLimits.Name);

    /// <summary>Gets the level's name on the ladder.</summary>
    public string Level { get; }

    internal override void Bind(PolicyBinding binding) => binding.LevelRank(Level);

    /// <inheritdoc/>
    public override string ToString() => $"lower to level {Level}";
}

/// <summary>Assign the complaint to a team or department; it must be one of the rule set's teams.</summary>
public sealed record AssignTeamAction : PolicyAction
{
    /// <summary>Initializes a new instance of the <see cref="AssignTeamAction"/> class.</summary>
    /// <param name="team">The team or department.</param>
    /// <exception cref="ArgumentException"><paramref name="team"/> is empty or too long.</exception>
    public AssignTeamAction(string team) => Team = Guard.Text(team, nameof(team), TextLimits.Name);

    /// <summary>Gets the team or department.</summary>
    public string Team { get; }

    internal override void Bind(PolicyBinding binding) => binding.Team(Team);

    /// <inheritdoc/>
    public override string ToString() => $"assign to {Team}";
}

/// <summary>Raise the priority (never lower it: a complaint at or above it is left as it is).</summary>
public sealed record RaisePriorityAction : PolicyAction
{
    /// <summary>Initializes a new instance of the <see cref="RaisePriorityAction"/> class.</summary>
    /// <param name="priority">The priority to raise to.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priority"/> is not a defined value.</exception>
    public RaisePriorityAction(Priority priority) =>
        Priority = Enum.IsDefined(priority) ? priority : throw new ArgumentOutOfRangeException(nameof(priority), priority, "priority is not a defined Priority.");

    /// <summary>Gets the priority to raise to.</summary>
    public Priority Priority { get; }

    /// <inheritdoc/>
    public override string ToString() => $"raise priority to {Priority}";
}

/// <summary>Send a notification about the complaint to the customer or to a role; the host sends it later.</summary>
public sealed record NotifyAction : PolicyAction
{
    /// <summary>Initializes a new instance of the <see cref="NotifyAction"/> class.</summary>
    /// <param name="recipient">The role to notify, or <see cref="Customer"/> for the customer.</param>
    /// <param name="topic">What the notification is about (a template key for the host).</param>
    /// <exception cref="ArgumentException"><paramref name="recipient"/> or <paramref name="topic"/> is empty or too long.</exception>
    public NotifyAction(string recipient, string topic)
    {
        Recipient = Guard.Text(recipient, nameof(recipient), TextLimits.Name);
        Topic = Guard.Text(topic, nameof(topic), TextLimits.Name);
    }

    /// <summary>The recipient that stands for the customer.</summary>
    public const string Customer = "customer";

    /// <summary>Gets the role to notify, or <see cref="Customer"/>.</summary>
    public string Recipient { get; }

    /// <summary>Gets what the notification is about.</summary>
    public string Topic { get; }

    /// <summary>Gets whether the notification goes to the customer.</summary>
    public bool ToCustomer => string.Equals(Recipient, Customer, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override string ToString() => $"notify {Recipient}: {Topic}";
}

/// <summary>Flag the complaint for regulatory reporting.</summary>
public sealed record FlagForRegulatorAction : PolicyAction
{
    /// <summary>Initializes a new instance of the <see cref="FlagForRegulatorAction"/> class.</summary>
    /// <param name="reason">Why, for the report.</param>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty or too long.</exception>
    public FlagForRegulatorAction(string reason) => Reason = Guard.Text(reason, nameof(reason), TextLimits.Text);

    /// <summary>Gets why the complaint is flagged.</summary>
    public string Reason { get; }

    /// <inheritdoc/>
    public override string ToString() => $"flag for regulatory reporting: {Reason}";
}

/// <summary>Require a role's approval before the complaint goes on (for example a remedy above the agent's authority).</summary>
public sealed record RequireApprovalAction : PolicyAction
{
    /// <summary>Initializes a new instance of the <see cref="RequireApprovalAction"/> class.</summary>
    /// <param name="approver">The role that approves.</param>
    /// <param name="reason">What is to be approved.</param>
    /// <exception cref="ArgumentException"><paramref name="approver"/> or <paramref name="reason"/> is empty or too long.</exception>
    public RequireApprovalAction(string approver, string reason)
    {
        Approver = Guard.Text(approver, nameof(approver), TextLimits.Name);
        Reason = Guard.Text(reason, nameof(reason), TextLimits.Text);
    }

    /// <summary>Gets the role that approves.</summary>
    public string Approver { get; }

    /// <summary>Gets what is to be approved.</summary>
    public string Reason { get; }

    /// <inheritdoc/>
    public override string ToString() => $"require approval by {Approver}: {Reason}";
}
