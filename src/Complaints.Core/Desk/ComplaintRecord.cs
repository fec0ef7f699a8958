using Complaints.Core.Domain;
using NodaTime;

namespace Complaints.Core.Desk;

/// <summary>
/// What a store keeps of one complaint: its canonical JSON (<c>ComplaintJson.Serialize</c>, the same document for
/// every store), its version, and the columns its queries read (the customer, the receipt, the next instant at which
/// the SLA engine says something changes, and whether it is still open).
/// </summary>
public sealed record ComplaintRecord
{
    /// <summary>Initializes a new instance of the <see cref="ComplaintRecord"/> class.</summary>
    /// <param name="id">The complaint's id.</param>
    /// <param name="version">The version: the number of history entries the document holds (0 for a complaint just received).</param>
    /// <param name="json">The complaint's canonical JSON.</param>
    /// <param name="customerId">The customer's id.</param>
    /// <param name="receivedAt">When the complaint was received.</param>
    /// <param name="nextChangeAt">The next instant at which the complaint's SLA status changes unless a new entry comes first, or <see langword="null"/> for none.</param>
    /// <param name="isOpen">Whether the complaint is still open (not in a terminal state).</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> or <paramref name="customerId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="json"/> is empty, or <paramref name="customerId"/> is empty or too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is negative, or <paramref name="nextChangeAt"/> is before <paramref name="receivedAt"/>.</exception>
    public ComplaintRecord(ComplaintId id, long version, string json, string customerId, Instant receivedAt, Instant? nextChangeAt, bool isOpen)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new ArgumentException("json must hold the complaint's canonical JSON.", nameof(json));
        }

        if (nextChangeAt < receivedAt)
        {
            throw new ArgumentOutOfRangeException(nameof(nextChangeAt), nextChangeAt, $"Complaint {id}: nextChangeAt is before the complaint was received ({receivedAt}).");
        }

        Id = id;
        Version = version;
        Json = json;
        CustomerId = Guard.Text(customerId, nameof(customerId), TextLimits.Id);
        ReceivedAt = receivedAt;
        NextChangeAt = nextChangeAt;
        IsOpen = isOpen;
    }

    /// <summary>Gets the complaint's id.</summary>
    public ComplaintId Id { get; }

    /// <summary>Gets the version: the number of history entries the document holds.</summary>
    public long Version { get; }

    /// <summary>Gets the complaint's canonical JSON.</summary>
    public string Json { get; }

    /// <summary>Gets the customer's id.</summary>
    public string CustomerId { get; }

    /// <summary>Gets when the complaint was received.</summary>
    public Instant ReceivedAt { get; }

    /// <summary>Gets the next instant at which the complaint's SLA status changes unless a new entry comes first, if any.</summary>
    public Instant? NextChangeAt { get; }

    /// <summary>Gets whether the complaint is still open (not in a terminal state).</summary>
    public bool IsOpen { get; }
}
