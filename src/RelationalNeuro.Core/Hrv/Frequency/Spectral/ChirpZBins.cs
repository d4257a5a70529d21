using System.Buffers;
using System.Numerics;

namespace RelationalNeuro.Hrv.Spectral;

/// <summary>
/// |X_k|² for a run of consecutive bins k = first … first + count − 1 of the length-<c>nfft</c> DFT of a zero-padded
/// segment of length L (one real segment, or two packed as real and imaginary part), for any <c>nfft</c> (not only powers of two), by Bluestein's chirp-z algorithm (Bluestein 1970,
/// IEEE Trans Audio Electroacoust 18:451; Rabiner, Schafer &amp; Rader 1969, Bell Syst Tech J 48:1249): with
/// W = e^{−2πi/nfft} and nk = (n² + k² − (k − n)²)/2, X_{first+m} = W^{m²/2}·Σ_n a_n·W^{−(m−n)²/2} where
/// a_n = x_n·W^{n·first + n²/2}, a linear convolution done by <see cref="Radix2Fft"/> on the power of two ≥ L + count − 1.
/// The factor W^{m²/2} has modulus 1 and is not applied (only |X|² is returned). Every phase is an integer p modulo
/// 2·nfft (n² + 2n·first, j², 2n₀·k), carried from one index to the next by exact integer steps, and e^{−iπp/nfft} is read
/// from two small tables (<see cref="HalfTurns"/>), so accuracy does not decay with n and no sine or cosine is computed
/// per sample.
/// </summary>
/// <remarks>
/// Why not a full transform: NeuroKit2's Welch uses nfft = 2·nperseg with nperseg half the record, 8.1 million points for
/// 24 h at 100 Hz, of which only the bins up to 0.5 Hz (1 % of them) are used. A full Bluestein transform would need a
/// 2²⁴-point convolution (two 256-MB arrays) per segment; computing only the bins asked for needs L + count − 1 points.
/// MathNet's <c>Fourier.Forward</c> handles any length (also by Bluestein) but over the whole length, and its managed
/// provider measured 1.7 s per 2²⁰-point transform on this machine (docs/performance.md).
/// <para>Long segments are convolved in pieces (overlap-add over the input): when L + count − 1 exceeds
/// <see cref="MaximumSingleSize"/> points, the segment is cut into chunks of B = S − count + 1 samples with S the power of
/// two ≥ max(<see cref="MaximumSingleSize"/>, 2·count); each chunk is convolved with the same chirp filter on S points
/// after the same input chirp, as if it started at 0, its offset n₀ becoming one output factor W^{n₀·k} (exact integer
/// exponents, see <see cref="Convolve"/>), and the chunks' outputs add up to the whole transform. Same sums in another grouping (the
/// bins agree to rounding, tested against the DFT definition); at 100 Hz on 24 h that is 20–40 convolutions of 2¹⁷–2¹⁸
/// points instead of one of 2²³, in at most 8 MB of work arrays instead of 268 MB.</para>
/// </remarks>
internal sealed class ChirpZBins : IDisposable
{
    /// <summary>
    /// Largest convolution done in one piece: 2¹⁷ points, 2 MB per array, one core's L2 cache on the machine measured (an
    /// Intel Xeon with 2 MB per core: a 2¹⁸-point FFT took 2.9× a 2¹⁷-point one there; the transforms of NeuroKit2's 4-Hz
    /// Welch of 21–24 h took 6–15 % less CPU in pieces of 2¹⁷ than in one of 2¹⁸, those of its 100-Hz Welch of 24 h 36 %
    /// less than in one of 2²³, docs/performance.md). Longer segments are cut into chunks.
    /// </summary>
    public const int MaximumSingleSize = 1 << 17;

    private readonly int segmentLength;
    private readonly int chunkLength;
    private readonly Complex[]? sum;
    private readonly long nfft;
    private readonly long first;
    private readonly int count;
    private readonly int size;
    private readonly Complex[] filter;
    private readonly Complex[] work;
    private readonly Complex[] chirp;
    private readonly HalfTurns turns;
    private bool disposed;

