using System.Reflection;
using Complaints.Core.Lifecycle;

namespace Complaints.Core.Tests;

public sealed class PublicApiConventionTests
{
    private static readonly Type[] PublicTypes = typeof(ComplaintLifecycle).Assembly.GetExportedTypes();

    [Fact]
    public void PublicConcreteClasses_AreSealed()
    {
        var unsealed = PublicTypes.Where(t => t.IsClass && !t.IsAbstract && !t.IsSealed).Select(t => t.FullName);

        Assert.Empty(unsealed);
    }

    [Fact]
    public void PublicTypes_LiveInFeatureNamespaces()
    {
        // Registration extensions live where IServiceCollection does, as the Options and DI packages do.
        Assert.All(
            PublicTypes.Where(t => t.Namespace != "Microsoft.Extensions.DependencyInjection"),
            t => Assert.StartsWith("Complaints.Core.", t.Namespace, StringComparison.Ordinal));
    }

    [Fact]
    public void PublicTypes_HaveNoMutableStaticFields()
    {
        var fields = PublicTypes.SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(f => !f.IsLiteral && !f.IsInitOnly && !f.Name.Contains('<', StringComparison.Ordinal))
            .Select(f => $"{f.DeclaringType}.{f.Name}");

        Assert.Empty(fields);
    }
}
