using System.Text.Json.Serialization;
namespace Complaints.Core.Domain;

/// <summary>
/// A hierarchical category such as <c>Billing/Refunds/Late</c>: one or more segments, most general first.
/// Compared by segments, ignoring case.
/// </summary>
[JsonConverter(typeof(CategoryJsonConverter))]
public sealed class Category : IEquatable<Category>
{
    /// <summary>The separator between segments in the text form.</summary>
    public const char Separator = '/';

    private readonly string[] _segments;
    private readonly IReadOnlyList<string> _segmentsView;
    private readonly int _hashCode;

    /// <summary>Initializes a new instance of the <see cref="Category"/> class.</summary>
    /// <param name="segments">The segments, most general first; at least one, each non-empty and without <c>/</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="segments"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No segment is given, or a segment is empty or holds <c>/</c>.</exception>
    public Category(params IEnumerable<string> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        _segments = segments.ToArray();
        if (_segments.Length == 0)
        {
            throw new ArgumentException("segments must hold at least one segment.", nameof(segments));
        }

        for (var i = 0; i < _segments.Length; i++)
        {
            var name = $"{nameof(segments)}[{i}]";
            Guard.Text(_segments[i], name, TextLimits.CategorySegment);
            if (_segments[i].Contains(Separator, StringComparison.Ordinal))
            {
                throw new ArgumentException($"{name} must not contain '{Separator}'.", nameof(segments));
            }
        }

        _segmentsView = Array.AsReadOnly(_segments);
        Path = string.Join(Separator, _segments);
        _hashCode = StringComparer.OrdinalIgnoreCase.GetHashCode(Path);
    }

    /// <summary>Gets the segments, most general first.</summary>
    public IReadOnlyList<string> Segments => _segmentsView;

    /// <summary>Gets the text form, segments joined with <c>/</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the parent category, or <see langword="null"/> for a top-level category.</summary>
    public Category? Parent => _segments.Length == 1 ? null : new Category(_segments[..^1]);

    /// <summary>Parses a path such as <c>Billing/Refunds</c>.</summary>
    /// <param name="path">The path, segments separated by <c>/</c>.</param>
    /// <returns>The category.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A segment of <paramref name="path"/> is empty.</exception>
    public static Category Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new Category(path.Split(Separator));
    }

    /// <summary>Gets whether this category is <paramref name="ancestor"/> or lies beneath it.</summary>
    /// <param name="ancestor">The category that may contain this one.</param>
    /// <returns><see langword="true"/> if every segment of <paramref name="ancestor"/> starts this category's path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ancestor"/> is <see langword="null"/>.</exception>
    public bool IsWithin(Category ancestor)
    {
        ArgumentNullException.ThrowIfNull(ancestor);
        if (ancestor._segments.Length > _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < ancestor._segments.Length; i++)
        {
            if (!string.Equals(ancestor._segments[i], _segments[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public bool Equals(Category? other) =>
        ReferenceEquals(this, other)
        || (other is not null && other._hashCode == _hashCode && other._segments.Length == _segments.Length && IsWithin(other));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Category);

    /// <summary>Gets whether two categories have the same path, ignoring case.</summary>
    /// <param name="left">The first category.</param>
    /// <param name="right">The second category.</param>
    /// <returns><see langword="true"/> if both are <see langword="null"/> or both have the same path.</returns>
    public static bool operator ==(Category? left, Category? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Gets whether two categories differ.</summary>
    /// <param name="left">The first category.</param>
    /// <param name="right">The second category.</param>
    /// <returns><see langword="true"/> unless both are <see langword="null"/> or both have the same path.</returns>
    public static bool operator !=(Category? left, Category? right) => !(left == right);

    /// <inheritdoc/>
    public override int GetHashCode() => _hashCode;

    /// <summary>Returns the path.</summary>
    /// <returns>The segments joined with <c>/</c>.</returns>
    public override string ToString() => Path;
}
