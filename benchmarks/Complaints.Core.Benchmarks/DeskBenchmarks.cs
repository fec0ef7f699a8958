using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Complaints.Core.Calendars;
using Complaints.Core.Deadlines;
using Complaints.Core.Desk;
using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Policies;
using Complaints.Core.Sla;
using Complaints.Core.Sqlite;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Complaints.Core.Benchmarks;

/// <summary>
/// Commands through the desk, and where their time goes. 5,000 open complaints (received, acknowledged and assessed
/// over ten days, each stored as canonical JSON); one command per complaint per invocation: an agent's public reply
/// (<c>RecordCommunication</c>). <b>All figures are per command</b> (OperationsPerInvoke); each iteration starts from
/// the same stored complaints.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>Verb</c> (baseline): the verb alone, on complaints already in memory.</item>
/// <item><c>Verb_Json</c>: the naive way to keep a complaint: read its JSON, run the verb, write its JSON.</item>
/// <item><c>Verb_Json_Engines</c>: as <c>Verb_Json</c>, plus what the desk asks of the engines: the SLA engine's next change and the policies' decision.</item>
/// <item><c>Desk_InMemory</c>: the whole command through <see cref="ComplaintDesk"/> on the <see cref="InMemoryComplaintStore"/>: the command id looked up, the complaint loaded, the verb, the engines, the notifications, the versioned save with the command record, the send.</item>
/// <item><c>Desk_Sqlite</c>: the same on a <see cref="SqliteComplaintStore"/> over a database file (WAL), copied afresh from a template before each iteration.</item>
/// </list>
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 8, invocationCount: 1)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes of the files in [GlobalCleanup]; benchmark classes cannot be sealed.")]
public class DeskBenchmarks
{
    internal const int Complaints = 5_000;
    internal static readonly Instant Now = Instant.FromUtc(2026, 12, 4, 12, 0);

    private ComplaintLifecycle _lifecycle = null!;
    private SlaEngine _sla = null!;
    private PolicyRuleSet _policies = null!;
    private ComplaintRecord[] _records = null!;
    private ComplaintId[] _ids = null!;
    private Complaint[] _loaded = null!;
    private string[] _json = null!;
    private InMemoryComplaintStore _store = null!;
    private ComplaintDesk _desk = null!;
    private ComplaintDesk _sqliteDesk = null!;
    private SqliteFiles _files = null!;
    private SettableClock _clock = null!;
    private int _round;

    /// <summary>Builds the complaints through a desk once, keeping their stored records.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_lifecycle, _sla, _policies) = Engines();
        var store = new InMemoryComplaintStore();
        _clock = new SettableClock();
        var desk = new ComplaintDesk(store, new RecordingNotificationSink(), _lifecycle, _clock, _sla, _policies);
        _ids = new ComplaintId[Complaints];
        for (var i = 0; i < Complaints; i++)
        {
            _ids[i] = new ComplaintId($"C-{i:D6}");
            Submit(desk, _clock, _ids[i], i, acknowledged: true).GetAwaiter().GetResult();
        }

