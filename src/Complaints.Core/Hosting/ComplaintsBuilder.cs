using Complaints.Core.Lifecycle;
using Complaints.Core.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Complaints.Core.Hosting;

/// <summary>Chains configuration after <see cref="ComplaintsServiceCollectionExtensions.AddComplaints"/>.</summary>
public sealed class ComplaintsBuilder
{
    internal ComplaintsBuilder(IServiceCollection services)
    {
        Services = services;
    }

    /// <summary>Gets the service collection Complaints.Core is registered with.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Configures the lifecycle options (escalation ladder, reopen window, guards).</summary>
    /// <param name="configure">The configuration action.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is <see langword="null"/>.</exception>
    public ComplaintsBuilder ConfigureLifecycle(Action<LifecycleOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }

    /// <summary>Configures the metrics options (calendar, horizons, rates, windows).</summary>
    /// <param name="configure">The configuration action.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is <see langword="null"/>.</exception>
    public ComplaintsBuilder ConfigureMetrics(Action<MetricsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }
}
