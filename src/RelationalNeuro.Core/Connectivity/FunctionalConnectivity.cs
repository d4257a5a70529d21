using System.Buffers;
using System.Globalization;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Connectivity;

/// <summary>
/// Functional-connectivity matrices from ROI time series (a T × N <c>double[,]</c>: T time points in rows, N regions in columns):
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
/// <para>Matrices are plain <c>double[,]</c> (<c>m[row, column]</c>); see docs/connectivity.md for why not MathNet's <c>Matrix&lt;double&gt;</c>.</para>
/// <para>Speed: the correlation is one blocked, SIMD, upper-triangle product of standardised columns (no allocation beyond the
/// result and a pooled scratch buffer); see docs/performance.md.</para>
/// </remarks>
public static partial class FunctionalConnectivity
{
    /// <summary>The empirical Pearson correlation matrix.</summary>
    /// <param name="timeSeries">T × N: time points in rows, ROIs in columns.</param>
    /// <returns>The N × N correlation matrix (unit diagonal, symmetric, entries clamped to [−1, 1]) or null with problems.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeSeries"/> is null.</exception>
    public static ConnectivityResult Correlation(double[,] timeSeries) => Compute(timeSeries, ConnectivityOptions.Default);

    /// <summary>Computes the connectivity matrix chosen in <paramref name="options"/>.</summary>
    /// <param name="timeSeries">T × N: time points in rows, ROIs in columns.</param>
    /// <param name="options">Kind and estimator; null for <see cref="ConnectivityOptions.Default"/> (empirical correlation).</param>
    /// <returns>The N × N matrix, the shrinkage used, and every problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeSeries"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <see cref="ConnectivityOptions.Kind"/> or <see cref="ConnectivityOptions.Estimator"/> is not a defined value (a cast
    /// such as <c>(ConnectivityKind)42</c>; the exception names <c>options.Kind</c> or <c>options.Estimator</c>), or
    /// <see cref="ConnectivityOptions.IllConditionedAbove"/> is below 1 or NaN.
    /// </exception>
    public static ConnectivityResult Compute(double[,] timeSeries, ConnectivityOptions? options = null)
    {
        Guard.NotNull(timeSeries);
        options ??= ConnectivityOptions.Default;
        Guard.Defined(options.Kind);
        Guard.Defined(options.Estimator);
        int t = timeSeries.GetLength(0), n = timeSeries.GetLength(1);
        if (!(options.IllConditionedAbove >= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.IllConditionedAbove, "options.IllConditionedAbove must be at least 1.");
        }

        var problems = new ProblemCollector();
        (double? ConditionNumber, int? Rank)? conditioning = null;
        var inverts = options.Kind is ConnectivityKind.Precision or ConnectivityKind.PartialCorrelation;
        void Condition(double[,] estimate)
        {
            if (inverts || options.ComputeConditioning)
            {
                conditioning = Conditioning.Of(estimate, options.IllConditionedAbove, problems);
            }
        }

        ConnectivityResult Result(double[,]? matrix, double? shrinkage = null)
        {
            if (matrix is not null && !AllFinite(matrix))
            {
                // Values so large or small that the covariance or precision itself is beyond double precision (1e160 and
                // 1e-160 ms² are not numbers a double holds): refused rather than returned with ∞ or NaN entries.
                problems.Error(
                    "connectivity.out-of-range",
                    string.Create(CultureInfo.InvariantCulture, $"The {options.Kind} matrix of these data is beyond the range of double-precision numbers; no matrix is returned. Rescale the ROI series (e.g. to their units' usual range) first."));
                matrix = null;
            }

            return new(matrix, options.Kind, options.Estimator, shrinkage, t, n, problems.ToList())
            {
                ConditionNumber = conditioning?.ConditionNumber,
                Rank = conditioning?.Rank,
            };
        }

        // One pooled column-major copy: validated, then centred/standardised in place.
        var x = ArrayPool<double>.Shared.Rent(Math.Max(1, t * n));
        try
        {
            var columns = x.AsSpan(0, t * n);
            Columns.ToColumnMajor(timeSeries, columns);
            if (!ValidateData(columns, t, n, problems))
            {
                return Result(null);
            }

            var result = new double[n, n];
            var gram = Columns.AsSpan(result);
            if (options.Estimator == CovarianceEstimator.Empirical)
            {
                if (options.Kind == ConnectivityKind.Correlation)
                {
                    Columns.Standardize(columns, t, n, columns, ColumnScaling.UnitNorm);
                    Gram.Symmetric(columns, t, n, gram);
                    FinishCorrelation(gram, n);
                    Condition(result);
                    return Result(result);
                }

                // The covariance of the data divided by 2^e (exact), then scaled back by 2^(2e): no sum of squares overflows or
                // underflows on the way (the same doubles for ordinary data; partial correlations are scale-free).
                var e = ScaleToUnit(columns); // before centring too: x − mean overflows for ±1e308
                Columns.Standardize(columns, t, n, columns, ColumnScaling.None);
                e += ScaleToUnit(columns);
                Gram.Symmetric(columns, t, n, gram);
                Scale(gram, 1.0 / (t - 1));
                Condition(result);
                if (options.Kind == ConnectivityKind.Covariance)
                {
                    return Result(ScaleBack(result, 2 * e));
                }

                if (t <= n)
                {
                    problems.Error(
                        "connectivity.singular-covariance",
                        string.Create(CultureInfo.InvariantCulture, $"{t} time points for {n} ROIs: the empirical covariance has rank at most {t - 1} < {n} and cannot be inverted. Use CovarianceEstimator.LedoitWolf."));
                    return Result(null);
                }

                return Result(ScaleBack(FromPrecision(result, options.Kind, problems), options.Kind == ConnectivityKind.Precision ? -2 * e : 0));
            }

            // Ledoit–Wolf (scikit-learn formula), on z-scored signals for correlation (nilearn), on raw signals otherwise.
            var lwScale = ScaleToUnit(columns);
            Columns.Standardize(columns, t, n, columns, options.Kind == ConnectivityKind.Correlation ? ColumnScaling.SampleSd : ColumnScaling.None);
            lwScale += ScaleToUnit(columns);
            var lw = LedoitWolfFromCentered(columns, t, n, result);
            if (lw.Shrinkage >= 1)
            {
                problems.Warning(
                    "connectivity.full-shrinkage",
                    "The Ledoit–Wolf shrinkage is 1: the estimate is μ·I and every correlation is 0. The data carry no usable covariance structure at this T and N.");
            }

            Condition(lw.Covariance);
            return options.Kind switch
            {
                ConnectivityKind.Covariance => Result(ScaleBack(lw.Covariance, 2 * lwScale), lw.Shrinkage),
                ConnectivityKind.Correlation => Result(CovarianceToCorrelation(lw.Covariance), lw.Shrinkage),
                ConnectivityKind.Precision => Result(ScaleBack(FromPrecision(lw.Covariance, options.Kind, problems), -2 * lwScale), lw.Shrinkage),
                _ => Result(FromPrecision(lw.Covariance, options.Kind, problems), lw.Shrinkage),
            };
        }
        finally
        {
            ArrayPool<double>.Shared.Return(x);
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
        Guard.Length(timeSeriesColumnMajor, timePoints * rois, "T × N");
        Guard.Room(destination, rois * rois);
        var problems = new ProblemCollector(maxListed: 1);
        if (!ValidateData(timeSeriesColumnMajor, timePoints, rois, problems))
        {
            throw new ArgumentException(problems.ToList()[0].ToString(), nameof(timeSeriesColumnMajor));
        }

        var scratch = ArrayPool<double>.Shared.Rent(timePoints * rois);
        try
        {
            Columns.Standardize(timeSeriesColumnMajor, timePoints, rois, scratch, ColumnScaling.UnitNorm);
            Gram.Symmetric(scratch.AsSpan(0, timePoints * rois), timePoints, rois, destination);
            FinishCorrelation(destination, rois);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    /// <summary>Averages correlation matrices of a group in Fisher-z space: r̄ = tanh(mean(atanh r)), diagonal 1.</summary>
    /// <param name="correlations">Correlation matrices of equal size, N × N.</param>
    /// <returns>The group correlation matrix.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="correlations"/> or an element is null.</exception>
    /// <exception cref="ArgumentException">The list is empty; sizes differ or are not square; an off-diagonal entry is outside (−1, 1) (|r| = 1 has infinite z, so it cannot be averaged) — the message names the matrix and entry.</exception>
    public static double[,] GroupAverage(IReadOnlyList<double[,]> correlations)
    {
        Guard.NotNull(correlations);
        if (correlations.Count == 0)
        {
            throw new ArgumentException("correlations is empty.", nameof(correlations));
        }

        var n = Guard.NotNull(correlations[0]).GetLength(0);
        var sum = new double[n, n];
        for (var m = 0; m < correlations.Count; m++)
        {
            var r = correlations[m];
            if (r is null || r.GetLength(0) != n || r.GetLength(1) != n)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"correlations[{m}] is {(r is null ? "null" : $"{r.GetLength(0)} × {r.GetLength(1)}")}; every matrix must be {n} × {n}."), nameof(correlations));
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

                    sum[row, c] += Math.Atanh(v);
                }
            }
        }

