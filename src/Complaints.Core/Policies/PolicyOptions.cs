using Complaints.Core.Domain;

namespace Complaints.Core.Policies;

/// <summary>
/// A rule set as configuration (for example the <c>Policies</c> section of appsettings.json, bound through
/// Microsoft.Extensions.Options): the teams rules may name and the rules. <see cref="PolicyRuleSet.FromOptions"/>
/// compiles it into the same rule set the C# builder makes; <see cref="PolicyOptionsValidator"/> reports every
/// mistake at start, naming the rule and the field.
/// </summary>
public sealed class PolicyOptions
{
    /// <summary>Gets the teams and departments rules may name.</summary>
    public IList<string> Teams { get; } = [];

    /// <summary>Gets the rules.</summary>
    public IList<PolicyRuleOptions> Rules { get; } = [];

    /// <summary>Gets the remedy catalogue (<see cref="PolicyRuleSetBuilder.UseCatalogue"/>); empty for none.</summary>
    public IList<PolicyRemedyOptions> Catalogue { get; } = [];

    /// <summary>Gets or sets the routing table (<see cref="PolicyRuleSetBuilder.RouteBy"/>), or <see langword="null"/> for none.</summary>
    public PolicyRoutingOptions? Routing { get; set; }
}

/// <summary>A remedy of the catalogue as configuration: its type, the lowest level that may offer it, and its default amount.</summary>
public sealed class PolicyRemedyOptions
{
    /// <summary>Gets or sets the remedy type.</summary>
    public RemedyType? Type { get; set; }

    /// <summary>Gets or sets the name of the lowest level of the ladder that may offer it.</summary>
    public string LowestLevel { get; set; } = string.Empty;

    /// <summary>Gets or sets its default amount, or <see langword="null"/> for none; needs <see cref="Currency"/>.</summary>
    public decimal? DefaultAmount { get; set; }

    /// <summary>Gets or sets the currency of <see cref="DefaultAmount"/>.</summary>
    public string? Currency { get; set; }
}

/// <summary>An amount of money as configuration.</summary>
public sealed class PolicyMoneyOptions
{
    /// <summary>Gets or sets the amount.</summary>
    public decimal? Amount { get; set; }

    /// <summary>Gets or sets the ISO 4217 currency code.</summary>
    public string? Currency { get; set; }
}

/// <summary>A routing table as configuration: the default department and the routes.</summary>
public sealed class PolicyRoutingOptions
{
    /// <summary>Gets or sets where a complaint no route covers goes.</summary>
    public string Default { get; set; } = string.Empty;

    /// <summary>Gets the routes.</summary>
    public IList<PolicyRouteOptions> Routes { get; } = [];
}

/// <summary>One route as configuration: a category (with its descendants) and/or a kind, and the department.</summary>
public sealed class PolicyRouteOptions
{
    /// <summary>Gets or sets the category path the route covers, with its descendants (such as <c>Orders/Delivery</c>), or <see langword="null"/> for every category.</summary>
    public string? Category { get; set; }

    /// <summary>Gets or sets the kind the route covers, or <see langword="null"/> for every kind.</summary>
    public FeedbackKind? Kind { get; set; }

    /// <summary>Gets or sets the department or team; it must be one of <see cref="PolicyOptions.Teams"/>.</summary>
    public string Department { get; set; } = string.Empty;
}

/// <summary>One rule as configuration: its name, order, condition and actions.</summary>
public sealed class PolicyRuleOptions
{
    /// <summary>Gets or sets the rule's name, unique in the set.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the rule's place among the rules: lower first; equal orders keep the configured order.</summary>
    public int Order { get; set; }

    /// <summary>Gets or sets how long after it was carried out the rule may fire again in the same cycle (such as <c>1.00:00:00</c>), or <see langword="null"/> for once per cycle.</summary>
    public TimeSpan? RepeatEvery { get; set; }

    /// <summary>Gets or sets the condition under which the rule matches.</summary>
    public PolicyConditionOptions? When { get; set; }

    /// <summary>Gets the actions the rule asks for; at least one.</summary>
    public IList<PolicyActionOptions> Then { get; } = [];
}

