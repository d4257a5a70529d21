using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Hrv;

/// <summary>
/// A person's own frame of reference for a daily metric (morning ln RMSSD, resting heart rate): per calendar day the
/// value, its rolling baseline, the normal range, and whether the baseline and the value lie below, within or above it —
/// "within your usual range" at a glance, the way HRV4Training and HRV-guided training studies read morning HRV.
/// </summary>
/// <remarks>
/// <para><b>Rule.</b> For day d: Baseline = mean of the valid values in the <see cref="DailyBaselineOptions.BaselineDays"/>
/// (7) calendar days d − 6 … d, when at least <see cref="DailyBaselineOptions.MinimumBaselineDays"/> (3) are present;
/// NormalMean and SD (n − 1) of the valid values in the <see cref="DailyBaselineOptions.NormalRangeDays"/> (60) days
/// d − 59 … d, when at least <see cref="DailyBaselineOptions.MinimumNormalRangeDays"/> (14) are present; normal range =
/// NormalMean ± k·SD with k = <see cref="DailyBaselineOptions.WidthStandardDeviations"/> (0.5). Below means strictly below
/// the lower limit, above strictly above the upper; the limits themselves are within.</para>
/// <para><b>Sources.</b> The 7-day rolling mean of ln RMSSD compared with a band of the smallest worthwhile change of
/// 0.5 SD: Plews, Laursen, Kilding &amp; Buchheit (2012), Eur J Appl Physiol 112(11):3729–3741,
/// doi:10.1007/s00421-012-2354-4, and Plews, Laursen, Stanley, Kilding &amp; Buchheit (2013), Sports Med 43(9):773–781,
/// doi:10.1007/s40279-013-0071-8. At least 3 valid days a week: Plews et al. (2014), Int J Sports Physiol Perform
/// 9(5):783–790, doi:10.1123/ijspp.2013-0455. The 60-day normal values against which HRV4Training reads the daily value
/// (acute) and the 7-day baseline (chronic): Altini, "The importance of normal values", HRV4Training blog, 2022; its
/// coach app offers a width of 0.5 SD or 1 SD (Altini, "Custom desirable range / SWC", 2017). Pass ln RMSSD
/// (<c>Math.Log(rmssdMs)</c>), as these sources do: RMSSD itself is right-skewed.</para>
/// <para><b>Missing data.</b> A day absent from the input, or with a NaN or infinite value, is a missing day: it appears in
/// <see cref="DailyBaselineResult.Days"/> with a null value and is left out of every mean (a non-finite value is
/// reported as a warning). Two values on one day are averaged, with a warning. Nothing is ever NaN: a baseline or range
/// whose window holds too few values is null, and so is the status that needs it. Input order does not matter.</para>
/// </remarks>
public static class DailyBaseline
{
    /// <summary>The longest span from first to last measured day that is laid out day by day (100 years).</summary>
    public const int MaxSpanDays = 36_525;

