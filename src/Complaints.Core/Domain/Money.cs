namespace Complaints.Core.Domain;

/// <summary>A non-negative amount in one currency (an ISO 4217 code of three upper-case letters).</summary>
public readonly record struct Money
{
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
        Currency = CheckCurrency(currency, nameof(currency));
    }

    /// <summary>Gets the amount.</summary>
    public decimal Amount { get; }

    /// <summary>Gets the ISO 4217 currency code.</summary>
    public string Currency => field ?? throw new InvalidOperationException("This Money is the default value and has no currency.");

    /// <summary>Returns the amount and currency, for example <c>25.00 EUR</c>.</summary>
    /// <returns>The amount followed by the currency code.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Amount:0.00} {Currency}");

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
}
