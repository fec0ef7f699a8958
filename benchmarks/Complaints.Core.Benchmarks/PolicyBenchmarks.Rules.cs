using System.Globalization;
using System.Text;
using Complaints.Core.Calendars;
using Complaints.Core.Deadlines;
using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Policies;
using Complaints.Core.Sla;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace Complaints.Core.Benchmarks;

/// <content>
/// The escalation set, in two forms (<see cref="RuleSet"/>), four times over: with the C# builder, as appsettings.json
/// for <see cref="PolicyOptions"/>, as a RulesEngine workflow of lambda expressions, and as hand-written <c>if</c> code.
/// The setup checks that all four decide alike on every complaint.
/// </content>
public partial class PolicyBenchmarks
{
    /// <summary>
    /// The rules' names, in the order they are evaluated, for <see cref="RuleSet.WithSla"/>; bit <c>r</c> of a mask
    /// stands for rule <c>r</c>.
    /// </summary>
    internal static readonly string[] RuleNames =
    [
        "resolution breached",
        "acknowledge at risk",
        .. SharedRuleNames(),
    ];

    /// <summary>The rules' names for <see cref="RuleSet.FieldsOnly"/>: the two SLA rules replaced by two field rules.</summary>
    internal static readonly string[] FieldRuleNames =
    [
        "urgent",
        "manager or above",
        .. SharedRuleNames(),
    ];

    private const string WorkflowName = "escalation";
    private const string Payments = "Payments";
    private const string Gold = "Gold";
    private const string Manager = "Manager";
    private static readonly Duration Silence = Duration.FromDays(5);

    /// <summary>The rank of <see cref="Manager"/> on the default ladder (the setup checks the lifecycle's).</summary>
    private static readonly int ManagerRank = LifecycleOptions.DefaultEscalationLevels.Single(l => l.Name == Manager).Rank;

    /// <summary>The two rule sets the benchmarks run.</summary>
    public enum RuleSet
    {
        /// <summary>Two rules on SLA target states and eight on the complaint's fields: every evaluation replays the SLA.</summary>
        WithSla,

        /// <summary>The same eight field rules and two more on fields (priority, level) in place of the SLA rules, with no SLA engine.</summary>
        FieldsOnly,
    }

    /// <summary>The names of rules 2 to 9, which both sets share.</summary>
    private static string[] SharedRuleNames() =>
    [
        "critical",
        "through regulator",
        "abusive contact",
        "reopened twice",
        "rejected, escalate",
        "gold and urgent",
        "payments and severe",
        "customer silent",
    ];

    /// <summary>
    /// The SLA engine the rules read: acknowledge within 24 hours, round the clock (at risk from the 18th hour); resolve
    /// within 15 business days on a London calendar, paused while waiting on the customer; and the FCA's summary
    /// resolution (3 business days), which no rule reads but every evaluation works out.
    /// </summary>
    internal static SlaEngine CreateSla()
    {
        var calendar = BusinessCalendar.CreateBuilder("Europe/London")
            .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
            .AddHolidays(UkBankHolidays.EnglandAndWales)
            .Covering(2025, 2028)
            .Build();

        // Not SlaPresets.FcaDisp: its eight weeks count calendar dates in the zone, which StatesAt allocates for, and the
        // 0 B claim is about the rules, not the SLA engine.
        return new SlaEngine(
        [
            SlaPolicy.CreateBuilder("service")
                .InGroup("customer")
                .AddTarget("acknowledge", SlaTargetKind.Acknowledge, DeadlinePresets.Acknowledge24Hours, BusinessCalendar.AlwaysOpen("Europe/London", 2025, 2028), t => t.WarnAt(0.75))
                .AddTarget("resolution", SlaTargetKind.Resolution, DeadlineRule.BusinessDays(15), calendar, t => t.PausedIn(ComplaintState.AwaitingCustomer))
                .Build(),
            SlaPolicy.CreateBuilder("FCA DISP summary")
                .InGroup(SlaPresets.RegulatoryGroup)
                .ForKinds(FeedbackKind.Complaint, FeedbackKind.Claim)
                .AddTarget("summary resolution", SlaTargetKind.Resolution, DeadlinePresets.FcaSummaryResolution, calendar)
                .Build(),
        ]);
    }

