using Complaints.Core.Domain;
using Complaints.Core.Lifecycle;
using Complaints.Core.Sla;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Complaints.Core.Policies;

/// <summary>Compiles <see cref="PolicyOptions"/> into a <see cref="PolicyRuleSet"/>, collecting every error with its path.</summary>
internal static class PolicyOptionsCompiler
{
    /// <summary>A condition's property: its name, whether it is set, and the condition it makes (given the path, for nested ones).</summary>
    private readonly record struct Kind(string Name, bool IsSet, Func<string, PolicyCondition?> Build);

    public static PolicyRuleSet? Compile(PolicyOptions options, ComplaintLifecycle lifecycle, SlaEngine? sla, List<string> errors)
    {
        var builder = PolicyRuleSet.CreateBuilder(lifecycle, sla);
        for (var t = 0; t < options.Teams.Count; t++)
        {
            Try(errors, $"{nameof(PolicyOptions.Teams)}[{t}]", () => builder.AddTeams(options.Teams[t]));
        }

        if (options.Catalogue.Count > 0)
        {
            Catalogue(options.Catalogue, builder, errors);
        }

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < options.Rules.Count; r++)
        {
            var rule = options.Rules[r];
            if (rule is null)
            {
                errors.Add($"{nameof(PolicyOptions.Rules)}[{r}]: must not be null.");
                continue;
            }

            var path = $"{nameof(PolicyOptions.Rules)}[{r}] ('{rule.Name}')";
            var before = errors.Count;
            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                errors.Add($"{path}.{nameof(PolicyRuleOptions.Name)}: must not be empty.");
            }
            else if (!names.TryAdd(rule.Name, r))
            {
                errors.Add($"{path}.{nameof(PolicyRuleOptions.Name)}: {nameof(PolicyOptions.Rules)}[{names[rule.Name]}] has this name too; rule names must be unique.");
            }

            var condition = rule.When is null
                ? Missing(errors, $"{path}.{nameof(PolicyRuleOptions.When)}", "must be set: the condition under which the rule matches.")
                : Condition(rule.When, $"{path}.{nameof(PolicyRuleOptions.When)}", errors);
            if (rule.Then.Count == 0)
            {
                errors.Add($"{path}.{nameof(PolicyRuleOptions.Then)}: must hold at least one action.");
            }

