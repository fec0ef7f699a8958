using Complaints.Core.Desk;
using Complaints.Core.Lifecycle;
using Complaints.Core.Metrics;
using Complaints.Core.Policies;
using Complaints.Core.Sla;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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

    /// <summary>
    /// Registers the policy rule set: <see cref="PolicyOptions"/>, validated by <see cref="PolicyOptionsValidator"/>
    /// when the host starts (against the registered <see cref="ComplaintLifecycle"/> and, if one is registered, the
    /// <see cref="SlaEngine"/>), and one shared <see cref="PolicyRuleSet"/> compiled from them, unless the host has
    /// registered its own. Bind the options from configuration with the host's
    /// <c>Configure&lt;PolicyOptions&gt;(section, o =&gt; o.ErrorOnUnknownConfiguration = true)</c>, so that a misspelt
    /// field is an error too. Calling it again adds nothing but the new configuration.
    /// </summary>
    /// <param name="configure">Configures the rules in code, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    public ComplaintsBuilder AddPolicies(Action<PolicyOptions>? configure = null)
    {
        if (!Services.Any(d => d.ImplementationType == typeof(PolicyOptionsValidator)))
        {
            Services.AddOptions<PolicyOptions>().ValidateOnStart();
            Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PolicyOptions>, PolicyOptionsValidator>());
            Services.TryAddSingleton(sp => PolicyRuleSet.FromOptions(
                sp.GetRequiredService<IOptions<PolicyOptions>>().Value, sp.GetRequiredService<ComplaintLifecycle>(), sp.GetService<SlaEngine>()));
        }

        if (configure is not null)
        {
            Services.Configure(configure);
        }

        return this;
    }

    /// <summary>
    /// Keeps complaints in the host's own store instead of the in-memory one: registers <typeparamref name="TStore"/>
    /// as the one <see cref="IComplaintStore"/> singleton, replacing any store registered before.
    /// </summary>
    /// <typeparam name="TStore">The store; built by the container, so its constructor's parameters must be registered.</typeparam>
    /// <returns>This builder.</returns>
    public ComplaintsBuilder UseStore<TStore>()
        where TStore : class, IComplaintStore
    {
        Services.Replace(ServiceDescriptor.Singleton<IComplaintStore, TStore>());
        return this;
    }

    /// <summary>Keeps complaints in the given store instead of the in-memory one, replacing any store registered before.</summary>
    /// <param name="store">The store.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is <see langword="null"/>.</exception>
    public ComplaintsBuilder UseStore(IComplaintStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        Services.Replace(ServiceDescriptor.Singleton(store));
        return this;
    }

    /// <summary>Sends notifications through the host's own sink instead of the recording one, replacing any sink registered before.</summary>
    /// <typeparam name="TSink">The sink; built by the container.</typeparam>
    /// <returns>This builder.</returns>
    public ComplaintsBuilder UseNotificationSink<TSink>()
        where TSink : class, INotificationSink
    {
        Services.Replace(ServiceDescriptor.Singleton<INotificationSink, TSink>());
        return this;
    }

    /// <summary>Configures the desk's options (repeat-complainant window, sweep page and dispatch batch sizes).</summary>
    /// <param name="configure">The configuration action.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is <see langword="null"/>.</exception>
    public ComplaintsBuilder ConfigureDesk(Action<ComplaintDeskOptions> configure)
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
