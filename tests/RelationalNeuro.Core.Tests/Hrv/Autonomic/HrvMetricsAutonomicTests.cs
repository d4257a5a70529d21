using RelationalNeuro.Hrv;

namespace RelationalNeuro.Core.Tests.Hrv;

/// <summary>
/// Worked examples for <see cref="HrvMetrics.Autonomic"/>, each derived by hand from the definitions in docs/hrv.md
/// ("Autonomic indexes"): the 50-ms histogram, Mo, AMo, MxDMn, SI = AMo / (2·Mo·MxDMn), Kubios' √SI, and the PNS/SNS
/// z-score means.
/// </summary>
public sealed class HrvMetricsAutonomicTests
{
    [Fact]
    public void StressIndex_TenIntervals_HandDerivedHistogram()
    {
        // Bins [k·50, (k+1)·50) ms: [750,800) holds 760, 780, 790 (3); [800,850) holds 800, 805, 810, 820 (4);
        // [850,900) 850; [900,950) 900; [1000,1050) 1000. Mo = centre of [800,850) = 0.825 s, AMo = 4/10 = 40 %,
        // MxDMn = 1000 − 760 = 240 ms = 0.24 s. SI = 40 / (2 · 0.825 · 0.24) = 40 / 0.396 = 10000/99 = 101.0101…;
        // √SI = 100/√99 = 10.05038.
        double[] rr = [800, 810, 820, 850, 900, 780, 790, 805, 1000, 760];

        var r = HrvMetrics.Autonomic(rr);

        Assert.Equal(0.825, r.ModeS!.Value, 12);
        Assert.Equal(40, r.AmplitudeOfModePercent!.Value, 12);
        Assert.Equal(0.24, r.VariationRangeS!.Value, 12);
        Assert.Equal(10000.0 / 99, r.BaevskyStressIndex!.Value, 9);
        Assert.Equal(100 / Math.Sqrt(99), r.StressIndex!.Value, 9);
        Assert.Equal(50, r.HistogramBinWidthMs);
    }

    [Fact]
    public void PnsAndSns_AlternatingSeries_HandDerivedComponents()
    {
        // RR = 900, 1000, 900, 1000, 900. Mean RR = (3·900 + 2·1000)/5 = 940 ms. Successive differences ±100 → RMSSD = 100 ms.
        // SD1 (sample normaliser): differences have mean 0 and Σd² = 4·100², so SD1² = 40000 / 3 / 2 → SD1 = 81.6497 ms.
        // Every point (RR_i, RR_i+1) has RR_i + RR_i+1 = 1900 → SD2 = 0. Mean HR = (3·60000/900 + 2·60000/1000)/5 = 64 bpm.
        // Histogram: [900,950) holds 3, [1000,1050) holds 2 → Mo = 0.925 s, AMo = 60 %, MxDMn = 0.1 s,
        // SI = 60 / (2·0.925·0.1) = 324.324…, √SI = 18.00901.
        double[] rr = [900, 1000, 900, 1000, 900];
        var sd1 = Math.Sqrt(40000.0 / 3 / 2);
        var si = Math.Sqrt(60 / (2 * 0.925 * 0.1));

        var r = HrvMetrics.Autonomic(rr);

        Assert.Equal(0.925, r.ModeS!.Value, 12);
        Assert.Equal(60, r.AmplitudeOfModePercent!.Value, 12);
        Assert.Equal(si, r.StressIndex!.Value, 9);
        // Defaults: mean RR 926 ± 90, RMSSD 42 ± 15, SD1 29.7 ± 10.6; mean HR 64.8 ± 6.3, √SI 10.6 ± 1.65, SD2 64.2 ± 24.9.
        var pns = (((940 - 926) / 90.0) + ((100 - 42) / 15.0) + ((sd1 - 29.7) / 10.6)) / 3;
        var sns = (((64 - 64.8) / 6.3) + ((si - 10.6) / 1.65) - ((0 - 64.2) / 24.9)) / 3;
        Assert.Equal(2.9743778, pns, 6);
        Assert.Equal(pns, r.PnsIndex!.Value, 9);
        Assert.Equal(2.3138788, sns, 6);
        Assert.Equal(sns, r.SnsIndex!.Value, 9);
    }

