using Complaints.Core.Domain;

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
    /// ladder whole, so a bound configuration (an <c>EscalationLevels</c> section) never mixes its levels with the
    /// defaults, and a ladder needs at least two levels. In code, say which you mean: <see cref="UseDefaultLadder"/> or
    /// <see cref="ReplaceLadder"/>, then <see cref="AddLevel"/>.
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

    /// <summary>
    /// Starts the ladder from the defaults: sets <see cref="EscalationLevels"/> to a copy of
    /// <see cref="DefaultEscalationLevels"/>, discarding any levels set before, so <see cref="AddLevel"/> can extend it.
    /// </summary>
    /// <returns>These options.</returns>
    public LifecycleOptions UseDefaultLadder()
    {
        EscalationLevels.Clear();
        foreach (var level in DefaultEscalationLevels)
        {
            EscalationLevels.Add(new EscalationLevelOptions { Name = level.Name, AuthorityLimit = level.AuthorityLimit });
        }

        return this;
    }

    /// <summary>
    /// Replaces the ladder whole: sets <see cref="EscalationLevels"/> to <paramref name="levels"/>, lowest first,
    /// discarding the defaults and any levels set before. The levels are validated with the other options.
    /// </summary>
    /// <param name="levels">The new ladder, lowest level first.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="levels"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="levels"/> is empty; call <see cref="UseDefaultLadder"/> for the defaults.</exception>
    public LifecycleOptions ReplaceLadder(params EscalationLevelOptions[] levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        if (levels.Length == 0)
        {
            throw new ArgumentException($"A ladder needs levels; call {nameof(UseDefaultLadder)}() for the default ladder.", nameof(levels));
        }

        foreach (var level in levels)
        {
            ArgumentNullException.ThrowIfNull(level, nameof(levels));
        }

        EscalationLevels.Clear();
        foreach (var level in levels)
        {
            EscalationLevels.Add(level);
        }

        return this;
    }

    /// <summary>
    /// Adds a level to the ladder chosen by <see cref="UseDefaultLadder"/> or <see cref="ReplaceLadder"/>, where its
    /// authority limit puts it: above every level whose limit is at most <paramref name="authorityLimit"/> and below
    /// the first with a higher one (an unlimited level goes on top).
    /// </summary>
    /// <param name="name">The level's name, for example <c>Director</c>.</param>
    /// <param name="authorityLimit">The most compensation the level may propose, or <see langword="null"/> for no limit.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is <see langword="null"/>, empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="authorityLimit"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">
    /// No ladder has been chosen (<see cref="EscalationLevels"/> is empty): adding to it would silently replace the
    /// default ladder with one level.
    /// </exception>
    public LifecycleOptions AddLevel(string name, decimal? authorityLimit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (authorityLimit is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(limit, nameof(authorityLimit));
        }

        if (EscalationLevels.Count == 0)
        {
            throw new InvalidOperationException(
                $"Choose the ladder before adding '{name}': call {nameof(UseDefaultLadder)}() to extend the default ladder or {nameof(ReplaceLadder)}(...) to replace it.");
        }

        var index = 0;
        while (index < EscalationLevels.Count && AtMost(EscalationLevels[index]?.AuthorityLimit, authorityLimit))
        {
            index++;
        }

        EscalationLevels.Insert(index, new EscalationLevelOptions { Name = name, AuthorityLimit = authorityLimit });
        return this;

        // A null limit is no limit: above every amount.
        static bool AtMost(decimal? existing, decimal? added) => added is null || (existing is not null && existing <= added);
    }

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

    /// <summary>Gets or sets how soon the level is to respond to the customer once a complaint reaches it (such as <c>04:00:00</c>).</summary>
    /// <value>The default value is <see langword="null"/>: no target.</value>
    public TimeSpan? ResponseTarget { get; set; }
}
