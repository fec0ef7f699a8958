using System.Text.Json.Serialization;
using NodaTime;

namespace Complaints.Core.Domain;

/// <summary>
/// The complete record taken when feedback arrives: what kind it is, how it came in, who raised it,
/// what happened and when, and what the customer wants.
/// </summary>
public sealed record ComplaintIntake
{
    /// <summary>Initializes a new instance of the <see cref="ComplaintIntake"/> class.</summary>
    /// <param name="kind">Complaint, claim or suggestion.</param>
    /// <param name="channel">The channel it arrived through.</param>
    /// <param name="customer">The customer who raised it.</param>
    /// <param name="category">The category it is filed under.</param>
    /// <param name="description">The substance of the complaint in the customer's words.</param>
    /// <param name="receivedAt">When it was received.</param>
    /// <param name="occurredAt">When the problem happened, if known; not after <paramref name="receivedAt"/>.</param>
    /// <param name="desiredOutcome">What the customer says they want, if stated.</param>
    /// <param name="contact">How to reach the customer about this complaint (email address, phone number), if given.</param>
    /// <param name="severity">The initial severity.</param>
    /// <param name="priority">The initial priority.</param>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is not defined, or <paramref name="occurredAt"/> is after <paramref name="receivedAt"/>.</exception>
    /// <exception cref="ArgumentException">A text is empty, padded or too long.</exception>
    public ComplaintIntake(
        FeedbackKind kind,
        Channel channel,
        CustomerRef customer,
        Category category,
        string description,
        Instant receivedAt,
        Instant? occurredAt = null,
        string? desiredOutcome = null,
        string? contact = null,
        Severity severity = Severity.Medium,
        Priority priority = Priority.Normal)
    {
        Kind = Guard.Defined(kind, nameof(kind));
        Channel = Guard.Defined(channel, nameof(channel));
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(category);
        Customer = customer;
        Category = category;
        Description = Guard.Text(description, nameof(description), TextLimits.Text);
        ReceivedAt = receivedAt;
        if (occurredAt > receivedAt)
        {
            throw new ArgumentOutOfRangeException(nameof(occurredAt), occurredAt, $"occurredAt must not be after receivedAt ({receivedAt}).");
        }

        OccurredAt = occurredAt;
        DesiredOutcome = Guard.OptionalText(desiredOutcome, nameof(desiredOutcome), TextLimits.Summary);
        Contact = Guard.OptionalText(contact, nameof(contact), TextLimits.Contact);
        Severity = Guard.Defined(severity, nameof(severity));
        Priority = Guard.Defined(priority, nameof(priority));
    }

    /// <summary>Gets whether this is a complaint, a claim or a suggestion.</summary>
    public FeedbackKind Kind { get; }

    /// <summary>Gets the channel it arrived through.</summary>
    public Channel Channel { get; }

    /// <summary>Gets the customer who raised it.</summary>
    public CustomerRef Customer { get; }

    /// <summary>Gets the category it was filed under on receipt.</summary>
    public Category Category { get; }

    /// <summary>Gets the substance of the complaint in the customer's words.</summary>
    public string Description { get; }

    /// <summary>Gets when it was received. Every clock that counts from receipt starts here.</summary>
    [JsonConverter(typeof(InstantJsonConverter))]
    public Instant ReceivedAt { get; }

    /// <summary>Gets when the problem happened, if known.</summary>
    [JsonConverter(typeof(InstantJsonConverter))]
    public Instant? OccurredAt { get; }

    /// <summary>Gets what the customer says they want, if stated.</summary>
    public string? DesiredOutcome { get; }

    /// <summary>Gets how to reach the customer about this complaint, if given.</summary>
    public string? Contact { get; }

    /// <summary>Gets the severity on receipt.</summary>
    public Severity Severity { get; }

    /// <summary>Gets the priority on receipt.</summary>
    public Priority Priority { get; }
}