    /// <summary>The ten rules of <see cref="RuleSet.WithSla"/>, with the C# builder.</summary>
    internal static PolicyRuleSet CreateRules(ComplaintLifecycle lifecycle, SlaEngine sla) =>
        AddSharedRules(PolicyRuleSet.CreateBuilder(lifecycle, sla)
            .AddTeams("front desk", "payments")
            .AddRule(RuleNames[0], PolicyCondition.TargetBreached("resolution"), new RaiseLevelAction("Supervisor"))
            .AddRule(RuleNames[1], PolicyCondition.TargetAtRisk("acknowledge"), new NotifyAction("supervisor", "acknowledge-at-risk")))
            .Build();

    /// <summary>The ten rules of <see cref="RuleSet.FieldsOnly"/>, with the C# builder and no SLA engine.</summary>
    internal static PolicyRuleSet CreateFieldRules(ComplaintLifecycle lifecycle) =>
        AddSharedRules(PolicyRuleSet.CreateBuilder(lifecycle)
            .AddTeams("front desk", "payments")
            .AddRule(FieldRuleNames[0], PolicyCondition.PriorityAtLeast(Priority.Urgent), new NotifyAction("supervisor", "urgent"))
            .AddRule(FieldRuleNames[1], PolicyCondition.LevelAtLeast(Manager), new NotifyAction("account manager", "at-manager-level")))
            .Build();

    /// <summary>Adds rules 2 to 9, which both sets share.</summary>
    private static PolicyRuleSetBuilder AddSharedRules(PolicyRuleSetBuilder builder) =>
        builder
            .AddRule(RuleNames[2], PolicyCondition.SeverityAtLeast(Severity.Critical), new RaiseLevelAction("Manager"))
            .AddRule(RuleNames[3], PolicyCondition.ThroughRegulator(), new FlagForRegulatorAction("Came through a regulator or legal body."))
            .AddRule(RuleNames[4], PolicyCondition.FlaggedAbusive(), new RequireApprovalAction("manager", "contact with a customer flagged abusive"))
            .AddRule(RuleNames[5], PolicyCondition.ReopenedAtLeast(2), new RaiseLevelAction("Supervisor"))
            .AddRule(RuleNames[6], PolicyCondition.RejectedWithConsentToEscalate(), new RaiseLevelAction("Supervisor"))
            .AddRule(
                RuleNames[7],
                PolicyCondition.All(PolicyCondition.TierIs(Gold), PolicyCondition.PriorityAtLeast(Priority.High)),
                new NotifyAction("account manager", "gold-priority"))
            .AddRule(
                RuleNames[8],
                PolicyCondition.All(PolicyCondition.InCategory(Category.Parse(Payments)), PolicyCondition.SeverityAtLeast(Severity.High)),
                new AssignTeamAction("payments"))
            .AddRule(RuleNames[9], PolicyCondition.SinceLastCustomerMessage(Silence), new NotifyAction(NotifyAction.Customer, "still-there"));

    /// <summary>The ten rules of <see cref="RuleSet.WithSla"/> as an appsettings.json section, bound to <see cref="PolicyOptions"/>.</summary>
    internal static readonly string PolicyJson = Policies("""
              { "Name": "resolution breached", "When": { "TargetBreached": "resolution" }, "Then": [ { "RaiseLevel": "Supervisor" } ] },
              { "Name": "acknowledge at risk", "When": { "TargetAtRisk": "acknowledge" }, "Then": [ { "Notify": "supervisor", "Topic": "acknowledge-at-risk" } ] },
        """);

    /// <summary>The ten rules of <see cref="RuleSet.FieldsOnly"/> as an appsettings.json section.</summary>
    internal static readonly string FieldPolicyJson = Policies("""
              { "Name": "urgent", "When": { "PriorityAtLeast": "Urgent" }, "Then": [ { "Notify": "supervisor", "Topic": "urgent" } ] },
              { "Name": "manager or above", "When": { "LevelAtLeast": "Manager" }, "Then": [ { "Notify": "account manager", "Topic": "at-manager-level" } ] },
        """);

