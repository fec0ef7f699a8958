using Complaints.Core.Domain;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Complaints.Core.Lifecycle;

namespace Complaints.Core.Tests;

public sealed partial class ReadmeTests
{
    private static string Readme => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md")).ReplaceLineEndings("\n");

    private static string Block(string language, string after)
    {
        var start = Readme.IndexOf(after, StringComparison.Ordinal);
        Assert.True(start >= 0, $"README has no '{after}' heading.");
        var match = new Regex($"```{language}\\n(.*?)\\n```", RegexOptions.Singleline).Match(Readme, start);
        Assert.True(match.Success, $"README has no ```{language} block after '{after}'.");
        return match.Groups[1].Value;
    }

    /// <summary>A README block without the <c>using</c> lines it opens with (and the blank line after them).</summary>
    private static string WithoutUsings(string block)
    {
        var lines = block.Split('\n');
        var first = lines.TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal)).Count();
        return string.Join('\n', lines.Skip(first > 0 && first < lines.Length && lines[first].Length == 0 ? first + 1 : first));
    }

    private static string ExampleReport => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "metrics-example-report.json")).ReplaceLineEndings("\n");

    [Fact]
    public void LifecycleDiagram_InReadme_IsTheMachinesMermaidExport()
    {
        var exported = new ComplaintLifecycle().ToMermaid().ReplaceLineEndings("\n").TrimEnd('\n');

        Assert.Equal(exported, Block("mermaid", "## Lifecycle diagram"));
    }

    [Fact]
    public void DotExport_NamesEveryStateAndGuardedEdge()
    {
        var dot = new ComplaintLifecycle().ToDot();

        Assert.StartsWith("digraph {", dot, StringComparison.Ordinal);
        Assert.All(Enum.GetNames<ComplaintState>(), state => Assert.Contains($"\"{state}\"", dot, StringComparison.Ordinal));
        Assert.Contains("\"Closed\" -> \"Reopened\" [style=\"solid\", label=\"Reopen [within the reopen window]\"]", dot, StringComparison.Ordinal);
    }

    private static string CompiledRegion(string file, string marker)
    {
        var source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, file)).ReplaceLineEndings("\n");
        var match = new Regex($"// {marker}:begin\\n(.*?)\\n\\s*// {marker}:end", RegexOptions.Singleline).Match(source);
        Assert.True(match.Success, $"{file} has no {marker} region.");
        return string.Join('\n', match.Groups[1].Value.Split('\n').Select(l => l.Length >= 8 ? l[8..] : l.TrimStart())).TrimEnd('\n');
    }

    private static string[] RunCapturingConsole(Action run)
    {
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            run();
        }
        finally
        {
            Console.SetOut(original);
        }

        return output.ToString().ReplaceLineEndings("\n").Split('\n');
    }

    [Fact]
    public void QuickStart_InReadme_IsTheCompiledQuickStart()
    {
        Assert.Equal(CompiledRegion("QuickStart.cs", "quick-start"), WithoutUsings(Block("csharp", "## Quick start")));
    }

    [Fact]
    public void CalendarExample_InReadme_IsTheCompiledExample()
    {
        Assert.Equal(CompiledRegion("CalendarExample.cs", "calendar-example"), WithoutUsings(Block("csharp", "## Business calendars and deadlines")));
    }

    [Fact]
    public void CalendarExample_PrintsWhatItsCommentsSay()
    {
        var expected = CompiledRegion("CalendarExample.cs", "calendar-example").Split('\n')
            .Where(l => l.Contains("Console.WriteLine", StringComparison.Ordinal) || l.StartsWith("    anchors with", StringComparison.Ordinal))
            .Where(l => l.Contains("// ", StringComparison.Ordinal))
            .Select(l => l[(l.LastIndexOf("// ", StringComparison.Ordinal) + 3)..].Split(' ')[0])
            .Select(v => v == "null:" ? string.Empty : v)
            .ToArray();

        var printed = RunCapturingConsole(CalendarExample.Run);

        Assert.Equal(15, expected.Length);
        Assert.Equal(expected, printed[..expected.Length]);
    }

    [Fact]
    public void QuickStart_Runs_AndEndsResolvedWithCloseRefused()
    {
        Complaint complaint = null!;
        var lines = RunCapturingConsole(() => complaint = QuickStart.Run());

        Assert.Equal(ComplaintState.Resolved, complaint.State);
        Assert.Equal(5, complaint.History.Count);
        Assert.Equal(["Resolved", "5", "False"], lines[..3]);
        Assert.Contains("Trigger Close is refused", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_NamesTheTwoCommands()
    {
        Assert.Contains("dotnet run --project samples/Complaints.Samples.QuickStart", Readme, StringComparison.Ordinal);
        Assert.Contains("dotnet test Complaints.Core.sln", Readme, StringComparison.Ordinal);
    }

    [Fact]
    public void PoliciesExample_InReadme_IsTheCompiledExample()
    {
        Assert.Equal(CompiledRegion("PoliciesExample.cs", "policies-example"), WithoutUsings(Block("csharp", "## Escalation, routing and compensation policies")));
    }

    [Fact]
    public void PolicyBatchExample_InReadme_IsTheCompiledExample_AndPrintsWhatItsCommentsSay()
    {
        var region = CompiledRegion("PolicyBatchExample.cs", "policy-batch-example");
        Assert.Equal(region, WithoutUsings(Block("csharp", "### Deciding for many complaints at once")));
        var expected = region.Split('\n')
            .Where(l => l.StartsWith("Console.WriteLine", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("// ", StringComparison.Ordinal) + 3)..])
            .ToArray();

        var printed = RunCapturingConsole(PolicyBatchExample.Run);

        Assert.Equal(3, expected.Length);
        Assert.Equal(expected, printed[..expected.Length]);
    }

    [Fact]
    public void RegionsCalendarExample_InReadme_IsTheCompiledExample_AndPrintsWhatItsCommentsSay()
    {
        var region = CompiledRegion("RegionsCalendarExample.cs", "regions-calendar-example");
        Assert.Equal(region, WithoutUsings(Block("csharp", "### Tehran and Riyadh next to London")));
        var expected = region.Split('\n')
            .Where(l => l.StartsWith("Console.WriteLine", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("// ", StringComparison.Ordinal) + 3)..].Split(' ')[0])
            .ToArray();

        var printed = RunCapturingConsole(RegionsCalendarExample.Run);

        Assert.Equal(4, expected.Length);
        Assert.Equal(expected, printed[..expected.Length]);
    }

    [Fact]
    public void PoliciesJson_InReadme_BindsWithNoUnknownField_AndCompiles()
    {
        var json = Block("json", "## Escalation, routing and compensation policies");
        var options = new Complaints.Core.Policies.PolicyOptions();
        new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)))
            .Build()
            .GetSection("Policies")
            .Bind(options, o => o.ErrorOnUnknownConfiguration = true);
        var sla = new Complaints.Core.Sla.SlaEngine(
        [
            Complaints.Core.Sla.SlaPolicy.CreateBuilder("customer")
                .AddTarget("acknowledge", Complaints.Core.Sla.SlaTargetKind.Acknowledge, Complaints.Core.Deadlines.DeadlineRule.ElapsedTime(NodaTime.Duration.FromHours(24)), Complaints.Core.Calendars.BusinessCalendar.AlwaysOpen("Europe/London", 2026, 2027))
                .Build(),
        ]);

        var rules = Complaints.Core.Policies.PolicyRuleSet.FromOptions(options, new ComplaintLifecycle(), sla);

        Assert.Equal(["acknowledgement breached", "deliveries", "severe and open", "not offered", "settled above agent"], rules.Rules.Select(r => r.Name));
        Assert.Equal(new Complaints.Core.Policies.LowerLevelAction("Agent"), Assert.Single(rules.Rules[4].Actions));
        Assert.Equal(2, rules.Catalogue!.Remedies.Count);
        Assert.Equal(2, rules.Routing!.Routes.Count);
    }

    [Fact]
    public void PoliciesExample_PrintsWhatItsCommentsSay()
    {
        var expected = CompiledRegion("PoliciesExample.cs", "policies-example").Split('\n')
            .Where(l => l.StartsWith("// > ", StringComparison.Ordinal))
            .Select(l => l["// > ".Length..])
            .ToArray();

        var printed = RunCapturingConsole(PoliciesExample.Run);

        Assert.Equal(4, expected.Length);
        Assert.Equal(expected, printed[..expected.Length]);
    }

    [Fact]
    public void MetricsExample_InReadme_IsTheCompiledExample()
    {
        Assert.Equal(CompiledRegion("MetricsExample.cs", "metrics-example"), WithoutUsings(Block("csharp", "## Metrics")));
    }

    [Fact]
    public void MetricsExample_PrintsWhatItsCommentsSay_AndTheReadmesReport()
    {
        var expected = CompiledRegion("MetricsExample.cs", "metrics-example").Split('\n')
            .Where(l => l.StartsWith("Console.WriteLine(report.", StringComparison.Ordinal))
            .Select(l => l[(l.LastIndexOf("// ", StringComparison.Ordinal) + 3)..].Split(' ')[0])
            .ToArray();

        var printed = RunCapturingConsole(MetricsExample.Run);

        Assert.Equal(5, expected.Length);
        Assert.Equal(expected, printed[..expected.Length]);
        Assert.Equal(ExampleReport.TrimEnd('\n'), string.Join('\n', printed[expected.Length..]).TrimEnd('\n'));
    }

    [Fact]
    public void Readme_LinksTheExampleReport_AndNoLongerHoldsIt()
    {
        Assert.Contains("](docs/metrics-example-report.json)", Readme, StringComparison.Ordinal);
        var metrics = Readme[Readme.IndexOf("\n## Metrics\n", StringComparison.Ordinal)..];
        metrics = metrics[..metrics.IndexOf("\n## Lifecycle diagram\n", StringComparison.Ordinal)];
        Assert.DoesNotContain("```json", metrics, StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"Start\": \"2026-03-01T00:00:00Z\"", ExampleReport, StringComparison.Ordinal);
    }
}
