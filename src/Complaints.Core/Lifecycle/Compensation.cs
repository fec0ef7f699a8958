using Complaints.Core.Domain;

namespace Complaints.Core.Lifecycle;

/// <summary>Sums the monetary value of remedies against an authority limit.</summary>
internal static class Compensation
{
    /// <summary>Gets whether the remedies' total value, all in <paramref name="currency"/>, is within <paramref name="limit"/>.</summary>
    /// <returns><see langword="false"/> when the total exceeds the limit or a remedy is valued in another currency.</returns>
    public static bool IsWithin(IReadOnlyList<Remedy> remedies, decimal? limit, string currency)
    {
        var total = 0m;
        for (var i = 0; i < remedies.Count; i++)
        {
            if (remedies[i].Value is not { } value)
            {
                continue;
            }

            if (!string.Equals(value.Currency, currency, StringComparison.Ordinal))
            {
                return false;
            }

            total += value.Amount;
        }

        return limit is null || total <= limit.Value;
    }
}
