using Complaints.Core.Calendars;
using Complaints.Core.Deadlines;
using Complaints.Core.Domain;
using Complaints.Core.History;

namespace Complaints.Core.Sla;

/// <summary>
/// A service-level policy: a name, a group, which complaints it selects, and its targets. Immutable and safe to share
/// across threads; built with <see cref="CreateBuilder"/>.
/// </summary>
/// <remarks>
/// A selector that lists nothing for a field accepts every value of it. A complaint is selected when every listed
/// field matches its current value: kind, priority, severity, channel, customer tier, category (or a descendant of a
/// listed category) and team.
/// </remarks>
public sealed class SlaPolicy
{
    private readonly HashSet<FeedbackKind> _kinds;
    private readonly HashSet<Priority> _priorities;
    private readonly HashSet<Severity> _severities;
    private readonly HashSet<Channel> _channels;
    private readonly HashSet<string> _tiers;
    private readonly Category[] _categories;
    private readonly HashSet<string> _teams;

    internal SlaPolicy(SlaPolicyBuilder b)
    {
        Name = b.Name;
        Group = b.GroupName ?? b.Name;
        TargetArray = [.. b.Targets];
        Targets = Array.AsReadOnly(TargetArray);
        OnChange = b.ChangeRule;
        _kinds = [.. b.Kinds];
        _priorities = [.. b.Priorities];
        _severities = [.. b.Severities];
        _channels = [.. b.Channels];
        _tiers = new HashSet<string>(b.Tiers, StringComparer.Ordinal);
        _categories = [.. b.Categories];
        _teams = new HashSet<string>(b.Teams, StringComparer.Ordinal);
        SelectsAll = _kinds.Count + _priorities.Count + _severities.Count + _channels.Count + _tiers.Count + _categories.Length + _teams.Count == 0;
    }

    /// <summary>Gets the policy's name, unique within an engine.</summary>
    public string Name { get; }

    /// <summary>
    /// Gets the policy's group (for example <c>customer</c>, <c>internal</c> or <c>regulatory</c>). Within a group the
    /// first policy in order that selects a complaint applies; each group is reported separately. By default a policy
    /// is its own group, so it applies whenever it selects the complaint.
    /// </summary>
    public string Group { get; }

    /// <summary>Gets the targets, in the order they were added.</summary>
    public IReadOnlyList<SlaTarget> Targets { get; }

    /// <summary>Gets the targets as the array behind <see cref="Targets"/>, for the engine's loops; never handed out.</summary>
    internal SlaTarget[] TargetArray { get; }

    /// <summary>Gets whether the selector lists nothing, so the policy selects every complaint.</summary>
    internal bool SelectsAll { get; }

    /// <summary>Gets what happens to the policy's clocks when a change of field makes it the one that applies in its group.</summary>
    public SlaChangeRule OnChange { get; }

    /// <summary>Starts building a policy.</summary>
    /// <param name="name">The policy's name.</param>
    /// <returns>A builder that validates as you add.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, padded or too long.</exception>
    public static SlaPolicyBuilder CreateBuilder(string name) => new(Guard.Text(name, nameof(name), TextLimits.Name));

    /// <summary>Gets whether the policy selects a complaint, by its fields as the snapshot gives them.</summary>
    /// <param name="complaint">The complaint's snapshot.</param>
    /// <returns><see langword="true"/> when every field the selector lists matches.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaint"/> is <see langword="null"/>.</exception>
    public bool Selects(ComplaintSnapshot complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return SelectsAll || Selects(SlaFields.Of(complaint));
    }

    internal bool Selects(in SlaFields complaint) => SelectsAll ||
        ((_kinds.Count == 0 || _kinds.Contains(complaint.Kind))
        && (_priorities.Count == 0 || _priorities.Contains(complaint.Priority))
        && (_severities.Count == 0 || _severities.Contains(complaint.Severity))
        && (_channels.Count == 0 || _channels.Contains(complaint.Channel))
        && (_tiers.Count == 0 || (complaint.CustomerTier is { } tier && _tiers.Contains(tier)))
        && (_categories.Length == 0 || Within(complaint.Category))
        && (_teams.Count == 0 || (complaint.Team is { } team && _teams.Contains(team))));

