using Complaints.Core.Domain;
using NodaTime;

namespace Complaints.Core.Desk;

/// <summary>What a notification is about.</summary>
public enum NotificationKind
{
    /// <summary>The complaint was acknowledged.</summary>
    Acknowledgement,

    /// <summary>More information is asked of the customer.</summary>
    InformationRequest,

    /// <summary>An update to the customer is due.</summary>
    UpdateDue,

    /// <summary>The complaint was escalated or raised to a higher level.</summary>
    Escalation,

    /// <summary>A decision was made: a resolution proposed, the complaint resolved, rejected or referred.</summary>
    Decision,

    /// <summary>The customer is to be asked, after resolution, whether they are satisfied.</summary>
    FollowUp,

    /// <summary>A service-level target is at risk.</summary>
    SlaWarning,

    /// <summary>A service-level target is breached.</summary>
    SlaBreach,

    /// <summary>A policy rule asked for it (a notify action, or an approval to give).</summary>
    Policy,
}

/// <summary>
/// A typed notification for the host to send: what it is about, the complaint, to whom (the customer, or a role), a
/// topic the host maps to a template, and when it arose. The library decides what to notify; the host decides how.
/// </summary>
public sealed record ComplaintNotification
{
    /// <summary>The audience that stands for the complaint's customer.</summary>
    public const string Customer = "customer";

    /// <summary>Initializes a new instance of the <see cref="ComplaintNotification"/> class.</summary>
    /// <param name="kind">What the notification is about.</param>
    /// <param name="complaintId">The complaint.</param>
    /// <param name="audience">To whom: <see cref="Customer"/>, or a role.</param>
    /// <param name="topic">The topic the host maps to a template.</param>
    /// <param name="at">When it arose.</param>
    /// <exception cref="ArgumentNullException"><paramref name="audience"/> or <paramref name="topic"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="audience"/> or <paramref name="topic"/> is empty, padded or too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public ComplaintNotification(NotificationKind kind, ComplaintId complaintId, string audience, string topic, Instant at)
    {
        Kind = Guard.Defined(kind, nameof(kind));
        ComplaintId = complaintId;
        Audience = Guard.Text(audience, nameof(audience), TextLimits.Name);
        Topic = Guard.Text(topic, nameof(topic), TextLimits.Name);
        At = at;
    }

    /// <summary>Gets what the notification is about.</summary>
    public NotificationKind Kind { get; }

    /// <summary>Gets the complaint.</summary>
    public ComplaintId ComplaintId { get; }

    /// <summary>Gets to whom: <see cref="Customer"/>, or a role.</summary>
    public string Audience { get; }

    /// <summary>Gets the topic the host maps to a template.</summary>
    public string Topic { get; }

    /// <summary>Gets when it arose.</summary>
    public Instant At { get; }
}

/// <summary>A notification saved with its complaint and not yet sent, numbered by the store in the order it was saved.</summary>
/// <param name="Sequence">The store's number for it, increasing in the order notifications are saved.</param>
/// <param name="Notification">The notification.</param>
public sealed record PendingNotification(long Sequence, ComplaintNotification Notification);
