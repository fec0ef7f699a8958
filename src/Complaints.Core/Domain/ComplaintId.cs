namespace Complaints.Core.Domain;

/// <summary>
/// Identifies one complaint, claim or suggestion. The value is the host's own reference
/// (for example <c>C-2026-000123</c> or a GUID in text form).
/// </summary>
public readonly record struct ComplaintId
{
    /// <summary>The maximum number of characters in a complaint id.</summary>
    public const int MaxLength = 64;

    /// <summary>Initializes a new instance of the <see cref="ComplaintId"/> struct.</summary>
    /// <param name="value">The id: 1 to 64 characters, no leading or trailing white space, no control characters.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, too long, padded or holds a control character.</exception>
    public ComplaintId(string value)
    {
        Value = Guard.Text(value, nameof(value), MaxLength);
    }

    /// <summary>Gets the id as text.</summary>
    public string Value => field ?? throw new InvalidOperationException("This ComplaintId is the default value and holds no id.");

    /// <summary>Returns the id as text.</summary>
    /// <returns>The id.</returns>
    public override string ToString() => Value;
}
