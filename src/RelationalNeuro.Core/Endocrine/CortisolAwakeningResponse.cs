using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Endocrine;

/// <summary>
/// Cortisol awakening response (CAR) indices of one sampling day, with its compliance checks.
/// </summary>
/// <remarks>
/// <para>The CAR is "the marked increase in cortisol secretion over the first 30–45 min after morning awakening"
/// (Stalder et al. 2016, Psychoneuroendocrinology 63:414–432, doi:10.1016/j.psyneuen.2015.10.010). Indices:
/// awakening level S0; R30 = S30 − S0; max increase = max(S1..Sk) − S0 and its percentage of S0 (BioPsyKit
/// <c>max_increase</c>); MnInc = mean(S1..Sk) − S0; peak and time of peak; AUCg and AUCi over the window
/// (Pruessner et al. 2003, trapezoid on the chosen time basis). Samples are named S0, S1... (S0 at awakening).</para>
/// <para>The window ends at <see cref="CarOptions.WindowEndMinutes"/> (nominal, inclusive; default 45 min, so a +60 min
/// sample is left out unless the window is widened or removed). Missing or negative values follow
/// <see cref="CarOptions.MissingValues"/>; every one is reported. Compliance findings never remove a sample.</para>
/// </remarks>
public static class CortisolAwakeningResponse
{
    /// <summary>Analyses one day from raw values.</summary>
    /// <param name="minutesAfterWaking">Recorded sample times in minutes after the reported waking time, S0 first.</param>
    /// <param name="nmolPerL">Cortisol in nmol/L; NaN for a missing sample.</param>
    /// <param name="options">Schedule, window, time basis, missing-value policy and compliance thresholds; null for defaults.</param>
    /// <returns>The indices, the compliance findings and every problem.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, or the nominal schedule is not finite and strictly increasing.</exception>
    public static CarResult Analyze(ReadOnlySpan<double> minutesAfterWaking, ReadOnlySpan<double> nmolPerL, CarOptions? options = null)
    {
        options ??= CarOptions.Default;
        Guard.Defined(options.TimeBasis);
        Guard.Defined(options.MissingValues);
        Guard.SameLength(minutesAfterWaking, nmolPerL);
        var schedule = options.NominalScheduleMinutes.ToArray();
        for (var i = 0; i < schedule.Length; i++)
        {
            if (!double.IsFinite(schedule[i]) || (i > 0 && !(schedule[i] > schedule[i - 1])))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"options.NominalScheduleMinutes[{i}] was {schedule[i]}; the schedule must be finite and strictly increasing."),
                    nameof(options));
            }
        }

        var problems = new ProblemCollector();
        var source = CarScheduleSource.Options;
        if (schedule.Length != minutesAfterWaking.Length && minutesAfterWaking.Length == 5 && options.InferSchedule && options.HasDefaultSchedule)
        {
            schedule = [0, 15, 30, 45, 60];
            source = CarScheduleSource.InferredFifteenMinuteGrid;
            problems.Warning(
                "car.schedule-inferred",
                "The day has 5 samples and CarOptions.NominalScheduleMinutes was left at its 4-sample default (0, 15, 30, 45); the nominal schedule 0, 15, 30, 45, 60 min was inferred (15-min grid). Set CarOptions.NominalScheduleMinutes to your protocol's schedule to state it.");
        }

        if (schedule.Length != minutesAfterWaking.Length || schedule.Length == 0)
        {
            problems.Error(
                "car.schedule-mismatch",
                string.Create(CultureInfo.InvariantCulture, $"The day has {minutesAfterWaking.Length} samples but CarOptions.NominalScheduleMinutes has {schedule.Length} entries; each sample needs its nominal time. Set CarOptions.NominalScheduleMinutes to the protocol's schedule, one entry per sample (e.g. [0, 15, 30, 45, 60] for a +60 min sample)."));
            return Empty(0, null, problems);
        }

        var compliance = CarCompliance.Check(minutesAfterWaking, nmolPerL, schedule, options.Compliance);
        problems.AddRange(compliance.Problems);

        ReadOnlySpan<double> times = options.TimeBasis == CarTimeBasis.Nominal ? schedule : minutesAfterWaking;
        var present = ProfileInput.Prepare(times, nmolPerL, "min", concentrations: true, problems);
        var end = 0;
        while (end < schedule.Length && (options.WindowEndMinutes is not { } w || schedule[end] <= w))
        {
            end++;
        }

        if (present is null)
        {
            return Empty(end, compliance, problems) with { ScheduleSource = source, NominalScheduleMinutes = schedule };
        }

        double? s0 = present[0] ? nmolPerL[0] : null;
        if (s0 is null)
        {
            problems.Error("endocrine.metric-unavailable", "S0 is missing: the awakening level, every increase and AUCi are unavailable.", "S0");
        }

        double? r30 = null;
        var i30 = Array.IndexOf(schedule, 30.0);
        if (i30 < 1 || i30 >= end)
        {
            problems.Error("car.no-30-min-sample", "The window has no sample with nominal time 30 min; R30 is unavailable.", "IncreaseAt30");
        }
        else if (!present[i30])
        {
            problems.Error("endocrine.metric-unavailable", "R30 needs the 30 min sample, which is missing.", "IncreaseAt30");
        }
        else if (s0 is { } b30)
        {
            r30 = ProfileInput.FiniteOrNull(nmolPerL[i30] - b30, "R30", problems);
        }

        double? maxInc = null, maxIncPct = null, mnInc = null;
        if (ProfileInput.Usable(present, 1, end, options.MissingValues, "MaxIncrease/MeanIncrease", problems) is { } later && s0 is { } s)
        {
            var max = double.NegativeInfinity;
            var sum = 0.0;
            foreach (var i in later)
            {
                max = Math.Max(max, nmolPerL[i]);
                sum += nmolPerL[i];
            }

            maxInc = ProfileInput.FiniteOrNull(max - s, "MaxIncrease", problems);
            mnInc = ProfileInput.FiniteOrNull((sum / later.Count) - s, "MeanIncrease", problems);
            if (s != 0)
            {
                maxIncPct = maxInc is { } increase ? ProfileInput.FiniteOrNull(100 * increase / s, "MaxIncreasePercent", problems) : null;
            }
            else
            {
                problems.Error("endocrine.zero-baseline", "S0 is 0 nmol/L; a percentage increase is undefined.", "MaxIncreasePercent");
            }
        }

        double? peak = null, peakMinutes = null;
        int? peakIndex = null;
        if (ProfileInput.Usable(present, 0, end, options.MissingValues, "Peak", problems) is { } all)
        {
            var best = ProfileInput.ArgMax(nmolPerL, all);
            peak = nmolPerL[best];
            peakMinutes = times[best];
            peakIndex = best;
        }

        var area = ProfileInput.Area(times, nmolPerL, present, 0, end, options.MissingValues, "AUC", problems);
        return new CarResult(s0, r30, maxInc, maxIncPct, mnInc, peak, peakMinutes, area?.Ground, area?.Increase, end, compliance, problems.ToList())
        {
            PeakIndex = peakIndex,
            ScheduleSource = source,
            NominalScheduleMinutes = schedule,
        };
    }

    /// <summary>Analyses one day from typed samples (times in minutes after the reported waking time; null concentration = missing).</summary>
    /// <param name="samples">The samples, S0 first.</param>
    /// <param name="options">Options; null for <see cref="CarOptions.Default"/>.</param>
    /// <returns>The indices, the compliance findings and every problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    /// <exception cref="ArgumentException">The nominal schedule is not finite and strictly increasing.</exception>
    public static CarResult Analyze(IReadOnlyList<CortisolSample> samples, CarOptions? options)
    {
        var (minutes, values) = CortisolSample.Split(samples);
        return Analyze(minutes, values, options);
    }

    private static CarResult Empty(int end, CarComplianceResult? compliance, ProblemCollector problems) =>
        new(null, null, null, null, null, null, null, null, null, end, compliance, problems.ToList());
}
