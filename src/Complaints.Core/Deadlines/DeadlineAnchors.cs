using NodaTime;

namespace Complaints.Core.Deadlines;

/// <summary>The instants a complaint's deadlines can be anchored on; those that have not happened are <see langword="null"/>.</summary>
/// <param name="ReceivedAt">When the complaint was received.</param>
/// <param name="AcknowledgedAt">When it was acknowledged, if it was.</param>
/// <param name="HoldingReplyAt">When a holding reply was sent, if one was. It also extends rules that have an extended limit.</param>
/// <param name="CompleteInformationAt">When the customer's information was complete, if it is.</param>
public readonly record struct DeadlineAnchors(
    Instant ReceivedAt,
    Instant? AcknowledgedAt = null,
    Instant? HoldingReplyAt = null,
    Instant? CompleteInformationAt = null)
{
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
}
