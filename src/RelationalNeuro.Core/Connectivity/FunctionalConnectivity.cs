using System.Buffers;
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Connectivity;

/// <summary>
/// Functional-connectivity matrices from ROI time series (a T × N matrix: T time points in rows, N regions in columns):
/// Pearson correlation, covariance, partial correlation and precision, each with the empirical or the Ledoit–Wolf
/// estimator; group averaging in Fisher-z space; nilearn-compatible vectorisation; node strength.
/// </summary>
/// <remarks>
/// <para>Pearson r (ddof cancels). Partial correlation ρⱼₖ = −Θⱼₖ/√(ΘⱼⱼΘₖₖ), diagonal 1, from the precision Θ = Σ⁻¹ (nilearn
/// <c>prec_to_partial</c>). Ledoit–Wolf as scikit-learn 1.2 <c>ledoit_wolf_shrinkage</c> (MLE covariance, divisor T). With
/// <see cref="CovarianceEstimator.LedoitWolf"/>, <see cref="ConnectivityKind.Correlation"/> follows nilearn's
/// <c>ConnectivityMeasure(kind="correlation")</c>: z-score each ROI (ddof 1), fit LW, convert to correlation; the other kinds fit
/// LW on the raw signals. The empirical covariance uses divisor T − 1 (scikit-learn's <c>EmpiricalCovariance</c> uses T: a factor
/// T/(T − 1) on covariance, none on correlations and partial correlations).</para>
/// <para>Data problems give a null matrix and a <see cref="Problem"/>, never a NaN-filled matrix: fewer than 2 time points,
/// non-finite values, a constant ROI series, and (empirical estimator) a singular covariance for partial correlation or
/// precision (always when T ≤ N). A Ledoit–Wolf shrinkage of 1 (estimate = μ·I, identity correlation) is reported as a warning.</para>
/// <para>Speed: the correlation is one blocked, SIMD, upper-triangle product of standardised columns (no allocation beyond the
/// result and a pooled scratch buffer); see docs/performance.md.</para>
/// </remarks>
public static class FunctionalConnectivity
{
    /// <summary>The empirical Pearson correlation matrix.</summary>
    /// <param name="timeSeries">T × N: time points in rows, ROIs in columns.</param>
    /// <returns>The N × N correlation matrix (unit diagonal, symmetric, entries clamped to [−1, 1]) or null with problems.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeSeries"/> is null.</exception>
    public static ConnectivityResult Correlation(Matrix<double> timeSeries) => Compute(timeSeries, ConnectivityOptions.Default);

