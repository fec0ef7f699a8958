using Complaints.Core.Domain;
using Microsoft.Extensions.Options;

namespace Complaints.Core.Lifecycle;

/// <summary>Validates <see cref="LifecycleOptions"/>, reporting every error at once with the field it concerns.</summary>
public sealed class LifecycleOptionsValidator : IValidateOptions<LifecycleOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, LifecycleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        var levels = options.EscalationLevels;
        if (levels?.Count == 1)
        {
            builder.AddError(
                $"holds one level, which would replace the default ladder and leave nowhere to escalate. List every level, or extend the defaults with {nameof(LifecycleOptions.UseDefaultLadder)}().{nameof(LifecycleOptions.AddLevel)}(...).",
                nameof(LifecycleOptions.EscalationLevels));
        }

        if (levels is not null)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            decimal? previous = 0m;
            for (var i = 0; i < levels.Count; i++)
            {
                var path = $"{nameof(LifecycleOptions.EscalationLevels)}[{i}]";
                var level = levels[i];
                if (level is null)
                {
                    builder.AddError("must not be null.", path);
                    continue;
                }

                if (string.IsNullOrWhiteSpace(level.Name))
                {
                    builder.AddError("must not be empty.", $"{path}.{nameof(EscalationLevelOptions.Name)}");
                }
                else if (!names.Add(level.Name))
                {
                    builder.AddError($"'{level.Name}' is used by an earlier level.", $"{path}.{nameof(EscalationLevelOptions.Name)}");
                }

                var limit = level.AuthorityLimit;
                if (limit < 0m)
                {
                    builder.AddError($"must not be negative; it is {limit}.", $"{path}.{nameof(EscalationLevelOptions.AuthorityLimit)}");
                }
                else if (previous is null && limit is not null)
                {
                    builder.AddError("must be unlimited (null) because a lower level is unlimited.", $"{path}.{nameof(EscalationLevelOptions.AuthorityLimit)}");
                }
                else if (previous is not null && limit is not null && limit < previous)
                {
                    builder.AddError($"must not be below the previous level's limit ({previous}); it is {limit}.", $"{path}.{nameof(EscalationLevelOptions.AuthorityLimit)}");
                }

                if (level.ResponseTarget is { } target && target <= TimeSpan.Zero)
                {
                    builder.AddError($"must be positive; it is {target}.", $"{path}.{nameof(EscalationLevelOptions.ResponseTarget)}");
                }

                previous = limit;
            }
        }

        var currency = options.AuthorityCurrency;
        if (!Money.IsCurrencyCode(currency))
        {
            builder.AddError($"must be an ISO 4217 code of three upper-case letters; it is '{currency}'.", nameof(LifecycleOptions.AuthorityCurrency));
        }

        if (options.ReopenWindow < TimeSpan.Zero)
        {
            builder.AddError($"must not be negative; it is {options.ReopenWindow}.", nameof(LifecycleOptions.ReopenWindow));
        }

        return builder.Build();
    }
}
