namespace Complaints.Core.Domain;

/// <summary>A reference to the customer in the host's records, with the attributes that policies read.</summary>
public sealed record CustomerRef
{
    /// <summary>Initializes a new instance of the <see cref="CustomerRef"/> class.</summary>
    /// <param name="id">The customer's id in the host's records.</param>
    /// <param name="tier">The service tier, for example <c>Gold</c>; optional.</param>
    /// <param name="segment">The customer segment used in analysis, for example <c>SmallBusiness</c>; optional.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A value is empty, padded or too long.</exception>
    public CustomerRef(string id, string? tier = null, string? segment = null)
    {
        Id = Guard.Text(id, nameof(id), TextLimits.Name);
        Tier = Guard.OptionalText(tier, nameof(tier), TextLimits.Label);
        Segment = Guard.OptionalText(segment, nameof(segment), TextLimits.Label);
    }

    /// <summary>Gets the customer's id.</summary>
    public string Id { get; }

    /// <summary>Gets the service tier, if known.</summary>
    public string? Tier { get; }

    /// <summary>Gets the customer segment, if known.</summary>
    public string? Segment { get; }
}
