using System.Reflection;
using System.Text.Json.Serialization;
using Complaints.Core.Desk;
using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace Complaints.Core.Testing;

/// <summary>
/// The conformance tests every <see cref="IComplaintStore"/> must pass, whatever keeps the data. An adapter author
/// derives a test class from this one in an xunit test project and overrides <see cref="CreateStore"/>; the tests
/// declared here then run against that store.
/// </summary>
/// <remarks>
/// <para>
/// The tests pin the store's contract: every field of a record comes back as saved, and a real complaint's canonical
/// JSON byte for byte; a save expecting another version, or carrying a command recorded already, is refused with a
/// <see cref="ComplaintConcurrencyException"/> and changes nothing; notifications are numbered in save order and
/// offered until marked sent; due pages list open complaints with a next change, in order, without gaps or repeats
/// even while other complaints are saved between pages; sixteen concurrent writers on one complaint lose no update;
/// and a save is all or nothing: if <see cref="IComplaintStore.SaveAsync"/> throws, for any reason, the store
/// afterwards holds either the whole save or none of it (the kit checks this with a cancelled token, which must throw
/// <see cref="OperationCanceledException"/> and save nothing). A property test (FsCheck) checks random saves and due
/// pages against a model.
/// </para>
/// <para>
/// xunit makes a new instance of the derived class for each test, and <see cref="CreateStore"/> is called at least
/// once per test (once per case in the property test). A store that needs cleaning up (a database file, a schema)
/// can be tracked by the derived class and removed in its <see cref="IDisposable.Dispose"/>, which xunit calls after
/// each test.
/// </para>
/// </remarks>
public abstract class ComplaintStoreConformanceTests
{
    private static readonly Instant Base = Instant.FromUtc(2026, 3, 2, 9, 0);

    /// <summary>Makes a new, empty store for one test.</summary>
    /// <returns>The store; it must hold no complaints, commands or notifications.</returns>
    protected abstract IComplaintStore CreateStore();

    /// <summary>Waits for a store call, for a property (which FsCheck runs synchronously).</summary>
    private static T Wait<T>(ValueTask<T> call) => call.AsTask().GetAwaiter().GetResult();

    private static ComplaintRecord Record(string id, long version, string customer = "cust-1", int receivedMinutes = 0, int? dueMinutes = 60, bool open = true) =>
        new(new ComplaintId(id), version, $$"""{"id":"{{id}}","version":{{version}}}""", customer, Base + Duration.FromMinutes(receivedMinutes),
            dueMinutes is { } due ? Base + Duration.FromMinutes(receivedMinutes + due) : null, open);

    private static ComplaintNotification Note(string id, string topic) =>
        new(NotificationKind.Policy, new ComplaintId(id), "supervisor", topic, Base);

    private static ComplaintSave New(ComplaintRecord record, string? command = null, params ComplaintNotification[] notifications) =>
        new(record, null, command is null ? null : new CommandRecord(new CommandId(command), record.Id, record.Version), notifications);

    private static ComplaintSave Next(ComplaintRecord record, long expected, string? command = null, params ComplaintNotification[] notifications) =>
        new(record, expected, command is null ? null : new CommandRecord(new CommandId(command), record.Id, record.Version), notifications);

    /// <summary>A saved record comes back with every field as saved, and its command with it; unknown ids give nothing.</summary>
    /// <returns>A task that completes when the test has run.</returns>
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

    /// <summary>A save expecting another version than the stored one (a writer that loaded an older version, a new complaint whose id is taken, an update of a complaint never stored) is refused with the versions named, and nothing of it is kept.</summary>
    /// <returns>A task that completes when the test has run.</returns>
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

    /// <summary>A save that keeps the version and changes only the columns (as a sweep saves a new next change) is accepted when it expects the stored version and refused when it expects another.</summary>
    /// <returns>A task that completes when the test has run.</returns>
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

    /// <summary>A save carrying a command id recorded already is refused, naming the command, and nothing of it is kept.</summary>
    /// <returns>A task that completes when the test has run.</returns>
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

    /// <summary>Notifications are numbered in the order they are saved and offered, oldest first, until marked sent; marking an unknown number is ignored.</summary>
    /// <returns>A task that completes when the test has run.</returns>
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

    /// <summary>A customer's complaints received from an instant on are given oldest first.</summary>
    /// <returns>A task that completes when the test has run.</returns>
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

    /// <summary>The paged queries refuse a page size out of range, naming the parameter.</summary>
    /// <param name="size">The page size asked for.</param>
    /// <returns>A task that completes when the test has run.</returns>
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

    /// <summary>Sixteen writers raise one complaint's version at once, each loading it, adding one and saving, again on a conflict: every accepted save is kept, none is lost or doubled.</summary>
    /// <returns>A task that completes when the test has run.</returns>
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

