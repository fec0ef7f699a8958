using Complaints.Core.Domain;

namespace Complaints.Core.Desk;

/// <summary>
/// The id a host gives a command so that it can send it again safely: a store records each command id with the
/// complaint and version it produced, and the same id again is answered with that first result instead of being
/// carried out twice.
/// </summary>
public readonly record struct CommandId
{
    /// <summary>Initializes a new instance of the <see cref="CommandId"/> struct.</summary>
    /// <param name="value">The id: 1 to 64 characters, no leading or trailing white space, no control characters.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, too long, padded or holds a control character.</exception>
    public CommandId(string value)
    {
        _value = Guard.Text(value, nameof(value), TextLimits.Id);
    }

    /// <summary>Gets the id as text.</summary>
    /// <exception cref="InvalidOperationException">This is the default value, which holds no id.</exception>
    public string Value => _value ?? throw new InvalidOperationException("This CommandId is the default value and holds no id.");

    private readonly string? _value;

    /// <summary>Returns the id as text, or <c>(no id)</c> for the default value, so that it can always be printed.</summary>
    /// <returns>The id.</returns>
    public override string ToString() => _value ?? "(no id)";
}

/// <summary>What a store recorded of a command carried out: its id, the complaint it changed, and the version it saved.</summary>
public sealed record CommandRecord
{
    /// <summary>Initializes a new instance of the <see cref="CommandRecord"/> class.</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="complaintId">The complaint it changed.</param>
    /// <param name="version">The complaint's version it saved.</param>
    /// <exception cref="ArgumentException"><paramref name="commandId"/> or <paramref name="complaintId"/> is the default value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is negative.</exception>
    public CommandRecord(CommandId commandId, ComplaintId complaintId, long version)
    {
        if (commandId == default)
        {
            throw new ArgumentException("commandId must hold an id.", nameof(commandId));
        }

        if (complaintId == default)
        {
            throw new ArgumentException("complaintId must hold an id.", nameof(complaintId));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(version);
        CommandId = commandId;
        ComplaintId = complaintId;
        Version = version;
    }

    /// <summary>Gets the command's id.</summary>
    public CommandId CommandId { get; }

    /// <summary>Gets the complaint it changed.</summary>
    public ComplaintId ComplaintId { get; }

    /// <summary>Gets the complaint's version it saved.</summary>
    public long Version { get; }
}
