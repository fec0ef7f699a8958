using Complaints.Core.Domain;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Complaints.Core.Metrics;

/// <summary>Validates <see cref="MetricsOptions"/>, reporting every error with the field it concerns.</summary>
public sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    /// <summary>The largest number of horizons the options may hold.</summary>
    public const int MaxHorizons = 16;

    /// <summary>The highest hourly rate the options may hold.</summary>
    public const decimal MaxHourlyRate = 1_000_000m;

    /// <summary>The most decimal places an hourly rate may have.</summary>
    public const int MaxRateDecimals = 6;

    /// <summary>The most costliest customers the report may list.</summary>
    public const int MaxTopCustomers = 10_000;

    /// <summary>Validates the options.</summary>
    /// <param name="name">The options name (unused; every name is validated the same way).</param>
    /// <param name="options">The options.</param>
    /// <returns>Success, or every failure found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public ValidateOptionsResult Validate(string? name, MetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (!Enum.IsDefined(options.TimeBasis))
        {
            builder.AddError($"must be a defined MetricsTimeBasis; it is {options.TimeBasis}.", nameof(MetricsOptions.TimeBasis));
        }

        if (!Enum.IsDefined(options.Percentiles))
        {
            builder.AddError($"must be a defined PercentileMode; it is {options.Percentiles}.", nameof(MetricsOptions.Percentiles));
        }

        if (!Enum.IsDefined(options.TrendGranularity))
        {
            builder.AddError($"must be a defined TrendGranularity; it is {options.TrendGranularity}.", nameof(MetricsOptions.TrendGranularity));
        }

        if (options.FirstDayOfWeek is < NodaTime.IsoDayOfWeek.Monday or > NodaTime.IsoDayOfWeek.Sunday)
        {
            builder.AddError($"must be Monday to Sunday; it is {options.FirstDayOfWeek}.", nameof(MetricsOptions.FirstDayOfWeek));
        }

        var currency = options.Currency;
        if (!Money.IsCurrencyCode(currency))
        {
            builder.AddError($"must be an ISO 4217 code of three upper-case letters; it is '{currency}'.", nameof(MetricsOptions.Currency));
        }

        if (options.Horizons is null)
        {
            builder.AddError("must not be null.", nameof(MetricsOptions.Horizons));
        }
        else
        {
            if (options.Horizons.Count > MaxHorizons)
            {
                builder.AddError($"must hold at most {MaxHorizons} horizons; it holds {options.Horizons.Count}.", nameof(MetricsOptions.Horizons));
            }

            for (var i = 0; i < options.Horizons.Count; i++)
            {
                if (options.Horizons[i] is not { } rule)
                {
                    builder.AddError("must not be null.", $"{nameof(MetricsOptions.Horizons)}[{i}]");
                }
                else if (!WithinMaxSpan(rule))
                {
                    builder.AddError(
                        $"must span at most MetricsAccumulator.MaxSpan ({MetricsAccumulator.MaxSpan.Days} days) with its extension; it counts {rule.Count} {rule.Unit}, amount {rule.Amount}, extension {rule.ExtendedCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? rule.ExtendedAmount?.ToString() ?? "none"}.",
                        $"{nameof(MetricsOptions.Horizons)}[{i}]");
                }
            }
        }

        CheckRates(builder, options.RoleHourlyRates, nameof(MetricsOptions.RoleHourlyRates));
        CheckRates(builder, options.TeamHourlyRates, nameof(MetricsOptions.TeamHourlyRates));
        CheckRate(builder, options.DefaultHourlyRate, nameof(MetricsOptions.DefaultHourlyRate));

        if (options.FirstContactWindow < TimeSpan.Zero)
        {
            builder.AddError($"must not be negative; it is {options.FirstContactWindow}.", nameof(MetricsOptions.FirstContactWindow));
        }

        if (options.ReopenWindow < TimeSpan.Zero)
        {
            builder.AddError($"must not be negative; it is {options.ReopenWindow}.", nameof(MetricsOptions.ReopenWindow));
        }

        if (!(options.SketchRelativeAccuracy is >= 0.0001 and <= 0.1))
        {
            builder.AddError($"must be from 0.0001 to 0.1; it is {options.SketchRelativeAccuracy}.", nameof(MetricsOptions.SketchRelativeAccuracy));
        }

        if (options.BacklogAgeBounds is null)
        {
            builder.AddError("must not be null.", nameof(MetricsOptions.BacklogAgeBounds));
        }
        else
        {
            var previous = TimeSpan.Zero;
            for (var i = 0; i < options.BacklogAgeBounds.Count; i++)
            {
                var bound = options.BacklogAgeBounds[i];
                if (bound <= previous)
                {
                    builder.AddError($"must be positive and greater than the bound before it ({previous}); it is {bound}.", $"{nameof(MetricsOptions.BacklogAgeBounds)}[{i}]");
                }
                else if (bound > MetricsAccumulator.MaxSpan.ToTimeSpan())
                {
                    builder.AddError($"must be at most MetricsAccumulator.MaxSpan ({MetricsAccumulator.MaxSpan.Days} days); it is {bound}.", $"{nameof(MetricsOptions.BacklogAgeBounds)}[{i}]");
                }

                previous = bound;
            }
        }

        if (!(options.ParetoShare is > 0 and <= 1))
        {
            builder.AddError($"must be above 0 and at most 1; it is {options.ParetoShare}.", nameof(MetricsOptions.ParetoShare));
        }

        if (options.CustomerBase is <= 0)
        {
            builder.AddError($"must be positive when set; it is {options.CustomerBase}.", nameof(MetricsOptions.CustomerBase));
        }

        if (options.TopCustomers is < 0 or > MaxTopCustomers)
        {
            builder.AddError($"must be from 0 to {MaxTopCustomers}; it is {options.TopCustomers}.", nameof(MetricsOptions.TopCustomers));
        }

        return builder.Build();
    }

    /// <summary>Gets a value indicating whether a horizon, with its extension, spans at most <see cref="MetricsAccumulator.MaxSpan"/>.</summary>
    private static bool WithinMaxSpan(Deadlines.DeadlineRule rule)
    {
        var maxSpan = MetricsAccumulator.MaxSpan;
        var maxCount = rule.Unit switch
        {
            Deadlines.DeadlineUnit.CalendarWeeks => maxSpan.Days / 7,
            Deadlines.DeadlineUnit.CalendarMonths => maxSpan.Days / 365 * 12,
            _ => maxSpan.Days,
        };
        return rule.Count <= maxCount && rule.Amount <= maxSpan
            && (rule.ExtendedCount ?? 0) <= maxCount && (rule.ExtendedAmount ?? Duration.Zero) <= maxSpan;
    }

    private static void CheckRates(ValidateOptionsResultBuilder builder, IDictionary<string, decimal>? rates, string name)
    {
        if (rates is null)
        {
            builder.AddError("must not be null.", name);
            return;
        }

        foreach (var (key, rate) in rates)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                builder.AddError("keys must not be empty.", name);
            }
            else
            {
                CheckRate(builder, rate, $"{name}[{key}]");
            }
        }
    }

    private static void CheckRate(ValidateOptionsResultBuilder builder, decimal rate, string name)
    {
        if (rate is < 0m or > MaxHourlyRate)
        {
            builder.AddError($"must be from 0 to {MaxHourlyRate}; it is {rate}.", name);
        }
        else if (rate.Scale > MaxRateDecimals && rate != decimal.Round(rate, MaxRateDecimals))
        {
            builder.AddError($"must have at most {MaxRateDecimals} decimal places; it is {rate}.", name);
        }
    }
}
