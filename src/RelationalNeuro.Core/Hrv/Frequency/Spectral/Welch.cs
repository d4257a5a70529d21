using System.Buffers;
using System.Numerics;

namespace RelationalNeuro.Hrv.Spectral;

/// <summary>
/// Welch PSD of an NN series: beat times → interpolation at fs → whole-series detrending → segments (each mean-removed
/// and tapered) → |FFT|² → mean over segments, scaled to a one-sided density in ms²/Hz exactly as SciPy's
/// <c>welch(scaling='density')</c>: P_k = c_k·|X_k|²/(fs·Σw²), c_k = 2 except at DC and Nyquist. All work arrays are
/// rented from <see cref="ArrayPool{T}.Shared"/>; two real segments share one complex FFT (<see cref="Radix2Fft"/>).
/// </summary>
internal static class Welch
{
    public static SpectrumBuffer Estimate(ReadOnlySpan<double> nnMs, FrequencyDomainOptions options)
    {
        var n = nnMs.Length;
        var fs = options.ResamplingRateHz;
        var pool = ArrayPool<double>.Shared;

        var times = pool.Rent(n);
        double[]? resampled = null;
        try
        {
            var lastTime = Resampler.BeatTimes(nnMs, times);
            var m = Resampler.GridLength(lastTime, fs);
            resampled = pool.Rent(m);
            var z = resampled.AsSpan(0, m);
            Interpolate(nnMs, times.AsSpan(0, n), fs, z, options.Interpolation);
            ApplyDetrending(z, options);

            var segment = SegmentLength(m, lastTime, options);
            return Periodogram(z, fs, segment, options);
        }
        finally
        {
            pool.Return(times);
            if (resampled is not null)
            {
                pool.Return(resampled);
            }
        }
    }

    internal static int SegmentLength(int m, double lastTimeS, FrequencyDomainOptions options)
    {
        if (options.SegmentSeconds is not { } seconds
            || (options.SingleSegmentBelowSeconds is { } below && lastTimeS < below))
        {
            return m;
        }

        var length = (int)Math.Round(seconds * options.ResamplingRateHz);
        return Math.Clamp(length, 2, m);
    }

    private static void Interpolate(ReadOnlySpan<double> nnMs, ReadOnlySpan<double> times, double fs, Span<double> output, ResamplingInterpolation kind)
    {
        if (kind == ResamplingInterpolation.Linear || nnMs.Length < 4)
        {
            Resampler.Linear(times, nnMs, fs, output);
            return;
        }

        var n = nnMs.Length;
        var pool = ArrayPool<double>.Shared;
        var slopes = pool.Rent(n);
        var c = pool.Rent(n);
        var d = pool.Rent(n);
        try
        {
            Resampler.CubicNotAKnot(times, nnMs, fs, output, slopes, c, d);
        }
        finally
        {
            pool.Return(slopes);
            pool.Return(c);
            pool.Return(d);
        }
    }

    private static void ApplyDetrending(Span<double> z, FrequencyDomainOptions options)
    {
        switch (options.Detrending)
        {
            case Detrending.Mean:
                Detrender.Mean(z);
                break;
            case Detrending.Linear:
                Detrender.Linear(z);
                break;
            case Detrending.SmoothnessPriors:
                var pool = ArrayPool<double>.Shared;
                var m = z.Length;
                double[] a = pool.Rent(m), b = pool.Rent(m), c = pool.Rent(m), w = pool.Rent(m);
                try
                {
                    Detrender.SmoothnessPriors(z, options.SmoothnessPriorsLambda, a, b, c, w);
                }
                finally
                {
                    pool.Return(a);
                    pool.Return(b);
                    pool.Return(c);
                    pool.Return(w);
                }

                break;
            default:
                break;
        }
    }

