using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RelationalNeuro.Internal;

/// <summary>
/// Centred rolling quantiles with truncated windows at the edges (pandas <c>rolling(w, center=True,
/// min_periods=1)</c>), kept with a sorted window buffer: O(n·w) element moves, no per-step allocation.
/// </summary>
/// <remarks>
/// Once the window is full, each step replaces the value leaving it by the value entering it in one move: both
/// positions are ranks (how many buffered values are smaller), counted with SIMD compares for windows up to
/// <see cref="CountedRankLimit"/> values (branch-free; a binary search mispredicts about every other step on noisy
/// data), and only the values between the two positions shift by one. The buffer holds the same multiset as a
/// sort of the window, so every order statistic equals the sorted window's.
/// </remarks>
internal static class RollingQuantile
{
    /// <summary>Largest buffer whose ranks are counted by a linear SIMD pass; above it a binary search finds them.</summary>
    private const int CountedRankLimit = 512;

    /// <summary>Largest window kept on the stack (doubles).</summary>
    private const int StackLimit = 256;

    /// <summary>
    /// For each t, the quantiles <paramref name="qa"/> and <paramref name="qb"/> (linear interpolation between order
    /// statistics: position q·(m−1)) of x over [t − h, t + h] ∩ [0, n − 1], h = (window − 1) / 2.
    /// </summary>
    public static void Quantiles(ReadOnlySpan<double> x, int window, double qa, double qb, Span<double> outA, Span<double> outB)
    {
        var n = x.Length;
        var h = (window - 1) / 2;
        var capacity = Math.Min(window, n);
        double[]? rented = null;
        Span<double> sorted = capacity <= StackLimit ? stackalloc double[StackLimit] : (rented = ArrayPool<double>.Shared.Rent(capacity));
        var m = 0;
        var hi = -1; // last index inserted
        for (var t = 0; t < n; t++)
        {
            Step(x, sorted, h, t, ref m, ref hi);
            outA[t] = At(sorted, m, qa);
            outB[t] = At(sorted, m, qb);
        }

        if (rented is not null)
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>Centred rolling median (mean of the two middle values for an even count), truncated at the edges.</summary>
    public static void Median(ReadOnlySpan<double> x, int window, Span<double> output)
    {
        var n = x.Length;
        var h = (window - 1) / 2;
        var capacity = Math.Min(window, n);
        double[]? rented = null;
        Span<double> sorted = capacity <= StackLimit ? stackalloc double[StackLimit] : (rented = ArrayPool<double>.Shared.Rent(capacity));
        var m = 0;
        var hi = -1;
        for (var t = 0; t < n; t++)
        {
            Step(x, sorted, h, t, ref m, ref hi);
            output[t] = (m & 1) == 1 ? sorted[m / 2] : (sorted[(m / 2) - 1] + sorted[m / 2]) / 2;
        }

        if (rented is not null)
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>Moves the buffer from the window centred at t − 1 to the one centred at t.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(ReadOnlySpan<double> x, Span<double> sorted, int h, int t, ref int m, ref int hi)
    {
        var wantHi = Math.Min(x.Length - 1, t + h);
        var lo = t - h - 1; // index leaving the window
        if (lo >= 0 && hi < wantHi)
        {
            // Full window: exactly one value enters and one leaves.
            hi++;
            Replace(sorted[..m], x[lo], x[hi]);
            return;
        }

        while (hi < wantHi)
        {
            hi++;
            Insert(sorted, ref m, x[hi]);
        }

        if (lo >= 0)
        {
            Remove(sorted, ref m, x[lo]);
        }
    }

    private static double At(Span<double> sorted, int m, double q)
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

    /// <summary>Replaces one occurrence of <paramref name="leaving"/> by <paramref name="entering"/>, keeping the buffer sorted.</summary>
    private static void Replace(Span<double> sorted, double leaving, double entering)
    {
        if (leaving == entering)
        {
            return;
        }

        var p = Rank(sorted, leaving);   // the first occurrence of the leaving value
        var q = Rank(sorted, entering);  // values below the entering one, the leaving one included
        if (q <= p)
        {
            sorted[q..p].CopyTo(sorted[(q + 1)..]);
            sorted[q] = entering;
        }
        else
        {
            sorted[(p + 1)..q].CopyTo(sorted[p..]);
            sorted[q - 1] = entering;
        }
    }

    private static void Insert(Span<double> sorted, ref int m, double value)
    {
        var index = Rank(sorted[..m], value);
        sorted[index..m].CopyTo(sorted[(index + 1)..]);
        sorted[index] = value;
        m++;
    }

    private static void Remove(Span<double> sorted, ref int m, double value)
    {
        var index = Rank(sorted[..m], value);
        sorted[(index + 1)..m].CopyTo(sorted[index..]);
        m--;
    }

    /// <summary>How many values of the sorted buffer are less than <paramref name="value"/> (its lower bound).</summary>
    private static int Rank(ReadOnlySpan<double> sorted, double value)
    {
        if (sorted.Length > CountedRankLimit)
        {
            return LowerBound(sorted, value);
        }

        var i = 0;
        var count = 0;
        if (Vector.IsHardwareAccelerated && sorted.Length >= Vector<double>.Count)
        {
            var probe = new Vector<double>(value);
            var below = Vector<long>.Zero;
            ref var start = ref MemoryMarshal.GetReference(sorted);
            for (; i <= sorted.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                below -= Vector.LessThan(Vector.LoadUnsafe(ref start, (nuint)i), probe); // a true lane is −1
            }

            count = (int)Vector.Sum(below);
        }

        for (; i < sorted.Length; i++)
        {
            count += sorted[i] < value ? 1 : 0;
        }

        return count;
    }

    // First position whose value is not less than value.
    private static int LowerBound(ReadOnlySpan<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
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
