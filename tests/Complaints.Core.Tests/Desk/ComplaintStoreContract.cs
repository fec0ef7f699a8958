using Complaints.Core.Desk;
using Complaints.Core.Domain;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Complaints.Core.Tests.Desk;

/// <summary>
/// What every <see cref="IComplaintStore"/> must do, whatever keeps the data: a store's tests derive from this class
/// and say how to make an empty store.
/// </summary>
public abstract class ComplaintStoreContract
{
    protected static readonly Instant Base = Instant.FromUtc(2026, 3, 2, 9, 0);

    /// <summary>Waits for a store call, for a property (which FsCheck runs synchronously).</summary>
    protected static T Wait<T>(ValueTask<T> call) => call.AsTask().GetAwaiter().GetResult();

    /// <summary>Makes an empty store.</summary>
    protected abstract IComplaintStore CreateStore();

    protected static ComplaintRecord Record(string id, long version, string customer = "cust-1", int receivedMinutes = 0, int? dueMinutes = 60, bool open = true) =>
        new(new ComplaintId(id), version, $$"""{"id":"{{id}}","version":{{version}}}""", customer, Base + Duration.FromMinutes(receivedMinutes),
            dueMinutes is { } due ? Base + Duration.FromMinutes(receivedMinutes + due) : null, open);

    protected static ComplaintNotification Note(string id, string topic) =>
        new(NotificationKind.Policy, new ComplaintId(id), "supervisor", topic, Base);

    private static ComplaintSave New(ComplaintRecord record, string? command = null, params ComplaintNotification[] notifications) =>
        new(record, null, command is null ? null : new CommandRecord(new CommandId(command), record.Id, record.Version), notifications);

    private static ComplaintSave Next(ComplaintRecord record, long expected, string? command = null, params ComplaintNotification[] notifications) =>
        new(record, expected, command is null ? null : new CommandRecord(new CommandId(command), record.Id, record.Version), notifications);

    [Fact]
    public async Task Save_ThenFind_GivesBackEveryField()
    {
        var store = CreateStore();
        var record = Record("C-1", 0, customer: "cust-9", receivedMinutes: 7, dueMinutes: 90);

        await store.SaveAsync(New(record, "cmd-1"));
        var found = await store.FindAsync(record.Id);

        Assert.Equal(record, found);
        Assert.Equal(new CommandRecord(new CommandId("cmd-1"), record.Id, 0), await store.FindCommandAsync(new CommandId("cmd-1")));
        Assert.Null(await store.FindAsync(new ComplaintId("C-2")));
        Assert.Null(await store.FindCommandAsync(new CommandId("cmd-2")));
    }

    [Fact]
    public async Task Save_WithAnotherVersionExpected_IsRefused_AndChangesNothing()
    {
        var store = CreateStore();
        await store.SaveAsync(New(Record("C-1", 0), "cmd-1"));
        await store.SaveAsync(Next(Record("C-1", 2), 0, "cmd-2", Note("C-1", "first")));

        // A writer that loaded version 0 saves after the one that saved version 2.
        var error = await Assert.ThrowsAsync<ComplaintConcurrencyException>(() => store.SaveAsync(Next(Record("C-1", 1, dueMinutes: 5), 0, "cmd-3", Note("C-1", "lost"))).AsTask());
        Assert.Equal((0L, 2L), (error.ExpectedVersion, error.ActualVersion));
        Assert.Contains("Complaint C-1: expected version 0, but version 2 is stored", error.Message, StringComparison.Ordinal);

        // A new complaint whose id is taken.
        error = await Assert.ThrowsAsync<ComplaintConcurrencyException>(() => store.SaveAsync(New(Record("C-1", 0), "cmd-4")).AsTask());
        Assert.Equal((null, 2L), (error.ExpectedVersion, error.ActualVersion));

        // An update of a complaint never stored.
        error = await Assert.ThrowsAsync<ComplaintConcurrencyException>(() => store.SaveAsync(Next(Record("C-9", 1), 0)).AsTask());
        Assert.Contains("none is stored", error.Message, StringComparison.Ordinal);

        Assert.Equal(2, (await store.FindAsync(new ComplaintId("C-1")))!.Version);
        Assert.Null(await store.FindCommandAsync(new CommandId("cmd-3")));
        Assert.Null(await store.FindCommandAsync(new CommandId("cmd-4")));
        Assert.Equal(["first"], (await store.FindPendingNotificationsAsync(100)).Select(p => p.Notification.Topic));
        Assert.Empty((await store.FindDueAsync(Base + Duration.FromMinutes(30), null, 10)).Records);
    }

