using RelationalNeuro.Change;

namespace RelationalNeuro.Core.Tests.Change;

public class EffectSizeTests
{
    private const double Tol = 1e-6;

    // TV12 ✔ SciPy (research file §10): M 20 vs 15, SD 5 vs 6, n 30/30.
    [Fact]
    public void CohensD_And_HedgesG_TV12()
    {
        Assert.Equal(0.905357, EffectSize.CohensD(20, 5, 30, 15, 6, 30), Tol);
        Assert.Equal(0.987013, EffectSize.HedgesCorrectionFactor(58, HedgesCorrection.Approximate), Tol);
        Assert.Equal(0.987004, EffectSize.HedgesCorrectionFactor(58, HedgesCorrection.Exact), Tol);
        Assert.Equal(0.893600, EffectSize.HedgesG(20, 5, 30, 15, 6, 30, HedgesCorrection.Approximate), Tol);
        Assert.Equal(0.893591, EffectSize.HedgesG(20, 5, 30, 15, 6, 30, HedgesCorrection.Exact), Tol);
    }

    // Analytic: groups {1,2,3} and {4,5,6} have means 2 and 5, SD 1 each → d = −3; exact J(df 4) = Γ(2)/(√2·Γ(1.5)) = 2/√(2π) = 0.797885.
    [Fact]
    public void CohensD_RawScores_Analytic()
    {
        Assert.Equal(-3, EffectSize.CohensD([1, 2, 3], [4, 5, 6]), 12);
        Assert.Equal(2 / Math.Sqrt(2 * Math.PI), EffectSize.HedgesCorrectionFactor(4, HedgesCorrection.Exact), 12);
    }

    // TV13 ✔ SciPy (paired, research file §10; formulas of Lakens 2013).
    [Fact]
    public void RepeatedMeasures_TV13()
    {
        var r = EffectSize.RepeatedMeasures([28, 24, 31, 22, 26, 30, 25, 27], [22, 21, 24, 20, 23, 24, 22, 21]);
        Assert.Equal(8, r.Count);
        Assert.Equal(-4.5, r.MeanDifference, Tol);
        Assert.Equal(1.927248, r.StandardDeviationOfDifference, Tol);
        Assert.Equal(3.020761, r.StandardDeviationPre, Tol);
        Assert.Equal(1.457738, r.StandardDeviationPost, Tol);
        Assert.Equal(0.855655, r.Correlation, Tol);
        Assert.Equal(-2.334935, r.Dz, Tol);
        Assert.Equal(-6.604194 / Math.Sqrt(8), r.Dz, Tol);
        Assert.Equal(-2.009602, r.Dav, Tol);
        Assert.Equal(-1.254559, r.Drm, Tol);
    }

    [Fact]
    public void RepeatedMeasures_MismatchedLengths_ThrowsNamingPost() =>
        Assert.Equal("post", Assert.Throws<ArgumentException>(() => EffectSize.RepeatedMeasures([1, 2, 3], [1, 2])).ParamName);

    [Fact]
    public void RepeatedMeasures_ConstantDifference_Throws() =>
        Assert.Contains("SD_diff", Assert.Throws<ArgumentException>(() => EffectSize.RepeatedMeasures([1, 2, 3, 4], [2, 3, 4, 5])).Message, StringComparison.Ordinal);

    [Fact]
    public void RepeatedMeasures_NaN_ThrowsNamingIndex() =>
        Assert.Contains("pre[1] was NaN", Assert.Throws<ArgumentException>(() => EffectSize.RepeatedMeasures([1, double.NaN, 3], [2, 3, 5])).Message, StringComparison.Ordinal);

    [Fact]
    public void CohensD_BothSdZero_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EffectSize.CohensD(1, 0, 5, 2, 0, 5));

    [Fact]
    public void CohensD_GroupOfOne_ThrowsNamingIt() =>
        Assert.Equal("n2", Assert.Throws<ArgumentOutOfRangeException>(() => EffectSize.CohensD(1, 1, 5, 2, 1, 1)).ParamName);

    // TV12 ✔ SciPy: s_p = √30.5 = 5.522681; the group-size overload of J equals the df overload at df = 58.
    [Fact]
    public void PooledStandardDeviation_And_GroupSizeCorrection_TV12()
    {
        Assert.Equal(5.522681, EffectSize.PooledStandardDeviation(5, 30, 6, 30), Tol);
        Assert.Equal(0.987013, EffectSize.HedgesCorrectionFactor(30, 30, HedgesCorrection.Approximate), Tol);
        Assert.Equal(0.987004, EffectSize.HedgesCorrectionFactor(30, 30, HedgesCorrection.Exact), Tol);
    }

    // Analytic: {1,2,3} vs {4,5,6}: s_p = 1, d = −3, df 4; exact J = 2/√(2π) → g = −6/√(2π); approximate J = 1 − 3/(4·6 − 9) = 0.8 → g = −2.4.
    [Fact]
    public void HedgesG_RawScores_Analytic()
    {
        Assert.Equal(1, EffectSize.PooledStandardDeviation([1, 2, 3], [4, 5, 6]), 12);
        Assert.Equal(-6 / Math.Sqrt(2 * Math.PI), EffectSize.HedgesG([1, 2, 3], [4, 5, 6], HedgesCorrection.Exact), 12);
        Assert.Equal(-2.4, EffectSize.HedgesG([1, 2, 3], [4, 5, 6], HedgesCorrection.Approximate), 12);
        Assert.Equal(Math.Sqrt(2), EffectSize.PooledStandardDeviation(2, 5, 0, 5), 12); // √((4·2² + 4·0²)/8)
    }

    // docs/change.md: passing n₁ + n₂ = 20 as df instead of 18 overstates J by 0.0043 (exact J 0.957646 vs 0.961945,
    // Γ-ratio evaluated independently with Python's math.lgamma).
    [Fact]
    public void HedgesCorrectionFactor_GroupSizesVersusDfSlip()
    {
        Assert.Equal(0.957646, EffectSize.HedgesCorrectionFactor(10, 10, HedgesCorrection.Exact), 6);
        Assert.Equal(0.961945, EffectSize.HedgesCorrectionFactor(20, HedgesCorrection.Exact), 6);
    }
}