    /// <summary>An appsettings.json section with the two first rules given and rules 2 to 9, which both sets share.</summary>
    private static string Policies(string firstTwo) => $$"""
        {
          "Policies": {
            "Teams": [ "front desk", "payments" ],
            "Rules": [
        {{firstTwo}}
              { "Name": "critical", "When": { "SeverityAtLeast": "Critical" }, "Then": [ { "RaiseLevel": "Manager" } ] },
              { "Name": "through regulator", "When": { "ThroughRegulator": true }, "Then": [ { "FlagForRegulator": "Came through a regulator or legal body." } ] },
              { "Name": "abusive contact", "When": { "FlaggedAbusive": true }, "Then": [ { "RequireApproval": "manager", "Reason": "contact with a customer flagged abusive" } ] },
              { "Name": "reopened twice", "When": { "ReopenedAtLeast": 2 }, "Then": [ { "RaiseLevel": "Supervisor" } ] },
              { "Name": "rejected, escalate", "When": { "RejectedWithConsentToEscalate": true }, "Then": [ { "RaiseLevel": "Supervisor" } ] },
              { "Name": "gold and urgent", "When": { "All": [ { "Tier": [ "Gold" ] }, { "PriorityAtLeast": "High" } ] }, "Then": [ { "Notify": "account manager", "Topic": "gold-priority" } ] },
              { "Name": "payments and severe", "When": { "All": [ { "Category": "Payments" }, { "SeverityAtLeast": "High" } ] }, "Then": [ { "AssignTeam": "payments" } ] },
              { "Name": "customer silent", "When": { "SinceLastCustomerMessage": "5.00:00:00" }, "Then": [ { "Notify": "customer", "Topic": "still-there" } ] }
            ]
          }
        }
        """;

    /// <summary>Compiles the rule set from <see cref="PolicyJson"/>: configuration, binding, <see cref="PolicyRuleSet.FromOptions"/>.</summary>
    internal static PolicyRuleSet CompileJson(ComplaintLifecycle lifecycle, SlaEngine sla) => CompileJson(PolicyJson, lifecycle, sla);

