using System.Buffers;
using System.Numerics;

namespace RelationalNeuro.Hrv.Spectral;

/// <summary>
/// |X_k|² for a run of consecutive bins k = first … first + count − 1 of the length-<c>nfft</c> DFT of a zero-padded real
/// segment of length L, for any <c>nfft</c> (not only powers of two), by Bluestein's chirp-z algorithm (Bluestein 1970,
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

    /// <summary>Prepares the transform: the chirp filter's FFT is computed once and reused for every segment.</summary>
    public ChirpZBins(int segmentLength, long nfft, long first, int count)
    {
        this.segmentLength = segmentLength;
        this.nfft = nfft;
        this.first = first;
        this.count = count;
        size = (int)BitOperations.RoundUpToPowerOf2((uint)(segmentLength + count - 1));
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

    /// <summary>
    /// Adds |X_k|² of the segment (z_n − mean)·w_n, n = 0 … L − 1, zero-padded to nfft, to <paramref name="accumulator"/>[k − first].
    /// </summary>
    public void AccumulatePower(ReadOnlySpan<double> z, ReadOnlySpan<double> window, double mean, Span<double> accumulator)
    {
        var a = work.AsSpan(0, size);
        var twoN = 2 * nfft;
        for (long n = 0; n < segmentLength; n++)
        {
            var phase = ((n * n) + (2 * n * first)) % twoN;
            var v = (z[(int)n] - mean) * window[(int)n];
            var (sin, cos) = Math.SinCos(-Math.PI * phase / nfft);
            a[(int)n] = new Complex(v * cos, v * sin);
        }

        a[segmentLength..].Clear();
        Radix2Fft.Forward(a);
        var b = filter.AsSpan(0, size);
        for (var k = 0; k < size; k++)
        {
            a[k] *= b[k];
        }

        Radix2Fft.Inverse(a);
        var scale = 1.0 / ((double)size * size);
        for (var m = 0; m < count; m++)
        {
            var c = a[m];
            accumulator[m] += ((c.Real * c.Real) + (c.Imaginary * c.Imaginary)) * scale;
        }
    }

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
