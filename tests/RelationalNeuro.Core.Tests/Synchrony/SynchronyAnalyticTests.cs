using RelationalNeuro.Synchrony;

namespace RelationalNeuro.Core.Tests.Synchrony;

/// <summary>Analytic cases: known lags recovered, independent series inside the surrogate band, identical series' edge results, Boker peak picking on rows with a known answer.</summary>
public sealed class SynchronyAnalyticTests
{
    private const double Fs = 4;

    /// <summary>A band-limited signal: a sum of sinusoids with fixed incommensurate frequencies (0.05–0.3 Hz).</summary>
    private static double Signal(double t, int seed)
    {
        var s = 0.0;
        for (var m = 0; m < 12; m++)
        {
            s += Math.Sin((2 * Math.PI * (0.05 + (0.021 * m) + (0.003 * seed)) * t) + (m * m) + seed);
        }

        return s;
    }

    /// <summary>B(t) = A(t − lag) + own noise, so B follows A by <paramref name="lagSeconds"/>.</summary>
    private static DyadSeries Shifted(double lagSeconds, int samples = 2400)
    {
        var a = new double[samples];
        var b = new double[samples];
        for (var j = 0; j < samples; j++)
        {
            var t = j / Fs;
            a[j] = 800 + (40 * Signal(t, 1)) + (8 * Signal(t, 7));
            b[j] = 800 + (40 * Signal(t - lagSeconds, 1)) + (8 * Signal(t, 13));
        }

        return DyadSeries.FromGrid(a, b, Fs);
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(-3.0)]
    [InlineData(0.75)]
    public void WindowedCrossCorrelation_ShiftedCopy_RecoversTheLagAndItsSign(double lag)
    {
        var result = WindowedCrossCorrelation.Compute(Shifted(lag), WindowedCrossCorrelationOptions.PlainR);

        Assert.NotNull(result.MedianBestLagSeconds);
        Assert.True(Math.Abs(result.MedianBestLagSeconds!.Value - lag) <= 1 / Fs, $"median best lag {result.MedianBestLagSeconds} for a true lag {lag}");
    }

    [Fact]
    public void PeakPicking_ShiftedCopy_RecoversTheLagLikeTheGlobalMaximum()
    {
        var result = WindowedCrossCorrelation.Compute(Shifted(2.0), WindowedCrossCorrelationOptions.Boker);

        Assert.Equal(result.WindowCount, result.BestLagCount);
        Assert.True(Math.Abs(result.MeanBestLagSeconds!.Value - 2.0) <= 1 / Fs, $"mean peak lag {result.MeanBestLagSeconds}");
    }

    [Theory]
    [MemberData(nameof(SynchronyReferenceTests.Ids), MemberType = typeof(SynchronyReferenceTests))]
    public void ReferenceDyads_KnownCouplingLag_RecoveredWithinOneGridStep(string id)
    {
        var reference = SynchronyReference.Get(id);
        var lag = reference.Root.GetProperty("expected").GetProperty("coupling_lag_s");
        if (lag.ValueKind == System.Text.Json.JsonValueKind.Null || id.Contains("identical", StringComparison.Ordinal))
        {
            Assert.Skip($"{id}: no coupling lag to recover (independent, or paired with itself where lag 0 is the identity rule's missing cell).");
        }

        var result = WindowedCrossCorrelation.Compute(reference.Grid, WindowedCrossCorrelationOptions.PlainR);

        Assert.True(Math.Abs(result.MedianBestLagSeconds!.Value - lag.GetDouble()) <= 1 / Fs, $"{id}: median best lag {result.MedianBestLagSeconds}, coupling {lag.GetDouble()}");
    }

