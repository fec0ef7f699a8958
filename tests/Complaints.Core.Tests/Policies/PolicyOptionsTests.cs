using System.Text;
using Complaints.Core.Deadlines;
using Complaints.Core.Hosting;
using Complaints.Core.Lifecycle;
using Complaints.Core.Policies;
using Complaints.Core.Sla;
using Complaints.Core.Tests.Sla;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Complaints.Core.Tests.Policies;

public sealed class PolicyOptionsTests
{
    /// <summary>The rules of <see cref="PolicyPropertyTests.Rules"/>, as an appsettings.json section.</summary>
    private const string Json = """
        {
          "Policies": {
            "Teams": [ "quality", "billing", "general" ],
            "Routing": { "Default": "general", "Routes": [ { "Category": "Billing", "Department": "billing" }, { "Category": "Billing/C1", "Kind": "Claim", "Department": "quality" } ] },
            "Rules": [
              { "Name": "breach", "When": { "TargetBreached": "resolution" }, "Then": [ { "RaiseLevel": "supervisor" } ] },
              { "Name": "at risk", "When": { "TargetAtRisk": "resolution", "Group": "team" }, "Then": [ { "Notify": "supervisor", "Topic": "at-risk" } ] },
              { "Name": "half used", "When": { "ShareUsed": "resolution", "AtLeast": 0.5 }, "Then": [ { "Notify": "agent", "Topic": "look" } ] },
              { "Name": "ack late", "When": { "TargetBreached": "ack" }, "Then": [ { "RaisePriority": "High" } ] },
              { "Name": "severe", "When": { "All": [ { "SeverityAtLeast": "High" }, { "Not": { "State": [ "Closed" ] } } ] }, "Then": [ { "RaiseLevel": "manager" } ] },
              { "Name": "quiet", "RepeatEvery": "1.00:00:00", "When": { "SinceLastUpdate": "3.00:00:00" }, "Then": [ { "Notify": "customer", "Topic": "progress" } ] },
              { "Name": "silent customer", "When": { "SinceLastCustomerMessage": "2.00:00:00" }, "Then": [ { "Notify": "agent", "Topic": "chase" } ] },
              { "Name": "reopened", "When": { "ReopenedAtLeast": 1 }, "Then": [ { "AssignTeam": "quality" } ] },
              { "Name": "rejected", "When": { "ProposalRejected": true }, "Then": [ { "RaiseLevel": "supervisor" } ] },
              { "Name": "tier or urgent", "When": { "Any": [ { "Tier": [ "Tier1" ] }, { "PriorityAtLeast": "Urgent" } ] }, "Then": [ { "FlagForRegulator": "Watched." } ] },
              { "Name": "escalated", "When": { "LevelAtLeast": "supervisor" }, "Then": [ { "Notify": "manager", "Topic": "escalated" } ] },
              { "Name": "handed back", "When": { "All": [ { "LevelAtLeast": "supervisor" }, { "State": [ "Resolved", "FollowUp" ] } ] }, "Then": [ { "LowerLevel": "agent" } ] },
              { "Name": "first due soon", "When": { "TargetDueWithin": "first", "Within": "06:00:00" }, "Then": [ { "Notify": "agent", "Topic": "first-due" } ] },
              { "Name": "resolution overdue", "When": { "TargetOverdueBy": "resolution", "By": "04:00:00", "Group": "team" }, "Then": [ { "RaiseLevel": "manager" } ] }
            ]
          }
        }
        """;

