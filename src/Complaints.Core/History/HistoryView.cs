using System.Collections;

namespace Complaints.Core.History;

/// <summary>
/// A read-only prefix of an append-only buffer of history entries. Appending to the newest view writes the next
/// slot and shares the buffer, so every snapshot keeps its own prefix for O(1) per entry; no view can be cast back
/// to a collection that changes it.
/// </summary>
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
            buffer.Used = Count;
        }

        buffer.Items[Count] = entry;
        buffer.Used = Count + 1;
        return new HistoryView(buffer, Count + 1);
    }

    /// <summary>The entries as a span, for readers that walk them many times.</summary>
    public ReadOnlySpan<HistoryEntry> AsSpan() => _buffer.Items.AsSpan(0, Count);

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

        public int Used { get; set; }
    }
}
