using System.Collections;
using Complaints.Core.Domain;
using NodaTime;

namespace Complaints.Core.History;

/// <summary>
/// A read-only prefix of an append-only buffer of history entries. Appending to the newest view writes the next
/// slot and shares the buffer, so every snapshot keeps its own prefix for O(1) per entry; no view can be cast back
/// to a collection that changes it.
/// </summary>
/// <remarks>
/// Beside the entries the buffer keeps each entry's <see cref="HistoryFact"/> in one array of structs, so a reader
/// that classifies every entry (the service-level clocks) reads a few contiguous cache lines instead of an object per
/// entry; the snapshot keeps that array beside its view, one hop away.
/// </remarks>
internal sealed class HistoryView : IReadOnlyList<HistoryEntry>
{
    private readonly Buffer _buffer;

    private HistoryView(Buffer buffer, int count)
    {
        _buffer = buffer;
        Count = count;
    }

    public static HistoryView Empty { get; } = new(new Buffer(0), 0);

    public int Count { get; }

    public HistoryEntry this[int index] =>
        (uint)index < (uint)Count
            ? _buffer.Items[index]
            : throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be between 0 and {Count - 1}.");

    public HistoryView Append(HistoryEntry entry)
    {
        var buffer = _buffer;
        if (buffer.Used != Count || Count == buffer.Items.Length)
        {
            buffer = new Buffer(Math.Max(8, Count * 2));
            Array.Copy(_buffer.Items, buffer.Items, Count);
            Array.Copy(_buffer.Facts, buffer.Facts, Count);
            buffer.Used = Count;
        }

        buffer.Items[Count] = entry;
        buffer.Facts[Count] = new HistoryFact(entry);
        buffer.Used = Count + 1;
        return new HistoryView(buffer, Count + 1);
    }

    /// <summary>The entries as a span, for readers that walk them many times.</summary>
    public ReadOnlySpan<HistoryEntry> AsSpan() => _buffer.Items.AsSpan(0, Count);

    /// <summary>Each entry's instant, kind and state, oldest first; the array may run past <see cref="Count"/>, and a snapshot keeps it beside the view.</summary>
    public HistoryFact[] FactArray => _buffer.Facts;

    public HistoryView Prefix(int count) => count == Count ? this : new HistoryView(_buffer, count);

    public IEnumerator<HistoryEntry> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return _buffer.Items[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Buffer(int capacity)
    {
        public HistoryEntry[] Items { get; } = new HistoryEntry[capacity];

        public HistoryFact[] Facts { get; } = new HistoryFact[capacity];

        public int Used { get; set; }
    }
}

/// <summary>What readers that classify entries need of one: its instant, the kind of its data, the state it leads to and whether it changed state.</summary>
internal readonly struct HistoryFact
{
    public HistoryFact(HistoryEntry entry)
    {
        At = entry.At;
        Kind = entry.DataKind;
        To = entry.To;
        IsStateChange = entry.IsStateChange;
    }

    public Instant At { get; }

    public HistoryDataKind Kind { get; }

    public ComplaintState To { get; }

    public bool IsStateChange { get; }
}
