namespace Complaints.Core.Domain;

/// <summary>Who did something to a complaint: a member of staff, the customer, or an automated process.</summary>
public sealed record Actor
{
    /// <summary>Initializes a new instance of the <see cref="Actor"/> class.</summary>
    /// <param name="id">The actor's id, for example a staff login or <c>system:sla</c>.</param>
    /// <param name="kind">What sort of actor this is.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, padded or too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined.</exception>
    public Actor(string id, ActorKind kind)
    {
        Id = Guard.Text(id, nameof(id), TextLimits.Name);
        Kind = Guard.Defined(kind, nameof(kind));
    }

    /// <summary>Gets the actor's id.</summary>
    public string Id { get; }

    /// <summary>Gets what sort of actor this is.</summary>
    public ActorKind Kind { get; }

    /// <summary>Creates a staff actor.</summary>
    /// <param name="id">The staff member's id.</param>
    /// <returns>The actor.</returns>
    public static Actor Staff(string id) => new(id, ActorKind.Staff);

    /// <summary>Creates the customer as actor.</summary>
    /// <param name="id">The customer's id.</param>
    /// <returns>The actor.</returns>
    public static Actor Customer(string id) => new(id, ActorKind.Customer);

    /// <summary>Creates an automated actor.</summary>
    /// <param name="id">The process's id, for example <c>system:sla</c>.</param>
    /// <returns>The actor.</returns>
    public static Actor System(string id) => new(id, ActorKind.System);

    /// <summary>Returns the kind and id.</summary>
    /// <returns>For example <c>Staff:anna</c>.</returns>
    public override string ToString() => $"{Kind}:{Id}";
}

/// <summary>What sort of actor did something.</summary>
public enum ActorKind
{
    /// <summary>A member of staff.</summary>
    Staff,

    /// <summary>The customer.</summary>
    Customer,

    /// <summary>An automated process (SLA engine, intake robot, policy).</summary>
    System,
}
