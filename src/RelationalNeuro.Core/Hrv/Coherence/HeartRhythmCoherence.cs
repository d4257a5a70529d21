using System.Buffers;
using System.Globalization;
using System.Numerics;
using RelationalNeuro.Hrv.Spectral;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Hrv;

/// <summary>
/// The library's heart-rhythm coherence ratio: how much of the heart-rhythm spectrum sits in one narrow peak in
/// 0.04–0.26 Hz. It follows the published description of HeartMath's coherence ratio but is not HeartMath's
/// proprietary Coherence Score (their scoring is unpublished); do not compare its numbers with that score.
/// </summary>
/// <remarks>
/// <para>
/// Definition, per window of <see cref="CoherenceOptions.WindowSeconds"/> (default 64 s) ending every
/// <see cref="CoherenceOptions.StepSeconds"/> (default 5 s) from the first full window on: the NN series is resampled
/// by a not-a-knot cubic spline at <see cref="CoherenceOptions.ResamplingRateHz"/> (2 Hz → 128 points), the window's
/// mean is removed, a periodic Hann window applied and the one-sided PSD (ms²/Hz) taken from one FFT. The peak is the
/// largest PSD bin in <see cref="CoherenceOptions.PeakSearchBand"/>; peak power = the bins within
/// <see cref="CoherenceOptions.PeakHalfWidthBins"/> of it; total power = the bins in <see cref="CoherenceOptions.TotalBand"/>
/// (both as sum × bin width); ratio = peak / (total − peak). For a pure sinusoid at a bin frequency plus a second,
/// smaller one elsewhere, the ratio is the ratio of their powers (A₁²/A₂²).
/// </para>
/// <para>
/// Sources: McCraty R, Atkinson M, Tomasino D, Bradley RT (2009), The coherent heart, Integral Review 5(2):10–115
/// (coherence ratio: peak in 0.04–0.26 Hz integrated over a window about 0.030 Hz wide, divided by the remaining power);
/// HeartMath's description of its 64-s window recomputed every 5 s from IBIs resampled every 500 ms. The exact published
/// formula was not verified against the original here; the definition above is the library's own and is stated in full.
/// </para>
/// </remarks>
public static class HeartRhythmCoherence
{
    /// <summary>Coherence ratio for every window of the recording.</summary>
    /// <param name="nnMs">Artifact-corrected NN intervals in ms.</param>
    /// <param name="options">Window, step, bands; null = <see cref="CoherenceOptions.Default"/>.</param>
    /// <returns>
    /// The epochs and their mean. No epochs, with a <c>hrv.too-short-for-coherence</c> problem, when the recording is shorter
    /// than one window or has fewer than 4 intervals; an epoch without variability has a null ratio (problem
    /// <c>hrv.no-variability</c>, located at the epoch's end time).
    /// </returns>
    /// <exception cref="ArgumentException">An interval is outside [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>] ms or not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (the step must be at least one resampled point, 1 / <see cref="CoherenceOptions.ResamplingRateHz"/>).</exception>
    public static CoherenceResult Compute(ReadOnlySpan<double> nnMs, CoherenceOptions? options = null)
    {
        options ??= CoherenceOptions.Default;
        Guard.Positive(options.WindowSeconds);
        Guard.Positive(options.ResamplingRateHz);
        Guard.InRange(options.StepSeconds, 1 / options.ResamplingRateHz, double.MaxValue); // ≥ one resampled point: at most one epoch per point
        Guard.NonNegative(options.PeakHalfWidthBins);
        Guard.InRange(options.PeakSearchBand.HighHz, options.PeakSearchBand.LowHz, options.ResamplingRateHz / 2);
        Guard.InRange(options.TotalBand.HighHz, options.TotalBand.LowHz, options.ResamplingRateHz / 2);
        RrGuard.ValidIntervals(nnMs);

        var problems = new ProblemCollector();
        var epochs = new List<CoherenceEpoch>();
        var n = nnMs.Length;
        var fs = options.ResamplingRateHz;
        var windowSamples = (int)Math.Round(options.WindowSeconds * fs);
        var pool = ArrayPool<double>.Shared;
        var times = pool.Rent(Math.Max(n, 1));
        try
        {
            var lastTime = n > 0 ? Resampler.BeatTimes(nnMs, times) : 0;
            var m = Resampler.GridLength(lastTime, fs);
            if (n < HrvMetrics.MinimumSpectralBeats || m < windowSamples || windowSamples < 8)
            {
                problems.Add(new Problem(
                    "hrv.too-short-for-coherence",
                    string.Create(CultureInfo.InvariantCulture, $"{n} NN intervals spanning {lastTime:0.###} s: one coherence window needs {options.WindowSeconds} s and at least {HrvMetrics.MinimumSpectralBeats} intervals."),
                    ProblemSeverity.Error));
                return new CoherenceResult(epochs, null, problems.ToList());
            }

            if ((lastTime * fs) > HrvMetrics.MaximumSpectralPoints)
            {
                problems.Add(new Problem(
                    "hrv.too-long-for-coherence",
                    string.Create(CultureInfo.InvariantCulture, $"{lastTime:0.###} s at {fs} Hz is more than {HrvMetrics.MaximumSpectralPoints} resampled points; analyse the recording in shorter parts."),
                    ProblemSeverity.Error));
                return new CoherenceResult(epochs, null, problems.ToList());
            }

            var resampled = pool.Rent(m);
            var slopes = pool.Rent(n);
            var c = pool.Rent(n);
            var d = pool.Rent(n);
            var window = pool.Rent(windowSamples);
            var nfft = (int)BitOperations.RoundUpToPowerOf2((uint)windowSamples);
            var fft = new Complex[nfft];
            try
            {
                Resampler.CubicNotAKnot(times.AsSpan(0, n), nnMs, fs, resampled.AsSpan(0, m), slopes, c, d);
                var w = window.AsSpan(0, windowSamples);
                var sumSquares = Welch.FillWindow(w, SpectralWindow.Hann);
                var scale = 1.0 / (fs * sumSquares);
                var df = fs / nfft;
                var sum = 0.0;
                var available = 0;
                for (var k = 0; ; k++)
                {
                    var endTime = options.WindowSeconds + (k * options.StepSeconds);
                    var end = (int)Math.Round(endTime * fs);
                    if (end > m)
                    {
                        break;
                    }

                    var epoch = Epoch(resampled.AsSpan(end - windowSamples, windowSamples), w, fft, scale, df, endTime, options);
                    epochs.Add(epoch);
                    if (epoch.Ratio is { } ratio)
                    {
                        sum += ratio;
                        available++;
                    }
                    else
                    {
                        problems.Add(new Problem(
                            "hrv.no-variability",
                            "The window has no power in the total band, so its coherence ratio is undefined.",
                            ProblemSeverity.Warning,
                            string.Create(CultureInfo.InvariantCulture, $"{endTime} s")));
                    }
                }

                return new CoherenceResult(epochs, available > 0 ? sum / available : null, problems.ToList());
            }
            finally
            {
                pool.Return(resampled);
                pool.Return(slopes);
                pool.Return(c);
                pool.Return(d);
                pool.Return(window);
            }
        }
        finally
        {
            pool.Return(times);
        }
    }

