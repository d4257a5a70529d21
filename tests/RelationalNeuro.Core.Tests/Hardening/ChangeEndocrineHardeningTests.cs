using RelationalNeuro.Change;
using RelationalNeuro.Endocrine;

namespace RelationalNeuro.Core.Tests.Hardening;

/// <summary>
/// Regression tests for issue 13, defect 6, outside HRV: each call below returned NaN or ∞ (or threw an untyped
/// exception) before the change and endocrine families got overflow-free arithmetic and checked outputs
/// (docs/reliability.md, "Numeric entry points"). Expected values are analytic.
/// </summary>
public class ChangeEndocrineHardeningTests
{
    [Fact]
    public void CohensD_GroupsOfIntMaxValue_CountsInDouble()
    {
        // Pooled SD of two SD-1 groups is 1, whatever n: d = (0 − 1) / 1. n₁ + n₂ − 2 overflowed int (NaN).
        Assert.Equal(-1.0, EffectSize.CohensD(0, 1, int.MaxValue, 1, 1, int.MaxValue), 12);
        Assert.Equal(-1.0, EffectSize.HedgesG(0, 1, int.MaxValue, 1, 1, int.MaxValue, HedgesCorrection.Exact), 9);
    }

    [Fact]
    public void CohensD_SdsNear1e308_ScalesInsteadOfSquaringToInfinity()
    {
        // Both SDs 1e308: pooled 1e308; d = 1e308 / 1e308 = 1 (the squares overflowed: pooled ∞, d 0).
        Assert.Equal(1.0, EffectSize.CohensD(1e308, 1e308, 10, 0, 1e308, 10), 12);
    }

