using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Core.Tests.Questionnaires;

/// <summary>
/// Cronbach's α against a hand-worked example, using the definitions of R psych::alpha (alpha.R, function alpha.1:
/// raw_alpha = (1 - tr(C)/sum(C)) * n/(n-1); alpha.drop = alpha.1(C[-i,-i]); r.drop = (sum(C[,i]) - C[i,i]) /
/// sqrt(C[i,i] * sum(C[-i,-i]))). The expected numbers were worked by hand (in the comments below); R's own output on
/// real tables is checked in <see cref="PsychometricsPsychReferenceTests"/>.
/// </summary>
public sealed class PsychometricsTests
{
    // Five respondents x three items.
    //   x = 1,2,3,4,5  mean 3, deviations -2,-1,0,1,2, SS 10 -> var 2.5
    //   y = 2,2,4,4,3  mean 3, deviations -1,-1,1,1,0, SS 4  -> var 1
    //   z = 1,3,3,4,4  mean 3, deviations -2,0,0,1,1,  SS 6  -> var 1.5
    //   cov(x,y) = (2+1+0+1+0)/4 = 1; cov(x,z) = (4+0+0+1+2)/4 = 1.75; cov(y,z) = (2+0+0+1+0)/4 = 0.75
    //   sum(C) = 5 + 2*(1 + 1.75 + 0.75) = 12 (= var of totals 4,7,10,12,12: SS 48 / 4)
    //   alpha = 3/2 * (1 - 5/12) = 0.875
    //   drop x: C = [1 .75; .75 1.5], sum 4, tr 2.5 -> 2*(1 - 2.5/4) = 0.75
    //   drop y: C = [2.5 1.75; 1.75 1.5], sum 7.5, tr 4 -> 2*(1 - 4/7.5) = 14/15
    //   drop z: C = [2.5 1; 1 1], sum 5.5, tr 3.5 -> 2*(1 - 3.5/5.5) = 8/11
    //   r.drop x = (1 + 1.75)/sqrt(2.5*4) = 2.75/sqrt(10)
    //   r.drop y = (1 + 0.75)/sqrt(1*7.5) = 1.75/sqrt(7.5)
    //   r.drop z = (1.75 + 0.75)/sqrt(1.5*5.5) = 2.5/sqrt(8.25)
    private static readonly double[,] Table =
    {
        { 1, 2, 1 },
        { 2, 2, 3 },
        { 3, 4, 3 },
        { 4, 4, 4 },
        { 5, 3, 4 },
    };

    [Fact]
    public void CronbachAlpha_HandWorkedExample_MatchesPsychDefinitions()
    {
        var result = Psychometrics.CronbachAlpha(Table);

        Assert.Equal(0.875, result.Alpha!.Value, 1e-12);
        Assert.Equal(5, result.RespondentsUsed);
        Assert.Empty(result.Problems);
        Assert.Equal(0.75, result.Items[0].AlphaIfDropped!.Value, 1e-12);
        Assert.Equal(14.0 / 15, result.Items[1].AlphaIfDropped!.Value, 1e-12);
        Assert.Equal(8.0 / 11, result.Items[2].AlphaIfDropped!.Value, 1e-12);
        Assert.Equal(2.75 / Math.Sqrt(10), result.Items[0].CorrectedItemTotalCorrelation!.Value, 1e-12);
        Assert.Equal(1.75 / Math.Sqrt(7.5), result.Items[1].CorrectedItemTotalCorrelation!.Value, 1e-12);
        Assert.Equal(2.5 / Math.Sqrt(8.25), result.Items[2].CorrectedItemTotalCorrelation!.Value, 1e-12);
        Assert.Equal(3, result.Items[0].Mean, 1e-12);
        Assert.Equal(Math.Sqrt(2.5), result.Items[0].StandardDeviation, 1e-12);
    }

