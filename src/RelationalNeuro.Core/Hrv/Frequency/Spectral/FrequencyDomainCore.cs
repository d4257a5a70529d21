using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Hrv.Spectral;

/// <summary>The helpers behind <see cref="HrvMetrics.FrequencyDomain(ReadOnlySpan{double}, FrequencyDomainOptions?)"/>.</summary>
internal static class FrequencyDomainCore
{
    internal readonly record struct BandValue(double Raw, double? Power, double? Peak);

    internal static SpectrumBuffer Estimate(ReadOnlySpan<double> nnMs, FrequencyDomainOptions options) =>
        options.Method == SpectralMethod.LombScargle ? LombScargle.Estimate(nnMs, options) : Welch.Estimate(nnMs, options);

    internal static BandValue Band(
        in SpectrumBuffer spectrum,
        FrequencyBand band,
        string name,
        double minimumSeconds,
        double duration,
        FrequencyDomainOptions options,
        bool noVariability,
        ProblemCollector problems)
    {
        if (band.WidthHz <= 0)
        {
            problems.Add(new Problem("hrv.band-disabled", $"The {name} band has zero width in the options, so it is not computed.", ProblemSeverity.Warning, name));
            return new BandValue(0, null, null);
        }

        if (noVariability)
        {
            var zero = duration >= minimumSeconds ? 0.0 : (double?)null;
            if (zero is null)
            {
                problems.Add(TooShort(name, minimumSeconds, duration));
            }

            return new BandValue(0, zero, null);
        }

        var raw = BandIntegrator.Power(spectrum, band, options.Integration);
        if (duration < minimumSeconds)
        {
            problems.Add(TooShort(name, minimumSeconds, duration));
            return new BandValue(raw, null, null);
        }

        var lastFrequency = spectrum.Frequency(spectrum.Count - 1);
        if (band.LowHz >= lastFrequency || band.HighHz > lastFrequency + spectrum.Df)
        {
            problems.Add(new Problem(
                "hrv.band-outside-spectrum",
                string.Create(CultureInfo.InvariantCulture, $"The {name} band ({band.LowHz}–{band.HighHz} Hz) reaches beyond the computed spectrum, which ends at {lastFrequency:0.####} Hz."),
                ProblemSeverity.Error,
                name));
            return new BandValue(raw, null, null);
        }

        if (band.WidthHz < 2 * spectrum.ResolutionHz)
        {
            problems.Add(new Problem(
                "hrv.band-unresolved",
                string.Create(CultureInfo.InvariantCulture, $"The {name} band is {band.WidthHz:0.#####} Hz wide but the spectral resolution is {spectrum.ResolutionHz:0.#####} Hz; at least two resolution steps are needed (use longer Welch segments or Lomb–Scargle)."),
                ProblemSeverity.Error,
                name));
            return new BandValue(raw, null, null);
        }

        var peak = BandIntegrator.PeakFrequency(spectrum, band, options.Integration == BandIntegration.RectangleInclusive);
        return new BandValue(raw, raw, double.IsNaN(peak) ? null : peak);
    }

    internal static bool EnoughForSpectrum(ReadOnlySpan<double> nnMs, double duration, FrequencyDomainOptions options, ProblemCollector problems)
    {
        // The resampled grid runs from the first beat to the last, so it spans the duration less the first interval: a
        // 60-s first interval followed by a few short ones passes the duration rule but leaves a grid of one point.
        var gridSpan = nnMs.IsEmpty ? 0 : duration - (nnMs[0] / 1000.0);
        if (nnMs.Length >= HrvMetrics.MinimumSpectralBeats && duration >= options.HfMinimumSeconds && gridSpan * options.ResamplingRateHz >= 8)
        {
            return WithinWorkBound(nnMs.Length, duration, options, problems);
        }

        problems.Add(new Problem(
            "hrv.too-short-for-spectrum",
            string.Create(
                CultureInfo.InvariantCulture,
                $"{nnMs.Length} NN intervals spanning {duration:0.###} s: a spectrum needs at least {HrvMetrics.MinimumSpectralBeats} intervals and {options.HfMinimumSeconds} s (HF), and at least 8 resampled points between the first and the last beat."),
            ProblemSeverity.Error));
        return false;
    }

