namespace Complaints.Core.Domain;

/// <summary>Value equality for the read-only lists that records hold, so two records with equal contents are equal.</summary>
internal static class Sequences
{
    public static bool Equal<T>(IReadOnlyList<T> left, IReadOnlyList<T> right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < left.Count; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static int Hash<T>(IReadOnlyList<T> items)
    {
        var hash = default(HashCode);
        for (var i = 0; i < items.Count; i++)
        {
            hash.Add(items[i]);
        }

        return hash.ToHashCode();
    }
}
