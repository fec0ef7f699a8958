using Complaints.Core.Domain;
using NodaTime;

namespace Complaints.Core.Sla;

/// <summary>
/// Many complaints' clocks laid out side by side, one row per complaint, for reading the state of every target of
/// every row at one instant in a single pass (a sweep over all open complaints). A row holds what
/// <see cref="SlaClocks.StatesAt"/> reads, copied from the clocks when the row is added or set, so it answers exactly as
/// those clocks do; set the row again after applying an entry to the clocks.
/// </summary>
/// <remarks>
/// Rows are read without touching the clocks they were copied from: the table keeps them in one array, so a pass over
/// a million rows reads memory in order. Writing (<see cref="Add"/>, <see cref="Set"/>) is not safe alongside other
/// calls; reading from many threads at once is, while nothing writes.
/// </remarks>
public sealed class SlaClockTable
{
    private readonly SlaLayout _layout;
    private readonly int _stride;
    private Brief[] _briefs;
    private Row[] _rows;
    private ComplaintId[] _ids;

    // The latest entry of any row, and the rows a required group is missing from, so a pass checks its instant once.
    private Instant _latest;
    private int _missing;

    /// <summary>Initializes a new instance of the <see cref="SlaClockTable"/> class.</summary>
    /// <param name="engine">The engine whose clocks the rows hold.</param>
    /// <param name="capacity">The rows to make room for at first; the table grows beyond it as rows are added.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative, or more rows than one array can hold.</exception>
    public SlaClockTable(SlaEngine engine, int capacity = 0)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
        _layout = engine.Layout;
        Width = engine.MaxTargetCount;
        _stride = Math.Max(1, _layout.MaxReported + _layout.MaxCompared);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        if (capacity > MaxRows)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"capacity must be at most {MaxRows} rows for this engine.");
        }

        _briefs = new Brief[capacity * _stride];
        _rows = new Row[capacity];
        _ids = new ComplaintId[capacity];
        _latest = Instant.MinValue;
    }

    /// <summary>Gets the engine whose clocks the rows hold.</summary>
    public SlaEngine Engine { get; }

    /// <summary>Gets the number of rows.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the places each row takes in <see cref="StatesAt(Instant, Span{SlaClockState})"/>: <see cref="SlaEngine.MaxTargetCount"/>.</summary>
    public int Width { get; }

    private int MaxRows => Math.Min(Array.MaxLength / _stride, Width == 0 ? Array.MaxLength : Array.MaxLength / Width);

    /// <summary>Adds a row holding a complaint's clocks.</summary>
    /// <param name="clocks">The clocks, of this table's engine.</param>
    /// <returns>The row's index.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clocks"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The clocks follow another engine.</exception>
    /// <exception cref="InvalidOperationException">The table holds as many rows as one array can.</exception>
    public int Add(SlaClocks clocks)
    {
        Check(clocks);
        if (Count == _rows.Length)
        {
            Grow();
        }

        Write(Count, clocks);
        return Count++;
    }

    /// <summary>Replaces a row with a complaint's clocks, typically the same complaint's after <see cref="SlaClocks.Apply"/>.</summary>
    /// <param name="row">The row's index.</param>
    /// <param name="clocks">The clocks, of this table's engine.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clocks"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The clocks follow another engine.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not a row of the table.</exception>
    public void Set(int row, SlaClocks clocks)
    {
        CheckRow(row);
        Check(clocks);
        if (_rows[row].Missing)
        {
            _missing--;
        }

        Write(row, clocks);
    }

    /// <summary>Gets the complaint a row holds.</summary>
    /// <param name="row">The row's index.</param>
    /// <returns>The complaint's id.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not a row of the table.</exception>
    public ComplaintId ComplaintIdAt(int row)
    {
        CheckRow(row);
        return _ids[row];
    }

    /// <summary>Writes where each target of one row stands at an instant, exactly as the row's clocks' <see cref="SlaClocks.StatesAt"/> does.</summary>
    /// <param name="row">The row's index.</param>
    /// <param name="asOf">The instant; not before the row's latest entry.</param>
    /// <param name="destination">Where to write; <see cref="Width"/> is always long enough.</param>
    /// <returns>The number of states written.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not a row, <paramref name="asOf"/> is before the row's latest entry, or a target's calendar does not cover it.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short, or no policy of a required group selects the complaint.</exception>
    public int StatesAt(int row, Instant asOf, Span<SlaTargetState> destination)
    {
        CheckRow(row);
        ref readonly var header = ref CheckedRow(row, asOf);
        if (destination.Length < header.Count)
        {
            throw new ArgumentException($"Complaint {_ids[row]}: destination holds {destination.Length} states; {header.Count} are needed.", nameof(destination));
        }

        Briefs.StatesAt(_briefs.AsSpan(row * _stride, _stride), header.Count, _layout, header.Latest, asOf, destination);
        return header.Count;
    }

    /// <summary>Gets the earliest instant after <paramref name="asOf"/> at which any target of one row changes, exactly as the row's clocks' <see cref="SlaClocks.NextChangeAt"/> does.</summary>
    /// <param name="row">The row's index.</param>
    /// <param name="asOf">The instant; not before the row's latest entry.</param>
    /// <returns>The instant, or <see langword="null"/> when no target changes by time alone.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not a row, <paramref name="asOf"/> is before the row's latest entry, or a target's calendar does not cover it.</exception>
    /// <exception cref="ArgumentException">No policy of a required group selects the complaint.</exception>
    public Instant? NextChangeAt(int row, Instant asOf)
    {
        CheckRow(row);
        ref readonly var header = ref CheckedRow(row, asOf);
        return Briefs.NextChangeAt(_briefs.AsSpan(row * _stride, _stride), header.Count, _layout, header.Latest, asOf);
    }

    /// <summary>
    /// Writes where every target of every row stands at an instant, in one pass: row <c>r</c>'s states, in the order
    /// <see cref="SlaClocks.StatesAt"/> gives them, at <c>r × Width</c> onwards; the places a row does not use (its
    /// applying policies have fewer targets) read <see cref="SlaClockState.NotStarted"/>.
    /// </summary>
    /// <param name="asOf">The instant; not before any row's latest entry.</param>
    /// <param name="destination">Where to write; at least <see cref="Count"/> × <see cref="Width"/> long.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short, or no policy of a required group selects a row's complaint (the message names it); nothing is written.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="asOf"/> is before a row's latest entry (the message names the complaint; nothing is written), or a
    /// target's calendar does not cover it.
    /// </exception>
    public void StatesAt(Instant asOf, Span<SlaClockState> destination)
    {
        var needed = (long)Count * Width;
        if (destination.Length < needed)
        {
            throw new ArgumentException($"destination holds {destination.Length} states; {Count} rows of {Width} need {needed}.", nameof(destination));
        }

        if (asOf < _latest || _missing > 0)
        {
            // Name the first row refused before anything is written.
            for (var r = 0; r < Count; r++)
            {
                CheckedRow(r, asOf);
            }
        }

        var rows = _rows.AsSpan(0, Count);
        var briefs = _briefs.AsSpan();
        var width = Width;
        for (var r = 0; r < rows.Length; r++)
        {
            ref readonly var header = ref rows[r];
            var row = briefs.Slice(r * _stride, _stride);
            var states = destination.Slice(r * width, width);
            var latest = header.Latest;
            try
            {
                for (var i = 0; i < header.Count; i++)
                {
                    states[i] = Briefs.Reported(row, i, _layout, latest, asOf).StateAt(latest, asOf);
                }
            }
            catch (ArgumentOutOfRangeException ex)
            {
                throw new ArgumentOutOfRangeException(nameof(asOf), $"Complaint {_ids[r]}: {ex.Message}");
            }

            states[header.Count..].Clear();   // NotStarted
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"SLA clock table of {Count} rows, {Width} targets wide";

    private void Check(SlaClocks clocks)
    {
        ArgumentNullException.ThrowIfNull(clocks);
        if (clocks.Engine != Engine)
        {
            throw new ArgumentException($"The clocks of complaint {clocks.ComplaintId} follow another engine than this table's.", nameof(clocks));
        }
    }

    private void CheckRow(int row)
    {
        if ((uint)row >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"row must be between 0 and {Count - 1}.");
        }
    }

    private ref readonly Row CheckedRow(int row, Instant asOf)
    {
        ref readonly var header = ref _rows[row];
        if (asOf < header.Latest)
        {
            throw new ArgumentOutOfRangeException(
                nameof(asOf), asOf, $"Complaint {_ids[row]} (row {row}): asOf is before its latest entry ({header.Latest}); set the row from clocks, or evaluate the history, to look further back.");
        }

        if (header.Missing)
        {
            throw new ArgumentException($"Complaint {_ids[row]} (row {row}): no policy of a required group selects it as of {asOf}.", nameof(asOf));
        }

        return ref header;
    }

    private void Write(int row, SlaClocks clocks)
    {
        var laid = clocks.Laid(out var count, out var missing);
        laid.CopyTo(_briefs.AsSpan(row * _stride, _stride));
        _rows[row] = new Row(clocks.LatestEntryAt, count, missing);
        _ids[row] = clocks.ComplaintId;
        _latest = Instant.Max(_latest, clocks.LatestEntryAt);
        _missing += missing ? 1 : 0;
    }

    private void Grow()
    {
        if (Count >= MaxRows)
        {
            throw new InvalidOperationException($"The table holds {Count} rows, as many as one array can for this engine.");
        }

        var rows = (int)Math.Min(MaxRows, Math.Max(4L, Count * 2L));
        Array.Resize(ref _briefs, rows * _stride);
        Array.Resize(ref _rows, rows);
        Array.Resize(ref _ids, rows);
    }

    /// <summary>A row's latest entry, the number of targets it reports, and whether a required group is missing.</summary>
    private readonly record struct Row(Instant Latest, int Count, bool Missing);
}
