using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using RelationalNeuro.Hrv.Kernels;

namespace RelationalNeuro.Hrv.Spectral;

/// <summary>
/// In-place iterative radix-2 FFT on power-of-two lengths, unscaled, with twiddle tables cached per length (allocated
/// once per length, never per call). Forward uses e^{−2πi·jk/n}, inverse e^{+2πi·jk/n}: the conventions of MathNet's
/// <c>Fourier.Forward/Inverse(…, FourierOptions.NoScaling)</c>, against which the tests check it. It replaces MathNet's
/// managed provider on the hot path because that provider measured 1.1 ms per 1024-point transform (7 kB allocated) and
/// 1.7 s per 2²⁰-point transform on the project's 2-core machine (its parallel radix-2 schedules tasks per stage).
/// </summary>
/// <remarks>
/// Every butterfly is t = W·b, (a, b) ← (a + t, a − t) with t = (b.re·W.re − b.im·W.im, b.re·W.im + b.im·W.re), each
/// product and sum rounded once (no fused multiply–add), in the same stage order wherever a butterfly is computed: the
/// vector paths (two butterflies per 256-bit vector, one per 128-bit vector), the scalar path and every cache schedule give the same doubles bit for
/// bit (the tests check the schedule against the plain stage-by-stage loop). Schedules: the bit-reversal permutation swaps
/// 16 × 16 tiles so each pair of tiles is in cache together (and does the span-2 stage as it writes them); the stages up to
/// <see cref="CacheBlock"/> points run block by block; up to four stages above it run as direct passes, two stages each;
/// more than four run on columns of <see cref="ColumnWidth"/> adjacent points, copied out of every block, through all
/// those stages at once, so a 2²⁰-point transform passes through memory a few times instead of once per stage. The
/// 256-bit butterflies of the blocks and the direct passes read their twiddles from per-span split tables
/// (<see cref="SplitTable"/>: spans up to 2¹⁹, so at most 16 MB cached, and 8 MB for the per-span twiddle tables they are
/// built from); the columns gather them.
/// </remarks>
internal static class Radix2Fft
{
    private static readonly Complex[]?[] Twiddles = new Complex[31][];

    private static readonly double[]?[] SplitTwiddles = new double[31][];

    public static void Forward(Span<Complex> data) => Transform(data, inverse: false);

    public static void Inverse(Span<Complex> data) => Transform(data, inverse: true);

    /// <summary>
    /// <see cref="Forward"/> of a zero-padded segment: the points of <paramref name="data"/> from
    /// <paramref name="nonzero"/> on count as 0 whatever they hold. After the bit reversal the first P points (P the
    /// power of two ≥ <paramref name="nonzero"/>) sit at the multiples of n/P, and in each stage of span ≤ n/P the other
    /// operand of every butterfly is 0, so those stages only copy each block's first point through the block: the blocks
    /// are filled directly and the stages skipped (log₂(n/P) of log₂ n; a 256-point segment in a 4,096-point transform
    /// skips 4 of 12). Every output that is not zero is <see cref="Forward"/>'s double bit for bit; an output that is
    /// exactly zero may have the other sign of zero (a + 0 and a − 0 round alike for every a ≠ 0).
    /// </summary>
    public static void ForwardZeroPadded(Span<Complex> data, int nonzero)
    {
        var n = data.Length;
        ArgumentOutOfRangeException.ThrowIfNegative(nonzero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nonzero, n);
        if (n > 1 && !BitOperations.IsPow2(n))
        {
            throw new ArgumentException("FFT length must be a power of two.", nameof(data));
        }

        var p = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(nonzero, 1));
        var block = n / Math.Max(p, 1);
        if (block < 2 || n > CacheBlock)
        {
            // Nothing to skip, or a length the column schedule handles: the general transform.
            data[nonzero..].Clear();
            Forward(data);
            return;
        }

        var head = ArrayPool<Complex>.Shared.Rent(p);
        try
        {
            data[..nonzero].CopyTo(head);
            head.AsSpan(nonzero, p - nonzero).Clear();
            var bits = BitOperations.Log2((uint)p);
            for (var b = 0; b < p; b++)
            {
                data.Slice(b * block, block).Fill(head[Reverse(b, bits)]);
            }
        }
        finally
        {
            ArrayPool<Complex>.Shared.Return(head);
        }

