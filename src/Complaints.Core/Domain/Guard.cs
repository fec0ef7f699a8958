namespace Complaints.Core.Domain;

/// <summary>Shared argument checks that name the field in their message.</summary>
internal static class Guard
{
    public static string Text(string? value, string paramName, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (value.Length == 0 || string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{paramName} must not be empty or white space.", paramName);
        }

        if (value.Length > maxLength)
        {
            throw new ArgumentException($"{paramName} must be at most {maxLength} characters; it has {value.Length}.", paramName);
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            throw new ArgumentException($"{paramName} must not start or end with white space.", paramName);
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && c != '\n' && c != '\r' && c != '\t')
            {
                throw new ArgumentException($"{paramName} must not contain control characters.", paramName);
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 == value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    throw new ArgumentException($"{paramName} must be well-formed Unicode; it has a lone surrogate at position {i}.", paramName);
                }

                i++;
            }
        }

        return value;
    }

    public static string? OptionalText(string? value, string paramName, int maxLength) =>
        value is null ? null : Text(value, paramName, maxLength);

    public static TEnum Defined<TEnum>(TEnum value, string paramName)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} is not a defined {typeof(TEnum).Name} value.");
        }

        return value;
    }

    public static int Level(int rank, string paramName) =>
        rank >= 0 ? rank : throw new ArgumentOutOfRangeException(paramName, rank, $"{paramName} must not be negative.");

    public static TValue Changed<TValue>(TValue current, TValue next, string paramName)
    {
        if (EqualityComparer<TValue>.Default.Equals(current, next))
        {
            throw new ArgumentException($"{paramName} is already '{next}'.", paramName);
        }

        return next;
    }

    public static NodaTime.IsoDayOfWeek DayOfWeek(NodaTime.IsoDayOfWeek value, string paramName) =>
        value is >= NodaTime.IsoDayOfWeek.Monday and <= NodaTime.IsoDayOfWeek.Sunday
            ? value
            : throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be Monday to Sunday.");

    public static IReadOnlyList<T> ReadOnlyCopy<T>(IEnumerable<T>? items, string paramName)
    {
        ArgumentNullException.ThrowIfNull(items, paramName);
        return Array.AsReadOnly(items.ToArray());
    }

    public static IReadOnlyList<T> List<T>(IEnumerable<T>? items, string paramName)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(items, paramName);
        var copy = items.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i] is null)
            {
                throw new ArgumentException($"{paramName}[{i}] must not be null.", paramName);
            }
        }

        return Array.AsReadOnly(copy);
    }
}