    [Fact]
    public void SurrogateSynchrony_IndependentDyad_LiesInsideTheSurrogateBand()
    {
        var reference = SynchronyReference.Get("syn_independent");
        var result = SurrogateSynchrony.Compute(reference.Grid);

        // Each real segment is one draw from the same distribution as the surrogate pairs: the mean of 19 lies well inside
        // the surrogate pairs' central 90 %, and the effect size across surrogates is small.
        Assert.True(result.Z < result.ChanceThresholdZ, $"Z {result.Z} vs chance threshold {result.ChanceThresholdZ}");
        Assert.True(Math.Abs(result.EsAcrossSurrogates!.Value) < 1, $"ES across surrogates {result.EsAcrossSurrogates}");
    }

    [Fact]
    public void SurrogateSynchrony_CoupledDyad_LiesAboveTheSurrogateBand()
    {
        var result = SurrogateSynchrony.Compute(SynchronyReference.Get("syn_lag_p2s").Grid);

        Assert.True(result.PercentSegmentsAboveChance > 50, $"{result.PercentSegmentsAboveChance} % of segments above chance");
        Assert.True(result.EsAcrossSurrogates > 1, $"ES across surrogates {result.EsAcrossSurrogates}");
    }

    [Fact]
    public void IdenticalSeries_IdentityRuleAndInfiniteZ_AreTheToolsEdgeResults()
    {
        var x = Enumerable.Range(0, 1200).Select(j => 800 + (40 * Signal(j / Fs, 3))).ToArray();
        var dyad = DyadSeries.FromGrid(x, x, Fs);

        var windowed = WindowedCrossCorrelation.Compute(dyad, WindowedCrossCorrelationOptions.PlainR);
        var lagZero = windowed.LagsSeconds.ToList().IndexOf(0.0);
        for (var w = 0; w < windowed.WindowCount; w++)
        {
            Assert.Null(windowed.Cell(w, lagZero)); // rMEA: two identical blocks give NA, not r = 1
            Assert.NotNull(windowed.Cell(w, lagZero + 1));
        }

        var surrogate = SurrogateSynchrony.Compute(dyad);
        Assert.Null(surrogate.Z); // SUSY: r = 1 at lag 0 makes z infinite
        Assert.Null(surrogate.Es);
        Assert.Contains(surrogate.Problems, p => p.Code == "sync.infinite-z");
        Assert.NotNull(surrogate.ZALead);
        Assert.Equal(surrogate.ZALead, surrogate.ZBLead); // a series with itself is symmetric in lag
    }

    [Fact]
    public void ConstantBlock_CellIsMissing_AndMeansDropIt()
    {
        var a = Enumerable.Range(0, 400).Select(j => j is >= 0 and < 200 ? 800.0 : 800 + (30 * Signal(j / Fs, 2))).ToArray();
        var b = Enumerable.Range(0, 400).Select(j => 800 + (30 * Signal(j / Fs, 5))).ToArray();
        var result = WindowedCrossCorrelation.Compute(a, b, Fs, WindowedCrossCorrelationOptions.PlainR with { MaxLagSeconds = 1, WindowSeconds = 30, IncrementSeconds = 30 });

        Assert.Null(result.Cell(0, 4)); // A[0..120) is constant
        Assert.Null(result.Windows[0].AllLags);
        Assert.Null(result.Windows[0].BestLagSeconds);
        Assert.NotNull(result.Cell(2, 4));
    }

    [Fact]
    public void FewerThanTwoDifferences_OneDifferingPosition_IsMissingButTwoAreNot()
    {
        double[] x = [1, 2, 3, 4, 5];
        Assert.True(WindowedCrossCorrelation.FewerThanTwoDifferences(x, [1, 2, 3, 4, 5]));
        Assert.True(WindowedCrossCorrelation.FewerThanTwoDifferences(x, [1, 2, 9, 4, 5]));
        Assert.False(WindowedCrossCorrelation.FewerThanTwoDifferences(x, [1, 2, 9, 4, 6]));
        Assert.False(WindowedCrossCorrelation.FewerThanTwoDifferences(x, [0, 2, 3, 4, 6]));
    }

