using System.Runtime.InteropServices;
using Complaints.Core.Domain;
using Complaints.Core.Deadlines;
using NodaTime;

namespace Complaints.Core.Metrics;

/// <summary>
/// Gathers metrics over complaints fed one at a time or in batches, for one period; read a report at any point.
/// Accumulators of the same calculator and period merge: the merged accumulator reports exactly what one
/// accumulator fed with both sets would. Not thread-safe: give each thread (or shard) its own and merge them.
/// </summary>
/// <remarks>
/// <para>
/// Memory grows with the number of groups (categories, teams, segments, customers, days, SLA targets) plus, with
/// <see cref="PercentileMode.Exact"/>, eight bytes per response and resolution time kept.
/// </para>
/// <para>
/// Every call checks and computes first and changes the accumulator last, so a refused call leaves it exactly as it
/// was. The limits: at most <see cref="MaxCount"/> complaints and <see cref="MaxCount"/> remedies; a total cost of
/// at most <see cref="MaxTotalCost"/>; at most <see cref="MaxHandlingTime"/> of staff time in total; spans (response
/// and resolution times, backlog ages, the reach of the trend) of at most <see cref="MaxSpan"/>; and, with
/// <see cref="PercentileMode.Exact"/>, at most <see cref="Array.MaxLength"/> response times and as many resolution
/// times.
/// </para>
/// </remarks>
public sealed partial class MetricsAccumulator
{
    private static readonly int KindCount = Enum.GetValues<FeedbackKind>().Length;
    private static readonly int ChannelCount = Enum.GetValues<Channel>().Length;
    private static readonly int StateCount = Enum.GetValues<ComplaintState>().Length;
    private static readonly int RemedyTypeCount = Enum.GetValues<RemedyType>().Length;
    private static readonly Int128 MaxHandlingNanoseconds = (Int128)Duration.MaxValue.ToBigIntegerNanoseconds();
    private const long NanosecondsPerDay = 86_400_000_000_000;

    private readonly MetricsCalculator _calculator;
    private readonly Instant? _start;
    private readonly Instant _end;
    private readonly DateTimeZone _zone;

    // The earliest instant a complaint counted in the period may be received: the period's start, or MaxSpan before its end.
    private readonly Instant _earliest;

    private readonly long[] _byKind = new long[KindCount];
    private readonly long[] _byChannel = new long[ChannelCount];
    private readonly long[] _byState = new long[StateCount];
    private readonly Dictionary<Category, CategoryTally> _byCategory = [];
    private readonly Dictionary<string, long> _byTeam = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _bySegment = new(StringComparer.Ordinal);
    private readonly long[] _ageBuckets;
    private readonly DurationSample _firstResponse;
    private readonly DurationSample _resolution;
    private readonly Dictionary<string, SlaTally> _sla = new(StringComparer.Ordinal);
    private readonly long[] _within;
    private readonly long[] _mix;
    private readonly long[] _scores = new long[5];
    private readonly Dictionary<int, long> _byLevel = [];
    private readonly long[] _outcomes = new long[3];
    private readonly long[] _remedyCounts = new long[RemedyTypeCount];
    private long _remedyCount;
    private readonly decimal[] _remedyAmounts = new decimal[RemedyTypeCount];
    private readonly Dictionary<string, CustomerTally> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _rootCauses = new(StringComparer.Ordinal);
    private readonly Dictionary<int, DayTally> _days = [];

    // Per horizon counting days, its deadline by the anchor's local day: it depends on nothing else.
    private readonly Dictionary<int, Instant?>?[] _dueByAnchorDay;

    private long _added;
    private long _received;
    private long _closed;
    private long _finished;
    private long _noTeam;
    private long _noSegment;
    private long _open;
    private Int128 _openAgeSum;
    private long _oldestAge;
    private long _rated;
    private long _scoreSum;
    private long _firstContactResolved;
    private long _escalated;
    private long _referred;
    private long _firstClosed;
    private long _reopened;
    private Int128 _handlingNanoseconds;
    private Int128 _handlingRateNanoseconds;
    private decimal _compensation;

