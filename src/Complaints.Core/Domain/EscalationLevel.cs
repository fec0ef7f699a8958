namespace Complaints.Core.Domain;

/// <summary>One level of a built lifecycle's escalation ladder: who handles a complaint and how much they may offer.</summary>
public sealed record EscalationLevel
{
    /// <summary>Initializes a new instance of the <see cref="EscalationLevel"/> class.</summary>
    /// <param name="rank">The level's position on the ladder; 0 is the first level.</param>
    /// <param name="name">The level's name.</param>
    /// <param name="authorityLimit">The most compensation this level may propose, in the lifecycle's authority currency; <see langword="null"/> for no limit.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rank"/> or <paramref name="authorityLimit"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, padded or longer than <see cref="TextLimits.Name"/>.</exception>
    public EscalationLevel(int rank, string name, decimal? authorityLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        if (authorityLimit is < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(authorityLimit), authorityLimit, "authorityLimit must not be negative.");
        }

        Rank = rank;
        Name = Guard.Text(name, nameof(name), TextLimits.Name);
        AuthorityLimit = authorityLimit;
    }

    /// <summary>Gets the level's position on the ladder; 0 is the first level.</summary>
    public int Rank { get; }

    /// <summary>Gets the level's name.</summary>
    public string Name { get; }

    /// <summary>Gets the most compensation this level may propose, in the lifecycle's authority currency; <see langword="null"/> for no limit.</summary>
    public decimal? AuthorityLimit { get; }

    /// <summary>
    /// Gets how soon, in elapsed time, the level is to respond to the customer once a complaint reaches it (for level 0,
    /// from receipt); <see langword="null"/> for no target.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is not positive.</exception>
    public NodaTime.Duration? ResponseTarget
    {
        get => _responseTarget;
        init => _responseTarget = value is not { } v || v > NodaTime.Duration.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(ResponseTarget), value, $"Level '{Name}': ResponseTarget must be positive.");
    }

    private readonly NodaTime.Duration? _responseTarget;
}
