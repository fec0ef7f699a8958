using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Complaints.Core.Domain;

/// <summary>Writes a <see cref="ComplaintId"/> as its string and reads it back through its constructor.</summary>
internal sealed class ComplaintIdJsonConverter : JsonConverter<ComplaintId>
{
    public override ComplaintId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonValues.Construct(reader.GetString(), "a complaint id", v => new ComplaintId(v));

    public override void Write(Utf8JsonWriter writer, ComplaintId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}

/// <summary>Writes a <see cref="Category"/> as its path (<c>Products/Appliances</c>) and reads it back with <see cref="Category.Parse"/>.</summary>
internal sealed class CategoryJsonConverter : JsonConverter<Category>
{
    public override Category Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonValues.Construct(reader.GetString(), "a category path", Category.Parse);

    public override void Write(Utf8JsonWriter writer, Category value, JsonSerializerOptions options) => writer.WriteStringValue(value.Path);
}

/// <summary>Writes <see cref="Money"/> as amount and currency (<c>39.90 EUR</c>), the amount in invariant culture with every digit kept.</summary>
internal sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonValues.Construct(reader.GetString(), "an amount and a currency such as '39.90 EUR'", text =>
        {
            var parts = text.Split(' ');
            if (parts.Length != 2 || !decimal.TryParse(parts[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                throw new FormatException($"'{text}' is not an amount and a currency such as '39.90 EUR'.");
            }

            return new Money(amount, parts[1]);
        });

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) =>
        writer.WriteStringValue(string.Create(CultureInfo.InvariantCulture, $"{value.Amount} {value.Currency}"));
}

/// <summary>Writes an <see cref="Instant"/> in ISO 8601 (<c>2026-03-02T09:15:00Z</c>), with as many fraction digits as it has.</summary>
internal sealed class InstantJsonConverter : JsonConverter<Instant>
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonValues.Construct(reader.GetString(), "an ISO 8601 instant such as '2026-03-02T09:15:00Z'", text => InstantPattern.ExtendedIso.Parse(text).Value);

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
        writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
}

/// <summary>Writes a <see cref="Duration"/> as an ISO 8601 duration (<c>PT45M</c>, <c>P2DT3H</c>; a day is 24 hours).</summary>
internal sealed class DurationJsonConverter : JsonConverter<Duration>
{
    public override Duration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonValues.Construct(reader.GetString(), "an ISO 8601 duration such as 'PT45M'", text =>
        {
            var period = PeriodPattern.NormalizingIso.Parse(text).Value;
            if (period.Years != 0 || period.Months != 0)
            {
                throw new FormatException($"'{text}' has years or months, which have no fixed length.");
            }

            return period.ToDuration();
        });

    public override void Write(Utf8JsonWriter writer, Duration value, JsonSerializerOptions options) =>
        writer.WriteStringValue(PeriodPattern.NormalizingIso.Format(DurationPeriod(value)));

    private static Period DurationPeriod(Duration value)
    {
        var builder = new PeriodBuilder
        {
            Days = value.Days,
            Nanoseconds = value.NanosecondOfDay,
        };
        return builder.Build().Normalize();
    }
}

/// <summary>
/// Reads and writes an enum by its exact names only: no numbers, no comma-separated flags, no other case, no padding,
/// so a document means one thing.
/// </summary>
internal sealed class StrictEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ByName = Enum.GetValues<TEnum>().ToDictionary(v => v.ToString(), StringComparer.Ordinal);

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return text is not null && ByName.TryGetValue(text, out var value)
            ? value
            : throw new JsonException($"Expected one of {typeof(TEnum).Name}'s names ({string.Join(", ", ByName.Keys)}); found {(text is null ? reader.TokenType.ToString() : $"'{text}'")}.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Enum.IsDefined(value) ? value.ToString() : throw new JsonException($"{value} is not a defined {typeof(TEnum).Name}."));
}

/// <summary>Turns a JSON string into a value through the value's own validating constructor, naming what was expected.</summary>
internal static class JsonValues
{
    public static T Construct<T>(string? text, string expected, Func<string, T> create)
    {
        if (text is null)
        {
            throw new JsonException($"Expected {expected}; found null.");
        }

        try
        {
            return create(text);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or UnparsableValueException or OverflowException)
        {
            throw new JsonException($"Expected {expected}; found '{text}': {ex.Message}", ex);
        }
    }
}