    internal MetricsAccumulator(MetricsCalculator calculator, Interval period)
    {
        _calculator = calculator;
        Period = period;
        _start = period.HasStart ? period.Start : null;
        _end = period.End;
        _zone = calculator.Calendar.Zone;
        _earliest = _start ?? _end - MaxSpan;
        _ageBuckets = new long[calculator.BacklogAgeBounds.Length + 1];
        _firstResponse = new DurationSample(calculator.Percentiles, calculator.SketchRelativeAccuracy);
        _resolution = new DurationSample(calculator.Percentiles, calculator.SketchRelativeAccuracy);
        _within = new long[calculator.Horizons.Count];
        _dueByAnchorDay = [.. calculator.Horizons.Select(h => h.IsDayUnit ? new Dictionary<int, Instant?>() : null)];
        _mix = new long[calculator.Horizons.Count + 1];
    }

    /// <summary>The most complaints one accumulator counts, directly or by merging, and separately the most remedies: 10^18.</summary>
    public const long MaxCount = 1_000_000_000_000_000_000;

    /// <summary>The highest total cost (handling plus compensation, in the calculator's currency) one accumulator counts: 10^18.</summary>
    public const decimal MaxTotalCost = 1_000_000_000_000_000_000m;

    /// <summary>
    /// Gets the longest span the metrics measure, 36,525 days (100 years): a response or resolution time, the age of
    /// an open complaint at the period's end, how long before the period's end a complaint counted in a period without
    /// start may be received, and the length of a period with a start.
    /// </summary>
    public static Duration MaxSpan { get; } = Duration.FromDays(36_525);

    /// <summary>Gets the most staff time one accumulator counts in total: <see cref="Duration.MaxValue"/>, about 45,900 years.</summary>
    public static Duration MaxHandlingTime => Duration.MaxValue;

    /// <summary>Gets the period the accumulator counts.</summary>
    public Interval Period { get; }

    /// <summary>Gets the number of complaint facts added (directly or by merging), whether or not they fall in the period.</summary>
    public long Count => _added;

    /// <summary>Adds one complaint. Inconsistent facts, and facts past the limits, are refused before anything changes.</summary>
    /// <param name="facts">The complaint's facts.</param>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The facts are inconsistent (for example closed before received), give compensation in another currency, fall
    /// outside the years the calendar covers when working time or business-day horizons are measured, give a deadline
    /// out of range, or would take the accumulator past one of its limits (see the remarks on
    /// <see cref="MetricsAccumulator"/>); the message names the complaint and the field. The accumulator is unchanged.
    /// </exception>
    public void Add(ComplaintFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var prepared = Prepare(facts);
        Apply(facts, in prepared);
    }

    /// <summary>
    /// Adds complaints, as <see cref="Add(ComplaintFacts)"/> does for each, all or none: when one is refused, or
    /// together they would take the accumulator past one of its limits, none is added and the exception gives the
    /// position of the one refused. The batch is gathered apart first, so it takes as much memory again.
    /// </summary>
    /// <param name="facts">The complaints' facts.</param>
    /// <exception cref="ArgumentNullException"><paramref name="facts"/> is or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// A complaint's facts are refused (the message gives its position, its id and what is wrong), or the batch would
    /// take the accumulator past one of its limits. The accumulator is unchanged.
    /// </exception>
    public void AddRange(IEnumerable<ComplaintFacts> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var batch = new MetricsAccumulator(_calculator, Period);
        batch.AddEach(facts, "No complaint of the batch was added.");
        MergeChecked(batch, nameof(facts));
    }

