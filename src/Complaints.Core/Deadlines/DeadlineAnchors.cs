using NodaTime;

namespace Complaints.Core.Deadlines;

/// <summary>The instants a complaint's deadlines can be anchored on; those that have not happened are <see langword="null"/>.</summary>
/// <param name="ReceivedAt">When the complaint was received.</param>
/// <param name="AcknowledgedAt">When it was acknowledged, if it was; not before <paramref name="ReceivedAt"/>.</param>
/// <param name="HoldingReplyAt">When a holding reply was sent, if one was; not before <paramref name="ReceivedAt"/>. It also extends rules that have an extended limit.</param>
/// <param name="CompleteInformationAt">When the customer's information was complete, if it is; not before <paramref name="ReceivedAt"/>.</param>
/// <remarks>
/// No anchor may be dated before receipt. The constructor and each <see langword="with"/> assignment check it; an
/// assignment is checked against the values already set, so when moving receipt later, set the other anchors first.
/// </remarks>
/// <exception cref="ArgumentOutOfRangeException">An anchor is before <paramref name="ReceivedAt"/>.</exception>
public readonly record struct DeadlineAnchors(
    Instant ReceivedAt,
    Instant? AcknowledgedAt = null,
    Instant? HoldingReplyAt = null,
    Instant? CompleteInformationAt = null)
{
    /// <summary>Gets when the complaint was received.</summary>
    /// <exception cref="ArgumentOutOfRangeException">On <see langword="init"/>: the value is after an anchor already set.</exception>
    public Instant ReceivedAt
    {
        get;
        init => field = NotAfterAnchors(value, nameof(ReceivedAt));
    } = ReceivedAt;

    /// <summary>Gets when the complaint was acknowledged, if it was.</summary>
    /// <exception cref="ArgumentOutOfRangeException">On <see langword="init"/>: the value is before <see cref="ReceivedAt"/>.</exception>
    public Instant? AcknowledgedAt
    {
        get;
        init => field = NotBeforeReceipt(value, ReceivedAt, nameof(AcknowledgedAt));
    } = NotBeforeReceipt(AcknowledgedAt, ReceivedAt, nameof(AcknowledgedAt));

    /// <summary>Gets when a holding reply was sent, if one was.</summary>
    /// <exception cref="ArgumentOutOfRangeException">On <see langword="init"/>: the value is before <see cref="ReceivedAt"/>.</exception>
    public Instant? HoldingReplyAt
    {
        get;
        init => field = NotBeforeReceipt(value, ReceivedAt, nameof(HoldingReplyAt));
    } = NotBeforeReceipt(HoldingReplyAt, ReceivedAt, nameof(HoldingReplyAt));

    /// <summary>Gets when the customer's information was complete, if it is.</summary>
    /// <exception cref="ArgumentOutOfRangeException">On <see langword="init"/>: the value is before <see cref="ReceivedAt"/>.</exception>
    public Instant? CompleteInformationAt
    {
        get;
        init => field = NotBeforeReceipt(value, ReceivedAt, nameof(CompleteInformationAt));
    } = NotBeforeReceipt(CompleteInformationAt, ReceivedAt, nameof(CompleteInformationAt));

    /// <summary>Gets the instant of an anchor event.</summary>
    /// <param name="anchor">The event.</param>
    /// <returns>The instant, or <see langword="null"/> if the event has not happened.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="anchor"/> is not defined.</exception>
    public Instant? this[DeadlineAnchor anchor] => anchor switch
    {
        DeadlineAnchor.Receipt => ReceivedAt,
        DeadlineAnchor.Acknowledgement => AcknowledgedAt,
        DeadlineAnchor.HoldingReply => HoldingReplyAt,
        DeadlineAnchor.CompleteInformation => CompleteInformationAt,
        _ => throw new ArgumentOutOfRangeException(nameof(anchor), anchor, "anchor is not a defined DeadlineAnchor."),
    };

    private static Instant? NotBeforeReceipt(Instant? value, Instant receivedAt, string paramName) =>
        value is { } at && at < receivedAt
            ? throw new ArgumentOutOfRangeException(paramName, at, $"{paramName} must not be before ReceivedAt ({receivedAt}).")
            : value;

    private Instant NotAfterAnchors(Instant value, string paramName)
    {
        foreach (var (at, name) in new[] { (AcknowledgedAt, nameof(AcknowledgedAt)), (HoldingReplyAt, nameof(HoldingReplyAt)), (CompleteInformationAt, nameof(CompleteInformationAt)) })
        {
            if (at < value)
            {
                throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must not be after {name} ({at}).");
            }
        }

        return value;
    }
}
