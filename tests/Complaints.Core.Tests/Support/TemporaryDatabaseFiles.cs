using Microsoft.Data.Sqlite;

namespace Complaints.Core.Tests.Support;

/// <summary>SQLite database files in the temporary folder, deleted with their journal, WAL and shared-memory files on disposal.</summary>
internal sealed class TemporaryDatabaseFiles : IDisposable
{
    private readonly List<string> _files = [];

    /// <summary>Gets every file a database named by <see cref="NewFile"/> may have left: the database, its journal, WAL and shared memory.</summary>
    public IEnumerable<string> Paths => _files.SelectMany(file => new[] { file, file + "-wal", file + "-shm", file + "-journal" });

    /// <summary>Names a new database file, not yet created.</summary>
    /// <returns>The file's path.</returns>
    public string NewFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"complaints-{Guid.NewGuid():N}.db");
        _files.Add(file);
        return file;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in Paths)
        {
            File.Delete(path);
        }
    }
}
