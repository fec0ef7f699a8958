using Complaints.Core.Domain;
using Complaints.Core.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Complaints.Core.Tests.Domain;

public sealed class ValueObjectTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" C-1")]
    [InlineData("C-1\u0001")]
    public void ComplaintId_InvalidValue_ThrowsNamingValue(string value)
    {
        var ex = Assert.Throws<ArgumentException>(() => new ComplaintId(value));
        Assert.Equal("value", ex.ParamName);
    }

    [Fact]
    public void ComplaintId_TooLongOrNull_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new ComplaintId(new string('x', TextLimits.Id + 1)));
        Assert.Throws<ArgumentNullException>(() => new ComplaintId(null!));
        Assert.Equal("C-1", new ComplaintId("C-1").ToString());
        Assert.Throws<InvalidOperationException>(() => default(ComplaintId).Value);
    }

    [Theory]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("E1R")]
    public void Money_BadCurrency_ThrowsNamingCurrency(string currency)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Money(1m, currency));
        Assert.Equal("currency", ex.ParamName);
    }

    [Fact]
    public void Money_NegativeAmount_ThrowsNamingAmount()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Money(-0.01m, "EUR"));
        Assert.Equal("amount", ex.ParamName);
        Assert.Equal("12.50 EUR", new Money(12.5m, "EUR").ToString());
    }

    [Theory]
    [InlineData(RemedyType.Refund)]
    [InlineData(RemedyType.Discount)]
    [InlineData(RemedyType.GiftCard)]
    [InlineData(RemedyType.Credit)]
    public void Remedy_MonetaryTypeWithoutValue_ThrowsNamingValue(RemedyType type)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Remedy(type));
        Assert.Equal("value", ex.ParamName);
    }

    [Theory]
    [InlineData(RemedyType.Apology)]
    [InlineData(RemedyType.Explanation)]
    public void Remedy_NonMonetaryTypeWithValue_ThrowsNamingValue(RemedyType type)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Remedy(type, new Money(1m, "EUR")));
        Assert.Equal("value", ex.ParamName);
    }

    [Fact]
    public void Remedy_OptionalValueTypes_AcceptBothAndUndefinedTypeIsRejected()
    {
        Assert.Null(new Remedy(RemedyType.Replacement).Value);
        Assert.Equal(10m, new Remedy(RemedyType.Upgrade, new Money(10m, "EUR")).Value!.Value.Amount);
        Assert.Equal("type", Assert.Throws<ArgumentOutOfRangeException>(() => new Remedy((RemedyType)99)).ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Billing//Refunds")]
    [InlineData("Billing/ ")]
    public void Category_EmptySegment_IsRejected(string path)
    {
        Assert.Throws<ArgumentException>(() => Category.Parse(path));
    }

    [Fact]
    public void Category_Hierarchy_ParentAndIsWithinIgnoreCase()
    {
        var category = Category.Parse("Billing/Refunds/Late");

        Assert.Equal("Billing/Refunds", category.Parent!.Path);
        Assert.Null(Category.Parse("Billing").Parent);
        Assert.True(category.IsWithin(Category.Parse("billing")));
        Assert.True(category.IsWithin(category));
        Assert.False(category.IsWithin(Category.Parse("Billing/Charges")));
        Assert.False(Category.Parse("Billing").IsWithin(category));
        Assert.Equal(Category.Parse("BILLING/refunds/late"), category);
        Assert.Equal(Category.Parse("BILLING/refunds/late").GetHashCode(), category.GetHashCode());
    }

    [Property(MaxTest = 200)]
    public void Category_ParsePath_RoundTrips(NonEmptyArray<PositiveInt> seeds)
    {
        var segments = seeds.Get.Select(s => $"S{s.Get}").ToArray();
        var category = new Category(segments);

        Assert.Equal(category, Category.Parse(category.Path));
        Assert.Equal(segments, category.Segments);
        Assert.True(category.IsWithin(new Category(segments[..1])));
    }

    [Fact]
    public void CustomerRef_Actor_RootCause_ValidateAndNameTheField()
    {
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => new CustomerRef("")).ParamName);
        Assert.Equal("tier", Assert.Throws<ArgumentException>(() => new CustomerRef("c", tier: " ")).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => Actor.Staff(" anna")).ParamName);
        Assert.Equal("kind", Assert.Throws<ArgumentOutOfRangeException>(() => new Actor("a", (ActorKind)7)).ParamName);
        Assert.Equal("whys[1]", Assert.Throws<ArgumentException>(() => new RootCause("X", ["a", ""])).ParamName);
        Assert.Equal("Staff:anna", Actor.Staff("anna").ToString());
    }

    [Fact]
    public void ComplaintIntake_OccurredAfterReceipt_ThrowsNamingOccurredAt()
    {
        var received = TestComplaints.Start;

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ComplaintIntake(
            FeedbackKind.Complaint, Channel.Chat, new CustomerRef("c"), Category.Parse("A"), "text", received, occurredAt: received + Duration.FromSeconds(1)));

        Assert.Equal("occurredAt", ex.ParamName);
    }

    [Fact]
    public void ComplaintIntake_BadFields_ThrowNamingTheField()
    {
        var received = TestComplaints.Start;
        var customer = new CustomerRef("c");
        var category = Category.Parse("A");

        Assert.Equal("channel", Assert.Throws<ArgumentOutOfRangeException>(() => new ComplaintIntake(FeedbackKind.Claim, (Channel)42, customer, category, "text", received)).ParamName);
        Assert.Equal("kind", Assert.Throws<ArgumentOutOfRangeException>(() => new ComplaintIntake((FeedbackKind)9, Channel.Letter, customer, category, "text", received)).ParamName);
        Assert.Equal("description", Assert.Throws<ArgumentException>(() => new ComplaintIntake(FeedbackKind.Claim, Channel.Letter, customer, category, " ", received)).ParamName);
        Assert.Equal("customer", Assert.Throws<ArgumentNullException>(() => new ComplaintIntake(FeedbackKind.Claim, Channel.Letter, null!, category, "text", received)).ParamName);
        Assert.Equal("contact", Assert.Throws<ArgumentException>(() => new ComplaintIntake(FeedbackKind.Claim, Channel.Letter, customer, category, "text", received, contact: "")).ParamName);
    }

    [Fact]
    public void Category_EqualityOperators_CompareThePathIgnoringCase()
    {
        var a = Category.Parse("Billing/Refunds");
        var b = new Category("billing", "REFUNDS");

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a != Category.Parse("Billing"));
        Assert.False(a == null);
        Assert.True((Category?)null == null);
    }

    [Fact]
    public void Category_Segments_CannotBeCastBackAndChanged()
    {
        var category = Category.Parse("Billing/Refunds");
        var hash = category.GetHashCode();

        Assert.False(category.Segments is string[]);
        Assert.Throws<NotSupportedException>(() => ((IList<string>)category.Segments)[1] = "x");
        Assert.Equal(hash, category.GetHashCode());
        Assert.Equal(Category.Parse("Billing/Refunds"), category);
    }

    [Theory]
    [InlineData('a', '\ud800', 'b')]
    [InlineData('a', 'b', '\udc00')]
    [InlineData('\ud83d', 'a', 'b')]
    public void Text_LoneSurrogate_IsRefusedNamingTheField(char first, char second, char third)
    {
        var text = new string([first, second, third]);

        // Such text would be written to JSON as U+FFFD and read back changed.
        var ex = Assert.Throws<ArgumentException>(() => new CustomerRef("cust-1", tier: text));

        Assert.Equal("tier", ex.ParamName);
        Assert.Contains("well-formed Unicode", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_SurrogatePair_IsAccepted() =>
        Assert.Equal("ok \ud83d\ude00", new CustomerRef("c", tier: "ok \ud83d\ude00").Tier);

    [Fact]
    public void ComplaintId_Default_PrintsWithoutThrowing()
    {
        Assert.Equal("(no id)", default(ComplaintId).ToString());
        Assert.Equal("(no id)", $"{default(ComplaintId)}");
        Assert.Throws<InvalidOperationException>(() => default(ComplaintId).Value);
    }
}
