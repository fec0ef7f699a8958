using Complaints.Core.Domain;

namespace Complaints.Core.Tests.Domain;

public sealed class MoneyTests
{
    private static readonly Money Max = new(decimal.MaxValue, "EUR");

    [Fact]
    public void ToString_DefaultValue_SaysItHasNoCurrency()
    {
        Assert.Equal("0.00 (no currency)", default(Money).ToString());
    }

    [Fact]
    public void Remedy_DefaultMoney_ThrowsNamingValue()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Remedy(RemedyType.Refund, default(Money)));

        Assert.Equal("value", ex.ParamName);
        Assert.Contains("default", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_SameCurrency_AddsTheAmounts()
    {
        Assert.Equal(new Money(30.25m, "EUR"), Money.Add(new Money(10m, "EUR"), new Money(20.25m, "EUR")));
        Assert.Equal(new Money(30.25m, "EUR"), new Money(10m, "EUR") + new Money(20.25m, "EUR"));
        Assert.Equal(Max, Max + new Money(0m, "EUR"));
    }

    [Fact]
    public void Add_MixedCurrencies_ThrowsNamingRight()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Money(1m, "EUR") + new Money(1m, "GBP"));

        Assert.Equal("right", ex.ParamName);
        Assert.Contains("GBP", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EUR", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_SumPastDecimalMaxValue_ThrowsOutOfRangeNamingRight()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Money.Add(Max, new Money(1m, "EUR")));

        Assert.Equal("right", ex.ParamName);
        Assert.Contains("decimal.MaxValue", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_DefaultOperand_ThrowsNamingIt()
    {
        Assert.Equal("left", Assert.Throws<ArgumentException>(() => default(Money) + new Money(1m, "EUR")).ParamName);
        Assert.Equal("right", Assert.Throws<ArgumentException>(() => new Money(1m, "EUR") + default(Money)).ParamName);
    }

    [Fact]
    public void Sum_SameCurrency_AddsAll_AndNoneIsZero()
    {
        Assert.Equal(new Money(6m, "EUR"), Money.Sum([new Money(1m, "EUR"), new Money(2m, "EUR"), new Money(3m, "EUR")], "EUR"));
        Assert.Equal(new Money(0m, "GBP"), Money.Sum([], "GBP"));
    }

    [Fact]
    public void Sum_BadInput_ThrowsNamingTheArgument()
    {
        Assert.Equal("amounts", Assert.Throws<ArgumentNullException>(() => Money.Sum(null!, "EUR")).ParamName);
        Assert.Equal("currency", Assert.Throws<ArgumentException>(() => Money.Sum([], "eur")).ParamName);

        var mixed = Assert.Throws<ArgumentException>(() => Money.Sum([new Money(1m, "EUR"), new Money(1m, "GBP")], "EUR"));
        Assert.Equal("amounts", mixed.ParamName);
        Assert.Contains("amounts[1]", mixed.Message, StringComparison.Ordinal);

        Assert.Equal("amounts", Assert.Throws<ArgumentException>(() => Money.Sum([new Money(1m, "EUR"), default], "EUR")).ParamName);

        var overflow = Assert.Throws<ArgumentOutOfRangeException>(() => Money.Sum([Max, Max], "EUR"));
        Assert.Equal("amounts", overflow.ParamName);
        Assert.Contains("decimal.MaxValue", overflow.Message, StringComparison.Ordinal);
    }
}
