using BenchmarkDotNet.Attributes;
using Complaints.Core.Calendars;
using Complaints.Core.Deadlines;
using Complaints.Core.Domain;
using Complaints.Core.History;
using Complaints.Core.Lifecycle;
using Complaints.Core.Sla;
using NodaTime;

namespace Complaints.Core.Benchmarks;

/// <summary>
/// The status of every target of 1,000,000 open complaints at one instant, under three policies with five targets on a
/// London calendar (Monday to Friday 09:00–17:00, England and Wales bank holidays): customer (first response in 8
/// working hours; resolution in 5 business days, paused while waiting on the customer), internal (acknowledge within
/// 24 hours) and regulatory (summary resolution by close of business on day 3; final response in 15 business days).
/// Each complaint has 9 to 12 entries (acknowledgement, assessment, replies, questions and answers, a holding reply, a
/// proposal); a quarter end waiting on the customer. <b>All figures are per complaint</b> (OperationsPerInvoke).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>Replay</c>: <see cref="SlaEngine.StatesAt(ComplaintSnapshot, Instant, Span{SlaTargetState})"/> on each complaint's snapshot: the state of every target, from the history, into one buffer.</item>
/// <item><c>Replay_Batch</c>: the batch <see cref="SlaEngine.StatesAt(ReadOnlySpan{ComplaintSnapshot}, Instant, Span{SlaTargetState}, Span{int})"/>, a page of 1,024 complaints at a time into one buffer, as a host sweeping its complaints asks.</item>
/// <item><c>Replay_WithTimelines</c>: <see cref="SlaEngine.Evaluate"/> on each complaint's snapshot: the whole status with timelines.</item>
/// <item><c>Incremental</c>: <see cref="SlaClocks.StatesAt"/> on each complaint's stored clocks, into one buffer.</item>
/// <item><c>Incremental_Table</c>: the same clocks as rows of one <see cref="SlaClockTable"/>, every row's states in one pass.</item>
/// <item><c>NaiveDayStepping</c> (baseline): the naive way: for each target, read the history, and compute the deadline and
/// the pauses' working time by stepping the calendar one day at a time.</item>
/// <item><c>NextChange_*</c>: the next instant at which any status changes, from the history (one by one, and a page at a time) and from the clocks.</item>
/// </list>
/// The setup checks that the four ways give the same state for every target of every 97th complaint, and the same next
/// change, and that the batch gives what one by one gives for every complaint.
/// </remarks>
[MemoryDiagnoser]
public class SlaBenchmarks
{
    private const int Complaints = 1_000_000;
    private const int Page = 1_024;

    private static readonly LocalTime Open = new(9, 0);
    private static readonly LocalTime Close = new(17, 0);

    private readonly SlaTargetState[] _buffer = new SlaTargetState[8];
    private readonly int[] _pageCounts = new int[Page];
    private readonly Instant?[] _pageNext = new Instant?[Page];
    private SlaTargetState[] _page = null!;
    private BusinessCalendar _calendar = null!;
    private DayStepCalendar _naive = null!;
    private SlaEngine _engine = null!;
    private ComplaintSnapshot[] _snapshots = null!;
    private SlaClocks[] _clocks = null!;
    private SlaClockTable _table = null!;
    private SlaClockState[] _tableStates = null!;
    private Instant _now;

    /// <summary>Builds the complaints, their stored clocks, and checks that the three ways agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _calendar = BusinessCalendar.CreateBuilder("Europe/London")
            .AddWeekdayHours(Open, Close)
            .AddHolidays(UkBankHolidays.EnglandAndWales)
            .Covering(2025, 2028)
            .Build();
        _naive = new DayStepCalendar(_calendar, Open, Close);

        _engine = new SlaEngine(
        [
            SlaPolicy.CreateBuilder("customer")
                .AddTarget("first response", SlaTargetKind.FirstResponse, DeadlineRule.WorkingTime(Duration.FromHours(8)), _calendar)
                .AddTarget("resolution", SlaTargetKind.Resolution, DeadlineRule.BusinessDays(5), _calendar, t => t.PausedIn(ComplaintState.AwaitingCustomer))
                .Build(),
            SlaPolicy.CreateBuilder("internal")
                .AddTarget("acknowledge", SlaTargetKind.Acknowledge, DeadlineRule.ElapsedTime(Duration.FromHours(24)), _calendar)
                .Build(),
            SlaPolicy.CreateBuilder("regulatory")
                .AddTarget("summary resolution", SlaTargetKind.Resolution, DeadlineRule.BusinessDays(3), _calendar)
                .AddTarget("final response", SlaTargetKind.FinalResponse, DeadlineRule.BusinessDays(15), _calendar, t => t.MetBy(SlaEvent.Resolved, SlaEvent.Closed))
                .Build(),
        ]);

