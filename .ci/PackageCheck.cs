// Checks a Complaints.Core .nupkg: it must hold the DLL, its XML docs and README.md, and its nuspec must list
// exactly the package's four dependencies. Run: dotnet run .ci/PackageCheck.cs -- <path-to-nupkg>
using System.IO.Compression;
using System.Xml.Linq;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: PackageCheck <path-to-nupkg>");
    return 2;
}

using var zip = ZipFile.OpenRead(args[0]);
var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
var failures = new List<string>();
foreach (var required in new[] { "lib/net10.0/Complaints.Core.dll", "lib/net10.0/Complaints.Core.xml", "README.md" })
{
    if (!names.Contains(required))
    {
        failures.Add($"missing {required}");
    }
}

var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
using var stream = nuspecEntry.Open();
var nuspec = XDocument.Load(stream);
var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency")
    .Select(e => (string?)e.Attribute("id") ?? string.Empty)
    .Distinct(StringComparer.OrdinalIgnoreCase)
    .Order(StringComparer.OrdinalIgnoreCase)
    .ToArray();
var expected = new[] { "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Options", "NodaTime", "Stateless" };
if (!dependencies.SequenceEqual(expected, StringComparer.OrdinalIgnoreCase))
{
    failures.Add($"dependencies are [{string.Join(", ", dependencies)}], expected [{string.Join(", ", expected)}]");
}

if (failures.Count > 0)
{
    Console.Error.WriteLine($"package check failed for {args[0]}:");
    failures.ForEach(f => Console.Error.WriteLine($"  {f}"));
    return 1;
}

Console.WriteLine($"package check passed: {Path.GetFileName(args[0])} holds the DLL, XML docs and README.md; dependencies: {string.Join(", ", dependencies)}");
return 0;
