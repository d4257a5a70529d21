using RelationalNeuro.Hrv;

namespace RelationalNeuro.Core.Tests.Hrv;

/// <summary>Analytic answers and undefined cases for <see cref="HrvMetrics.Poincare"/>.</summary>
public sealed class HrvMetricsPoincareTests
{
    [Fact]
    public void Poincare_ConstantSeries_ZeroSdsAndUndefinedRatiosAsProblems()
    {
        var r = HrvMetrics.Poincare(SyntheticSeries.Generate("synthetic_constant_800ms_300"));

        Assert.Equal(0, r.Sd1Ms);
        Assert.Equal(0, r.Sd2Ms);
        Assert.Equal(0, r.EllipseAreaMs2);
        Assert.Null(r.Sd1OverSd2);
        Assert.Null(r.Csi);
        Assert.Null(r.Cvi);
        Assert.Null(r.ModifiedCsiMs);
        Assert.All(r.Problems, p => Assert.Equal("hrv.undefined-ratio", p.Code));
        Assert.Equal(["SD1/SD2", "CSI", "ModifiedCSI", "CVI"], r.Problems.Select(p => p.Location));
    }

    [Fact]
    public void Poincare_AlternatingSeries_Sd2ZeroCsiZeroRatioUndefined()
    {
        // Points alternate (800, 900) and (900, 800): all on the line x + y = 1700, so SD2 = 0;
        // SD1 = SD(±100/√2) with the sample normaliser = SDSD / √2 (analytic_expected.SD1_ms_from_ddof1_SDSD).
        var r = HrvMetrics.Poincare(SyntheticSeries.Generate("synthetic_alternating_800_900_300"));

        var sdsd = Math.Sqrt(((299 * 1e4) - (1e4 / 299)) / 298);
        Assert.Equal(sdsd / Math.Sqrt(2), r.Sd1Ms!.Value, 10);
        Assert.Equal(70.82882469748286, r.Sd1Ms!.Value, 10);
        Assert.Equal(0, r.Sd2Ms);
        Assert.Equal(0, r.Csi);
        Assert.Equal(0, r.ModifiedCsiMs);
        Assert.Null(r.Sd1OverSd2);
        Assert.Null(r.Cvi);
    }

    [Fact]
    public void Poincare_ThreePoints_MatchesHandComputation()
    {
        // RR = 800, 900, 850, 950: points (800,900), (900,850), (850,950).
        // u = x − y = −100, 50, −100 → mean −50, sample var ((−50)² + 100² + (−50)²)/2 = 7500 → SD1 = √(7500/2).
        // v = x + y = 1700, 1750, 1800 → mean 1750, sample var 2500 → SD2 = √(2500/2).
        var r = HrvMetrics.Poincare([800, 900, 850, 950]);

        var sd1 = Math.Sqrt(3750.0);
        var sd2 = Math.Sqrt(1250.0);
        Assert.Equal(sd1, r.Sd1Ms!.Value, 10);
        Assert.Equal(sd2, r.Sd2Ms!.Value, 10);
        Assert.Equal(sd1 / sd2, r.Sd1OverSd2!.Value, 12);
        Assert.Equal(Math.PI * sd1 * sd2, r.EllipseAreaMs2!.Value, 8);
        Assert.Equal(sd2 / sd1, r.Csi!.Value, 12);
        Assert.Equal(Math.Log10(16 * sd1 * sd2), r.Cvi!.Value, 12);
        Assert.Equal(4 * sd2 * sd2 / sd1, r.ModifiedCsiMs!.Value, 9);
        Assert.Empty(r.Problems);
    }

    [Fact]
    public void Poincare_TwoIntervals_SampleDefinitionTooFewPopulationDefined()
    {
        var r = HrvMetrics.Poincare([800, 900]);
        Assert.Null(r.Sd1Ms);
        Assert.Contains(r.Problems, p => p.Code == "hrv.too-few-beats" && p.Message.Contains("at least 3", StringComparison.Ordinal));

        var population = HrvMetrics.Poincare([800, 900], new PoincareOptions { Definition = PoincareDefinition.RotatedAxesN });
        Assert.Equal(0, population.Sd1Ms); // one point: zero spread
    }

    [Fact]
    public void Poincare_Empty_AllNullWithProblems()
    {
        var r = HrvMetrics.Poincare([]);

        Assert.Null(r.Sd1Ms);
        Assert.Equal(7, r.Problems.Count);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void Poincare_InvalidInterval_ThrowsNamingIndex(double bad)
    {
        var ex = Assert.Throws<ArgumentException>(() => HrvMetrics.Poincare([800, bad, 820]));
        Assert.Contains("[1]", ex.Message, StringComparison.Ordinal);
    }
}
