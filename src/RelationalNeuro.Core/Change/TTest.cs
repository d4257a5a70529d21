using System.Globalization;
using MathNet.Numerics.Distributions;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Change;

/// <summary>Two-sided t tests: independent samples (Student or Welch) and paired samples, with df, p and a confidence interval.</summary>
/// <remarks>
/// <para>Independent samples, group 1 minus group 2, sample SDs (n − 1):
/// Student: s_p² = ((n₁−1)s₁² + (n₂−1)s₂²)/(n₁+n₂−2), SE = s_p·√(1/n₁ + 1/n₂), df = n₁+n₂−2 (Student 1908).
/// Welch: SE = √(s₁²/n₁ + s₂²/n₂), df = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1)) (Welch 1947,
/// Biometrika 34:28–35; Satterthwaite 1946). Paired: the one-sample test of dᵢ = postᵢ − preᵢ, SE = SD_d/√n, df = n − 1.
/// t = difference/SE; two-sided p = 2·F(−|t|; df) with the Student-t CDF of MathNet.Numerics, the interval
/// difference ± t(1 − α/2, df)·SE with its quantile (<see cref="Quantile"/>). These are the definitions of R <c>t.test</c> and
/// SciPy <c>ttest_ind</c>/<c>ttest_rel</c>; tested against R's <c>sleep</c> example (Student 1908's data) and the research
/// file's SciPy vector TV13.</para>
/// <para>Input policy: fewer than 2 scores in a group (2 pairs), a non-finite score or paired spans of different lengths are
/// programmer errors and throw <see cref="ArgumentException"/> naming the argument; constant data (standard error 0) is a data
/// problem: t, p and the interval are null with the problem <c>change.zero-variance</c>.</para>
/// </remarks>
public static class TTest
{
    /// <summary>Independent-samples t test from raw scores.</summary>
    /// <param name="group1">Scores of group 1, at least 2, finite.</param>
    /// <param name="group2">Scores of group 2, at least 2, finite.</param>
    /// <param name="kind"><see cref="TTestKind.Welch"/> (unequal variances, R's default) or <see cref="TTestKind.Student"/> (pooled).</param>
    /// <param name="confidenceLevel">Level of the interval of M₁ − M₂, in (0, 1); default 0.95.</param>
    /// <returns>t, df, two-sided p and the interval of M₁ − M₂.</returns>
    /// <exception cref="ArgumentException">A group has fewer than 2 scores or a non-finite one; <paramref name="kind"/> is <see cref="TTestKind.Paired"/> (use <see cref="Paired"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is outside (0, 1).</exception>
    public static TTestResult Independent(ReadOnlySpan<double> group1, ReadOnlySpan<double> group2, TTestKind kind = TTestKind.Welch, double confidenceLevel = 0.95)
    {
        var (m1, s1) = EffectSize.MeanSd(group1, nameof(group1));
        var (m2, s2) = EffectSize.MeanSd(group2, nameof(group2));
        if (!double.IsFinite(s1) || !double.IsFinite(s2))
        {
            var name = double.IsFinite(s1) ? nameof(group2) : nameof(group1);
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The SD of {name} exceeds the range of double-precision numbers (scores near ±1e308)."), name);
        }

        return FromSummaries(m1, s1, group1.Length, m2, s2, group2.Length, kind, confidenceLevel);
    }