    private static IConfiguration Configuration(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    private static PolicyOptions Bind(string json)
    {
        var options = new PolicyOptions();
        Configuration(json).GetSection("Policies").Bind(options, o => o.ErrorOnUnknownConfiguration = true);
        return options;
    }

    // The rule set bound from JSON decides exactly as the same rules written with the C# builder.
    [Property(Arbitrary = [typeof(SlaArbitraries)], MaxTest = 150)]
    public Property RulesFromJson_DecideAsTheSameRulesInCSharp(SlaCase c)
    {
        var complaint = SlaArbitraries.Walk(c, fieldChanges: true);
        var engine = new SlaEngine(SlaClocksTests.RichPolicies(c.Target));
        var fromJson = PolicyRuleSet.FromOptions(Bind(Json), SlaArbitraries.Lifecycle, engine);
        var inCode = PolicyPropertyTests.Rules(SlaArbitraries.Lifecycle, engine);
        var asOf = SlaArbitraries.AsOf(c, complaint);

        var expected = inCode.Evaluate(complaint.Snapshot, asOf, explainMisses: true);
        var actual = fromJson.Evaluate(complaint.Snapshot, asOf, explainMisses: true);

        Assert.Equal(inCode.Rules.Select(r => r.Name), fromJson.Rules.Select(r => r.Name));
        Assert.Equal(PolicyPropertyTests.Describe(expected), PolicyPropertyTests.Describe(actual));
        Assert.Equal(expected.Actions, actual.Actions);
        return true.ToProperty().Collect(expected.Matches.Count switch { 0 => "no rule", 1 => "one rule", _ => "several rules" });
    }

    [Fact]
    public void BadConfiguration_IsReportedAllAtOnce_NamingTheRuleAndTheField()
    {
        const string bad = """
            {
              "Policies": {
                "Teams": [ "quality" ],
                "Rules": [
                  { "Name": "two at once", "When": { "SeverityAtLeast": "High", "FlaggedAbusive": true }, "Then": [ { "RaiseLevel": "Supervisor" } ] },
                  { "Name": "none", "When": { "Group": "team" }, "Then": [ { "RaiseLevel": "Supervisor" } ] },
                  { "Name": "no action", "When": { "FlaggedAbusive": true } },
                  { "Name": "no condition", "Then": [ { "RaiseLevel": "Supervisor" } ] },
                  { "Name": "unknown level", "When": { "FlaggedAbusive": true }, "Then": [ { "RaiseLevel": "Director" } ] },
                  { "Name": "unknown team", "When": { "Team": [ "returns" ] }, "Then": [ { "RaiseLevel": "Supervisor" } ] },
                  { "Name": "unknown target", "When": { "Any": [ { "TargetBreached": "question" } ] }, "Then": [ { "RaiseLevel": "Supervisor" } ] },
                  { "Name": "share without threshold", "When": { "ShareUsed": "resolution" }, "Then": [ { "RaiseLevel": "Supervisor" } ] },
                  { "Name": "share too high", "When": { "ShareUsed": "resolution", "AtLeast": 1.5 }, "Then": [ { "RaiseLevel": "Supervisor" } ] },
                  { "Name": "group misplaced", "When": { "FlaggedAbusive": true, "Group": "team" }, "Then": [ { "RaiseLevel": "Supervisor" } ] },
                  { "Name": "false flag", "When": { "FlaggedAbusive": false }, "Then": [ { "RaiseLevel": "Supervisor" } ] },
                  { "Name": "two actions", "When": { "FlaggedAbusive": true }, "Then": [ { "RaiseLevel": "Supervisor", "AssignTeam": "quality" } ] },
                  { "Name": "notify without topic", "When": { "FlaggedAbusive": true }, "Then": [ { "Notify": "manager" } ] },
                  { "Name": "bad category", "When": { "Category": "Orders//Late" }, "Then": [ { "RaiseLevel": "Supervisor" } ] },
                  { "Name": "unknown team", "When": { "FlaggedAbusive": true }, "Then": [ { "RaiseLevel": "Supervisor" } ] },
                  { "Name": "", "When": { "FlaggedAbusive": true }, "Then": [ { "RaiseLevel": "Supervisor" } ] },
                  { "Name": "unknown lower level", "When": { "FlaggedAbusive": true }, "Then": [ { "LowerLevel": "Director" } ] },
                  { "Name": "raise and lower", "When": { "FlaggedAbusive": true }, "Then": [ { "RaiseLevel": "Supervisor", "LowerLevel": "Agent" } ] },
                  { "Name": "empty lower level", "When": { "FlaggedAbusive": true }, "Then": [ { "Notify": "agent", "Topic": "look" }, { "LowerLevel": " " } ] }
                ]
              }
            }
            """;
        var engine = new SlaEngine(SlaClocksTests.RichPolicies(new TargetSpec(SlaTargetKind.Resolution, new RuleSpec(DeadlineUnit.BusinessDays, 3, false), false, true, ReopenRule.NewCycle, null)));
        var errors = new PolicyOptionsValidator(SlaArbitraries.Lifecycle, engine).Validate(null, Bind(bad)).Failures!.ToArray();

        string[] expected =
        [
            "Rules[0] ('two at once').When: must set exactly one condition; SeverityAtLeast and FlaggedAbusive are set (combine them with All or Any).",
            "Rules[1] ('none').When: must set exactly one condition (All, Any, Not, TargetBreached, TargetAtRisk, ShareUsed, TargetDueWithin, TargetOverdueBy, SeverityAtLeast,",
            "Rules[2] ('no action').Then: must hold at least one action.",
            "Rules[3] ('no condition').When: must be set",
            "Rules[4] ('unknown level'): Rule 'unknown level': level 'Director' is not on the escalation ladder (Agent, Supervisor, Manager, Executive).",
            "Rules[5] ('unknown team'): Rule 'unknown team': team 'returns' is not one of the rule set's teams (quality).",
            "Rules[6] ('unknown target'): Rule 'unknown target': no SLA policy has a target named 'question'",
            "Rules[7] ('share without threshold').When.AtLeast: must be set with ShareUsed: the share, from 0 to 1.",
            "Rules[8] ('share too high').When.ShareUsed: share must be between 0 and 1",
            "Rules[9] ('group misplaced').When.Group: applies only to TargetBreached, TargetAtRisk, ShareUsed, TargetDueWithin and TargetOverdueBy, not to FlaggedAbusive.",
            "Rules[10] ('false flag').When.FlaggedAbusive: must be true, or left out (use Not for the opposite).",
            "Rules[11] ('two actions').Then[0]: must set exactly one action; RaiseLevel and AssignTeam are set (list them as separate actions).",
            "Rules[12] ('notify without topic').Then[0].Notify: Topic must be set with Notify.",
            "Rules[13] ('bad category').When.Category:",
            "Rules[14] ('unknown team').Name: Rules[5] has this name too; rule names must be unique.",
            "Rules[15] ('').Name: must not be empty.",
            "Rules[16] ('unknown lower level'): Rule 'unknown lower level': level 'Director' is not on the escalation ladder (Agent, Supervisor, Manager, Executive).",
            "Rules[17] ('raise and lower').Then[0]: must set exactly one action; RaiseLevel and LowerLevel are set (list them as separate actions).",
            "Rules[18] ('empty lower level').Then[1].LowerLevel: level must not be empty or white space.",
        ];

        Assert.True(expected.Length == errors.Length, string.Join("\n", errors));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.StartsWith(expected[i], errors[i], StringComparison.Ordinal);
        }

        var thrown = Assert.Throws<ArgumentException>(() => PolicyRuleSet.FromOptions(Bind(bad), SlaArbitraries.Lifecycle, engine));
        Assert.Contains(expected[11], thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompensationFromJson_DecidesAsInCSharp_AndItsMistakesAreNamed()
    {
        const string json = """
            {
              "Policies": {
                "Catalogue": [
                  { "Type": "Apology", "LowestLevel": "Agent" },
                  { "Type": "Refund", "LowestLevel": "Agent", "DefaultAmount": 20, "Currency": "EUR" },
                  { "Type": "Replacement", "LowestLevel": "Supervisor" }
                ],
                "Rules": [
                  { "Name": "not offered", "When": { "RemedyNotOffered": true }, "Then": [ { "RequireApproval": "supervisor", "Reason": "Not offered here." } ] },
                  { "Name": "over budget", "When": { "CompensationOverBudget": { "Amount": 300, "Currency": "EUR" } }, "Then": [ { "RaiseLevel": "Manager" } ] }
                ]
              }
            }
            """;
        var fromJson = PolicyRuleSet.FromOptions(Bind(json), SlaArbitraries.Lifecycle);
        var inCode = PolicyRuleSet.CreateBuilder(SlaArbitraries.Lifecycle)
            .UseCatalogue(RemedyCatalogue.CreateBuilder()
                .Add(Core.Domain.RemedyType.Apology, "Agent")
                .Add(Core.Domain.RemedyType.Refund, "Agent", new Core.Domain.Money(20m, "EUR"))
                .Add(Core.Domain.RemedyType.Replacement, "Supervisor")
                .Build())
            .AddRule("not offered", PolicyCondition.RemedyNotOffered(), new RequireApprovalAction("supervisor", "Not offered here."))
            .AddRule("over budget", PolicyCondition.CompensationOverBudget(new Core.Domain.Money(300m, "EUR")), new RaiseLevelAction("Manager"))
            .Build();
        Assert.Equal(inCode.Catalogue!.Remedies, fromJson.Catalogue!.Remedies);

        var snapshot = Core.Lifecycle.Complaint.Receive(new Core.Domain.ComplaintId("CAT-1"), Support.TestComplaints.Intake(), SlaArbitraries.Lifecycle).Snapshot;
        Core.Domain.Remedy[][] proposals =
        [
            [],
            [new(Core.Domain.RemedyType.Replacement)],
            [new(Core.Domain.RemedyType.GiftCard, new Core.Domain.Money(5m, "EUR"))],
            [new(Core.Domain.RemedyType.Refund, new Core.Domain.Money(250m, "EUR"))],
            [new(Core.Domain.RemedyType.Refund, new Core.Domain.Money(301m, "EUR"))],
        ];
        foreach (var proposal in proposals)
        {
            var context = new PolicyContext { ProposedRemedies = proposal, CompensationThisPeriod = new Core.Domain.Money(40m, "EUR") };
            Assert.Equal(
                PolicyPropertyTests.Describe(inCode.Evaluate(snapshot, snapshot.Intake.ReceivedAt, context, explainMisses: true)),
                PolicyPropertyTests.Describe(fromJson.Evaluate(snapshot, snapshot.Intake.ReceivedAt, context, explainMisses: true)));
        }

        const string bad = """
            {
              "Policies": {
                "Catalogue": [ { "LowestLevel": "Agent" }, { "Type": "Refund", "LowestLevel": "Agent", "DefaultAmount": 20 }, { "Type": "Repair", "LowestLevel": "Director" } ],
                "Rules": [ { "Name": "b", "When": { "CompensationOverBudget": { "Amount": 300 } }, "Then": [ { "RaiseLevel": "Manager" } ] } ]
              }
            }
            """;
        var errors = new PolicyOptionsValidator(SlaArbitraries.Lifecycle).Validate(null, Bind(bad)).Failures!.ToArray();
        Assert.Equal(4, errors.Length);
        Assert.Equal("Catalogue[0].Type: must be set.", errors[0]);
        Assert.StartsWith("Catalogue[1]: DefaultAmount and Currency must be set together.", errors[1], StringComparison.Ordinal);
        Assert.StartsWith("Catalogue: Rule 'catalogue: Repair': level 'Director' is not on the escalation ladder", errors[2], StringComparison.Ordinal);
        Assert.StartsWith("Rules[0] ('b').When.CompensationOverBudget: Amount and Currency must be set together.", errors[3], StringComparison.Ordinal);
    }

    [Fact]
    public void AMisspeltField_OrAnUnknownValue_IsRefusedWhenBound_NamingItsPath()
    {
        var misspelt = Assert.Throws<InvalidOperationException>(() => Bind("""{ "Policies": { "Rules": [ { "Name": "r", "When": { "SeverityAtLest": "High" } } ] } }"""));
        Assert.Contains("not found on the instance of Complaints.Core.Policies.PolicyConditionOptions: 'SeverityAtLest'", misspelt.InnerException?.Message, StringComparison.Ordinal);
        var unknownState = Assert.Throws<InvalidOperationException>(() => Bind("""{ "Policies": { "Rules": [ { "Name": "r", "When": { "State": [ "Lost" ] } } ] } }"""));
        Assert.True(unknownState.ToString().Contains("'Lost'", StringComparison.Ordinal), unknownState.ToString());
    }

    [Fact]
    public void AddPolicies_ValidatesAtStart_AndSharesOneRuleSetCompiledFromConfiguration()
    {
        var engine = new SlaEngine(SlaClocksTests.RichPolicies(new TargetSpec(SlaTargetKind.Resolution, new RuleSpec(DeadlineUnit.BusinessDays, 3, false), false, true, ReopenRule.NewCycle, null)));
        var services = new ServiceCollection();
        services.AddSingleton(engine);
        services.AddComplaints().AddPolicies().AddPolicies();
        services.Configure<PolicyOptions>(Configuration(Json).GetSection("Policies"), o => o.ErrorOnUnknownConfiguration = true);
        using (var provider = services.BuildServiceProvider())
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            var rules = provider.GetRequiredService<PolicyRuleSet>();
            Assert.Same(rules, provider.GetRequiredService<PolicyRuleSet>());
            Assert.Same(engine, rules.Sla);
            Assert.Equal(14, rules.Rules.Count);
        }

        var broken = new ServiceCollection();
        broken.AddComplaints().AddPolicies(o => o.Rules.Add(new PolicyRuleOptions { Name = "r", When = new PolicyConditionOptions { TargetBreached = "resolution" } }));
        using var brokenProvider = broken.BuildServiceProvider();
        var atStart = Assert.Throws<OptionsValidationException>(() => brokenProvider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Rules[0] ('r').Then: must hold at least one action.", atStart.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => brokenProvider.GetRequiredService<PolicyRuleSet>());
    }
}