/// <summary>
/// One condition as configuration: exactly one of its properties is set, and it names the condition of
/// <see cref="PolicyCondition"/> of the same name (<c>{ "SeverityAtLeast": "High" }</c>, <c>{ "TargetBreached":
/// "resolution" }</c>, <c>{ "All": [ ... ] }</c>). <see cref="Group"/> narrows a target condition, and
/// <see cref="AtLeast"/> gives <see cref="ShareUsed"/> its threshold.
/// </summary>
public sealed class PolicyConditionOptions
{
    /// <summary>Gets the conditions that must all hold.</summary>
    public IList<PolicyConditionOptions> All { get; } = [];

    /// <summary>Gets the conditions of which one must hold.</summary>
    public IList<PolicyConditionOptions> Any { get; } = [];

    /// <summary>Gets or sets a condition that must not hold.</summary>
    public PolicyConditionOptions? Not { get; set; }

    /// <summary>Gets or sets the name of a target that must be breached (<see cref="PolicyCondition.TargetBreached"/>).</summary>
    public string? TargetBreached { get; set; }

    /// <summary>Gets or sets the name of a target that must be at risk (<see cref="PolicyCondition.TargetAtRisk"/>).</summary>
    public string? TargetAtRisk { get; set; }

    /// <summary>Gets or sets the name of a target whose share used is tested against <see cref="AtLeast"/> (<see cref="PolicyCondition.ShareUsedAtLeast"/>).</summary>
    public string? ShareUsed { get; set; }

    /// <summary>Gets or sets the share (0 to 1) that <see cref="ShareUsed"/> must reach.</summary>
    public double? AtLeast { get; set; }

    /// <summary>Gets or sets the name of a target that must be due within <see cref="Within"/> of working time (<see cref="PolicyCondition.TargetDueWithin"/>).</summary>
    public string? TargetDueWithin { get; set; }

    /// <summary>Gets or sets the working time left at or below which <see cref="TargetDueWithin"/> holds, such as <c>02:00:00</c>.</summary>
    public TimeSpan? Within { get; set; }

    /// <summary>Gets or sets the name of a target that must be overdue by <see cref="By"/> of working time (<see cref="PolicyCondition.TargetOverdueBy"/>).</summary>
    public string? TargetOverdueBy { get; set; }

    /// <summary>Gets or sets the working time past the deadline at or above which <see cref="TargetOverdueBy"/> holds (<c>00:00:00</c>: at the breach).</summary>
    public TimeSpan? By { get; set; }

    /// <summary>Gets or sets the SLA policy group a target condition looks in, or <see langword="null"/> for any.</summary>
    public string? Group { get; set; }

    /// <summary>Gets or sets the lowest severity that matches (<see cref="PolicyCondition.SeverityAtLeast"/>).</summary>
    public Severity? SeverityAtLeast { get; set; }

    /// <summary>Gets or sets the lowest priority that matches (<see cref="PolicyCondition.PriorityAtLeast"/>).</summary>
    public Priority? PriorityAtLeast { get; set; }

    /// <summary>Gets the states that match (<see cref="PolicyCondition.StateIs"/>).</summary>
    public IList<ComplaintState> State { get; } = [];

    /// <summary>Gets the kinds that match (<see cref="PolicyCondition.KindIs"/>).</summary>
    public IList<FeedbackKind> Kind { get; } = [];

    /// <summary>Gets the channels that match (<see cref="PolicyCondition.ChannelIs"/>).</summary>
    public IList<Channel> Channel { get; } = [];

    /// <summary>Gets or sets whether the complaint must have come through a regulator (<see langword="true"/> only; <see cref="PolicyCondition.ThroughRegulator"/>).</summary>
    public bool? ThroughRegulator { get; set; }

    /// <summary>Gets the customer tiers that match (<see cref="PolicyCondition.TierIs"/>).</summary>
    public IList<string> Tier { get; } = [];

    /// <summary>Gets or sets the category, with its descendants, that matches (<see cref="PolicyCondition.InCategory"/>), as a path such as <c>Orders/Delivery</c>.</summary>
    public string? Category { get; set; }

    /// <summary>Gets the teams that match (<see cref="PolicyCondition.TeamIs"/>).</summary>
    public IList<string> Team { get; } = [];

    /// <summary>Gets or sets the lowest level that matches (<see cref="PolicyCondition.LevelAtLeast"/>).</summary>
    public string? LevelAtLeast { get; set; }

    /// <summary>Gets or sets whether the level's response must be overdue (<see langword="true"/> only; <see cref="PolicyCondition.LevelResponseOverdue"/>).</summary>
    public bool? LevelResponseOverdue { get; set; }

