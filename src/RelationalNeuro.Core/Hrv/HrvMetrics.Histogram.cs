using System.Buffers;
using System.Runtime.CompilerServices;

namespace RelationalNeuro.Hrv;

// Histogram helpers behind the geometric metrics and the exact order statistics (median, quartiles, MAD).
// Order statistics without sorting: the histogram already says which bin holds the k-th smallest value and its
// rank inside that bin, so one pass gathers the few bins that matter and a quickselect inside each finishes the job.
public static partial class HrvMetrics
{
    private interface IValueMap
    {
        double Map(double v);
    }

    private readonly struct Identity : IValueMap
    {
        public double Map(double v) => v;
    }

    private readonly struct AbsoluteDeviation(double center) : IValueMap
    {
        public double Map(double v) => Math.Abs(v - center);
    }

    /// <summary>25th, 50th and 75th percentiles with linear interpolation between order statistics (Hyndman &amp; Fan type 7, NumPy's default).</summary>
    private static (double Q1, double Median, double Q3) Quartiles(ReadOnlySpan<double> x, ReadOnlySpan<int> hist, long firstBin, double w)
    {
        var n = x.Length;
        Span<int> ranks = stackalloc int[6];
        Span<double> fractions = stackalloc double[3];
        ReadOnlySpan<double> ps = [0.25, 0.5, 0.75];
        for (var i = 0; i < 3; i++)
        {
            var h = (n - 1) * ps[i];
            var lo = (int)Math.Floor(h);
            ranks[2 * i] = lo;
            ranks[(2 * i) + 1] = Math.Min(lo + 1, n - 1);
            fractions[i] = h - lo;
        }

        Span<double> values = stackalloc double[6];
        SelectRanks(x, default(Identity), hist, firstBin, w, ranks, values);
        return (Lerp(values[0], values[1], fractions[0]), Lerp(values[2], values[3], fractions[1]), Lerp(values[4], values[5], fractions[2]));
    }