        _records = [.. _ids.Select(id => store.FindAsync(id).AsTask().GetAwaiter().GetResult()!)];
        _files = new SqliteFiles("desk", _records);
    }

    /// <summary>Deletes the database files.</summary>
    [GlobalCleanup]
    public void Cleanup() => _files?.Dispose();

    /// <summary>Starts each iteration from the same stored complaints, a new store, desk and clock, and the complaints in memory and as JSON.</summary>
    [IterationSetup]
    public void StartIteration()
    {
        _store = Load(_records);
        _clock = new SettableClock { Now = Now };
        _desk = new ComplaintDesk(_store, new RecordingNotificationSink(), _lifecycle, _clock, _sla, _policies);
        _sqliteDesk = new ComplaintDesk(_files.Fresh(), new RecordingNotificationSink(), _lifecycle, _clock, _sla, _policies);
        _json = [.. _records.Select(r => r.Json)];
        _loaded = [.. _json.Select(j => ComplaintJson.Deserialize(j, _lifecycle))];
        _round++;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Complaints)]
    public long Verb()
    {
        var sum = 0L;
        foreach (var complaint in _loaded)
        {
            sum += complaint.RecordCommunication(Agent, Now, CommunicationKind.PublicReply, Reply).Sequence;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Complaints)]
    public int Verb_Json()
    {
        var sum = 0;
        for (var i = 0; i < _json.Length; i++)
        {
            var complaint = ComplaintJson.Deserialize(_json[i], _lifecycle);
            complaint.RecordCommunication(Agent, Now, CommunicationKind.PublicReply, Reply);
            _json[i] = ComplaintJson.Serialize(complaint);
            sum += _json[i].Length;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Complaints)]
    public int Verb_Json_Engines()
    {
        var sum = 0;
        for (var i = 0; i < _json.Length; i++)
        {
            var complaint = ComplaintJson.Deserialize(_json[i], _lifecycle);
            complaint.RecordCommunication(Agent, Now, CommunicationKind.PublicReply, Reply);
            var snapshot = complaint.Snapshot;
            sum += _sla.NextChangeAt(snapshot, Now) is null ? 0 : 1;
            sum += _policies.Evaluate(snapshot, Now).Actions.Count;
            _json[i] = ComplaintJson.Serialize(complaint);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Complaints)]
    public async Task<long> Desk_InMemory()
    {
        var sum = 0L;
        for (var i = 0; i < _ids.Length; i++)
        {
            var result = await _desk.RecordCommunicationAsync(new CommandId($"r{_round}-{i}"), _ids[i], Agent, CommunicationKind.PublicReply, Reply).ConfigureAwait(false);
            sum += result.Version;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Complaints)]
    public async Task<long> Desk_Sqlite()
    {
        var sum = 0L;
        for (var i = 0; i < _ids.Length; i++)
        {
            var result = await _sqliteDesk.RecordCommunicationAsync(new CommandId($"q{_round}-{i}"), _ids[i], Agent, CommunicationKind.PublicReply, Reply).ConfigureAwait(false);
            sum += result.Version;
        }

        return sum;
    }

    internal static readonly Actor Agent = Actor.Staff("anna");
    private const string Reply = "We have asked the warehouse and will write again tomorrow.";

    /// <summary>The lifecycle, an SLA engine (acknowledge within 24 hours, resolve within 15 business days in London) and three rules with a routing table.</summary>
    internal static (ComplaintLifecycle Lifecycle, SlaEngine Sla, PolicyRuleSet Policies) Engines()
    {
        var lifecycle = new ComplaintLifecycle(new LifecycleOptions());
        var london = BusinessCalendar.CreateBuilder("Europe/London")
            .AddWeekdayHours(new LocalTime(9, 0), new LocalTime(17, 0))
            .AddHolidays(UkBankHolidays.EnglandAndWales)
            .Covering(2025, 2028)
            .Build();
        var sla = new SlaEngine(
        [
            SlaPolicy.CreateBuilder("service")
                .AddTarget("acknowledge", SlaTargetKind.Acknowledge, DeadlinePresets.Acknowledge24Hours, BusinessCalendar.AlwaysOpen("Europe/London", 2025, 2028), t => t.WarnAt(0.75))
                .AddTarget("resolution", SlaTargetKind.Resolution, DeadlineRule.BusinessDays(15), london, t => t.PausedIn(ComplaintState.AwaitingCustomer))
                .Build(),
        ]);
        var policies = PolicyRuleSet.CreateBuilder(lifecycle, sla)
            .AddTeams("front desk", "payments")
            .RouteBy(RoutingTable.CreateBuilder("front desk").Add(Category.Parse("Payments"), "payments").Build())
            .AddRule("acknowledgement late", PolicyCondition.TargetBreached("acknowledge"), new RaiseLevelAction("Supervisor"), new NotifyAction("supervisor", "acknowledge-late"))
            .AddRule("critical", PolicyCondition.SeverityAtLeast(Severity.Critical), new RaiseLevelAction("Manager"))
            .AddRule("resolution breached", PolicyCondition.TargetBreached("resolution"), new RaiseLevelAction("Manager"))
            .Build();
        return (lifecycle, sla, policies);
    }

    /// <summary>Submits complaint <paramref name="i"/> (received within the ten days before <see cref="Now"/>), and acknowledges and assesses it unless told not to.</summary>
    internal static async Task Submit(ComplaintDesk desk, SettableClock clock, ComplaintId id, int i, bool acknowledged, Duration? ago = null)
    {
        var received = Now - (ago ?? Duration.FromMinutes(30 + (i * 7919 % (10 * 24 * 60))));
        clock.Now = received;
        var intake = new ComplaintIntake(
            FeedbackKind.Complaint, Channel.Email, new CustomerRef($"cust-{i % 3_000}"), Category.Parse(i % 5 == 0 ? "Payments/Refunds" : "Orders/Delivery"),
            "The parcel has not arrived.", received);
        await desk.SubmitAsync(new CommandId($"s-{id}"), id, intake).ConfigureAwait(false);
        if (acknowledged)
        {
            clock.Now = received + Duration.FromMinutes(20);
            await desk.AcknowledgeAsync(new CommandId($"a-{id}"), id, Agent).ConfigureAwait(false);
            clock.Now = received + Duration.FromMinutes(25);
            await desk.AssessAsync(new CommandId($"e-{id}"), id, Agent, Severity.Medium, Priority.Normal).ConfigureAwait(false);
        }
    }

    /// <summary>A new in-memory store holding the records.</summary>
    internal static InMemoryComplaintStore Load(IEnumerable<ComplaintRecord> records)
    {
        var store = new InMemoryComplaintStore();
        foreach (var record in records)
        {
            store.SaveAsync(new ComplaintSave(record, null, null, [])).AsTask().GetAwaiter().GetResult();
        }

        return store;
    }
}

