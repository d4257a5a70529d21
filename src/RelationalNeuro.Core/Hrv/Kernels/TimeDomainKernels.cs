using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Hrv.Kernels;

// The passes behind HrvMetrics.TimeDomain, each with an AVX-512 kernel and a scalar one (the non-AVX-512 path, also
// the reference the vector kernel must reproduce; both are tested against the formulas in TimeDomainDefinitions):
//   pass 0: validity, range, and whether all partial sums are exact (values on a 2^-10-ms grid);
//   pass 1: moments, successive differences, the HTI/TINN histogram and the 5-min segments;
//   pass 2 (only for values off the histogram's grid): instantaneous heart rate, and the finer histogram of the
//           order statistics. On the grid, each bin holds one value, so heart rate and order statistics come from
//           the histogram itself and pass 2 is skipped.
// The vector kernels only reorder floating-point additions (results agree with the scalar ones to rounding, about
// 1e-15 relative); counts, histograms and segment boundaries are identical.
internal static class TimeDomainKernels
{
    private const double MsPerMinute = 60_000;

    /// <summary>Scale of the grid test: values that are multiples of 2^-10 ms sum exactly in any order (see <see cref="ScanValues"/>).</summary>
    private const double GridScale = 1024;

    /// <summary>Largest N·max for which every partial sum of grid values is exact: 2^43 ms with 10 fractional bits uses 53 bits.</summary>
    private const double ExactSumLimit = 8796093022208.0; // 2^43

    /// <summary>Result of pass 0.</summary>
    /// <param name="AllValid">Every value in the calculable range (<see cref="RrGuard.InRange"/>).</param>
    /// <param name="Min">Smallest value.</param>
    /// <param name="Max">Largest value.</param>
    /// <param name="OnDyadicGrid">Every value a multiple of 2^-10 ms and N·max below 2^43 ms: every partial sum is exact.</param>
    internal readonly record struct ValueScan(bool AllValid, double Min, double Max, bool OnDyadicGrid);

    /// <summary>Sums from passes 1 and 2, shifted by the first interval (K0) and its heart rate (H0).</summary>
    [StructLayout(LayoutKind.Auto)]
    internal struct PassOneSums
    {
        public double K0, H0, S1, S2, Hs1, Hs2, D2, Ad1, TotalMs, Prev;
        public long Nn50, Nn20;

        /// <summary>Pass 1: every value equals the lower edge k·w of its HTI/TINN histogram bin (false when there is no histogram).</summary>
        public bool OnBinEdges;

        /// <summary>Pass 2: every value equals the lower edge of its bin in the finer histogram.</summary>
        public bool OnFineEdges;
    }

    /// <summary>The open 5-min (by default) segment of pass 1.</summary>
    [StructLayout(LayoutKind.Auto)]
    private struct OpenSegment
    {
        public double SegmentMs, EndMs, K, S1, S2;
        public long Index;
        public int N;

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
                // At most 60 empty segments per interval: intervals ≤ 60,000 ms (RrGuard), segments ≥ 1 s (TimeDomain's guard).
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

    /// <summary>Vector accumulators of pass 1 carried between runs of <see cref="RunBlocks"/>.</summary>
    [StructLayout(LayoutKind.Auto)]
    private struct VectorSums
    {
        public Vector512<double> S1, S2, D2, Ad1, SegS1, SegS2, Pending, OffEdge, SegK;
        public Vector512<long> C50, C20;
        public double TotalMs, SegEndMs, BlockMax;
        public int Unchecked, SegN;
        public bool ExactSums;
    }

