using Complaints.Core.Domain;

namespace Complaints.Core.Metrics;

/// <summary>The status of one complaint against one named service-level target, as the host's SLA clock reports it.</summary>
public readonly record struct SlaResult
{
    /// <summary>Initializes a new instance of the <see cref="SlaResult"/> struct.</summary>
    /// <param name="target">The target's name, for example "first response" or "final response".</param>
    /// <param name="status">Where the complaint stands against the target.</param>
    /// <exception cref="ArgumentException"><paramref name="target"/> is empty or longer than 128 characters.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a defined value.</exception>
    public SlaResult(string target, SlaStatus status)
    {
        Target = Guard.Text(target, nameof(target), TextLimits.Description);
        Status = Guard.Defined(status, nameof(status));
    }

    /// <summary>Gets the target's name.</summary>
    public string Target => field ?? throw new InvalidOperationException("This SlaResult is the default value and names no target.");

    /// <summary>Gets where the complaint stands against the target.</summary>
    public SlaStatus Status { get; }
}