    private static CoherenceEpoch Epoch(ReadOnlySpan<double> z, ReadOnlySpan<double> w, Complex[] fft, double scale, double df, double endTime, CoherenceOptions options)
    {
        var mean = 0.0;
        foreach (var v in z)
        {
            mean += v;
        }

        mean /= z.Length;
        for (var i = 0; i < z.Length; i++)
        {
            fft[i] = new Complex((z[i] - mean) * w[i], 0);
        }

        Array.Clear(fft, z.Length, fft.Length - z.Length);
        Radix2Fft.Forward(fft);

        var bins = (fft.Length / 2) + 1;
        double Density(int k) => (k == 0 || k == bins - 1 ? 1.0 : 2.0) * scale * ((fft[k].Real * fft[k].Real) + (fft[k].Imaginary * fft[k].Imaginary));

        var best = -1;
        var bestDensity = 0.0;
        var total = 0.0;
        for (var k = 0; k < bins; k++)
        {
            var f = k * df;
            var density = Density(k);
            if (f >= options.PeakSearchBand.LowHz && f <= options.PeakSearchBand.HighHz && (best < 0 || density > bestDensity))
            {
                best = k;
                bestDensity = density;
            }

            if (f >= options.TotalBand.LowHz && f <= options.TotalBand.HighHz)
            {
                total += density * df;
            }
        }

        var peak = 0.0;
        if (best >= 0)
        {
            for (var k = Math.Max(0, best - options.PeakHalfWidthBins); k <= Math.Min(bins - 1, best + options.PeakHalfWidthBins); k++)
            {
                peak += Density(k) * df;
            }
        }

        if (best < 0 || total <= 0 || bestDensity <= 0)
        {
            return new CoherenceEpoch(endTime, null, null, peak, total);
        }

        var rest = Math.Max(total - peak, total * 1e-12);
        return new CoherenceEpoch(endTime, peak / rest, best * df, peak, total);
    }
}