    [Fact]
    public void CronbachAlpha_RowWithMissingValue_DroppedListwiseAndReported()
    {
        double[] flat = [1, 2, 1, 2, 2, 3, 3, 4, 3, 4, 4, 4, 5, 3, 4, 9, double.NaN, 9];

        var result = Psychometrics.CronbachAlpha(flat, 3);

        Assert.Equal(0.875, result.Alpha!.Value, 1e-12);
        Assert.Equal(5, result.RespondentsUsed);
        Assert.Equal("alpha.rows-dropped", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void CronbachAlpha_ParallelItems_AlphaIsOne()
    {
        // Identical columns: tr(C) = k v, sum(C) = k^2 v -> alpha = k/(k-1) (1 - 1/k) = 1.
        double[] flat = [1, 1, 1, 2, 2, 2, 4, 4, 4, 5, 5, 5];

        Assert.Equal(1.0, Psychometrics.CronbachAlpha(flat, 3).Alpha!.Value, 1e-12);
    }

    [Fact]
    public void CronbachAlpha_ConstantAnswers_NullWithProblem()
    {
        double[] flat = [3, 3, 3, 3, 3, 3];

        var result = Psychometrics.CronbachAlpha(flat, 2);

        Assert.Null(result.Alpha);
        Assert.Contains(result.Problems, p => p.Code == "alpha.zero-variance");
        Assert.All(result.Items, i => Assert.Null(i.CorrectedItemTotalCorrelation));
    }

    [Fact]
    public void CronbachAlpha_OneRow_NullWithProblem()
    {
        var result = Psychometrics.CronbachAlpha([1.0, 2.0, 3.0], 3);

        Assert.Null(result.Alpha);
        Assert.Equal("alpha.too-few-rows", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void CronbachAlpha_BadShape_ThrowsNamingArgument()
    {
        Assert.Equal("itemCount", Assert.Throws<ArgumentOutOfRangeException>(() => Psychometrics.CronbachAlpha([1.0, 2.0], 1)).ParamName);
        Assert.Equal("responses", Assert.Throws<ArgumentOutOfRangeException>(() => Psychometrics.CronbachAlpha([1.0, 2.0, 3.0], 2)).ParamName);
    }

    // Reverse-keyed columns: a table with column 2 on a 1..5 scale stored raw gives the same α as the pre-keyed table
    // (x' = 1 + 5 − x). Hand-keyed: column values 5,4,2 reversed → 1,2,4. A value off the scale is treated as missing.
    [Fact]
    public void CronbachAlpha_ReverseKeyedColumns_SameAsPreKeyedTable()
    {
        double[] keyed = [1, 2, 1, 3, 3, 2, 4, 5, 4];
        double[] raw = [1, 2, 5, 3, 3, 4, 4, 5, 2];
        var expected = Psychometrics.CronbachAlpha(keyed, 3);
        var actual = Psychometrics.CronbachAlpha(raw, 3, [2], 1, 5);
        Assert.Equal(expected.Alpha!.Value, actual.Alpha!.Value, 12);
        Assert.Equal(expected.StandardizedAlpha!.Value, actual.StandardizedAlpha!.Value, 12);
        Assert.Equal([2], actual.ReversedColumns);

        double[] offScale = [1, 2, 5, 3, 3, 4, 4, 5, 2, 9, 9, 9];
        var dropped = Psychometrics.CronbachAlpha(offScale, 3, [2], 1, 5);
        Assert.Contains(dropped.Problems, p => p.Code == "alpha.outside-scale");
        Assert.Equal(3, dropped.RespondentsUsed);
        Assert.Equal("reverseKeyedColumns", Assert.Throws<ArgumentOutOfRangeException>(() => Psychometrics.CronbachAlpha(raw, 3, [3], 1, 5)).ParamName);
        Assert.Equal("scaleMax", Assert.Throws<ArgumentOutOfRangeException>(() => Psychometrics.CronbachAlpha(raw, 3, [2], 5, 1)).ParamName);
    }

    // Standardised α analytic: two items with correlation r give k·r/(1 + (k − 1)r) = 2r/(1 + r); items x and 2x + noise-free
    // affine copies have r = 1 → 1. Here x = 1,2,3,4 and y = 2,1,4,3: r = 0.6 (Σdxdy = 3, Σdx² = Σdy² = 5), std α = 1.2/1.6 = 0.75,
    // average r = 0.6; uncorrected item–total r of x: cov(x, x + y)/(sd x · sd(x + y)) = 8/√(5·16) = 0.894427.
    [Fact]
    public void CronbachAlpha_StandardizedAndItemTotal_Analytic()
    {
        var r = Psychometrics.CronbachAlpha([1, 2, 2, 1, 3, 4, 4, 3], 2);
        Assert.Equal(0.75, r.StandardizedAlpha!.Value, 12);
        Assert.Equal(0.6, r.AverageInterItemCorrelation!.Value, 12);
        Assert.Equal(8 / Math.Sqrt(80), r.Items[0].ItemTotalCorrelation!.Value, 12);
        Assert.Null(r.Items[0].StandardizedAlphaIfDropped);
    }
}