    /// <summary>Computes the connectivity matrix chosen in <paramref name="options"/>.</summary>
    /// <param name="timeSeries">T × N: time points in rows, ROIs in columns.</param>
    /// <param name="options">Kind and estimator; null for <see cref="ConnectivityOptions.Default"/> (empirical correlation).</param>
    /// <returns>The N × N matrix, the shrinkage used, and every problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeSeries"/> is null.</exception>
    public static ConnectivityResult Compute(Matrix<double> timeSeries, ConnectivityOptions? options)
    {
        Guard.NotNull(timeSeries);
        options ??= ConnectivityOptions.Default;
        int t = timeSeries.RowCount, n = timeSeries.ColumnCount;
        var problems = new List<Problem>();
        var x = timeSeries.AsColumnMajorArray() ?? timeSeries.ToColumnMajorArray();
        ConnectivityResult Fail() => new(null, options.Kind, options.Estimator, null, t, n, problems);

        if (!ValidateData(x, t, n, problems))
        {
            return Fail();
        }

        var scratch = ArrayPool<double>.Shared.Rent(t * n);
        try
        {
            var result = new double[n * n];
            if (options.Estimator == CovarianceEstimator.Empirical)
            {
                if (options.Kind == ConnectivityKind.Correlation)
                {
                    Standardize(x, t, n, scratch, unitNorm: true);
                    Gram.Symmetric(scratch.AsSpan(0, t * n), t, n, result);
                    FinishCorrelation(result, n);
                    return new ConnectivityResult(Build(result, n), options.Kind, options.Estimator, null, t, n, problems);
                }

                Center(x, t, n, scratch);
                Gram.Symmetric(scratch.AsSpan(0, t * n), t, n, result);
                Scale(result, 1.0 / (t - 1));
                var covariance = Build(result, n);
                if (options.Kind == ConnectivityKind.Covariance)
                {
                    return new ConnectivityResult(covariance, options.Kind, options.Estimator, null, t, n, problems);
                }

                if (t <= n)
                {
                    problems.Add(new Problem(
                        "connectivity.singular-covariance",
                        string.Create(CultureInfo.InvariantCulture, $"{t} time points for {n} ROIs: the empirical covariance has rank at most {t - 1} < {n} and cannot be inverted. Use CovarianceEstimator.LedoitWolf."),
                        ProblemSeverity.Error));
                    return Fail();
                }

                return FromPrecision(covariance, options, null, t, n, problems);
            }

            // Ledoit–Wolf (scikit-learn formula), on z-scored signals for correlation (nilearn), on raw signals otherwise.
            if (options.Kind == ConnectivityKind.Correlation)
            {
                Standardize(x, t, n, scratch, unitNorm: false);
            }
            else
            {
                Center(x, t, n, scratch);
            }

            var lw = LedoitWolfFromCentered(scratch.AsSpan(0, t * n), t, n, result);
            if (lw.Shrinkage >= 1)
            {
                problems.Add(new Problem(
                    "connectivity.full-shrinkage",
                    "The Ledoit–Wolf shrinkage is 1: the estimate is μ·I and every correlation is 0. The data carry no usable covariance structure at this T and N.",
                    ProblemSeverity.Warning));
            }

            if (options.Kind == ConnectivityKind.Covariance)
            {
                return new ConnectivityResult(lw.Covariance, options.Kind, options.Estimator, lw.Shrinkage, t, n, problems);
            }

            if (options.Kind == ConnectivityKind.Correlation)
            {
                return new ConnectivityResult(CovarianceToCorrelation(lw.Covariance), options.Kind, options.Estimator, lw.Shrinkage, t, n, problems);
            }

            return FromPrecision(lw.Covariance, options, lw.Shrinkage, t, n, problems);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    /// <summary>
    /// The Pearson correlation matrix of column-major T × N data into <paramref name="destination"/> (column-major N × N),
    /// allocation-free apart from a pooled scratch buffer. For data that may be invalid use <see cref="Correlation"/>, which
    /// reports problems instead of throwing.
    /// </summary>
    /// <param name="timeSeriesColumnMajor">T × N values, column-major (ROI after ROI), as MathNet's dense storage.</param>
    /// <param name="timePoints">T, at least 2.</param>
    /// <param name="rois">N, at least 1.</param>
    /// <param name="destination">Receives the N × N matrix; at least N² long.</param>
    /// <exception cref="ArgumentException">Lengths do not match T, N; a value is not finite; or an ROI series is constant (message names the ROI).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timePoints"/> is below 2 or <paramref name="rois"/> below 1.</exception>
    public static void PearsonCorrelation(ReadOnlySpan<double> timeSeriesColumnMajor, int timePoints, int rois, Span<double> destination)
    {
        Guard.InRange(timePoints, 2, int.MaxValue);
        Guard.Positive(rois);
        if (timeSeriesColumnMajor.Length != timePoints * rois)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"timeSeriesColumnMajor has {timeSeriesColumnMajor.Length} values; T × N = {timePoints * rois}."), nameof(timeSeriesColumnMajor));
        }

