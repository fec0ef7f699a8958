using Complaints.Core.Hosting;
using Complaints.Core.Sqlite;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SQLite store with Complaints.Core.</summary>
public static class SqliteComplaintsBuilderExtensions
{
    /// <summary>
    /// Keeps complaints in a SQLite database file instead of the in-memory store: registers one
    /// <see cref="SqliteComplaintStore"/> over <paramref name="connectionString"/> as the <c>IComplaintStore</c>, replacing
    /// any store registered before. The file and its schema are created on first use.
    /// </summary>
    /// <param name="builder">The builder <c>AddComplaints</c> returned.</param>
    /// <param name="connectionString">A connection string naming a database file, such as <c>Data Source=complaints.db</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="connectionString"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is not valid, names no data source, or names an in-memory database.</exception>
    public static ComplaintsBuilder UseSqlite(this ComplaintsBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseStore(new SqliteComplaintStore(connectionString));
    }
}
