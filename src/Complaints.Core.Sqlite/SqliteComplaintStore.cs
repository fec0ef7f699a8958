using Complaints.Core.Desk;
using Complaints.Core.Domain;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Complaints.Core.Sqlite;

/// <summary>
/// A store on a SQLite database file: complaints with their canonical JSON and version, the commands carried out on
/// them, and an outbox of the notifications not yet sent. Every save runs in one transaction (<c>BEGIN IMMEDIATE</c>)
/// and is all or nothing; the database enforces the versions (a conditional update checked by the rows it changed, or
/// an insert that the primary key refuses when the id is taken) and the command ids (their primary key).
/// </summary>
/// <remarks>
/// <para>
/// The schema is created on first use, in WAL mode, with a <c>schema_version</c> table so that later versions of this
/// package can migrate it; a database whose schema is newer than this package knows is refused. Instants are kept as
/// nanoseconds since the Unix epoch in integer columns (exact and sortable), so they must lie between 1677-09-21 and
/// 2262-04-11. Due complaints are ordered by their next change and then by their id's UTF-8 bytes, which is ordinal
/// order for every id that does not mix characters above U+FFFF with characters from U+E000 to U+FFFF.
/// </para>
/// <para>
/// The store is safe to use from many threads at once: each call opens its own connection (Microsoft.Data.Sqlite pools
/// them), and a writer that finds the database locked waits up to the connection string's <c>Default Timeout</c>
/// (30 seconds unless set) instead of failing. Several stores, in one process or several, may share one file.
/// </para>
/// </remarks>
public sealed class SqliteComplaintStore : IComplaintStore
{
    /// <summary>The schema version this package creates and reads.</summary>
    public const int SchemaVersion = 1;

    private const string Columns = "id, version, json, customer, received_at, next_change_at, is_open";

    private readonly string _connectionString;
    private readonly Lock _schemaLock = new();
    private volatile bool _schemaReady;

    /// <summary>Initializes a new instance of the <see cref="SqliteComplaintStore"/> class over a database file.</summary>
    /// <param name="connectionString">
    /// A Microsoft.Data.Sqlite connection string naming a database file, such as <c>Data Source=complaints.db</c>; the
    /// file and its schema are created on first use.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="connectionString"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="connectionString"/> is not a valid connection string, names no data source, or names an
    /// in-memory database (each connection would see a database of its own; use <see cref="InMemoryComplaintStore"/>).
    /// </exception>
    public SqliteComplaintStore(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (Exception error) when (error is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new ArgumentException($"connectionString is not a valid SQLite connection string: {error.Message}", nameof(connectionString), error);
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new ArgumentException("connectionString must name a database file (Data Source=…).", nameof(connectionString));
        }

        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource.Trim() == ":memory:")
        {
            throw new ArgumentException(
                "connectionString names an in-memory database, which each connection would see on its own; name a database file, or use InMemoryComplaintStore.",
                nameof(connectionString));
        }

