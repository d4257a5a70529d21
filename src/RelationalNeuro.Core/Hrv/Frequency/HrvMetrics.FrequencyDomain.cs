using System.Globalization;
using RelationalNeuro.Hrv.Spectral;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Hrv;

/// <summary>
/// Frequency-domain HRV: power spectral density of the NN series by Welch's method on the evenly resampled series or by
/// Lomb–Scargle on the beat times, integrated over the Task Force bands (see <see cref="FrequencyDomainOptions"/> and
/// docs/hrv-frequency.md).
/// </summary>
public static partial class HrvMetrics
{
    /// <summary>Fewest NN intervals a spectrum is computed from (the not-a-knot spline needs four points).</summary>
    public const int MinimumSpectralBeats = 4;

    /// <summary>
    /// Most grid points a spectrum is computed on, 2^24 (16,777,216; 128 MiB of doubles): Welch's evenly resampled
    /// series (duration × <see cref="FrequencyDomainOptions.ResamplingRateHz"/>: 48.5 days at 4 Hz) and Lomb–Scargle's
    /// extirpolation grid (8 × the frequency count), and in <see cref="HeartRhythmCoherence"/> the resampled series.
    /// A longer recording gets the problem <c>hrv.too-long-for-spectrum</c> (or <c>hrv.too-long-for-coherence</c>) instead
    /// of unbounded memory; see docs/reliability.md.
    /// </summary>
    public const int MaximumSpectralPoints = 1 << 24;

    /// <summary>
    /// Band powers (ms²), total power, relative and normalized powers, LF/HF and peak frequencies of an NN series.
    /// </summary>
    /// <param name="nnMs">Artifact-corrected NN intervals in ms, in recording order.</param>
    /// <param name="options">The pipeline; null = <see cref="FrequencyDomainOptions.Default"/> (Welch, cubic spline at 4 Hz,
    /// linear detrending, Hann, 256-s segments with 50 % overlap, trapezoid integration with interpolated band edges).</param>
    /// <returns>
    /// The metrics; each unavailable value is null with a <see cref="Problem"/> saying why: fewer than
    /// <see cref="MinimumSpectralBeats"/> intervals or a recording shorter than <see cref="FrequencyDomainOptions.HfMinimumSeconds"/>
    /// (code <c>hrv.too-short-for-spectrum</c>, nothing computed); a grid of more than <see cref="MaximumSpectralPoints"/>
    /// points (<c>hrv.too-long-for-spectrum</c>, nothing computed); a band whose minimum recording length is not met
    /// (<c>hrv.recording-too-short</c>: LF ≥ 2 min, VLF ≥ 5 min, ULF ≥ 24 h by default); a band narrower than two
    /// spectral resolution steps (<c>hrv.band-unresolved</c>) or outside the computed spectrum (<c>hrv.band-outside-spectrum</c>);
    /// a series without any variability (<c>hrv.no-variability</c>: powers 0, ratios and peaks null); HF power of 0
    /// (<c>hrv.zero-hf-power</c>).
    /// </returns>
    /// <remarks>
    /// <para>
    /// Definitions: powers are integrals of the one-sided PSD (ms²/Hz) over [low, high) per
    /// <see cref="FrequencyDomainOptions.Integration"/>; TP = ULF + VLF + LF + HF (the integrals, including bands reported
    /// unavailable only for length reasons; Task Force 1996: the variance of NN at ≤ 0.4 Hz), + VHF when
    /// <see cref="FrequencyDomainOptions.TotalPowerIncludesVhf"/> is set; relative power = 100·band/TP;
    /// LFnu/HFnu per <see cref="FrequencyDomainOptions.NormalizedUnits"/>; LF/HF from the ms² powers; the peak frequency is
    /// the grid frequency of the largest PSD value inside the band. A zero-width band (e.g. the presets' ULF) is disabled.
    /// </para>
    /// <para>
    /// Source: Task Force of the European Society of Cardiology and the North American Society of Pacing and
    /// Electrophysiology (1996), Heart rate variability: standards of measurement, physiological interpretation and clinical
    /// use, Circulation 93:1043–1065; Welch (1967); Lomb (1976); Scargle (1982); Tarvainen et al. (2002).
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentException">An interval is outside [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>] ms or not finite (names index and value).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (e.g. a non-positive resampling rate, an overlap outside [0, 0.99]).</exception>
    public static FrequencyDomainResult FrequencyDomain(ReadOnlySpan<double> nnMs, FrequencyDomainOptions? options = null)
    {
        options ??= FrequencyDomainOptions.Default;
        FrequencyDomainCore.ValidateFrequencyOptions(options);
        RrGuard.ValidIntervals(nnMs);

        var duration = FrequencyDomainCore.SumMs(nnMs) / 1000.0;
        var problems = new ProblemCollector();
        if (!FrequencyDomainCore.EnoughForSpectrum(nnMs, duration, options, problems))
        {
            return FrequencyDomainCore.Empty(options.Method, duration, problems);
        }

        var noVariability = FrequencyDomainCore.IsConstant(nnMs);
        using var spectrum = noVariability ? default : FrequencyDomainCore.Estimate(nnMs, options);
        var bands = options.Bands;
        var rule = options.Integration;

        var ulf = FrequencyDomainCore.Band(spectrum, bands.Ulf, "ULF", options.UlfMinimumSeconds, duration, options, noVariability, problems);
        var vlf = FrequencyDomainCore.Band(spectrum, bands.Vlf, "VLF", options.VlfMinimumSeconds, duration, options, noVariability, problems);
        var lf = FrequencyDomainCore.Band(spectrum, bands.Lf, "LF", options.LfMinimumSeconds, duration, options, noVariability, problems);
        var hf = FrequencyDomainCore.Band(spectrum, bands.Hf, "HF", options.HfMinimumSeconds, duration, options, noVariability, problems);
        var vhf = FrequencyDomainCore.Band(spectrum, bands.Vhf, "VHF", options.HfMinimumSeconds, duration, options, noVariability, problems);

        var totalRaw = ulf.Raw + vlf.Raw + lf.Raw + hf.Raw + (options.TotalPowerIncludesVhf ? vhf.Raw : 0);
        double? total = null;
        if (duration >= options.LfMinimumSeconds)
        {
            total = totalRaw;
        }
        else
        {
            problems.Add(FrequencyDomainCore.TooShort("TP", options.LfMinimumSeconds, duration));
        }

        double? lfNu = null, hfNu = null, ratio = null;
        if (noVariability)
        {
            problems.Add(new Problem(
                "hrv.no-variability",
                "All NN intervals are equal: every band power is 0 ms², so relative powers, normalized units, LF/HF and peak frequencies are undefined.",
                ProblemSeverity.Error,
                "LF/HF"));
        }
        else if (lf.Power is { } lfPower && hf.Power is { } hfPower)
        {
            var denominator = options.NormalizedUnits switch
            {
                NormalizedUnitsBase.TotalMinusVlf => totalRaw - vlf.Raw,
                NormalizedUnitsBase.TotalPower => totalRaw,
                _ => lfPower + hfPower,
            };
            if (denominator > 0)
            {
                lfNu = 100 * lfPower / denominator;
                hfNu = 100 * hfPower / denominator;
            }

            if (hfPower > 0)
            {
                ratio = lfPower / hfPower;
            }
            else
            {
                problems.Add(new Problem("hrv.zero-hf-power", "HF power is 0 ms², so LF/HF and normalized units are undefined.", ProblemSeverity.Error, "LF/HF"));
            }
        }

        double? Relative(FrequencyDomainCore.BandValue band) =>
            band.Power is { } p && total is { } tp && tp > 0 && !noVariability ? 100 * p / tp : null;

        return new FrequencyDomainResult(
            options.Method,
            duration,
            noVariability ? 0 : spectrum.ResolutionHz,
            noVariability ? 0 : spectrum.Df,
            ulf.Power,
            vlf.Power,
            lf.Power,
            hf.Power,
            vhf.Power,
            total,
            ulf.Peak,
            vlf.Peak,
            lf.Peak,
            hf.Peak,
            vhf.Peak,
            Relative(ulf),
            Relative(vlf),
            Relative(lf),
            Relative(hf),
            lfNu,
            hfNu,
            ratio,
            problems.ToList());
    }