    /// <summary>Median of |x − center| (unscaled), from a histogram of the distances with bins of width w from 0.</summary>
    private static double MedianAbsoluteDeviation(ReadOnlySpan<double> x, double center, double maxDistance, double w)
    {
        var invW = 1 / w;
        var length = (int)Bin(maxDistance, w, invW) + 1;
        int[]? rented = null;
        var hist = length <= StackBins ? stackalloc int[StackBins] : (rented = ArrayPool<int>.Shared.Rent(length));
        hist = hist[..length];
        hist.Clear();
        try
        {
            var map = new AbsoluteDeviation(center);
            foreach (var v in x)
            {
                hist[(int)Bin(map.Map(v), w, invW)]++;
            }

            var n = x.Length;
            var h = (n - 1) * 0.5;
            var lo = (int)Math.Floor(h);
            Span<int> ranks = [lo, Math.Min(lo + 1, n - 1)];
            Span<double> values = stackalloc double[2];
            SelectRanks(x, map, hist, 0, w, ranks, values);
            return Lerp(values[0], values[1], h - lo);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The values of the given ranks (0-based, any order, at most 6) among map(x), using the histogram of map(x) whose bin j
    /// is absolute bin firstBin + j of width w.
    /// </summary>
    private static void SelectRanks<TMap>(
        ReadOnlySpan<double> x, TMap map, ReadOnlySpan<int> hist, long firstBin, double w, ReadOnlySpan<int> ranks, Span<double> values)
        where TMap : struct, IValueMap
    {
        const int MaxSlots = 6;
        Span<int> rankBin = stackalloc int[ranks.Length];
        Span<int> rankLocal = stackalloc int[ranks.Length];
        Span<int> slotBin = stackalloc int[MaxSlots];
        Span<int> slotStart = stackalloc int[MaxSlots + 1];
        var slots = 0;
        var total = 0;
        // Visit the ranks in ascending order (insertion sort of at most 6 positions) so one walk finds every bin.
        Span<int> order = stackalloc int[ranks.Length];
        for (var r = 0; r < ranks.Length; r++)
        {
            var p = r;
            while (p > 0 && ranks[order[p - 1]] > ranks[r])
            {
                order[p] = order[p - 1];
                p--;
            }

            order[p] = r;
        }

        var cumulative = 0;
        var j = 0;
        foreach (var r in order)
        {
            while (cumulative + hist[j] <= ranks[r])
            {
                cumulative += hist[j];
                j++;
            }

            rankBin[r] = j;
            rankLocal[r] = ranks[r] - cumulative;
            if (slots == 0 || slotBin[slots - 1] != j)
            {
                slotBin[slots] = j;
                slotStart[slots] = total;
                total += hist[j];
                slots++;
            }
        }

        slotStart[slots] = total;

        // Branch-free gather (the JIT keeps conditionals inside loops as branches, and which bin a value falls in is
        // unpredictable): every value is written somewhere; values outside the needed bins go to a scratch cell
        // ("dump" slot) whose cursor never advances. slotOf maps (bin − lowBin + 1), clamped to [0, width + 1], to a slot.
        int lowBin = slotBin[0], highBin = slotBin[slots - 1];
        var width = highBin - lowBin + 1;
        var dump = slots;
        var buffer = ArrayPool<double>.Shared.Rent(total + 1);
        byte[]? rentedSlots = null;
        var slotOf = width + 2 <= StackBins ? stackalloc byte[width + 2] : (rentedSlots = ArrayPool<byte>.Shared.Rent(width + 2));
        slotOf = slotOf[..(width + 2)];
        try
        {
            slotOf.Fill((byte)dump);
            for (var s = 0; s < slots; s++)
            {
                slotOf[slotBin[s] - lowBin + 1] = (byte)s;
            }

            Span<int> cursor = stackalloc int[MaxSlots + 1];
            slotStart[..slots].CopyTo(cursor);
            cursor[dump] = total;
            var invW = 1 / w;
            var offset = firstBin + lowBin - 1;
            long last = width + 1;
            foreach (var v in x)
            {
                var mv = map.Map(v);
                var index = Bin(mv, w, invW) - offset;
                index &= ~(index >> 63);                    // max(index, 0)
                var over = index - last;
                index = last + (over & (over >> 63));       // min(index, last)
                int slot = slotOf[(int)index];
                var position = cursor[slot];
                buffer[position] = mv;
                cursor[slot] = position + Unsafe.BitCast<bool, byte>(slot != dump);
            }

            for (var r = 0; r < ranks.Length; r++)
            {
                var s = slotBin[..slots].IndexOf(rankBin[r]);
                values[r] = QuickSelect(buffer.AsSpan(slotStart[s], slotStart[s + 1] - slotStart[s]), rankLocal[r]);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
            if (rentedSlots is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedSlots);
            }
        }
    }

    /// <summary>
    /// The k-th smallest value (0-based) of a, partially reordering a: quickselect with a three-way (Dijkstra)
    /// partition around a median-of-three pivot, so a run of equal values, the usual content of a bin of quantised
    /// RR data, is settled in one pass.
    /// </summary>
    private static double QuickSelect(Span<double> a, int k)
    {
        int lo = 0, hi = a.Length - 1;
        while (hi > lo)
        {
            var mid = lo + ((hi - lo) / 2);
            double x = a[lo], y = a[mid], z = a[hi];
            var pivot = Math.Max(Math.Min(x, y), Math.Min(Math.Max(x, y), z));
            int lt = lo, i = lo, gt = hi;
            while (i <= gt)
            {
                var v = a[i];
                if (v < pivot)
                {
                    (a[lt], a[i]) = (v, a[lt]);
                    lt++;
                    i++;
                }
                else if (v > pivot)
                {
                    (a[gt], a[i]) = (v, a[gt]);
                    gt--;
                }
                else
                {
                    i++;
                }
            }

            // Now a[lo..lt) < pivot, a[lt..gt] == pivot, a(gt..hi] > pivot.
            if (k < lt)
            {
                hi = lt - 1;
            }
            else if (k > gt)
            {
                lo = gt + 1;
            }
            else
            {
                return pivot;
            }
        }

        return a[k];
    }

    /// <summary>
    /// TINN in bins: M − N of the least-squares triangle (see <see cref="TimeDomain"/>). Each side's squared error,
    /// expanded, needs only Σ D_j and Σ j·D_j over the bins strictly between the foot and the peak, so each
    /// candidate costs O(1) and the whole search O(bins).
    /// </summary>
    private static long TinnBins(ReadOnlySpan<int> hist, int peak, long firstBin, long lastBin)
    {
        double y = hist[peak];
        var yy = y * y;

        double s0 = 0, s1 = 0, best = double.PositiveInfinity;
        long bestN = peak - 1;
        for (long nn = peak - 1; nn >= -firstBin; nn--)
        {
            var add = nn + 1;
            if (add < peak && add >= 0)
            {
                s0 += hist[(int)add];
                s1 += add * (double)hist[(int)add];
            }

            double l = peak - nn;
            var f = (-2 * y / l * (s1 - (nn * s0))) + (yy * (l - 1) * ((2 * l) - 1) / (6 * l));
            if (f < best)
            {
                best = f;
                bestN = nn;
            }
        }

        s0 = 0;
        s1 = 0;
        best = double.PositiveInfinity;
        long bestM = peak + 1;
        var rightLimit = (2 * lastBin) + 1 - firstBin;
        for (long mm = peak + 1; mm <= rightLimit; mm++)
        {
            var add = mm - 1;
            if (add > peak && add < hist.Length)
            {
                s0 += hist[(int)add];
                s1 += add * (double)hist[(int)add];
            }

            double l = mm - peak;
            var f = (-2 * y / l * ((mm * s0) - s1)) + (yy * (l - 1) * ((2 * l) - 1) / (6 * l));
            if (f < best)
            {
                best = f;
                bestM = mm;
            }
        }

        return bestM - bestN;
    }
}
