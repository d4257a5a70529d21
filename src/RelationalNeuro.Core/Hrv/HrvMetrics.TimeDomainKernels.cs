using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace RelationalNeuro.Hrv;

// The passes behind TimeDomain: pass 0 (validity, range, grid test) and pass 1 (moments, successive differences,
// heart rate, histogram, 5-min segments), each with an AVX-512 kernel and a scalar one that defines the result.
// The vector kernels only reorder floating-point additions (results agree with the scalar ones to rounding, about
// 1e-15 relative); counts, the histogram and the segment boundaries are identical.
public static partial class HrvMetrics
{
    /// <summary>Scale of the grid test: values that are multiples of 2^-10 ms sum exactly in any order (see <see cref="ScanValues"/>).</summary>
    private const double GridScale = 1024;

    /// <summary>Largest N·max for which every partial sum of grid values is exact: 2^43 ms with 10 fractional bits uses 53 bits.</summary>
    private const double ExactSumLimit = 8796093022208.0; // 2^43

    /// <summary>
    /// Forces the scalar kernels of <see cref="TimeDomain"/> (and its order statistics) even where AVX-512 is available.
    /// For tests that compare the two paths; not thread-safe, set it only in a test that owns the process's HRV calls.
    /// </summary>
    internal static bool ForceScalarKernels { get; set; }

    private static bool UseVector512 => Vector512.IsHardwareAccelerated && Avx512F.IsSupported && !ForceScalarKernels;

    /// <summary>Result of pass 0.</summary>
    /// <param name="AllValid">Every value finite and &gt; 0.</param>
    /// <param name="Min">Smallest value.</param>
    /// <param name="Max">Largest value.</param>
    /// <param name="OnDyadicGrid">Every value a multiple of 2^-10 ms and N·max below 2^43 ms: every partial sum is exact.</param>
    private readonly record struct ValueScan(bool AllValid, double Min, double Max, bool OnDyadicGrid);

    /// <summary>The two histograms of pass 1: bins of <see cref="Width"/> from absolute bin <see cref="First"/> (HTI, TINN), and bins of <see cref="FineWidth"/> = Width / F from <see cref="FirstFine"/> (order statistics).</summary>
    private readonly record struct BinGrid(double Width, long First, double FineWidth, long FirstFine);

    /// <summary>Sums from pass 1, shifted by the first interval (K0) and its heart rate (H0).</summary>
    [StructLayout(LayoutKind.Auto)]
    private struct PassOneSums
    {
        public double K0, H0, S1, S2, Hs1, Hs2, D2, Ad1, TotalMs, Prev;
        public long Nn50, Nn20;

        /// <summary>Every value equals the lower edge of its bin in the order-statistics histogram (fine if used, else coarse): each such bin then holds one distinct value.</summary>
        public bool AllOnBinEdges;
    }

    /// <summary>The open 5-min (by default) segment of pass 1.</summary>
    [StructLayout(LayoutKind.Auto)]
    private struct OpenSegment
    {
        public double SegmentMs, EndMs, K, S1, S2;
        public int Index, N;

        /// <summary>
        /// Adds one interval: advances the cumulative time (sequentially, so a boundary is decided exactly as
        /// t_i = RR_0 + … + RR_i summed in order decides it), closes the segment (and any empty ones) when t_i passes its end.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(double v, ref double totalMs, ref SegmentAccumulator segments)
        {
            totalMs += v;
            if (totalMs > EndMs)
            {
                Cross(totalMs, v, ref segments);
            }

            var sv = v - K;
            S1 += sv;
            S2 += sv * sv;
            N++;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void Cross(double totalMs, double v, ref SegmentAccumulator segments)
        {
            segments.Close(K, S1, S2, N);
            Index++;
            EndMs = (Index + 1) * SegmentMs;
            while (totalMs > EndMs)
            {
                segments.Close(0, 0, 0, 0);
                Index++;
                EndMs = (Index + 1) * SegmentMs;
            }

            K = v;
            S1 = 0;
            S2 = 0;
            N = 0;
        }
    }

