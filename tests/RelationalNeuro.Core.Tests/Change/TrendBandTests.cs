using RelationalNeuro.Change;

namespace RelationalNeuro.Core.Tests.Change;

public class TrendBandTests
{
    // TV14: weeks 0..5, y 22,21,19,18,16,15. By hand: t̄ = 2.5, Sxx = 17.5, b = −51/35, a = 775/35; residuals
    // (−5, 11, −8, 8, −11, 5)/35, SSE = 420/1225, s² = SSE/4 = 3/35. t(0.975, 4) = 2.776445105 (t table).
    // At t̄: ŷ = 18.5, half-width = t·s·√(1/6). At week 0: ŷ = 775/35, half-width = t·s·√(1/6 + 6.25/17.5).
    private const double T975Df4 = 2.7764451051977987;

    [Fact]
    public void At_TV14_MatchesHandComputedBand()
    {
        double[] weeks = [0, 1, 2, 3, 4, 5];
        double[] values = [22, 21, 19, 18, 16, 15];
        var trend = Trend.Fit(weeks, values, ChangeDirection.LowerIsBetter);
        var band = TrendBand.At(trend, weeks, values, [2.5, 0]);

        var s = Math.Sqrt(3.0 / 35);
        Assert.Equal(18.5, band[0].Fitted!.Value, 9);
        Assert.Equal(18.5 - (T975Df4 * s * Math.Sqrt(1.0 / 6)), band[0].Lower!.Value, 9);
        Assert.Equal(18.5 + (T975Df4 * s * Math.Sqrt(1.0 / 6)), band[0].Upper!.Value, 9);

        var half0 = T975Df4 * s * Math.Sqrt((1.0 / 6) + (6.25 / 17.5));
        Assert.Equal(775.0 / 35, band[1].Fitted!.Value, 9);
        Assert.Equal((775.0 / 35) - half0, band[1].Lower!.Value, 9);
        Assert.Equal((775.0 / 35) + half0, band[1].Upper!.Value, 9);
        Assert.Equal(0, band[1].Week);
    }

    // A missing session is left out of the band exactly as the trend leaves it out.
    [Fact]
    public void At_MissingValue_LeftOutLikeTheTrend()
    {
        double[] weeks = [0, 1, 2, 3, 4, 5, 6];
        double[] values = [22, 21, 19, double.NaN, 18, 16, 15];
        double[] kept = [0, 1, 2, 4, 5, 6];
        double[] keptValues = [22, 21, 19, 18, 16, 15];
        var trend = Trend.Fit(weeks, values, ChangeDirection.LowerIsBetter);
        var band = TrendBand.At(trend, weeks, values, [3]);
        var same = TrendBand.At(Trend.Fit(kept, keptValues, ChangeDirection.LowerIsBetter), kept, keptValues, [3]);
        Assert.Equal(same[0], band[0]);
    }

    [Fact]
    public void At_TwoObservations_LineWithoutBand()
    {
        var trend = Trend.Fit([0, 1], [10, 12], ChangeDirection.HigherIsBetter);
        var p = TrendBand.At(trend, [0, 1], [10, 12], [2])[0];
        Assert.Equal(14, p.Fitted!.Value, 12);
        Assert.Null(p.Lower);
        Assert.Null(p.Upper);
    }

    [Fact]
    public void At_NoSlope_AllNull()
    {
        var trend = Trend.Fit([0], [10], ChangeDirection.HigherIsBetter);
        var p = TrendBand.At(trend, [0], [10], [1])[0];
        Assert.Equal(new TrendBandPoint(1, null, null, null), p);
    }

    [Fact]
    public void At_OtherObservations_Throws()
    {
        var trend = Trend.Fit([0, 1, 2], [1, 2, 4], ChangeDirection.HigherIsBetter);
        Assert.Throws<ArgumentException>(() => TrendBand.At(trend, [0, 1], [1, 2], [0]));
        Assert.Throws<ArgumentException>(() => TrendBand.At(trend, [0, 1, 2], [1, 2, 4], [double.NaN]));
    }
}
