using Complaints.Core.Lifecycle;
using Complaints.Core.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Complaints.Core.Tests.Hosting;

public sealed class ComplaintsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddComplaints_RegistersOneSharedLifecycleWithConfiguredOptions()
    {
        var services = new ServiceCollection();
        services.AddComplaints(o => o.ReopenWindow = TimeSpan.FromDays(10)).ConfigureLifecycle(o => o.RequireRootCauseToClose = true);
        using var provider = services.BuildServiceProvider();

        var lifecycle = provider.GetRequiredService<ComplaintLifecycle>();

        Assert.Same(lifecycle, provider.GetRequiredService<ComplaintLifecycle>());
        Assert.Equal(NodaTime.Duration.FromDays(10), lifecycle.ReopenWindow);
        Assert.True(lifecycle.RequireRootCauseToClose);
    }

    [Fact]
    public void AddComplaints_CalledTwice_AddsNothing()
    {
        var once = new ServiceCollection();
        once.AddComplaints();
        var twice = new ServiceCollection();
        twice.AddComplaints();
        twice.AddComplaints();

        Assert.Equal(Describe(once), Describe(twice));
    }

    [Fact]
    public void AddComplaints_CalledTwiceAfterTheHostsOwnServices_AddsNothingTwice()
    {
        var once = new ServiceCollection().AddSingleton(new ComplaintLifecycle());
        once.AddComplaints().ConfigureMetrics(o => o.Currency = "GBP");
        var twice = new ServiceCollection().AddSingleton(new ComplaintLifecycle());
        twice.AddComplaints();
        twice.AddComplaints().ConfigureMetrics(o => o.Currency = "GBP");

        Assert.Equal(Describe(once), Describe(twice));
        Assert.Contains("MetricsCalculator Singleton", Describe(twice));
    }

    [Fact]
    public void AddComplaints_AfterTheHostsOwnLifecycle_KeepsItAndStillRegistersTheMetricsCalculator()
    {
        var own = new ComplaintLifecycle(new LifecycleOptions { ReopenWindow = TimeSpan.FromDays(5) });
        var services = new ServiceCollection().AddSingleton(own);
        services.AddComplaints(o => o.ReopenWindow = TimeSpan.FromDays(10)).ConfigureMetrics(o => o.Currency = "GBP");
        using var provider = services.BuildServiceProvider();

        Assert.Same(own, provider.GetRequiredService<ComplaintLifecycle>());
        Assert.Equal("GBP", provider.GetRequiredService<MetricsCalculator>().Currency);
        Assert.Single(services, d => d.ServiceType == typeof(ComplaintLifecycle));
    }

    [Fact]
    public void AddComplaints_AfterTheHostsOwnLifecycle_StillValidatesWhenTheHostStartsAndWhenRead()
    {
        var services = new ServiceCollection().AddSingleton(new ComplaintLifecycle());
        services.AddComplaints().ConfigureMetrics(o => o.ParetoShare = 1.5);
        using var provider = services.BuildServiceProvider();

        var atStart = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var whenRead = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MetricsOptions>>().Value);

        Assert.Contains("ParetoShare", atStart.Message, StringComparison.Ordinal);
        Assert.Contains("ParetoShare", whenRead.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddComplaints_AfterTheHostsOwnMetricsCalculator_KeepsIt()
    {
        var own = new MetricsCalculator(new MetricsOptions { Currency = "USD" });
        var services = new ServiceCollection().AddSingleton(own);
        services.AddComplaints().ConfigureMetrics(o => o.Currency = "GBP");
        using var provider = services.BuildServiceProvider();

        Assert.Same(own, provider.GetRequiredService<MetricsCalculator>());
        Assert.NotNull(provider.GetRequiredService<ComplaintLifecycle>());
        Assert.Single(services, d => d.ServiceType == typeof(MetricsCalculator));
    }

    /// <summary>Each descriptor as its service type, implementation and lifetime, sorted, so equal lists mean equal counts.</summary>
    private static string[] Describe(IServiceCollection services) => services.Select(d =>
        $"{Name(d.ServiceType)}{(d.ImplementationType is { } t ? $" -> {Name(t)}" : string.Empty)} {d.Lifetime}").Order(StringComparer.Ordinal).ToArray();

    private static string Name(Type type) =>
        type.IsGenericType ? $"{type.Name}[{string.Join(", ", type.GetGenericArguments().Select(Name))}]" : type.Name;

    [Fact]
    public void InvalidOptions_FailWhenTheHostStarts()
    {
        var services = new ServiceCollection();
        services.AddComplaints(o => o.AuthorityCurrency = "euro");
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("AuthorityCurrency", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidOptions_FailWhenReadDirectly()
    {
        var services = new ServiceCollection();
        services.AddComplaints(o => o.ReopenWindow = TimeSpan.FromHours(-1));
        using var provider = services.BuildServiceProvider();

        var fromOptions = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LifecycleOptions>>().Value);
        var fromLifecycle = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ComplaintLifecycle>());

        Assert.Contains("ReopenWindow", fromOptions.Message, StringComparison.Ordinal);
        Assert.Contains("ReopenWindow", fromLifecycle.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddComplaints_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddComplaints());
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddComplaints().ConfigureLifecycle(null!));
    }

    [Fact]
    public void AddComplaints_RegistersOneSharedMetricsCalculatorWithConfiguredOptions()
    {
        var services = new ServiceCollection();
        services.AddComplaints().ConfigureMetrics(o => o.Currency = "GBP");
        using var provider = services.BuildServiceProvider();

        var calculator = provider.GetRequiredService<MetricsCalculator>();

        Assert.Same(calculator, provider.GetRequiredService<MetricsCalculator>());
        Assert.Equal("GBP", calculator.Currency);
    }

    [Fact]
    public void InvalidMetricsOptions_FailWhenTheHostStartsAndWhenRead()
    {
        var services = new ServiceCollection();
        services.AddComplaints().ConfigureMetrics(o => o.ParetoShare = 1.5);
        using var provider = services.BuildServiceProvider();

        var atStart = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var whenRead = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<MetricsCalculator>());

        Assert.Contains("ParetoShare", atStart.Message, StringComparison.Ordinal);
        Assert.Contains("ParetoShare", whenRead.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddComplaints().ConfigureMetrics(null!));
    }
}
