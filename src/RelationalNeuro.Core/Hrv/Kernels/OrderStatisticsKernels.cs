using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using static RelationalNeuro.Hrv.Kernels.TimeDomainKernels;

namespace RelationalNeuro.Hrv.Kernels;

// The exact order statistics (median, quartiles, MAD) of HrvMetrics.TimeDomain from its histograms, and TINN's
// least-squares triangle; the definitions they must reproduce are TimeDomainDefinitions.Quantile, .Mad and .Tinn.
// Order statistics without sorting: the histogram already says which bin holds the k-th smallest value and its
// rank inside that bin, so one pass gathers the few bins that matter and a quickselect inside each finishes the job.
internal static class OrderStatisticsKernels
{
    /// <summary>The quartiles' probabilities, in a static array: a span over a collection expression is a new array per call in a Debug build.</summary>
    private static readonly double[] QuartileProbabilities = [0.25, 0.5, 0.75];

    /// <summary>The exact order statistics of <see cref="HrvMetrics.TimeDomain"/>: quartiles (Hyndman &amp; Fan type 7) and the unscaled MAD.</summary>
    internal readonly record struct OrderStats(double Q1, double Median, double Q3, double Mad);

    /// <summary>Most bin runs one gather collects: three for the quartiles, three for the MAD.</summary>
    private const int MaxRuns = 6;

