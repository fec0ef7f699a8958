using Complaints.Core.Desk;
using Complaints.Core.Sqlite;
using Complaints.Core.Tests.Support;

namespace Complaints.Core.Tests.Desk;

/// <summary>The desk's tests on SQLite, each on temporary database files deleted after it.</summary>
public sealed class SqliteComplaintDeskTests : ComplaintDeskTestsBase, IDisposable
{
    private readonly TemporaryDatabaseFiles _files = new();

    protected override IComplaintStore CreateStore() => new SqliteComplaintStore($"Data Source={_files.NewFile()}");

    public void Dispose() => _files.Dispose();
}
