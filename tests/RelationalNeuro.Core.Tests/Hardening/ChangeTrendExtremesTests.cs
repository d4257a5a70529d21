using RelationalNeuro.Change;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Core.Tests.Hardening;

/// <summary>
/// What the second round of property tests found in the t tests, the trend band and the daily HRV baseline (all fixed),
/// pinned with analytic answers: t, df and a band's position are scale-free, and a product with a power of two is exact,
/// so data × 2^k must give the answers of the data, scaled where the answer has the data's unit.
/// </summary>
public class ChangeTrendExtremesTests
{
    [Fact]
    public void WelchFromSummaries_SdsNear1e180_GiveTheTAndDfOfOrdinarySds()
    {
        // Before: sd² overflowed, the SE was ∞ and t came out 0 with p = 1.
        var k = Math.ScaleB(1.0, 600);
        var plain = TTest.FromSummaries(10, 2, 10, 8, 3, 12, TTestKind.Welch, 0.95);
        var huge = TTest.FromSummaries(10 * k, 2 * k, 10, 8 * k, 3 * k, 12, TTestKind.Welch, 0.95);
        Assert.Equal((plain.T, plain.DegreesOfFreedom, plain.PValue), (huge.T, huge.DegreesOfFreedom, huge.PValue));
        Assert.Equal(Math.ScaleB(plain.StandardError, 600), huge.StandardError);
        Assert.Equal(Math.ScaleB(plain.ConfidenceLower!.Value, 600), huge.ConfidenceLower);
    }

    [Fact]
    public void Paired_DifferencesNear1e210_GiveTSqrt7()
    {
        // Differences 1, 2, 4 (× 2^700): mean 7/3, SD √(7/3), SE √(7/3)/√3 = √7/3, t = √7. Before: their squares overflowed.
        var k = Math.ScaleB(1.0, 700);
        var result = TTest.Paired([0, 0, 0], [k, 2 * k, 4 * k]);
        Assert.Equal(Math.Sqrt(7), result.T!.Value, 12);
        Assert.Equal(Math.Sqrt(7) / 3, Math.ScaleB(result.StandardError, -700), 12);
        Assert.Equal(2, result.DegreesOfFreedom);
    }

    [Fact]
    public void Paired_ADifferenceBeyondTheRange_NamesPost()
    {
        var error = Assert.Throws<ArgumentException>(() => TTest.Paired([-1.7e308, 0, 1], [1.7e308, 1, 3]));
        Assert.Equal("post", error.ParamName);
    }

    [Fact]
    public void Quantile_AtADfOf1eMinus300_IsATypedRefusal_NotMathNetsArithmeticException()
    {
        // The 0.975 quantile at df → 0 is beyond every double; MathNet's search threw NonConvergence or ArithmeticException.
        var error = Record.Exception(() => TTest.Quantile(0.975, 1e-300));
        Assert.Equal("degreesOfFreedom", Assert.IsType<ArgumentOutOfRangeException>(error).ParamName);
    }

    [Fact]
    public void TrendBand_WeeksNear1e301_GiveTheBandOfOrdinaryWeeks()
    {
        // Before: Σ(t − t̄)² overflowed and every band limit was NaN.
        double[] weeks = [0, 1, 2, 3, 4], values = [1, 3, 2, 5, 4];
        var k = Math.ScaleB(1.0, 1000);
        double[] hugeWeeks = [.. weeks.Select(w => w * k)];
        var plain = TrendBand.At(Trend.Fit(weeks, values, ChangeDirection.HigherIsBetter), weeks, values, [0, 2, 4]);
        var huge = TrendBand.At(Trend.Fit(hugeWeeks, values, ChangeDirection.HigherIsBetter), hugeWeeks, values, [0, 2 * k, 4 * k]);
        for (var i = 0; i < plain.Length; i++)
        {
            Assert.Equal(plain[i].Fitted!.Value, huge[i].Fitted!.Value, 12);
            Assert.Equal(plain[i].Lower!.Value, huge[i].Lower!.Value, 12);
            Assert.Equal(plain[i].Upper!.Value, huge[i].Upper!.Value, 12);
        }

        // A line rising 0.8e300 a week read at week 1.7e308 (≈ 1.4e608) leaves the double range: null, not ±∞.
        double[] steep = [.. values.Select(v => v * 1e300)];
        var far = TrendBand.At(Trend.Fit(weeks, steep, ChangeDirection.HigherIsBetter), weeks, steep, [1.7e308]);
        Assert.Equal(new TrendBandPoint(1.7e308, null, null, null), far[0]);
    }

    [Fact]
    public void DailyBaseline_ValuesNear1e301_GiveTheRangeOfOrdinaryValuesScaled_AndARangeBeyondTheDoubleIsLeftOut()
    {
        var start = new DateOnly(2026, 1, 1);
        double[] ln = [4.1, 4.0, 4.3, 4.2, 3.9, 4.1, 4.4, 4.0, 4.2, 4.1, 3.8, 4.3, 4.2, 4.0];
        var plain = DailyBaseline.Compute([.. ln.Select((v, i) => new DailyValue(start.AddDays(i), v))]);
        var huge = DailyBaseline.Compute([.. ln.Select((v, i) => new DailyValue(start.AddDays(i), Math.ScaleB(v, 1000)))]);
        var (p, h) = (plain.Days[^1], huge.Days[^1]);
        Assert.NotNull(p.NormalLower);
        Assert.Equal(Math.ScaleB(p.NormalLower!.Value, 1000), h.NormalLower);
        Assert.Equal(Math.ScaleB(p.NormalUpper!.Value, 1000), h.NormalUpper);
        Assert.Equal(Math.ScaleB(p.Baseline!.Value, 1000), h.Baseline);

        // ±1.7e308 alternating: mean 0, SD 1.7e308·√(14/13) ≈ 1.76e308; at a width of 2 SD the limits (±3.5e308) are beyond
        // the double range: left out with a warning.
        var edge = DailyBaseline.Compute(
            [.. Enumerable.Range(0, 14).Select(i => new DailyValue(start.AddDays(i), i % 2 == 0 ? 1.7e308 : -1.7e308))],
            DailyBaselineOptions.Default with { WidthStandardDeviations = 2 });
        Assert.All(edge.Days, d => Assert.Null(d.NormalLower));
        Assert.Contains(edge.Problems, q => q.Code == "baseline.out-of-range");

        // Two values of 1.7e308 on one day average to 1.7e308 (their sum overflowed to ∞).
        var twice = DailyBaseline.Compute([new DailyValue(start, 1.7e308), new DailyValue(start, 1.7e308)]);
        Assert.Equal(1.7e308, twice.Days[0].Value);
    }
}
