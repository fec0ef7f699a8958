using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using Complaints.Core.Domain;

namespace Complaints.Core.Desk;

/// <summary>What one <see cref="ComplaintDesk.SweepAsync"/> did: how many complaints it evaluated and saved, and which it could not.</summary>
public sealed record SweepResult
{
    /// <summary>Initializes a new instance of the <see cref="SweepResult"/> class.</summary>
    /// <param name="saved">How many complaints were evaluated and saved.</param>
    /// <param name="failures">The complaints that could not be read, restored, evaluated or saved, in the order the sweep met them; copied.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="saved"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="failures"/> or one of its items is <see langword="null"/>.</exception>
    public SweepResult(int saved, IEnumerable<SweepFailure> failures)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(saved);
        ArgumentNullException.ThrowIfNull(failures);
        var copy = failures.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            _ = copy[i] ?? throw new ArgumentNullException(nameof(failures), $"failures[{i}] is null.");
        }

        Saved = saved;
        Failures = copy.Length == 0 ? ReadOnlyCollection<SweepFailure>.Empty : Array.AsReadOnly(copy);
    }

    /// <summary>Gets how many complaints were evaluated and saved (also those whose notifications the sink did not take, which stay pending).</summary>
    public int Saved { get; }

    /// <summary>
    /// Gets the complaints that could not be read, restored, evaluated or saved, in the order the sweep met them; a
    /// read-only view. Nothing was written for them, so the next sweep finds them due again and reports them again
    /// until they are repaired.
    /// </summary>
    public IReadOnlyList<SweepFailure> Failures { get; }

    /// <summary>Gets whether the other result saved as many complaints and has the same failures in the same order.</summary>
    /// <param name="other">The other result.</param>
    /// <returns><see langword="true"/> when both are equal.</returns>
    public bool Equals(SweepResult? other) =>
        other is not null && Saved == other.Saved && Failures.SequenceEqual(other.Failures);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Saved, Failures.Count);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Saved = {Saved}, Failures = [");
        builder.AppendJoin(", ", Failures.Select(f => $"{f.ComplaintId}: {f.Error.GetType().Name}"));
        builder.Append(']');
        return true;
    }
}

/// <summary>A due complaint that a sweep could not evaluate and save; nothing was written for it.</summary>
public sealed record SweepFailure
{
    /// <summary>Initializes a new instance of the <see cref="SweepFailure"/> class.</summary>
    /// <param name="complaintId">The complaint's id, as its stored record gives it.</param>
    /// <param name="error">
    /// What went wrong: for example a <see cref="System.Text.Json.JsonException"/> for a document that cannot be read, an
    /// <see cref="ArgumentException"/> for a history that does not fit the lifecycle, an
    /// <see cref="ArgumentOutOfRangeException"/> for an instant outside a calendar's years, or the store's error for a save
    /// that failed.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is <see langword="null"/>.</exception>
    public SweepFailure(ComplaintId complaintId, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        ComplaintId = complaintId;
        Error = error;
    }

    /// <summary>Gets the complaint's id.</summary>
    public ComplaintId ComplaintId { get; }

    /// <summary>Gets what went wrong.</summary>
    public Exception Error { get; }
}
