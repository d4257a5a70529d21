using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Endocrine;

/// <summary>
/// Cortisol reactivity to an acute stressor (TSST and similar): baseline-to-peak increase, responder flags, areas.
/// </summary>
/// <remarks>
/// <para>Baseline = last (or mean of) pre-stressor samples; peak = maximum of post-stressor samples (time ≥
/// <see cref="ReactivityOptions.PostStressorFromMinutes"/>); increase = peak − baseline; percent = 100 · increase / baseline
/// (computed in that order). TSST: Kirschbaum, Pirke &amp; Hellhammer (1993), Neuropsychobiology 28:76–81.</para>
/// <para>Responder flags (Miller, Plessow, Kirschbaum &amp; Stalder 2013, Psychosomatic Medicine 75(9):832–840): 1.5 nmol/L and
/// 15.5 % are reported separately because they can disagree; 2.5 nmol/L is reported as the conservative flag. Thresholds are
/// inclusive by default (≥; see <see cref="ReactivityOptions.InclusiveThresholds"/>).</para>
/// <para>Areas: AUCg and AUCi over the whole protocol and AUCi over the post-stressor segment (Pruessner et al. 2003;
/// BioPsyKit <c>auc</c> with <c>compute_auc_post=True</c>).</para>
/// </remarks>
public static class StressReactivity
{
    /// <summary>Analyses one profile from raw values.</summary>
    /// <param name="minutes">Sample times in minutes from the stressor reference (negative = before the stressor), strictly increasing.</param>
    /// <param name="nmolPerL">Cortisol in nmol/L; NaN for a missing sample.</param>
    /// <param name="options">Options; null for <see cref="ReactivityOptions.Default"/>.</param>
    /// <returns>The indices and every problem.</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static ReactivityResult Analyze(ReadOnlySpan<double> minutes, ReadOnlySpan<double> nmolPerL, ReactivityOptions? options = null)
    {
        options ??= ReactivityOptions.Default;
        Guard.Defined(options.Baseline);
        Guard.Defined(options.MissingValues);
        Guard.SameLength(minutes, nmolPerL);
        var problems = new ProblemCollector();
        var present = ProfileInput.Prepare(minutes, nmolPerL, "min", concentrations: true, problems);
        if (present is null)
        {
            return new ReactivityResult(null, null, null, null, null, null, null, null, null, null, null, problems.ToList());
        }

        var firstPost = ProfileInput.FirstAtOrAfter(minutes, options.PostStressorFromMinutes);
        double? baseline = null;
        if (firstPost == 0)
        {
            problems.Error("reactivity.no-baseline", "No sample precedes the stressor; the baseline and every increase are unavailable.", "Baseline");
        }
        else if (options.Baseline == ReactivityBaseline.LastPreStressor)
        {
            if (present[firstPost - 1])
            {
                baseline = nmolPerL[firstPost - 1];
            }
            else
            {
                problems.Error("endocrine.metric-unavailable", "The last pre-stressor sample, the baseline, is missing.", "Baseline");
            }
        }
        else if (ProfileInput.Usable(present, 0, firstPost, options.MissingValues, "Baseline", problems) is { } pre)
        {
            var sum = 0.0;
            foreach (var i in pre)
            {
                sum += nmolPerL[i];
            }

            baseline = sum / pre.Count;
        }

        double? peak = null, peakMinutes = null;
        int? peakIndex = null;
        if (firstPost == minutes.Length)
        {
            problems.Error("reactivity.no-post-samples", "No sample follows the stressor; the peak and every increase are unavailable.", "Peak");
        }
        else if (ProfileInput.Usable(present, firstPost, minutes.Length, options.MissingValues, "Peak", problems) is { } post)
        {
            var best = ProfileInput.ArgMax(nmolPerL, post);

            peak = nmolPerL[best];
            peakMinutes = minutes[best];
            peakIndex = best;
        }

        double? increase = null, percent = null;
        bool? absolute = null, relative = null, conservative = null;
        if (baseline is { } b && peak is { } p && ProfileInput.FiniteOrNull(p - b, "Increase", problems) is { } checkedIncrease)
        {
            increase = checkedIncrease;
            absolute = Reaches(increase.Value, options.AbsoluteThresholdNmolPerL, options.InclusiveThresholds);
            conservative = Reaches(increase.Value, options.ConservativeThresholdNmolPerL, options.InclusiveThresholds);
            if (b != 0)
            {
                percent = ProfileInput.FiniteOrNull(100 * increase.Value / b, "IncreasePercent", problems);
                relative = percent is { } pct ? Reaches(pct, options.PercentThreshold, options.InclusiveThresholds) : null;
            }
            else
            {
                problems.Error("endocrine.zero-baseline", "The baseline is 0 nmol/L; the percentage increase and its responder flag are undefined.", "IncreasePercent");
            }
        }

        var whole = ProfileInput.Area(minutes, nmolPerL, present, 0, minutes.Length, options.MissingValues, "AUC", problems);
        (double Ground, double Increase)? postArea = null;
        if (minutes.Length - firstPost >= 2)
        {
            postArea = ProfileInput.Area(minutes, nmolPerL, present, firstPost, minutes.Length, options.MissingValues, "AUCiPost", problems);
        }
        else
        {
            problems.Error(
                "endocrine.too-few-samples",
                string.Create(CultureInfo.InvariantCulture, $"AUCi post needs 2 samples at or after {options.PostStressorFromMinutes} min; there are {minutes.Length - firstPost}."),
                "AUCiPost");
        }

        return new ReactivityResult(baseline, peak, peakMinutes, increase, percent, absolute, relative, conservative, whole?.Ground, whole?.Increase, postArea?.Increase, problems.ToList())
        {
            PeakIndex = peakIndex,
        };
    }

    /// <summary>Analyses one profile from typed samples (times in minutes from the stressor reference; null concentration = missing).</summary>
    /// <param name="samples">The samples in time order.</param>
    /// <param name="options">Options; null for <see cref="ReactivityOptions.Default"/>.</param>
    /// <returns>The indices and every problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    public static ReactivityResult Analyze(IReadOnlyList<CortisolSample> samples, ReactivityOptions? options)
    {
        var (minutes, values) = CortisolSample.Split(samples);
        return Analyze(minutes, values, options);
    }

    private static bool Reaches(double value, double threshold, bool inclusive) => inclusive ? value >= threshold : value > threshold;
}
