using Complaints.Core.Hosting;
using Complaints.Core.Lifecycle;
using Complaints.Core.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Complaints.Core with a service collection.</summary>
public static class ComplaintsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the complaint lifecycle and the metrics calculator: <see cref="LifecycleOptions"/> and
    /// <see cref="MetricsOptions"/>, validated by <see cref="LifecycleOptionsValidator"/> and
    /// <see cref="MetricsOptionsValidator"/> when the host starts, and one shared <see cref="ComplaintLifecycle"/> and
    /// <see cref="MetricsCalculator"/> singleton built from them. Calling it again adds nothing but the new configuration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the lifecycle options, or <see langword="null"/>.</param>
    /// <returns>A builder to chain further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static ComplaintsBuilder AddComplaints(this IServiceCollection services, Action<LifecycleOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(d => d.ServiceType == typeof(ComplaintLifecycle)))
        {
            // ValidateOnStart adds a configuration each call, so the whole registration runs once.
            services.AddOptions<LifecycleOptions>().ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LifecycleOptions>, LifecycleOptionsValidator>());
            services.TryAddSingleton(sp => new ComplaintLifecycle(sp.GetRequiredService<IOptions<LifecycleOptions>>().Value));
            services.AddOptions<MetricsOptions>().ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MetricsOptions>, MetricsOptionsValidator>());
            services.TryAddSingleton(sp => new MetricsCalculator(sp.GetRequiredService<IOptions<MetricsOptions>>().Value));
        }

        var builder = new ComplaintsBuilder(services);
        if (configure is not null)
        {
            builder.ConfigureLifecycle(configure);
        }

        return builder;
    }
}
