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
    /// <see cref="MetricsOptionsValidator"/> when the host starts and whenever they are read, and one shared
    /// <see cref="ComplaintLifecycle"/> and <see cref="MetricsCalculator"/> singleton built from them. Each service is
    /// added only if the host has not registered it already, so a host's own registration wins service by service.
    /// Calling it again adds nothing but the new configuration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the lifecycle options, or <see langword="null"/>.</param>
    /// <returns>A builder to chain further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static ComplaintsBuilder AddComplaints(this IServiceCollection services, Action<LifecycleOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(d => d.ServiceType == typeof(ComplaintsMarker)))
        {
            // Recognised by its own marker, not by a service the host may have registered itself: ValidateOnStart adds
            // a configuration on every call, so it runs once; everything else is added only where the host has not.
            services.AddSingleton(ComplaintsMarker.Instance);
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
