namespace RelationalNeuro.Internal;

/// <summary>
/// Centred rolling quantiles with truncated windows at the edges (pandas <c>rolling(w, center=True,
/// min_periods=1)</c>), kept with a sorted window buffer: O(n·w) element moves, no per-step allocation.
/// </summary>
internal static class RollingQuantile
{
    /// <summary>
    /// For each t, the quantiles <paramref name="qa"/> and <paramref name="qb"/> (linear interpolation between order
    /// statistics: position q·(m−1)) of x over [t − h, t + h] ∩ [0, n − 1], h = (window − 1) / 2.
    /// </summary>
    public static void Quantiles(ReadOnlySpan<double> x, int window, double qa, double qb, Span<double> outA, Span<double> outB)
    {
        var n = x.Length;
        var h = (window - 1) / 2;
        var sorted = new double[Math.Min(window + 1, n)];
        var m = 0;
        var hi = -1; // last index inserted
        for (var t = 0; t < n; t++)
        {
            var wantHi = Math.Min(n - 1, t + h);
            while (hi < wantHi)
            {
                hi++;
                Insert(sorted, ref m, x[hi]);
            }

            var lo = t - h - 1; // index leaving the window
            if (lo >= 0)
            {
                Remove(sorted, ref m, x[lo]);
            }

            outA[t] = At(sorted, m, qa);
            outB[t] = At(sorted, m, qb);
        }
    }

    /// <summary>Centred rolling median (mean of the two middle values for an even count), truncated at the edges.</summary>
    public static void Median(ReadOnlySpan<double> x, int window, Span<double> output)
    {
        var n = x.Length;
        var h = (window - 1) / 2;
        var sorted = new double[Math.Min(window + 1, n)];
        var m = 0;
        var hi = -1;
        for (var t = 0; t < n; t++)
        {
            var wantHi = Math.Min(n - 1, t + h);
            while (hi < wantHi)
            {
                hi++;
                Insert(sorted, ref m, x[hi]);
            }

            var lo = t - h - 1;
            if (lo >= 0)
            {
                Remove(sorted, ref m, x[lo]);
            }

            output[t] = (m & 1) == 1 ? sorted[m / 2] : (sorted[(m / 2) - 1] + sorted[m / 2]) / 2;
        }
    }

    private static double At(double[] sorted, int m, double q)
    {
        var position = q * (m - 1);
        var lo = (int)Math.Floor(position);
        var fraction = position - lo;
        if (fraction == 0 || lo + 1 >= m)
        {
            return sorted[lo];
        }

        return sorted[lo] + ((sorted[lo + 1] - sorted[lo]) * fraction);
    }

    private static void Insert(double[] sorted, ref int m, double value)
    {
        var index = LowerBound(sorted, m, value);
        sorted.AsSpan(index, m - index).CopyTo(sorted.AsSpan(index + 1));
        sorted[index] = value;
        m++;
    }

    private static void Remove(double[] sorted, ref int m, double value)
    {
        var index = LowerBound(sorted, m, value);
        sorted.AsSpan(index + 1, m - index - 1).CopyTo(sorted.AsSpan(index));
        m--;
    }

    // First position whose value is not less than value.
    private static int LowerBound(double[] sorted, int m, double value)
    {
        int lo = 0, hi = m;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
