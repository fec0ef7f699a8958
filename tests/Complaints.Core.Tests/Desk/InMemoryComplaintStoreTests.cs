using Complaints.Core.Desk;
using Complaints.Core.Domain;
using Complaints.Core.Testing;
using NodaTime;

namespace Complaints.Core.Tests.Desk;

public sealed class InMemoryComplaintStoreTests : ComplaintStoreConformanceTests
{
    protected override IComplaintStore CreateStore() => new InMemoryComplaintStore();

    [Fact]
    public async Task Count_IsTheNumberOfComplaintsStored()
    {
        var store = new InMemoryComplaintStore();
        await store.SaveAsync(new ComplaintSave(StoreRecords.Record("C-1", 0), null, null, []));
        await store.SaveAsync(new ComplaintSave(StoreRecords.Record("C-1", 1), 0, null, []));

        Assert.Equal(1, store.Count);
    }
}

public sealed class ComplaintSaveTests
{
    [Fact]
    public void Constructor_WithARecordBelowTheExpectedVersion_IsRefused_NamingBoth()
    {
        var error = Assert.Throws<ArgumentException>(() => new ComplaintSave(StoreRecords.Record("C-1", 1), 2, null, []));

        Assert.Equal("expectedVersion", error.ParamName);
        Assert.Contains("the record's version (1) must be at least the expected version (2)", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>Records for a store's own tests, beyond the conformance kit's.</summary>
internal static class StoreRecords
{
    public static readonly Instant Base = Instant.FromUtc(2026, 3, 2, 9, 0);

    public static ComplaintRecord Record(string id, long version, int? dueMinutes = 60) =>
        new(new ComplaintId(id), version, $$"""{"id":"{{id}}","version":{{version}}}""", "cust-1", Base, dueMinutes is { } due ? Base + Duration.FromMinutes(due) : null, true);
}