    private static SpectrumBuffer Periodogram(ReadOnlySpan<double> z, double fs, int segment, FrequencyDomainOptions options)
    {
        var m = z.Length;
        var noverlap = (int)Math.Floor(segment * options.SegmentOverlap);
        var step = Math.Max(1, segment - noverlap);
        var count = ((m - segment) / step) + 1;
        var spread = options.SpreadSegmentsOverRecord && (m - segment) % step != 0;
        if (spread)
        {
            count++;
        }

        var nfft = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(segment, options.FftLength ?? 0));
        var bins = (nfft / 2) + 1;

        var pool = ArrayPool<double>.Shared;
        var window = pool.Rent(segment);
        var psd = pool.Rent(bins);
        var fft = ArrayPool<Complex>.Shared.Rent(nfft);
        if (fft.Length != nfft)
        {
            ArrayPool<Complex>.Shared.Return(fft);
            fft = new Complex[nfft];
        }

        try
        {
            var w = window.AsSpan(0, segment);
            var sumSquares = FillWindow(w, options.Window);
            var acc = psd.AsSpan(0, bins);
            acc.Clear();

            for (var s = 0; s < count; s += 2)
            {
                var startA = SegmentStart(s, count, m, segment, step, spread);
                var hasB = s + 1 < count;
                var startB = hasB ? SegmentStart(s + 1, count, m, segment, step, spread) : 0;
                var meanA = MeanOf(z.Slice(startA, segment));
                var meanB = hasB ? MeanOf(z.Slice(startB, segment)) : 0.0;
                for (var k = 0; k < segment; k++)
                {
                    var re = (z[startA + k] - meanA) * w[k];
                    var im = hasB ? (z[startB + k] - meanB) * w[k] : 0.0;
                    fft[k] = new Complex(re, im);
                }

                Array.Clear(fft, segment, nfft - segment);
                Radix2Fft.Forward(fft.AsSpan(0, nfft));

                // With Z = FFT(a + i·b): |A_k|² + |B_k|² = (|Z_k|² + |Z_{N−k}|²)/2.
                for (var k = 0; k < bins; k++)
                {
                    var p = fft[k];
                    var q = fft[(nfft - k) & (nfft - 1)];
                    acc[k] += ((p.Real * p.Real) + (p.Imaginary * p.Imaginary) + (q.Real * q.Real) + (q.Imaginary * q.Imaginary)) * 0.5;
                }
            }

            var scale = 1.0 / (fs * sumSquares * count);
            for (var k = 0; k < bins; k++)
            {
                var twoSided = k == 0 || (k == bins - 1) ? 1.0 : 2.0;
                acc[k] *= scale * twoSided;
            }

            pool.Return(window);
            return new SpectrumBuffer { Array = psd, Count = bins, F0 = 0, Df = fs / nfft, ResolutionHz = fs / segment };
        }
        catch
        {
            pool.Return(window);
            pool.Return(psd);
            throw;
        }
        finally
        {
            ArrayPool<Complex>.Shared.Return(fft);
        }
    }

    private static int SegmentStart(int s, int count, int m, int segment, int step, bool spread) =>
        spread ? (int)Math.Round(s * (double)(m - segment) / (count - 1)) : s * step;

    private static double MeanOf(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        foreach (var v in x)
        {
            sum += v;
        }

        return sum / x.Length;
    }

    /// <summary>Periodic (DFT-even) window, as <c>scipy.signal.get_window(name, L)</c>; returns Σw².</summary>
    internal static double FillWindow(Span<double> w, SpectralWindow kind)
    {
        var a = kind switch
        {
            SpectralWindow.Hann => 0.5,
            SpectralWindow.Hamming => 0.54,
            _ => 1.0,
        };
        var sumSquares = 0.0;
        var length = w.Length;
        for (var k = 0; k < length; k++)
        {
            var v = a - ((1 - a) * Math.Cos(2 * Math.PI * k / length));
            w[k] = v;
            sumSquares += v * v;
        }

        return sumSquares;
    }
}