    /// <summary>Pass 0: are all values finite and positive, their range, and whether they lie on the 2^-10-ms grid.</summary>
    private static ValueScan ScanValues(ReadOnlySpan<double> x)
    {
        ref var x0 = ref MemoryMarshal.GetReference(x);
        var n = x.Length;
        var i = 0;
        double min = x[0], max = x[0];
        bool valid = true, grid = true;
        if (UseVector512 && n >= Vector512<double>.Count)
        {
            var vmin = Vector512.Create(min);
            var vmax = vmin;
            var bad = Vector512<double>.Zero;
            var offGrid = Vector512<double>.Zero;
            var zero = Vector512<double>.Zero;
            var infinity = Vector512.Create(double.PositiveInfinity);
            var scale = Vector512.Create(GridScale);
            for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var v = Vector512.LoadUnsafe(ref x0, (nuint)i);
                bad |= ~Vector512.GreaterThan(v, zero) | Vector512.Equals(v, infinity);
                vmin = Vector512.MinNative(vmin, v);
                vmax = Vector512.MaxNative(vmax, v);
                var g = v * scale;
                offGrid |= ~Vector512.Equals(Vector512.Floor(g), g);
            }

            valid = bad == zero;
            grid = offGrid == zero;
            for (var j = 0; j < Vector512<double>.Count; j++)
            {
                min = Math.Min(min, vmin[j]);
                max = Math.Max(max, vmax[j]);
            }
        }

        for (; i < n; i++)
        {
            var v = x[i];
            valid &= v > 0 && !double.IsPositiveInfinity(v);
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            var g = v * GridScale;
            grid &= Math.Floor(g) == g;
        }

        return new ValueScan(valid, min, max, grid && valid && n * max < ExactSumLimit);
    }

    /// <summary>
    /// Pass 1. The histogram is skipped when <paramref name="hist"/> is empty (too wide). With
    /// <paramref name="exactSums"/> (every partial sum exact) the vector kernel tests segment boundaries once per
    /// 8 intervals; otherwise it keeps the cumulative time as a sequential sum, so boundaries match the scalar definition bit for bit.
    /// </summary>
    private static PassOneSums Accumulate(
        ReadOnlySpan<double> x, BinGrid bins, double max, Span<int> hist, Span<int> fine, double segmentMs, bool exactSums, ref SegmentAccumulator segments)
    {
        var n = x.Length;
        var p = new PassOneSums { K0 = x[0], H0 = MsPerMinute / x[0], Prev = x[0], AllOnBinEdges = true };
        var seg = new OpenSegment { SegmentMs = segmentMs, EndMs = segmentMs, K = x[0] };
        var i = 0;
        if (UseVector512 && n > Vector512<double>.Count)
        {
            // Element 0 alone (its difference is 0 by construction), then blocks of 8 that read x[i − 1 …] for the differences.
            ScalarStep(ref p, ref seg, x[0], bins, hist, fine, ref segments);
            i = 1;
            i = AccumulateVector512(x, i, bins, max, hist, fine, exactSums, ref p, ref seg, ref segments);
        }

        for (; i < n; i++)
        {
            ScalarStep(ref p, ref seg, x[i], bins, hist, fine, ref segments);
        }

        if (p.TotalMs >= seg.EndMs)
        {
            segments.Close(seg.K, seg.S1, seg.S2, seg.N);
        }

        return p;
    }