            var actions = rule.Then.Select((a, i) => Action(a, $"{path}.{nameof(PolicyRuleOptions.Then)}[{i}]", errors)).ToArray();
            if (errors.Count == before && condition is not null && actions.All(a => a is not null))
            {
                // The names the rule uses (levels, teams, targets, a duplicate rule name) are checked by the builder.
                Try(errors, path, () => builder.AddRule(new PolicyRule(rule.Name, condition, actions!, rule.Order, rule.RepeatEvery is { } every ? Duration.FromTimeSpan(every) : null)));
            }
        }

        if (options.Routing is { } routing)
        {
            Routing(routing, builder, errors);
        }

        return errors.Count == 0 ? builder.Build() : null;
    }

    private static void Catalogue(IList<PolicyRemedyOptions> remedies, PolicyRuleSetBuilder rules, List<string> errors)
    {
        const string Path = nameof(PolicyOptions.Catalogue);
        var catalogue = RemedyCatalogue.CreateBuilder();
        for (var i = 0; i < remedies.Count; i++)
        {
            var remedy = remedies[i];
            var path = $"{Path}[{i}]";
            if (remedy?.Type is not { } type)
            {
                errors.Add($"{path}.{nameof(PolicyRemedyOptions.Type)}: must be set.");
                continue;
            }

            Try(errors, path, () => catalogue.Add(type, remedy.LowestLevel, ToMoney(remedy.DefaultAmount, remedy.Currency, nameof(PolicyRemedyOptions.DefaultAmount))));
        }

        // The entries that could be read are checked against the ladder too, so every mistake is reported at once.
        Try(errors, Path, () => rules.UseCatalogue(catalogue.Build()));
    }

    /// <summary>An amount from configuration: none when neither part is set; both parts otherwise.</summary>
    private static Money? ToMoney(decimal? amount, string? currency, string field) => (amount, currency) switch
    {
        (null, null) => null,
        ({ } a, { } c) => new Money(a, c),
        _ => throw new ArgumentException($"{field} and {nameof(PolicyRemedyOptions.Currency)} must be set together."),
    };

    private static void Routing(PolicyRoutingOptions routing, PolicyRuleSetBuilder rules, List<string> errors)
    {
        const string Path = nameof(PolicyOptions.Routing);
        RoutingTableBuilder? table = null;
        Try(errors, $"{Path}.{nameof(routing.Default)}", () => table = RoutingTable.CreateBuilder(routing.Default));
        for (var r = 0; r < routing.Routes.Count; r++)
        {
            var route = routing.Routes[r];
            var path = $"{Path}.{nameof(routing.Routes)}[{r}]";
            if (route is null)
            {
                errors.Add($"{path}: must not be null.");
                continue;
            }

            Try(errors, path, () => table?.Add(route.Category is null ? null : Category.Parse(route.Category), route.Department, route.Kind));
        }

        if (table is not null)
        {
            Try(errors, Path, () => rules.RouteBy(table.Build()));
        }
    }

    private static PolicyCondition? Condition(PolicyConditionOptions? c, string path, List<string> errors)
    {
        if (c is null)
        {
            return Missing(errors, path, "must not be null.");
        }

        Kind[] kinds =
        [
            new(nameof(c.All), c.All.Count > 0, p => All(c.All, p, errors, PolicyCondition.All)),
            new(nameof(c.Any), c.Any.Count > 0, p => All(c.Any, p, errors, PolicyCondition.Any)),
            new(nameof(c.Not), c.Not is not null, p => Condition(c.Not, p, errors) is { } inner ? PolicyCondition.Not(inner) : null),
            new(nameof(c.TargetBreached), c.TargetBreached is not null, _ => PolicyCondition.TargetBreached(c.TargetBreached!, c.Group)),
            new(nameof(c.TargetAtRisk), c.TargetAtRisk is not null, _ => PolicyCondition.TargetAtRisk(c.TargetAtRisk!, c.Group)),
            new(nameof(c.ShareUsed), c.ShareUsed is not null, p => c.AtLeast is { } share
                ? PolicyCondition.ShareUsedAtLeast(c.ShareUsed!, share, c.Group)
                : Missing(errors, $"{p[..p.LastIndexOf('.')]}.{nameof(c.AtLeast)}", $"must be set with {nameof(c.ShareUsed)}: the share, from 0 to 1.")),
            new(nameof(c.TargetDueWithin), c.TargetDueWithin is not null, p => c.Within is { } within
                ? PolicyCondition.TargetDueWithin(c.TargetDueWithin!, Duration.FromTimeSpan(within), c.Group)
                : Missing(errors, $"{p[..p.LastIndexOf('.')]}.{nameof(c.Within)}", $"must be set with {nameof(c.TargetDueWithin)}: the working time left, such as 02:00:00.")),
            new(nameof(c.TargetOverdueBy), c.TargetOverdueBy is not null, p => c.By is { } by
                ? PolicyCondition.TargetOverdueBy(c.TargetOverdueBy!, Duration.FromTimeSpan(by), c.Group)
                : Missing(errors, $"{p[..p.LastIndexOf('.')]}.{nameof(c.By)}", $"must be set with {nameof(c.TargetOverdueBy)}: the working time past the deadline, such as 04:00:00.")),
            new(nameof(c.SeverityAtLeast), c.SeverityAtLeast is not null, _ => PolicyCondition.SeverityAtLeast(c.SeverityAtLeast!.Value)),
            new(nameof(c.PriorityAtLeast), c.PriorityAtLeast is not null, _ => PolicyCondition.PriorityAtLeast(c.PriorityAtLeast!.Value)),
            new(nameof(c.State), c.State.Count > 0, _ => PolicyCondition.StateIs([.. c.State])),
            new(nameof(c.Kind), c.Kind.Count > 0, _ => PolicyCondition.KindIs([.. c.Kind])),
            new(nameof(c.Channel), c.Channel.Count > 0, _ => PolicyCondition.ChannelIs([.. c.Channel])),
            new(nameof(c.ThroughRegulator), c.ThroughRegulator is not null, p => Flag(c.ThroughRegulator, p, errors, PolicyCondition.ThroughRegulator)),
            new(nameof(c.Tier), c.Tier.Count > 0, _ => PolicyCondition.TierIs([.. c.Tier])),
            new(nameof(c.Category), c.Category is not null, _ => PolicyCondition.InCategory(Domain.Category.Parse(c.Category!))),
            new(nameof(c.Team), c.Team.Count > 0, _ => PolicyCondition.TeamIs([.. c.Team])),
            new(nameof(c.LevelAtLeast), c.LevelAtLeast is not null, _ => PolicyCondition.LevelAtLeast(c.LevelAtLeast!)),
            new(nameof(c.LevelResponseOverdue), c.LevelResponseOverdue is not null, p => Flag(c.LevelResponseOverdue, p, errors, PolicyCondition.LevelResponseOverdue)),
            new(nameof(c.ReopenedAtLeast), c.ReopenedAtLeast is not null, _ => PolicyCondition.ReopenedAtLeast(c.ReopenedAtLeast!.Value)),
            new(nameof(c.ProposalRejected), c.ProposalRejected is not null, p => Flag(c.ProposalRejected, p, errors, PolicyCondition.ProposalRejected)),
            new(nameof(c.RejectedWithConsentToEscalate), c.RejectedWithConsentToEscalate is not null, p => Flag(c.RejectedWithConsentToEscalate, p, errors, PolicyCondition.RejectedWithConsentToEscalate)),
            new(nameof(c.FlaggedAbusive), c.FlaggedAbusive is not null, p => Flag(c.FlaggedAbusive, p, errors, PolicyCondition.FlaggedAbusive)),
            new(nameof(c.RatingAtMost), c.RatingAtMost is not null, _ => PolicyCondition.RatingAtMost(c.RatingAtMost!.Value)),
            new(nameof(c.SinceLastCustomerMessage), c.SinceLastCustomerMessage is not null, _ => PolicyCondition.SinceLastCustomerMessage(Duration.FromTimeSpan(c.SinceLastCustomerMessage!.Value))),
            new(nameof(c.SinceLastUpdate), c.SinceLastUpdate is not null, _ => PolicyCondition.SinceLastUpdate(Duration.FromTimeSpan(c.SinceLastUpdate!.Value))),
            new(nameof(c.RepeatComplainant), c.RepeatComplainant is not null, _ => PolicyCondition.RepeatComplainant(c.RepeatComplainant!.Value)),
            new(nameof(c.RemedyNotOffered), c.RemedyNotOffered is not null, p => Flag(c.RemedyNotOffered, p, errors, PolicyCondition.RemedyNotOffered)),
            new(nameof(c.CompensationOverBudget), c.CompensationOverBudget is not null, _ =>
                PolicyCondition.CompensationOverBudget(ToMoney(c.CompensationOverBudget!.Amount, c.CompensationOverBudget.Currency, nameof(PolicyMoneyOptions.Amount)) ?? throw new ArgumentException("Amount and Currency must be set."))),
            new(nameof(c.CompensationOverAuthority), c.CompensationOverAuthority is not null, p => Flag(c.CompensationOverAuthority, p, errors, PolicyCondition.CompensationOverAuthority)),
        ];

        var set = kinds.Where(k => k.IsSet).ToArray();
        if (set.Length != 1)
        {
            return Missing(
                errors,
                path,
                set.Length == 0
                    ? $"must set exactly one condition ({string.Join(", ", kinds.Select(k => k.Name))}); none is set."
                    : $"must set exactly one condition; {string.Join(" and ", set.Select(k => k.Name))} are set (combine them with {nameof(c.All)} or {nameof(c.Any)}).");
        }

        var kind = set[0];
        var targeted = kind.Name is nameof(c.TargetBreached) or nameof(c.TargetAtRisk) or nameof(c.ShareUsed) or nameof(c.TargetDueWithin) or nameof(c.TargetOverdueBy);
        if (c.Group is not null && !targeted)
        {
            return Missing(
                errors,
                $"{path}.{nameof(c.Group)}",
                $"applies only to {nameof(c.TargetBreached)}, {nameof(c.TargetAtRisk)}, {nameof(c.ShareUsed)}, {nameof(c.TargetDueWithin)} and {nameof(c.TargetOverdueBy)}, not to {kind.Name}.");
        }

        foreach (var (modifier, isSet, owner) in new[] { (nameof(c.AtLeast), c.AtLeast is not null, nameof(c.ShareUsed)), (nameof(c.Within), c.Within is not null, nameof(c.TargetDueWithin)), (nameof(c.By), c.By is not null, nameof(c.TargetOverdueBy)) })
        {
            if (isSet && kind.Name != owner)
            {
                return Missing(errors, $"{path}.{modifier}", $"applies only to {owner}, not to {kind.Name}.");
            }
        }

        var own = $"{path}.{kind.Name}";
        try
        {
            return kind.Build(own);
        }
        catch (ArgumentException ex)
        {
            return Missing(errors, own, ex.Message);
        }
    }

    private static PolicyCondition? All(IList<PolicyConditionOptions> parts, string path, List<string> errors, Func<PolicyCondition[], PolicyCondition> combine)
    {
        var conditions = parts.Select((p, i) => Condition(p, $"{path}[{i}]", errors)).ToArray();
        return conditions.All(c => c is not null) ? combine(conditions!) : null;
    }

    private static PolicyCondition? Flag(bool? value, string path, List<string> errors, Func<PolicyCondition> make) =>
        value is true ? make() : Missing(errors, path, "must be true, or left out (use Not for the opposite).");

    private static PolicyAction? Action(PolicyActionOptions? a, string path, List<string> errors)
    {
        if (a is null)
        {
            errors.Add($"{path}: must not be null.");
            return null;
        }

        (string Name, bool IsSet, Func<PolicyAction> Build)[] kinds =
        [
            (nameof(a.RaiseLevel), a.RaiseLevel is not null, () => new RaiseLevelAction(a.RaiseLevel!)),
            (nameof(a.LowerLevel), a.LowerLevel is not null, () => new LowerLevelAction(a.LowerLevel!)),
            (nameof(a.AssignTeam), a.AssignTeam is not null, () => new AssignTeamAction(a.AssignTeam!)),
            (nameof(a.RaisePriority), a.RaisePriority is not null, () => new RaisePriorityAction(a.RaisePriority!.Value)),
            (nameof(a.Notify), a.Notify is not null, () => new NotifyAction(a.Notify!, a.Topic ?? throw new ArgumentException($"{nameof(a.Topic)} must be set with {nameof(a.Notify)}."))),
            (nameof(a.FlagForRegulator), a.FlagForRegulator is not null, () => new FlagForRegulatorAction(a.FlagForRegulator!)),
            (nameof(a.RequireApproval), a.RequireApproval is not null, () => new RequireApprovalAction(a.RequireApproval!, a.Reason ?? throw new ArgumentException($"{nameof(a.Reason)} must be set with {nameof(a.RequireApproval)}."))),
        ];

        var set = kinds.Where(k => k.IsSet).ToArray();
        if (set.Length != 1)
        {
            errors.Add(set.Length == 0
                ? $"{path}: must set exactly one action ({string.Join(", ", kinds.Select(k => k.Name))}); none is set."
                : $"{path}: must set exactly one action; {string.Join(" and ", set.Select(k => k.Name))} are set (list them as separate actions).");
            return null;
        }

        if (a.Topic is not null && set[0].Name != nameof(a.Notify))
        {
            errors.Add($"{path}.{nameof(a.Topic)}: applies only to {nameof(a.Notify)}, not to {set[0].Name}.");
            return null;
        }

        if (a.Reason is not null && set[0].Name != nameof(a.RequireApproval))
        {
            errors.Add($"{path}.{nameof(a.Reason)}: applies only to {nameof(a.RequireApproval)}, not to {set[0].Name}.");
            return null;
        }

        try
        {
            return set[0].Build();
        }
        catch (ArgumentException ex)
        {
            errors.Add($"{path}.{set[0].Name}: {ex.Message}");
            return null;
        }
    }

    private static PolicyCondition? Missing(List<string> errors, string path, string message)
    {
        errors.Add($"{path}: {message}");
        return null;
    }

    private static void Try(List<string> errors, string path, Action add)
    {
        try
        {
            add();
        }
        catch (ArgumentException ex)
        {
            errors.Add($"{path}: {ex.Message}");
        }
    }
}

/// <summary>
/// Validates <see cref="PolicyOptions"/> by compiling them against the host's <see cref="ComplaintLifecycle"/> and, when
/// one is registered, its <see cref="SlaEngine"/>: every error at once, each naming the rule and the field.
/// </summary>
/// <param name="lifecycle">The lifecycle whose ladder levels are named from.</param>
/// <param name="sla">The SLA engine whose targets conditions name, or <see langword="null"/>.</param>
public sealed class PolicyOptionsValidator(ComplaintLifecycle lifecycle, SlaEngine? sla = null) : IValidateOptions<PolicyOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, PolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        PolicyOptionsCompiler.Compile(options, lifecycle, sla, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