    /// <summary>
    /// The one-sided power spectral density (ms²/Hz) that <see cref="FrequencyDomain(ReadOnlySpan{double}, FrequencyDomainOptions?)"/>
    /// integrates, for plots and custom bands. Allocates the two arrays it returns. Under
    /// <see cref="WelchSegmentRule.NeuroKit2"/> it holds only the bins NeuroKit2 keeps (from 2·fs/(N/2) to the highest band edge).
    /// </summary>
    /// <param name="nnMs">Artifact-corrected NN intervals in ms.</param>
    /// <param name="options">The pipeline; null = <see cref="FrequencyDomainOptions.Default"/>.</param>
    /// <returns>The spectrum; empty with a <c>hrv.too-short-for-spectrum</c> problem when there are fewer than
    /// <see cref="MinimumSpectralBeats"/> intervals or less than 2 s of data (the minimum-length rules for bands do not apply here).</returns>
    /// <exception cref="ArgumentException">An interval is not finite or outside [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>] ms.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static PowerSpectrum PowerSpectralDensity(ReadOnlySpan<double> nnMs, FrequencyDomainOptions? options = null)
    {
        options ??= FrequencyDomainOptions.Default;
        FrequencyDomainCore.ValidateFrequencyOptions(options);
        RrGuard.ValidIntervals(nnMs);
        var duration = FrequencyDomainCore.SumMs(nnMs) / 1000.0;
        var problems = new ProblemCollector();
        if (!FrequencyDomainCore.EnoughForSpectrum(nnMs, duration, options with { HfMinimumSeconds = 2 }, problems))
        {
            return new PowerSpectrum(options.Method, Array.Empty<double>(), Array.Empty<double>(), 0, problems.ToList());
        }

        using var spectrum = FrequencyDomainCore.Estimate(nnMs, options);
        var frequencies = new double[spectrum.Count];
        for (var j = 0; j < frequencies.Length; j++)
        {
            frequencies[j] = spectrum.Frequency(j);
        }

        return new PowerSpectrum(options.Method, frequencies, spectrum.Density.ToArray(), spectrum.ResolutionHz, ProblemList.Empty);
    }
}
