using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Connectivity;

/// <content>The Ledoit–Wolf shrinkage estimator (Ledoit &amp; Wolf 2004; scikit-learn 1.2 <c>ledoit_wolf_shrinkage</c>).</content>
public static partial class FunctionalConnectivity
{
    /// <summary>Ledoit–Wolf shrunk covariance of the signals (scikit-learn <c>LedoitWolf</c>, <c>assume_centered=False</c>).</summary>
    /// <param name="timeSeries">T × N: time points in rows, ROIs in columns; finite, at least 2 rows.</param>
    /// <returns>Σ_LW, the shrinkage and μ.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeSeries"/> is null.</exception>
    /// <exception cref="ArgumentException">Fewer than 2 time points, a value is not finite, or the covariance exceeds the double range (values near ±1e154 and beyond).</exception>
    /// <remarks>
    /// With centred X, S = XᵀX/T, μ = trace(S)/N, β' = Σ(X∘X)ᵀ(X∘X), δ' = Σ(XᵀX)²/T²; β = (β'/T − δ')/(N·T);
    /// δ = (δ' − 2μ·trace(S) + N·μ²)/N; shrinkage = min(β, δ)/δ (0 when β = 0; 0 for N = 1); Σ_LW = (1 − s)·S + s·μ·I.
    /// Constant series are allowed here (they only lower μ).
    /// </remarks>
    public static ShrunkCovariance LedoitWolf(double[,] timeSeries)
    {
        Guard.NotNull(timeSeries);
        int t = timeSeries.GetLength(0), n = timeSeries.GetLength(1);
        if (t < 2)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"timeSeries has {t} time point(s); at least 2 are needed."), nameof(timeSeries));
        }

        for (var i = 0; i < t; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (!double.IsFinite(timeSeries[i, j]))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"timeSeries[{i}, {j}] was {timeSeries[i, j]}; values must be finite."), nameof(timeSeries));
                }
            }
        }

        var centered = new double[t * n];
        Columns.ToColumnMajor(timeSeries, centered);
        // On the data divided by 2^e (exact; x − mean overflows for ±1e308 and β' sums fourth powers, which overflow above
        // about 1e77), scaled back by 2^(2e).
        var e = ScaleToUnit(centered);
        Columns.Standardize(centered, t, n, centered, ColumnScaling.None);
        e += ScaleToUnit(centered);
        var scaled = LedoitWolfFromCentered(centered, t, n, new double[n, n]);
        var lw = new ShrunkCovariance(ScaleBack(scaled.Covariance, 2 * e)!, scaled.Shrinkage, Math.ScaleB(scaled.Mu, 2 * e));
        if (!double.IsFinite(lw.Mu) || !AllFinite(lw.Covariance))
        {
            throw new ArgumentException("The covariance of timeSeries is beyond the range of double-precision numbers; rescale the series first.", nameof(timeSeries));
        }

        return lw;
    }

    /// <summary>LW of centred column-major data; <paramref name="result"/> (N × N) receives XᵀX and then Σ_LW, and is returned as the covariance.</summary>
    private static ShrunkCovariance LedoitWolfFromCentered(ReadOnlySpan<double> xc, int t, int n, double[,] result)
    {
        var gram = Columns.AsSpan(result);
        Gram.Symmetric(xc, t, n, gram);
        var traceSum = 0.0;
        for (var i = 0; i < n; i++)
        {
            traceSum += gram[(i * n) + i] / t;
        }

        var mu = traceSum / n;
        var shrinkage = 0.0;
        if (n > 1)
        {
            // β' = Σⱼₖ Σₜ x²ₜⱼ x²ₜₖ = Σₜ (Σⱼ x²ₜⱼ)².
            var betaPrime = 0.0;
            for (var row = 0; row < t; row++)
            {
                var s = 0.0;
                for (var j = 0; j < n; j++)
                {
                    var v = xc[(j * t) + row];
                    s += v * v;
                }

                betaPrime += s * s;
            }

            var deltaPrime = 0.0;
            foreach (var g in gram)
            {
                deltaPrime += g * g;
            }

            deltaPrime /= (double)t * t;
            var beta = ((betaPrime / t) - deltaPrime) / ((double)n * t);
            var delta = (deltaPrime - (2 * mu * traceSum) + (n * mu * mu)) / n;
            beta = Math.Min(beta, delta);
            shrinkage = beta == 0 ? 0 : beta / delta;
        }

        for (var i = 0; i < gram.Length; i++)
        {
            gram[i] = (1 - shrinkage) * gram[i] / t;
        }

        for (var i = 0; i < n; i++)
        {
            gram[(i * n) + i] += shrinkage * mu;
        }

        return new ShrunkCovariance(result, shrinkage, mu);
    }
}
