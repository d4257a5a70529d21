using System.Globalization;
using MathNet.Numerics.Distributions;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Change;

/// <summary>
/// The confidence band of a <see cref="Trend"/> line: where the mean of the metric lies at each time, at the trend's
/// confidence level — the shaded band around a trend line on a change chart.
/// </summary>
/// <remarks>
/// <para>For the OLS fit of <see cref="Trend.Fit(ReadOnlySpan{double}, ReadOnlySpan{double}, ChangeDirection, double)"/>
/// over n observations: ŷ(t) = a + b·t, s = √(Σresid²/(n − 2)) = SE_b·√Sxx, and the pointwise interval of the mean
/// response ŷ(t) ± t(1 − α/2, n − 2)·s·√(1/n + (t − t̄)²/Sxx) (Draper &amp; Smith, Applied Regression Analysis, 3rd ed.,
/// 1998, §3.1; Montgomery, Peck &amp; Vining, Introduction to Linear Regression Analysis, §2.4.2). It is narrowest at t̄
/// and widens towards the ends; it is not a prediction interval for a single future session (which adds 1 under the
/// root). The Student-t quantile is MathNet.Numerics', as in <see cref="Trend"/>.</para>
/// <para>The observations must be those the trend was fitted on: non-finite values are left out the same way, and the
/// count must match <see cref="TrendResult.Count"/>. A fitted value or band limit beyond the range of double-precision
/// numbers (times near ±1e308) is null, never ±∞ or NaN.</para>
/// </remarks>
public static class TrendBand
{
    /// <summary>The fitted line and its confidence band at each time in <paramref name="atWeeks"/>.</summary>
    /// <param name="trend">The fitted trend.</param>
    /// <param name="weeks">The times the trend was fitted on, in weeks.</param>
    /// <param name="values">The values the trend was fitted on; non-finite values are left out as <see cref="Trend"/> does.</param>
    /// <param name="atWeeks">Where to evaluate, in weeks; finite.</param>
    /// <returns>One point per entry of <paramref name="atWeeks"/>, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="trend"/> is null.</exception>
    /// <exception cref="ArgumentException">The spans differ in length, a time is not finite, or the usable observations do not number <see cref="TrendResult.Count"/>.</exception>
    public static TrendBandPoint[] At(TrendResult trend, ReadOnlySpan<double> weeks, ReadOnlySpan<double> values, ReadOnlySpan<double> atWeeks)
    {
        Guard.NotNull(trend);
        Guard.SameLength(weeks, values);
        var used = new List<double>(weeks.Length);
        for (var i = 0; i < weeks.Length; i++)
        {
            if (!double.IsFinite(weeks[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"weeks[{i}] was {weeks[i]}; times must be finite."), nameof(weeks));
            }

            if (double.IsFinite(values[i]))
            {
                used.Add(weeks[i]);
            }
        }

        if (used.Count != trend.Count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{used.Count} usable observations but the trend was fitted on {trend.Count}; pass the fitted weeks and values."),
                nameof(values));
        }

        var points = new TrendBandPoint[atWeeks.Length];
        // The weeks' mean and Σ(t − mean)² in units of their power-of-two magnitude (exact: the same band for ordinary weeks),
        // so that weeks near ±1e308 neither overflow nor leave a 0/0; a band or fit beyond the double range is left null.
        double mean = 0, sxx = 0, quantile = 0;
        var e = 0;
        var banded = trend.StandardError is not null && used.Count >= 3;
        if (banded)
        {
            var usedWeeks = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(used);
            e = BinaryScale.Magnitude(usedWeeks);
            (mean, sxx) = SampleMoments.OfScaled(usedWeeks, e);
            quantile = StudentT.InvCDF(0, 1, used.Count - 2, 1 - ((1 - trend.ConfidenceLevel) / 2));
            banded = sxx > 0 && double.IsFinite(quantile);
        }

        for (var i = 0; i < atWeeks.Length; i++)
        {
            var t = atWeeks[i];
            if (!double.IsFinite(t))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"atWeeks[{i}] was {t}; times must be finite."), nameof(atWeeks));
            }

            if (trend.SlopePerWeek is not { } b || trend.Intercept is not { } a)
            {
                points[i] = new TrendBandPoint(t, null, null, null);
                continue;
            }

            var fitted = a + (b * t);
            if (!double.IsFinite(fitted))
            {
                points[i] = new TrendBandPoint(t, null, null, null);
                continue;
            }

            if (!banded)
            {
                points[i] = new TrendBandPoint(t, fitted, null, null);
                continue;
            }

            var s = Math.ScaleB(trend.StandardError!.Value * Math.Sqrt(sxx), e);
            var d = Math.ScaleB(t, -e) - mean;
            var half = quantile * s * Math.Sqrt((1.0 / used.Count) + (d * d / sxx));
            points[i] = double.IsFinite(fitted - half) && double.IsFinite(fitted + half)
                ? new TrendBandPoint(t, fitted, fitted - half, fitted + half)
                : new TrendBandPoint(t, fitted, null, null);
        }

        return points;
    }
}
