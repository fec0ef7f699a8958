using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using Complaints.Core.Lifecycle;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Complaints.Core.Tests;

/// <summary>
/// Compiles each ```csharp block of README.md on its own, as the whole <c>Program.cs</c> of a new console app
/// (<c>dotnet new console</c>: top-level statements, implicit usings, nullable on) that references Complaints.Core,
/// so its <c>using</c> lines must be complete and it may not lean on another block's variables.
/// </summary>
/// <remarks>
/// An HTML comment in the lines just above a block says what else it needs:
/// <list type="bullet">
/// <item><c>&lt;!-- example: needs Package.Name --&gt;</c>: the block also references that package's assembly, and the
/// README must name the package in the prose before the block.</item>
/// <item><c>&lt;!-- example: host fragment --&gt;</c>: the block is a fragment of a host's <c>Program.cs</c>; it is
/// compiled with a <c>builder</c> whose <c>Services</c> is an <c>IServiceCollection</c>, as a
/// <c>HostApplicationBuilder</c> or <c>WebApplicationBuilder</c> gives it, and nothing else of the host.</item>
/// </list>
/// Warnings fail the block as errors do; each is reported at its line in README.md.
/// </remarks>
public sealed partial class ReadmeTests
{
    private const string HostFragment = "host fragment";
    private const string Needs = "needs ";

    private static readonly string[] ConsoleAppImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    /// <summary>What the host fragment's <c>builder</c> is: the part of a host builder the README relies on.</summary>
    private const string HostBuilderSource = """
        global using static ReadmeHost;

        internal static class ReadmeHost
        {
            public static HostBuilder builder { get; } = new();

            internal sealed class HostBuilder
            {
                public Microsoft.Extensions.DependencyInjection.IServiceCollection Services { get; } = new ServiceList();
            }

            private sealed class ServiceList : System.Collections.Generic.List<Microsoft.Extensions.DependencyInjection.ServiceDescriptor>,
                Microsoft.Extensions.DependencyInjection.IServiceCollection;
        }
        """;

    /// <summary>What the .NET SDK suppresses in every project: assuming a newer framework assembly version is fine.</summary>
    private static readonly Dictionary<string, ReportDiagnostic> SdkSuppressed = new(StringComparer.Ordinal)
    {
        ["CS1701"] = ReportDiagnostic.Suppress,
        ["CS1702"] = ReportDiagnostic.Suppress,
    };

    private static readonly ConcurrentDictionary<string, MetadataReference> ReferenceCache = new(StringComparer.Ordinal);

    private sealed record CSharpBlock(int FirstLine, string Code, string[] Markers, string ProseBefore);

    private static List<CSharpBlock> CSharpBlocks()
    {
        var lines = Readme.Split('\n');
        var blocks = new List<CSharpBlock>();
        var proseStart = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i] != "```csharp")
            {
                continue;
            }

            var markers = new List<string>();
            for (var above = i - 1; above >= 0 && lines[above].StartsWith("<!-- example: ", StringComparison.Ordinal); above--)
            {
                markers.Add(lines[above]["<!-- example: ".Length..^" -->".Length].Trim());
            }

            var end = Array.IndexOf(lines, "```", i + 1);
            Assert.True(end > i, $"README.md line {i + 1}: the ```csharp block is not closed.");
            var prose = string.Join('\n', lines[proseStart..i].Where(l => !l.StartsWith("<!--", StringComparison.Ordinal)));
            blocks.Add(new CSharpBlock(i + 2, string.Join('\n', lines[(i + 1)..end]), [.. markers], prose));
            proseStart = end + 1;
            i = end;
        }

        return blocks;
    }

    public static TheoryData<int> CSharpBlockLines() => [.. CSharpBlocks().Select(b => b.FirstLine)];

    [Fact]
    public void Readme_HasTheCSharpBlocksTheCompileTestExpects()
    {
        var blocks = CSharpBlocks();

        Assert.Equal(13, blocks.Count);
        Assert.Equal(3, blocks.Count(b => b.Markers.Contains(HostFragment)));
        Assert.Single(blocks, b => b.Markers.Contains($"{Needs}NodaTime.Serialization.SystemTextJson"));
        Assert.Single(blocks, b => b.Markers.Contains($"{Needs}Complaints.Core.Sqlite"));
    }

    [Theory]
    [MemberData(nameof(CSharpBlockLines))]
    public void CSharpBlock_CompilesOnItsOwnAsANewConsoleApp(int firstLine)
    {
        var block = CSharpBlocks().Single(b => b.FirstLine == firstLine);
        var packages = block.Markers.Where(m => m.StartsWith(Needs, StringComparison.Ordinal)).Select(m => m[Needs.Length..]).ToArray();
        Assert.All(packages, p => Assert.Contains(p, block.ProseBefore, StringComparison.Ordinal));
        Assert.All(block.Markers, m => Assert.True(m == HostFragment || m.StartsWith(Needs, StringComparison.Ordinal), $"Unknown marker '{m}'."));

        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new List<SyntaxTree>
        {
            CSharpSyntaxTree.ParseText(block.Code, parse, path: "README.md"),
            CSharpSyntaxTree.ParseText(string.Join('\n', ConsoleAppImplicitUsings.Select(u => $"global using {u};")), parse, path: "ImplicitUsings.cs"),
        };
        if (block.Markers.Contains(HostFragment))
        {
            trees.Add(CSharpSyntaxTree.ParseText(HostBuilderSource, parse, path: "HostBuilder.cs"));
        }

        var compilation = CSharpCompilation.Create(
            $"ReadmeBlockAtLine{firstLine}",
            trees,
            References(packages),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(SdkSuppressed));
        using var output = new MemoryStream();
        var result = compilation.Emit(output);

        var problems = result.Diagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => (Diagnostic: d, Span: d.Location.GetMappedLineSpan()))
            .Select(x => (x.Span.Path == "README.md"
                    ? $"README.md({firstLine + x.Span.StartLinePosition.Line},{x.Span.StartLinePosition.Character + 1})"
                    : x.Span.Path)
                + $": {x.Diagnostic.Severity} {x.Diagnostic.Id}: {x.Diagnostic.GetMessage(CultureInfo.InvariantCulture)}")
            .ToArray();
        Assert.True(problems.Length == 0, $"The README block starting at line {firstLine} does not compile on its own:\n{string.Join('\n', problems)}");
        Assert.True(result.Success);
    }

    /// <summary>The framework, Complaints.Core and its dependencies, and the named packages with theirs.</summary>
    private static MetadataReference[] References(IEnumerable<string> packages)
    {
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.StartsWith(runtime, StringComparison.Ordinal));
        var libraries = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(ComplaintLifecycle).Assembly, .. packages.Select(p => Assembly.Load(new AssemblyName(p)))]);
        while (pending.TryPop(out var assembly))
        {
            if (!assembly.Location.StartsWith(runtime, StringComparison.Ordinal) && libraries.Add(assembly.Location))
            {
                foreach (var name in assembly.GetReferencedAssemblies())
                {
                    pending.Push(Assembly.Load(name));
                }
            }
        }

        return [.. framework.Concat(libraries).Select(p => ReferenceCache.GetOrAdd(p, path => MetadataReference.CreateFromFile(path)))];
    }
}