    [Fact]
    public void CohensD_BeyondDoubleRange_ThrowsNamingTheMean()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => EffectSize.CohensD(1e308, 1e-300, 5, -1e308, 1e-300, 5));
        Assert.Equal("mean1", exception.ParamName);
    }

    [Fact]
    public void RepeatedMeasures_PostAMultipleOfPre_ClampsRAndKeepsDrmFinite()
    {
        // post = a·pre has r = 1 exactly; rounding gave 1.0000000000000002 and d_rm = NaN. With r = 1, d_rm = 0 (√(2(1 − r))).
        var random = new Random(13);
        for (var trial = 0; trial < 500; trial++)
        {
            var n = random.Next(3, 40);
            var a = 0.1 + (random.NextDouble() * 10);
            var pre = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 100).ToArray();
            var post = pre.Select(x => a * x).ToArray();
            var d = EffectSize.RepeatedMeasures(pre, post);
            ResultInspector.AssertFinite(d, $"trial {trial} (n = {n}, a = {a})");
            Assert.InRange(d.Correlation, -1.0, 1.0);
            Assert.True(Math.Abs(d.Drm) < 1e-5, $"d_rm = {d.Drm} (trial {trial}); analytic 0"); // rounding leaves r within ~1e-13 of 1
        }
    }

    [Fact]
    public void RepeatedMeasures_ScoresNear1e308_AreScaledNotOverflowed()
    {
        // Differences 2, 1, 1 (× 1e307): mean 4/3, SD √(1/3), d_z = 4/√3.
        double[] pre = [1e308, 5e307, -1e308];
        double[] post = [1.2e308, 6e307, -9e307];
        var d = EffectSize.RepeatedMeasures(pre, post);
        ResultInspector.AssertFinite(d);
        Assert.Equal(4 / Math.Sqrt(3), d.Dz, 9);
        Assert.Equal(4.0 / 3 * 1e307, d.MeanDifference, 1e294);
    }

    [Fact]
    public void ReliableChange_TinyNormSd_IsFiniteInsteadOfDividingByAnUnderflowedZero()
    {
        // S_diff = √2 · 1e-200 · √(1 − 0.8); SE² = 2e-401 underflowed to 0 and RC was ∞.
        var r = ReliableChange.Compute(10, 12, 0.8, 1e-200, ChangeDirection.HigherIsBetter);
        ResultInspector.AssertFinite(r);
        Assert.Equal(Math.Sqrt(2) * 1e-200 * Math.Sqrt(0.2), r.StandardErrorOfDifference, 1e-212);
        Assert.Equal(ReliableChangeOutcome.ReliableImprovement, r.Outcome);
    }

    [Fact]
    public void ReliableChange_IndexBeyondDoubleRange_ThrowsNamingTheSd()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => ReliableChange.Compute(0, 1e10, 0.5, 1e-300, ChangeDirection.HigherIsBetter));
        Assert.Equal("normStandardDeviation", exception.ParamName);
        Assert.Equal("post", Assert.Throws<ArgumentOutOfRangeException>(() => ReliableChange.Compute(-1e308, 1e308, 0.5, 1, ChangeDirection.HigherIsBetter)).ParamName);
    }

    [Fact]
    public void Trend_ValuesOfPlusMinus1e308_FitExactly()
    {
        // y = −1e308 + 1e308·t on t = 0, 1, 2: slope 1e308 per week, intercept −1e308, no residual.
        var r = Trend.Fit([0, 1, 2], [-1e308, 0, 1e308], ChangeDirection.HigherIsBetter);
        ResultInspector.AssertFinite(r);
        Assert.Equal(1e308, r.SlopePerWeek!.Value, 1e294);
        Assert.Equal(-1e308, r.Intercept!.Value, 1e294);
        Assert.Equal(TrendOutcome.Improving, r.Outcome);
    }

    [Fact]
    public void Trend_SlopeBeyondDoubleRange_IsAProblemNotInfinity()
    {
        var r = Trend.Fit([0, 1e-10, 2e-10], [-1e308, 0, 1e308], ChangeDirection.HigherIsBetter);
        ResultInspector.AssertFinite(r);
        Assert.Null(r.SlopePerWeek);
        Assert.Contains(r.Problems, p => p.Code == "trend.out-of-range");
    }

    [Fact]
    public void Cutoffs_MeansNear1e308_MidpointCIsFinite()
    {
        // Equal SDs: c is the midpoint of the means, 0 (the weighted sum overflowed to NaN).
        var c = ClinicalSignificance.Cutoffs(new Norm(1e308, 1e307), new Norm(-1e308, 1e307), ChangeDirection.LowerIsBetter);
        ResultInspector.AssertFinite(c);
        Assert.Equal(0.0, c.C);
        Assert.Equal("clinical", Assert.Throws<ArgumentOutOfRangeException>(() => ClinicalSignificance.Cutoffs(new Norm(1e308, 1e308), ChangeDirection.HigherIsBetter)).ParamName);
    }

    [Fact]
    public void UndefinedEnumValues_AreRefusedNamingTheArgument()
    {
        Assert.Equal("direction", Assert.Throws<ArgumentOutOfRangeException>(() => ReliableChange.Compute(1, 2, 0.8, 5, (ChangeDirection)42)).ParamName);
        Assert.Equal("which", Assert.Throws<ArgumentOutOfRangeException>(() => ClinicalSignificance.TrySelect(default, (ClinicalCutoffKind)42, out _)).ParamName);
        Assert.Equal("correction", Assert.Throws<ArgumentOutOfRangeException>(() => EffectSize.HedgesCorrectionFactor(10, (HedgesCorrection)42)).ParamName);
        Assert.Equal("direction", Assert.Throws<ArgumentOutOfRangeException>(() => Trend.Fit([0, 1, 2], [1, 2, 3], (ChangeDirection)42)).ParamName);
        Assert.Equal("missingValues", Assert.Throws<ArgumentOutOfRangeException>(() => Auc.Compute([0, 1], [1, 2], (MissingValuePolicy)42)).ParamName);
        Assert.Equal("options.TimeBasis", Assert.Throws<ArgumentOutOfRangeException>(() => CortisolAwakeningResponse.Analyze([0, 30], [10, 20], new CarOptions { TimeBasis = (CarTimeBasis)42 })).ParamName);
    }

    [Fact]
    public void Auc_ValuesAndTimesNear1e308_AreAProblemNotInfinity()
    {
        var r = Auc.Compute([0, 1e308], [1e308, 1e308]);
        Assert.Null(r.Ground);
        Assert.Contains(r.Problems, p => p.Code == "endocrine.overflow" && p.Location == "AUC");
        ResultInspector.AssertFinite(r);
        ResultInspector.AssertFinite(Auc.Compute([-1e308, 1e308], [1, 1]));
    }

    [Fact]
    public void Car_SubnormalBaseline_PercentIsAProblemNotInfinity()
    {
        var r = CortisolAwakeningResponse.Analyze([0, 15, 30, 45], [1e-320, 16, 20, 17]);
        ResultInspector.AssertFinite(r);
        Assert.Null(r.MaxIncreasePercent);
        Assert.Equal((double?)(20 - 1e-320), r.MaxIncreaseNmolPerL);
        Assert.Contains(r.Problems, p => p.Code == "endocrine.overflow" && p.Location == "MaxIncreasePercent");
    }

    [Fact]
    public void CortisolConcentration_1e308MicrogramsPerDeciliter_IsRefusedNotInfinite()
    {
        Assert.Throws<FormatException>(() => CortisolConcentration.Parse("1e308 µg/dL"));
        Assert.False(CortisolConcentration.TryParse("1e308 ug/dL", out var parsed));
        Assert.Equal(CortisolConcentration.Zero, parsed);
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => CortisolConcentration.FromMicrogramsPerDeciliter(1e308)).ParamName);
        Assert.True(double.IsFinite(CortisolConcentration.Parse("1e306 µg/dL").NanomolesPerLiter));
    }
}
