using RelationalNeuro.Endocrine;

namespace RelationalNeuro.Core.Tests.Endocrine;

public class DiurnalCortisolTests
{
    private const double Tol = 1e-6;
    private static readonly double[] Hours = [0, 0.5, 5.5, 10.5, 16.0];
    private static readonly double[] Values = [12.0, 18.0, 6.0, 4.0, 1.5];

    // TV6 (research file §10, hand-computed): hours since waking.
    [Fact]
    public void Analyze_TV6_DefaultExcludesCarSample()
    {
        var r = DiurnalCortisol.Analyze(Hours, Values);
        Assert.Equal(-0.65625, r.WakeToBedSlopeNmolPerLPerHour!.Value, Tol);
        Assert.Equal(-1.064516, r.PeakToBedSlopeNmolPerLPerHour!.Value, Tol);
        Assert.Equal(-0.633452, r.RegressionSlopePerHour!.Value, Tol);
        Assert.Equal(10.942616, r.RegressionIntercept!.Value, Tol);
        Assert.Equal(4, r.RegressionSampleCount);
        Assert.Equal(107.625, r.AucgNmolHourPerL!.Value, Tol);
        Assert.Equal(-84.375, r.AuciNmolHourPerL!.Value, Tol);
        Assert.False(r.RegressionIsLogarithmic);
        Assert.Equal(1, r.PeakIndex); // 18 nmol/L at +0.5 h is the highest of 12, 18, 6, 4, 1.5
        Assert.Equal(18, r.PeakNmolPerL);
    }

    [Fact]
    public void Analyze_TV6_AllSamplesRegression()
    {
        var r = DiurnalCortisol.Analyze(Hours, Values, DiurnalOptions.Default with { ExcludeCarSamples = false });
        Assert.Equal(-0.871968, r.RegressionSlopePerHour!.Value, Tol);
        Assert.Equal(13.967790, r.RegressionIntercept!.Value, Tol);
        Assert.Equal(5, r.RegressionSampleCount);
    }

    [Fact]
    public void Analyze_TV6_LogRegression()
    {
        var r = DiurnalCortisol.Analyze(Hours, Values, DiurnalOptions.Default with { LogTransform = true });
        Assert.Equal(-0.125617, r.RegressionSlopePerHour!.Value, Tol);
        Assert.True(r.RegressionIsLogarithmic);
    }

    [Fact]
    public void Analyze_LogOfZero_RegressionUnavailable()
    {
        var r = DiurnalCortisol.Analyze([0, 5, 10], [10, 5, 0], DiurnalOptions.Default with { LogTransform = true });
        Assert.Null(r.RegressionSlopePerHour);
        Assert.Contains(r.Problems, p => p.Code == "diurnal.log-of-zero" && p.Location == "S2");
        Assert.Equal(-1, r.WakeToBedSlopeNmolPerLPerHour);
    }

    [Fact]
    public void Analyze_PeakAtBedtime_PeakSlopeUnavailable()
    {
        var r = DiurnalCortisol.Analyze([0, 5, 10], [3, 4, 9]);
        Assert.Null(r.PeakToBedSlopeNmolPerLPerHour);
        Assert.Contains(r.Problems, p => p.Code == "diurnal.peak-at-bedtime");
    }

    [Fact]
    public void Analyze_MissingBedtime_SlopesUnavailable()
    {
        var r = DiurnalCortisol.Analyze([0, 5, 10], [10, 4, double.NaN], DiurnalOptions.Default with { MissingValues = MissingValuePolicy.Omit });
        Assert.Null(r.WakeToBedSlopeNmolPerLPerHour);
        Assert.Null(r.PeakToBedSlopeNmolPerLPerHour);
        Assert.Equal(-1.2, r.RegressionSlopePerHour!.Value, Tol);
    }
}