    /// <summary>
    /// Prepares the transform of bins <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1
    /// (<paramref name="first"/> may be negative: bin −k is bin nfft − k); the chirp filter's FFT is computed once and
    /// reused for every segment and every chunk.
    /// </summary>
    /// <param name="segmentLength">Samples per segment (L).</param>
    /// <param name="nfft">The DFT length, any positive integer.</param>
    /// <param name="first">The first bin.</param>
    /// <param name="count">The number of bins.</param>
    /// <param name="maximumSingleSize">The largest convolution done in one piece (a power of two; tests lower it to
    /// exercise the chunks on short segments).</param>
    public ChirpZBins(int segmentLength, long nfft, long first, int count, int maximumSingleSize = MaximumSingleSize)
    {
        this.segmentLength = segmentLength;
        this.nfft = nfft;
        this.first = first;
        this.count = count;
        size = SizeFor(segmentLength, count, maximumSingleSize);
        chunkLength = Math.Min(segmentLength, size - count + 1);
        filter = ArrayPool<Complex>.Shared.Rent(size);
        work = ArrayPool<Complex>.Shared.Rent(size);
        chirp = ArrayPool<Complex>.Shared.Rent(chunkLength);
        sum = chunkLength < segmentLength ? ArrayPool<Complex>.Shared.Rent(count) : null;
        turns = new HalfTurns(nfft);
        var twoN = 2 * nfft;

        // b_j = W^{−j²/2} for j = −(B − 1) … count − 1 (B the chunk length, L in one piece), placed cyclically (negative j
        // at size + j): the same filter serves every chunk, whose shift is moved into the output factor. j² mod 2·nfft is
        // carried from j to j + 1 by adding 2j + 1 (each step below 2·nfft, so one subtraction reduces it).
        var b = filter.AsSpan(0, size);
        b.Clear();
        long square = 0;
        long step = 1 % twoN;
        for (long j = 0; j < Math.Max(chunkLength, count); j++)
        {
            var value = Complex.Conjugate(turns[square]);
            if (j < count)
            {
                b[(int)j] = value;
            }

            if (j > 0 && j < chunkLength)
            {
                b[size - (int)j] = value;
            }

            square = Next(square, step, twoN);
            step = Next(step, 2 % twoN, twoN);
        }

        Radix2Fft.Forward(b);

        // The inverse FFT's factor 1/size (a power of two: exact) is folded into the filter's spectrum once.
        var scale = 1.0 / size;
        for (var k = 0; k < size; k++)
        {
            b[k] *= scale;
        }

        // The input chirp of one chunk, W^{(t² + 2t·first)/2} for t = 0 … B − 1: the same for every chunk and segment.
        // t² + 2t·first mod 2·nfft is carried from t to t + 1 by adding 2t + 1 + 2·first.
        var phase = 0L;
        var increment = Mod(1 + Mod(2 * Mod(first, twoN), twoN), twoN);
        for (var t = 0; t < chunkLength; t++)
        {
            chirp[t] = turns[phase];
            phase = Next(phase, increment, twoN);
            increment = Next(increment, 2 % twoN, twoN);
        }
    }

    /// <summary>Points of each convolution FFT (a power of two ≥ L + count − 1, or the chunks' size).</summary>
    public int Size => size;