    /// <summary>Independent-samples t test from group summaries (means, sample SDs with n − 1, sizes), as reported in papers.</summary>
    /// <param name="mean1">Mean of group 1, finite.</param>
    /// <param name="sd1">Sample SD of group 1 (n − 1), at least 0.</param>
    /// <param name="n1">Size of group 1, at least 2.</param>
    /// <param name="mean2">Mean of group 2, finite.</param>
    /// <param name="sd2">Sample SD of group 2 (n − 1), at least 0.</param>
    /// <param name="n2">Size of group 2, at least 2.</param>
    /// <param name="kind"><see cref="TTestKind.Welch"/> or <see cref="TTestKind.Student"/>.</param>
    /// <param name="confidenceLevel">Level of the interval, in (0, 1), e.g. 0.95.</param>
    /// <returns>t, df, two-sided p and the interval of M₁ − M₂.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A mean or SD is not finite, an SD is negative, an n is below 2, or <paramref name="confidenceLevel"/> is outside (0, 1).</exception>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is <see cref="TTestKind.Paired"/>.</exception>
    public static TTestResult FromSummaries(double mean1, double sd1, int n1, double mean2, double sd2, int n2, TTestKind kind, double confidenceLevel)
    {
        Guard.Finite(mean1);
        Guard.Finite(mean2);
        var pooled = EffectSize.PooledStandardDeviation(sd1, n1, sd2, n2); // also the guards of the SDs and sizes
        CheckLevel(confidenceLevel);
        double se, df;
        if (kind == TTestKind.Student)
        {
            df = (double)n1 + n2 - 2;
            se = pooled * Math.Sqrt((1.0 / n1) + (1.0 / n2));
        }
        else if (kind == TTestKind.Welch)
        {
            // In units of the larger SD's power of two (exact; the same doubles for ordinary SDs): the squares and the
            // fourth powers of df's denominator overflow or underflow for SDs near 1e154 or 1e-154 and beyond.
            var e = Math.ILogB(Math.Max(Math.Max(sd1, sd2), double.Epsilon));
            double a = Math.ScaleB(sd1, -e), b = Math.ScaleB(sd2, -e);
            var v1 = a * a / n1;
            var v2 = b * b / n2;
            se = Math.ScaleB(Math.Sqrt(v1 + v2), e);
            df = (v1 + v2) * (v1 + v2) / ((v1 * v1 / (n1 - 1)) + (v2 * v2 / (n2 - 1)));
        }
        else
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"kind was {kind}; independent samples take Welch or Student; use TTest.Paired for paired samples."), nameof(kind));
        }

        var difference = mean1 - mean2;
        if (!double.IsFinite(difference))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"mean1 − mean2 = {mean1} − {mean2} exceeds the range of double-precision numbers."), nameof(mean2));
        }

        if (!double.IsFinite(se))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The standard error of the difference (SDs {sd1} and {sd2}) exceeds the range of double-precision numbers."), nameof(sd1));
        }

        return Finish(kind, difference, se, df, confidenceLevel, n1, n2);
    }

    /// <summary>Paired t test of post − pre.</summary>
    /// <param name="pre">Scores before, at least 2, finite.</param>
    /// <param name="post">Scores after, paired with <paramref name="pre"/>, finite.</param>
    /// <param name="confidenceLevel">Level of the interval of the mean difference, in (0, 1); default 0.95.</param>
    /// <returns>t, df = n − 1, two-sided p and the interval of mean(post − pre).</returns>
    /// <exception cref="ArgumentException">The spans differ in length, hold fewer than 2 pairs or a non-finite score.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is outside (0, 1).</exception>
    public static TTestResult Paired(ReadOnlySpan<double> pre, ReadOnlySpan<double> post, double confidenceLevel = 0.95)
    {
        if (pre.Length != post.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"post has {post.Length} scores but pre has {pre.Length}; they must be paired."), nameof(post));
        }

        CheckLevel(confidenceLevel);
        EffectSize.MeanSd(pre, nameof(pre));
        EffectSize.MeanSd(post, nameof(post));
        var n = pre.Length;
        Span<double> diff = n <= 256 ? stackalloc double[n] : new double[n];
        for (var i = 0; i < n; i++)
        {
            diff[i] = post[i] - pre[i];
            if (!double.IsFinite(diff[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"post[{i}] − pre[{i}] = {post[i]} − {pre[i]} exceeds the range of double-precision numbers."), nameof(post));
            }
        }

        // In units of the largest difference's power of two (exact), so that the sum of squares cannot overflow.
        var e = BinaryScale.Magnitude(diff);
        var (scaledMean, ss) = SampleMoments.OfScaled(diff, e);
        var se = Math.ScaleB(Math.Sqrt(ss / (n - 1)) / Math.Sqrt(n), e);
        if (!double.IsFinite(se))
        {
            throw new ArgumentException("The standard error of post − pre exceeds the range of double-precision numbers.", nameof(post));
        }

        return Finish(TTestKind.Paired, Math.ScaleB(scaledMean, e), se, n - 1, confidenceLevel, n, n);
    }

    /// <summary>The Student-t quantile t(p, df): the value below which a fraction <paramref name="probability"/> of the t distribution with <paramref name="degreesOfFreedom"/> lies (MathNet.Numerics <c>StudentT.InvCDF</c>; R <c>qt</c>, SciPy <c>t.ppf</c>).</summary>
    /// <param name="probability">Probability in (0, 1), e.g. 0.975 for a two-sided 95 % interval.</param>
    /// <param name="degreesOfFreedom">Degrees of freedom, greater than 0 (need not be an integer).</param>
    /// <returns>The quantile (unitless).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside (0, 1) or <paramref name="degreesOfFreedom"/> is not positive and finite.</exception>
    public static double Quantile(double probability, double degreesOfFreedom)
    {
        CheckOpenUnit(probability, nameof(probability));
        Guard.Finite(degreesOfFreedom);
        Guard.Positive(degreesOfFreedom);
        return InverseCdf(degreesOfFreedom, probability)
            ?? throw new ArgumentOutOfRangeException(
                nameof(degreesOfFreedom),
                degreesOfFreedom,
                string.Create(CultureInfo.InvariantCulture, $"The t quantile for probability {probability} at {degreesOfFreedom} degrees of freedom cannot be computed (it is beyond the double range, or MathNet's inverse did not converge)."));
    }

    /// <summary>MathNet's Student-t inverse CDF, or null where it does not converge or its answer is not finite (tiny df, p near 0 or 1).</summary>
    private static double? InverseCdf(double degreesOfFreedom, double probability)
    {
        try
        {
            var q = StudentT.InvCDF(0, 1, degreesOfFreedom, probability);
            return double.IsFinite(q) ? q : null;
        }
        catch (Exception exception) when (exception is MathNet.Numerics.NonConvergenceException or ArithmeticException)
        {
            return null; // MathNet's Brent search meets NaN for extreme df (its Math.Sign throws ArithmeticException)
        }
    }

    private static TTestResult Finish(TTestKind kind, double difference, double se, double df, double level, int n1, int n2)
    {
        var problems = new ProblemCollector();
        double? validDf = double.IsFinite(df) && df > 0 ? df : null;
        double? critical = validDf is { } v ? InverseCdf(v, 1 - ((1 - level) / 2)) : null;
        if (!(se > 0) || validDf is null)
        {
            problems.Error("change.zero-variance", "The standard error of the difference is 0 (constant scores): t, p and the interval are undefined.", "T");
            return new TTestResult(kind, difference, 0, null, validDf, null, level, critical, null, null, n1, n2, problems.ToList());
        }

        var t = difference / se;
        if (!double.IsFinite(t))
        {
            problems.Error("change.zero-variance", "The standard error is too small for a finite t (scores constant to rounding): t, p and the interval are undefined.", "T");
            return new TTestResult(kind, difference, se, null, validDf, null, level, critical, null, null, n1, n2, problems.ToList());
        }

        var p = Math.Min(1, 2 * StudentT.CDF(0, 1, validDf.Value, -Math.Abs(t)));
        double? lower = null, upper = null;
        if (critical is { } c && double.IsFinite(difference - (c * se)) && double.IsFinite(difference + (c * se)))
        {
            lower = difference - (c * se);
            upper = difference + (c * se);
        }
        else
        {
            problems.Warning(
                "change.interval-out-of-range",
                string.Create(CultureInfo.InvariantCulture, $"The {level:0.###} confidence interval cannot be given: its t quantile at {validDf.Value:G6} degrees of freedom or its limits lie beyond the double range."),
                "ConfidenceLower");
        }

        return new TTestResult(kind, difference, se, t, validDf, double.IsFinite(p) ? p : null, level, critical, lower, upper, n1, n2, problems.ToList());
    }

    private static void CheckLevel(double confidenceLevel) => CheckOpenUnit(confidenceLevel, nameof(confidenceLevel));

    private static void CheckOpenUnit(double value, string name)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, "must be in (0, 1).");
        }
    }
}
