using System.Buffers;

namespace RelationalNeuro.Internal;

/// <summary>
/// The rolling order statistics of a series with few distinct values from a count per distinct value: a step adds one
/// count and removes one, and each order statistic the step needs is found by moving a cursor from where it was over
/// the distinct values (the quantiles of neighbouring windows are close, so it moves a few values at most on RR data).
/// The statistics are values of the window found by rank, so every result equals the sorted window's bit for bit.
/// </summary>
internal static partial class RollingQuantile
{
    /// <summary>Most distinct values the counting path takes.</summary>
    private const int MaximumCountedValues = 2048;

    /// <summary>Shortest window for the counting path: below it the sorted window costs a few vector operations per step.</summary>
    private const int MinimumCountedWindow = 25;

    [ThreadStatic]
    private static int t_valueCounts;

    /// <summary>
    /// On the calling thread: 0 (the default) takes the counting path for windows of at least 25 values on series of at
    /// least 512 values with at most 2,048 distinct values and at least 8 values per distinct value; 1 whenever there are
    /// at most 2,048 distinct values (and no −0 beside +0); −1 never. Tests set it to drive both paths over the same series.
    /// </summary>
    internal static int ValueCounts
    {
        get => t_valueCounts;
        set => t_valueCounts = value;
    }

    /// <summary>
    /// <see cref="Quantiles"/> (or <see cref="Median"/> into <paramref name="outA"/> when <paramref name="median"/>) on
    /// the counting path; false, having written nothing, when the series does not qualify.
    /// </summary>
    private static bool TryOnValueCounts(ReadOnlySpan<double> x, int window, double qa, double qb, bool median, Span<double> outA, Span<double> outB)
    {
        var n = x.Length;
        if (ValueCounts < 0 || n == 0 || (ValueCounts == 0 && (window < MinimumCountedWindow || n < 8 * 64)))
        {
            return false;
        }

        var numberArray = ArrayPool<int>.Shared.Rent(n);
        var valueArray = ArrayPool<double>.Shared.Rent(MaximumCountedValues);
        var countArray = ArrayPool<int>.Shared.Rent(MaximumCountedValues);
        try
        {
            var number = numberArray.AsSpan(0, n);
            var maximum = ValueCounts == 0 ? Math.Min(MaximumCountedValues, n / 8) : MaximumCountedValues;
            var distinct = DistinctValues.Number(x, number, valueArray.AsSpan(0, maximum), out var signedZeros);
            if (distinct < 0 || signedZeros)
            {
                // Too many values, a NaN, or −0 beside +0 (the sorted window may return either; the counts could not say which).
                return false;
            }

            var counts = countArray.AsSpan(0, distinct);
            counts.Clear();
            Slide(number, valueArray.AsSpan(0, distinct), counts, (window - 1) / 2, qa, qb, median, outA, outB);
            return true;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(numberArray);
            ArrayPool<double>.Shared.Return(valueArray);
            ArrayPool<int>.Shared.Return(countArray);
        }
    }

    private static void Slide(ReadOnlySpan<int> number, ReadOnlySpan<double> values, Span<int> counts, int half, double qa, double qb, bool median, Span<double> outA, Span<double> outB)
    {
        var n = number.Length;

        // Cursors for the lower order statistic of qa (or the upper middle value) and of qb (or the lower middle value);
        // the next order statistic up, when a quantile interpolates, is read on from its cursor.
        Cursor a = default, b = default;
        var count = 0;
        var last = -1;
        for (var t = 0; t < n; t++)
        {
            // Window [t − h, t + h] ∩ [0, n − 1], truncated at the ends as the sorted window is.
            var wantLast = Math.Min(n - 1, t + half);
            var leaving = t - half - 1;
            if (leaving >= 0 && last < wantLast)
            {
                // Full window: one value enters, one leaves.
                Add(number[++last], 1, counts, ref a, ref b);
                Add(number[leaving], -1, counts, ref a, ref b);
            }
            else
            {
                while (last < wantLast)
                {
                    Add(number[++last], 1, counts, ref a, ref b);
                    count++;
                }

                if (leaving >= 0)
                {
                    Add(number[leaving], -1, counts, ref a, ref b);
                    count--;
                }
            }

            if (median)
            {
                // The middle value, or the mean of the two middle values (as Median on the sorted window).
                var upper = a.Seek(count / 2, counts, values);
                outA[t] = (count & 1) == 1 ? upper : (b.Seek((count / 2) - 1, counts, values) + upper) / 2;
                continue;
            }

            outA[t] = Interpolate(qa, count, ref a, counts, values);
            outB[t] = Interpolate(qb, count, ref b, counts, values);
        }
    }

    /// <summary>Adds <paramref name="delta"/> (±1) to the count of value <paramref name="value"/> and keeps both cursors' counts below them.</summary>
    private static void Add(int value, int delta, Span<int> counts, ref Cursor a, ref Cursor b)
    {
        counts[value] += delta;
        a.Below += value < a.Value ? delta : 0;
        b.Below += value < b.Value ? delta : 0;
    }

    /// <summary>The quantile q of the window as <see cref="SortedWindow.Quantile"/> computes it, with the order statistics found by rank.</summary>
    private static double Interpolate(double q, int count, ref Cursor cursor, ReadOnlySpan<int> counts, ReadOnlySpan<double> values)
    {
        var position = q * (count - 1);
        var lo = (int)Math.Floor(position);
        var fraction = position - lo;
        var a = cursor.Seek(lo, counts, values);
        if (fraction == 0 || lo + 1 >= count)
        {
            return a;
        }

        return a + ((cursor.Next(lo + 1, counts, values) - a) * fraction);
    }

    /// <summary>A distinct value (by number) and how many values of the window are below it.</summary>
    private struct Cursor
    {
        public int Value;
        public int Below;

        /// <summary>Moves to the distinct value holding the rank-th smallest value of the window (0-based) and returns it.</summary>
        public double Seek(int rank, ReadOnlySpan<int> counts, ReadOnlySpan<double> values)
        {
            while (Below > rank)
            {
                Value--;
                Below -= counts[Value];
            }

            while (Below + counts[Value] <= rank)
            {
                Below += counts[Value];
                Value++;
            }

            return values[Value];
        }

        /// <summary>The rank-th smallest value of the window when it is at or above the cursor's value, without moving the cursor.</summary>
        public readonly double Next(int rank, ReadOnlySpan<int> counts, ReadOnlySpan<double> values)
        {
            var value = Value;
            var below = Below;
            while (below + counts[value] <= rank)
            {
                below += counts[value];
                value++;
            }

            return values[value];
        }
    }
}