/// <summary>
/// The sweep a host schedules: 100,000 open complaints in the in-memory store, of which 1 % (1,000, never acknowledged)
/// have their acknowledge target breached and are due; the rest are acknowledged and their next change is days away.
/// One <see cref="ComplaintDesk.SweepAsync"/> per iteration, from the same stored complaints each time: it pages
/// through the due ones, raises each to Supervisor by a rule, notifies the breach and saves it with its next change.
/// Figures are per sweep.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes of the files in [GlobalCleanup]; benchmark classes cannot be sealed.")]
public class DeskSweepBenchmarks
{
    private const int Open = 100_000;
    private const int Due = Open / 100;

    private ComplaintLifecycle _lifecycle = null!;
    private SlaEngine _sla = null!;
    private PolicyRuleSet _policies = null!;
    private ComplaintRecord[] _records = null!;
    private ComplaintDesk _desk = null!;
    private ComplaintDesk _sqliteDesk = null!;
    private SqliteFiles _files = null!;

    /// <summary>Builds the complaints through a desk once, keeping their stored records; checks that 1 % are due.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_lifecycle, _sla, _policies) = DeskBenchmarks.Engines();
        var store = new InMemoryComplaintStore();
        var clock = new SettableClock();
        var desk = new ComplaintDesk(store, new RecordingNotificationSink(), _lifecycle, clock, _sla, _policies);
        var ids = new ComplaintId[Open];
        for (var i = 0; i < Open; i++)
        {
            ids[i] = new ComplaintId($"S-{i:D6}");

            // Every 100th complaint was received a day or two ago and never acknowledged: its acknowledge target went at
            // risk after 18 hours, so it is due now; the others are acknowledged and not due for days.
            var late = i % 100 == 0;
            DeskBenchmarks.Submit(desk, clock, ids[i], i, acknowledged: !late, late ? Duration.FromHours(20 + (i % 24)) : null).GetAwaiter().GetResult();
        }

        _records = [.. ids.Select(id => store.FindAsync(id).AsTask().GetAwaiter().GetResult()!)];
        var due = _records.Count(r => r.NextChangeAt <= DeskBenchmarks.Now);
        if (due != Due)
        {
            throw new InvalidOperationException($"{due} complaints are due, expected {Due}.");
        }