    /// <summary>Gets or sets the least number of reopenings that matches (<see cref="PolicyCondition.ReopenedAtLeast"/>).</summary>
    public int? ReopenedAtLeast { get; set; }

    /// <summary>Gets or sets whether the latest proposal must have been rejected (<see langword="true"/> only; <see cref="PolicyCondition.ProposalRejected"/>).</summary>
    public bool? ProposalRejected { get; set; }

    /// <summary>Gets or sets whether the latest proposal must have been rejected with consent to escalate (<see langword="true"/> only; <see cref="PolicyCondition.RejectedWithConsentToEscalate"/>).</summary>
    public bool? RejectedWithConsentToEscalate { get; set; }

    /// <summary>Gets or sets whether the complaint must be flagged abusive (<see langword="true"/> only; <see cref="PolicyCondition.FlaggedAbusive"/>).</summary>
    public bool? FlaggedAbusive { get; set; }

    /// <summary>Gets or sets the highest rating that matches (<see cref="PolicyCondition.RatingAtMost"/>).</summary>
    public int? RatingAtMost { get; set; }

    /// <summary>Gets or sets the least time since the customer's last message that matches (<see cref="PolicyCondition.SinceLastCustomerMessage"/>), such as <c>2.00:00:00</c>.</summary>
    public TimeSpan? SinceLastCustomerMessage { get; set; }

    /// <summary>Gets or sets the least time since the last update to the customer that matches (<see cref="PolicyCondition.SinceLastUpdate"/>).</summary>
    public TimeSpan? SinceLastUpdate { get; set; }

    /// <summary>Gets or sets the least number of recent complaints from the customer that matches (<see cref="PolicyCondition.RepeatComplainant"/>).</summary>
    public int? RepeatComplainant { get; set; }

    /// <summary>Gets or sets whether a remedy proposed must be outside the catalogue or above the level (<see langword="true"/> only; <see cref="PolicyCondition.RemedyNotOffered"/>).</summary>
    public bool? RemedyNotOffered { get; set; }

    /// <summary>Gets or sets the budget per customer and period that the compensation must exceed (<see cref="PolicyCondition.CompensationOverBudget"/>).</summary>
    public PolicyMoneyOptions? CompensationOverBudget { get; set; }

    /// <summary>Gets or sets whether the compensation proposed must exceed the level's authority (<see langword="true"/> only; <see cref="PolicyCondition.CompensationOverAuthority"/>).</summary>
    public bool? CompensationOverAuthority { get; set; }
}

/// <summary>
/// One action as configuration: exactly one of <see cref="RaiseLevel"/>, <see cref="LowerLevel"/>, <see cref="AssignTeam"/>,
/// <see cref="RaisePriority"/>, <see cref="Notify"/> (with <see cref="Topic"/>), <see cref="FlagForRegulator"/> or
/// <see cref="RequireApproval"/> (with <see cref="Reason"/>) is set.
/// </summary>
public sealed class PolicyActionOptions
{
    /// <summary>Gets or sets the level to raise to (<see cref="RaiseLevelAction"/>).</summary>
    public string? RaiseLevel { get; set; }

    /// <summary>Gets or sets the level to hand the complaint back down to (<see cref="LowerLevelAction"/>).</summary>
    public string? LowerLevel { get; set; }

    /// <summary>Gets or sets the team to assign to (<see cref="AssignTeamAction"/>).</summary>
    public string? AssignTeam { get; set; }

    /// <summary>Gets or sets the priority to raise to (<see cref="RaisePriorityAction"/>).</summary>
    public Priority? RaisePriority { get; set; }

    /// <summary>Gets or sets the role to notify, or <c>customer</c> (<see cref="NotifyAction"/>); needs <see cref="Topic"/>.</summary>
    public string? Notify { get; set; }

    /// <summary>Gets or sets what a notification is about.</summary>
    public string? Topic { get; set; }

    /// <summary>Gets or sets why the complaint is flagged for regulatory reporting (<see cref="FlagForRegulatorAction"/>).</summary>
    public string? FlagForRegulator { get; set; }

    /// <summary>Gets or sets the role whose approval is required (<see cref="RequireApprovalAction"/>); needs <see cref="Reason"/>.</summary>
    public string? RequireApproval { get; set; }

    /// <summary>Gets or sets what is to be approved.</summary>
    public string? Reason { get; set; }
}