        _connectionString = builder.ToString();
    }

    /// <inheritdoc/>
    public async ValueTask<ComplaintRecord?> FindAsync(ComplaintId id, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await FindAsync(connection, null, id, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="save"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An instant of the record or of a notification is outside the range this store keeps (1677-09-21 to 2262-04-11).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the save was committed; nothing is saved.</exception>
    public async ValueTask<IReadOnlyList<PendingNotification>> SaveAsync(ComplaintSave save, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(save);
        var record = save.Record;
        var receivedAt = Nanoseconds(record.ReceivedAt, record.Id, "the record's receivedAt");
        var nextChangeAt = record.NextChangeAt is { } next ? Nanoseconds(next, record.Id, "the record's nextChangeAt") : (long?)null;
        var notificationAts = save.Notifications.Select((n, i) => Nanoseconds(n.At, record.Id, $"notifications[{i}].At")).ToArray();
        cancellationToken.ThrowIfCancellationRequested();

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await WriteRecordAsync(connection, transaction, save, receivedAt, nextChangeAt, cancellationToken).ConfigureAwait(false);
                if (save.Command is { } command)
                {
                    await WriteCommandAsync(connection, transaction, save, command, cancellationToken).ConfigureAwait(false);
                }

                var saved = new PendingNotification[save.Notifications.Count];
                for (var i = 0; i < saved.Length; i++)
                {
                    var notification = save.Notifications[i];
                    using var insert = Command(connection, transaction,
                        "INSERT INTO outbox (complaint_id, kind, audience, topic, at) VALUES ($complaint, $kind, $audience, $topic, $at) RETURNING sequence;",
                        ("$complaint", record.Id.Value), ("$kind", notification.Kind.ToString()), ("$audience", notification.Audience),
                        ("$topic", notification.Topic), ("$at", notificationAts[i]));
                    var sequence = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                    saved[i] = new PendingNotification(sequence, notification);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return Array.AsReadOnly(saved);
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask<CommandRecord?> FindCommandAsync(CommandId commandId, CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var select = Command(connection, null, "SELECT complaint_id, version FROM commands WHERE id = $id;", ("$id", commandId.Value));
            var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                    ? new CommandRecord(commandId, new ComplaintId(reader.GetString(0)), reader.GetInt64(1))
                    : null;
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask<ComplaintPage> FindDueAsync(Instant dueBy, DueCursor? after, int pageSize, CancellationToken cancellationToken = default)
    {
        CheckSize(pageSize, nameof(pageSize));
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // One more than the page, to know whether another page follows.
            using var select = after is { } cursor
                ? Command(connection, null,
                    $"SELECT {Columns} FROM complaints WHERE is_open = 1 AND next_change_at <= $dueBy AND (next_change_at, id) > ($afterAt, $afterId) ORDER BY next_change_at, id LIMIT $limit;",
                    ("$dueBy", Clamp(dueBy)), ("$afterAt", Clamp(cursor.NextChangeAt)), ("$afterId", cursor.Id.Value), ("$limit", pageSize + 1))
                : Command(connection, null,
                    $"SELECT {Columns} FROM complaints WHERE is_open = 1 AND next_change_at <= $dueBy ORDER BY next_change_at, id LIMIT $limit;",
                    ("$dueBy", Clamp(dueBy)), ("$limit", pageSize + 1));
            var records = await ReadRecordsAsync(select, cancellationToken).ConfigureAwait(false);
            if (records.Count <= pageSize)
            {
                return new ComplaintPage(records, null);
            }

            records.RemoveAt(pageSize);
            var last = records[^1];
            return new ComplaintPage(records, new DueCursor(last.NextChangeAt!.Value, last.Id));
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<ComplaintRecord>> FindByCustomerAsync(string customerId, Instant receivedFrom, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var select = Command(connection, null,
                $"SELECT {Columns} FROM complaints WHERE customer = $customer AND received_at >= $from ORDER BY received_at, id;",
                ("$customer", customerId), ("$from", Clamp(receivedFrom)));
            return (await ReadRecordsAsync(select, cancellationToken).ConfigureAwait(false)).AsReadOnly();
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<PendingNotification>> FindPendingNotificationsAsync(int max, CancellationToken cancellationToken = default)
    {
        CheckSize(max, nameof(max));
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var select = Command(connection, null,
                "SELECT sequence, complaint_id, kind, audience, topic, at FROM outbox ORDER BY sequence LIMIT $max;", ("$max", max));
            var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var pending = new List<PendingNotification>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var kind = Enum.Parse<NotificationKind>(reader.GetString(2), ignoreCase: false);
                    pending.Add(new PendingNotification(
                        reader.GetInt64(0),
                        new ComplaintNotification(kind, new ComplaintId(reader.GetString(1)), reader.GetString(3), reader.GetString(4), FromNanoseconds(reader.GetInt64(5)))));
                }

                return pending.AsReadOnly();
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask MarkSentAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                using var delete = Command(connection, transaction, "DELETE FROM outbox WHERE sequence = $sequence;", ("$sequence", 0L));
                foreach (var sequence in sequences)
                {
                    delete.Parameters[0].Value = sequence;
                    await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task WriteRecordAsync(SqliteConnection connection, SqliteTransaction transaction, ComplaintSave save, long receivedAt, long? nextChangeAt, CancellationToken cancellationToken)
    {
        var record = save.Record;
        (string, object?)[] values =
        [
            ("$id", record.Id.Value), ("$version", record.Version), ("$json", record.Json), ("$customer", record.CustomerId),
            ("$receivedAt", receivedAt), ("$nextChangeAt", nextChangeAt), ("$isOpen", record.IsOpen ? 1 : 0),
        ];
        if (save.ExpectedVersion is not { } expected)
        {
            // A new complaint: the primary key refuses an id that is taken.
            using var insert = Command(connection, transaction,
                $"INSERT INTO complaints ({Columns}) VALUES ($id, $version, $json, $customer, $receivedAt, $nextChangeAt, $isOpen);", values);
            try
            {
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException error) when (error.SqliteErrorCode == ConstraintFailed)
            {
                var stored = await StoredVersionAsync(connection, transaction, record.Id, cancellationToken).ConfigureAwait(false);
                throw new ComplaintConcurrencyException(record.Id, null, stored);
            }

            return;
        }

        // An update: only the version expected is replaced, whatever another writer did since it was read.
        using var update = Command(connection, transaction,
            "UPDATE complaints SET version = $version, json = $json, customer = $customer, received_at = $receivedAt, next_change_at = $nextChangeAt, is_open = $isOpen WHERE id = $id AND version = $expected;",
            [.. values, ("$expected", expected)]);
        if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
        {
            var stored = await StoredVersionAsync(connection, transaction, record.Id, cancellationToken).ConfigureAwait(false);
            throw new ComplaintConcurrencyException(record.Id, expected, stored);
        }
    }

    private static async Task WriteCommandAsync(SqliteConnection connection, SqliteTransaction transaction, ComplaintSave save, CommandRecord command, CancellationToken cancellationToken)
    {
        using var insert = Command(connection, transaction, "INSERT INTO commands (id, complaint_id, version) VALUES ($id, $complaint, $version);",
            ("$id", command.CommandId.Value), ("$complaint", command.ComplaintId.Value), ("$version", command.Version));
        try
        {
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException error) when (error.SqliteErrorCode == ConstraintFailed)
        {
            // The record was written in this transaction, which is rolled back; the version stored is the one expected.
            throw new ComplaintConcurrencyException(save.Record.Id, save.ExpectedVersion, save.ExpectedVersion, command.CommandId);
        }
    }

    private static async Task<long?> StoredVersionAsync(SqliteConnection connection, SqliteTransaction transaction, ComplaintId id, CancellationToken cancellationToken)
    {
        using var select = Command(connection, transaction, "SELECT version FROM complaints WHERE id = $id;", ("$id", id.Value));
        return await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : null;
    }

    private static async Task<ComplaintRecord?> FindAsync(SqliteConnection connection, SqliteTransaction? transaction, ComplaintId id, CancellationToken cancellationToken)
    {
        using var select = Command(connection, transaction, $"SELECT {Columns} FROM complaints WHERE id = $id;", ("$id", id.Value));
        var records = await ReadRecordsAsync(select, cancellationToken).ConfigureAwait(false);
        return records.Count == 0 ? null : records[0];
    }

    private static async Task<List<ComplaintRecord>> ReadRecordsAsync(SqliteCommand select, CancellationToken cancellationToken)
    {
        var records = new List<ComplaintRecord>();
        var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                records.Add(new ComplaintRecord(
                    new ComplaintId(reader.GetString(0)),
                    reader.GetInt64(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    FromNanoseconds(reader.GetInt64(4)),
                    reader.IsDBNull(5) ? null : FromNanoseconds(reader.GetInt64(5)),
                    reader.GetInt64(6) != 0));
            }
        }

        return records;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // The SQL is this class's own constant text; every value is a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (!_schemaReady)
            {
                lock (_schemaLock)
                {
                    if (!_schemaReady)
                    {
                        SqliteSchema.Ensure(connection);
                        _schemaReady = true;
                    }
                }
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private const int ConstraintFailed = 19;

    private static readonly Instant Epoch = Instant.FromUnixTimeTicks(0);

    private static long Nanoseconds(Instant instant, ComplaintId id, string what)
    {
        var nanoseconds = (instant - Epoch).ToBigIntegerNanoseconds();
        if (nanoseconds < long.MinValue || nanoseconds > long.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(instant), instant,
                $"Complaint {id}: {what} ({instant}) is outside the range SqliteComplaintStore keeps (1677-09-21 to 2262-04-11).");
        }

        return (long)nanoseconds;
    }

    /// <summary>An instant as nanoseconds for a query bound: every stored instant is in range, so a bound beyond it is the range's end.</summary>
    private static long Clamp(Instant instant)
    {
        var nanoseconds = (instant - Epoch).ToBigIntegerNanoseconds();
        return nanoseconds < long.MinValue ? long.MinValue : nanoseconds > long.MaxValue ? long.MaxValue : (long)nanoseconds;
    }

    private static Instant FromNanoseconds(long nanoseconds) => Epoch + Duration.FromNanoseconds(nanoseconds);

    private static void CheckSize(int size, string paramName)
    {
        if (size is < 1 or > ComplaintPage.MaxSize)
        {
            throw new ArgumentOutOfRangeException(paramName, size, $"{paramName} must be from 1 to {ComplaintPage.MaxSize}.");
        }
    }
}