    [Fact]
    public void PeakNearestZero_NearPeakAndFarHigherPeak_TakesTheNearOne()
    {
        // Lags −4..4. A local peak 0.6 at lag +1, a higher 0.9 at lag −4: the global maximum says −4, Boker says +1.
        double[] row = [0.9, 0.5, 0.2, 0.3, 0.5, 0.6, 0.4, 0.1, 0.0];
        Assert.Equal(5, WindowedCrossCorrelation.PeakNearestZero(row, searchRegion: 2));
    }

    [Fact]
    public void PeakNearestZero_RisingToTheEdge_HasNoPeak()
    {
        double[] row = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];
        Assert.Equal(-1, WindowedCrossCorrelation.PeakNearestZero(row, searchRegion: 2));
    }

    [Fact]
    public void PeakNearestZero_MissingCentreAndTie_PositiveLagWins()
    {
        double[] row = [0.0, 0.1, 0.5, double.NaN, 0.5, 0.1, 0.0];
        Assert.Equal(4, WindowedCrossCorrelation.PeakNearestZero(row, searchRegion: 2));
    }

    [Fact]
    public void GlobalMaximum_WithAbsoluteValues_AStrongNegativeRWins()
    {
        // B = −A shifted by 1 s: the signed row peaks at +1 s with r ≈ −1, so |z| (rMEA's default) picks it.
        var a = Enumerable.Range(0, 800).Select(j => 800 + (40 * Signal(j / Fs, 1))).ToArray();
        var b = Enumerable.Range(0, 800).Select(j => 800 - (40 * Signal((j / Fs) - 1, 1))).ToArray();
        var rmea = WindowedCrossCorrelation.Compute(a, b, Fs, WindowedCrossCorrelationOptions.Rmea);
        var plain = WindowedCrossCorrelation.Compute(a, b, Fs, WindowedCrossCorrelationOptions.PlainR);

        Assert.All(rmea.Windows, w => Assert.Equal(1.0, w.BestLagSeconds));
        Assert.All(plain.Windows, w => Assert.NotEqual(1.0, w.BestLagSeconds));
    }

    [Fact]
    public void Align_ShortOverlap_IsAnErrorWithAnEmptyGrid()
    {
        var dyad = DyadAlignment.Align(Enumerable.Repeat(800.0, 30).ToArray(), Enumerable.Repeat(800.0, 30).ToArray());

        Assert.Equal(0, dyad.Count);
        Assert.Contains(dyad.Problems, p => p.Code == "sync.too-little-overlap");
    }

    [Fact]
    public void Align_AGapAndHeartRate_GapIsReportedAndValuesAreBpm()
    {
        var a = Enumerable.Repeat(1000.0, 200).ToArray();
        a[100] = 4000; // one 4-s gap
        var b = Enumerable.Repeat(750.0, 300).ToArray();
        var dyad = DyadAlignment.Align(a, b, DyadAlignmentOptions.Reference with { Signal = DyadSignal.HeartRateBpm });

        var gap = Assert.Single(dyad.Problems, p => p.Code == "sync.gap");
        Assert.Equal("$.a.intervals[100]", gap.Location);
        Assert.Equal(80.0, dyad.SeriesB[10], 12);
        Assert.Equal(60.0, dyad.SeriesA[10], 12);
    }

    [Fact]
    public void WindowedCrossCorrelation_TooShort_IsAnErrorNotAThrow()
    {
        var result = WindowedCrossCorrelation.Compute(new double[100], new double[100], Fs);

        Assert.Equal(0, result.WindowCount);
        Assert.Null(result.GrandAverage);
        Assert.Contains(result.Problems, p => p.Code == "sync.too-short");
    }

    [Fact]
    public void PseudoDyads_Compare_CohensDByHand()
    {
        // real 1,2,3 (mean 2, var 1); pseudo 0,0,0,2 (mean 0.5, var 1): pooled SD = sqrt((2·1 + 3·1)/5) = 1, d = 1.5.
        var result = PseudoDyads.Compare([1, 2, 3], [0, 0, 0, 2]);

        Assert.Equal(1.5, result.CohensD!.Value, 12);
        Assert.Empty(result.Problems);
    }
}