    // A sweep saves a complaint's new next change without a new history entry: the same version, the columns changed.
    [Fact]
    public async Task Save_AtTheSameVersion_IsAccepted_WithTheVersionExpected_AndRefusedWithAnother()
    {
        var store = CreateStore();
        await store.SaveAsync(New(Record("C-1", 0), "cmd-1"));
        await store.SaveAsync(Next(Record("C-1", 2, dueMinutes: 60), 0, "cmd-2"));

        await store.SaveAsync(Next(Record("C-1", 2, dueMinutes: 240), 2, null, Note("C-1", "breach")));
        var error = await Assert.ThrowsAsync<ComplaintConcurrencyException>(() => store.SaveAsync(Next(Record("C-1", 2, dueMinutes: 5), 1)).AsTask());

        Assert.Equal((1L, 2L), (error.ExpectedVersion, error.ActualVersion));
        Assert.Equal(Record("C-1", 2, dueMinutes: 240), await store.FindAsync(new ComplaintId("C-1")));
        Assert.Empty((await store.FindDueAsync(Base + Duration.FromMinutes(120), null, 10)).Records);
        Assert.Equal(["breach"], (await store.FindPendingNotificationsAsync(10)).Select(p => p.Notification.Topic));
    }

    [Fact]
    public void ComplaintSave_WithARecordBelowTheExpectedVersion_IsRefused_NamingBoth()
    {
        var error = Assert.Throws<ArgumentException>(() => new ComplaintSave(Record("C-1", 1), 2, null, []));

        Assert.Equal("expectedVersion", error.ParamName);
        Assert.Contains("the record's version (1) must be at least the expected version (2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_WithACommandRecordedAlready_IsRefused_AndChangesNothing()
    {
        var store = CreateStore();
        await store.SaveAsync(New(Record("C-1", 0), "cmd-1"));

        var error = await Assert.ThrowsAsync<ComplaintConcurrencyException>(() => store.SaveAsync(New(Record("C-2", 0), "cmd-1", Note("C-2", "x"))).AsTask());

        Assert.Equal(new CommandId("cmd-1"), error.CommandId);
        Assert.Contains("command cmd-1 was recorded already", error.Message, StringComparison.Ordinal);
        Assert.Null(await store.FindAsync(new ComplaintId("C-2")));
        Assert.Equal(new ComplaintId("C-1"), (await store.FindCommandAsync(new CommandId("cmd-1")))!.ComplaintId);
        Assert.Empty(await store.FindPendingNotificationsAsync(10));
    }

    [Fact]
    public async Task Notifications_AreNumberedInSaveOrder_AndOfferedUntilMarkedSent()
    {
        var store = CreateStore();
        var first = await store.SaveAsync(New(Record("C-1", 0), null, Note("C-1", "a"), Note("C-1", "b")));
        var second = await store.SaveAsync(New(Record("C-2", 0), null, Note("C-2", "c")));

        Assert.Equal(["a", "b", "c"], first.Concat(second).Select(p => p.Notification.Topic));
        Assert.True(first[0].Sequence < first[1].Sequence && first[1].Sequence < second[0].Sequence);
        Assert.Equal(first.Concat(second), await store.FindPendingNotificationsAsync(10));
        Assert.Equal(first.Take(1), await store.FindPendingNotificationsAsync(1));

        await store.MarkSentAsync([first[0].Sequence, first[1].Sequence, 999_999]);

        Assert.Equal(second, await store.FindPendingNotificationsAsync(10));
    }

    [Fact]
    public async Task FindByCustomer_GivesTheCustomersComplaintsFromAnInstant_OldestFirst()
    {
        var store = CreateStore();
        await store.SaveAsync(New(Record("C-3", 0, customer: "cust-1", receivedMinutes: 30)));
        await store.SaveAsync(New(Record("C-1", 0, customer: "cust-1", receivedMinutes: 10)));
        await store.SaveAsync(New(Record("C-2", 0, customer: "cust-2", receivedMinutes: 20)));
        await store.SaveAsync(New(Record("C-0", 0, customer: "cust-1", receivedMinutes: 0)));

        var found = await store.FindByCustomerAsync("cust-1", Base + Duration.FromMinutes(5));

        Assert.Equal(["C-1", "C-3"], found.Select(r => r.Id.Value));
        Assert.Empty(await store.FindByCustomerAsync("cust-9", Base));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ComplaintPage.MaxSize + 1)]
    public async Task Queries_RefuseAPageSizeOutOfRange(int size)
    {
        var store = CreateStore();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.FindDueAsync(Base, null, size).AsTask());
        Assert.Equal("pageSize", error.ParamName);
        error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.FindPendingNotificationsAsync(size).AsTask());
        Assert.Equal("max", error.ParamName);
    }

    // Sixteen writers raise one complaint's version, each loading it, adding one and saving, again on a conflict: every
    // accepted save is kept and none is lost or doubled.
    [Fact]
    public async Task ConcurrentWriters_OnOneComplaint_LoseNoUpdate()
    {
        var store = CreateStore();
        await store.SaveAsync(New(Record("C-1", 0)));
        var conflicts = 0;

        await Task.WhenAll(Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            while (true)
            {
                var stored = (await store.FindAsync(new ComplaintId("C-1")))!;
                try
                {
                    await store.SaveAsync(Next(Record("C-1", stored.Version + 1), stored.Version, $"w-{w}", Note("C-1", $"w-{w}")));
                    return;
                }
                catch (ComplaintConcurrencyException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        })));

        Assert.Equal(16, (await store.FindAsync(new ComplaintId("C-1")))!.Version);
        var versions = new List<long>();
        for (var w = 0; w < 16; w++)
        {
            versions.Add((await store.FindCommandAsync(new CommandId($"w-{w}")))!.Version);
        }

        Assert.Equal(Enumerable.Range(1, 16).Select(v => (long)v), versions.Order());
        Assert.Equal(16, (await store.FindPendingNotificationsAsync(100)).Count);
    }

    private static string Show(long? version) => version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";

    /// <summary>One step of a random walk over a store: a save of a complaint (new, or expecting some version) with a command.</summary>
    public sealed record StoreStep(int Complaint, int ExpectedDelta, int Command, int Due, bool Open);

    public static class StoreArbitraries
    {
        public static Arbitrary<StoreStep[]> Steps() =>
            (from complaint in Gen.Choose(0, 11)
             from delta in Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Choose(-2, 2)))
             from command in Gen.Choose(0, 60)
             from due in Gen.Frequency((4, Gen.Choose(0, 300)), (1, Gen.Constant(-1)))
             from open in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
             select new StoreStep(complaint, delta, command, due, open)).ArrayOf().ToArbitrary();
    }

    // Against a dictionary of versions and a set of commands: each save is accepted or refused as the model says, and
    // then the due pages, of any size, list exactly the model's open complaints due by the instant, in order, once each.
    [Property(Arbitrary = [typeof(StoreArbitraries)], MaxTest = 100)]
    public Property Saves_AndDuePages_AgreeWithAModel(StoreStep[] steps, PositiveInt size, byte dueBy)
    {
        var store = CreateStore();
        var versions = new Dictionary<string, long>();
        var records = new Dictionary<string, ComplaintRecord>();
        var commands = new HashSet<int>();
        var refused = 0;
        foreach (var step in steps)
        {
            var id = $"C-{step.Complaint}";
            long? stored = versions.TryGetValue(id, out var v) ? v : null;
            long? expected = stored is null ? (step.ExpectedDelta == 0 ? null : 0) : Math.Max(0, stored.Value + step.ExpectedDelta);
            var record = Record(id, (expected ?? -1) + 1, receivedMinutes: step.Complaint, dueMinutes: step.Due < 0 ? null : step.Due, open: step.Open);
            var accept = expected == stored && !commands.Contains(step.Command);
            var save = new ComplaintSave(record, expected, new CommandRecord(new CommandId($"cmd-{step.Command}"), record.Id, record.Version), []);
            try
            {
                Wait(store.SaveAsync(save));
                Assert.True(accept, $"{id}: saved expecting {Show(expected)} with {Show(stored)} stored");
                versions[id] = record.Version;
                records[id] = record;
                commands.Add(step.Command);
            }
            catch (ComplaintConcurrencyException)
            {
                Assert.False(accept, $"{id}: refused expecting {Show(expected)} with {Show(stored)} stored");
                refused++;
            }
        }

        var until = Base + Duration.FromMinutes(dueBy * 2);
        var expectedDue = records.Values.Where(r => r.IsOpen && r.NextChangeAt <= until).OrderBy(r => r.NextChangeAt).ThenBy(r => r.Id.Value, StringComparer.Ordinal).ToList();
        var paged = new List<ComplaintRecord>();
        DueCursor? after = null;
        var pages = 0;
        do
        {
            var page = Wait(store.FindDueAsync(until, after, 1 + (size.Get % 4)));
            Assert.True(page.Records.Count <= 1 + (size.Get % 4));
            paged.AddRange(page.Records);
            after = page.Next;
            pages++;
        }
        while (after is not null && pages < 100);

        Assert.Equal(expectedDue, paged);
        return true.ToProperty()
            .Classify(refused > 0, "some saves refused")
            .Classify(pages > 1, "several pages")
            .Collect(expectedDue.Count == 0 ? "none due" : "some due");
    }
}

public sealed class InMemoryComplaintStoreTests : ComplaintStoreContract
{
    protected override IComplaintStore CreateStore() => new InMemoryComplaintStore();

    [Fact]
    public void Count_IsTheNumberOfComplaintsStored()
    {
        var store = new InMemoryComplaintStore();
        Wait(store.SaveAsync(new ComplaintSave(Record("C-1", 0), null, null, [])));
        Wait(store.SaveAsync(new ComplaintSave(Record("C-1", 1), 0, null, [])));

        Assert.Equal(1, store.Count);
    }
}
