namespace Complaints.Core.Lifecycle;

/// <summary>
/// Settings of the complaint lifecycle's guards: the escalation ladder with its authority limits, the reopen
/// window, and what closing and escalating require. Mutable for configuration binding; validated with
/// <see cref="LifecycleOptionsValidator"/> when a <see cref="ComplaintLifecycle"/> is built.
/// </summary>
public sealed class LifecycleOptions
{
    /// <summary>Gets the escalation ladder, lowest level first.</summary>
    /// <value>
    /// The default value is an empty list, which means the ladder of <see cref="DefaultEscalationLevels"/>:
    /// Agent (authority up to 100), Supervisor (500), Manager (5,000) and Executive (no limit). Any entry replaces that
    /// ladder whole, so a bound configuration never mixes its levels with the defaults.
    /// </value>
    public IList<EscalationLevelOptions> EscalationLevels { get; } = [];

    /// <summary>Gets the ladder used when <see cref="EscalationLevels"/> is empty.</summary>
    public static IReadOnlyList<EscalationLevel> DefaultEscalationLevels { get; } =
    [
        new(0, "Agent", 100m),
        new(1, "Supervisor", 500m),
        new(2, "Manager", 5_000m),
        new(3, "Executive", null),
    ];

    /// <summary>Gets or sets the currency of the authority limits (ISO 4217).</summary>
    /// <value>The default value is <c>EUR</c>.</value>
    public string AuthorityCurrency { get; set; } = "EUR";

    /// <summary>Gets or sets how long after closure a complaint may be reopened.</summary>
    /// <value>The default value is 28 days.</value>
    public TimeSpan ReopenWindow { get; set; } = TimeSpan.FromDays(28);

    /// <summary>Gets or sets whether closing a complaint or claim needs a recorded root cause.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool RequireRootCauseToClose { get; set; }

    /// <summary>Gets or sets whether a resolved complaint or claim must be followed up before it is closed.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool RequireFollowUp { get; set; } = true;

    /// <summary>Gets or sets whether the customer's rejection of a proposed resolution escalates the case to the next level.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool EscalateOnRejection { get; set; } = true;

    /// <summary>Gets or sets whether escalation into the <see cref="ComplaintState.Escalated"/> state needs the customer's consent.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool RequireCustomerConsentToEscalate { get; set; } = true;
}

/// <summary>One level of the escalation ladder. Mutable for configuration binding.</summary>
public sealed class EscalationLevelOptions
{
    /// <summary>Gets or sets the level's name, for example <c>Supervisor</c>.</summary>
    /// <value>The default value is an empty string, which fails validation.</value>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the most compensation, in the authority currency, that this level may propose.</summary>
    /// <value>The default value is <see langword="null"/>: no limit.</value>
    public decimal? AuthorityLimit { get; set; }
}