    /// <summary>
    /// Real complaints' canonical JSON, whose histories together hold every type of history entry (one closed,
    /// reopened and still open; one referred; one rejected), comes back byte for byte, and
    /// <see cref="ComplaintJson.Deserialize"/> restores the same complaints from what the store gives back.
    /// </summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Save_ThenFind_GivesBackARealComplaintsJson_ByteForByte()
    {
        var store = CreateStore();
        var lifecycle = new ComplaintLifecycle();
        var complaints = SampleComplaints.All(lifecycle);
        var everyType = typeof(HistoryData).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType).ToHashSet();
        Assert.Subset(complaints.SelectMany(c => c.History).Select(e => e.Data.GetType()).ToHashSet(), everyType);

        foreach (var complaint in complaints)
        {
            var json = ComplaintJson.Serialize(complaint);
            var intake = complaint.Intake;
            var record = new ComplaintRecord(complaint.Id, complaint.History.Count, json, intake.Customer.Id, intake.ReceivedAt,
                complaint.IsTerminal ? null : complaint.LastActivityAt + Duration.FromDays(1), !complaint.IsTerminal);
            await store.SaveAsync(New(record, $"save-{complaint.Id}"));

            var found = await store.FindAsync(complaint.Id);

            Assert.Equal(record, found);
            Assert.Equal(json, found!.Json, StringComparer.Ordinal);
            var restored = ComplaintJson.Deserialize(found.Json, lifecycle);
            Assert.Equal(complaint.Intake, restored.Intake);
            Assert.Equal(complaint.History, restored.History);
            Assert.Equal(complaint.State, restored.State);
        }
    }

    /// <summary>
    /// Due pages read while other complaints are saved between them (next changes moved earlier and later, complaints
    /// closed, new complaints added) never go back: the records come in strictly increasing order of next change and
    /// id, each open and due when read, and every complaint not touched while paging comes exactly once.
    /// </summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task FindDue_PagedWhileComplaintsAreSaved_GivesEveryUntouchedComplaintOnce_InOrder()
    {
        var store = CreateStore();
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < 40; i++)
        {
            // Two complaints at each instant, so the id decides between them.
            var id = $"P-{i}";
            await store.SaveAsync(New(Record(id, 0, dueMinutes: 10 + (i % 20))));
            versions[id] = 0;
        }

        var dueBy = Base + Duration.FromMinutes(60);
        var random = new Random(17);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var paged = new List<ComplaintRecord>();
        DueCursor? after = null;
        var pages = 0;
        do
        {
            var page = await store.FindDueAsync(dueBy, after, 3);
            paged.AddRange(page.Records);
            after = page.Next;
            pages++;

            // Between pages: move one complaint's next change, close another, add a new one.
            var moved = $"P-{random.Next(40)}";
            await store.SaveAsync(Next(Record(moved, versions[moved] + 1, dueMinutes: random.Next(0, 50)), versions[moved]));
            versions[moved]++;
            var closed = $"P-{random.Next(40)}";
            await store.SaveAsync(Next(Record(closed, versions[closed] + 1, open: false), versions[closed]));
            versions[closed]++;
            await store.SaveAsync(New(Record($"N-{pages}", 0, dueMinutes: random.Next(0, 50))));
            touched.UnionWith([moved, closed]);
        }
        while (after is not null && pages < 1_000);

        Assert.All(paged, r => Assert.True(r.IsOpen && r.NextChangeAt <= dueBy, $"{r.Id} is closed or not due"));
        for (var i = 1; i < paged.Count; i++)
        {
            var (previous, current) = (paged[i - 1], paged[i]);
            var order = previous.NextChangeAt!.Value.CompareTo(current.NextChangeAt!.Value) is var at and not 0 ? at : string.CompareOrdinal(previous.Id.Value, current.Id.Value);
            Assert.True(order < 0, $"{current.Id} at {current.NextChangeAt} came after {previous.Id} at {previous.NextChangeAt}");
        }

        var untouched = versions.Keys.Where(id => !touched.Contains(id)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(untouched);
        Assert.Equal(untouched, paged.Select(r => r.Id.Value).Where(untouched.Contains).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The due query leaves out closed complaints and open ones with no next change, also after an update closes or
    /// reopens a complaint; the customer query still gives them all.
    /// </summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task FindDue_LeavesOutClosedComplaints_AndThoseWithNoNextChange()
    {
        var store = CreateStore();
        await store.SaveAsync(New(Record("D-open", 0, dueMinutes: 10)));
        await store.SaveAsync(New(Record("D-none", 0, dueMinutes: null)));
        await store.SaveAsync(New(Record("D-closed", 0, dueMinutes: 5, open: false)));
        await store.SaveAsync(New(Record("D-closing", 0, dueMinutes: 15)));
        await store.SaveAsync(Next(Record("D-closing", 1, dueMinutes: 15, open: false), 0));
        await store.SaveAsync(New(Record("D-reopened", 0, dueMinutes: 20, open: false)));
        await store.SaveAsync(Next(Record("D-reopened", 1, dueMinutes: 20), 0));
        await store.SaveAsync(New(Record("D-stopped", 0, dueMinutes: 25)));
        await store.SaveAsync(Next(Record("D-stopped", 1, dueMinutes: null), 0));
        await store.SaveAsync(New(Record("D-later", 0, dueMinutes: 120)));

        var due = await store.FindDueAsync(Base + Duration.FromMinutes(60), null, 100);

        Assert.Equal(["D-open", "D-reopened"], due.Records.Select(r => r.Id.Value));
        Assert.Null(due.Next);
        Assert.Equal(7, (await store.FindByCustomerAsync("cust-1", Base)).Count);
    }

    /// <summary>
    /// A save that throws leaves the store with the whole save or none of it; a save with a cancelled token throws
    /// <see cref="OperationCanceledException"/> and keeps nothing: no record, no command, no notification.
    /// </summary>
    /// <returns>A task that completes when the test has run.</returns>
    [Fact]
    public async Task Save_WithACancelledToken_Throws_AndKeepsNothing()
    {
        var store = CreateStore();
        var first = Record("C-1", 0, dueMinutes: 30);
        await store.SaveAsync(New(first, "cmd-1"));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAsync(New(Record("C-2", 0), "cmd-2", Note("C-2", "new")), cancelled.Token).AsTask());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAsync(Next(Record("C-1", 1, dueMinutes: 5), 0, "cmd-3", Note("C-1", "update")), cancelled.Token).AsTask());

        Assert.Null(await store.FindAsync(new ComplaintId("C-2")));
        Assert.Equal(first, await store.FindAsync(first.Id));
        Assert.Null(await store.FindCommandAsync(new CommandId("cmd-2")));
        Assert.Null(await store.FindCommandAsync(new CommandId("cmd-3")));
        Assert.Empty(await store.FindPendingNotificationsAsync(10));
        Assert.Equal([first], (await store.FindDueAsync(Base + Duration.FromMinutes(60), null, 10)).Records);

        // The store still takes the save afterwards.
        await store.SaveAsync(Next(Record("C-1", 1, dueMinutes: 5), 0, "cmd-3", Note("C-1", "update")));
        Assert.Equal(1, (await store.FindAsync(first.Id))!.Version);
    }

    /// <summary>One step of a random walk over a store: a save of a complaint (new, or expecting some version) with a command.</summary>
    private sealed record StoreStep(int Complaint, int ExpectedDelta, int Command, int Due, bool Open);

    /// <summary>A random walk, the page size to read the due complaints with, and the instant (in steps of two minutes) they are due by.</summary>
    private sealed record StoreWalk(StoreStep[] Steps, int PageSize, int DueBy);

    private static Arbitrary<StoreWalk> Walks() =>
        (from steps in (from complaint in Gen.Choose(0, 11)
                        from delta in Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Choose(-2, 2)))
                        from command in Gen.Choose(0, 60)
                        from due in Gen.Frequency((4, Gen.Choose(0, 300)), (1, Gen.Constant(-1)))
                        from open in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
                        select new StoreStep(complaint, delta, command, due, open)).ArrayOf()
         from size in Gen.Choose(1, 4)
         from dueBy in Gen.Choose(0, 255)
         select new StoreWalk(steps, size, dueBy)).ToArbitrary();

    /// <summary>
    /// Random saves (new complaints, updates expecting the stored version or another, commands new or recorded) are
    /// accepted or refused as a dictionary of versions and a set of commands says, and then the due pages, of any
    /// size, list exactly the model's open complaints due by the instant, in order, once each.
    /// </summary>
    /// <returns>The property.</returns>
    [Property(MaxTest = 100)]
    public Property Saves_AndDuePages_AgreeWithAModel() => Prop.ForAll(Walks(), CheckWalk);

    private Property CheckWalk(StoreWalk walk)
    {
        var store = CreateStore();
        var versions = new Dictionary<string, long>();
        var records = new Dictionary<string, ComplaintRecord>();
        var commands = new HashSet<int>();
        var refused = 0;
        foreach (var step in walk.Steps)
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

        var until = Base + Duration.FromMinutes(walk.DueBy * 2);
        var expectedDue = records.Values.Where(r => r.IsOpen && r.NextChangeAt <= until).OrderBy(r => r.NextChangeAt).ThenBy(r => r.Id.Value, StringComparer.Ordinal).ToList();
        var paged = new List<ComplaintRecord>();
        DueCursor? after = null;
        var pages = 0;
        do
        {
            var page = Wait(store.FindDueAsync(until, after, walk.PageSize));
            Assert.True(page.Records.Count <= walk.PageSize);
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