    /// <summary>
    /// Median, quartiles and MAD from one gather pass. The histogram gives, for each wanted rank, the bin that holds it
    /// and how many values lie below that bin. For the MAD, the median is only known to lie in [mlo, mhi] (the edges
    /// of its bins) before the gather, so each bin j bounds the distances |x − median| of its values by
    /// [dlo_j, dhi_j]; walking outward from the median bins gives a distance window [A, B] that must contain the wanted
    /// ranks of the distances (at most kLo distances are below A, at least kHi + 1 are at most B). The bins whose bound
    /// meets the window are gathered with the quartile bins in the same pass; afterwards their exact distances are
    /// counted below A, dropped above B, and a quickselect among the rest finishes. If rounding ever broke the
    /// window's guarantee (checked by count), the MAD falls back to selecting among all N distances.
    /// </summary>
    internal static OrderStats OrderStatistics(ReadOnlySpan<double> x, ReadOnlySpan<int> hist, long firstBin, double w, bool allOnBinEdges)
    {
        var n = x.Length;
        Span<int> ranks = stackalloc int[6];
        Span<double> fractions = stackalloc double[3];
        ReadOnlySpan<double> ps = QuartileProbabilities;
        for (var q = 0; q < 3; q++)
        {
            var h = (n - 1) * ps[q];
            var lo = (int)Math.Floor(h);
            ranks[2 * q] = lo;
            ranks[(2 * q) + 1] = Math.Min(lo + 1, n - 1);
            fractions[q] = h - lo;
        }

        Span<int> rankBin = stackalloc int[6];
        Span<int> rankBelow = stackalloc int[6];
        LocateRanks(hist, ranks, rankBin, rankBelow);
        if (allOnBinEdges)
        {
            return OrderStatisticsOnBinEdges(hist, firstBin, w, ranks, fractions, rankBin);
        }

        // Runs 0–2: the bins of each quartile's two ranks. Runs 3…: the MAD candidates.
        Span<int> runLo = stackalloc int[MaxRuns];
        Span<int> runHi = stackalloc int[MaxRuns];
        for (var q = 0; q < 3; q++)
        {
            runLo[q] = rankBin[2 * q];
            runHi[q] = rankBin[(2 * q) + 1];
        }

        int bm1 = rankBin[2], bm2 = rankBin[3];
        int kLo = ranks[2], kHi = ranks[3];
        var mad = MadWindow(hist, firstBin, w, bm1, bm2, kLo, kHi, runLo[3..], runHi[3..], out var madRuns, out var belowBins);
        var runs = 3 + madRuns;

        Span<int> runStart = stackalloc int[MaxRuns + 1];
        var total = 0;
        for (var r = 0; r < runs; r++)
        {
            runStart[r] = total;
            var count = 0;
            for (var j = runLo[r]; j <= runHi[r]; j++)
            {
                count += hist[j];
            }

            total += count + GatherSlack;
        }

        runStart[runs] = total;
        var buffer = ArrayPool<double>.Shared.Rent(total + (2 * GatherSlack));
        try
        {
            Span<int> runEnd = stackalloc int[MaxRuns];
            Gather(x, w, firstBin, runLo[..runs], runHi[..runs], runStart[..runs], buffer, runEnd[..runs]);

            Span<double> quartiles = stackalloc double[3];
            for (var q = 0; q < 3; q++)
            {
                var values = buffer.AsSpan(runStart[q], runEnd[q] - runStart[q]);
                var below = rankBelow[2 * q];
                var a = QuickSelect(values, ranks[2 * q] - below);
                var b = QuickSelect(values, ranks[(2 * q) + 1] - below);
                quartiles[q] = Lerp(a, b, fractions[q]);
            }

            var median = quartiles[1];

            // MAD: exact distances of the gathered candidates, compacted in place to those inside [A, B].
            var kept = 0;
            var keptStart = runStart[3];
            var belowA = belowBins;
            for (var r = 3; r < runs; r++)
            {
                for (var k = runStart[r]; k < runEnd[r]; k++)
                {
                    var d = Math.Abs(buffer[k] - median);
                    if (d < mad.A)
                    {
                        belowA++;
                    }
                    else if (d <= mad.B)
                    {
                        buffer[keptStart + kept++] = d;
                    }
                }
            }

            double madValue;
            if (belowA <= kLo && belowA + kept > kHi)
            {
                var candidates = buffer.AsSpan(keptStart, kept);
                madValue = Lerp(QuickSelect(candidates, kLo - belowA), QuickSelect(candidates, kHi - belowA), fractions[1]);
            }
            else
            {
                madValue = MedianAbsoluteDeviationOfAll(x, median);
            }

            return new OrderStats(quartiles[0], median, quartiles[2], madValue);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Order statistics when every value equals the lower edge J·w of its bin (data quantised on the histogram's grid,
    /// e.g. a 128-Hz recorder with the 1/128-s bins): each bin holds one distinct value, so the histogram alone is the
    /// sorted data. The MAD merges the distances |J·w − median| outward from the median, in increasing order on each side.
    /// </summary>
    private static OrderStats OrderStatisticsOnBinEdges(
        ReadOnlySpan<int> hist, long firstBin, double w, ReadOnlySpan<int> ranks, ReadOnlySpan<double> fractions, ReadOnlySpan<int> rankBin)
    {
        Span<double> quartiles = stackalloc double[3];
        for (var q = 0; q < 3; q++)
        {
            quartiles[q] = Lerp((firstBin + rankBin[2 * q]) * w, (firstBin + rankBin[(2 * q) + 1]) * w, fractions[q]);
        }

        var median = quartiles[1];
        int kLo = ranks[2], kHi = ranks[3];

        // Left side: bins whose value is ≤ the median, walked downward; right side: the others, walked upward.
        var right = rankBin[2];
        while (right < hist.Length && (firstBin + right) * w <= median)
        {
            right++;
        }

        var left = right - 1;
        double dLo = 0, dHi = 0;
        var taken = 0;
        var found = 0;
        while (found < 2)
        {
            var dl = left >= 0 ? median - ((firstBin + left) * w) : double.PositiveInfinity;
            var dr = right < hist.Length ? ((firstBin + right) * w) - median : double.PositiveInfinity;
            double d;
            int count;
            if (dl <= dr)
            {
                d = dl;
                count = hist[left--];
            }
            else
            {
                d = dr;
                count = hist[right++];
            }

            taken += count;
            if (found == 0 && taken > kLo)
            {
                dLo = d;
                found = 1;
            }

            if (found == 1 && taken > kHi)
            {
                dHi = d;
                found = 2;
            }
        }

        return new OrderStats(quartiles[0], median, quartiles[2], Lerp(dLo, dHi, fractions[1]));
    }

    /// <summary>Room after each gathered run for the 8-lane stores of the vector gather.</summary>
    private const int GatherSlack = 8;

    /// <summary>For ranks given in any order: the histogram bin holding each, and the count of values in the bins before it.</summary>
    private static void LocateRanks(ReadOnlySpan<int> hist, ReadOnlySpan<int> ranks, Span<int> rankBin, Span<int> rankBelow)
    {
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
            rankBelow[r] = cumulative;
        }
    }

    /// <summary>The distance window [A, B] of the MAD (already widened by a rounding margin).</summary>
    private readonly record struct DistanceWindow(double A, double B);

    /// <summary>
    /// Chooses the MAD's distance window from the histogram alone and the bin runs that may hold distances inside it
    /// (at most three: left of, at, and right of the median bins); <paramref name="belowBins"/> counts the values of
    /// the bins outside those runs whose every distance is below A.
    /// </summary>
    private static DistanceWindow MadWindow(
        ReadOnlySpan<int> hist, long firstBin, double w, int bm1, int bm2, int kLo, int kHi,
        Span<int> runLo, Span<int> runHi, out int runs, out int belowBins)
    {
        var length = hist.Length;
        var mlo = (firstBin + bm1) * w;
        var mhi = (firstBin + bm2 + 1) * w;
        var middle = 0;
        for (var j = bm1; j <= bm2; j++)
        {
            middle += hist[j];
        }

        // A: the frontier's smallest lower bound while at most kLo values have been passed.
        double a = 0;
        long c = middle;
        int left = bm1 - 1, right = bm2 + 1;
        while (c <= kLo && (left >= 0 || right < length))
        {
            var dl = left >= 0 ? DistanceLow(left) : double.PositiveInfinity;
            var dr = right < length ? DistanceLow(right) : double.PositiveInfinity;
            a = Math.Min(dl, dr);
            if (dl <= dr)
            {
                c += hist[left--];
            }
            else
            {
                c += hist[right++];
            }
        }

        // B: the largest upper bound taken until at least kHi + 1 values are in.
        double b = 0;
        for (var j = bm1; j <= bm2; j++)
        {
            b = Math.Max(b, DistanceHigh(j));
        }

        c = middle;
        left = bm1 - 1;
        right = bm2 + 1;
        while (c <= kHi && (left >= 0 || right < length))
        {
            var dl = left >= 0 ? DistanceHigh(left) : double.PositiveInfinity;
            var dr = right < length ? DistanceHigh(right) : double.PositiveInfinity;
            if (dl <= dr)
            {
                b = Math.Max(b, dl);
                c += hist[left--];
            }
            else
            {
                b = Math.Max(b, dr);
                c += hist[right++];
            }
        }

        // Widen by far more than the rounding of the bin edges and of |x − median| (a few ulps of the values).
        var margin = 9.313225746154785E-10 * /* 2^-30 */ (Math.Abs(mhi) + Math.Abs(mlo) + w);
        a -= margin;
        b += margin;

        // Candidate runs: on each side the bins with dhi ≥ A and dlo ≤ B form one run (the bounds are monotone there);
        // the median's own bins are candidates unless all their distances are below A.
        runs = 0;
        belowBins = 0;
        int lo = int.MaxValue, hi = int.MinValue;
        for (var j = 0; j < bm1; j++)
        {
            if (IsCandidate(j))
            {
                lo = Math.Min(lo, j);
                hi = Math.Max(hi, j);
            }
        }

        AddRun(lo, hi, runLo, runHi, ref runs);
        var middleIsCandidate = false;
        for (var j = bm1; j <= bm2; j++)
        {
            middleIsCandidate |= DistanceHigh(j) >= a;
        }

        if (middleIsCandidate)
        {
            AddRun(bm1, bm2, runLo, runHi, ref runs);
        }

        lo = int.MaxValue;
        hi = int.MinValue;
        for (var j = bm2 + 1; j < length; j++)
        {
            if (IsCandidate(j))
            {
                lo = Math.Min(lo, j);
                hi = Math.Max(hi, j);
            }
        }

        AddRun(lo, hi, runLo, runHi, ref runs);

        for (var j = 0; j < length; j++)
        {
            var inRun = false;
            for (var r = 0; r < runs; r++)
            {
                inRun |= j >= runLo[r] && j <= runHi[r];
            }

            if (!inRun && DistanceHigh(j) < a)
            {
                belowBins += hist[j];
            }
        }

        return new DistanceWindow(a, b);

        bool IsCandidate(int j) => DistanceHigh(j) >= a && DistanceLow(j) <= b;

        // Bounds of |x − m| for x in bin j ([J·w, (J + 1)·w)) and m in [mlo, mhi].
        double DistanceLow(int j)
        {
            var lowEdge = (firstBin + j) * w;
            var highEdge = (firstBin + j + 1) * w;
            return Math.Max(0, Math.Max(lowEdge - mhi, mlo - highEdge));
        }

        double DistanceHigh(int j)
        {
            var lowEdge = (firstBin + j) * w;
            var highEdge = (firstBin + j + 1) * w;
            return Math.Max(highEdge - mlo, mhi - lowEdge);
        }
    }

    private static void AddRun(int lo, int hi, Span<int> runLo, Span<int> runHi, ref int runs)
    {
        if (lo > hi)
        {
            return;
        }

        if (runs > 0 && runHi[runs - 1] + 1 >= lo)
        {
            runHi[runs - 1] = Math.Max(runHi[runs - 1], hi); // adjacent: one run
            return;
        }

        runLo[runs] = lo;
        runHi[runs] = hi;
        runs++;
    }

    /// <summary>
    /// One pass over <paramref name="x"/> copying, for each run r, the values whose bin lies in [runLo[r], runHi[r]]
    /// (local bins) to the buffer from runStart[r] on; runEnd[r] receives the end. AVX-512: 8 values at a time, each
    /// run's lanes packed with VCOMPRESSPD and stored whole (the slack after each run absorbs the unused lanes).
    /// </summary>
    private static void Gather(
        ReadOnlySpan<double> x, double w, long firstBin, ReadOnlySpan<int> runLo, ReadOnlySpan<int> runHi,
        ReadOnlySpan<int> runStart, double[] buffer, Span<int> runEnd)
    {
        var runs = runLo.Length;
        runStart.CopyTo(runEnd);
        var invW = 1 / w;
        var i = 0;
        var n = x.Length;
        if (KernelDispatch.UseVector512 && n >= Vector512<double>.Count)
        {
            // Six runs unrolled with their bounds and cursors in registers; an unused run never matches (lo = +∞) and
            // writes its empty stores to the scratch slack at the end of the buffer.
            Span<double> lows = stackalloc double[MaxRuns];
            Span<double> highs = stackalloc double[MaxRuns];
            Span<int> ends = stackalloc int[MaxRuns];
            var scratch = buffer.Length - GatherSlack; // past every run (the buffer holds their total + 2 · slack)
            for (var r = 0; r < MaxRuns; r++)
            {
                lows[r] = r < runs ? firstBin + runLo[r] : double.PositiveInfinity;
                highs[r] = r < runs ? firstBin + runHi[r] : double.NegativeInfinity;
                ends[r] = r < runs ? runEnd[r] : scratch;
            }

            i = GatherVector512(x, w, lows, highs, ends, buffer);
            ends[..runs].CopyTo(runEnd);
        }

        for (; i < n; i++)
        {
            var v = x[i];
            var b = Bin(v, w, invW) - firstBin;
            for (var r = 0; r < runs; r++)
            {
                if (b >= runLo[r] && b <= runHi[r])
                {
                    buffer[runEnd[r]++] = v;
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // first call runs optimised code: docs/performance.md, "Seventeenth session"
    private static int GatherVector512(ReadOnlySpan<double> x, double w, ReadOnlySpan<double> lows, ReadOnlySpan<double> highs, Span<int> ends, double[] buffer)
    {
        const int Lanes = 8;
        ref var x0 = ref MemoryMarshal.GetReference(x);
        ref var out0 = ref MemoryMarshal.GetArrayDataReference(buffer);
        var n = x.Length;
        var wv = Vector512.Create(w);
        var invWv = Vector512.Create(1 / w);
        var one = Vector512.Create(1.0);
        Vector512<double> lo0 = Vector512.Create(lows[0]), lo1 = Vector512.Create(lows[1]), lo2 = Vector512.Create(lows[2]);
        Vector512<double> lo3 = Vector512.Create(lows[3]), lo4 = Vector512.Create(lows[4]), lo5 = Vector512.Create(lows[5]);
        Vector512<double> hi0 = Vector512.Create(highs[0]), hi1 = Vector512.Create(highs[1]), hi2 = Vector512.Create(highs[2]);
        Vector512<double> hi3 = Vector512.Create(highs[3]), hi4 = Vector512.Create(highs[4]), hi5 = Vector512.Create(highs[5]);
        nuint e0 = (nuint)ends[0], e1 = (nuint)ends[1], e2 = (nuint)ends[2], e3 = (nuint)ends[3], e4 = (nuint)ends[4], e5 = (nuint)ends[5];
        var i = 0;
        for (; i <= n - Lanes; i += Lanes)
        {
            var v = Vector512.LoadUnsafe(ref x0, (nuint)i);
            var b = BinVector(v, wv, invWv, one);
            e0 = Pack(v, b, lo0, hi0, ref out0, e0);
            e1 = Pack(v, b, lo1, hi1, ref out0, e1);
            e2 = Pack(v, b, lo2, hi2, ref out0, e2);
            e3 = Pack(v, b, lo3, hi3, ref out0, e3);
            e4 = Pack(v, b, lo4, hi4, ref out0, e4);
            e5 = Pack(v, b, lo5, hi5, ref out0, e5);
        }

        ends[0] = (int)e0;
        ends[1] = (int)e1;
        ends[2] = (int)e2;
        ends[3] = (int)e3;
        ends[4] = (int)e4;
        ends[5] = (int)e5;
        return i;
    }

    /// <summary>Stores the lanes of <paramref name="v"/> whose bin is in [lo, hi] contiguously at <paramref name="end"/> (VCOMPRESSPD, then one whole store); returns the new end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nuint Pack(Vector512<double> v, Vector512<double> b, Vector512<double> lo, Vector512<double> hi, ref double out0, nuint end)
    {
        var mask = Vector512.GreaterThanOrEqual(b, lo) & Vector512.LessThanOrEqual(b, hi);
        Avx512F.Compress(Vector512<double>.Zero, mask, v).StoreUnsafe(ref out0, end);
        return end + (nuint)Lanes(mask);
    }

    /// <summary>Unscaled MAD by selection among all N distances: the fallback of <see cref="OrderStatistics"/>.</summary>
    private static double MedianAbsoluteDeviationOfAll(ReadOnlySpan<double> x, double median)
    {
        var n = x.Length;
        var buffer = ArrayPool<double>.Shared.Rent(n);
        try
        {
            var d = buffer.AsSpan(0, n);
            AbsoluteDeviations(x, median, d);

            var h = (n - 1) * 0.5;
            var lo = (int)Math.Floor(h);
            return Lerp(QuickSelect(d, lo), QuickSelect(d, Math.Min(lo + 1, n - 1)), h - lo);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The k-th smallest value (0-based) of a, partially reordering a: quickselect with a three-way (Dijkstra)
    /// partition around a median-of-three pivot, so a run of equal values, the usual content of a bin of quantised
    /// RR data, is settled in one pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // first call runs optimised code: docs/performance.md, "Seventeenth session"
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
    /// TINN in bins: M − N of the least-squares triangle (see <see cref="HrvMetrics.TimeDomain"/>). Each side's squared
    /// error, expanded, is Σ D_j² (the same for every candidate) plus F / (6·l), l the distance from foot to peak, with
    /// the integer F = Y²·(l − 1)·(2l − 1) − 12·Y·S and S = Σ D_j·|j − foot| over the bins strictly between foot and
    /// peak; S follows from Σ D_j and Σ j·D_j, so each candidate costs O(1) and the search O(bins). Candidates are
    /// compared exactly (in integers), so a tie goes to the candidate nearest the peak, as defined.
    /// </summary>
    internal static long TinnBins(ReadOnlySpan<int> hist, int peak, long firstBin, long lastBin)
    {
        long y = hist[peak];
        long s0 = 0, s1 = 0;
        var left = new TinnFoot(y);
        long bestN = peak - 1;
        for (long nn = peak - 1; nn >= -firstBin; nn--)
        {
            var add = nn + 1;
            if (add < peak && add >= 0)
            {
                s0 += hist[(int)add];
                s1 += add * hist[(int)add];
            }

            if (left.Offer(peak - nn, s1 - (nn * s0)))
            {
                bestN = nn;
            }
        }

        s0 = 0;
        s1 = 0;
        var right = new TinnFoot(y);
        long bestM = peak + 1;
        var rightLimit = (2 * lastBin) + 1 - firstBin;
        for (long mm = peak + 1; mm <= rightLimit; mm++)
        {
            var add = mm - 1;
            if (add > peak && add < hist.Length)
            {
                s0 += hist[(int)add];
                s1 += add * hist[(int)add];
            }

            if (right.Offer(mm - peak, (mm * s0) - s1))
            {
                bestM = mm;
            }
        }

        return bestM - bestN;
    }

    /// <summary>
    /// The best foot so far on one side of TINN's triangle. <see cref="Offer"/> takes a candidate at distance l from
    /// the peak with S = Σ D_j·|j − foot| when its error F / (6·l) is lower — compared in doubles where they are clearly
    /// apart and exactly (<see cref="ExactlyBelow"/>) near a tie, so a tie keeps the candidate nearest the peak.
    /// </summary>
    private struct TinnFoot(long y)
    {
        private readonly long _y = y;
        private readonly double _yd = y;
        private double _best = double.PositiveInfinity;
        private double _bestScale;
        private long _bestL;
        private long _bestS;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Offer(long l, long s)
        {
            double ld = l;
            var linear = -2 * _yd / ld * s;
            var quadratic = _yd * _yd * (ld - 1) * ((2 * ld) - 1) / (6 * ld);
            var f = linear + quadratic;
            var size = Math.Abs(linear) + quadratic;

            // Clearly worse (above the best by more than any near-tie band): the common case, decided without the
            // exact comparison. Equivalent to the test below, since its band 1e-9·max(bestScale, size) is smaller.
            if (f - _best > 1e-9 * (_bestScale + size))
            {
                return false;
            }

            var scale = Math.Max(_bestScale, size);
            var better = f < _best
                ? !NearTie(f, _best, scale) || ExactlyBelow(_y, l, s, _bestL, _bestS)
                : NearTie(f, _best, scale) && ExactlyBelow(_y, l, s, _bestL, _bestS);
            if (better)
            {
                _best = f;
                _bestScale = size;
                _bestL = l;
                _bestS = s;
            }

            return better;
        }
    }

    /// <summary>
    /// Two candidates' errors so close, against the size of the terms they were computed from (<paramref name="scale"/>),
    /// that rounding could order them wrongly (always false against +∞).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool NearTie(double f, double best, double scale) => double.IsFinite(best) && Math.Abs(f - best) <= 1e-9 * scale;

    /// <summary>
    /// The exact order of two candidates: a side's squared error, less Σ D², is F / (6·l) with the integer
    /// F = Y²·(l − 1)·(2l − 1) − 12·Y·S; compares F/l &lt; F'/l' by truncated quotients, then remainders cross-multiplied.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool ExactlyBelow(long y, long l, long s, long otherL, long otherS)
    {
        var (q, r) = Int128.DivRem(((Int128)(y * y) * ((l - 1) * ((2 * l) - 1))) - (12 * (Int128)y * s), l);
        var (otherQ, otherR) = Int128.DivRem(((Int128)(y * y) * ((otherL - 1) * ((2 * otherL) - 1))) - (12 * (Int128)y * otherS), otherL);
        return q != otherQ ? q < otherQ : r * otherL < otherR * l;
    }

    /// <summary>|x_i − <paramref name="center"/>| into <paramref name="destination"/> (which may be <paramref name="x"/>): exact, element by element.</summary>
    internal static void AbsoluteDeviations(ReadOnlySpan<double> x, double center, Span<double> destination)
    {
        TensorPrimitives.Subtract(x, center, destination);
        TensorPrimitives.Abs(destination, destination);
    }

    /// <summary>a + t·(b − a), exactly a when t = 0 (the type-7 quantile's interpolation).</summary>
    internal static double Lerp(double a, double b, double t) => t == 0 ? a : a + (t * (b - a));
}
