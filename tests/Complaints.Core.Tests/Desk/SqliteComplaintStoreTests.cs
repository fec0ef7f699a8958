using Complaints.Core.Desk;
using Complaints.Core.Domain;
using Complaints.Core.Sqlite;
using Complaints.Core.Testing;
using Complaints.Core.Tests.Support;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Complaints.Core.Tests.Desk;

/// <summary>The conformance kit, and what only a database file shows, on temporary files deleted after each test.</summary>
public sealed class SqliteComplaintStoreTests : ComplaintStoreConformanceTests, IDisposable
{
    private readonly TemporaryDatabaseFiles _files = new();

    protected override IComplaintStore CreateStore() => new SqliteComplaintStore($"Data Source={NewFile()}");

    public void Dispose() => _files.Dispose();

    private string NewFile() => _files.NewFile();

    [Fact]
    public async Task TemporaryDatabaseFiles_Dispose_DeletesTheDatabaseAndItsWalAndSharedMemory()
    {
        var files = new TemporaryDatabaseFiles();
        var store = new SqliteComplaintStore($"Data Source={files.NewFile()}");
        await store.SaveAsync(new ComplaintSave(StoreRecords.Record("C-1", 0), null, null, []));
        Assert.Equal(3, files.Paths.Count(File.Exists));

        files.Dispose();

        Assert.DoesNotContain(files.Paths, File.Exists);
    }

    [Fact]
    public async Task TwoStores_OverOneFile_SeeEachOthersSaves()
    {
        var file = NewFile();
        var first = new SqliteComplaintStore($"Data Source={file}");
        var second = new SqliteComplaintStore($"Data Source={file}");

        await first.SaveAsync(new ComplaintSave(StoreRecords.Record("C-1", 0), null, new CommandRecord(new CommandId("cmd-1"), new ComplaintId("C-1"), 0), []));
        await second.SaveAsync(new ComplaintSave(StoreRecords.Record("C-1", 1), 0, null, []));

        Assert.Equal(1, (await first.FindAsync(new ComplaintId("C-1")))!.Version);
        Assert.Equal(0, (await second.FindCommandAsync(new CommandId("cmd-1")))!.Version);
        var error = await Assert.ThrowsAsync<ComplaintConcurrencyException>(() => first.SaveAsync(new ComplaintSave(StoreRecords.Record("C-1", 1), 0, null, [])).AsTask());
        Assert.Equal((0L, 1L), (error.ExpectedVersion, error.ActualVersion));
    }

    [Fact]
    public async Task Instants_ComeBackToTheNanosecond()
    {
        var store = CreateStore();
        var at = StoreRecords.Base + Duration.FromNanoseconds(123_456_789);
        var record = new ComplaintRecord(new ComplaintId("C-1"), 0, "{}", "cust-1", at, at + Duration.FromNanoseconds(1), true);

        await store.SaveAsync(new ComplaintSave(record, null, null, [new ComplaintNotification(NotificationKind.SlaBreach, record.Id, "supervisor", "breach", at)]));

        Assert.Equal(record, await store.FindAsync(record.Id));
        Assert.Equal(at, (await store.FindPendingNotificationsAsync(1))[0].Notification.At);
        Assert.Equal([record], (await store.FindDueAsync(Instant.MaxValue, null, 10)).Records);
    }

    [Fact]
    public async Task Save_WithAnInstantBeyondTheStoredRange_IsRefused_NamingIt()
    {
        var store = CreateStore();
        var record = new ComplaintRecord(new ComplaintId("C-1"), 0, "{}", "cust-1", StoreRecords.Base, Instant.FromUtc(2300, 1, 1, 0, 0), true);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.SaveAsync(new ComplaintSave(record, null, null, [])).AsTask());

        Assert.Contains("Complaint C-1: the record's nextChangeAt", error.Message, StringComparison.Ordinal);
        Assert.Null(await store.FindAsync(record.Id));
    }

    [Fact]
    public async Task FirstUse_CreatesTheSchema_AtItsVersion_InWalMode()
    {
        var file = NewFile();
        await new SqliteComplaintStore($"Data Source={file}").FindAsync(new ComplaintId("C-1"));

        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(version) FROM schema_version;";
        Assert.Equal((long)SqliteComplaintStore.SchemaVersion, command.ExecuteScalar());
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task ADatabaseWithANewerSchema_IsRefused_NamingBothVersions()
    {
        var file = NewFile();
        using (var connection = new SqliteConnection($"Data Source={file}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (99);";
            command.ExecuteNonQuery();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new SqliteComplaintStore($"Data Source={file}").FindAsync(new ComplaintId("C-1")).AsTask());

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains($"up to version {SqliteComplaintStore.SchemaVersion}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=x.db;Mode=Memory")]
    [InlineData("Mode=ReadWriteCreate")]
    [InlineData("Nonsense Keyword=1")]
    public void Constructor_WithoutADatabaseFile_IsRefused(string connectionString)
    {
        var error = Assert.Throws<ArgumentException>(() => new SqliteComplaintStore(connectionString));

        Assert.Equal("connectionString", error.ParamName);
    }
}