        _files = new SqliteFiles("sweep", _records);
    }

    /// <summary>Deletes the database files.</summary>
    [GlobalCleanup]
    public void Cleanup() => _files?.Dispose();

    /// <summary>Starts each iteration from the same stored complaints.</summary>
    [IterationSetup]
    public void StartIteration()
    {
        _desk = new ComplaintDesk(DeskBenchmarks.Load(_records), new RecordingNotificationSink(), _lifecycle, new SettableClock { Now = DeskBenchmarks.Now }, _sla, _policies);
        _sqliteDesk = new ComplaintDesk(_files.Fresh(), new RecordingNotificationSink(), _lifecycle, new SettableClock { Now = DeskBenchmarks.Now }, _sla, _policies);
    }

    [Benchmark(Baseline = true)]
    public Task<int> Sweep_InMemory() => Sweep(_desk);

    [Benchmark]
    public Task<int> Sweep_Sqlite() => Sweep(_sqliteDesk);

    private static async Task<int> Sweep(ComplaintDesk desk)
    {
        var result = await desk.SweepAsync().ConfigureAwait(false);
        return result.Saved == Due && result.Failures.Count == 0
            ? result.Saved
            : throw new InvalidOperationException($"The sweep saved {result.Saved} complaints and failed {result.Failures.Count}, expected {Due} and none.");
    }
}

/// <summary>
/// A SQLite database file holding the records, written once as a template (in one transaction), and a working copy made
/// afresh from it for each iteration; both deleted at the end.
/// </summary>
internal sealed class SqliteFiles : IDisposable
{
    private readonly string _template;
    private readonly string _work;

    public SqliteFiles(string name, IReadOnlyList<ComplaintRecord> records)
    {
        var folder = Path.Combine(Path.GetTempPath(), "complaints-benchmarks");
        Directory.CreateDirectory(folder);
        _template = Path.Combine(folder, $"{name}-template.db");
        _work = Path.Combine(folder, $"{name}.db");
        Delete(_template);

        // The store creates the schema; the records then go in through one transaction, as a bulk load would.
        var store = new SqliteComplaintStore($"Data Source={_template}");
        _ = store.FindAsync(records[0].Id).AsTask().GetAwaiter().GetResult();
        using (var connection = new SqliteConnection($"Data Source={_template}"))
        {
            connection.Open();
            using var transaction = connection.BeginTransaction();
            foreach (var record in records)
            {
                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO complaints (id, version, json, customer, received_at, next_change_at, is_open) VALUES ($id, $version, $json, $customer, $received, $next, $open)";
                insert.Parameters.AddWithValue("$id", record.Id.Value);
                insert.Parameters.AddWithValue("$version", record.Version);
                insert.Parameters.AddWithValue("$json", record.Json);
                insert.Parameters.AddWithValue("$customer", record.CustomerId);
                insert.Parameters.AddWithValue("$received", Nanoseconds(record.ReceivedAt));
                insert.Parameters.AddWithValue("$next", record.NextChangeAt is { } next ? Nanoseconds(next) : DBNull.Value);
                insert.Parameters.AddWithValue("$open", record.IsOpen ? 1 : 0);
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        SqliteConnection.ClearAllPools();
        var loaded = new SqliteComplaintStore($"Data Source={_template}").FindAsync(records[^1].Id).AsTask().GetAwaiter().GetResult();
        if (loaded != records[^1])
        {
            throw new InvalidOperationException("The template database does not give back the records it was loaded with.");
        }

        SqliteConnection.ClearAllPools();
    }

    /// <summary>A store over a fresh copy of the template.</summary>
    public SqliteComplaintStore Fresh()
    {
        SqliteConnection.ClearAllPools();
        Delete(_work);
        File.Copy(_template, _work);
        return new SqliteComplaintStore($"Data Source={_work}");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Delete(_template);
        Delete(_work);
    }

    /// <summary>As the store keeps instants: nanoseconds since the Unix epoch.</summary>
    private static long Nanoseconds(Instant instant) => (instant - Instant.FromUnixTimeTicks(0)).ToInt64Nanoseconds();

    private static void Delete(string file)
    {
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }
}

/// <summary>A clock the benchmarks set.</summary>
internal sealed class SettableClock : IClock
{
    public Instant Now { get; set; } = DeskBenchmarks.Now;

    public Instant GetCurrentInstant() => Now;
}