        if (destination.Length < rois * rois)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"destination has {destination.Length} elements; N² = {rois * rois} are needed."), nameof(destination));
        }

        var problems = new List<Problem>(0);
        if (!ValidateData(timeSeriesColumnMajor, timePoints, rois, problems))
        {
            throw new ArgumentException(problems[0].ToString(), nameof(timeSeriesColumnMajor));
        }

        var scratch = ArrayPool<double>.Shared.Rent(timePoints * rois);
        try
        {
            Standardize(timeSeriesColumnMajor, timePoints, rois, scratch, unitNorm: true);
            Gram.Symmetric(scratch.AsSpan(0, timePoints * rois), timePoints, rois, destination);
            FinishCorrelation(destination, rois);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    /// <summary>Ledoit–Wolf shrunk covariance of the signals (scikit-learn <c>LedoitWolf</c>, <c>assume_centered=False</c>).</summary>
    /// <param name="timeSeries">T × N: time points in rows, ROIs in columns; finite, at least 2 rows.</param>
    /// <returns>Σ_LW, the shrinkage and μ.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeSeries"/> is null.</exception>
    /// <exception cref="ArgumentException">Fewer than 2 time points, or a value is not finite.</exception>
    /// <remarks>
    /// With centred X, S = XᵀX/T, μ = trace(S)/N, β' = Σ(X∘X)ᵀ(X∘X), δ' = Σ(XᵀX)²/T²; β = (β'/T − δ')/(N·T);
    /// δ = (δ' − 2μ·trace(S) + N·μ²)/N; shrinkage = min(β, δ)/δ (0 when β = 0; 0 for N = 1); Σ_LW = (1 − s)·S + s·μ·I.
    /// Constant series are allowed here (they only lower μ).
    /// </remarks>
    public static ShrunkCovariance LedoitWolf(Matrix<double> timeSeries)
    {
        Guard.NotNull(timeSeries);
        int t = timeSeries.RowCount, n = timeSeries.ColumnCount;
        var x = timeSeries.AsColumnMajorArray() ?? timeSeries.ToColumnMajorArray();
        if (t < 2)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"timeSeries has {t} time point(s); at least 2 are needed."), nameof(timeSeries));
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsFinite(x[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"timeSeries[{i % t}, {i / t}] was {x[i]}; values must be finite."), nameof(timeSeries));
            }
        }

        var centered = new double[t * n];
        Center(x, t, n, centered);
        return LedoitWolfFromCentered(centered, t, n, new double[n * n]);
    }

    /// <summary>Averages correlation matrices of a group in Fisher-z space: r̄ = tanh(mean(atanh r)), diagonal 1.</summary>
    /// <param name="correlations">Correlation matrices of equal size, N × N.</param>
    /// <returns>The group correlation matrix.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="correlations"/> or an element is null.</exception>
    /// <exception cref="ArgumentException">The list is empty; sizes differ or are not square; an off-diagonal entry is outside (−1, 1) (|r| = 1 has infinite z, so it cannot be averaged) — the message names the matrix and entry.</exception>
    public static Matrix<double> GroupAverage(IReadOnlyList<Matrix<double>> correlations)
    {
        Guard.NotNull(correlations);
        if (correlations.Count == 0)
        {
            throw new ArgumentException("correlations is empty.", nameof(correlations));
        }

        var n = Guard.NotNull(correlations[0]).RowCount;
        var sum = new double[n * n];
        for (var m = 0; m < correlations.Count; m++)
        {
            var r = correlations[m];
            if (r is null || r.RowCount != n || r.ColumnCount != n)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"correlations[{m}] is {(r is null ? "null" : $"{r.RowCount} × {r.ColumnCount}")}; every matrix must be {n} × {n}."), nameof(correlations));
            }

            for (var c = 0; c < n; c++)
            {
                for (var row = 0; row < n; row++)
                {
                    if (row == c)
                    {
                        continue;
                    }

                    var v = r[row, c];
                    if (!(v > -1 && v < 1))
                    {
                        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"correlations[{m}][{row}, {c}] was {v}; off-diagonal correlations must be in (-1, 1) to average in z-space."), nameof(correlations));
                    }

                    sum[(c * n) + row] += Math.Atanh(v);
                }
            }
        }

        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] = Math.Tanh(sum[i] / correlations.Count);
        }

        for (var i = 0; i < n; i++)
        {
            sum[(i * n) + i] = 1;
        }

        return Build(sum, n);
    }

    /// <summary>
    /// Vectorises a symmetric matrix as nilearn's <c>sym_matrix_to_vec</c>: the lower triangle row by row (m₀₀, m₁₀, m₁₁, m₂₀, ...),
    /// with each diagonal entry divided by √2 (so the Euclidean norm of the vector equals the Frobenius norm of the matrix / √2),
    /// or without the diagonal.
    /// </summary>
    /// <param name="symmetric">An N × N matrix.</param>
    /// <param name="discardDiagonal">True: N(N − 1)/2 entries without the diagonal; false: N(N + 1)/2 with the diagonal / √2.</param>
    /// <returns>The vector.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="symmetric"/> is null.</exception>
    /// <exception cref="ArgumentException">The matrix is not square.</exception>
    public static double[] ToVector(Matrix<double> symmetric, bool discardDiagonal)
    {
        var n = Square(symmetric, nameof(symmetric));
        var vector = new double[discardDiagonal ? n * (n - 1) / 2 : n * (n + 1) / 2];
        var k = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                vector[k++] = symmetric[i, j];
            }

            if (!discardDiagonal)
            {
                vector[k++] = symmetric[i, i] / Math.Sqrt(2);
            }
        }

        return vector;
    }

    /// <summary>Node strength: for each ROI the sum of its edge weights to every other ROI (diagonal excluded).</summary>
    /// <param name="connectivity">An N × N connectivity matrix (correlation, partial correlation...).</param>
    /// <param name="weights">Which weights to sum.</param>
    /// <returns>N strengths, in the matrix's unit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="connectivity"/> is null.</exception>
    /// <exception cref="ArgumentException">The matrix is not square.</exception>
    /// <remarks>Rubinov &amp; Sporns (2010), NeuroImage 52:1059–1069 (Brain Connectivity Toolbox <c>strengths_und</c>, <c>strengths_und_sign</c>).</remarks>
    public static double[] NodeStrength(Matrix<double> connectivity, NodeStrengthWeights weights)
    {
        var n = Square(connectivity, nameof(connectivity));
        var strength = new double[n];
        for (var i = 0; i < n; i++)
        {
            var s = 0.0;
            for (var j = 0; j < n; j++)
            {
                if (j == i)
                {
                    continue;
                }

                var w = connectivity[i, j];
                s += weights switch
                {
                    NodeStrengthWeights.Absolute => Math.Abs(w),
                    NodeStrengthWeights.Positive => Math.Max(w, 0),
                    NodeStrengthWeights.Negative => Math.Min(w, 0),
                    _ => w,
                };
            }

            strength[i] = s;
        }

        return strength;
    }

    /// <summary>Converts a covariance to a correlation matrix: Cⱼₖ/√(CⱼⱼCₖₖ), diagonal exactly 1 (nilearn <c>cov_to_corr</c>).</summary>
    /// <param name="covariance">A symmetric N × N matrix with a positive diagonal.</param>
    /// <returns>The correlation matrix.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="covariance"/> is null.</exception>
    /// <exception cref="ArgumentException">Not square, or a diagonal entry is not positive (message names it).</exception>
    public static Matrix<double> CovarianceToCorrelation(Matrix<double> covariance)
    {
        var n = Square(covariance, nameof(covariance));
        var d = new double[n];
        for (var i = 0; i < n; i++)
        {
            var v = covariance[i, i];
            if (!(v > 0) || double.IsInfinity(v))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"covariance[{i}, {i}] was {v}; variances must be finite and positive."), nameof(covariance));
            }

            d[i] = Math.Sqrt(v);
        }

        var r = new double[n * n];
        for (var c = 0; c < n; c++)
        {
            for (var row = 0; row < n; row++)
            {
                r[(c * n) + row] = row == c ? 1 : Math.Clamp(covariance[row, c] / (d[row] * d[c]), -1, 1);
            }
        }

        return Build(r, n);
    }

    private static ConnectivityResult FromPrecision(Matrix<double> covariance, ConnectivityOptions options, double? shrinkage, int t, int n, List<Problem> problems)
    {
        var precision = Invert(covariance);
        if (precision is null)
        {
            problems.Add(new Problem(
                "connectivity.singular-covariance",
                "The covariance is not positive definite (collinear ROI series); it cannot be inverted. Use CovarianceEstimator.LedoitWolf or remove collinear ROIs.",
                ProblemSeverity.Error));
            return new ConnectivityResult(null, options.Kind, options.Estimator, shrinkage, t, n, problems);
        }

        if (options.Kind == ConnectivityKind.Precision)
        {
            return new ConnectivityResult(precision, options.Kind, options.Estimator, shrinkage, t, n, problems);
        }

        return new ConnectivityResult(PrecisionToPartialCorrelation(precision), options.Kind, options.Estimator, shrinkage, t, n, problems);
    }

    /// <summary>Partial correlations from a precision matrix Θ: −Θⱼₖ/√(ΘⱼⱼΘₖₖ), diagonal exactly 1 (nilearn <c>prec_to_partial</c>).</summary>
    /// <param name="precision">A symmetric N × N precision (inverse covariance) matrix with a positive diagonal.</param>
    /// <returns>The partial correlation matrix.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="precision"/> is null.</exception>
    /// <exception cref="ArgumentException">Not square, or a diagonal entry is not positive.</exception>
    public static Matrix<double> PrecisionToPartialCorrelation(Matrix<double> precision)
    {
        Square(precision, nameof(precision));
        var partial = CovarianceToCorrelation(precision);
        var n = partial.RowCount;
        for (var c = 0; c < n; c++)
        {
            for (var row = 0; row < n; row++)
            {
                if (row != c)
                {
                    partial[row, c] = -partial[row, c];
                }
            }
        }

        return partial;
    }

    /// <summary>Inverse of a symmetric positive-definite matrix by Cholesky, exactly symmetrised; null when it is not numerically positive definite.</summary>
    private static Matrix<double>? Invert(Matrix<double> covariance)
    {
        MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> cholesky;
        try
        {
            cholesky = covariance.Cholesky();
        }
        catch (ArgumentException)
        {
            // MathNet throws when a pivot is not positive.
            return null;
        }

        // Reciprocal condition of the covariance ≈ (min/max Cholesky pivot)²: at rounding level it is numerically singular.
        var diagonal = cholesky.Factor.Diagonal();
        var ratio = diagonal.Minimum() / diagonal.Maximum();
        if (!(ratio * ratio > 1e-12))
        {
            return null;
        }

        var precision = cholesky.Solve(Matrix<double>.Build.DenseIdentity(covariance.RowCount));
        return (precision + precision.Transpose()).Divide(2);
    }

    private static ShrunkCovariance LedoitWolfFromCentered(ReadOnlySpan<double> xc, int t, int n, double[] gram)
    {
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
            for (var i = 0; i < gram.Length; i++)
            {
                deltaPrime += gram[i] * gram[i];
            }

            deltaPrime /= (double)t * t;
            var beta = ((betaPrime / t) - deltaPrime) / ((double)n * t);
            var delta = (deltaPrime - (2 * mu * traceSum) + (n * mu * mu)) / n;
            beta = Math.Min(beta, delta);
            shrinkage = beta == 0 ? 0 : beta / delta;
        }

        var cov = new double[n * n];
        for (var i = 0; i < cov.Length; i++)
        {
            cov[i] = (1 - shrinkage) * gram[i] / t;
        }

        for (var i = 0; i < n; i++)
        {
            cov[(i * n) + i] += shrinkage * mu;
        }

        return new ShrunkCovariance(Build(cov, n), shrinkage, mu);
    }

    private static bool ValidateData(ReadOnlySpan<double> x, int t, int n, List<Problem> problems)
    {
        if (t < 2 || n < 1)
        {
            problems.Add(new Problem(
                "connectivity.too-few-time-points",
                string.Create(CultureInfo.InvariantCulture, $"The time series is {t} × {n}; at least 2 time points and 1 ROI are needed."),
                ProblemSeverity.Error));
            return false;
        }

        var ok = true;
        for (var j = 0; j < n; j++)
        {
            var column = x.Slice(j * t, t);
            var bad = 0;
            double mean = 0, max = 0;
            for (var i = 0; i < t; i++)
            {
                if (!double.IsFinite(column[i]))
                {
                    bad++;
                }
                else
                {
                    mean += column[i];
                    max = Math.Max(max, Math.Abs(column[i]));
                }
            }

            if (bad > 0)
            {
                problems.Add(new Problem("connectivity.non-finite-value", string.Create(CultureInfo.InvariantCulture, $"{bad} value(s) of ROI {j} are NaN or infinite."), ProblemSeverity.Error, RoiLocation(j)));
                ok = false;
                continue;
            }

            mean /= t;
            var ss = 0.0;
            for (var i = 0; i < t; i++)
            {
                ss += (column[i] - mean) * (column[i] - mean);
            }

            // Constant up to rounding: the SD is below 1e-13 of the largest magnitude.
            if (Math.Sqrt(ss / t) <= 1e-13 * max || ss == 0)
            {
                problems.Add(new Problem("connectivity.constant-series", string.Create(CultureInfo.InvariantCulture, $"ROI {j} is constant over all {t} time points; its correlations are undefined."), ProblemSeverity.Error, RoiLocation(j)));
                ok = false;
            }
        }

        return ok;
    }

    /// <summary>Centres each column; with unitNorm divides by √Σd² (so ZᵀZ is the correlation), otherwise by the SD with ddof 1 (nilearn "zscore_sample").</summary>
    private static void Standardize(ReadOnlySpan<double> x, int t, int n, Span<double> z, bool unitNorm)
    {
        for (var j = 0; j < n; j++)
        {
            var source = x.Slice(j * t, t);
            var target = z.Slice(j * t, t);
            var mean = 0.0;
            for (var i = 0; i < t; i++)
            {
                mean += source[i];
            }

            mean /= t;
            var ss = 0.0;
            for (var i = 0; i < t; i++)
            {
                var d = source[i] - mean;
                target[i] = d;
                ss += d * d;
            }

            var scale = 1 / Math.Sqrt(unitNorm ? ss : ss / (t - 1));
            for (var i = 0; i < t; i++)
            {
                target[i] *= scale;
            }
        }
    }

    private static void Center(ReadOnlySpan<double> x, int t, int n, Span<double> z)
    {
        for (var j = 0; j < n; j++)
        {
            var source = x.Slice(j * t, t);
            var target = z.Slice(j * t, t);
            var mean = 0.0;
            for (var i = 0; i < t; i++)
            {
                mean += source[i];
            }

            mean /= t;
            for (var i = 0; i < t; i++)
            {
                target[i] = source[i] - mean;
            }
        }
    }

    private static void FinishCorrelation(Span<double> r, int n)
    {
        for (var c = 0; c < n; c++)
        {
            for (var row = 0; row < n; row++)
            {
                ref var v = ref r[(c * n) + row];
                v = row == c ? 1 : Math.Clamp(v, -1, 1);
            }
        }
    }

    private static void Scale(double[] values, double factor)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] *= factor;
        }
    }

    private static string RoiLocation(int j) => string.Create(CultureInfo.InvariantCulture, $"roi[{j}]");

    private static Matrix<double> Build(double[] columnMajor, int n) => Matrix<double>.Build.Dense(n, n, columnMajor);

    private static int Square(Matrix<double> m, string name)
    {
        ArgumentNullException.ThrowIfNull(m, name);
        if (m.RowCount != m.ColumnCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} is {m.RowCount} × {m.ColumnCount}; it must be square."), name);
        }

        return m.RowCount;
    }
}
