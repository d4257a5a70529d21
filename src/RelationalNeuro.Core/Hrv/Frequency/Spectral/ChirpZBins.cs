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
/// 2²⁴-point convolution (two 256-MB arrays) per segment; this one needs 2²² points and computes only the bins asked for.
/// MathNet's <c>Fourier.Forward</c> handles any length (also by Bluestein) but over the whole length, and its managed
/// provider measured 1.7 s per 2²⁰-point transform on this machine (docs/performance.md).
/// </remarks>
internal sealed class ChirpZBins : IDisposable
{
    private readonly int segmentLength;
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
    /// reused for every segment.
    /// </summary>
    public ChirpZBins(int segmentLength, long nfft, long first, int count)
    {
        this.segmentLength = segmentLength;
        this.nfft = nfft;
        this.first = first;
        this.count = count;
        size = SizeFor(segmentLength, count);
        filter = ArrayPool<Complex>.Shared.Rent(size);
        work = ArrayPool<Complex>.Shared.Rent(size);

        // b_j = W^{−j²/2} for j = −(L − 1) … count − 1, placed cyclically (negative j at size + j).
        var b = filter.AsSpan(0, size);
        b.Clear();
        for (long j = 0; j < Math.Max(segmentLength, count); j++)
        {
            var value = Unit(Math.PI * ((j * j) % (2 * nfft)) / nfft);
            if (j < count)
            {
                b[(int)j] = value;
            }

            if (j > 0 && j < segmentLength)
            {
                b[size - (int)j] = value;
            }
        }

        Radix2Fft.Forward(b);
    }

    /// <summary>Points of the convolution FFT (a power of two ≥ L + count − 1).</summary>
    public int Size => size;

    /// <summary>The FFT size a transform of <paramref name="count"/> bins of length-<paramref name="segmentLength"/> segments uses.</summary>
    public static int SizeFor(int segmentLength, long count) => (int)BitOperations.RoundUpToPowerOf2((uint)(segmentLength + count - 1));

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
    private ReadOnlySpan<Complex> Convolve(ReadOnlySpan<double> a, ReadOnlySpan<double> wA, double meanA, ReadOnlySpan<double> b, ReadOnlySpan<double> wB, double meanB)
    {
        var x = work.AsSpan(0, size);
        var twoN = 2 * nfft;
        var paired = !b.IsEmpty;
        for (long n = 0; n < segmentLength; n++)
        {
            var phase = (((n * n) + (2 * n * first)) % twoN + twoN) % twoN;
            var re = (a[(int)n] - meanA) * wA[(int)n];
            var im = paired ? (b[(int)n] - meanB) * wB[(int)n] : 0.0;
            var (sin, cos) = Math.SinCos(-Math.PI * phase / nfft);
            x[(int)n] = new Complex((re * cos) - (im * sin), (re * sin) + (im * cos));
        }

        x[segmentLength..].Clear();
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

    /// <summary>Returns the two work arrays to the pool.</summary>
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            ArrayPool<Complex>.Shared.Return(filter);
            ArrayPool<Complex>.Shared.Return(work);
        }
    }

    private static Complex Unit(double angle)
    {
        var (sin, cos) = Math.SinCos(angle);
        return new Complex(cos, sin);
    }
}
