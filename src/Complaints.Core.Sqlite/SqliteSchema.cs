using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Complaints.Core.Sqlite;

/// <summary>Creates the store's schema in a database, or checks the one there, once per store.</summary>
internal static class SqliteSchema
{
    /// <summary>The statements that create each schema version from the one before; index 0 creates version 1.</summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE complaints (
            id TEXT NOT NULL PRIMARY KEY,
            version INTEGER NOT NULL,
            json TEXT NOT NULL,
            customer TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            next_change_at INTEGER NULL,
            is_open INTEGER NOT NULL
        );
        CREATE INDEX complaints_due ON complaints (is_open, next_change_at, id);
        CREATE INDEX complaints_customer ON complaints (customer, received_at, id);
        CREATE TABLE commands (
            id TEXT NOT NULL PRIMARY KEY,
            complaint_id TEXT NOT NULL,
            version INTEGER NOT NULL
        );
        CREATE TABLE outbox (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            complaint_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            audience TEXT NOT NULL,
            topic TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        """,
    ];

    /// <summary>Brings the database to <see cref="SqliteComplaintStore.SchemaVersion"/>, in WAL mode.</summary>
    /// <param name="connection">An open connection.</param>
    /// <exception cref="InvalidOperationException">The database's schema is newer than this package knows.</exception>
    public static void Ensure(SqliteConnection connection)
    {
        // The journal mode is kept in the file; it cannot change inside a transaction.
        Execute(connection, null, "PRAGMA journal_mode = WAL;");
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);");
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT MAX(version) FROM schema_version;";
        var current = read.ExecuteScalar() is long stored ? (int)stored : 0;
        if (current > SqliteComplaintStore.SchemaVersion)
        {
            throw new InvalidOperationException(
                $"The database {connection.DataSource} has schema version {current}; this Complaints.Core.Sqlite knows up to version {SqliteComplaintStore.SchemaVersion}. Use a newer package.");
        }

        for (var version = current; version < SqliteComplaintStore.SchemaVersion; version++)
        {
            Execute(connection, transaction, Migrations[version]);
            Execute(connection, transaction, "INSERT INTO schema_version (version) VALUES (" + (version + 1).ToString(CultureInfo.InvariantCulture) + ");");
        }

        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // The SQL is this class's own constant text.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}
