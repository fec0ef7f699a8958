namespace Complaints.Core.Domain;

/// <summary>One remedy offered to put a complaint right, defined by type and, where it has one, its value.</summary>
public sealed record Remedy
{
    /// <summary>Initializes a new instance of the <see cref="Remedy"/> class.</summary>
    /// <param name="type">The kind of remedy.</param>
    /// <param name="value">
    /// The amount paid or the value given. Required for <see cref="RemedyType.Refund"/>, <see cref="RemedyType.Discount"/>,
    /// <see cref="RemedyType.GiftCard"/> and <see cref="RemedyType.Credit"/>; not allowed for
    /// <see cref="RemedyType.Apology"/> and <see cref="RemedyType.Explanation"/>; optional otherwise.
    /// </param>
    /// <param name="description">An optional description of the remedy, for the customer.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not defined.</exception>
    /// <exception cref="ArgumentException">The value is missing where the type needs one, given where it takes none, or the default <see cref="Money"/> (which has no currency).</exception>
    public Remedy(RemedyType type, Money? value = null, string? description = null)
    {
        Type = Guard.Defined(type, nameof(type));
        if (value is null && NeedsValue(type))
        {
            throw new ArgumentException($"value is required for a {type} remedy.", nameof(value));
        }

        if (value is { IsDefault: true })
        {
            throw new ArgumentException(Money.NoCurrency(nameof(value)), nameof(value));
        }

        if (value is not null && type is RemedyType.Apology or RemedyType.Explanation)
        {
            throw new ArgumentException($"value must be null for a {type} remedy.", nameof(value));
        }

        Value = value;
        Description = Guard.OptionalText(description, nameof(description), TextLimits.Description);
    }

    /// <summary>Gets the kind of remedy.</summary>
    public RemedyType Type { get; }

    /// <summary>Gets the amount paid or value given, if the remedy has one.</summary>
    public Money? Value { get; }

    /// <summary>Gets the description for the customer, if any.</summary>
    public string? Description { get; }

    private static bool NeedsValue(RemedyType type) =>
        type is RemedyType.Refund or RemedyType.Discount or RemedyType.GiftCard or RemedyType.Credit;
}
