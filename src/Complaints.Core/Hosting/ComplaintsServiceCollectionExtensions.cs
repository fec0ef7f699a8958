using Complaints.Core.Desk;
using Complaints.Core.Hosting;
using Complaints.Core.Lifecycle;
using Complaints.Core.Metrics;
using Complaints.Core.Policies;
using Complaints.Core.Sla;
using NodaTime;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Complaints.Core with a service collection.</summary>
public static class ComplaintsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the complaint lifecycle, the metrics calculator and the desk: <see cref="LifecycleOptions"/>,
    /// <see cref="MetricsOptions"/> and <see cref="ComplaintDeskOptions"/>, validated by their validators when the host
    /// starts and whenever they are read; one shared <see cref="ComplaintLifecycle"/> and <see cref="MetricsCalculator"/>
    /// built from them; the in-memory store (<see cref="InMemoryComplaintStore"/> as <see cref="IComplaintStore"/>), a
    /// sink that records (<see cref="RecordingNotificationSink"/> as <see cref="INotificationSink"/>), and one
    /// <see cref="ComplaintDesk"/> over them, the registered <see cref="SlaEngine"/> and <see cref="PolicyRuleSet"/> if
    /// any, and the host's <see cref="IClock"/> (which the host registers: resolving the desk without one throws an
    /// <see cref="InvalidOperationException"/> saying so). Each service is added only if the host has not registered it
    /// already, so a host's own registration wins service by service; <see cref="ComplaintsBuilder.UseStore{TStore}"/>
    /// swaps the store. Calling it again adds nothing but the new configuration.
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
            services.TryAddSingleton<IComplaintStore, InMemoryComplaintStore>();
            services.TryAddSingleton<INotificationSink, RecordingNotificationSink>();
            services.AddOptions<ComplaintDeskOptions>().ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ComplaintDeskOptions>, ComplaintDeskOptionsValidator>());
            services.TryAddSingleton(sp => new ComplaintDesk(
                sp.GetRequiredService<IComplaintStore>(),
                sp.GetRequiredService<INotificationSink>(),
                sp.GetRequiredService<ComplaintLifecycle>(),
                sp.GetService<IClock>() ?? throw new InvalidOperationException(
                    "ComplaintDesk reads the time from a NodaTime IClock; register one, as the host's own line: services.AddSingleton<IClock>(SystemClock.Instance)."),
                sp.GetService<SlaEngine>(),
                sp.GetService<PolicyRuleSet>(),
                sp.GetRequiredService<IOptions<ComplaintDeskOptions>>().Value));
        }

        var builder = new ComplaintsBuilder(services);
        if (configure is not null)
        {
            builder.ConfigureLifecycle(configure);
        }

        return builder;
    }
}
