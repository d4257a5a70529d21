using System.Globalization;
using MathNet.Numerics.Distributions;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Change;

/// <summary>
/// Rate of change of any metric over sessions (HRV, cortisol, a questionnaire subscale): the OLS slope per week with a
/// t-based confidence interval — the library's "neuroplasticity rate" for one person.
/// </summary>
/// <remarks>
/// <para>For (tᵢ, yᵢ): b = Σ(t − t̄)(y − ȳ)/Σ(t − t̄)², a = ȳ − b·t̄, SE_b = √(Σ(y − a − b·t)²/(n − 2) / Σ(t − t̄)²),
/// CI = b ± t(1 − α/2, n − 2)·SE_b with the Student-t quantile from MathNet.Numerics. Matches SciPy
/// <c>scipy.stats.linregress</c> (slope, stderr) and the t quantile <c>scipy.stats.t.ppf</c>.</para>
/// <para>A value that is NaN or infinite (a missed session) is omitted with a Warning naming its index; nothing is dropped
/// silently. Any finite values and times are accepted (sums are scaled by powers of two, so ±1e308 does not overflow);
/// a slope or interval whose true value lies beyond double's range gives no slope and the problem <c>trend.out-of-range</c>. n = 2 gives a slope without an interval; fewer, or all sessions at one time, give no slope. Per-person slopes
/// only; mixed models are out of scope.</para>
/// </remarks>
public static class Trend
{
    /// <summary>Fits the trend with a 95 % confidence interval.</summary>
    /// <param name="weeks">Time of each observation in weeks (any origin), finite.</param>
    /// <param name="values">The metric at each time; NaN for a missing value.</param>
    /// <param name="direction">Which direction is better for the metric.</param>
    /// <returns>Slope per week, interval and outcome.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, or a time is not finite.</exception>
    public static TrendResult Fit(ReadOnlySpan<double> weeks, ReadOnlySpan<double> values, ChangeDirection direction) =>
        Fit(weeks, values, direction, 0.95);

    /// <summary>Fits the trend with a chosen confidence level.</summary>
    /// <param name="weeks">Time of each observation in weeks (any origin), finite.</param>
    /// <param name="values">The metric at each time; NaN for a missing value.</param>
    /// <param name="direction">Which direction is better for the metric.</param>
    /// <param name="confidenceLevel">Level of the interval, in (0, 1), e.g. 0.95.</param>
    /// <returns>Slope per week, interval and outcome.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, or a time is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not in (0, 1).</exception>
    public static TrendResult Fit(ReadOnlySpan<double> weeks, ReadOnlySpan<double> values, ChangeDirection direction, double confidenceLevel)
    {
        if (!(confidenceLevel > 0 && confidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, string.Create(CultureInfo.InvariantCulture, $"must be in (0, 1); was {confidenceLevel}"));
        }

        Guard.SameLength(weeks, values);
        Guard.Defined(direction);

        var problems = new ProblemCollector();
        var x = new List<double>(weeks.Length);
        var y = new List<double>(weeks.Length);
        for (var i = 0; i < weeks.Length; i++)
        {
            if (!double.IsFinite(weeks[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"weeks[{i}] was {weeks[i]}; times must be finite."), nameof(weeks));
            }

            if (!double.IsFinite(values[i]))
            {
                problems.Add(new Problem(
                    "trend.missing-value",
                    string.Create(CultureInfo.InvariantCulture, $"The value at week {weeks[i]} is {values[i]}; the observation is left out of the trend."),
                    ProblemSeverity.Warning,
                    string.Create(CultureInfo.InvariantCulture, $"[{i}]")));
                continue;
            }

            x.Add(weeks[i]);
            y.Add(values[i]);
        }

        var n = x.Count;
        TrendResult Unavailable(string code, string message)
        {
            problems.Add(new Problem(code, message, ProblemSeverity.Error));
            return new TrendResult(null, null, null, null, null, confidenceLevel, null, n, direction, null, problems.ToList());
        }

        if (n < 2)
        {
            return Unavailable("trend.too-few-observations", string.Create(CultureInfo.InvariantCulture, $"{n} usable observation(s); a slope needs at least 2 (an interval at least 3)."));
        }

        var distinct = false;
        for (var i = 1; i < n && !distinct; i++)
        {
            distinct = x[i] != x[0];
        }

        if (!distinct)
        {
            return Unavailable("trend.no-time-spread", "Every observation is at the same time; a slope is undefined.");
        }

        var fit = LinearFit.Fit(x.ToArray(), y.ToArray());
        if (!fit.IsFinite)
        {
            return Unavailable("trend.out-of-range", string.Create(CultureInfo.InvariantCulture, $"The slope of these values over these times ({fit.Slope} per week) lies beyond the range of double-precision numbers; no trend is reported."));
        }

        var r2 = fit.RSquared;
        if (n < 3)
        {
            problems.Add(new Problem("trend.too-few-observations", "2 observations give a slope but no standard error or interval (n − 2 = 0 degrees of freedom).", ProblemSeverity.Error, "ConfidenceInterval"));
            return new TrendResult(fit.Slope, fit.Intercept, null, null, null, confidenceLevel, r2, n, direction, null, problems.ToList());
        }

        var se = fit.SlopeStandardError;
        var t = StudentT.InvCDF(0, 1, n - 2, 1 - ((1 - confidenceLevel) / 2));
        var lower = fit.Slope - (t * se);
        var upper = fit.Slope + (t * se);
        if (!double.IsFinite(lower) || !double.IsFinite(upper))
        {
            return Unavailable("trend.out-of-range", string.Create(CultureInfo.InvariantCulture, $"The confidence interval of the slope ({fit.Slope} ± {t} × {se} per week) lies beyond the range of double-precision numbers; no trend is reported."));
        }

        var better = direction == ChangeDirection.HigherIsBetter ? 1 : -1;
        var outcome = lower > 0 || upper < 0
            ? (Math.Sign(fit.Slope) == better ? TrendOutcome.Improving : TrendOutcome.Worsening)
            : TrendOutcome.NoClearTrend;
        return new TrendResult(fit.Slope, fit.Intercept, se, lower, upper, confidenceLevel, r2, n, direction, outcome, problems.ToList());
    }

    /// <summary>Fits the trend over dated sessions; time is measured in weeks (7 × 24 h) since the first session.</summary>
    /// <param name="sessions">When each value was measured.</param>
    /// <param name="values">The metric at each session; NaN for a missing value.</param>
    /// <param name="direction">Which direction is better for the metric.</param>
    /// <param name="confidenceLevel">Level of the interval, in (0, 1), e.g. 0.95.</param>
    /// <returns>Slope per week, interval and outcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sessions"/> is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not in (0, 1).</exception>
    public static TrendResult Fit(IReadOnlyList<DateTimeOffset> sessions, ReadOnlySpan<double> values, ChangeDirection direction, double confidenceLevel)
    {
        Guard.NotNull(sessions);
        var weeks = new double[sessions.Count];
        if (sessions.Count > 0)
        {
            var origin = sessions[0];
            for (var i = 0; i < weeks.Length; i++)
            {
                weeks[i] = (sessions[i] - origin).TotalDays / 7;
            }
        }

        return Fit(weeks, values, direction, confidenceLevel);
    }
}
