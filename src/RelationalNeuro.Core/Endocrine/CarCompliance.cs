using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Endocrine;

/// <summary>
/// Sampling-compliance checks for a cortisol awakening response day: delay of the first sample after waking,
/// drift of later samples from their schedule, and out-of-range values. Every finding is reported; nothing is dropped.
/// </summary>
/// <remarks>
/// <para>Evidence: Smyth, Clow, Thorn, Hucklebridge &amp; Evans (2013), Psychoneuroendocrinology 38(9):1476–1483 (delays of
/// 5–15 min inflate the CAR; &lt; 5 min adherent); Stalder et al. (2016) expert consensus guidelines,
/// doi:10.1016/j.psyneuen.2015.10.010, and the 2022 update, doi:10.1016/j.psyneuen.2022.105946. Rules and groups
/// as in the CARWatch analysis code (github.com/mad-lab-fau/carwatch-analysis, MIT).</para>
/// <para>Samples are named S0 (at awakening), S1, S2... as in BioPsyKit and §2.2 of the consensus indices; CARWatch
/// calls the first sample S1.</para>
/// <para>Statistical outliers (|z| &gt; 3 per sample across participants) need a sample of people and are out of scope here.</para>
/// </remarks>
public static class CarCompliance
{
    /// <summary>Checks one day's sampling.</summary>
    /// <param name="minutesAfterWaking">Recorded sample times in minutes after the reported waking time (S0 first). NaN = time not recorded.</param>
    /// <param name="nmolPerL">Cortisol values in nmol/L (NaN = missing; not judged here).</param>
    /// <param name="nominalMinutes">Nominal schedule in minutes after waking, one per sample (e.g. 0, 15, 30, 45).</param>
    /// <param name="options">Thresholds; null for <see cref="CarComplianceOptions.Default"/>.</param>
    /// <returns>The findings.</returns>
    /// <exception cref="ArgumentException">The three spans differ in length, or are empty.</exception>
    public static CarComplianceResult Check(
        ReadOnlySpan<double> minutesAfterWaking,
        ReadOnlySpan<double> nmolPerL,
        ReadOnlySpan<double> nominalMinutes,
        CarComplianceOptions? options = null)
    {
        options ??= CarComplianceOptions.Default;
        Guard.Defined(options.DriftRule);
        Guard.Defined(options.NegativeDelay);
        Guard.SameLength(minutesAfterWaking, nmolPerL);
        Guard.SameLength(minutesAfterWaking, nominalMinutes);
        if (minutesAfterWaking.Length == 0)
        {
            throw new ArgumentException("minutesAfterWaking is empty; a CAR day needs samples.", nameof(minutesAfterWaking));
        }

        var problems = new ProblemCollector();
        double? delay = null;
        CarDelayGroup? group = null;
        bool? adherent = null;

        var first = minutesAfterWaking[0];
        if (double.IsFinite(first))
        {
            delay = first;
            var judged = first < 0 && options.NegativeDelay == NegativeDelayRule.CountAsAdherent ? 0 : Math.Abs(first);
            adherent = judged <= options.AdherenceThresholdMinutes;

            // The CARWatch groups measure lateness. A sample before waking is never "late": under CountAsAdherent it is
            // NoDelay; under Absolute it is NoDelay within the threshold (clock noise) and BeforeWaking beyond it.
            group = first < 0
                ? adherent.Value ? CarDelayGroup.NoDelay : CarDelayGroup.BeforeWaking
                : GroupOf(options.RoundDelayForGroup ? Math.Round(judged, MidpointRounding.ToEven) : judged);
            if (first < 0)
            {
                problems.Add(new Problem(
                    "car.sample-before-waking",
                    Invariant($"S0 was recorded {-first} min before the reported waking time; rule {options.NegativeDelay} judges it {(adherent.Value ? "adherent" : "non-adherent")}."),
                    ProblemSeverity.Warning,
                    "S0"));
            }

            if (!adherent.Value)
            {
                problems.Add(new Problem(
                    "car.first-sample-delayed",
                    Invariant($"S0 was taken {first} min from waking; adherence needs at most {options.AdherenceThresholdMinutes} min (delays of 5–15 min inflate the CAR; Smyth et al. 2013)."),
                    ProblemSeverity.Warning,
                    "S0"));
            }
        }
        else
        {
            problems.Add(new Problem("car.time-missing", "The time of S0 is not recorded; adherence cannot be judged.", ProblemSeverity.Warning, "S0"));
        }

        var interval = new double?[minutesAfterWaking.Length];
        var nominal = new double?[minutesAfterWaking.Length];
        var drift = false;
        for (var i = 1; i < minutesAfterWaking.Length; i++)
        {
            var t = minutesAfterWaking[i];
            if (!double.IsFinite(t))
            {
                problems.Add(new Problem("car.time-missing", "The sample time is not recorded; drift cannot be judged.", ProblemSeverity.Warning, ProfileInput.SampleName(i)));
                continue;
            }

            var fromNominal = t - nominalMinutes[i];
            var sincePrevious = double.IsFinite(minutesAfterWaking[i - 1])
                ? t - minutesAfterWaking[i - 1] - (nominalMinutes[i] - nominalMinutes[i - 1])
                : (double?)null;
            if (!double.IsFinite(fromNominal) || sincePrevious is { } sp && !double.IsFinite(sp))
            {
                // Times near ±double.MaxValue: their difference overflows, so the deviation has no value to report.
                problems.Add(new Problem(
                    "car.time-out-of-range",
                    Invariant($"Taken at {t} min: the deviation from the schedule is beyond the range of a number; drift cannot be judged."),
                    ProblemSeverity.Warning,
                    ProfileInput.SampleName(i)));
                drift = true;
                continue;
            }

            nominal[i] = fromNominal;
            interval[i] = sincePrevious;

            var intervalDrift = interval[i] is { } di && Math.Abs(di) > options.DriftToleranceMinutes;
            var nominalDrift = Math.Abs(fromNominal) > options.DriftToleranceMinutes;
            var drifted = options.DriftRule switch
            {
                CarDriftRule.Interval => intervalDrift,
                CarDriftRule.Nominal => nominalDrift,
                _ => intervalDrift || nominalDrift,
            };
            if (drifted)
            {
                drift = true;
                problems.Add(new Problem(
                    "car.sample-drift",
                    Invariant($"Taken at {t} min (nominal {nominalMinutes[i]} min): interval deviation {Describe(interval[i])} min, deviation from nominal time {nominal[i]} min; tolerance ±{options.DriftToleranceMinutes} min ({options.DriftRule} rule)."),
                    ProblemSeverity.Warning,
                    ProfileInput.SampleName(i)));
            }
        }

        var outOfRange = false;
        for (var i = 0; i < nmolPerL.Length; i++)
        {
            var v = nmolPerL[i];
            if (double.IsNaN(v))
            {
                continue;
            }

            if (options.PhysiologicalMaximumNmolPerL is { } max && v > max)
            {
                outOfRange = true;
                problems.Add(new Problem(
                    "car.value-implausible",
                    Invariant($"{v} nmol/L is above the physiological maximum of {max} nmol/L."),
                    ProblemSeverity.Warning,
                    ProfileInput.SampleName(i)));
            }

            if ((options.AssayLowerLimitNmolPerL is { } lo && v <= lo) || (options.AssayUpperLimitNmolPerL is { } hi && v >= hi))
            {
                outOfRange = true;
                problems.Add(new Problem(
                    "car.value-outside-assay-range",
                    Invariant($"{v} nmol/L is outside the assay's measurable range ({Describe(options.AssayLowerLimitNmolPerL)}, {Describe(options.AssayUpperLimitNmolPerL)}) nmol/L."),
                    ProblemSeverity.Warning,
                    ProfileInput.SampleName(i)));
            }
        }

        return new CarComplianceResult(delay, group, adherent, drift, interval, nominal, outOfRange, problems.ToList());
    }

    /// <summary>The CARWatch delay group of a delay in minutes: ≤ 3 none, (3, 6] short, (6, 15] moderate, &gt; 15 high.</summary>
    /// <param name="delayMinutes">Delay in minutes (already rounded if rounding is wanted); finite.</param>
    /// <returns>The group.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delayMinutes"/> is not finite.</exception>
    public static CarDelayGroup GroupOf(double delayMinutes)
    {
        Guard.Finite(delayMinutes);
        return delayMinutes switch
        {
            <= 3 => CarDelayGroup.NoDelay,
            <= 6 => CarDelayGroup.ShortDelay,
            <= 15 => CarDelayGroup.ModerateDelay,
            _ => CarDelayGroup.HighDelay,
        };
    }

    private static string Describe(double? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
