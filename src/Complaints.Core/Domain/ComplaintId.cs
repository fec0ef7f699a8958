using System.Text.Json.Serialization;
namespace Complaints.Core.Domain;

/// <summary>
/// Identifies one complaint, claim or suggestion. The value is the host's own reference
/// (for example <c>C-2026-000123</c> or a GUID in text form).
/// </summary>
[JsonConverter(typeof(ComplaintIdJsonConverter))]
public readonly record struct ComplaintId
{
    /// <summary>Initializes a new instance of the <see cref="ComplaintId"/> struct.</summary>
    /// <param name="value">The id: 1 to <see cref="TextLimits.Id"/> characters, no leading or trailing white space, no control characters.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, too long, padded or holds a control character.</exception>
    public ComplaintId(string value)
    {
        _value = Guard.Text(value, nameof(value), TextLimits.Id);
    }

    /// <summary>Gets the id as text.</summary>
    /// <exception cref="InvalidOperationException">This is the default value, which holds no id.</exception>
    public string Value => _value ?? throw new InvalidOperationException("This ComplaintId is the default value and holds no id.");

    private readonly string? _value;

    /// <summary>Returns the id as text, or <c>(no id)</c> for the default value, so that it can always be printed.</summary>
    /// <returns>The id.</returns>
    public override string ToString() => _value ?? "(no id)";
}