    [Fact]
    public void PnsIndex_UnitNormals_IsThePlainMeanOfTheComponents()
    {
        // With every normal mean 0 and SD 1 the z-scores are the raw values: (940 + 100 + 81.6497) / 3.
        var unit = new AutonomicOptions
        {
            NormalMeanRrMs = 0, NormalMeanRrSdMs = 1, NormalRmssdMs = 0, NormalRmssdSdMs = 1, NormalSd1Ms = 0, NormalSd1SdMs = 1,
        };

        var r = HrvMetrics.Autonomic([900, 1000, 900, 1000, 900], unit);

        Assert.Equal((940 + 100 + Math.Sqrt(40000.0 / 3 / 2)) / 3, r.PnsIndex!.Value, 9);
    }

    [Fact]
    public void StressIndex_TieBetweenBins_TakesTheShorterBin()
    {
        // 810, 820 in [800,850); 910, 920 in [900,950): a tie, Mo = 0.825 s; AMo = 50 %; MxDMn = 0.11 s.
        var r = HrvMetrics.Autonomic([910, 810, 920, 820]);

        Assert.Equal(0.825, r.ModeS!.Value, 12);
        Assert.Equal(50, r.AmplitudeOfModePercent!.Value, 12);
        Assert.Equal(50 / (2 * 0.825 * 0.11), r.BaevskyStressIndex!.Value, 9);
    }

    [Fact]
    public void Autonomic_ConstantSeries_StressAndSnsUndefinedWithProblems()
    {
        var r = HrvMetrics.Autonomic([800, 800, 800, 800]);

        Assert.Equal(100, r.AmplitudeOfModePercent);
        Assert.Equal(0, r.VariationRangeS);
        Assert.Null(r.BaevskyStressIndex);
        Assert.Null(r.StressIndex);
        Assert.Null(r.SnsIndex);
        Assert.NotNull(r.PnsIndex);
        Assert.Equal(["StressIndex", "SnsIndex"], r.Problems.Select(p => p.Location));
    }

    [Fact]
    public void Autonomic_OneInterval_EverythingNullWithTooFewProblems()
    {
        var r = HrvMetrics.Autonomic([800]);

        Assert.Null(r.ModeS);
        Assert.Null(r.PnsIndex);
        Assert.Null(r.SnsIndex);
        Assert.All(r.Problems, p => Assert.Equal("hrv.too-few-beats", p.Code));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(double.NaN)]
    [InlineData(5000)]
    public void Autonomic_BadBinWidth_Throws(double width) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HrvMetrics.Autonomic([800, 900, 850], new AutonomicOptions { HistogramBinWidthMs = width }));

    [Fact]
    public void Autonomic_LongestAllowedInterval_Finite()
    {
        var r = HrvMetrics.Autonomic([800, 810, RrSeries.MaximumIntervalMs], new AutonomicOptions { HistogramBinWidthMs = 1 });

        Assert.NotNull(r.StressIndex);
        Assert.True(double.IsFinite(r.StressIndex!.Value));
    }

    [Fact]
    public void Analyze_ReportCarriesTheAutonomicResult_AndSkipsItWhenAsked()
    {
        double[] rr = [.. Enumerable.Range(0, 300).Select(i => 850 + (40 * Math.Sin(i * 0.7)))];

        var report = HrvAnalysis.Analyze(rr, cancellationToken: TestContext.Current.CancellationToken);
        var skipped = HrvAnalysis.Analyze(rr, HrvAnalysisOptions.Default with { IncludeAutonomic = false }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, report.Artifacts!.FlaggedCount);
        var direct = HrvMetrics.Autonomic(rr);
        Assert.Equal(direct.StressIndex, report.Autonomic!.Value.StressIndex);
        Assert.Equal(direct.PnsIndex, report.Autonomic!.Value.PnsIndex);
        Assert.Equal(direct.SnsIndex, report.Autonomic!.Value.SnsIndex);
        Assert.Contains("stress_index", HrvReport.CsvColumns);
        Assert.Contains("pns_index", HrvReport.CsvColumns);
        Assert.Contains("sns_index", HrvReport.CsvColumns);
        Assert.Contains("\"pnsIndex\"", report.ToJson(), StringComparison.Ordinal);
        Assert.Null(skipped.Autonomic);
    }
}
