using Complaints.Core.Domain;

namespace Complaints.Core.Lifecycle;

/// <summary>Sums the monetary value of remedies against an authority limit.</summary>
internal static class Compensation
{
    /// <summary>Gets whether the remedies' total value, all in <paramref name="currency"/>, is within <paramref name="limit"/>.</summary>
    /// <returns>
    /// <see langword="false"/> when a remedy is valued in another currency or the total exceeds the limit. Never throws:
    /// without a limit nothing is summed; with one, the sum stops as soon as it passes the limit, so a total that would
    /// overflow <see cref="decimal"/> is simply above it.
    /// </returns>
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

            if (limit is { } max)
            {
                // total <= max holds here, so max - total cannot overflow.
                if (value.Amount > max - total)
                {
                    return false;
                }

                total += value.Amount;
            }
        }

        return true;
    }
}
