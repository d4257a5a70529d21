using FsCheck.Fluent;
using RelationalNeuro.Core.Tests.Support;
using RelationalNeuro.Endocrine;

namespace RelationalNeuro.Core.Tests.Endocrine;

public class AucTests
{
    private const double Tol = 1e-9;

    // TV1 ✔ BioPsyKit test_auc_pruessner2003 (research file §7, §10).
    [Fact]
    public void Compute_PruessnerExampleUnitSpacing_TV1()
    {
        double[] t = [1, 2, 3, 4, 5];
        double[] v = [3.5, 7, 14, 7, 10];
        var auc = Auc.Compute(t, v);
        Assert.Equal(34.75, auc.Ground, Tol);
        Assert.Equal(20.75, auc.Increase, Tol);
        Assert.Equal(10.5, Auc.MaxIncrease(t, v), Tol);
        Assert.Equal(34.75, Auc.Ground(t, v), Tol);
        Assert.Equal(20.75, Auc.Increase(t, v), Tol);
    }

    // TV2 ✔ BioPsyKit: same values, unequal spacing.
    [Fact]
    public void Compute_UnequalIntervals_TV2()
    {
        var auc = Auc.Compute([0, 10, 15, 30, 45], [3.5, 7, 14, 7, 10]);
        Assert.Equal(390, auc.Ground, Tol);
        Assert.Equal(232.5, auc.Increase, Tol);
    }

    // BioPsyKit params_auc (times -10..30, remove_s0=False): AUCg, AUCi, AUCi_post; and params_slope S1→S5; params_max_increase.
    [Theory]
    [InlineData(new double[] { 0, 1, 2, 3, 4 }, 80, 80, 45, 0.1, 4)]
    [InlineData(new double[] { 5, 4, 3, 2, 1 }, 120, -80, -45, -0.1, -1)]
    [InlineData(new double[] { 10, 2, 4, 4, 6 }, 180, -220, 60, -0.1, -4)]
    [InlineData(new double[] { -6, 2, 4, 4, 6 }, 100, 340, 60, 0.3, 12)]
    [InlineData(new double[] { 12, -6, 4, 4, 6 }, 110, -370, 260, -0.15, -6)]
    public void Compute_BioPsyKitParamsAuc_MatchesPeer(double[] v, double aucG, double aucI, double aucIPost, double slope, double maxInc)
    {
        double[] t = [-10, 0, 10, 20, 30];
        var auc = Auc.Compute(t, v);
        Assert.Equal(aucG, auc.Ground, Tol);
        Assert.Equal(aucI, auc.Increase, Tol);
        Assert.Equal(aucIPost, Auc.IncreaseAfter(t, v)!.Value, Tol);
        Assert.Equal(slope, Auc.Slope(t, v, 0, 4), Tol);
        Assert.Equal(maxInc, Auc.MaxIncrease(t, v), Tol);
    }

    // BioPsyKit remove_s0=True: the first sample dropped, times [0,10,20,30]; the new first sample is the AUCi baseline.
    [Theory]
    [InlineData(new double[] { 0, 1, 2, 3, 4 }, 75, 45)]
    [InlineData(new double[] { 5, 4, 3, 2, 1 }, 75, -45)]
    [InlineData(new double[] { 10, 2, 4, 4, 6 }, 120, 60)]
    [InlineData(new double[] { 12, -6, 4, 4, 6 }, 80, 260)]
    public void Compute_WithoutS0_NewFirstSampleIsBaseline(double[] v, double aucG, double aucI)
    {
        var auc = Auc.Compute([0, 10, 20, 30], v.AsSpan(1));
        Assert.Equal(aucG, auc.Ground, Tol);
        Assert.Equal(aucI, auc.Increase, Tol);
    }

    [Fact]
    public void IncreaseAfter_FewerThanTwoPostSamples_IsNull() =>
        Assert.Null(Auc.IncreaseAfter([-20, -10, 5], [1, 2, 3], onset: 0));

    // Property: a constant profile has AUCg = value × duration and AUCi = 0 (Pruessner 2003 by construction).
    [Fact]
    public void Compute_ConstantProfile_GroundIsValueTimesDurationAndIncreaseIsZero() =>
        Props.Check(
            from t in Props.IncreasingTimes(2, 12)
            from c in Props.Double(0, 80)
            select (t, c),
            x =>
            {
                var v = Enumerable.Repeat(x.c, x.t.Length).ToArray();
                var auc = Auc.Compute(x.t, v);
                var expected = x.c * (x.t[^1] - x.t[0]);
                return Math.Abs(auc.Ground - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected)) && Math.Abs(auc.Increase) <= 1e-9 * Math.Max(1, Math.Abs(expected));
            });

    // Property: AUCi equals the trapezoid of the baseline-subtracted curve (the second form in Pruessner 2003).
    [Fact]
    public void Increase_EqualsTrapezoidOfBaselineSubtractedCurve() =>
        Props.Check(
            from t in Props.IncreasingTimes(2, 10)
            from v in Gen.ArrayOf(Props.Double(0, 60), t.Length)
            select (t, v),
            x =>
            {
                var shifted = x.v.Select(m => m - x.v[0]).ToArray();
                var viaShift = Auc.Ground(x.t, shifted);
                return Math.Abs(Auc.Increase(x.t, x.v) - viaShift) <= 1e-8 * Math.Max(1, Math.Abs(viaShift));
            });

    [Fact]
    public void Compute_MismatchedLengths_ThrowsNamingTheValuesParameter()
    {
        double[] minutes = [0, 15, 30];
        double[] nmol = [1, 2];
        var ex = Assert.Throws<ArgumentException>(() => Auc.Compute(minutes, nmol));
        Assert.Equal("values", ex.ParamName);
        Assert.Contains("2 values", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_OneSample_ThrowsSayingTwoAreNeeded()
    {
        double[] nmol = [5];
        var ex = Assert.Throws<ArgumentException>(() => Auc.Compute([0], nmol));
        Assert.Contains("at least 2", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new double[] { 0, 30, 15 }, "times[2] was 15")]
    [InlineData(new double[] { 0, 15, 15 }, "times[2] was 15")]
    [InlineData(new double[] { 0, double.NaN, 30 }, "times[1] was NaN")]
    public void Compute_BadTimes_ThrowsNamingIndexAndValue(double[] minutes, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => Auc.Compute(minutes, [1, 2, 3]));
        Assert.Equal("times", ex.ParamName);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_NaNValue_ThrowsNamingIndex()
    {
        double[] nmol = [2, double.NaN, 8, 4, 6];
        var ex = Assert.Throws<ArgumentException>(() => Auc.Compute([-10, 0, 10, 20, 30], nmol));
        Assert.Contains("values[1] was NaN", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Slope_SameIndex_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Auc.Slope([0, 1], [1, 2], 1, 1));
}