    /// <summary>Pass 0: are all values in the calculable range, their range, and whether all partial sums are exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // first call runs optimised code: docs/performance.md, "Seventeenth session"
    internal static ValueScan ScanValues(ReadOnlySpan<double> x)
    {
        ref var x0 = ref MemoryMarshal.GetReference(x);
        var n = x.Length;
        var i = 0;
        double min = x[0], max = x[0];
        bool valid = true, grid = true;
        if (KernelDispatch.UseVector512 && n >= Vector512<double>.Count)
        {
            var vmin = Vector512.Create(min);
            var vmax = vmin;
            var bad = Vector512<double>.Zero;
            var offGrid = Vector512<double>.Zero;
            var zero = Vector512<double>.Zero;
            var lower = Vector512.Create(RrSeries.MinimumIntervalMs);
            var upper = Vector512.Create(RrSeries.MaximumIntervalMs);
            var scale = Vector512.Create(GridScale);
            for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var v = Vector512.LoadUnsafe(ref x0, (nuint)i);
                bad |= ~(Vector512.GreaterThanOrEqual(v, lower) & Vector512.LessThanOrEqual(v, upper));
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
            valid &= RrGuard.InRange(v);
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            var g = v * GridScale;
            grid &= Math.Floor(g) == g;
        }

        return new ValueScan(valid, min, max, grid && valid && n * max < ExactSumLimit);
    }

