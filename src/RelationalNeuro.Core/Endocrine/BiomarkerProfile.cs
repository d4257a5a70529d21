using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Endocrine;

/// <summary>
/// The profile of one series of any repeated biomarker — cortisol, oxytocin, alpha-amylase, DHEA — with its unit: first value,
/// peak (value, time, index), maximum increase over the first sample (absolute and percent), slope first → last, AUCg and AUCi.
/// </summary>
/// <remarks>
/// <para>Definitions as BioPsyKit 0.13.1 <c>saliva</c> (<c>max_value</c>, <c>standard_features</c> argmax, <c>max_increase</c>
/// with and without <c>percent</c>, <c>slope</c>, <c>auc</c>) and Pruessner et al. (2003), Psychoneuroendocrinology 28(7):916–931,
/// doi:10.1016/S0306-4530(02)00108-7: peak = max(v₁..vₙ), the first on ties; max increase = max(v₂..vₙ) − v₁; percent =
/// 100·increase/|v₁|; slope = (vₙ − v₁)/(tₙ − t₁); AUCg/AUCi by the trapezoid over the whole series. The same data checks and
/// missing-value policy as <see cref="Auc"/> and the cortisol analyses (one shared implementation).</para>
/// <para>The cortisol analyses are this profile specialised: <see cref="Analyze(IReadOnlyList{CortisolSample}, BiomarkerProfileOptions?)"/>
/// takes typed cortisol samples and reports in nmol/L; <see cref="CortisolAwakeningResponse"/> and <see cref="StressReactivity"/>
/// add the windows, baselines and thresholds specific to cortisol.</para>
/// </remarks>
public static class BiomarkerProfile
{
    /// <summary>Analyses one series.</summary>
    /// <param name="times">Sample times, strictly increasing, in <see cref="BiomarkerProfileOptions.TimeUnit"/> (minutes by default).</param>
    /// <param name="values">Values in <paramref name="analyte"/>'s unit; NaN for a missing sample.</param>
    /// <param name="analyte">What was measured and its unit (e.g. <see cref="Analyte.AlphaAmylase"/>), carried into the result.</param>
    /// <param name="options">Time unit, missing-value policy, negative values; null for <see cref="BiomarkerProfileOptions.Default"/>.</param>
    /// <returns>The profile, with the analyte, its unit and every problem.</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="analyte"/> is null.</exception>
    public static BiomarkerProfileResult Analyze(ReadOnlySpan<double> times, ReadOnlySpan<double> values, Analyte analyte, BiomarkerProfileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(analyte);
        options ??= BiomarkerProfileOptions.Default;
        Guard.SameLength(times, values);
        var problems = new ProblemCollector();
        var present = ProfileInput.Prepare(times, values, options.TimeUnit, concentrations: !options.AllowNegativeValues, problems);
        if (present is null)
        {
            return new BiomarkerProfileResult(analyte, options.TimeUnit, null, null, null, null, null, null, null, null, null, times.Length, problems.ToList());
        }

        var last = values.Length - 1;
        double? first = present[0] ? values[0] : null;
        if (first is null)
        {
            problems.Error("endocrine.metric-unavailable", "S0 is missing: the first value, the increases, the slope and AUCi are unavailable.", "S0");
        }

        double? peak = null, peakTime = null;
        int? peakIndex = null;
        if (ProfileInput.Usable(present, 0, values.Length, options.MissingValues, "Peak", problems) is { } all)
        {
            var best = ProfileInput.ArgMax(values, all);
            peak = values[best];
            peakTime = times[best];
            peakIndex = best;
        }

        double? increase = null, percent = null;
        if (ProfileInput.Usable(present, 1, values.Length, options.MissingValues, "MaxIncrease", problems) is { } later && first is { } v1)
        {
            increase = ProfileInput.FiniteOrNull(values[ProfileInput.ArgMax(values, later)] - v1, "MaxIncrease", problems);
            if (increase is not null && v1 != 0)
            {
                percent = ProfileInput.FiniteOrNull(100 * increase.Value / Math.Abs(v1), "MaxIncreasePercent", problems);
            }
            else if (increase is not null)
            {
                problems.Error(
                    "endocrine.zero-baseline",
                    string.Create(CultureInfo.InvariantCulture, $"The first value is 0 {analyte.Unit}; a percentage increase is undefined."),
                    "MaxIncreasePercent");
            }
        }

        double? slope = null;
        if (first is { } f && present[last])
        {
            slope = ProfileInput.FiniteOrNull((values[last] - f) / (times[last] - times[0]), "Slope", problems);
        }
        else if (first is not null)
        {
            problems.Error("endocrine.metric-unavailable", "The slope first → last needs the last sample, which is missing.", "Slope");
        }

        var area = ProfileInput.Area(times, values, present, 0, values.Length, options.MissingValues, "AUC", problems);
        return new BiomarkerProfileResult(analyte, options.TimeUnit, first, peak, peakTime, peakIndex, increase, percent, slope, area?.Ground, area?.Increase, times.Length, problems.ToList());
    }

    /// <summary>Analyses one cortisol series from typed samples (times in minutes; null concentration = missing), in nmol/L.</summary>
    /// <param name="samples">The samples in time order.</param>
    /// <param name="options">Options (their <see cref="BiomarkerProfileOptions.TimeUnit"/> should stay "min", the unit of <see cref="CortisolSample.Minutes"/>); null for the defaults.</param>
    /// <returns>The profile with <see cref="Analyte.Cortisol"/> (nmol/L).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    public static BiomarkerProfileResult Analyze(IReadOnlyList<CortisolSample> samples, BiomarkerProfileOptions? options)
    {
        var (minutes, values) = CortisolSample.Split(samples);
        return Analyze(minutes, values, Analyte.Cortisol, options);
    }
}