    /// <summary>One interval of pass 1, the definition the vector kernel reproduces.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ScalarStep(
        ref PassOneSums p, ref OpenSegment seg, double v, BinGrid bins, Span<int> hist, Span<int> fine, ref SegmentAccumulator segments)
    {
        var dv = v - p.K0;
        p.S1 += dv;
        p.S2 += dv * dv;
        var dh = (MsPerMinute / v) - p.H0;
        p.Hs1 += dh;
        p.Hs2 += dh * dh;
        if (hist.Length > 0)
        {
            var b = Bin(v, bins.Width, 1 / bins.Width);
            hist[(int)(b - bins.First)]++;
            if (fine.Length > 0)
            {
                b = Bin(v, bins.FineWidth, 1 / bins.FineWidth);
                fine[(int)(b - bins.FirstFine)]++;
                p.AllOnBinEdges &= v == b * bins.FineWidth;
            }
            else
            {
                p.AllOnBinEdges &= v == b * bins.Width;
            }
        }

        var d = v - p.Prev;
        p.Prev = v;
        p.D2 += d * d;
        var ad = Math.Abs(d);
        p.Ad1 += ad;
        p.Nn50 += Unsafe.BitCast<bool, byte>(ad > 50);
        p.Nn20 += Unsafe.BitCast<bool, byte>(ad > 20);
        seg.Add(v, ref p.TotalMs, ref segments);
    }

    /// <summary>The histogram bins ⌊v / w⌋ of 8 values, as doubles, computed exactly as <see cref="Bin"/> does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> BinVector(Vector512<double> v, Vector512<double> w, Vector512<double> invW, Vector512<double> one)
    {
        var b = Vector512.Floor(v * invW); // = truncation: v > 0
        var lo = b * w;
        return b - (Vector512.LessThan(v, lo) & one) + (Vector512.GreaterThanOrEqual(v, lo + w) & one);
    }

    private static int AccumulateVector512(
        ReadOnlySpan<double> x,
        int start,
        BinGrid bins,
        double max,
        Span<int> hist,
        Span<int> fine,
        bool exactSums,
        ref PassOneSums p,
        ref OpenSegment seg,
        ref SegmentAccumulator segments)
    {
        const int Lanes = 8;
        ref var x0 = ref MemoryMarshal.GetReference(x);
        var n = x.Length;
        var useHist = hist.Length > 0;
        var useFine = fine.Length > 0;
        var k0 = Vector512.Create(p.K0);
        var h0 = Vector512.Create(p.H0);
        var msPerMinute = Vector512.Create(MsPerMinute);
        var fifty = Vector512.Create(50.0);
        var twenty = Vector512.Create(20.0);
        var wv = Vector512.Create(bins.Width);
        var invWv = Vector512.Create(1 / bins.Width);
        var one = Vector512.Create(1.0);
        var first = Vector512.Create((double)bins.First);
        var wf = Vector512.Create(bins.FineWidth);
        var invWf = Vector512.Create(1 / bins.FineWidth);
        var firstFine = Vector512.Create((double)bins.FirstFine);
        var offEdge = Vector512<double>.Zero;
        Vector512<double> s1 = default, s2 = default, hs1 = default, hs2 = default, d2 = default, ad1 = default;
        Vector512<double> segS1 = default, segS2 = default, pending = default;
        Vector512<long> c50 = default, c20 = default;
        var segK = Vector512.Create(seg.K);
        var totalMs = p.TotalMs;
        var segEndMs = seg.EndMs;
        var segN = seg.N;
        var blockMax = Lanes * max;
        Span<int> binIndex = stackalloc int[Lanes];
        ref var bin0 = ref MemoryMarshal.GetReference(binIndex);

        // With exact sums, blocks that cannot reach the segment's end (each adds at most 8·max) need no test: their
        // sums wait in 'pending' (exact lane by lane) until the next test. Otherwise every block is tested, with the
        // cumulative time summed interval by interval.
        var unchecked8 = exactSums ? SafeBlocks(totalMs, segEndMs, blockMax) : 0;
        var i = start;
        while (true)
        {
            var crossing = false;
            for (; i <= n - Lanes; i += Lanes)
            {
                var v = Vector512.LoadUnsafe(ref x0, (nuint)i);
                var previous = Vector512.LoadUnsafe(ref x0, (nuint)(i - 1));
                var dv = v - k0;
                s1 += dv;
                s2 = Vector512.FusedMultiplyAdd(dv, dv, s2);
                var dh = (msPerMinute / v) - h0;
                hs1 += dh;
                hs2 = Vector512.FusedMultiplyAdd(dh, dh, hs2);
                var d = v - previous;
                d2 = Vector512.FusedMultiplyAdd(d, d, d2);
                var ad = Vector512.Abs(d);
                ad1 += ad;
                c50 -= Vector512.GreaterThan(ad, fifty).AsInt64();
                c20 -= Vector512.GreaterThan(ad, twenty).AsInt64();

                if (useHist)
                {
                    var b = BinVector(v, wv, invWv, one);
                    Count(hist, b - first, ref bin0);
                    if (useFine)
                    {
                        var bf = BinVector(v, wf, invWf, one);
                        Count(fine, bf - firstFine, ref bin0);
                        offEdge |= ~Vector512.Equals(v, bf * wf);
                    }
                    else
                    {
                        offEdge |= ~Vector512.Equals(v, b * wv);
                    }
                }

                // Segments: the common case (no boundary inside these 8 intervals) stays in vector registers.
                var nextPending = pending + v;
                if (--unchecked8 < 0)
                {
                    double after;
                    if (exactSums)
                    {
                        after = totalMs + Vector512.Sum(nextPending);
                    }
                    else
                    {
                        ref var xi = ref Unsafe.Add(ref x0, i);
                        after = totalMs + xi;
                        after += Unsafe.Add(ref xi, 1);
                        after += Unsafe.Add(ref xi, 2);
                        after += Unsafe.Add(ref xi, 3);
                        after += Unsafe.Add(ref xi, 4);
                        after += Unsafe.Add(ref xi, 5);
                        after += Unsafe.Add(ref xi, 6);
                        after += Unsafe.Add(ref xi, 7);
                    }

                    if (after > segEndMs)
                    {
                        crossing = true;
                        break;
                    }

                    totalMs = after;
                    nextPending = default;
                    unchecked8 = exactSums ? SafeBlocks(totalMs, segEndMs, blockMax) : 0;
                }

                pending = nextPending;
                var sv = v - segK;
                segS1 += sv;
                segS2 = Vector512.FusedMultiplyAdd(sv, sv, segS2);
                segN += Lanes;
            }

            if (!crossing)
            {
                break;
            }

            // A boundary falls inside block i (earlier untested blocks could not reach it): fold the pending time and the
            // open segment's vector sums, step through the 8 intervals one by one, and go on with the next block.
            totalMs += Vector512.Sum(pending);
            pending = default;
            seg.S1 += Vector512.Sum(segS1);
            seg.S2 += Vector512.Sum(segS2);
            seg.N = segN;
            segS1 = default;
            segS2 = default;
            StepSegments(ref x0, i, ref seg, ref totalMs, ref segments);
            segN = seg.N;
            segK = Vector512.Create(seg.K);
            segEndMs = seg.EndMs;
            unchecked8 = exactSums ? SafeBlocks(totalMs, segEndMs, blockMax) : 0;
            i += Lanes;
        }

        totalMs += Vector512.Sum(pending);
        seg.S1 += Vector512.Sum(segS1);
        seg.S2 += Vector512.Sum(segS2);
        seg.N = segN;
        p.AllOnBinEdges &= offEdge == Vector512<double>.Zero;
        p.TotalMs = totalMs;
        p.S1 += Vector512.Sum(s1);
        p.S2 += Vector512.Sum(s2);
        p.Hs1 += Vector512.Sum(hs1);
        p.Hs2 += Vector512.Sum(hs2);
        p.D2 += Vector512.Sum(d2);
        p.Ad1 += Vector512.Sum(ad1);
        p.Nn50 += Vector512.Sum(c50);
        p.Nn20 += Vector512.Sum(c20);
        p.Prev = x[i - 1];
        return i;
    }

    /// <summary>Blocks of 8 intervals that can certainly be added to <paramref name="totalMs"/> without passing <paramref name="endMs"/> (one block of margin for rounding).</summary>
    private static int SafeBlocks(double totalMs, double endMs, double blockMax) =>
        (int)Math.Clamp(((endMs - totalMs) / blockMax) - 1, 0, int.MaxValue);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StepSegments(ref double x0, int i, ref OpenSegment seg, ref double totalMs, ref SegmentAccumulator segments)
    {
        for (var j = 0; j < 8; j++)
        {
            seg.Add(Unsafe.Add(ref x0, i + j), ref totalMs, ref segments);
        }
    }

    /// <summary>Adds the 8 (local, in-range) bins <paramref name="b"/> to the histogram.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Count(Span<int> hist, Vector512<double> b, ref int scratch)
    {
        Avx512F.ConvertToVector256Int32WithTruncation(b).StoreUnsafe(ref scratch);
        hist[scratch]++;
        hist[Unsafe.Add(ref scratch, 1)]++;
        hist[Unsafe.Add(ref scratch, 2)]++;
        hist[Unsafe.Add(ref scratch, 3)]++;
        hist[Unsafe.Add(ref scratch, 4)]++;
        hist[Unsafe.Add(ref scratch, 5)]++;
        hist[Unsafe.Add(ref scratch, 6)]++;
        hist[Unsafe.Add(ref scratch, 7)]++;
    }

    /// <summary>Population count of an 8-lane mask.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Lanes(Vector512<double> mask) => BitOperations.PopCount((uint)mask.ExtractMostSignificantBits());
}