    private bool Within(Category category)
    {
        foreach (var c in _categories)
        {
            if (category.IsWithin(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Targets.Count} targets)";

    /// <summary>Gets this policy's unchained target of the same name as another policy's target (the deadline <see cref="SlaChangeRule.Stricter"/> compares with), if any.</summary>
    internal SlaTarget? StricterCounterpart(SlaTarget target)
    {
        foreach (var t in Targets)
        {
            if (t.Name == target.Name && t.ChainedFrom is null)
            {
                return t;
            }
        }

        return null;
    }
}

/// <summary>
/// Builds an <see cref="SlaPolicy"/>. Each method checks its argument at once and names the policy, the target and the
/// field in the error; <see cref="Build"/> may be called once.
/// </summary>
public sealed class SlaPolicyBuilder
{
    private bool _built;

    internal SlaPolicyBuilder(string name)
    {
        Name = name;
    }

    internal string Name { get; }

    internal string? GroupName { get; private set; }

    internal SlaChangeRule ChangeRule { get; private set; }

    internal List<SlaTarget> Targets { get; } = [];

    internal List<FeedbackKind> Kinds { get; } = [];

    internal List<Priority> Priorities { get; } = [];

    internal List<Severity> Severities { get; } = [];

    internal List<Channel> Channels { get; } = [];

    internal List<string> Tiers { get; } = [];

    internal List<Category> Categories { get; } = [];

    internal List<string> Teams { get; } = [];

    /// <summary>Puts the policy in a group; within a group the first policy that selects a complaint applies.</summary>
    /// <param name="group">The group's name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="group"/> is empty, padded or too long.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="group"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The policy is already built.</exception>
    public SlaPolicyBuilder InGroup(string group)
    {
        EnsureNotBuilt();
        GroupName = Guard.Text(group, nameof(group), TextLimits.Name);
        return this;
    }

    /// <summary>Sets what happens to the policy's clocks when a change of field makes it the one that applies (by default, elapsed time is kept).</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rule"/> is not defined.</exception>
    /// <exception cref="InvalidOperationException">The policy is already built.</exception>
    public SlaPolicyBuilder OnChange(SlaChangeRule rule)
    {
        EnsureNotBuilt();
        ChangeRule = Enum.IsDefined(rule) ? rule : throw new ArgumentOutOfRangeException(nameof(rule), rule, $"Policy '{Name}': OnChange is not a defined SlaChangeRule value.");
        return this;
    }

    /// <summary>Selects complaints of these kinds.</summary>
    /// <param name="kinds">The kinds.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kinds"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not defined.</exception>
    /// <exception cref="InvalidOperationException">The policy is already built.</exception>
    public SlaPolicyBuilder ForKinds(params IEnumerable<FeedbackKind> kinds) => AddAll(Kinds, kinds, nameof(kinds));

    /// <summary>Selects complaints with these priorities.</summary>
    /// <param name="priorities">The priorities.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="priorities"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not defined.</exception>
    /// <exception cref="InvalidOperationException">The policy is already built.</exception>
    public SlaPolicyBuilder ForPriorities(params IEnumerable<Priority> priorities) => AddAll(Priorities, priorities, nameof(priorities));

    /// <summary>Selects complaints with these severities.</summary>
    /// <param name="severities">The severities.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="severities"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not defined.</exception>
    /// <exception cref="InvalidOperationException">The policy is already built.</exception>
    public SlaPolicyBuilder ForSeverities(params IEnumerable<Severity> severities) => AddAll(Severities, severities, nameof(severities));

    /// <summary>Selects complaints received through these channels.</summary>
    /// <param name="channels">The channels.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channels"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not defined.</exception>
    /// <exception cref="InvalidOperationException">The policy is already built.</exception>
    public SlaPolicyBuilder ForChannels(params IEnumerable<Channel> channels) => AddAll(Channels, channels, nameof(channels));

    /// <summary>Selects complaints from customers of these tiers (compared exactly).</summary>
    /// <param name="tiers">The tiers.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tiers"/> or a tier is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A tier is empty, padded or too long.</exception>
    /// <exception cref="InvalidOperationException">The policy is already built.</exception>
    public SlaPolicyBuilder ForCustomerTiers(params IEnumerable<string> tiers)
    {
        EnsureNotBuilt();
        ArgumentNullException.ThrowIfNull(tiers);
        Tiers.AddRange(tiers.Select((t, i) => Guard.Text(t, $"{nameof(tiers)}[{i}]", TextLimits.Label)).ToArray());
        return this;
    }

    /// <summary>Selects complaints in these categories or their descendants.</summary>
    /// <param name="categories">The categories.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="categories"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A category is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The policy is already built.</exception>
    public SlaPolicyBuilder ForCategories(params IEnumerable<Category> categories)
    {
        EnsureNotBuilt();
        Categories.AddRange(Guard.List(categories, nameof(categories)));
        return this;
    }

    /// <summary>Selects complaints routed to these teams (compared exactly).</summary>
    /// <param name="teams">The teams.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="teams"/> or a team is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A team is empty, padded or too long.</exception>
    /// <exception cref="InvalidOperationException">The policy is already built.</exception>
    public SlaPolicyBuilder ForTeams(params IEnumerable<string> teams)
    {
        EnsureNotBuilt();
        ArgumentNullException.ThrowIfNull(teams);
        Teams.AddRange(teams.Select((t, i) => Guard.Text(t, $"{nameof(teams)}[{i}]", TextLimits.Name)).ToArray());
        return this;
    }

    /// <summary>Adds a target.</summary>
    /// <param name="name">The target's name, unique within the policy.</param>
    /// <param name="kind">What the target measures; it gives the default meeting events.</param>
    /// <param name="rule">The deadline rule (any preset of <see cref="DeadlinePresets"/> works).</param>
    /// <param name="calendar">The calendar the target counts on.</param>
    /// <param name="configure">Sets the start event, meeting events, pauses, warnings and reopen rule; optional.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="rule"/> or <paramref name="calendar"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The name is malformed or already used in this policy, or the configuration is incomplete (a custom target with no meeting event); the message names the policy, the target and the field.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> or a configured value is out of range.</exception>
    /// <exception cref="InvalidOperationException">The policy is already built.</exception>
    public SlaPolicyBuilder AddTarget(string name, SlaTargetKind kind, DeadlineRule rule, BusinessCalendar calendar, Action<SlaTargetBuilder>? configure = null)
    {
        EnsureNotBuilt();
        name = Guard.Text(name, nameof(name), TextLimits.Name);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Policy '{Name}', target '{name}': kind is not a defined SlaTargetKind value.");
        }

        if (Targets.Exists(t => t.Name == name))
        {
            throw new ArgumentException($"Policy '{Name}': a target named '{name}' is already added.", nameof(name));
        }

        var target = new SlaTargetBuilder(Name, name, kind, rule, calendar) { EarlierTargets = [.. Targets] };
        configure?.Invoke(target);
        target.Validate();
        Targets.Add(new SlaTarget(target));
        return this;
    }

    /// <summary>Builds the policy.</summary>
    /// <returns>The immutable policy.</returns>
    /// <exception cref="InvalidOperationException">The policy has no target, or was already built.</exception>
    public SlaPolicy Build()
    {
        EnsureNotBuilt();
        if (Targets.Count == 0)
        {
            throw new InvalidOperationException($"Policy '{Name}': add at least one target before building.");
        }

        _built = true;
        return new SlaPolicy(this);
    }

    private SlaPolicyBuilder AddAll<T>(List<T> into, IEnumerable<T> values, string paramName)
        where T : struct, Enum
    {
        EnsureNotBuilt();
        ArgumentNullException.ThrowIfNull(values, paramName);
        foreach (var value in values)
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(paramName, value, $"Policy '{Name}': {paramName} holds {value}, which is not a defined {typeof(T).Name} value.");
            }

            into.Add(value);
        }

        return this;
    }

    private void EnsureNotBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException($"Policy '{Name}' is already built; start a new builder for another policy.");
        }
    }
}
