using System.Globalization;
using RelationalNeuro.Change;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Endocrine;

/// <summary>Diurnal cortisol slope (wake-to-bed, peak-to-bed, regression) and day areas.</summary>
/// <remarks>
/// <para>"Diurnal cortisol slope (DCS) is the change in cortisol concentrations from early morning to bedtime"
/// (Šupe-Domić et al. 2018, Biochemia Medica 28(1):010902). Wake-to-bed uses the first and last samples; peak-to-bed the
/// highest sample and the last (less sensitive to a delayed first sample); the regression slope is OLS of c (or ln c) on
/// hours since waking, by default without the awakening-response samples. Areas per Pruessner et al. (2003), in nmol/L·h.</para>
/// <para>Missing values follow <see cref="DiurnalOptions.MissingValues"/>; the wake-to-bed and peak-to-bed slopes need the
/// first and last samples whatever the policy.</para>
/// </remarks>
public static class DiurnalCortisol
{
    /// <summary>Analyses one day.</summary>
    /// <param name="hoursSinceWaking">Sample times in hours after waking, strictly increasing (first = waking sample, last = bedtime).</param>
    /// <param name="nmolPerL">Cortisol in nmol/L; NaN for a missing sample.</param>
    /// <param name="options">Options; null for <see cref="DiurnalOptions.Default"/>.</param>
    /// <returns>Slopes, areas and every problem.</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static DiurnalResult Analyze(ReadOnlySpan<double> hoursSinceWaking, ReadOnlySpan<double> nmolPerL, DiurnalOptions? options = null)
    {
        options ??= DiurnalOptions.Default;
        Guard.Defined(options.MissingValues);
        Guard.SameLength(hoursSinceWaking, nmolPerL);
        var problems = new ProblemCollector();
        var present = ProfileInput.Prepare(hoursSinceWaking, nmolPerL, "h", concentrations: true, problems);
        if (present is null)
        {
            return new DiurnalResult(null, null, null, null, options.LogTransform, 0, null, null, problems.ToList());
        }

        var last = nmolPerL.Length - 1;
        double? wakeToBed = null, peakToBed = null, peakValue = null;
        int? peakIndex = null;
        if (present[0] && present[last])
        {
            wakeToBed = ProfileInput.FiniteOrNull((nmolPerL[last] - nmolPerL[0]) / (hoursSinceWaking[last] - hoursSinceWaking[0]), "WakeToBedSlope", problems);
        }
        else
        {
            problems.Error("endocrine.metric-unavailable", "The wake-to-bed and peak-to-bed slopes need the first and the last sample.", "Slope");
        }

        if (present[last] && ProfileInput.Usable(present, 0, nmolPerL.Length, options.MissingValues, "PeakToBedSlope", problems) is { } all)
        {
            var peak = ProfileInput.ArgMax(nmolPerL, all);
            peakIndex = peak;
            peakValue = nmolPerL[peak];

            if (peak == last)
            {
                problems.Error("diurnal.peak-at-bedtime", "The highest value is the bedtime sample; the peak-to-bed slope is undefined.", "PeakToBedSlope");
            }
            else
            {
                peakToBed = ProfileInput.FiniteOrNull((nmolPerL[last] - nmolPerL[peak]) / (hoursSinceWaking[last] - hoursSinceWaking[peak]), "PeakToBedSlope", problems);
            }
        }

        var x = new List<double>();
        var y = new List<double>();
        var regressionOk = true;
        for (var i = 0; i < nmolPerL.Length; i++)
        {
            if (options.ExcludeCarSamples && i > 0 && hoursSinceWaking[i] <= options.CarWindowEndHours)
            {
                continue;
            }

            if (!present[i])
            {
                if (options.MissingValues == MissingValuePolicy.Reject)
                {
                    regressionOk = false;
                }

                continue;
            }

            if (options.LogTransform && nmolPerL[i] <= 0)
            {
                problems.Error(
                    "diurnal.log-of-zero",
                    string.Create(CultureInfo.InvariantCulture, $"ln({nmolPerL[i]}) is undefined; the log regression is unavailable."),
                    ProfileInput.SampleName(i));
                regressionOk = false;
                continue;
            }

            x.Add(hoursSinceWaking[i]);
            y.Add(options.LogTransform ? Math.Log(nmolPerL[i]) : nmolPerL[i]);
        }

        double? slope = null, intercept = null;
        if (!regressionOk)
        {
            problems.Error("endocrine.metric-unavailable", "The regression slope needs every sample it uses (policy Reject) and, for ln c, positive values.", "RegressionSlope");
        }
        else if (x.Count < 2)
        {
            problems.Error("endocrine.too-few-samples", "The regression slope needs at least 2 samples.", "RegressionSlope");
        }
        else
        {
            var fit = LinearFit.Fit(x.ToArray(), y.ToArray());
            slope = ProfileInput.FiniteOrNull(fit.Slope, "RegressionSlope", problems);
            intercept = slope is null ? null : ProfileInput.FiniteOrNull(fit.Intercept, "RegressionSlope", problems);
        }

        var area = ProfileInput.Area(hoursSinceWaking, nmolPerL, present, 0, nmolPerL.Length, options.MissingValues, "AUC", problems);
        return new DiurnalResult(wakeToBed, peakToBed, slope, intercept, options.LogTransform, regressionOk ? x.Count : 0, area?.Ground, area?.Increase, problems.ToList())
        {
            PeakIndex = peakIndex,
            PeakNmolPerL = peakValue,
        };
    }
}
