using System.Buffers;
using System.Numerics;

namespace RelationalNeuro.Hrv.Spectral;

/// <summary>
/// |X_k|² for a run of consecutive bins k = first … first + count − 1 of the length-<c>nfft</c> DFT of a zero-padded
/// segment of length L (one real segment, or two packed as real and imaginary part), for any <c>nfft</c> (not only powers of two), by Bluestein's chirp-z algorithm (Bluestein 1970,
/// IEEE Trans Audio Electroacoust 18:451; Rabiner, Schafer &amp; Rader 1969, Bell Syst Tech J 48:1249): with
/// W = e^{−2πi/nfft} and nk = (n² + k² − (k − n)²)/2, X_{first+m} = W^{m²/2}·Σ_n a_n·W^{−(m−n)²/2} where
/// a_n = x_n·W^{n·first + n²/2}, a linear convolution done by <see cref="Radix2Fft"/> on the power of two ≥ L + count − 1.
/// The factor W^{m²/2} has modulus 1 and is not applied (only |X|² is returned). Phases are reduced exactly in integer
/// arithmetic (n² + 2n·first mod 2·nfft) before the sine and cosine, so accuracy does not decay with n.
/// </summary>
/// <remarks>
/// Why not a full transform: NeuroKit2's Welch uses nfft = 2·nperseg with nperseg half the record, 8.1 million points for
/// 24 h at 100 Hz, of which only the bins up to 0.5 Hz (1 % of them) are used. A full Bluestein transform would need a
/// 2²⁴-point convolution (two 256-MB arrays) per segment; computing only the bins asked for needs L + count − 1 points.
/// MathNet's <c>Fourier.Forward</c> handles any length (also by Bluestein) but over the whole length, and its managed
/// provider measured 1.7 s per 2²⁰-point transform on this machine (docs/performance.md).
/// <para>Long segments are convolved in pieces (overlap-add over the input): when L + count − 1 exceeds
/// <see cref="MaximumSingleSize"/> points, the segment is cut into chunks of B = S − count + 1 samples with S the power of
/// two ≥ max(<see cref="MaximumSingleSize"/>, 2·count); each chunk is convolved with the same chirp filter on S points,
/// the chunk's offset n₀ moved into a phase factor on its input and one on its output (exact integer exponents, see
/// <see cref="Convolve"/>), and the chunks' outputs add up to the whole convolution. Same sums in another grouping (the
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
        sum = chunkLength < segmentLength ? ArrayPool<Complex>.Shared.Rent(count) : null;

        // b_j = W^{−j²/2} for j = −(B − 1) … count − 1 (B the chunk length, L in one piece), placed cyclically (negative j
        // at size + j): the same filter serves every chunk, whose shift is moved into the input and output factors.
        var b = filter.AsSpan(0, size);
        b.Clear();
        for (long j = 0; j < Math.Max(chunkLength, count); j++)
        {
            var value = Unit(Math.PI * ((j * j) % (2 * nfft)) / nfft);
            if (j < count)
            {
                b[(int)j] = value;
            }

            if (j > 0 && j < chunkLength)
            {
                b[size - (int)j] = value;
            }
        }

        Radix2Fft.Forward(b);
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
    /// (b empty: real input). Scaled so the inverse FFT's factor is removed.
    /// </summary>
    /// <remarks>
    /// In chunks, n = n₀ + t: with (m − n₀ − t)² = (m − t)² − 2(m − t)·n₀ + n₀², the chunk's share is
    /// c_m = W^{(2m·n₀ − n₀²)/2}·Σ_t x_{n₀+t}·W^{(2(n₀+t)·first + n₀² + t²)/2}·b_{m−t}: the one filter b and two phase factors
    /// whose exponents are integers, reduced modulo 2·nfft exactly as the others. The first chunk (n₀ = 0) is the one-piece
    /// transform.
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
            long n0 = start;
            var squared = (n0 * n0) % twoN;
            for (var m = 0; m < count; m++)
            {
                var phase = ((((2 * m * n0) % twoN) - squared) % twoN + twoN) % twoN;
                total[m] += part[m] * Unit(-Math.PI * phase / nfft);
            }
        }

        return total;
    }

    /// <summary>The convolution of samples start … start + length − 1, premultiplied by their chirp, with the filter.</summary>
    private ReadOnlySpan<Complex> ConvolveChunk(ReadOnlySpan<double> a, ReadOnlySpan<double> wA, double meanA, ReadOnlySpan<double> b, ReadOnlySpan<double> wB, double meanB, int start, int length)
    {
        var x = work.AsSpan(0, size);
        var twoN = 2 * nfft;
        var paired = !b.IsEmpty;
        long n0 = start;
        var offset = (n0 * n0) % twoN;
        for (long t = 0; t < length; t++)
        {
            var n = n0 + t;
            var phase = ((offset + (t * t) + (2 * n * first)) % twoN + twoN) % twoN;
            var re = (a[(int)n] - meanA) * wA[(int)n];
            var im = paired ? (b[(int)n] - meanB) * wB[(int)n] : 0.0;
            var (sin, cos) = Math.SinCos(-Math.PI * phase / nfft);
            x[(int)t] = new Complex((re * cos) - (im * sin), (re * sin) + (im * cos));
        }

        x[length..].Clear();
        Radix2Fft.Forward(x);
        var filterSpectrum = filter.AsSpan(0, size);
        var scale = 1.0 / size;
        for (var k = 0; k < size; k++)
        {
            x[k] *= filterSpectrum[k] * scale;
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
            if (sum is not null)
            {
                ArrayPool<Complex>.Shared.Return(sum);
            }
        }
    }

    private static Complex Unit(double angle)
    {
        var (sin, cos) = Math.SinCos(angle);
        return new Complex(cos, sin);
    }
}
