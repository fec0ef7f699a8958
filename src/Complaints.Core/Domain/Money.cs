using System.Text.Json.Serialization;
using System.Globalization;

namespace Complaints.Core.Domain;

/// <summary>A non-negative amount in one currency (an ISO 4217 code of three upper-case letters).</summary>
/// <remarks>
/// <see langword="default"/>(<see cref="Money"/>) has no currency: it prints as <c>0.00 (no currency)</c>, and is refused
/// where a value is needed (a <see cref="Remedy"/>'s value, a sum).
/// Sums are checked: <see cref="Add(Money, Money)"/> and <see cref="Sum(IEnumerable{Money}, string)"/> refuse mixed
/// currencies and a total above <see cref="decimal.MaxValue"/> with an error that names the argument.
/// </remarks>
[JsonConverter(typeof(MoneyJsonConverter))]
public readonly record struct Money
{
    private readonly string? _currency;

    /// <summary>Initializes a new instance of the <see cref="Money"/> struct.</summary>
    /// <param name="amount">The amount; zero or more.</param>
    /// <param name="currency">The ISO 4217 currency code, three upper-case letters such as <c>EUR</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="currency"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is not three upper-case letters.</exception>
    public Money(decimal amount, string currency)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        Amount = amount;
        _currency = CheckCurrency(currency, nameof(currency));
    }

    /// <summary>Gets the amount.</summary>
    public decimal Amount { get; }

    /// <summary>Gets the ISO 4217 currency code.</summary>
    /// <exception cref="InvalidOperationException">This is the default value, which has no currency.</exception>
    public string Currency => _currency ?? throw new InvalidOperationException("This Money is the default value and has no currency.");

    /// <summary>Gets whether this is the default value, which has no currency.</summary>
    internal bool IsDefault => _currency is null;

    /// <summary>Adds two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount, in the currency of <paramref name="left"/>.</param>
    /// <returns>The sum, in that currency.</returns>
    /// <exception cref="ArgumentException">An operand is the default value, or <paramref name="right"/> is in another currency.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The sum exceeds <see cref="decimal.MaxValue"/>; named <paramref name="right"/>.</exception>
    public static Money operator +(Money left, Money right) => Add(left, right);

    /// <summary>Adds two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount, in the currency of <paramref name="left"/>.</param>
    /// <returns>The sum, in that currency.</returns>
    /// <exception cref="ArgumentException">An operand is the default value, or <paramref name="right"/> is in another currency.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The sum exceeds <see cref="decimal.MaxValue"/>; named <paramref name="right"/>.</exception>
    public static Money Add(Money left, Money right)
    {
        var currency = left._currency ?? throw new ArgumentException(NoCurrency(nameof(left)), nameof(left));
        return new Money(Plus(left.Amount, right, currency, nameof(right), nameof(right)), currency);
    }

    /// <summary>Sums amounts that are all in one currency.</summary>
    /// <param name="amounts">The amounts; none may be the default value.</param>
    /// <param name="currency">The currency every amount must be in; also the currency of an empty sum.</param>
    /// <returns>The total; zero in <paramref name="currency"/> when there are no amounts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="amounts"/> or <paramref name="currency"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="currency"/> is not an ISO 4217 code, or an amount is the default value or in another currency
    /// (named <paramref name="amounts"/>, with the amount's index in the message).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">The total exceeds <see cref="decimal.MaxValue"/>; named <paramref name="amounts"/>.</exception>
    public static Money Sum(IEnumerable<Money> amounts, string currency)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var code = CheckCurrency(currency, nameof(currency));
        var total = 0m;
        var i = 0;
        foreach (var amount in amounts)
        {
            total = Plus(total, amount, code, $"amounts[{i++}]", nameof(amounts));
        }

        return new Money(total, code);
    }

    /// <summary>Returns the amount and currency, for example <c>25.00 EUR</c>; <c>0.00 (no currency)</c> for the default value.</summary>
    /// <returns>The amount followed by the currency code.</returns>
    public override string ToString() => _currency is null
        ? "0.00 (no currency)"
        : string.Create(CultureInfo.InvariantCulture, $"{Amount:0.00} {_currency}");

    /// <summary>Gets whether a text is an ISO 4217 code: three upper-case ASCII letters.</summary>
    internal static bool IsCurrencyCode(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);

    internal static string CheckCurrency(string? currency, string paramName)
    {
        ArgumentNullException.ThrowIfNull(currency, paramName);
        if (!IsCurrencyCode(currency))
        {
            throw new ArgumentException($"{paramName} must be an ISO 4217 code of three upper-case letters; got '{currency}'.", paramName);
        }

        return currency;
    }

    internal static string NoCurrency(string name) => $"{name} is the default Money, which has no currency; a value is needed.";

    /// <summary>Adds an amount to a running total, checking its currency and that the total stays within <see cref="decimal.MaxValue"/>.</summary>
    private static decimal Plus(decimal total, Money value, string currency, string name, string paramName)
    {
        if (value._currency is null)
        {
            throw new ArgumentException(NoCurrency(name), paramName);
        }

        if (!string.Equals(value._currency, currency, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{name} is in {value._currency}, not {currency}; amounts in different currencies cannot be added.", paramName);
        }

        if (value.Amount > decimal.MaxValue - total)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Adding {name} ({value}) to {total.ToString(CultureInfo.InvariantCulture)} exceeds decimal.MaxValue ({decimal.MaxValue.ToString(CultureInfo.InvariantCulture)}).");
        }

        return total + value.Amount;
    }
}