    /// <summary>
    /// Pass 1. The histogram (bins of <paramref name="w"/> from absolute bin <paramref name="firstBin"/>) is skipped
    /// when <paramref name="hist"/> is empty (too wide). With <paramref name="exactSums"/> (every partial sum exact)
    /// the vector kernel tests segment boundaries only in blocks that could reach one; otherwise it keeps the
    /// cumulative time as a sequential sum, so boundaries match the scalar definition bit for bit.
    /// </summary>
    internal static PassOneSums Accumulate(
        ReadOnlySpan<double> x, double w, long firstBin, double max, Span<int> hist, double segmentMs, bool exactSums, ref SegmentAccumulator segments)
    {
        var n = x.Length;
        var p = new PassOneSums { K0 = x[0], H0 = MsPerMinute / x[0], Prev = x[0], OnBinEdges = hist.Length > 0 };
        var seg = new OpenSegment { SegmentMs = segmentMs, EndMs = segmentMs, K = x[0] };
        var i = 0;
        if (KernelDispatch.UseVector512 && n > Vector512<double>.Count)
        {
            // Element 0 alone (its difference is 0 by construction), then blocks of 8 that read x[i − 1 …] for the differences.
            ScalarStep(ref p, ref seg, x[0], w, firstBin, hist, ref segments);
            i = AccumulateVector512(x, 1, w, firstBin, max, hist, exactSums, ref p, ref seg, ref segments);
        }

        for (; i < n; i++)
        {
            ScalarStep(ref p, ref seg, x[i], w, firstBin, hist, ref segments);
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
        ref PassOneSums p, ref OpenSegment seg, double v, double w, long firstBin, Span<int> hist, ref SegmentAccumulator segments)
    {
        var dv = v - p.K0;
        p.S1 += dv;
        p.S2 += dv * dv;
        if (hist.Length > 0)
        {
            var b = Bin(v, w, 1 / w);
            hist[(int)(b - firstBin)]++;
            p.OnBinEdges &= v == b * w;
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
    internal static Vector512<double> BinVector(Vector512<double> v, Vector512<double> w, Vector512<double> invW, Vector512<double> one)
    {
        var b = Vector512.Floor(v * invW); // = truncation: v > 0
        var lo = b * w;
        return b - (Vector512.LessThan(v, lo) & one) + (Vector512.GreaterThanOrEqual(v, lo + w) & one);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // first call runs optimised code: docs/performance.md, "Seventeenth session"
    private static int AccumulateVector512(
        ReadOnlySpan<double> x,
        int start,
        double w,
        long firstBin,
        double max,
        Span<int> hist,
        bool exactSums,
        ref PassOneSums p,
        ref OpenSegment seg,
        ref SegmentAccumulator segments)
    {
        const int Lanes = 8;
        var n = x.Length;
        var st = new VectorSums
        {
            SegK = Vector512.Create(seg.K),
            TotalMs = p.TotalMs,
            SegEndMs = seg.EndMs,
            SegN = seg.N,
            BlockMax = Lanes * max,
            ExactSums = exactSums,
        };
        st.Unchecked = SafeBlocks(st.ExactSums, st.TotalMs, st.SegEndMs, st.BlockMax);
        var i = start;
        while (true)
        {
            i = RunBlocks(x, i, w, firstBin, hist, p.K0, ref st);
            if (i > n - Lanes)
            {
                break;
            }

            // A boundary falls inside block i (earlier untested blocks could not reach it; its moments and bins are
            // counted): fold the pending time and the open segment's vector sums, step through its 8 intervals one by one.
            st.TotalMs += Vector512.Sum(st.Pending);
            st.Pending = default;
            seg.S1 += Vector512.Sum(st.SegS1);
            seg.S2 += Vector512.Sum(st.SegS2);
            seg.N = st.SegN;
            st.SegS1 = default;
            st.SegS2 = default;
            for (var j = 0; j < Lanes; j++)
            {
                seg.Add(x[i + j], ref st.TotalMs, ref segments);
            }

            st.SegN = seg.N;
            st.SegK = Vector512.Create(seg.K);
            st.SegEndMs = seg.EndMs;
            st.Unchecked = SafeBlocks(st.ExactSums, st.TotalMs, st.SegEndMs, st.BlockMax);
            i += Lanes;
        }

        seg.S1 += Vector512.Sum(st.SegS1);
        seg.S2 += Vector512.Sum(st.SegS2);
        seg.N = st.SegN;
        p.OnBinEdges &= st.OffEdge == Vector512<double>.Zero;
        p.TotalMs = st.TotalMs + Vector512.Sum(st.Pending);
        p.S1 += Vector512.Sum(st.S1);
        p.S2 += Vector512.Sum(st.S2);
        p.D2 += Vector512.Sum(st.D2);
        p.Ad1 += Vector512.Sum(st.Ad1);
        p.Nn50 += Vector512.Sum(st.C50);
        p.Nn20 += Vector512.Sum(st.C20);
        p.Prev = x[i - 1];
        return i;
    }

    /// <summary>
    /// Blocks of 8 intervals that can certainly be added to the cumulative time without passing the segment's end
    /// (each adds at most 8·max; one block of margin for rounding); 0 when sums are not exact, so every block is tested.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SafeBlocks(bool exactSums, double totalMs, double segEndMs, double blockMax)
    {
        if (!exactSums)
        {
            return 0;
        }

        var blocks = ((segEndMs - totalMs) / blockMax) - 1;
        return blocks > 0 ? (int)Math.Min(blocks, int.MaxValue) : 0;
    }

    /// <summary>
    /// The hot loop of pass 1: blocks of 8 from <paramref name="i"/> until the end or a block inside which a segment
    /// boundary falls (returned, its moments and bins already counted). No calls inside, so the JIT keeps every
    /// accumulator in a register.
    /// </summary>
    private static int RunBlocks(ReadOnlySpan<double> x, int i, double w, long firstBin, Span<int> hist, double firstRr, ref VectorSums st)
    {
        const int Lanes = 8;
        ref var x0 = ref MemoryMarshal.GetReference(x);
        var n = x.Length;
        var useHist = hist.Length > 0;
        var exactSums = st.ExactSums;
        var k0 = Vector512.Create(firstRr);
        var fifty = Vector512.Create(50.0);
        var twenty = Vector512.Create(20.0);
        var wv = Vector512.Create(w);
        var invWv = Vector512.Create(1 / w);
        var one = Vector512.Create(1.0);
        var first = Vector512.Create((double)firstBin);
        var offEdge = st.OffEdge;
        Vector512<double> s1 = st.S1, s2 = st.S2, d2 = st.D2, ad1 = st.Ad1;
        Vector512<double> segS1 = st.SegS1, segS2 = st.SegS2, pending = st.Pending, segK = st.SegK;
        Vector512<long> c50 = st.C50, c20 = st.C20;
        var totalMs = st.TotalMs;
        var segEndMs = st.SegEndMs;
        var blockMax = st.BlockMax;
        var segN = st.SegN;
        var unchecked8 = st.Unchecked;
        Span<int> binIndex = stackalloc int[Lanes];
        ref var bin0 = ref MemoryMarshal.GetReference(binIndex);

        for (; i <= n - Lanes; i += Lanes)
        {
            var v = Vector512.LoadUnsafe(ref x0, (nuint)i);
            var previous = Vector512.LoadUnsafe(ref x0, (nuint)(i - 1));
            var dv = v - k0;
            s1 += dv;
            s2 = Vector512.FusedMultiplyAdd(dv, dv, s2);
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
                offEdge |= ~Vector512.Equals(v, b * wv);
            }

            // Segments: with exact sums, blocks that cannot reach the segment's end are not tested; their sums wait in
            // 'pending' (exact lane by lane). Otherwise every block is tested with the time summed interval by interval.
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
                    break;
                }

                totalMs = after;
                nextPending = default;
                unchecked8 = SafeBlocks(exactSums, totalMs, segEndMs, blockMax);
            }

            pending = nextPending;
            var sv = v - segK;
            segS1 += sv;
            segS2 = Vector512.FusedMultiplyAdd(sv, sv, segS2);
            segN += Lanes;
        }

        st.S1 = s1;
        st.S2 = s2;
        st.D2 = d2;
        st.Ad1 = ad1;
        st.C50 = c50;
        st.C20 = c20;
        st.SegS1 = segS1;
        st.SegS2 = segS2;
        st.Pending = pending;
        st.OffEdge = offEdge;
        st.TotalMs = totalMs;
        st.SegN = segN;
        st.Unchecked = unchecked8;
        return i;
    }

    /// <summary>
    /// Heart-rate sums when every value is the lower edge of its bin: Σ (60 000 / v − H0) and its square, grouped by
    /// bin (one division per bin instead of one per interval).
    /// </summary>
    internal static void HeartRateFromHistogram(ReadOnlySpan<int> hist, long firstBin, double w, ref PassOneSums p)
    {
        double hs1 = 0, hs2 = 0;
        for (var j = 0; j < hist.Length; j++)
        {
            if (hist[j] > 0)
            {
                var dh = (MsPerMinute / ((firstBin + j) * w)) - p.H0;
                hs1 += hist[j] * dh;
                hs2 += hist[j] * dh * dh;
            }
        }

        p.Hs1 = hs1;
        p.Hs2 = hs2;
    }

    /// <summary>
    /// Pass 2, for values off the histogram's grid: heart-rate sums, and the finer histogram (bins of
    /// <paramref name="fineWidth"/> from absolute bin <paramref name="firstFine"/>) unless <paramref name="fine"/> is empty.
    /// </summary>
    internal static void HeartRateAndFineHistogram(ReadOnlySpan<double> x, double fineWidth, long firstFine, Span<int> fine, ref PassOneSums p)
    {
        var n = x.Length;
        var useFine = fine.Length > 0;
        var invWf = 1 / fineWidth;
        double hs1 = 0, hs2 = 0;
        var onEdges = useFine;
        var i = 0;
        if (KernelDispatch.UseVector512 && n >= Vector512<double>.Count)
        {
            ref var x0 = ref MemoryMarshal.GetReference(x);
            var h0 = Vector512.Create(p.H0);
            var msPerMinute = Vector512.Create(MsPerMinute);
            var wf = Vector512.Create(fineWidth);
            var invWfv = Vector512.Create(invWf);
            var one = Vector512.Create(1.0);
            var first = Vector512.Create((double)firstFine);
            Vector512<double> vs1 = default, vs2 = default, offEdge = default;
            Span<int> binIndex = stackalloc int[Vector512<double>.Count];
            ref var bin0 = ref MemoryMarshal.GetReference(binIndex);
            for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var v = Vector512.LoadUnsafe(ref x0, (nuint)i);
                var dh = (msPerMinute / v) - h0;
                vs1 += dh;
                vs2 = Vector512.FusedMultiplyAdd(dh, dh, vs2);
                if (useFine)
                {
                    var b = BinVector(v, wf, invWfv, one);
                    Count(fine, b - first, ref bin0);
                    offEdge |= ~Vector512.Equals(v, b * wf);
                }
            }

            hs1 = Vector512.Sum(vs1);
            hs2 = Vector512.Sum(vs2);
            onEdges &= offEdge == Vector512<double>.Zero;
        }

        for (; i < n; i++)
        {
            var v = x[i];
            var dh = (MsPerMinute / v) - p.H0;
            hs1 += dh;
            hs2 += dh * dh;
            if (useFine)
            {
                var b = Bin(v, fineWidth, invWf);
                fine[(int)(b - firstFine)]++;
                onEdges &= v == b * fineWidth;
            }
        }

        p.Hs1 = hs1;
        p.Hs2 = hs2;
        p.OnFineEdges = onEdges;
    }