        var lifecycle = new ComplaintLifecycle(new LifecycleOptions());
        var random = new Random(20261203);
        var first = Instant.FromUtc(2026, 11, 25, 0, 0);
        _now = Instant.FromUtc(2026, 12, 8, 12, 0);
        _snapshots = new ComplaintSnapshot[Complaints];
        _clocks = new SlaClocks[Complaints];
        for (var i = 0; i < Complaints; i++)
        {
            var intake = new ComplaintIntake(
                FeedbackKind.Complaint, Channel.Email, new CustomerRef($"C{i % 50_000}"), Category.Parse("Orders/Delivery"),
                "The parcel never came.", first + Duration.FromMinutes(random.Next(0, 10 * 1_440)));
            var complaint = Complaint.Receive(new ComplaintId($"SLA-{i}"), intake, lifecycle);
            Walk(complaint, 12 - (i % 4), random);
            _snapshots[i] = complaint.Snapshot;
        }

        // Stored clocks are loaded apart from the complaints, as a host holds them: one after another.
        for (var i = 0; i < Complaints; i++)
        {
            _clocks[i] = _engine.Track(_snapshots[i]);
        }

        // The same clocks as rows of one table, read in one pass.
        _table = new SlaClockTable(_engine, Complaints);
        foreach (var clocks in _clocks)
        {
            _table.Add(clocks);
        }

        _tableStates = new SlaClockState[Complaints * _table.Width];
        _table.StatesAt(_now, _tableStates);