        var mean = Columns.AsSpan(sum);
        for (var i = 0; i < mean.Length; i++)
        {
            mean[i] = Math.Tanh(mean[i] / correlations.Count);
        }

        for (var i = 0; i < n; i++)
        {
            sum[i, i] = 1;
        }

        return sum;
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
    /// <exception cref="ArgumentException">The matrix is not square or an entry is not finite.</exception>
    public static double[] ToVector(double[,] symmetric, bool discardDiagonal)
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
    /// <exception cref="ArgumentException">The matrix is not square, an entry is not finite, or a strength exceeds the double range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weights"/> is not a defined <see cref="NodeStrengthWeights"/> value.</exception>
    /// <remarks>Rubinov &amp; Sporns (2010), NeuroImage 52:1059–1069 (Brain Connectivity Toolbox <c>strengths_und</c>, <c>strengths_und_sign</c>).</remarks>
    public static double[] NodeStrength(double[,] connectivity, NodeStrengthWeights weights)
    {
        Guard.Defined(weights);
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

            if (!double.IsFinite(s))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The strength of node {i} (the sum of row {i} of connectivity) exceeds the range of double-precision numbers."), nameof(connectivity));
            }

            strength[i] = s;
        }

        return strength;
    }

    /// <summary>Converts a covariance to a correlation matrix: Cⱼₖ/√(CⱼⱼCₖₖ), diagonal exactly 1 (nilearn <c>cov_to_corr</c>).</summary>
    /// <param name="covariance">A symmetric N × N matrix with a positive diagonal.</param>
    /// <returns>The correlation matrix.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="covariance"/> is null.</exception>
    /// <exception cref="ArgumentException">Not square, an entry is not finite, or a diagonal entry is not positive (message names it).</exception>
    public static double[,] CovarianceToCorrelation(double[,] covariance) => ToCorrelation(covariance, nameof(covariance));

    /// <summary>Cⱼₖ/√(CⱼⱼCₖₖ) with the diagonal exactly 1; exceptions name <paramref name="name"/>.</summary>
    private static double[,] ToCorrelation(double[,] covariance, string name)
    {
        var n = Square(covariance, name);
        var d = new double[n];
        for (var i = 0; i < n; i++)
        {
            var v = covariance[i, i];
            if (!(v > 0) || double.IsInfinity(v))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name}[{i}, {i}] was {v}; variances must be finite and positive."), name);
            }

            d[i] = Math.Sqrt(v);
        }

        var r = new double[n, n];
        for (var row = 0; row < n; row++)
        {
            for (var c = 0; c < n; c++)
            {
                // √Cⱼⱼ·√Cₖₖ overflows for variances near 1e308 and underflows near 1e-308; two divisions then keep r.
                var scale = d[row] * d[c];
                var value = double.IsNormal(scale) ? covariance[row, c] / scale : covariance[row, c] / d[row] / d[c];
                r[row, c] = row == c ? 1 : Math.Clamp(value, -1, 1);
            }
        }

        return r;
    }

    /// <summary>Precision or partial correlation from a covariance; null with a problem when it cannot be inverted.</summary>
    private static double[,]? FromPrecision(double[,] covariance, ConnectivityKind kind, ProblemCollector problems)
    {
        var precision = Invert(covariance);
        if (precision is null)
        {
            problems.Error(
                "connectivity.singular-covariance",
                "The covariance is not positive definite (collinear ROI series); it cannot be inverted. Use CovarianceEstimator.LedoitWolf or remove collinear ROIs.");
            return null;
        }

        return kind == ConnectivityKind.Precision ? precision : PrecisionToPartialCorrelation(precision);
    }

    /// <summary>Partial correlations from a precision matrix Θ: −Θⱼₖ/√(ΘⱼⱼΘₖₖ), diagonal exactly 1 (nilearn <c>prec_to_partial</c>).</summary>
    /// <param name="precision">A symmetric N × N precision (inverse covariance) matrix with a positive diagonal.</param>
    /// <returns>The partial correlation matrix.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="precision"/> is null.</exception>
    /// <exception cref="ArgumentException">Not square, an entry is not finite, or a diagonal entry is not positive (message names it).</exception>
    public static double[,] PrecisionToPartialCorrelation(double[,] precision)
    {
        var partial = ToCorrelation(precision, nameof(precision));
        var n = partial.GetLength(0);
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
    private static double[,]? Invert(double[,] covariance)
    {
        var matrix = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(covariance);
        MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> cholesky;
        try
        {
            cholesky = matrix.Cholesky();
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

        var precision = cholesky.Solve(MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(matrix.RowCount));
        return (precision + precision.Transpose()).Divide(2).ToArray();
    }

    private static bool ValidateData(ReadOnlySpan<double> x, int t, int n, ProblemCollector problems)
    {
        if (t < 2 || n < 1)
        {
            problems.Error(
                "connectivity.too-few-time-points",
                string.Create(CultureInfo.InvariantCulture, $"The time series is {t} × {n}; at least 2 time points and 1 ROI are needed."));
            return false;
        }

        var ok = true;
        for (var j = 0; j < n; j++)
        {
            var column = x.Slice(j * t, t);
            var bad = 0;
            var max = 0.0;
            foreach (var v in column)
            {
                if (double.IsFinite(v))
                {
                    max = Math.Max(max, Math.Abs(v));
                }
                else
                {
                    bad++;
                }
            }

            if (bad > 0)
            {
                problems.Error("connectivity.non-finite-value", string.Create(CultureInfo.InvariantCulture, $"{bad} value(s) of ROI {j} are NaN or infinite."), RoiLocation(j));
                ok = false;
                continue;
            }

            // In units of the column's power-of-two magnitude, so that neither 1e200 nor 1e-200 overflows or underflows.
            var e = max > 0 ? Math.ILogB(max) : 0;
            var (_, ss) = SampleMoments.OfScaled(column, e);

            // Constant up to rounding: the SD is below 1e-13 of the largest magnitude.
            if (Math.Sqrt(ss / t) <= 1e-13 * Math.ScaleB(max, -e) || ss == 0)
            {
                problems.Error("connectivity.constant-series", string.Create(CultureInfo.InvariantCulture, $"ROI {j} is constant over all {t} time points; its correlations are undefined."), RoiLocation(j));
                ok = false;
            }
        }

        return ok;
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

    /// <summary>Divides every value by 2^e (exact), e the binary magnitude of the largest |value|; returns e.</summary>
    private static int ScaleToUnit(Span<double> values)
    {
        var e = BinaryScale.Magnitude(values);
        BinaryScale.Scale(values, -e, values);
        return e;
    }

    /// <summary>Multiplies every entry by 2^<paramref name="e"/> in place (exact unless it leaves the double range); null stays null.</summary>
    private static double[,]? ScaleBack(double[,]? matrix, int e)
    {
        if (matrix is not null)
        {
            BinaryScale.Scale(Columns.AsSpan(matrix), e, Columns.AsSpan(matrix));
        }

        return matrix;
    }

    private static bool AllFinite(double[,] matrix) => System.Numerics.Tensors.TensorPrimitives.IsFiniteAll<double>(Columns.AsSpan(matrix));

    private static void Scale(Span<double> values, double factor)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] *= factor;
        }
    }

    private static string RoiLocation(int j) => string.Create(CultureInfo.InvariantCulture, $"roi[{j}]");

    private static int Square(double[,] m, string name)
    {
        ArgumentNullException.ThrowIfNull(m, name);
        if (m.GetLength(0) != m.GetLength(1))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} is {m.GetLength(0)} × {m.GetLength(1)}; it must be square."), name);
        }

        for (var i = 0; i < m.GetLength(0); i++)
        {
            for (var j = 0; j < m.GetLength(1); j++)
            {
                if (!double.IsFinite(m[i, j]))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name}[{i}, {j}] was {m[i, j]}; entries must be finite."), name);
                }
            }
        }

        return m.GetLength(0);
    }
}