    /// <summary>
    /// Adds the 8 local bins <paramref name="b"/> to the histogram. They are in range by construction (the bins of
    /// values between min and max); the clamp to [0, length − 1] is two vector instructions that make the unchecked
    /// increments memory-safe whatever the input.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Count(Span<int> hist, Vector512<double> b, ref int scratch)
    {
        var index = Avx512F.ConvertToVector256Int32WithTruncation(b);
        index = Vector256.Min(Vector256.Max(index, Vector256<int>.Zero), Vector256.Create(hist.Length - 1));
        index.StoreUnsafe(ref scratch);
        ref var h = ref MemoryMarshal.GetReference(hist);
        Unsafe.Add(ref h, scratch)++;
        Unsafe.Add(ref h, Unsafe.Add(ref scratch, 1))++;
        Unsafe.Add(ref h, Unsafe.Add(ref scratch, 2))++;
        Unsafe.Add(ref h, Unsafe.Add(ref scratch, 3))++;
        Unsafe.Add(ref h, Unsafe.Add(ref scratch, 4))++;
        Unsafe.Add(ref h, Unsafe.Add(ref scratch, 5))++;
        Unsafe.Add(ref h, Unsafe.Add(ref scratch, 6))++;
        Unsafe.Add(ref h, Unsafe.Add(ref scratch, 7))++;
    }

