using NodaTime;

namespace Complaints.Core.Metrics;

/// <summary>
/// The durations of one metric, in nanoseconds: count, exact sum, min and max, plus either every value (exact
/// percentiles by selection) or a logarithmic histogram (percentiles within a relative error). Merges exactly.
/// </summary>
internal sealed class DurationSample
{
    private const double NanosPerMillisecond = 1_000_000d;
    private readonly double _gamma;
    private readonly double _logGamma;
    private long _count;
    private Int128 _sum;
    private long _min = long.MaxValue;
    private long _max = long.MinValue;
    private long[] _values = [];
    private long[] _buckets = [];
    private long _belowOneMillisecond;

    public DurationSample(PercentileMode mode, double relativeAccuracy)
    {
        IsSketch = mode == PercentileMode.Sketch;
        _gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
        _logGamma = Math.Log(_gamma);
    }

    public bool IsSketch { get; }

    public long Count => _count;

    /// <summary>Gets a value indicating whether the sample can take more durations: in exact mode, it keeps at most <see cref="Array.MaxLength"/>.</summary>
    public bool CanAdd(long more) => IsSketch || _count <= Array.MaxLength - more;

    public void Add(long nanoseconds)
    {
        _count++;
        _sum += nanoseconds;
        _min = Math.Min(_min, nanoseconds);
        _max = Math.Max(_max, nanoseconds);
        if (IsSketch)
        {
            var millis = nanoseconds / NanosPerMillisecond;
            if (millis < 1)
            {
                _belowOneMillisecond++;
                return;
            }

            var index = (int)Math.Ceiling(Math.Log(millis) / _logGamma);
            if (index >= _buckets.Length)
            {
                Array.Resize(ref _buckets, Math.Max(index + 1, _buckets.Length * 2));
            }

            _buckets[index]++;
            return;
        }

        if (_count > _values.Length)
        {
            Grow((int)Math.Min(Array.MaxLength, Math.Max(16, 2L * _values.Length)));
        }

        _values[_count - 1] = nanoseconds;
    }

    public void Merge(DurationSample other)
    {
        if (other._count == 0)
        {
            return;
        }

        if (IsSketch)
        {
            if (other._buckets.Length > _buckets.Length)
            {
                Array.Resize(ref _buckets, other._buckets.Length);
            }

            for (var i = 0; i < other._buckets.Length; i++)
            {
                _buckets[i] += other._buckets[i];
            }

            _belowOneMillisecond += other._belowOneMillisecond;
        }
        else
        {
            var total = checked((int)(_count + other._count));
            if (total > _values.Length)
            {
                Grow((int)Math.Min(Array.MaxLength, Math.Max(total, 2L * _values.Length)));
            }

            Array.Copy(other._values, 0, _values, _count, other._count);
        }

        _count += other._count;
        _sum += other._sum;
        _min = Math.Min(_min, other._min);
        _max = Math.Max(_max, other._max);
    }

    /// <summary>Computes the statistics. In exact mode this reorders the kept values in place (the set is unchanged).</summary>
    public DurationStatistics ToStatistics()
    {
        if (_count == 0)
        {
            return new DurationStatistics { Approximate = IsSketch };
        }

        long median, p90, p95;
        if (IsSketch)
        {
            median = FromSketch(Rank(50));
            p90 = FromSketch(Rank(90));
            p95 = FromSketch(Rank(95));
        }
        else
        {
            // Select the 50th, then search only above it for the 90th, then above that for the 95th.
            var values = _values.AsSpan(0, (int)_count);
            var k50 = (int)Rank(50) - 1;
            var k90 = (int)Rank(90) - 1;
            var k95 = (int)Rank(95) - 1;
            median = Selection.Select(values, k50);
            p90 = Selection.Select(values[k50..], k90 - k50);
            p95 = Selection.Select(values[k90..], k95 - k90);
        }

        return new DurationStatistics
        {
            Count = _count,
            Mean = Duration.FromNanoseconds((long)(_sum / _count)),
            Median = Duration.FromNanoseconds(median),
            P90 = Duration.FromNanoseconds(p90),
            P95 = Duration.FromNanoseconds(p95),
            Min = Duration.FromNanoseconds(_min),
            Max = Duration.FromNanoseconds(_max),
            Approximate = IsSketch,
        };
    }

    /// <summary>Moves the kept values to a larger buffer; the new part is not zeroed, as it is written before it is read.</summary>
    private void Grow(int capacity)
    {
        var values = GC.AllocateUninitializedArray<long>(capacity);
        Array.Copy(_values, values, _count == 0 ? 0 : Math.Min(_values.Length, (int)_count));
        _values = values;
    }

    /// <summary>Gets the 1-based nearest rank of a whole-number percentile: ceil(percent × count / 100).</summary>
    private long Rank(int percent) => Math.Max(1, (long)(((Int128)percent * _count + 99) / 100));

    private long FromSketch(long rank)
    {
        var seen = _belowOneMillisecond;
        if (rank <= seen)
        {
            return _min;
        }

        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += _buckets[i];
            if (rank <= seen)
            {
                // The bucket holds (gamma^(i-1), gamma^i] ms; its midpoint in relative terms is 2 gamma^i / (gamma + 1).
                var estimate = 2 * Math.Pow(_gamma, i) / (_gamma + 1) * NanosPerMillisecond;
                return Math.Clamp((long)Math.Round(estimate), _min, _max);
            }
        }

        return _max;
    }
}