    /// <summary>Compiles a rule set from an appsettings.json section: configuration, binding, <see cref="PolicyRuleSet.FromOptions"/>.</summary>
    internal static PolicyRuleSet CompileJson(string json, ComplaintLifecycle lifecycle, SlaEngine? sla)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var options = new PolicyOptions();
        new ConfigurationBuilder().AddJsonStream(stream).Build().GetSection("Policies").Bind(options, o => o.ErrorOnUnknownConfiguration = true);
        return PolicyRuleSet.FromOptions(options, lifecycle, sla);
    }

    /// <summary>
    /// The ten rules of <see cref="RuleSet.WithSla"/> as one RulesEngine workflow of lambda expressions over a
    /// <see cref="RuleFacts"/> named <c>c</c>. Enumerations are compared as their numbers; the tier is compared exactly
    /// (the data spells it one way).
    /// </summary>
    internal static readonly string WorkflowJson = Workflow(
        RuleNames,
        string.Create(CultureInfo.InvariantCulture, $"c.ResolutionState == {(int)SlaClockState.Breached}"),
        string.Create(CultureInfo.InvariantCulture, $"c.AcknowledgeState == {(int)SlaClockState.AtRisk}"));

    /// <summary>The ten rules of <see cref="RuleSet.FieldsOnly"/> as a RulesEngine workflow; the level is compared by its rank.</summary>
    internal static readonly string FieldWorkflowJson = Workflow(
        FieldRuleNames,
        string.Create(CultureInfo.InvariantCulture, $"c.Priority >= {(int)Priority.Urgent}"),
        string.Create(CultureInfo.InvariantCulture, $"c.LevelRank >= {ManagerRank}"));

    /// <summary>A RulesEngine workflow with the two first rules' expressions given and rules 2 to 9, which both sets share.</summary>
    private static string Workflow(string[] names, string first, string second) => string.Create(CultureInfo.InvariantCulture, $$"""
        [
          {
            "WorkflowName": "{{WorkflowName}}",
            "Rules": [
              { "RuleName": "{{names[0]}}", "RuleExpressionType": "LambdaExpression", "Expression": "{{first}}" },
              { "RuleName": "{{names[1]}}", "RuleExpressionType": "LambdaExpression", "Expression": "{{second}}" },
              { "RuleName": "{{RuleNames[2]}}", "RuleExpressionType": "LambdaExpression", "Expression": "c.Severity >= {{(int)Severity.Critical}}" },
              { "RuleName": "{{RuleNames[3]}}", "RuleExpressionType": "LambdaExpression", "Expression": "c.Channel == {{(int)Channel.RegulatorOrLegalBody}}" },
              { "RuleName": "{{RuleNames[4]}}", "RuleExpressionType": "LambdaExpression", "Expression": "c.FlaggedAbusive" },
              { "RuleName": "{{RuleNames[5]}}", "RuleExpressionType": "LambdaExpression", "Expression": "c.ReopenCount >= 2" },
              { "RuleName": "{{RuleNames[6]}}", "RuleExpressionType": "LambdaExpression", "Expression": "c.RejectedWithConsentToEscalate" },
              { "RuleName": "{{RuleNames[7]}}", "RuleExpressionType": "LambdaExpression", "Expression": "c.Tier == \"{{Gold}}\" && c.Priority >= {{(int)Priority.High}}" },
              { "RuleName": "{{RuleNames[8]}}", "RuleExpressionType": "LambdaExpression", "Expression": "(c.Category == \"{{Payments}}\" || c.Category.StartsWith(\"{{Payments}}/\")) && c.Severity >= {{(int)Severity.High}}" },
              { "RuleName": "{{RuleNames[9]}}", "RuleExpressionType": "LambdaExpression", "Expression": "c.SecondsSinceCustomerMessage >= {{(long)Silence.TotalSeconds}}" }
            ]
          }
        ]
        """);

    /// <summary>The hand-written floor's decision on the two SLA rules of <see cref="RuleSet.WithSla"/>: bits 0 and 1.</summary>
    /// <param name="states">The complaint's SLA states, from <see cref="SlaEngine.StatesAt(ComplaintSnapshot, Instant, Span{SlaTargetState})"/>.</param>
    /// <param name="resolution">The engine's resolution target.</param>
    /// <param name="acknowledge">The engine's acknowledgement target.</param>
    private static int SlaMask(ReadOnlySpan<SlaTargetState> states, SlaTarget resolution, SlaTarget acknowledge)
    {
        var mask = 0;
        foreach (var state in states)
        {
            if (state.State == SlaClockState.Breached && ReferenceEquals(state.Target, resolution))
            {
                mask |= 1 << 0;
            }
            else if (state.State == SlaClockState.AtRisk && ReferenceEquals(state.Target, acknowledge))
            {
                mask |= 1 << 1;
            }
        }

        return mask;
    }

    /// <summary>The hand-written floor's decision on the two field rules of <see cref="RuleSet.FieldsOnly"/>: bits 0 and 1.</summary>
    /// <param name="complaint">The complaint.</param>
    private static int FieldMask(ComplaintSnapshot complaint) =>
        (complaint.Priority >= Priority.Urgent ? 1 << 0 : 0) | (complaint.LevelRank >= ManagerRank ? 1 << 1 : 0);

    /// <summary>The hand-written floor's decision on rules 2 to 9, which both sets share: bit <c>r</c> set when rule <c>r</c> matches.</summary>
    /// <param name="complaint">The complaint.</param>
    /// <param name="asOf">The instant.</param>
    /// <param name="payments">The payments category.</param>
    private static int SharedMask(ComplaintSnapshot complaint, Instant asOf, Category payments)
    {
        var mask = 0;
        var severity = complaint.Severity;
        if (severity >= Severity.Critical)
        {
            mask |= 1 << 2;
        }

        if (complaint.Intake.Channel == Channel.RegulatorOrLegalBody)
        {
            mask |= 1 << 3;
        }

        if (complaint.IsFlaggedAbusive)
        {
            mask |= 1 << 4;
        }

        if (complaint.ReopenCount >= 2)
        {
            mask |= 1 << 5;
        }

        if (complaint.LatestRejectionConsented)
        {
            mask |= 1 << 6;
        }

        if (complaint.Priority >= Priority.High && string.Equals(complaint.CustomerTier, Gold, StringComparison.OrdinalIgnoreCase))
        {
            mask |= 1 << 7;
        }

        if (severity >= Severity.High && complaint.Category.IsWithin(payments))
        {
            mask |= 1 << 8;
        }

        if (asOf - (complaint.LastCustomerMessageAt ?? complaint.Intake.ReceivedAt) >= Silence)
        {
            mask |= 1 << 9;
        }

        return mask;
    }

    /// <summary>The mask of a decision's matched rules (0 for none).</summary>
    private int MaskOf(PolicyDecision? decision)
    {
        var mask = 0;
        if (decision is not null)
        {
            foreach (var match in decision.Matches)
            {
                mask |= 1 << Array.IndexOf(_names, match.Rule.Name);
            }
        }

        return mask;
    }

    /// <summary>What the RulesEngine workflow reads of a complaint: its fields and, for <see cref="RuleSet.WithSla"/>, SLA states, flat.</summary>
    public sealed class RuleFacts
    {
        /// <summary>Gets or sets the state of the resolution target (an <see cref="SlaClockState"/>).</summary>
        public int ResolutionState { get; set; }

        /// <summary>Gets or sets the state of the acknowledgement target.</summary>
        public int AcknowledgeState { get; set; }

        /// <summary>Gets or sets the severity (a <see cref="Domain.Severity"/>).</summary>
        public int Severity { get; set; }

        /// <summary>Gets or sets the priority (a <see cref="Domain.Priority"/>).</summary>
        public int Priority { get; set; }

        /// <summary>Gets or sets the rank of the level handling the complaint.</summary>
        public int LevelRank { get; set; }

        /// <summary>Gets or sets the channel (a <see cref="Domain.Channel"/>).</summary>
        public int Channel { get; set; }

        /// <summary>Gets or sets whether the complaint is flagged abusive.</summary>
        public bool FlaggedAbusive { get; set; }

        /// <summary>Gets or sets how often it was reopened.</summary>
        public int ReopenCount { get; set; }

        /// <summary>Gets or sets whether the latest proposal was rejected with consent to escalate.</summary>
        public bool RejectedWithConsentToEscalate { get; set; }

        /// <summary>Gets or sets the customer's tier.</summary>
        public string? Tier { get; set; }

        /// <summary>Gets or sets the category's path.</summary>
        public string Category { get; set; } = string.Empty;

        /// <summary>Gets or sets the seconds since the customer's last message (or receipt).</summary>
        public long SecondsSinceCustomerMessage { get; set; }

        /// <summary>Fills the facts of one complaint and its SLA states, as a host using RulesEngine does before each execution.</summary>
        public static RuleFacts From(ComplaintSnapshot complaint, Instant asOf, ReadOnlySpan<SlaTargetState> states, SlaTarget resolution, SlaTarget acknowledge)
        {
            var facts = From(complaint, asOf);
            foreach (var state in states)
            {
                if (ReferenceEquals(state.Target, resolution))
                {
                    facts.ResolutionState = (int)state.State;
                }
                else if (ReferenceEquals(state.Target, acknowledge))
                {
                    facts.AcknowledgeState = (int)state.State;
                }
            }

            return facts;
        }

        /// <summary>Fills the facts of one complaint's fields, with no SLA states (both -1).</summary>
        public static RuleFacts From(ComplaintSnapshot complaint, Instant asOf) =>
            new()
            {
                ResolutionState = -1,
                AcknowledgeState = -1,
                Severity = (int)complaint.Severity,
                Priority = (int)complaint.Priority,
                LevelRank = complaint.LevelRank,
                Channel = (int)complaint.Intake.Channel,
                FlaggedAbusive = complaint.IsFlaggedAbusive,
                ReopenCount = complaint.ReopenCount,
                RejectedWithConsentToEscalate = complaint.LatestRejectionConsented,
                Tier = complaint.CustomerTier,
                Category = complaint.Category.Path,
                SecondsSinceCustomerMessage = (long)(asOf - (complaint.LastCustomerMessageAt ?? complaint.Intake.ReceivedAt)).TotalSeconds,
            };
    }
}