        _page = new SlaTargetState[Page * _engine.MaxTargetCount];
        CheckBatch();
        for (var i = 0; i < Complaints; i += 97)
        {
            var replay = _engine.Evaluate(_snapshots[i], _now).Policies.SelectMany(p => p.Targets).Select(t => t.State).ToArray();
            var written = _clocks[i].StatesAt(_now, _buffer);
            var incremental = _buffer[..written].Select(s => s.State).ToArray();
            written = _engine.StatesAt(_snapshots[i], _now, _buffer);
            var states = _buffer[..written].Select(s => s.State).ToArray();
            var next = _engine.Evaluate(_snapshots[i], _now).NextChangeAt;
            if (!replay.SequenceEqual(states) || next != _engine.NextChangeAt(_snapshots[i], _now) || next != _clocks[i].NextChangeAt(_now))
            {
                throw new InvalidOperationException($"Complaint {i}: the states or next change from the history differ between Evaluate, StatesAt and the clocks.");
            }

            var naive = new SlaClockState[5];
            Naive(_snapshots[i], naive);
            var table = _tableStates.AsSpan(i * _table.Width, written).ToArray();
            if (!replay.SequenceEqual(incremental) || !replay.SequenceEqual(naive) || !replay.SequenceEqual(table) || next != _table.NextChangeAt(i, _now))
            {
                throw new InvalidOperationException(
                    $"Complaint {i}: replay [{string.Join(", ", replay)}], incremental [{string.Join(", ", incremental)}], table [{string.Join(", ", table)}], naive [{string.Join(", ", naive)}].");
            }
        }
    }

    /// <summary>State of all targets, replaying each complaint's history, into one caller-supplied buffer.</summary>
    /// <returns>How many targets are breached, so the work is not optimised away.</returns>
    [Benchmark(OperationsPerInvoke = Complaints)]
    public int Replay()
    {
        var breached = 0;
        var buffer = _buffer.AsSpan();
        foreach (var snapshot in _snapshots)
        {
            var written = _engine.StatesAt(snapshot, _now, buffer);
            for (var t = 0; t < written; t++)
            {
                breached += buffer[t].State == SlaClockState.Breached ? 1 : 0;
            }
        }

        return breached;
    }

    /// <summary>State of all targets, replaying each complaint's history, a page of complaints at a time into one caller-supplied buffer.</summary>
    /// <returns>How many targets are breached.</returns>
    [Benchmark(OperationsPerInvoke = Complaints)]
    public int Replay_Batch()
    {
        var breached = 0;
        var width = _engine.MaxTargetCount;
        for (var from = 0; from < _snapshots.Length; from += Page)
        {
            var page = _snapshots.AsSpan(from, Math.Min(Page, _snapshots.Length - from));
            _engine.StatesAt(page, _now, _page, _pageCounts);
            for (var j = 0; j < page.Length; j++)
            {
                foreach (var state in _page.AsSpan(j * width, _pageCounts[j]))
                {
                    breached += state.State == SlaClockState.Breached ? 1 : 0;
                }
            }
        }

        return breached;
    }

    /// <summary>Full status of all targets (deadlines, working times, timelines), replaying each complaint's history.</summary>
    /// <returns>How many targets are breached.</returns>
    [Benchmark(OperationsPerInvoke = Complaints)]
    public int Replay_WithTimelines()
    {
        var breached = 0;
        foreach (var snapshot in _snapshots)
        {
            foreach (var policy in _engine.Evaluate(snapshot, _now).Policies)
            {
                foreach (var target in policy.Targets)
                {
                    breached += target.State == SlaClockState.Breached ? 1 : 0;
                }
            }
        }

        return breached;
    }

    /// <summary>State of all targets from the stored incremental clocks, into one caller-supplied buffer.</summary>
    /// <returns>How many targets are breached.</returns>
    [Benchmark(OperationsPerInvoke = Complaints)]
    public int Incremental()
    {
        var breached = 0;
        var buffer = _buffer.AsSpan();
        foreach (var clocks in _clocks)
        {
            var written = clocks.StatesAt(_now, buffer);
            for (var t = 0; t < written; t++)
            {
                breached += buffer[t].State == SlaClockState.Breached ? 1 : 0;
            }
        }

        return breached;
    }

    /// <summary>State of all targets from the same clocks kept as rows of one <see cref="SlaClockTable"/>, read in one pass.</summary>
    /// <returns>How many targets are breached.</returns>
    [Benchmark(OperationsPerInvoke = Complaints)]
    public int Incremental_Table()
    {
        _table.StatesAt(_now, _tableStates);
        var breached = 0;
        foreach (var state in _tableStates)
        {
            breached += state == SlaClockState.Breached ? 1 : 0;
        }

        return breached;
    }

    /// <summary>The naive way: every deadline recomputed by stepping the calendar day by day.</summary>
    /// <returns>How many targets are breached.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Complaints)]
    public int NaiveDayStepping()
    {
        var breached = 0;
        Span<SlaClockState> states = stackalloc SlaClockState[5];
        foreach (var snapshot in _snapshots)
        {
            Naive(snapshot, states);
            foreach (var state in states)
            {
                breached += state == SlaClockState.Breached ? 1 : 0;
            }
        }

        return breached;
    }

    /// <summary>The next change of every complaint, from its history.</summary>
    /// <returns>How many complaints change by time alone.</returns>
    [Benchmark(OperationsPerInvoke = Complaints)]
    public int NextChange_Replay()
    {
        var changing = 0;
        foreach (var snapshot in _snapshots)
        {
            changing += _engine.NextChangeAt(snapshot, _now) is null ? 0 : 1;
        }

        return changing;
    }

    /// <summary>The next change of every complaint, from its history, a page of complaints at a time.</summary>
    /// <returns>How many complaints change by time alone.</returns>
    [Benchmark(OperationsPerInvoke = Complaints)]
    public int NextChange_Replay_Batch()
    {
        var changing = 0;
        for (var from = 0; from < _snapshots.Length; from += Page)
        {
            var page = _snapshots.AsSpan(from, Math.Min(Page, _snapshots.Length - from));
            _engine.NextChangeAt(page, _now, _pageNext);
            foreach (var next in _pageNext.AsSpan(0, page.Length))
            {
                changing += next is null ? 0 : 1;
            }
        }

        return changing;
    }

    /// <summary>The next change of every complaint, from its stored clocks.</summary>
    /// <returns>How many complaints change by time alone.</returns>
    [Benchmark(OperationsPerInvoke = Complaints)]
    public int NextChange_Incremental()
    {
        var changing = 0;
        foreach (var clocks in _clocks)
        {
            changing += clocks.NextChangeAt(_now) is null ? 0 : 1;
        }

        return changing;
    }

    /// <summary>Checks that the batch replay gives, for every complaint, the states and next change of the replay one by one.</summary>
    private void CheckBatch()
    {
        var width = _engine.MaxTargetCount;
        for (var from = 0; from < _snapshots.Length; from += Page)
        {
            var page = _snapshots.AsSpan(from, Math.Min(Page, _snapshots.Length - from));
            _engine.StatesAt(page, _now, _page, _pageCounts);
            _engine.NextChangeAt(page, _now, _pageNext);
            for (var j = 0; j < page.Length; j++)
            {
                var written = _engine.StatesAt(page[j], _now, _buffer);
                if (written != _pageCounts[j] || !_buffer.AsSpan(0, written).SequenceEqual(_page.AsSpan(j * width, written)) || _pageNext[j] != _engine.NextChangeAt(page[j], _now))
                {
                    throw new InvalidOperationException($"Complaint {from + j}: the batch replay differs from the replay one by one.");
                }
            }
        }
    }

    private static void Walk(Complaint c, int entries, Random random)
    {
        var agent = Actor.Staff("agent");
        var customer = Actor.Customer("customer");
        var at = c.Snapshot.Intake.ReceivedAt;
        Instant Next() => at += Duration.FromMinutes(random.Next(5, 300));
        Action[] steps =
        [
            () => c.Acknowledge(agent, Next(), "Thank you, we are on it."),
            () => c.Assess(agent, Next(), Severity.Medium, Priority.Normal),
            () => c.StartInvestigation(agent, Next()),
            () => c.RecordCommunication(agent, Next(), History.CommunicationKind.PublicReply, "We are looking into it."),
            () => c.RequestInformation(agent, Next(), ["Order number?"]),
            () => c.ProvideInformation(customer, Next(), "A-1"),
            () => c.RecordCommunication(customer, Next(), History.CommunicationKind.CustomerMessage, "Any news?"),
            () => c.RecordCommunication(agent, Next(), History.CommunicationKind.InternalNote, "Courier asked."),
            () => c.RecordCommunication(agent, Next(), History.CommunicationKind.HoldingReply, "We need a little longer."),
            () => c.RequestInformation(agent, Next(), ["Delivery address?"]),
            () => c.ProvideInformation(customer, Next(), "1 High Street"),
            () => c.ProposeResolution(agent, Next(), [new Remedy(RemedyType.Apology)]),
        ];
        for (var i = 0; i < entries; i++)
        {
            steps[i]();
        }
    }

    // The naive way, for these five targets: read the start, the meeting and the waits on the customer from the
    // history; count deadlines and paused working time by stepping one day at a time.
    private void Naive(ComplaintSnapshot complaint, Span<SlaClockState> states)
    {
        var received = complaint.Intake.ReceivedAt;
        Instant? firstResponse = null, resolved = null, acknowledged = null;
        var waits = new List<(Instant From, Instant To)>();
        Instant? waitingSince = null;
        foreach (var entry in complaint.History)
        {
            if (waitingSince is { } since && entry.At > since)
            {
                waits.Add((since, entry.At));
            }

            waitingSince = entry.To == ComplaintState.AwaitingCustomer ? entry.At : null;
            var responds = entry.Data is Acknowledgement or InformationRequest or ResolutionProposal
                || (entry.Data is Communication m && m.Kind is History.CommunicationKind.PublicReply or History.CommunicationKind.HoldingReply)
                || (entry.IsStateChange && entry.To is ComplaintState.Resolved or ComplaintState.Closed);
            firstResponse ??= responds ? entry.At : null;
            acknowledged ??= entry.Data is Acknowledgement ? entry.At : null;
            resolved ??= entry.IsStateChange && entry.To == ComplaintState.Resolved ? entry.At : null;
        }

        // Resolution: each wait that begins before the deadline moves it by its working time; a wait in progress keeps it paused.
        var deadline = _naive.AddBusinessDays(received, 5);
        foreach (var (from, to) in waits)
        {
            deadline = from < deadline ? _naive.AddWorkingTime(deadline, _naive.WorkingTimeBetween(from, to)) : deadline;
        }

        var paused = waitingSince is { } open && open < deadline;
        states[0] = Status(firstResponse, _naive.AddWorkingTime(received, Duration.FromHours(8)), false);
        states[1] = waitingSince is not null && !paused && _now <= deadline ? SlaClockState.Paused : Status(resolved, deadline, paused);
        states[2] = Status(acknowledged, received + Duration.FromHours(24), false);
        states[3] = Status(resolved, _naive.AddBusinessDays(received, 3), false);
        states[4] = Status(resolved, _naive.AddBusinessDays(received, 15), false);
    }

    private SlaClockState Status(Instant? met, Instant deadline, bool paused) =>
        met is { } m ? (m <= deadline ? SlaClockState.Met : SlaClockState.Breached)
        : paused ? SlaClockState.Paused
        : _now > deadline ? SlaClockState.Breached
        : SlaClockState.Running;
}