        Stages(data, TwiddleTable(n), block << 1, n, inverse: false);
    }

    /// <summary>
    /// The stages of span <paramref name="from"/>, 2·from, … up to <paramref name="data"/>.Length over
    /// <paramref name="data"/> (a block of a length-<paramref name="n"/> transform): two at a time where a vector path runs
    /// (<see cref="TwoStages"/>), the last one alone when their number is odd.
    /// </summary>
    private static void Stages(Span<Complex> data, Complex[] table, int from, int n, bool inverse)
    {
        var length = from;
        if (Vector128.IsHardwareAccelerated && !KernelDispatch.ForceScalar)
        {
            for (; 2 * length <= data.Length; length <<= 2)
            {
                TwoStages(data, table, length, n / length, inverse);
            }
        }

        for (; length <= data.Length; length <<= 1)
        {
            Stage(data, table, length, n / length, inverse);
        }
    }

    private static void Transform(Span<Complex> data, bool inverse)
    {
        var n = data.Length;
        if (n <= 1)
        {
            return;
        }

        if (!BitOperations.IsPow2(n))
        {
            throw new ArgumentException("FFT length must be a power of two.", nameof(data));
        }

        var firstStageDone = BitReverse(data);

        var table = TwiddleTable(n);

        var block = Math.Min(n, CacheBlock);
        for (var offset = 0; offset < n; offset += block)
        {
            var part = data.Slice(offset, block);
            if (!firstStageDone)
            {
                FirstStage(part);
            }

            Stages(part, table, 4, n, inverse);
        }

        if (n > block && n <= 16 * block)
        {
            // Up to four stages above the block: direct passes, two stages each, over the data (at most two reads and writes
            // of it) cost less than copying columns out and back (two passes of their own besides the butterflies): in a
            // scratch timer 2¹⁶ points 0.66 → 0.45 ms, 2¹⁹ points 5.9–6.1 → 4.9–5.3 ms (docs/performance.md, "Eighteenth session").
            Stages(data, table, block << 1, n, inverse);
        }
        else if (n > block)
        {
            // The stages of span > block pair points a multiple of block apart: the points p + r·block (r = 0 … n/block − 1)
            // of a column p are closed under them, so a few adjacent columns at a time are copied out (contiguous: rows a
            // power of two apart would evict each other from the cache), go through all of those stages and are copied back.
            var rows = n / block;
            var scratch = ArrayPool<Complex>.Shared.Rent(rows * ColumnWidth);
            try
            {
                for (var p = 0; p < block; p += ColumnWidth)
                {
                    for (var r = 0; r < rows; r++)
                    {
                        data.Slice((r * block) + p, ColumnWidth).CopyTo(scratch.AsSpan(r * ColumnWidth, ColumnWidth));
                    }

                    for (var length = block << 1; length <= n; length <<= 1)
                    {
                        var halfRows = (length >> 1) / block;
                        for (var group = 0; group < rows; group += 2 * halfRows)
                        {
                            for (var r = 0; r < halfRows; r++)
                            {
                                var lower = (group + r) * ColumnWidth;
                                Butterflies(scratch.AsSpan(lower, ColumnWidth), scratch.AsSpan(lower + (halfRows * ColumnWidth), ColumnWidth), table, p + (r * block), n / length, inverse);
                            }
                        }
                    }

                    for (var r = 0; r < rows; r++)
                    {
                        scratch.AsSpan(r * ColumnWidth, ColumnWidth).CopyTo(data.Slice((r * block) + p, ColumnWidth));
                    }
                }
            }
            finally
            {
                ArrayPool<Complex>.Shared.Return(scratch);
            }
        }
    }

    /// <summary>One stage of span <paramref name="length"/> ≥ 4 over <paramref name="data"/>: W_k = table[k·stride].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // first call runs optimised code: docs/performance.md, "Seventeenth session"
    private static void Stage(Span<Complex> data, Complex[] table, int length, int stride, bool inverse)
    {
        var half = length >> 1;
        if (data.Length % length != 0 || (long)(half - 1) * stride >= table.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(length));
        }

        ref var d = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(data));
        if (Vector256.IsHardwareAccelerated && !KernelDispatch.ForceScalar && !KernelDispatch.ForceVector128)
        {
            ref var split = ref MemoryMarshal.GetArrayDataReference(SplitTable(length));
            var sign = Vector256.Create(inverse ? -0.0 : 0.0);
            for (var start = 0; start < data.Length; start += length)
            {
                ref var lo = ref Unsafe.Add(ref d, 2 * start);
                ref var up = ref Unsafe.Add(ref d, 2 * (start + half));
                for (var k = 0; k < half; k += 2)
                {
                    var at = (nuint)k * 2;
                    VectorButterfly(ref lo, ref up, at, Vector256.LoadUnsafe(ref split, 2 * at), Vector256.LoadUnsafe(ref split, (2 * at) + 4) ^ sign);
                }
            }

            return;
        }

        if (Vector128.IsHardwareAccelerated && !KernelDispatch.ForceScalar)
        {
            ref var split = ref MemoryMarshal.GetArrayDataReference(SplitTable(length));
            var sign = Vector128.Create(inverse ? -0.0 : 0.0);
            for (var start = 0; start < data.Length; start += length)
            {
                ref var lo = ref Unsafe.Add(ref d, 2 * start);
                ref var up = ref Unsafe.Add(ref d, 2 * (start + half));
                for (var k = 0; k < half; k++)
                {
                    var o = SplitOffset(k);
                    VectorButterfly(ref lo, ref up, (nuint)k * 2, Vector128.LoadUnsafe(ref split, o), Vector128.LoadUnsafe(ref split, o + 4) ^ sign);
                }
            }

            return;
        }

        for (var start = 0; start < data.Length; start += length)
        {
            Butterflies(data.Slice(start, half), data.Slice(start + half, half), table, 0, stride, inverse);
        }
    }

    /// <summary>
    /// The stages of span <paramref name="length"/> and 2·<paramref name="length"/> (≥ 4) in one pass over
    /// <paramref name="data"/>: each group of 2·length points is four quarters Q0 … Q3 of length/2;
    /// the first stage pairs (Q0, Q1) and (Q2, Q3) with W = table[k·stride], the second (Q0, Q2) with table[k·stride/2] and
    /// (Q1, Q3) with table[(k + length/2)·stride/2] — the butterflies of <see cref="Stage"/> twice, the same operands in
    /// the same order, with the four points of each k kept in registers between the two stages (half the loads and stores).
    /// Two butterflies per 256-bit vector, one per 128-bit vector where only those run.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // first call runs optimised code: docs/performance.md, "Seventeenth session"
    private static void TwoStages(Span<Complex> data, Complex[] table, int length, int stride, bool inverse)
    {
        var quarter = length >> 1;
        var stride2 = stride >> 1;
        if (data.Length % (2 * length) != 0 || quarter < 2 || (long)(quarter - 1) * stride >= table.Length || (long)((2 * quarter) - 1) * stride2 >= table.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(length));
        }

        ref var d = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(data));
        if (!Vector256.IsHardwareAccelerated || KernelDispatch.ForceVector128)
        {
            TwoStages128(ref d, data.Length, length, inverse);
            return;
        }

        ref var s1 = ref MemoryMarshal.GetArrayDataReference(SplitTable(length));
        ref var s2 = ref MemoryMarshal.GetArrayDataReference(SplitTable(2 * length));
        var sign = Vector256.Create(inverse ? -0.0 : 0.0);
        for (var start = 0; start < data.Length; start += 2 * length)
        {
            ref var q0 = ref Unsafe.Add(ref d, 2 * start);
            ref var q1 = ref Unsafe.Add(ref d, 2 * (start + quarter));
            ref var q2 = ref Unsafe.Add(ref d, 2 * (start + length));
            ref var q3 = ref Unsafe.Add(ref d, 2 * (start + length + quarter));
            for (var k = 0; k < quarter; k += 2)
            {
                var at = (nuint)k * 2;
                var i1 = 2 * at;
                var ib = 2 * (at + (nuint)length);
                var wr1 = Vector256.LoadUnsafe(ref s1, i1);
                var wi1 = Vector256.LoadUnsafe(ref s1, i1 + 4) ^ sign;
                var (a0, a1) = Butterfly(Vector256.LoadUnsafe(ref q0, at), Vector256.LoadUnsafe(ref q1, at), wr1, wi1);
                var (a2, a3) = Butterfly(Vector256.LoadUnsafe(ref q2, at), Vector256.LoadUnsafe(ref q3, at), wr1, wi1);
                (a0, a2) = Butterfly(a0, a2, Vector256.LoadUnsafe(ref s2, i1), Vector256.LoadUnsafe(ref s2, i1 + 4) ^ sign);
                (a1, a3) = Butterfly(a1, a3, Vector256.LoadUnsafe(ref s2, ib), Vector256.LoadUnsafe(ref s2, ib + 4) ^ sign);
                a0.StoreUnsafe(ref q0, at);
                a1.StoreUnsafe(ref q1, at);
                a2.StoreUnsafe(ref q2, at);
                a3.StoreUnsafe(ref q3, at);
            }
        }
    }

    /// <summary><see cref="TwoStages"/> on the 128-bit path: one butterfly per vector, W from the same split tables.</summary>
    private static void TwoStages128(ref double d, int count, int length, bool inverse)
    {
        var quarter = length >> 1;
        ref var s1 = ref MemoryMarshal.GetArrayDataReference(SplitTable(length));
        ref var s2 = ref MemoryMarshal.GetArrayDataReference(SplitTable(2 * length));
        var sign = Vector128.Create(inverse ? -0.0 : 0.0);
        for (var start = 0; start < count; start += 2 * length)
        {
            ref var q0 = ref Unsafe.Add(ref d, 2 * start);
            ref var q1 = ref Unsafe.Add(ref d, 2 * (start + quarter));
            ref var q2 = ref Unsafe.Add(ref d, 2 * (start + length));
            ref var q3 = ref Unsafe.Add(ref d, 2 * (start + length + quarter));
            for (var k = 0; k < quarter; k++)
            {
                var o1 = SplitOffset(k);
                var ob = SplitOffset(k + quarter);
                var wr1 = Vector128.LoadUnsafe(ref s1, o1);
                var wi1 = Vector128.LoadUnsafe(ref s1, o1 + 4) ^ sign;
                var at = (nuint)k * 2;
                var (a0, a1) = Butterfly(Vector128.LoadUnsafe(ref q0, at), Vector128.LoadUnsafe(ref q1, at), wr1, wi1);
                var (a2, a3) = Butterfly(Vector128.LoadUnsafe(ref q2, at), Vector128.LoadUnsafe(ref q3, at), wr1, wi1);
                (a0, a2) = Butterfly(a0, a2, Vector128.LoadUnsafe(ref s2, o1), Vector128.LoadUnsafe(ref s2, o1 + 4) ^ sign);
                (a1, a3) = Butterfly(a1, a3, Vector128.LoadUnsafe(ref s2, ob), Vector128.LoadUnsafe(ref s2, ob + 4) ^ sign);
                a0.StoreUnsafe(ref q0, at);
                a1.StoreUnsafe(ref q1, at);
                a2.StoreUnsafe(ref q2, at);
                a3.StoreUnsafe(ref q3, at);
            }
        }
    }

    /// <summary>Where W_k's (re, re) starts in a <see cref="SplitTable"/> (its (im, im) four doubles on): 4k for even k, 4k − 2 for odd.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nuint SplitOffset(int k) => (nuint)((4 * k) - (2 * (k & 1)));

    /// <summary>Two butterflies at doubles <paramref name="at"/> … at + 3 of lower and upper, W = (w0, w1) in <paramref name="w"/> (split here).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void VectorButterfly(ref double lo, ref double up, nuint at, Vector256<double> w) =>
        VectorButterfly(ref lo, ref up, at, Vector256.Shuffle(w, Vector256.Create(0L, 0, 2, 2)), Vector256.Shuffle(w, Vector256.Create(1L, 1, 3, 3)));

    /// <summary>Two butterflies at doubles <paramref name="at"/> … at + 3 of lower and upper, W split as <see cref="SplitTable"/> holds it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void VectorButterfly(ref double lo, ref double up, nuint at, Vector256<double> wr, Vector256<double> wi)
    {
        var (a, b) = Butterfly(Vector256.LoadUnsafe(ref lo, at), Vector256.LoadUnsafe(ref up, at), wr, wi);
        a.StoreUnsafe(ref lo, at);
        b.StoreUnsafe(ref up, at);
    }

    /// <summary>
    /// Two butterflies in registers, t = W·b, (a + t, a − t), with W given split, wr = (w0.re, w0.re, w1.re, w1.re) and
    /// wi = (w0.im, w0.im, w1.im, w1.im) as <see cref="SplitTable"/> holds them (no shuffle of W per butterfly).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> Lower, Vector256<double> Upper) Butterfly(Vector256<double> a, Vector256<double> b, Vector256<double> wr, Vector256<double> wi)
    {
        var x = b * wr;                                                       // (b.re·W.re, b.im·W.re)
        var y = Vector256.Shuffle(b, Vector256.Create(1L, 0, 3, 2)) * wi;    // (b.im·W.im, b.re·W.im)
        var t = Avx.IsSupported ? Avx.AddSubtract(x, y) : x + (y * Vector256.Create(-1.0, 1.0, -1.0, 1.0));
        return (a + t, a - t);
    }

    /// <summary>One butterfly at doubles <paramref name="at"/>, <paramref name="at"/> + 1 of lower and upper, W = (re, im) in <paramref name="w"/> (split here): the 128-bit path (Native AOT's portable x64 build, SSE-only hardware).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void VectorButterfly(ref double lo, ref double up, nuint at, Vector128<double> w) =>
        VectorButterfly(ref lo, ref up, at, Vector128.Shuffle(w, Vector128.Create(0L, 0)), Vector128.Shuffle(w, Vector128.Create(1L, 1)));

    /// <summary>One butterfly at doubles <paramref name="at"/>, <paramref name="at"/> + 1 of lower and upper on the 128-bit path, W split, wr = (re, re) and wi = (im, im).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void VectorButterfly(ref double lo, ref double up, nuint at, Vector128<double> wr, Vector128<double> wi)
    {
        var (a, b) = Butterfly(Vector128.LoadUnsafe(ref lo, at), Vector128.LoadUnsafe(ref up, at), wr, wi);
        a.StoreUnsafe(ref lo, at);
        b.StoreUnsafe(ref up, at);
    }

    /// <summary>One butterfly in registers on the 128-bit path, t = W·b, (a + t, a − t), with W split, wr = (re, re) and wi = (im, im).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector128<double> Lower, Vector128<double> Upper) Butterfly(Vector128<double> a, Vector128<double> b, Vector128<double> wr, Vector128<double> wi)
    {
        var x = b * wr;                                                  // (b.re·W.re, b.im·W.re)
        var y = Vector128.Shuffle(b, Vector128.Create(1L, 0)) * wi;     // (b.im·W.im, b.re·W.im)
        var t = Sse3.IsSupported ? Sse3.AddSubtract(x, y) : x + (y * Vector128.Create(-1.0, 1.0));
        return (a + t, a - t);
    }

    /// <summary>Points per cache block: 2¹⁵ complex values, 512 KB (within a 1-MB L2).</summary>
    private const int CacheBlock = 1 << 15;

    /// <summary>Adjacent points per column in the stages above <see cref="CacheBlock"/>: 256 bytes of each row.</summary>
    private const int ColumnWidth = 16;

    /// <summary>The span-2 stage (W = 1): <see cref="SpanTwoButterfly"/> on each pair.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // first call runs optimised code: docs/performance.md, "Seventeenth session"
    private static void FirstStage(Span<Complex> data)
    {
        ref var d = ref MemoryMarshal.GetReference(data);
        for (var start = 0; start + 1 < data.Length; start += 2)
        {
            SpanTwoButterfly(ref d, start, Unsafe.Add(ref d, start), Unsafe.Add(ref d, start + 1));
        }
    }

    /// <summary>
    /// Butterflies (lower[k], upper[k]) with W = table[(k0 + k)·stride] (conjugated for the inverse), k = 0 … count − 1.
    /// </summary>
    private static void Butterflies(Span<Complex> lower, Span<Complex> upper, Complex[] table, int k0, int stride, bool inverse)
    {
        var count = lower.Length;
        if (upper.Length != count || (long)(k0 + count - 1) * stride >= table.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(lower));
        }

        ref var lo = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(lower));
        ref var up = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(upper));
        ref var w0 = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetArrayDataReference(table));
        var k = 0;
        if (Vector256.IsHardwareAccelerated && !KernelDispatch.ForceScalar && !KernelDispatch.ForceVector128 && count >= 2)
        {
            var conjugate = inverse ? Vector256.Create(1.0, -1.0, 1.0, -1.0) : Vector256<double>.One;
            for (; k + 1 < count; k += 2)
            {
                var i0 = (nuint)((k0 + k) * stride) * 2;
                var i1 = (nuint)((k0 + k + 1) * stride) * 2;
                var w = Vector256.Create(Vector128.LoadUnsafe(ref w0, i0), Vector128.LoadUnsafe(ref w0, i1)) * conjugate;
                VectorButterfly(ref lo, ref up, (nuint)k * 2, w);
            }
        }
        else if (Vector128.IsHardwareAccelerated && !KernelDispatch.ForceScalar)
        {
            var conjugate = inverse ? Vector128.Create(1.0, -1.0) : Vector128<double>.One;
            for (; k < count; k++)
            {
                VectorButterfly(ref lo, ref up, (nuint)k * 2, Vector128.LoadUnsafe(ref w0, (nuint)((k0 + k) * stride) * 2) * conjugate);
            }
        }

        for (; k < count; k++)
        {
            var i = (nuint)((k0 + k) * stride) * 2;
            var wr = Unsafe.Add(ref w0, i);
            var wi = inverse ? -Unsafe.Add(ref w0, i + 1) : Unsafe.Add(ref w0, i + 1);
            ref var bRe = ref Unsafe.Add(ref up, 2 * k);
            ref var bIm = ref Unsafe.Add(ref up, (2 * k) + 1);
            ref var aRe = ref Unsafe.Add(ref lo, 2 * k);
            ref var aIm = ref Unsafe.Add(ref lo, (2 * k) + 1);
            var tr = (bRe * wr) - (bIm * wi);
            var ti = (bRe * wi) + (bIm * wr);
            (bRe, bIm) = (aRe - tr, aIm - ti);
            (aRe, aIm) = (aRe + tr, aIm + ti);
        }
    }

    /// <summary>
    /// The bit-reversal permutation. From 2⁸ points on, the index splits into (high 4 bits, middle, low 4 bits); its reverse
    /// is (reversed low, reversed middle, reversed high), so the 16 × 16 tile of a middle value is swapped with the tile of
    /// the reversed middle, transposed, while both are in cache, and the span-2 stage (<see cref="FirstStage"/>'s
    /// arithmetic) is done on each row as it is written, saving a pass over the data. Returns whether it was (from 2⁸
    /// points on; below, only the permutation is done and the caller runs <see cref="FirstStage"/>).
    /// </summary>
    private static bool BitReverse(Span<Complex> data)
    {
        var n = data.Length;
        var log = BitOperations.Log2((uint)n);
        ref var d = ref MemoryMarshal.GetReference(data);
        if (log < 8)
        {
            for (var i = 1; i < n; i++)
            {
                var j = Reverse(i, log);
                if (i < j)
                {
                    (Unsafe.Add(ref d, i), Unsafe.Add(ref d, j)) = (Unsafe.Add(ref d, j), Unsafe.Add(ref d, i));
                }
            }

            return false;
        }

        const int TileBits = 4;
        const int Tile = 1 << TileBits;
        var midBits = log - (2 * TileBits);
        var highShift = log - TileBits;
        Span<int> reversed = stackalloc int[Tile];
        for (var i = 0; i < Tile; i++)
        {
            reversed[i] = Reverse(i, TileBits);
        }

        // Both tiles are copied out row by row (16 adjacent points each) before either is written back: the 16 rows of a
        // tile lie a power of two apart, so touching them point by point across rows would evict them from the cache.
        Span<Complex> tileA = stackalloc Complex[Tile * Tile];
        Span<Complex> tileB = stackalloc Complex[Tile * Tile];
        for (var mid = 0; mid < 1 << midBits; mid++)
        {
            var rmid = Reverse(mid, midBits);
            if (rmid < mid)
            {
                continue;
            }

            for (var high = 0; high < Tile; high++)
            {
                MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref d, (high << highShift) | (mid << TileBits)), Tile).CopyTo(tileA.Slice(high * Tile, Tile));
                if (rmid != mid)
                {
                    MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref d, (high << highShift) | (rmid << TileBits)), Tile).CopyTo(tileB.Slice(high * Tile, Tile));
                }
            }

            // Point (high, mid, low) goes to (reversed low, reversed mid, reversed high): row r of the tile at rmid takes
            // column reversed[r] of the tile at mid, read down its rows in reversed order (and the other way round).
            for (var r = 0; r < Tile; r++)
            {
                ref var rowAtRmid = ref Unsafe.Add(ref d, (r << highShift) | (rmid << TileBits));
                ref var rowAtMid = ref Unsafe.Add(ref d, (r << highShift) | (mid << TileBits));
                var column = reversed[r];
                for (var c = 0; c < Tile; c += 2)
                {
                    var from = (reversed[c] * Tile) + column;
                    var next = (reversed[c + 1] * Tile) + column;
                    SpanTwoButterfly(ref rowAtRmid, c, tileA[from], tileA[next]);
                    if (rmid != mid)
                    {
                        SpanTwoButterfly(ref rowAtMid, c, tileB[from], tileB[next]);
                    }
                }
            }
        }

        return true;
    }

    /// <summary>The span-2 butterfly (W = (1, 0): the arithmetic of the general butterfly, written out) on a and b, written to row[c], row[c + 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SpanTwoButterfly(ref Complex row, int c, Complex a, Complex b)
    {
        var tr = (b.Real * 1.0) - (b.Imaginary * 0.0);
        var ti = (b.Real * 0.0) + (b.Imaginary * 1.0);
        Unsafe.Add(ref row, c) = new Complex(a.Real + tr, a.Imaginary + ti);
        Unsafe.Add(ref row, c + 1) = new Complex(a.Real - tr, a.Imaginary - ti);
    }

    /// <summary>The lowest <paramref name="bits"/> bits of <paramref name="value"/> in reverse order.</summary>
    private static int Reverse(int value, int bits)
    {
        var v = (uint)value;
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
        v = ((v >> 8) & 0x00FF00FFu) | ((v & 0x00FF00FFu) << 8);
        v = (v >> 16) | (v << 16);
        return bits == 0 ? 0 : (int)(v >> (32 - bits));
    }

    /// <summary>
    /// The twiddles of a stage of span <paramref name="length"/> (a power of two ≥ 4) split for two butterflies per 256-bit
    /// vector: for each pair k, k + 1 (k even) eight doubles (re_k, re_k, re_{k+1}, re_{k+1}, im_k, im_k, im_{k+1}, im_{k+1})
    /// of W_k = <see cref="TwiddleTable"/>(length)[k] (cached per length). These are the doubles of
    /// <see cref="TwiddleTable"/>(n)[k·n/length] bit for bit: both angles are (−2π·k·s)/(length·s) with s a power of two,
    /// and scaling by a power of two commutes with rounding, so the sines and cosines are taken of the same double.
    /// </summary>
    internal static double[] SplitTable(int length)
    {
        var log = BitOperations.Log2((uint)length);
        var split = Volatile.Read(ref SplitTwiddles[log]);
        if (split is not null)
        {
            return split;
        }

        var w = TwiddleTable(length);
        split = new double[2 * length];
        for (var k = 0; k + 1 < w.Length; k += 2)
        {
            var o = 4 * k;
            (split[o], split[o + 1], split[o + 2], split[o + 3]) = (w[k].Real, w[k].Real, w[k + 1].Real, w[k + 1].Real);
            (split[o + 4], split[o + 5], split[o + 6], split[o + 7]) = (w[k].Imaginary, w[k].Imaginary, w[k + 1].Imaginary, w[k + 1].Imaginary);
        }

        Volatile.Write(ref SplitTwiddles[log], split);
        return split;
    }

    /// <summary>W_k = e^{−2πi k/n}, k = 0…n/2−1 (cached per length, shared with callers that untangle real transforms).</summary>
    internal static Complex[] TwiddleTable(int n)
    {
        var log = BitOperations.Log2((uint)n);
        var table = Volatile.Read(ref Twiddles[log]);
        if (table is not null)
        {
            return table;
        }

        table = new Complex[n / 2];
        for (var k = 0; k < table.Length; k++)
        {
            var (sin, cos) = Math.SinCos(-2 * Math.PI * k / n);
            table[k] = new Complex(cos, sin);
        }

        Volatile.Write(ref Twiddles[log], table);
        return table;
    }
}
