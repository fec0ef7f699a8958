namespace Complaints.Core.Desk;

/// <summary>
/// Where notifications go once their complaint is saved: the host sends them (mail, SMS, a queue). A sink that throws
/// loses nothing: the notifications stay pending in the store and are offered again.
/// </summary>
public interface INotificationSink
{
    /// <summary>Sends notifications, oldest first.</summary>
    /// <param name="notifications">The notifications.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when they are sent.</returns>
    ValueTask SendAsync(IReadOnlyList<ComplaintNotification> notifications, CancellationToken cancellationToken = default);
}

/// <summary>
/// A sink that keeps what it is sent, in order, for tests and for hosts that read notifications back themselves. Safe
/// to use from many threads at once.
/// </summary>
public sealed class RecordingNotificationSink : INotificationSink
{
    private readonly Lock _lock = new();
    private readonly List<ComplaintNotification> _sent = [];

    /// <summary>Gets a copy of what was sent, oldest first.</summary>
    public IReadOnlyList<ComplaintNotification> Sent
    {
        get
        {
            lock (_lock)
            {
                return Array.AsReadOnly(_sent.ToArray());
            }
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="notifications"/> or one of them is <see langword="null"/>.</exception>
    public ValueTask SendAsync(IReadOnlyList<ComplaintNotification> notifications, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        cancellationToken.ThrowIfCancellationRequested();
        var copy = notifications.ToArray();
        if (Array.IndexOf(copy, null) is var missing and >= 0)
        {
            throw new ArgumentNullException(nameof(notifications), $"notifications[{missing}] is null.");
        }

        lock (_lock)
        {
            _sent.AddRange(copy);
        }

        return ValueTask.CompletedTask;
    }
}