    /// <summary>
    /// The bound on a spectrum's memory and time: Welch's resampled grid (duration × rate) and Lomb–Scargle's
    /// FFT grid (at most 8 × the frequency count) each hold at most <see cref="HrvMetrics.MaximumSpectralPoints"/> values,
    /// and exact Lomb–Scargle sums have at most <see cref="LombScargle.ExactWorkLimit"/> terms.
    /// </summary>
    private static bool WithinWorkBound(int beats, double duration, FrequencyDomainOptions options, ProblemCollector problems)
    {
        double points;
        if (options.Method == SpectralMethod.LombScargle)
        {
            var fmin = options.LombMinimumFrequencyHz ?? (1.0 / (options.LombSamplesPerPeak * duration));
            var fmax = options.LombMaximumFrequencyHz ?? options.Bands.Vhf.HighHz;
            var frequencies = Math.Abs(fmax - fmin) * options.LombSamplesPerPeak * duration;
            points = 8 * frequencies;
            if (options.LombAlgorithm == LombScargleAlgorithm.Exact && beats * frequencies > LombScargle.ExactWorkLimit)
            {
                problems.Add(new Problem(
                    "hrv.too-long-for-spectrum",
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Exact Lomb–Scargle sums over {beats} beats and {frequencies:0} frequencies are {beats * frequencies:0.###e+0} terms; at most {LombScargle.ExactWorkLimit:0.###e+0} are computed. Use LombScargleAlgorithm.Fast (band powers within 1e-6 relative) or shorter parts."),
                    ProblemSeverity.Error));
                return false;
            }
        }
        else
        {
            points = duration * options.ResamplingRateHz;
        }

        if (points <= HrvMetrics.MaximumSpectralPoints)
        {
            return true;
        }

        problems.Add(new Problem(
            "hrv.too-long-for-spectrum",
            string.Create(
                CultureInfo.InvariantCulture,
                $"{duration:0.###} s of NN intervals need {points:0.###e+0} spectral grid points with these options; at most {HrvMetrics.MaximumSpectralPoints} are computed. Analyse the recording in shorter parts (e.g. 5-min or 24-h segments)."),
            ProblemSeverity.Error));
        return false;
    }

    internal static Problem TooShort(string name, double minimumSeconds, double duration) => new(
        "hrv.recording-too-short",
        string.Create(CultureInfo.InvariantCulture, $"{name} needs a recording of at least {minimumSeconds} s; this one is {duration:0.###} s."),
        ProblemSeverity.Info,
        name);

    internal static FrequencyDomainResult Empty(SpectralMethod method, double duration, ProblemCollector problems) => new(
        method, duration, 0, 0, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, problems.ToList());

    internal static double SumMs(ReadOnlySpan<double> nnMs)
    {
        var sum = 0.0;
        foreach (var v in nnMs)
        {
            sum += v;
        }

        return sum;
    }

    internal static bool IsConstant(ReadOnlySpan<double> nnMs)
    {
        for (var i = 1; i < nnMs.Length; i++)
        {
            if (nnMs[i] != nnMs[0])
            {
                return false;
            }
        }

        return true;
    }

    internal static void ValidateFrequencyOptions(FrequencyDomainOptions options)
    {
        Guard.Positive(options.ResamplingRateHz);
        Guard.Positive(options.SmoothnessPriorsLambda);
        Guard.Defined(options.Method);
        Guard.Defined(options.Interpolation);
        Guard.Defined(options.SegmentRule);
        Guard.Defined(options.Detrending);
        Guard.Defined(options.Window);
        Guard.Defined(options.Integration);
        Guard.Defined(options.NormalizedUnits);
        Guard.InRange(options.SegmentOverlap, 0.0, 0.99);
        if (options.SegmentSeconds is { } segment)
        {
            Guard.Positive(segment);
        }

        if (options.SingleSegmentBelowSeconds is { } below)
        {
            Guard.NonNegative(below);
        }

        if (options.FftLength is { } fftLength)
        {
            Guard.InRange(fftLength, 2, 1 << 24);
        }

        Guard.Positive(options.LombSamplesPerPeak);
        if (options.LombMinimumFrequencyHz is { } lombMin)
        {
            Guard.Positive(lombMin);
        }

        if (options.LombMaximumFrequencyHz is { } lombMax)
        {
            Guard.Positive(lombMax);
        }

        Guard.NotNull(options.Bands);
        ValidateBand(options.Bands.Ulf);
        ValidateBand(options.Bands.Vlf);
        ValidateBand(options.Bands.Lf);
        ValidateBand(options.Bands.Hf);
        ValidateBand(options.Bands.Vhf);
        Guard.NonNegative(options.HfMinimumSeconds);
        Guard.NonNegative(options.LfMinimumSeconds);
        Guard.NonNegative(options.VlfMinimumSeconds);
        Guard.NonNegative(options.UlfMinimumSeconds);
    }

    internal static void ValidateBand(FrequencyBand band, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(band))] string? name = null)
    {
        Guard.NonNegative(band.LowHz, name + ".LowHz");
        Guard.InRange(band.HighHz, band.LowHz, 1e6, name + ".HighHz");
    }
}
