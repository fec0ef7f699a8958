using Complaints.Core.Domain;
using NodaTime;

namespace Complaints.Core.Desk;

/// <summary>
/// The embedded default store: complaints, commands and pending notifications kept in memory, behind one lock, with
/// the same rules a database store keeps (versions checked on every save, a command recorded once, a save all or
/// nothing, due pages in a stable order). Safe to use from many threads at once. Everything is lost when the process
/// ends.
/// </summary>
public sealed class InMemoryComplaintStore : IComplaintStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ComplaintId, ComplaintRecord> _records = [];
    private readonly Dictionary<CommandId, CommandRecord> _commands = [];
    private readonly SortedSet<(Instant At, string Id)> _due = new(DueOrder.Instance);
    private readonly Dictionary<string, SortedSet<(Instant At, string Id)>> _byCustomer = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, PendingNotification> _pending = [];
    private long _sequence;

    /// <summary>Gets how many complaints are stored.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _records.Count;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<ComplaintRecord?> FindAsync(ComplaintId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return ValueTask.FromResult(_records.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="save"/> is <see langword="null"/>.</exception>
    public ValueTask<IReadOnlyList<PendingNotification>> SaveAsync(ComplaintSave save, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(save);
        cancellationToken.ThrowIfCancellationRequested();
        var record = save.Record;
        lock (_lock)
        {
            // Every check first; then every write, none of which can fail.
            var stored = _records.GetValueOrDefault(record.Id);
            if (stored?.Version != save.ExpectedVersion)
            {
                throw new ComplaintConcurrencyException(record.Id, save.ExpectedVersion, stored?.Version);
            }

            if (save.Command is { } command && _commands.ContainsKey(command.CommandId))
            {
                throw new ComplaintConcurrencyException(record.Id, save.ExpectedVersion, stored?.Version, command.CommandId);
            }

            if (stored is not null)
            {
                Unindex(stored);
            }

            _records[record.Id] = record;
            Index(record);
            if (save.Command is { } recorded)
            {
                _commands.Add(recorded.CommandId, recorded);
            }

            var saved = new PendingNotification[save.Notifications.Count];
            for (var i = 0; i < saved.Length; i++)
            {
                saved[i] = new PendingNotification(++_sequence, save.Notifications[i]);
                _pending.Add(saved[i].Sequence, saved[i]);
            }

            return ValueTask.FromResult<IReadOnlyList<PendingNotification>>(Array.AsReadOnly(saved));
        }
    }

    /// <inheritdoc/>
    public ValueTask<CommandRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return ValueTask.FromResult(_commands.GetValueOrDefault(commandId));
        }
    }

    /// <inheritdoc/>
    public ValueTask<ComplaintPage> FindDueAsync(Instant dueBy, DueCursor? after, int pageSize, CancellationToken cancellationToken = default)
    {
        CheckSize(pageSize, nameof(pageSize));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var from = after is { } cursor ? (cursor.NextChangeAt, cursor.Id.Value) : (Instant.MinValue, string.Empty);
            var page = new List<ComplaintRecord>(Math.Min(pageSize, _due.Count));
            var more = false;
            foreach (var key in _due.GetViewBetween(from, (dueBy, MaxId)))
            {
                if (after is not null && DueOrder.Instance.Compare(key, from) <= 0)
                {
                    continue;
                }

                if (page.Count == pageSize)
                {
                    more = true;
                    break;
                }

                page.Add(_records[new ComplaintId(key.Id)]);
            }

            var last = page.Count > 0 ? page[^1] : null;
            return ValueTask.FromResult(new ComplaintPage(page, more && last is not null ? new DueCursor(last.NextChangeAt!.Value, last.Id) : null));
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<ComplaintRecord>> FindByCustomerAsync(string customerId, Instant receivedFrom, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!_byCustomer.TryGetValue(customerId, out var keys))
            {
                return ValueTask.FromResult<IReadOnlyList<ComplaintRecord>>([]);
            }

            var found = keys.GetViewBetween((receivedFrom, string.Empty), (Instant.MaxValue, MaxId)).Select(k => _records[new ComplaintId(k.Id)]).ToArray();
            return ValueTask.FromResult<IReadOnlyList<ComplaintRecord>>(Array.AsReadOnly(found));
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<PendingNotification>> FindPendingNotificationsAsync(int max, CancellationToken cancellationToken = default)
    {
        CheckSize(max, nameof(max));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return ValueTask.FromResult<IReadOnlyList<PendingNotification>>(Array.AsReadOnly(_pending.Values.Take(max).ToArray()));
        }
    }

    /// <inheritdoc/>
    public ValueTask MarkSentAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            foreach (var sequence in sequences)
            {
                _pending.Remove(sequence);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Above every id (ids are at most 64 characters of text), for the top of an index range.</summary>
    private static readonly string MaxId = new(char.MaxValue, TextLimits.Id + 1);

    private static void CheckSize(int size, string paramName)
    {
        if (size is < 1 or > ComplaintPage.MaxSize)
        {
            throw new ArgumentOutOfRangeException(paramName, size, $"{paramName} must be from 1 to {ComplaintPage.MaxSize}.");
        }
    }

    private void Index(ComplaintRecord record)
    {
        if (record.IsOpen && record.NextChangeAt is { } due)
        {
            _due.Add((due, record.Id.Value));
        }

        if (!_byCustomer.TryGetValue(record.CustomerId, out var keys))
        {
            _byCustomer.Add(record.CustomerId, keys = new SortedSet<(Instant At, string Id)>(DueOrder.Instance));
        }

        keys.Add((record.ReceivedAt, record.Id.Value));
    }

    private void Unindex(ComplaintRecord record)
    {
        if (record.NextChangeAt is { } due)
        {
            _due.Remove((due, record.Id.Value));
        }

        _byCustomer[record.CustomerId].Remove((record.ReceivedAt, record.Id.Value));
    }

    /// <summary>By instant, then by id (ordinal).</summary>
    private sealed class DueOrder : IComparer<(Instant At, string Id)>
    {
        public static readonly DueOrder Instance = new();

        public int Compare((Instant At, string Id) x, (Instant At, string Id) y) =>
            x.At.CompareTo(y.At) is var at and not 0 ? at : string.CompareOrdinal(x.Id, y.Id);
    }
}