    /// <summary>
    /// The FFT size a transform of <paramref name="count"/> bins of length-<paramref name="segmentLength"/> segments uses:
    /// the power of two ≥ L + count − 1 when that is at most <paramref name="maximumSingleSize"/>, else the chunks' size,
    /// the power of two ≥ max(<paramref name="maximumSingleSize"/>, 2·count) (the whole size if that is not smaller).
    /// </summary>
    public static int SizeFor(int segmentLength, long count, int maximumSingleSize = MaximumSingleSize)
    {
        var single = (int)BitOperations.RoundUpToPowerOf2((uint)(segmentLength + count - 1));
        if (single <= maximumSingleSize)
        {
            return single;
        }

        var chunked = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(maximumSingleSize, 2 * count));
        return Math.Min(single, chunked);
    }

    /// <summary>
    /// The work of one transform in FFT butterflies, S·log₂S per FFT: one for the filter and two per chunk. Used to choose
    /// whether two segments share a transform (twice the bins) or take one each.
    /// </summary>
    public static double Cost(int segmentLength, long count, int maximumSingleSize = MaximumSingleSize)
    {
        var size = SizeFor(segmentLength, count, maximumSingleSize);
        var chunk = Math.Min(segmentLength, size - count + 1);
        var chunks = (segmentLength + chunk - 1) / chunk;
        return ((2.0 * chunks) + 1) * size * BitOperations.Log2((uint)size);
    }

    /// <summary>The filter's share of <see cref="Cost"/> (one FFT): what a transform costs beyond its segments.</summary>
    public static double FilterCost(int segmentLength, long count, int maximumSingleSize = MaximumSingleSize)
    {
        var size = SizeFor(segmentLength, count, maximumSingleSize);
        return (double)size * BitOperations.Log2((uint)size);
    }

    /// <summary>
    /// Adds |X_k|² of the real segment (z_n − mean)·w_n, n = 0 … L − 1, zero-padded to nfft, to
    /// <paramref name="accumulator"/>[k − <paramref name="from"/>] for the <paramref name="accumulator"/>.Length bins from
    /// <paramref name="from"/> (all inside this transform's range).
    /// </summary>
    public void AccumulatePower(ReadOnlySpan<double> z, ReadOnlySpan<double> window, double mean, long from, Span<double> accumulator)
    {
        var c = Convolve(z, window, mean, default, default, 0);
        for (var j = 0; j < accumulator.Length; j++)
        {
            accumulator[j] += Magnitude2(c[(int)(from + j - first)]);
        }
    }

    /// <summary>
    /// Two real segments in one transform: Z = DFT(a + i·b), and |A_k|² + |B_k|² = (|Z_k|² + |Z_{−k}|²)/2, so the range must
    /// hold both k and −k for the bins asked for. Adds that sum as <see cref="AccumulatePower"/> does for one segment.
    /// </summary>
    public void AccumulatePowerPair(
        ReadOnlySpan<double> a,
        double meanA,
        ReadOnlySpan<double> b,
        double meanB,
        ReadOnlySpan<double> window,
        long from,
        Span<double> accumulator)
    {
        var c = Convolve(a, window, meanA, b, window, meanB);
        for (var j = 0; j < accumulator.Length; j++)
        {
            var k = from + j;
            accumulator[j] += (Magnitude2(c[(int)(k - first)]) + Magnitude2(c[(int)(-k - first)])) * 0.5;
        }
    }

    /// <summary>
    /// c_m = Σ_n x_n·W^{n·first + n²/2}·W^{−(m−n)²/2}, |c_m| = |X_{first+m}|, for x = (a − meanA)·wA + i·(b − meanB)·wB
    /// (b empty: real input), after the inverse FFT (its factor is in the filter).
    /// </summary>
    /// <remarks>
    /// In chunks, n = n₀ + t: X_k = Σ_chunks W^{n₀·k}·Σ_t x_{n₀+t}·W^{t·k}, and t·k = t·first + (t² + m² − (m − t)²)/2, so each
    /// chunk is the one-piece transform of its own samples (the same input chirp W^{(t² + 2t·first)/2} and filter b) times
    /// W^{n₀·k}; the common W^{m²/2} has modulus 1 and is left out. The first chunk (n₀ = 0) is the one-piece transform.
    /// </remarks>
    private ReadOnlySpan<Complex> Convolve(ReadOnlySpan<double> a, ReadOnlySpan<double> wA, double meanA, ReadOnlySpan<double> b, ReadOnlySpan<double> wB, double meanB)
    {
        if (sum is null)
        {
            return ConvolveChunk(a, wA, meanA, b, wB, meanB, 0, segmentLength);
        }

        var total = sum.AsSpan(0, count);
        total.Clear();
        var twoN = 2 * nfft;
        for (var start = 0; start < segmentLength; start += chunkLength)
        {
            var part = ConvolveChunk(a, wA, meanA, b, wB, meanB, start, Math.Min(chunkLength, segmentLength - start));

            // W^{n₀·k} = e^{−iπ·(2·n₀·k mod 2·nfft)/nfft} for k = first + m, carried from m to m + 1 by adding 2·n₀.
            var step = Mod(2L * start, twoN);
            var phase = MultiplyMod(step, Mod(first, twoN), twoN);
            for (var m = 0; m < count; m++)
            {
                total[m] += part[m] * turns[phase];
                phase = Next(phase, step, twoN);
            }
        }

        return total;
    }

    /// <summary>The convolution of samples start … start + length − 1, premultiplied by the chunk's chirp, with the filter.</summary>
    private ReadOnlySpan<Complex> ConvolveChunk(ReadOnlySpan<double> a, ReadOnlySpan<double> wA, double meanA, ReadOnlySpan<double> b, ReadOnlySpan<double> wB, double meanB, int start, int length)
    {
        var x = work.AsSpan(0, size);
        var input = chirp.AsSpan(0, length);
        var sa = a.Slice(start, length);
        var swa = wA.Slice(start, length);
        if (b.IsEmpty)
        {
            for (var t = 0; t < input.Length; t++)
            {
                var re = (sa[t] - meanA) * swa[t];
                x[t] = new Complex(re * input[t].Real, re * input[t].Imaginary);
            }
        }
        else
        {
            var sb = b.Slice(start, length);
            var swb = wB.Slice(start, length);
            for (var t = 0; t < input.Length; t++)
            {
                x[t] = new Complex((sa[t] - meanA) * swa[t], (sb[t] - meanB) * swb[t]) * input[t];
            }
        }

        x[length..].Clear();
        Radix2Fft.Forward(x);
        var filterSpectrum = filter.AsSpan(0, size);
        for (var k = 0; k < x.Length; k++)
        {
            x[k] *= filterSpectrum[k];
        }

        Radix2Fft.Inverse(x);
        return x[..count];
    }

    private static double Magnitude2(Complex c) => (c.Real * c.Real) + (c.Imaginary * c.Imaginary);

    /// <summary>Returns the work arrays to the pool.</summary>
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            ArrayPool<Complex>.Shared.Return(filter);
            ArrayPool<Complex>.Shared.Return(work);
            ArrayPool<Complex>.Shared.Return(chirp);
            turns.Dispose();
            if (sum is not null)
            {
                ArrayPool<Complex>.Shared.Return(sum);
            }
        }
    }

    private static long Mod(long value, long modulus) => ((value % modulus) + modulus) % modulus;

    /// <summary>(a + b) mod m for a, b in [0, m).</summary>
    private static long Next(long value, long increment, long modulus)
    {
        var next = value + increment;
        return next >= modulus ? next - modulus : next;
    }

    private static long MultiplyMod(long a, long b, long modulus) => (long)((UInt128)(ulong)a * (ulong)b % (ulong)modulus);

    /// <summary>
    /// e^{−iπ·p/nfft} for integers p in [0, 2·nfft), as the product of two table entries (p = hi·2^s + lo, both tables a
    /// few thousand entries, each entry a correctly rounded sine and cosine): one complex product per phase instead of a
    /// sine and a cosine, accurate to a few units in the last place.
    /// </summary>
    internal readonly struct HalfTurns : IDisposable
    {
        private readonly Complex[] low;
        private readonly Complex[] high;
        private readonly int shift;
        private readonly long mask;

        public HalfTurns(long nfft)
        {
            var period = 2 * nfft;
            shift = (BitOperations.Log2((ulong)Math.Max(period - 1, 1)) + 2) / 2;
            mask = (1L << shift) - 1;
            var highCount = (int)((period + mask) >> shift);
            low = ArrayPool<Complex>.Shared.Rent(1 << shift);
            high = ArrayPool<Complex>.Shared.Rent(highCount);
            for (var p = 0; p < 1 << shift; p++)
            {
                low[p] = Unit(-Math.PI * p / nfft);
            }

            for (var h = 0; h < highCount; h++)
            {
                high[h] = Unit(-Math.PI * ((long)h << shift) / nfft);
            }
        }

        public Complex this[long phase] => low[phase & mask] * high[phase >> shift];

        public void Dispose()
        {
            ArrayPool<Complex>.Shared.Return(low);
            ArrayPool<Complex>.Shared.Return(high);
        }
    }

    private static Complex Unit(double angle)
    {
        var (sin, cos) = Math.SinCos(angle);
        return new Complex(cos, sin);
    }
}