    /// <summary>Computes the baseline, normal range and status for every day from the first to the last measurement.</summary>
    /// <param name="values">The daily values in any order; a non-finite value marks its day as missing.</param>
    /// <param name="options">Windows and width; null for <see cref="DailyBaselineOptions.Default"/>.</param>
    /// <returns>One entry per calendar day, and the problems met.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its documented range.</exception>
    public static DailyBaselineResult Compute(IReadOnlyList<DailyValue> values, DailyBaselineOptions? options = null)
    {
        Guard.NotNull(values);
        options ??= DailyBaselineOptions.Default;
        Guard.InRange(options.BaselineDays, 1, 366);
        Guard.InRange(options.MinimumBaselineDays, 1, options.BaselineDays);
        Guard.InRange(options.NormalRangeDays, 2, 3660);
        Guard.InRange(options.MinimumNormalRangeDays, 2, options.NormalRangeDays);
        Guard.InRange(options.WidthStandardDeviations, 0, 10);

        var problems = new ProblemCollector(maxListed: 100, summaryCode: "baseline.more-problems");
        var byDay = new SortedDictionary<int, (double Mean, int Count)>();
        for (var i = 0; i < values.Count; i++)
        {
            var (date, value) = values[i];
            if (!double.IsFinite(value))
            {
                problems.Warning("baseline.missing-value", Invariant($"The value on {date:yyyy-MM-dd} is {value}; the day counts as missing."), Invariant($"[{i}]"));
                continue;
            }

            var key = date.DayNumber;
            if (byDay.TryGetValue(key, out var seen))
            {
                problems.Warning("baseline.duplicate-day", Invariant($"{date:yyyy-MM-dd} has more than one value; the day's values are averaged."), Invariant($"[{i}]"));

                // The running mean m + (v/k − m/k): no sum of two values near ±1e308 overflows.
                var k = seen.Count + 1;
                byDay[key] = (seen.Mean + ((value / k) - (seen.Mean / k)), k);
            }
            else
            {
                byDay[key] = (value, 1);
            }
        }

        if (byDay.Count == 0)
        {
            problems.Error("baseline.too-few-days", "No day has a finite value; there is no baseline or normal range.");
            return new DailyBaselineResult([], options, problems.ToList());
        }

        var first = byDay.Keys.First();
        var last = byDay.Keys.Last();
        if ((long)last - first + 1 > MaxSpanDays)
        {
            problems.Error(
                "baseline.span-too-long",
                Invariant($"The values span {(long)last - first + 1} days ({DateOnly.FromDayNumber(first):yyyy-MM-dd} to {DateOnly.FromDayNumber(last):yyyy-MM-dd}); at most {MaxSpanDays} days are laid out."));
            return new DailyBaselineResult([], options, problems.ToList());
        }

        var span = last - first + 1;
        var daily = new double[span];
        var present = new bool[span];
        foreach (var (key, (mean, _)) in byDay)
        {
            daily[key - first] = mean;
            present[key - first] = true;
        }

        var days = new DailyBaselineDay[span];
        var window = new double[Math.Max(options.BaselineDays, options.NormalRangeDays)];
        var anyBaseline = false;
        var anyRange = false;
        var outOfRange = false;
        for (var d = 0; d < span; d++)
        {
            var baseline = Mean(daily, present, d, options.BaselineDays, window, out var baselineCount);
            double? normalMean = null, lower = null, upper = null;
            var normalCount = Collect(daily, present, d, options.NormalRangeDays, window);
            if (normalCount >= options.MinimumNormalRangeDays)
            {
                // In units of the window's power-of-two magnitude (exact: the same doubles for ordinary values), so that
                // values near ±1e308 give a range rather than ±∞; a range beyond the double range is left out.
                var inWindow = window.AsSpan(0, normalCount);
                var e = BinaryScale.Magnitude(inWindow);
                var (mean, squares) = SampleMoments.OfScaled(inWindow, e);
                var half = options.WidthStandardDeviations * Math.Sqrt(squares / (normalCount - 1));
                double lo = Math.ScaleB(mean - half, e), hi = Math.ScaleB(mean + half, e);
                if (double.IsFinite(lo) && double.IsFinite(hi))
                {
                    normalMean = Math.ScaleB(mean, e);
                    lower = lo;
                    upper = hi;
                    anyRange = true;
                }
                else if (!outOfRange)
                {
                    outOfRange = true;
                    problems.Warning(
                        "baseline.out-of-range",
                        Invariant($"The normal range on {DateOnly.FromDayNumber(first + d):yyyy-MM-dd} (and on any later day where it happens) lies beyond the range of double-precision numbers; it is left out there."),
                        "NormalRange");
                }
            }

            double? b = baselineCount >= options.MinimumBaselineDays ? baseline : null;
            anyBaseline |= b is not null;
            double? v = present[d] ? daily[d] : null;
            days[d] = new DailyBaselineDay(
                DateOnly.FromDayNumber(first + d), v, b, baselineCount, normalMean, lower, upper, normalCount, Classify(b, lower, upper), Classify(v, lower, upper));
        }

        if (!anyBaseline)
        {
            problems.Error(
                "baseline.too-few-days",
                Invariant($"No {options.BaselineDays}-day window holds {options.MinimumBaselineDays} values; there is no baseline."),
                "Baseline");
        }

        if (!anyRange)
        {
            problems.Error(
                "baseline.too-few-days",
                Invariant($"{byDay.Count} day(s) with values; a normal range needs {options.MinimumNormalRangeDays} within {options.NormalRangeDays} days."),
                "NormalRange");
        }

        return new DailyBaselineResult(days, options, problems.ToList());
    }

    /// <summary>Where <paramref name="value"/> lies against [<paramref name="lower"/>, <paramref name="upper"/>]; null when any is null.</summary>
    /// <param name="value">The value (baseline or day value).</param>
    /// <param name="lower">The lower limit of the normal range.</param>
    /// <param name="upper">The upper limit of the normal range.</param>
    /// <returns>Below (strictly), within (limits included) or above (strictly); null when a bound or the value is missing.</returns>
    public static UsualRange? Classify(double? value, double? lower, double? upper) =>
        value is not { } x || lower is not { } lo || upper is not { } hi
            ? null
            : x < lo ? UsualRange.Below : x > hi ? UsualRange.Above : UsualRange.Within;

    private static double Mean(double[] daily, bool[] present, int day, int length, double[] scratch, out int count)
    {
        count = Collect(daily, present, day, length, scratch);
        if (count == 0)
        {
            return 0;
        }

        var values = scratch.AsSpan(0, count);
        var e = BinaryScale.Magnitude(values);
        return Math.ScaleB(SampleMoments.OfScaled(values, e).Mean, e); // finite for any finite values
    }

    private static int Collect(double[] daily, bool[] present, int day, int length, double[] scratch)
    {
        var count = 0;
        for (var i = Math.Max(0, day - length + 1); i <= day; i++)
        {
            if (present[i])
            {
                scratch[count++] = daily[i];
            }
        }

        return count;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
