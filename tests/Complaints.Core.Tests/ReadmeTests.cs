using System.Text.RegularExpressions;
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

    [Fact]
    public void QuickStart_InReadme_IsTheCompiledQuickStart()
    {
        var source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "QuickStart.cs")).ReplaceLineEndings("\n");
        var compiled = QuickStartRegion().Match(source).Groups[1].Value
            .Split('\n')
            .Select(l => l.Length >= 8 ? l[8..] : l.TrimStart());

        Assert.Equal(string.Join('\n', compiled).TrimEnd('\n'), Block("csharp", "## Quick start"));
    }

    [Fact]
    public void QuickStart_Runs_AndEndsResolvedWithCloseRefused()
    {
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        Complaint complaint;
        try
        {
            complaint = QuickStart.Run();
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Equal(ComplaintState.Resolved, complaint.State);
        Assert.Equal(5, complaint.History.Count);
        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n');
        Assert.Equal(["Resolved", "5", "False"], lines[..3]);
        Assert.Contains("Trigger Close is refused", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_NamesTheTwoCommands()
    {
        Assert.Contains("dotnet run --project samples/Complaints.Samples.QuickStart", Readme, StringComparison.Ordinal);
        Assert.Contains("dotnet test Complaints.Core.sln", Readme, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"// quick-start:begin\n(.*?)\n\s*// quick-start:end", RegexOptions.Singleline)]
    private static partial Regex QuickStartRegion();
}
