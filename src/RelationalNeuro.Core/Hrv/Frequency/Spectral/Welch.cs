using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace RelationalNeuro.Hrv.Spectral;

/// <summary>
/// Welch PSD of an NN series: beat times → interpolation at fs → whole-series detrending → segments (each mean-removed
/// unless <see cref="FrequencyDomainOptions.SegmentMeanRemoval"/> is off, and tapered) → |FFT|² → mean over segments, scaled to a one-sided density in ms²/Hz exactly as SciPy's
/// <c>welch(scaling='density')</c>: P_k = c_k·|X_k|²/(fs·Σw²), c_k = 2 except at DC and Nyquist. All work arrays are
/// rented from <see cref="ArrayPool{T}.Shared"/>; two real segments share one complex FFT (<see cref="Radix2Fft"/>).
/// </summary>
internal static class Welch
{
    public static SpectrumBuffer Estimate(ReadOnlySpan<double> nnMs, FrequencyDomainOptions options)
    {
        var n = nnMs.Length;
        var fs = options.ResamplingRateHz;
        var neuroKit2 = options.SegmentRule == WelchSegmentRule.NeuroKit2;
        var pool = ArrayPool<double>.Shared;

        var times = pool.Rent(n);
        double[]? resampled = null;
        try
        {
            var (start, step, m) = neuroKit2 ? NeuroKit2Grid(nnMs, times, fs) : (0.0, 1.0 / fs, Resampler.GridLength(Resampler.BeatTimes(nnMs, times), fs));
            var lastTime = times[n - 1];
            resampled = pool.Rent(m);
            var z = resampled.AsSpan(0, m);
            Interpolate(nnMs, times.AsSpan(0, n), start, step, z, options.Interpolation);

            // interp1d(bounds_error=False, fill_value=(y[0], y[-1])): held at the last value past the last beat (only
            // NeuroKit2's grid reaches past it).
            for (var j = m - 1; j >= 0 && start + (j * step) > lastTime; j--)
            {
                z[j] = nnMs[n - 1];
            }

            ApplyDetrending(z, options);
            return neuroKit2
                ? NeuroKit2Periodogram(z, fs, options)
                : Periodogram(z, fs, SegmentLength(m, lastTime, options), options);
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

    /// <summary>
    /// NeuroKit2's time axis and grid (<see cref="WelchSegmentRule.NeuroKit2"/>): RRI_Time = cumsum(RR)/1000 (NumPy's cumsum
    /// adds in order) and x_new = arange(t_0, t_last + 1/fs, 1/fs), whose length is ceil((stop − start)/step) and whose
    /// values are start + j·((start + step) − start). Fills <paramref name="times"/>; returns the grid.
    /// </summary>
    private static (double Start, double Step, int Count) NeuroKit2Grid(ReadOnlySpan<double> nnMs, Span<double> times, double fs)
    {
        var sum = 0.0;
        for (var i = 0; i < nnMs.Length; i++)
        {
            sum += nnMs[i];
            times[i] = sum / 1000;
        }

        var t0 = times[0];
        var step = 1 / fs;
        var count = (int)Math.Ceiling((times[nnMs.Length - 1] + step - t0) / step);
        return (t0, (t0 + step) - t0, count);
    }

    /// <summary>
    /// NeuroKit2's segment and bins: one segment length of half the record, FFT length 2·nperseg of any size, bins from
    /// f_min to the highest band edge only (<see cref="ChirpZBins"/>). Every integer (nperseg, the first and last bin) comes
    /// from the same double operations in the same order as NumPy/SciPy, since one sample or bin more changes the band
    /// powers by far more than rounding.
    /// </summary>
    private static SpectrumBuffer NeuroKit2Periodogram(ReadOnlySpan<double> z, double fs, FrequencyDomainOptions options)
    {
        var m = z.Length;

        // signal_psd: min_frequency = (2·fs)/(N/2); nperseg = int((2/min_frequency)·fs), at most int(N/2); nfft = 2·nperseg.
        var minimumFrequency = (2 * fs) / (m / 2.0);
        var segment = (int)((2 / minimumFrequency) * fs);
        if (segment > m / 2.0)
        {
            segment = (int)(m / 2.0);
        }

        segment = Math.Max(segment, 2);
        var nfft = 2L * segment;

        // rfftfreq: k·(1/(nfft·(1/fs))); kept where min_frequency ≤ f ≤ the highest band edge (and f ≤ fs/2).
        var df = 1.0 / (nfft * (1.0 / fs));
        var highest = HighestBandEdge(options.Bands);
        var first = (long)Math.Max(0, Math.Floor(minimumFrequency / df) - 1);
        while (first * df < minimumFrequency)
        {
            first++;
        }

        var last = Math.Min(nfft / 2, (long)Math.Floor(highest / df) + 1);
        while (last >= first && last * df > highest)
        {
            last--;
        }

        first = Math.Min(first, nfft / 2);
        var count = (int)Math.Max(1, last - first + 1);
        return PeriodogramBins(z, fs, segment, nfft, first, count, options);
    }

    private static double HighestBandEdge(FrequencyBands bands) =>
        Math.Max(Math.Max(Math.Max(bands.Ulf.HighHz, bands.Vlf.HighHz), Math.Max(bands.Lf.HighHz, bands.Hf.HighHz)), bands.Vhf.HighHz);

    /// <summary>Welch's averaged periodogram restricted to bins first … first + count − 1 of an nfft-point DFT (any nfft).</summary>
    private static SpectrumBuffer PeriodogramBins(ReadOnlySpan<double> z, double fs, int segment, long nfft, long first, int count, FrequencyDomainOptions options)
    {
        var m = z.Length;
        var (segments, step, spread) = Layout(m, segment, options);

        var pool = ArrayPool<double>.Shared;
        var window = pool.Rent(segment);
        var psd = pool.Rent(count);
        try
        {
            var w = window.AsSpan(0, segment);
            var sumSquares = FillWindow(w, options.Window);
            var acc = psd.AsSpan(0, count);
            acc.Clear();

            // Two segments share one transform (as real and imaginary part) when the range −last … last that this needs
            // costs less than two transforms of first … last (ChirpZBins.Cost: the same convolution size, or fewer pieces).
            // An odd last segment then takes the narrower transform of its own when that costs less than a turn of the
            // shared one (its filter included).
            var last = first + count - 1;
            var pairedCost = ChirpZBins.Cost(segment, (2 * last) + 1);
            var singleCost = ChirpZBins.Cost(segment, count);
            var pair = segments > 1 && pairedCost < 2 * singleCost;
            var odd = pair && segments % 2 == 1 && singleCost < pairedCost - ChirpZBins.FilterCost(segment, (2 * last) + 1);
            var shared = pair ? segments - (odd ? 1 : 0) : segments;
            using (var chirp = pair ? new ChirpZBins(segment, nfft, -last, (int)((2 * last) + 1)) : new ChirpZBins(segment, nfft, first, count))
            {
                for (var s = 0; s < shared; s += pair ? 2 : 1)
                {
                    var a = z.Slice(SegmentStart(s, segments, m, segment, step, spread), segment);
                    var meanA = options.SegmentMeanRemoval ? MeanOf(a) : 0.0;
                    if (pair && s + 1 < shared)
                    {
                        var b = z.Slice(SegmentStart(s + 1, segments, m, segment, step, spread), segment);
                        chirp.AccumulatePowerPair(a, meanA, b, options.SegmentMeanRemoval ? MeanOf(b) : 0.0, w, first, acc);
                    }
                    else
                    {
                        chirp.AccumulatePower(a, w, meanA, first, acc);
                    }
                }
            }

            if (odd)
            {
                using var chirp = new ChirpZBins(segment, nfft, first, count);
                var a = z.Slice(SegmentStart(segments - 1, segments, m, segment, step, spread), segment);
                chirp.AccumulatePower(a, w, options.SegmentMeanRemoval ? MeanOf(a) : 0.0, first, acc);
            }

            var scale = 1.0 / (fs * sumSquares * segments);
            for (var j = 0; j < count; j++)
            {
                var k = first + j;
                var twoSided = k == 0 || k == nfft / 2 ? 1.0 : 2.0;
                acc[j] *= scale * twoSided;
            }

            return new SpectrumBuffer
            {
                Array = psd,
                Count = count,
                F0 = 0,
                Offset = (int)first,
                Df = 1.0 / (nfft * (1.0 / fs)),
                ResolutionHz = fs / segment,
            };
        }
        catch
        {
            pool.Return(psd);
            throw;
        }
        finally
        {
            pool.Return(window);
        }
    }

    private static void Interpolate(ReadOnlySpan<double> nnMs, ReadOnlySpan<double> times, double start, double step, Span<double> output, ResamplingInterpolation kind)
    {
        var n = nnMs.Length;
        if (kind == ResamplingInterpolation.Linear || n < 3 || (kind == ResamplingInterpolation.CubicSpline && n < 4))
        {
            Resampler.Linear(times, nnMs, start, step, output);
            return;
        }

        var pool = ArrayPool<double>.Shared;
        var a = pool.Rent(n);
        var b = pool.Rent(n);
        var c = pool.Rent(n);
        var d = kind == ResamplingInterpolation.QuadraticSpline ? pool.Rent(n) : null;
        var e = kind == ResamplingInterpolation.QuadraticSpline ? pool.Rent(n) : null;
        try
        {
            if (d is not null && e is not null)
            {
                Resampler.QuadraticSpline(times, nnMs, start, step, output, a, b, c, d, e);
            }
            else
            {
                Resampler.CubicNotAKnot(times, nnMs, start, step, output, a, b, c);
            }
        }
        finally
        {
            pool.Return(a);
            pool.Return(b);
            pool.Return(c);
            if (d is not null)
            {
                pool.Return(d);
            }

            if (e is not null)
            {
                pool.Return(e);
            }
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
        var (count, step, spread) = Layout(m, segment, options);

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
                var meanA = options.SegmentMeanRemoval ? MeanOf(z.Slice(startA, segment)) : 0.0;
                var meanB = hasB && options.SegmentMeanRemoval ? MeanOf(z.Slice(startB, segment)) : 0.0;
                for (var k = 0; k < segment; k++)
                {
                    var re = (z[startA + k] - meanA) * w[k];
                    var im = hasB ? (z[startB + k] - meanB) * w[k] : 0.0;
                    fft[k] = new Complex(re, im);
                }

                Radix2Fft.ForwardZeroPadded(fft.AsSpan(0, nfft), segment);

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

    /// <summary>
    /// Segments of <paramref name="segment"/> samples over m: step = segment − ⌊segment·overlap⌋ and ⌊(m − segment)/step⌋ + 1
    /// of them (SciPy's count), plus one when spreading is on and the last would end before the record does.
    /// </summary>
    private static (int Count, int Step, bool Spread) Layout(int m, int segment, FrequencyDomainOptions options)
    {
        var noverlap = (int)Math.Floor(segment * options.SegmentOverlap);
        var step = Math.Max(1, segment - noverlap);
        var count = ((m - segment) / step) + 1;
        var spread = options.SpreadSegmentsOverRecord && (m - segment) % step != 0;
        return (spread ? count + 1 : count, step, spread);
    }

    private static int SegmentStart(int s, int count, int m, int segment, int step, bool spread) =>
        spread ? (int)Math.Round(s * (double)(m - segment) / (count - 1)) : s * step;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // first call runs optimised code: docs/performance.md, "Seventeenth session"
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
