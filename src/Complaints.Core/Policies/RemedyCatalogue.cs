using Complaints.Core.Domain;

namespace Complaints.Core.Policies;

/// <summary>
/// The remedies a business offers, defined in advance: for each remedy type its default amount (if it has one) and the
/// lowest level of the escalation ladder that may offer it. With <see cref="PolicyRuleSetBuilder.UseCatalogue"/>, the
/// condition <see cref="PolicyCondition.RemedyNotOffered"/> holds for compensation outside the catalogue or above the
/// handling level, so a rule asks for approval or escalation instead of the remedy being capped in silence.
/// Immutable and safe to share across threads.
/// </summary>
public sealed class RemedyCatalogue
{
    private RemedyCatalogue(CatalogueRemedy[] remedies)
    {
        Remedies = Array.AsReadOnly(remedies);
    }

    /// <summary>Gets the remedies, in the order they were added.</summary>
    public IReadOnlyList<CatalogueRemedy> Remedies { get; }

    /// <summary>Starts a catalogue.</summary>
    /// <returns>The builder.</returns>
    public static RemedyCatalogueBuilder CreateBuilder() => new();

    internal static RemedyCatalogue Create(IEnumerable<CatalogueRemedy> remedies) => new([.. remedies]);

    /// <summary>Gets the catalogue's entry for a remedy type, or <see langword="null"/> when the type is not offered.</summary>
    /// <param name="type">The remedy type.</param>
    /// <returns>The entry, or <see langword="null"/>.</returns>
    public CatalogueRemedy? Find(RemedyType type)
    {
        foreach (var remedy in Remedies)
        {
            if (remedy.Type == type)
            {
                return remedy;
            }
        }

        return null;
    }
}

/// <summary>A remedy the catalogue offers: its type, its default amount, and the lowest level that may offer it.</summary>
/// <param name="Type">The remedy type.</param>
/// <param name="DefaultAmount">What is offered unless someone decides otherwise, or <see langword="null"/> for a remedy without a set amount.</param>
/// <param name="LowestLevel">The name of the lowest level of the ladder that may offer it.</param>
public sealed record CatalogueRemedy(RemedyType Type, Money? DefaultAmount, string LowestLevel)
{
    /// <summary>Gets the remedy at its default amount.</summary>
    /// <returns>The remedy.</returns>
    public Remedy ToRemedy() => new(Type, DefaultAmount);
}

/// <summary>Builds a <see cref="RemedyCatalogue"/>, refusing a remedy type given twice.</summary>
public sealed class RemedyCatalogueBuilder
{
    private readonly List<CatalogueRemedy> _remedies = [];

    internal RemedyCatalogueBuilder()
    {
    }

    /// <summary>Adds a remedy.</summary>
    /// <param name="type">The remedy type.</param>
    /// <param name="lowestLevel">The name of the lowest level of the ladder that may offer it (checked when a rule set uses the catalogue).</param>
    /// <param name="defaultAmount">Its default amount, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The type is in the catalogue already, or <paramref name="lowestLevel"/> is empty or too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a defined value.</exception>
    public RemedyCatalogueBuilder Add(RemedyType type, string lowestLevel, Money? defaultAmount = null)
    {
        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "type is not a defined RemedyType.");
        }

        var level = Guard.Text(lowestLevel, nameof(lowestLevel), TextLimits.Name);
        if (_remedies.Exists(r => r.Type == type))
        {
            throw new ArgumentException($"Remedy {type} is in the catalogue already; give each type one entry.", nameof(type));
        }

        _remedies.Add(new CatalogueRemedy(type, defaultAmount, level));
        return this;
    }

    /// <summary>Builds the catalogue.</summary>
    /// <returns>The immutable catalogue.</returns>
    public RemedyCatalogue Build() => RemedyCatalogue.Create(_remedies);
}
