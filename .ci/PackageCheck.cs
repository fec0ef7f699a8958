// Checks a .nupkg: its nuspec must name the expected package id, it must hold that id's DLL, its XML docs and
// README.md, and its nuspec must list exactly the expected dependencies, no more and no fewer.
// Run: dotnet run .ci/PackageCheck.cs -- <path-to-nupkg> <package-id> [dependency-id ...]
using System.IO.Compression;
using System.Xml.Linq;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: PackageCheck <path-to-nupkg> <package-id> [dependency-id ...]");
    return 2;
}

var (path, id) = (args[0], args[1]);
using var zip = ZipFile.OpenRead(path);
var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
var failures = new List<string>();
foreach (var required in new[] { $"lib/net10.0/{id}.dll", $"lib/net10.0/{id}.xml", "README.md" })
{
    if (!names.Contains(required))
    {
        failures.Add($"missing {required}");
    }
}

var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
using var stream = nuspecEntry.Open();
var nuspec = XDocument.Load(stream);
var packageId = nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == "id")?.Value;
if (packageId != id)
{
    failures.Add($"the package id is {packageId ?? "(none)"}, expected {id}");
}

var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency")
    .Select(e => (string?)e.Attribute("id") ?? string.Empty)
    .Distinct(StringComparer.OrdinalIgnoreCase)
    .Order(StringComparer.OrdinalIgnoreCase)
    .ToArray();
var expected = args.Skip(2).Order(StringComparer.OrdinalIgnoreCase).ToArray();
if (!dependencies.SequenceEqual(expected, StringComparer.OrdinalIgnoreCase))
{
    failures.Add($"dependencies are [{string.Join(", ", dependencies)}], expected [{string.Join(", ", expected)}]");
}

if (failures.Count > 0)
{
    Console.Error.WriteLine($"package check failed for {path}:");
    failures.ForEach(f => Console.Error.WriteLine($"  {f}"));
    return 1;
}

Console.WriteLine($"package check passed: {Path.GetFileName(path)} is {id} and holds the DLL, XML docs and README.md; dependencies: {string.Join(", ", dependencies)}");
return 0;
