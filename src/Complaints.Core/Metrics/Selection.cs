namespace Complaints.Core.Metrics;

/// <summary>Selection of the k-th smallest value in linear expected time (Hoare's quickselect with a median-of-three pivot).</summary>
internal static class Selection
{
    /// <summary>
    /// Returns the k-th smallest value (0-based) and leaves the span partitioned around it: every value before
    /// index <paramref name="k"/> is at most it, every value after is at least it.
    /// </summary>
    public static long Select(Span<long> values, int k)
    {
        int lo = 0, hi = values.Length - 1;
        while (hi - lo > 16)
        {
            var mid = lo + ((hi - lo) / 2);
            if (values[mid] < values[lo])
            {
                (values[mid], values[lo]) = (values[lo], values[mid]);
            }

            if (values[hi] < values[lo])
            {
                (values[hi], values[lo]) = (values[lo], values[hi]);
            }

            if (values[hi] < values[mid])
            {
                (values[hi], values[mid]) = (values[mid], values[hi]);
            }

            var pivot = values[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return values[k];
            }
        }

        // Insertion sort of the small remaining range.
        for (var i = lo + 1; i <= hi; i++)
        {
            var v = values[i];
            var j = i - 1;
            while (j >= lo && values[j] > v)
            {
                values[j + 1] = values[j];
                j--;
            }

            values[j + 1] = v;
        }

        return values[k];
    }
}
