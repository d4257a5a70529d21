using System.Globalization;
using MathNet.Numerics;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Change;

/// <summary>Standardised effect sizes: Cohen's d, Hedges' g, and the repeated-measures d_z, d_av and d_rm.</summary>
/// <remarks>
/// <para>Cohen's d (independent groups) = (M₁ − M₂)/s_p with the pooled SD s_p = √(((n₁−1)s₁² + (n₂−1)s₂²)/(n₁+n₂−2))
/// (Cohen 1988). Hedges' g = J·d with df = n₁+n₂−2 (Hedges 1981; see <see cref="HedgesCorrection"/>). Repeated measures:
/// Lakens (2013), "Calculating and reporting effect sizes to facilitate cumulative science", Frontiers in Psychology 4:863,
/// doi:10.3389/fpsyg.2013.00863. Sample SDs use n − 1.</para>
/// <para>Input policy: summary statistics that make a d undefined (a pooled SD of 0, n below 2) are programmer errors and
/// throw <see cref="ArgumentException"/> naming the argument and value. Any finite scores are accepted: sums are taken on
/// scores scaled by a power of two (exact), so ±1e308 does not overflow, and n up to <see cref="int.MaxValue"/> is counted in
/// double; a d or a score-unit member whose true value lies beyond double's range throws (never a NaN or ∞). The
/// correlation r is clamped to [−1, 1] against rounding (post = a·pre gave r = 1.0000000000000002 and d_rm = NaN).</para>
/// </remarks>
public static class EffectSize
{
    /// <summary>Cohen's d from group summaries: (M₁ − M₂) / pooled SD.</summary>
    /// <param name="mean1">Mean of group 1.</param>
    /// <param name="sd1">Sample SD of group 1 (n − 1), at least 0.</param>
    /// <param name="n1">Size of group 1, at least 2.</param>
    /// <param name="mean2">Mean of group 2.</param>
    /// <param name="sd2">Sample SD of group 2 (n − 1), at least 0.</param>
    /// <param name="n2">Size of group 2, at least 2.</param>
    /// <returns>d (unitless); positive when group 1 is higher.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A mean or SD is not finite, an SD negative, an n below 2, both SDs are 0, or d
    /// itself is beyond double's range (e.g. means ±1e308 with an SD of 1; the exception names <paramref name="mean1"/>).</exception>
    public static double CohensD(double mean1, double sd1, int n1, double mean2, double sd2, int n2)
    {
        Guard.Finite(mean1);
        Guard.Finite(mean2);
        var pooled = PooledStandardDeviation(sd1, n1, sd2, n2);
        if (pooled == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sd1), sd1, "sd1 and sd2 are both 0: the pooled SD is 0 and d is undefined.");
        }

        var d = (mean1 / pooled) - (mean2 / pooled);
        if (!double.IsFinite(d))
        {
            throw new ArgumentOutOfRangeException(
                nameof(mean1),
                mean1,
                string.Create(CultureInfo.InvariantCulture, $"(mean1 − mean2) / pooled SD = ({mean1} − {mean2}) / {pooled} is beyond the range of double-precision numbers."));
        }

        return d;
    }

    /// <summary>Cohen's d from raw scores of two independent groups (sample SDs, n − 1).</summary>
    /// <param name="group1">Scores of group 1, at least 2, finite.</param>
    /// <param name="group2">Scores of group 2, at least 2, finite.</param>
    /// <returns>d (unitless); positive when group 1 is higher.</returns>
    /// <exception cref="ArgumentException">A group has fewer than 2 scores or a non-finite one, or both groups are constant.</exception>
    public static double CohensD(ReadOnlySpan<double> group1, ReadOnlySpan<double> group2)
    {
        var (m1, s1) = MeanSd(group1, nameof(group1));
        var (m2, s2) = MeanSd(group2, nameof(group2));
        return CohensD(m1, s1, group1.Length, m2, s2, group2.Length);
    }

    /// <summary>Hedges' g = J · d from group summaries.</summary>
    /// <param name="mean1">Mean of group 1.</param>
    /// <param name="sd1">Sample SD of group 1.</param>
    /// <param name="n1">Size of group 1, at least 2.</param>
    /// <param name="mean2">Mean of group 2.</param>
    /// <param name="sd2">Sample SD of group 2.</param>
    /// <param name="n2">Size of group 2, at least 2.</param>
    /// <param name="correction">Exact or approximate J.</param>
    /// <returns>g (unitless).</returns>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="CohensD(double, double, int, double, double, int)"/>, or <paramref name="correction"/> is not defined.</exception>
    public static double HedgesG(double mean1, double sd1, int n1, double mean2, double sd2, int n2, HedgesCorrection correction)
    {
        var d = CohensD(mean1, sd1, n1, mean2, sd2, n2);
        var df = (long)n1 + n2 - 2; // beyond int.MaxValue J is 1 to double precision (1 − 3/(4·df − 1) with df > 2^31)
        return (df > int.MaxValue ? 1 : HedgesCorrectionFactor((int)df, correction)) * d;
    }

    /// <summary>The correction factor J for df degrees of freedom. Takes df, not a group size: for two groups use <see cref="HedgesCorrectionFactor(int, int, HedgesCorrection)"/>, which forms df = n₁ + n₂ − 2 itself.</summary>
    /// <param name="degreesOfFreedom">df = n₁ + n₂ − 2 (not n₁ + n₂), at least 2.</param>
    /// <param name="correction">Exact Γ-ratio or the approximation 1 − 3/(4·df − 1) (= 1 − 3/(4(n₁+n₂) − 9)).</param>
    /// <returns>J, in (0, 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degreesOfFreedom"/> is below 2 or <paramref name="correction"/> is not defined.</exception>
    public static double HedgesCorrectionFactor(int degreesOfFreedom, HedgesCorrection correction)
    {
        Guard.InRange(degreesOfFreedom, 2, int.MaxValue);
        Guard.Defined(correction);
        double df = degreesOfFreedom;
        return correction == HedgesCorrection.Approximate
            ? 1 - (3 / ((4 * df) - 1))
            : Math.Exp(SpecialFunctions.GammaLn(df / 2) - SpecialFunctions.GammaLn((df - 1) / 2)) / Math.Sqrt(df / 2);
    }

    /// <summary>The pooled standard deviation of two groups: s_p = √(((n₁−1)s₁² + (n₂−1)s₂²)/(n₁+n₂−2)) (Cohen 1988), the denominator of Cohen's d and of Student's t.</summary>
    /// <param name="sd1">Sample SD of group 1 (n − 1), finite, at least 0.</param>
    /// <param name="n1">Size of group 1, at least 2.</param>
    /// <param name="sd2">Sample SD of group 2 (n − 1), finite, at least 0.</param>
    /// <param name="n2">Size of group 2, at least 2.</param>
    /// <returns>s_p in score units (0 when both groups are constant).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An SD is negative or not finite, or an n is below 2.</exception>
    public static double PooledStandardDeviation(double sd1, int n1, double sd2, int n2)
    {
        Guard.Finite(sd1);
        Guard.Finite(sd2);
        Guard.NonNegative(sd1);
        Guard.NonNegative(sd2);
        Guard.InRange(n1, 2, int.MaxValue);
        Guard.InRange(n2, 2, int.MaxValue);

        // Scale by the larger SD first so that squaring an extreme SD cannot overflow.
        var scale = Math.Max(sd1, sd2);
        if (scale == 0)
        {
            return 0;
        }

        double r1 = sd1 / scale, r2 = sd2 / scale;
        return scale * Math.Sqrt((((n1 - 1.0) * r1 * r1) + ((n2 - 1.0) * r2 * r2)) / ((double)n1 + n2 - 2));
    }

    /// <summary>The pooled standard deviation of two groups of raw scores (sample SDs, n − 1; see <see cref="PooledStandardDeviation(double, int, double, int)"/>).</summary>
    /// <param name="group1">Scores of group 1, at least 2, finite.</param>
    /// <param name="group2">Scores of group 2, at least 2, finite.</param>
    /// <returns>s_p in score units.</returns>
    /// <exception cref="ArgumentException">A group has fewer than 2 scores or a non-finite one.</exception>
    public static double PooledStandardDeviation(ReadOnlySpan<double> group1, ReadOnlySpan<double> group2)
    {
        var (_, s1) = MeanSd(group1, nameof(group1));
        var (_, s2) = MeanSd(group2, nameof(group2));
        return PooledStandardDeviation(s1, group1.Length, s2, group2.Length);
    }

    /// <summary>Hedges' g = J · d from raw scores of two independent groups, df = n₁ + n₂ − 2.</summary>
    /// <param name="group1">Scores of group 1, at least 2, finite.</param>
    /// <param name="group2">Scores of group 2, at least 2, finite.</param>
    /// <param name="correction">Exact or approximate J.</param>
    /// <returns>g (unitless); positive when group 1 is higher.</returns>
    /// <exception cref="ArgumentException">A group has fewer than 2 scores or a non-finite one, or both groups are constant.</exception>
    public static double HedgesG(ReadOnlySpan<double> group1, ReadOnlySpan<double> group2, HedgesCorrection correction) =>
        HedgesCorrectionFactor(group1.Length, group2.Length, correction) * CohensD(group1, group2);

    /// <summary>
    /// The correction factor J of Hedges' g for two groups of sizes n₁ and n₂ (df = n₁ + n₂ − 2 is formed here, so the group
    /// sizes cannot be mistaken for df). Prefer this overload; <see cref="HedgesCorrectionFactor(int, HedgesCorrection)"/> takes df.
    /// </summary>
    /// <param name="n1">Size of group 1, at least 2.</param>
    /// <param name="n2">Size of group 2, at least 2.</param>
    /// <param name="correction">Exact Γ-ratio or the approximation 1 − 3/(4(n₁+n₂) − 9).</param>
    /// <returns>J, in (0, 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An n is below 2.</exception>
    public static double HedgesCorrectionFactor(int n1, int n2, HedgesCorrection correction)
    {
        Guard.InRange(n1, 2, int.MaxValue);
        Guard.InRange(n2, 2, int.MaxValue);
        return HedgesCorrectionFactor((int)Math.Min(int.MaxValue, (long)n1 + n2 - 2), correction);
    }

    /// <summary>Repeated-measures effect sizes d_z, d_av and d_rm (Lakens 2013) from paired scores.</summary>
    /// <param name="pre">Scores before, finite.</param>
    /// <param name="post">Scores after, paired with <paramref name="pre"/>, finite.</param>
    /// <returns>The three d's and their statistics; differences are post − pre.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, hold fewer than 3 pairs or a non-finite score, the differences are all equal (SD_diff = 0), or a side is constant.</exception>
    public static RepeatedMeasuresEffectSizes RepeatedMeasures(ReadOnlySpan<double> pre, ReadOnlySpan<double> post)
    {
        if (pre.Length != post.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"post has {post.Length} scores but pre has {pre.Length}; they must be paired."), nameof(post));
        }

        if (pre.Length < 3)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"pre has {pre.Length} pairs; repeated-measures effect sizes need at least 3."), nameof(pre));
        }

        CheckScores(pre, nameof(pre));
        CheckScores(post, nameof(post));

        // The d's are scale-free: compute on the scores divided by a power of two (exact) that brings the largest |score|
        // below 2, so no sum or square overflows for any finite scores; the score-unit members are scaled back.
        var e = Math.Max(BinaryScale.Magnitude(pre), BinaryScale.Magnitude(post));
        var n = pre.Length;
        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = Math.ScaleB(pre[i], -e);
            y[i] = Math.ScaleB(post[i], -e);
        }

        var (mPre, sPre) = MeanSd(x);
        var (mPost, sPost) = MeanSd(y);
        if (sPre == 0 || sPost == 0)
        {
            throw new ArgumentException("pre or post is constant: the correlation, d_av and d_rm are undefined.", sPre == 0 ? nameof(pre) : nameof(post));
        }

        double sumDiff = 0, cross = 0;
        for (var i = 0; i < n; i++)
        {
            sumDiff += y[i] - x[i];
            cross += (x[i] - mPre) * (y[i] - mPost);
        }

        var mDiff = sumDiff / n;
        double ssDiff = 0;
        for (var i = 0; i < n; i++)
        {
            var d = y[i] - x[i] - mDiff;
            ssDiff += d * d;
        }

        var sDiff = Math.Sqrt(ssDiff / (n - 1));
        if (sDiff == 0)
        {
            throw new ArgumentException("Every post − pre difference is equal: SD_diff is 0 and d_z is undefined.", nameof(post));
        }

        // r is clamped to [−1, 1]: for post = a·pre rounding gives 1.0000000000000002, and √(2(1 − r)) was NaN.
        var r = Math.Clamp(cross / (n - 1) / (sPre * sPost), -1, 1);
        var dz = mDiff / sDiff;
        var dav = mDiff / ((sPre + sPost) / 2);
        // √(SD_pre² + SD_post² − 2·r·SD_pre·SD_post) is SD_diff computed from the summaries; rounding can take the radicand below 0.
        var drm = mDiff / Math.Sqrt(Math.Max(0, (sPre * sPre) + (sPost * sPost) - (2 * r * sPre * sPost))) * Math.Sqrt(2 * (1 - r));
        if (!double.IsFinite(drm))
        {
            drm = dz * Math.Sqrt(2 * (1 - r)); // the radicand rounded to 0 (r = 1 within rounding): use SD_diff itself
        }

        var result = new RepeatedMeasuresEffectSizes(
            n, Math.ScaleB(mDiff, e), Math.ScaleB(sDiff, e), Math.ScaleB(sPre, e), Math.ScaleB(sPost, e), r, dz, dav, drm);
        if (!double.IsFinite(result.MeanDifference) || !double.IsFinite(result.StandardDeviationOfDifference))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The mean or SD of post − pre ({result.MeanDifference}, {result.StandardDeviationOfDifference}) is beyond the range of double-precision numbers."),
                nameof(post));
        }

        return result;
    }

    /// <summary>Mean and sample SD of scores checked with <see cref="CheckScores"/>, scaled as in <see cref="RepeatedMeasures"/>.</summary>
    private static (double Mean, double Sd) MeanSd(ReadOnlySpan<double> x)
    {
        var (mean, ss) = SampleMoments.Of(x);
        return (mean, Math.Sqrt(ss / (x.Length - 1)));
    }

    /// <summary>Mean and sample SD of raw scores (at least 2, finite), computed on the scores scaled by a power of two and scaled back.</summary>
    internal static (double Mean, double Sd) MeanSd(ReadOnlySpan<double> x, string name)
    {
        CheckScores(x, name);
        var e = BinaryScale.Magnitude(x);
        var scaled = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            scaled[i] = Math.ScaleB(x[i], -e);
        }

        var (mean, sd) = MeanSd(scaled);
        return (Math.ScaleB(mean, e), Math.ScaleB(sd, e));
    }

    private static void CheckScores(ReadOnlySpan<double> x, string name)
    {
        if (x.Length < 2)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} has {x.Length} scores; at least 2 are needed."), name);
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsFinite(x[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name}[{i}] was {x[i]}; scores must be finite."), name);
            }
        }
    }
}
