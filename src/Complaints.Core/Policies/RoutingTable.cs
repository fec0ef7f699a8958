using Complaints.Core.Domain;
using Complaints.Core.History;

namespace Complaints.Core.Policies;

/// <summary>
/// Where complaints go: routes from categories (with their descendants) and kinds to departments or teams, and a
/// default. The most specific route wins: the longest category path, then a route for the complaint's kind over one
/// for every kind. Suggestions are routed by their category like complaints, so they reach the department that owns
/// it. Immutable and safe to share across threads.
/// </summary>
public sealed class RoutingTable
{
    private readonly Route[] _routes;

    private RoutingTable(string defaultDepartment, Route[] routes)
    {
        Default = defaultDepartment;
        _routes = routes;
        Routes = Array.AsReadOnly(routes);
    }

    /// <summary>Gets where a complaint no route covers goes.</summary>
    public string Default { get; }

    /// <summary>Gets the routes, most specific first (the order they are tried in).</summary>
    public IReadOnlyList<Route> Routes { get; }

    /// <summary>Starts a routing table.</summary>
    /// <param name="defaultDepartment">Where a complaint no route covers goes.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="defaultDepartment"/> is empty or too long.</exception>
    public static RoutingTableBuilder CreateBuilder(string defaultDepartment) => new(Guard.Text(defaultDepartment, nameof(defaultDepartment), TextLimits.Name));

    internal static RoutingTable Create(string defaultDepartment, IEnumerable<Route> routes) =>
        new(defaultDepartment, [.. routes.OrderByDescending(r => r.Category?.Segments.Count ?? 0).ThenByDescending(r => r.Kind is not null)]);

    /// <summary>Finds where a complaint goes: the most specific route that covers its category and kind, or the default.</summary>
    /// <param name="complaint">The complaint's snapshot.</param>
    /// <returns>The route taken, or <see langword="null"/> when the default applies; and the department.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaint"/> is <see langword="null"/>.</exception>
    public (Route? Route, string Department) Find(ComplaintSnapshot complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        foreach (var route in _routes)
        {
            if (route.Covers(complaint.Category, complaint.Kind))
            {
                return (route, route.Department);
            }
        }

        return (null, Default);
    }
}

/// <summary>One route: complaints of a category (with its descendants, or any when <see langword="null"/>) and kind (or any) go to a department.</summary>
public sealed record Route
{
    internal Route(Category? category, FeedbackKind? kind, string department)
    {
        Category = category;
        Kind = kind;
        Department = department;
    }

    /// <summary>Gets the category the route covers, with its descendants; <see langword="null"/> for every category.</summary>
    public Category? Category { get; }

    /// <summary>Gets the kind the route covers; <see langword="null"/> for every kind.</summary>
    public FeedbackKind? Kind { get; }

    /// <summary>Gets the department or team complaints on the route go to.</summary>
    public string Department { get; }

    internal bool Covers(Category category, FeedbackKind kind) =>
        (Category is null || category.IsWithin(Category)) && (Kind is null || Kind == kind);

    /// <inheritdoc/>
    public override string ToString() => $"{(Kind is { } k ? $"{k} " : string.Empty)}{Category?.Path ?? "any category"} -> {Department}";
}

/// <summary>Builds a <see cref="RoutingTable"/>, refusing a route given twice.</summary>
public sealed class RoutingTableBuilder
{
    private readonly string _default;
    private readonly List<Route> _routes = [];

    internal RoutingTableBuilder(string defaultDepartment) => _default = defaultDepartment;

    /// <summary>Routes complaints of a category, with its descendants, and of any kind (or only <paramref name="kind"/>) to a department.</summary>
    /// <param name="category">The category; <see langword="null"/> with a <paramref name="kind"/> for every category of that kind.</param>
    /// <param name="department">The department or team.</param>
    /// <param name="kind">The kind, or <see langword="null"/> for every kind.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="department"/> is empty or too long, neither a category nor a kind is given, or the same
    /// category and kind are routed already; the message names the route. The builder is left as it was.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public RoutingTableBuilder Add(Category? category, string department, FeedbackKind? kind = null)
    {
        var checkedDepartment = Guard.Text(department, nameof(department), TextLimits.Name);
        if (kind is { } k && !Enum.IsDefined(k))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), k, "kind is not a defined FeedbackKind.");
        }

        if (category is null && kind is null)
        {
            throw new ArgumentException($"A route to {checkedDepartment} needs a category or a kind; the default covers the rest.", nameof(category));
        }

        var route = new Route(category, kind, checkedDepartment);
        if (_routes.Find(r => r.Category == category && r.Kind == kind) is { } existing)
        {
            throw new ArgumentException($"Route {route}: {existing} is routed already; give each category and kind one department.", nameof(category));
        }

        _routes.Add(route);
        return this;
    }

    /// <summary>Builds the table.</summary>
    /// <returns>The immutable table.</returns>
    public RoutingTable Build() => RoutingTable.Create(_default, _routes);
}