    /// <summary>
    /// Adds everything another accumulator of the same calculator and period has gathered, or nothing when together
    /// they would pass one of the limits. The other accumulator is unchanged.
    /// </summary>
    /// <param name="other">The other accumulator.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="other"/> is this accumulator, or comes from another calculator or period, or both together would
    /// pass one of the limits (see the remarks on <see cref="MetricsAccumulator"/>); the message names the figure. This
    /// accumulator is unchanged.
    /// </exception>
    public void Merge(MetricsAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this))
        {
            throw new ArgumentException("An accumulator cannot be merged into itself.", nameof(other));
        }

        if (!ReferenceEquals(other._calculator, _calculator))
        {
            throw new ArgumentException("other comes from a different MetricsCalculator; only accumulators of the same calculator merge.", nameof(other));
        }

        if (other.Period != Period)
        {
            throw new ArgumentException($"other counts the period {other.Period}, not {Period}.", nameof(other));
        }

        MergeChecked(other, nameof(other));
    }

    /// <summary>Adds complaints one by one, keeping those before a refused one: only for accumulators nobody else sees.</summary>
    internal void AddEach(IEnumerable<ComplaintFacts> facts, string whenRefused)
    {
        var index = 0;
        foreach (var item in facts)
        {
            if (item is null)
            {
                throw new ArgumentNullException(nameof(facts), $"facts[{index}] is null. {whenRefused}");
            }

            try
            {
                Add(item);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"facts[{index}]: {e.Message} {whenRefused}", nameof(facts), e);
            }

            index++;
        }
    }

    /// <summary>Checks that the sums stay within the limits, then adds the other accumulator's figures.</summary>
    private void MergeChecked(MetricsAccumulator other, string paramName)
    {
        string? problem =
            _added > MaxCount - other._added ? $"together the accumulators count {(Int128)_added + other._added} complaints (Count), more than MaxCount ({MaxCount})."
            : _remedyCount > MaxCount - other._remedyCount ? $"together the accumulators count {(Int128)_remedyCount + other._remedyCount} remedies (Cost.ByRemedy), more than MaxCount ({MaxCount})."
            : _handlingNanoseconds + other._handlingNanoseconds > MaxHandlingNanoseconds ? $"together the accumulators count more staff time (Cost.HandlingTime) than MaxHandlingTime ({MaxHandlingTime})."
            : CostProblem(other._handlingRateNanoseconds, other._compensation) is { } cost ? $"together the accumulators {cost}"
            : !_firstResponse.CanAdd(other._firstResponse.Count) ? $"together the accumulators keep more than {Array.MaxLength} response times (FirstResponseTime); use PercentileMode.Sketch."
            : !_resolution.CanAdd(other._resolution.Count) ? $"together the accumulators keep more than {Array.MaxLength} resolution times (ResolutionTime); use PercentileMode.Sketch."
            : null;
        if (problem is not null)
        {
            throw new ArgumentException($"{paramName}: {problem} Nothing was added.", paramName);
        }

        _added += other._added;
        _received += other._received;
        _closed += other._closed;
        _finished += other._finished;
        AddInto(_byKind, other._byKind);
        AddInto(_byChannel, other._byChannel);
        AddInto(_byState, other._byState);
        foreach (var (category, tally) in other._byCategory)
        {
            ref var mine = ref CollectionsMarshal.GetValueRefOrAddDefault(_byCategory, category, out _);
            mine.Add(tally.Path, tally.Count);
        }

        AddInto(_byTeam, other._byTeam);
        AddInto(_bySegment, other._bySegment);
        _noTeam += other._noTeam;
        _noSegment += other._noSegment;
        _open += other._open;
        _openAgeSum += other._openAgeSum;
        _oldestAge = Math.Max(_oldestAge, other._oldestAge);
        AddInto(_ageBuckets, other._ageBuckets);
        _firstResponse.Merge(other._firstResponse);
        _resolution.Merge(other._resolution);
        foreach (var (target, tally) in other._sla)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_sla, target, out _).Add(tally);
        }

        AddInto(_within, other._within);
        AddInto(_mix, other._mix);
        AddInto(_scores, other._scores);
        _rated += other._rated;
        _scoreSum += other._scoreSum;
        _firstContactResolved += other._firstContactResolved;
        _escalated += other._escalated;
        AddInto(_byLevel, other._byLevel);
        _referred += other._referred;
        _firstClosed += other._firstClosed;
        _reopened += other._reopened;
        AddInto(_outcomes, other._outcomes);
        _handlingNanoseconds += other._handlingNanoseconds;
        _handlingRateNanoseconds += other._handlingRateNanoseconds;
        _compensation += other._compensation;
        AddInto(_remedyCounts, other._remedyCounts);
        _remedyCount += other._remedyCount;
        AddInto(_remedyAmounts, other._remedyAmounts);

        foreach (var (customer, tally) in other._customers)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_customers, customer, out _).Add(tally);
        }

        AddInto(_rootCauses, other._rootCauses);
        foreach (var (day, tally) in other._days)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_days, day, out _).Add(tally);
        }
    }

    /// <summary>Gets the number of remedies counted (at most <see cref="MaxCount"/>).</summary>

    private static ArgumentException Refuse(ComplaintFacts facts, string problem, Exception? inner = null) =>
        new($"Complaint {facts.Id}: {problem}", nameof(facts), inner);

    /// <summary>Describes why adding a cost to what is counted would pass <see cref="MaxTotalCost"/>, or returns <see langword="null"/>.</summary>
    /// <param name="rateNanoseconds">The handling cost to add, as scaled rate × nanoseconds (at most what <see cref="MaxHandlingTime"/> costs at the highest rate).</param>
    /// <param name="compensation">The compensation to add, at most <see cref="MaxTotalCost"/>.</param>
    private string? CostProblem(Int128 rateNanoseconds, decimal compensation)
    {
        var divisor = _calculator.CostDivisor;
        var total = new CostTally { RateNanoseconds = _handlingRateNanoseconds + rateNanoseconds, Compensation = _compensation + compensation }.Total(divisor);
        return total <= MaxTotalCost ? null
            : $"would bring the total cost (Cost.Total, handling plus compensation) to {total} {_calculator.Currency}, more than MaxTotalCost ({MaxTotalCost}).";
    }

    /// <summary>Checks the facts against the period and the limits and computes every figure they add; changes nothing.</summary>
    private Prepared Prepare(ComplaintFacts facts)
    {
        if (facts.Inconsistency() is { } problem)
        {
            throw Refuse(facts, problem);
        }

        for (var i = 0; i < facts.Remedies.Count; i++)
        {
            if (facts.Remedies[i].Value is { } value && !string.Equals(value.Currency, _calculator.Currency, StringComparison.Ordinal))
            {
                throw Refuse(facts, $"Remedies[{i}] is worth {value}, but the metrics are in {_calculator.Currency}; convert it first.");
            }
        }

        if (_added >= MaxCount)
        {
            throw Refuse(facts, $"the accumulator already counts MaxCount ({MaxCount}) complaints (Count).");
        }

        var prepared = default(Prepared);
        prepared.Received = InPeriod(facts.ReceivedAt);
        prepared.Finished = facts.ClosedAt is { } ended && InPeriod(ended);
        prepared.Closed = prepared.Finished && facts.State == ComplaintState.Closed;
        prepared.Open = facts.ReceivedAt < _end && (facts.ClosedAt is not { } closing || closing >= _end);
        if ((prepared.Received || prepared.Open || prepared.Finished) && _end - facts.ReceivedAt > MaxSpan)
        {
            // Counted in the period: its resolution time, its age at the end or the trend's reach would pass MaxSpan.
            throw Refuse(facts, $"ReceivedAt ({facts.ReceivedAt}) is more than MaxSpan ({MaxSpan.Days} days) before the period's end ({_end}).");
        }

        if (prepared.Open)
        {
            prepared.OpenAge = (_end - facts.ReceivedAt).ToInt64Nanoseconds();
        }

        try
        {
            if (prepared.Received && facts.FirstResponseAt is { } responded && responded < _end)
            {
                prepared.FirstResponse = _calculator.Measure(facts.ReceivedAt, responded);
            }

            if (prepared.Closed)
            {
                prepared.Resolution = _calculator.Measure(facts.ReceivedAt, facts.ClosedAt!.Value);
            }
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw Refuse(facts, e.Message, e);
        }

        if (prepared.Closed)
        {
            prepared.Band = Band(facts, facts.ClosedAt!.Value, out prepared.WithinMask);
        }

        if (prepared.FirstResponse is not null && !_firstResponse.CanAdd(1))
        {
            throw Refuse(facts, $"FirstResponseAt: the accumulator already keeps {Array.MaxLength} response times; use PercentileMode.Sketch.");
        }

        if (prepared.Closed && !_resolution.CanAdd(1))
        {
            throw Refuse(facts, $"ClosedAt: the accumulator already keeps {Array.MaxLength} resolution times; use PercentileMode.Sketch.");
        }

        if (prepared.Finished)
        {
            PrepareCost(facts, ref prepared);
        }

        return prepared;
    }

    /// <summary>Computes the complaint's staff time, handling cost and compensation, refusing it when a total would pass its limit.</summary>
    private void PrepareCost(ComplaintFacts facts, ref Prepared prepared)
    {
        var remedies = facts.Remedies;
        if (remedies.Count > MaxCount - _remedyCount)
        {
            throw Refuse(facts, $"Remedies: the accumulator already counts {_remedyCount} remedies; {remedies.Count} more would pass MaxCount ({MaxCount}).");
        }

        var compensation = 0m;
        for (var i = 0; i < remedies.Count; i++)
        {
            var amount = remedies[i].Value?.Amount ?? 0m;
            if (amount > MaxTotalCost - compensation)
            {
                throw Refuse(facts, $"Remedies[{i}] ({remedies[i].Value}) brings the complaint's compensation past MaxTotalCost ({MaxTotalCost}).");
            }

            compensation += amount;
        }

        // Nanoseconds as days and nanoseconds of the day: a handling time may exceed what a long holds (about 292 years).
        Int128 nanoseconds = 0;
        Int128 rateNanoseconds = 0;
        var handling = facts.Handling;
        for (var i = 0; i < handling.Count; i++)
        {
            var time = handling[i].Time;
            var ns = ((Int128)time.Days * NanosecondsPerDay) + time.NanosecondOfDay;
            nanoseconds += ns;
            if (_handlingNanoseconds + nanoseconds > MaxHandlingNanoseconds)
            {
                throw Refuse(facts, $"Handling[{i}] ({time}) brings the staff time counted (Cost.HandlingTime) past MaxHandlingTime ({MaxHandlingTime}).");
            }

            rateNanoseconds += (Int128)_calculator.HourlyRate(handling[i].Role, facts.Team) * ns;
        }

        if (CostProblem(rateNanoseconds, compensation) is { } cost)
        {
            throw Refuse(facts, $"Handling and Remedies cost {new CostTally { RateNanoseconds = rateNanoseconds, Compensation = compensation }.Total(_calculator.CostDivisor)} {_calculator.Currency}, which {cost}");
        }

        prepared.HandlingNanoseconds = nanoseconds;
        prepared.HandlingRateNanoseconds = rateNanoseconds;
        prepared.Compensation = compensation;
    }

    private int Band(ComplaintFacts facts, Instant closedAt, out ulong withinMask)
    {
        withinMask = 0;
        var band = -1;
        var anchors = new DeadlineAnchors(
            facts.ReceivedAt,
            AcknowledgedAt: facts.AcknowledgedAt ?? facts.FirstResponseAt,
            HoldingReplyAt: facts.HoldingReplyAt,
            CompleteInformationAt: facts.CompleteInformationAt);
        var horizons = _calculator.Horizons;
        for (var i = 0; i < horizons.Count; i++)
        {
            Instant? due;
            try
            {
                due = Due(i, anchors);
            }
            catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
            {
                throw Refuse(facts, $"Horizons[{i}] ({_calculator.HorizonSpans[i]}): its deadline cannot be computed: {e.Message}", e);
            }

            if (due is { } d && closedAt <= d)
            {
                withinMask |= 1UL << i;
                if (band < 0)
                {
                    band = i;
                }
            }
        }

        return band < 0 ? horizons.Count : band;
    }

    /// <summary>Gets a horizon's deadline, from the memo when the rule counts days.</summary>
    private Instant? Due(int horizon, DeadlineAnchors anchors)
    {
        var rule = _calculator.Horizons[horizon];
        var extended = anchors.HoldingReplyAt is not null && (rule.ExtendedCount is not null || rule.ExtendedAmount is not null);
        if (_dueByAnchorDay[horizon] is not { } memo || anchors[rule.Anchor] is not { } anchor || extended)
        {
            return rule.Due(anchors, _calculator.Calendar);
        }

        var day = Day(anchor);
        if (!memo.TryGetValue(day, out var due))
        {
            due = rule.Due(anchors, _calculator.Calendar);
            memo.Add(day, due);
        }

        return due;
    }

    private void Apply(ComplaintFacts facts, in Prepared prepared)
    {
        _added++;
        if (prepared.Received)
        {
            ApplyReceived(facts, prepared);
        }

        if (prepared.Open)
        {
            var age = prepared.OpenAge;
            _open++;
            _openAgeSum += age;
            _oldestAge = Math.Max(_oldestAge, age);
            _ageBuckets[AgeBucket(age)]++;
        }

        if (facts.EffectiveFirstClosedAt is { } firstClosed && InPeriod(firstClosed))
        {
            _firstClosed++;
            if (facts.ReopenedAt is { } reopened && reopened - firstClosed <= _calculator.ReopenWindow)
            {
                _reopened++;
            }
        }

        if (prepared.Closed)
        {
            ApplyClosed(facts, prepared);
        }

        if (prepared.Finished)
        {
            ApplyFinished(facts, prepared);
        }
    }

    private void ApplyReceived(ComplaintFacts facts, in Prepared prepared)
    {
        _received++;
        _byKind[(int)facts.Kind]++;
        _byChannel[(int)facts.Channel]++;
        _byState[(int)facts.State]++;
        ref var category = ref CollectionsMarshal.GetValueRefOrAddDefault(_byCategory, facts.Category, out _);
        category.Add(facts.Category.Path, 1);
        if (facts.Team is { } team)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_byTeam, team, out _)++;
        }
        else
        {
            _noTeam++;
        }

        if (facts.Segment is { } segment)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_bySegment, segment, out _)++;
        }
        else
        {
            _noSegment++;
        }

        if (prepared.FirstResponse is { } response)
        {
            _firstResponse.Add(response);
        }

        if (facts.Sla.Count > 0)
        {
            var results = facts.Sla;
            for (var i = 0; i < results.Count; i++)
            {
                var result = results[i];
                ref var tally = ref CollectionsMarshal.GetValueRefOrAddDefault(_sla, result.Target, out _);
                switch (result.Status)
                {
                    case SlaStatus.Met:
                        tally.Met++;
                        break;
                    case SlaStatus.Breached:
                        tally.Breached++;
                        break;
                    default:
                        tally.Open++;
                        break;
                }
            }
        }

        if (facts.HighestLevel > 0)
        {
            _escalated++;
            CollectionsMarshal.GetValueRefOrAddDefault(_byLevel, facts.HighestLevel, out _)++;
        }

        if (facts.State == ComplaintState.Referred)
        {
            _referred++;
        }

        CollectionsMarshal.GetValueRefOrAddDefault(_days, Day(facts.ReceivedAt), out _).Received++;
    }

    private void ApplyClosed(ComplaintFacts facts, in Prepared prepared)
    {
        _closed++;
        _resolution.Add(prepared.Resolution);
        for (var i = 0; i < _within.Length; i++)
        {
            if ((prepared.WithinMask & (1UL << i)) != 0)
            {
                _within[i]++;
            }
        }

        _mix[prepared.Band]++;
        if (facts.Rating is { } score)
        {
            _rated++;
            _scoreSum += score;
            _scores[score - 1]++;
        }

        if (facts.ResolvedAtFirstContact
            && (facts.RecontactAt is not { } back || back - facts.EffectiveFirstClosedAt!.Value > _calculator.FirstContactWindow))
        {
            _firstContactResolved++;
        }

        if (facts.Outcome is { } outcome)
        {
            _outcomes[(int)outcome]++;
        }

        if (facts.RootCause is { } cause)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_rootCauses, cause, out _)++;
        }
    }

    private void ApplyFinished(ComplaintFacts facts, in Prepared prepared)
    {
        _finished++;
        var cost = new CostTally { RateNanoseconds = prepared.HandlingRateNanoseconds, Compensation = prepared.Compensation };
        var remedies = facts.Remedies;
        for (var i = 0; i < remedies.Count; i++)
        {
            var remedy = remedies[i];
            _remedyCounts[(int)remedy.Type]++;
            _remedyCount++;
            _remedyAmounts[(int)remedy.Type] += remedy.Value?.Amount ?? 0m;
        }

        _handlingNanoseconds += prepared.HandlingNanoseconds;
        _handlingRateNanoseconds += cost.RateNanoseconds;
        _compensation += cost.Compensation;
        ref var customer = ref CollectionsMarshal.GetValueRefOrAddDefault(_customers, facts.CustomerId, out _);
        customer.Complaints++;
        customer.Cost.Add(cost);
        ref var day = ref CollectionsMarshal.GetValueRefOrAddDefault(_days, Day(facts.ClosedAt!.Value), out _);
        day.Cost.Add(cost);
        if (prepared.Closed)
        {
            day.Closed++;
        }
    }

    private bool InPeriod(Instant instant) => instant < _end && (_start is not { } start || instant >= start);

    private int AgeBucket(long age)
    {
        var bounds = _calculator.BacklogAgeBounds;
        var i = 0;
        while (i < bounds.Length && age >= bounds[i])
        {
            i++;
        }

        return i;
    }

    /// <summary>Gets the day (counted from 1970-01-01 in the calendar's zone) an instant falls on.</summary>
    private int Day(Instant instant)
    {
        var local = instant.ToUnixTimeSeconds() + _zone.GetUtcOffset(instant).Seconds;
        return (int)Math.Floor(local / 86_400d);
    }

    private static void AddInto<T>(T[] target, T[] source)
        where T : System.Numerics.IAdditionOperators<T, T, T>
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] += source[i];
        }
    }

    private static void AddInto<TKey>(Dictionary<TKey, long> target, Dictionary<TKey, long> source)
        where TKey : notnull
    {
        foreach (var (key, count) in source)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(target, key, out _) += count;
        }
    }

    /// <summary>Values computed (and checked) before anything changes, so a refused complaint leaves no trace.</summary>
    private struct Prepared
    {
        public bool Received;
        public bool Closed;
        public bool Finished;
        public bool Open;
        public long OpenAge;
        public long? FirstResponse;
        public long Resolution;
        public int Band;
        public ulong WithinMask;
        public Int128 HandlingRateNanoseconds;
        public Int128 HandlingNanoseconds;
        public decimal Compensation;
    }

    internal struct CategoryTally
    {
        public string Path;
        public long Count;

        /// <summary>Adds complaints, keeping the ordinal-first spelling so the key does not depend on input order.</summary>
        public void Add(string path, long count)
        {
            if (Path is null || (!ReferenceEquals(Path, path) && string.CompareOrdinal(path, Path) < 0))
            {
                Path = path;
            }

            Count += count;
        }
    }

    internal struct SlaTally
    {
        public long Met;
        public long Breached;
        public long Open;

        public void Add(SlaTally other)
        {
            Met += other.Met;
            Breached += other.Breached;
            Open += other.Open;
        }
    }

    /// <summary>A cost kept exactly: handling as scaled hourly rate × nanoseconds (an integer), and compensation.</summary>
    internal struct CostTally
    {
        public Int128 RateNanoseconds;
        public decimal Compensation;

        /// <summary>Gets the handling cost in currency units, rounded to four decimal places.</summary>
        /// <param name="divisor">The calculator's <see cref="MetricsCalculator.CostDivisor"/>.</param>
        public readonly decimal Handling(long divisor)
        {
            var whole = Int128.DivRem(RateNanoseconds, divisor);
            return (decimal)whole.Quotient + Math.Round((decimal)whole.Remainder / divisor, 4, MidpointRounding.AwayFromZero);
        }

        /// <summary>Gets the handling cost plus compensation.</summary>
        /// <param name="divisor">The calculator's <see cref="MetricsCalculator.CostDivisor"/>.</param>
        public readonly decimal Total(long divisor) => Handling(divisor) + Compensation;

        public void Add(CostTally other)
        {
            RateNanoseconds += other.RateNanoseconds;
            Compensation += other.Compensation;
        }
    }

    internal struct CustomerTally
    {
        public long Complaints;
        public CostTally Cost;

        public void Add(CustomerTally other)
        {
            Complaints += other.Complaints;
            Cost.Add(other.Cost);
        }
    }

    internal struct DayTally
    {
        public long Received;
        public long Closed;
        public CostTally Cost;

        public void Add(DayTally other)
        {
            Received += other.Received;
            Closed += other.Closed;
            Cost.Add(other.Cost);
        }
    }
}