    /// <summary>Population count of an 8-lane mask.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Lanes(Vector512<double> mask) => BitOperations.PopCount((uint)mask.ExtractMostSignificantBits());

    /// <summary>
    /// The histogram bin of <paramref name="v"/>: ⌊v / w⌋, exact at bin edges (v = k·w lands in bin k) although
    /// 1/w is rounded; branch-free, because on quantised data the correction goes either way at random.
    /// </summary>
    internal static long Bin(double v, double w, double invW)
    {
        var b = (long)(v * invW);
        var lo = b * w;
        return b - Unsafe.BitCast<bool, byte>(v < lo) + Unsafe.BitCast<bool, byte>(v >= lo + w);
    }

    /// <summary>Running SDANN / SDNN-index sums over closed segments.</summary>
    internal struct SegmentAccumulator
    {
        private double _firstMean, _m1, _m2, _sdSum;

        public int Used { get; private set; }

        public long Sparse { get; private set; }

        public readonly double SdOfMeans => Math.Sqrt(Math.Max(0, _m2 - (_m1 * _m1 / Used)) / (Used - 1));

        public readonly double MeanOfSds => _sdSum / Used;

        public void Close(double shift, double s1, double s2, int n)
        {
            if (n < 2)
            {
                Sparse++;
                return;
            }

            var mean = shift + (s1 / n);
            if (Used == 0)
            {
                _firstMean = mean;
            }

            var dm = mean - _firstMean;
            _m1 += dm;
            _m2 += dm * dm;
            _sdSum += Math.Sqrt(Math.Max(0, s2 - (s1 * s1 / n)) / (n - 1));
            Used++;
        }
    }
}
