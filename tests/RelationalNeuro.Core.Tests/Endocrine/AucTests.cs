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
        Assert.Equal(34.75, auc.Ground!.Value, Tol);
        Assert.Equal(20.75, auc.Increase!.Value, Tol);
        Assert.Empty(auc.Problems);
        Assert.Equal(10.5, Auc.MaxIncrease(t, v).Value!.Value, Tol);
    }

    // TV2 ✔ BioPsyKit: same values, unequal spacing.
    [Fact]
    public void Compute_UnequalIntervals_TV2()
    {
        var auc = Auc.Compute([0, 10, 15, 30, 45], [3.5, 7, 14, 7, 10]);
        Assert.Equal(390, auc.Ground!.Value, Tol);
        Assert.Equal(232.5, auc.Increase!.Value, Tol);
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
        Assert.Equal(aucG, auc.Ground!.Value, Tol);
        Assert.Equal(aucI, auc.Increase!.Value, Tol);
        Assert.Equal(aucIPost, Auc.ComputeAfter(t, v).Increase!.Value, Tol);
        Assert.Equal(slope, Auc.Slope(t, v, 0, 4).Value!.Value, Tol);
        Assert.Equal(maxInc, Auc.MaxIncrease(t, v).Value!.Value, Tol);
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
        Assert.Equal(aucG, auc.Ground!.Value, Tol);
        Assert.Equal(aucI, auc.Increase!.Value, Tol);
    }

    [Fact]
    public void ComputeAfter_FewerThanTwoPostSamples_IsNullWithProblem()
    {
        var post = Auc.ComputeAfter([-20, -10, 5], [1, 2, 3], onset: 0);
        Assert.Null(post.Increase);
        Assert.Null(post.Ground);
        Assert.Equal("endocrine.too-few-samples", Assert.Single(post.Problems).Code);
    }

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
                return Math.Abs(auc.Ground!.Value - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected)) && Math.Abs(auc.Increase!.Value) <= 1e-9 * Math.Max(1, Math.Abs(expected));
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
                var viaShift = Auc.Compute(x.t, shifted).Ground!.Value;
                return Math.Abs(Auc.Compute(x.t, x.v).Increase!.Value - viaShift) <= 1e-8 * Math.Max(1, Math.Abs(viaShift));
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

    // Error model (docs/endocrine.md): data problems come back in the result, as in the cortisol profile analyses.
    [Fact]
    public void Compute_OneSample_ReportsTooFewSamples()
    {
        double[] nmol = [5];
        var auc = Auc.Compute([0], nmol);
        Assert.Null(auc.Ground);
        Assert.Null(auc.Increase);
        var problem = Assert.Single(auc.Problems);
        Assert.Equal("endocrine.too-few-samples", problem.Code);
        Assert.Contains("at least 2", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new double[] { 0, 30, 15 }, "endocrine.times-not-increasing", "S2")]
    [InlineData(new double[] { 0, 15, 15 }, "endocrine.times-not-increasing", "S2")]
    [InlineData(new double[] { 0, double.NaN, 30 }, "endocrine.invalid-time", "S1")]
    public void Compute_BadTimes_ReportsNamingTheSample(double[] minutes, string code, string location)
    {
        var auc = Auc.Compute(minutes, [1, 2, 3]);
        Assert.Null(auc.Ground);
        var problem = Assert.Single(auc.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(location, problem.Location);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
    }

    [Fact]
    public void Compute_NaNValue_RejectReportsMissingSampleAndGivesNull()
    {
        double[] nmol = [2, double.NaN, 8, 4, 6];
        var auc = Auc.Compute([-10, 0, 10, 20, 30], nmol);
        Assert.Null(auc.Ground);
        Assert.Null(auc.Increase);
        Assert.Equal(["endocrine.missing-value", "endocrine.metric-unavailable"], auc.Problems.Select(p => p.Code));
        Assert.Equal("S1", auc.Problems[0].Location);
        Assert.Equal("2 problems (endocrine.missing-value, endocrine.metric-unavailable)", auc.Problems.ToString());
        Assert.Contains("Problems = 2 problems (endocrine.missing-value, endocrine.metric-unavailable)", auc.ToString(), StringComparison.Ordinal);
    }

    // Omit: the trapezoid across the gap equals linear interpolation of the missing value. Times -10..30 with
    // values 2, ·, 8, 4, 6: AUCg = (2+8)/2·20 + (8+4)/2·10 + (4+6)/2·10 = 100 + 60 + 50 = 210; AUCi = 210 − 2·40 = 130.
    [Fact]
    public void Compute_NaNValue_OmitTrapezoidAcrossGapWithWarning()
    {
        double[] nmol = [2, double.NaN, 8, 4, 6];
        var auc = Auc.Compute([-10, 0, 10, 20, 30], nmol, MissingValuePolicy.Omit);
        Assert.Equal(210, auc.Ground!.Value, Tol);
        Assert.Equal(130, auc.Increase!.Value, Tol);
        Assert.Equal(["endocrine.missing-value", "endocrine.missing-omitted"], auc.Problems.Select(p => p.Code));
        Assert.Equal(ProblemSeverity.Warning, auc.Problems[1].Severity);
    }

    [Fact]
    public void Compute_InfiniteValue_ReportedAsInvalidValue()
    {
        double[] values = [1, double.PositiveInfinity, 3];
        var auc = Auc.Compute([0, 1, 2], values);
        Assert.Null(auc.Ground);
        Assert.Equal("endocrine.invalid-value", auc.Problems[0].Code);
        Assert.Equal("S1", auc.Problems[0].Location);
    }

    // Negative values are valid here (baseline-corrected data); the cortisol analyses reject them as concentrations.
    [Fact]
    public void Compute_NegativeValues_Accepted()
    {
        var auc = Auc.Compute([0, 10], [-2, 4]);
        Assert.Equal(10, auc.Ground!.Value, Tol);
        Assert.Empty(auc.Problems);
    }

    [Fact]
    public void MaxIncrease_MissingBaseline_NullWithProblem()
    {
        double[] values = [double.NaN, 4, 6];
        var change = Auc.MaxIncrease([0, 10, 20], values, MissingValuePolicy.Omit);
        Assert.Null(change.Value);
        Assert.Equal(["endocrine.missing-value", "endocrine.metric-unavailable"], change.Problems.Select(p => p.Code));
    }

    // Omit leaves the missing later sample out: max(4, 3) − 2 = 2.
    [Fact]
    public void MaxIncrease_MissingLaterSample_RejectNullOmitMaxOfPresent()
    {
        double[] values = [2, 4, double.NaN, 3];
        double[] t = [0, 10, 20, 30];
        Assert.Null(Auc.MaxIncrease(t, values).Value);
        var omitted = Auc.MaxIncrease(t, values, MissingValuePolicy.Omit);
        Assert.Equal(2, omitted.Value!.Value, Tol);
        Assert.Equal("endocrine.missing-omitted", omitted.Problems[^1].Code);
    }

    [Fact]
    public void Slope_MissingEndpoint_NullWithProblem()
    {
        double[] values = [1, double.NaN, 3];
        var slope = Auc.Slope([0, 1, 2], values, 0, 1);
        Assert.Null(slope.Value);
        Assert.Equal("endocrine.metric-unavailable", slope.Problems[^1].Code);
        Assert.Equal(1, Auc.Slope([0, 1, 2], values, 0, 2).Value!.Value, Tol);
    }

    [Fact]
    public void Slope_SameIndex_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Auc.Slope([0, 1], [1, 2], 1, 1));

    [Fact]
    public void ComputeAfter_NaNOnset_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Auc.ComputeAfter([0, 1], [1, 2], double.NaN));
}
