using Complaints.Core.Deadlines;
using NodaTime;

namespace Complaints.Core.Tests.Deadlines;

public sealed class DeadlineAnchorsTests
{
    private static readonly Instant Received = Instant.FromUtc(2026, 3, 2, 10, 0);
    private static readonly Instant Before = Received - Duration.Epsilon;

    [Fact]
    public void Constructor_AnchorsAtOrAfterReceipt_AreKept()
    {
        var anchors = new DeadlineAnchors(Received, Received, Received + Duration.FromDays(1), Received + Duration.FromDays(2));

        Assert.Equal(Received, anchors[DeadlineAnchor.Acknowledgement]);
        Assert.Equal(Received + Duration.FromDays(2), anchors.CompleteInformationAt);
    }

    [Fact]
    public void Constructor_AcknowledgementBeforeReceipt_ThrowsNamingAcknowledgedAt()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new DeadlineAnchors(Received, AcknowledgedAt: Before));

        Assert.Equal("AcknowledgedAt", ex.ParamName);
        Assert.Contains("ReceivedAt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_HoldingReplyBeforeReceipt_ThrowsNamingHoldingReplyAt()
    {
        Assert.Equal("HoldingReplyAt", Assert.Throws<ArgumentOutOfRangeException>(() => new DeadlineAnchors(Received, HoldingReplyAt: Before)).ParamName);
    }

    [Fact]
    public void Constructor_CompleteInformationBeforeReceipt_ThrowsNamingCompleteInformationAt()
    {
        Assert.Equal("CompleteInformationAt", Assert.Throws<ArgumentOutOfRangeException>(() => new DeadlineAnchors(Received, CompleteInformationAt: Instant.MinValue)).ParamName);
    }

    [Fact]
    public void With_AnchorBeforeReceipt_ThrowsNamingIt()
    {
        var anchors = new DeadlineAnchors(Received);

        Assert.Equal("AcknowledgedAt", Assert.Throws<ArgumentOutOfRangeException>(() => anchors with { AcknowledgedAt = Before }).ParamName);
        Assert.Equal("HoldingReplyAt", Assert.Throws<ArgumentOutOfRangeException>(() => anchors with { HoldingReplyAt = Before }).ParamName);
        Assert.Equal("CompleteInformationAt", Assert.Throws<ArgumentOutOfRangeException>(() => anchors with { CompleteInformationAt = Before }).ParamName);
        Assert.Equal(Received, (anchors with { HoldingReplyAt = Received }).HoldingReplyAt);
    }

    [Fact]
    public void With_ReceiptAfterAnAnchor_ThrowsNamingReceivedAt()
    {
        var anchors = new DeadlineAnchors(Received, AcknowledgedAt: Received + Duration.FromHours(1));

        Assert.Equal("ReceivedAt", Assert.Throws<ArgumentOutOfRangeException>(() => anchors with { ReceivedAt = Received + Duration.FromHours(2) }).ParamName);
        Assert.Equal(Received - Duration.FromDays(1), (anchors with { ReceivedAt = Received - Duration.FromDays(1) }).ReceivedAt);
    }
}
