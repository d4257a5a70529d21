using RelationalNeuro.Hrv;

namespace RelationalNeuro.Core.Tests.Hrv;

/// <summary>Analytic answers, constructed histograms and bad input for <see cref="HrvMetrics.TimeDomain"/>.</summary>
public sealed class HrvMetricsTimeDomainTests
{
    private const double BinMs = 7.8125;

    [Fact]
    public void TimeDomain_ConstantSeries_ZeroVariabilityExactly()
    {
        // analytic_expected of synthetic_constant_800ms_300
        var r = HrvMetrics.TimeDomain(SyntheticSeries.Generate("synthetic_constant_800ms_300"));

        Assert.Equal(800, r.MeanNnMs);
        Assert.Equal(0, r.SdnnMs);
        Assert.Equal(0, r.RmssdMs);
        Assert.Equal(0, r.SdsdMs);
        Assert.Equal(0, r.Pnn50Percent);
        Assert.Equal(0, r.Pnn20Percent);
        Assert.Equal(75, r.MeanHrBpm);
        Assert.Equal(75, r.HrFromMeanNnBpm);
        Assert.Equal(0, r.SdHrBpm);
        Assert.Equal(0, r.MadNnMs);
        Assert.Equal(0, r.IqrNnMs);
        Assert.Equal(1, r.TriangularIndex);
        Assert.Equal(2 * BinMs, r.TinnMs); // the narrowest triangle the bin-centre discretisation allows
        Assert.DoesNotContain(r.Problems, p => p.Location != "SDANN");
    }

    [Fact]
    public void TimeDomain_AlternatingSeries_MatchesAnalyticValues()
    {
        // 800, 900, 800, ... (300 values): mean 850; population SD 50, so SDNN = 50·√(300/299); every |Δ| = 100.
        var r = HrvMetrics.TimeDomain(SyntheticSeries.Generate("synthetic_alternating_800_900_300"));

        Assert.Equal(850, r.MeanNnMs!.Value, 12);
        Assert.Equal(50 * Math.Sqrt(300.0 / 299), r.SdnnMs!.Value, 10);
        Assert.Equal(100, r.RmssdMs!.Value, 12);

        // 150 differences of +100 and 149 of −100: mean 100/299, sample SD √((299·100² − 100²/299) / 298).
        Assert.Equal(Math.Sqrt(((299 * 1e4) - (1e4 / 299)) / 298), r.SdsdMs!.Value, 10);
        Assert.Equal(299, r.Nn50);
        Assert.Equal(100, r.Pnn50Percent);
        Assert.Equal(2, r.TriangularIndex);
        Assert.Equal(850, r.MedianNnMs);
        Assert.Equal(100, r.IqrNnMs);
        Assert.Equal(1.4826 * 50, r.MadNnMs!.Value, 12);

        var overN = HrvMetrics.TimeDomain(SyntheticSeries.Generate("synthetic_alternating_800_900_300"),
            TimeDomainOptions.Default with { PnnDenominator = PnnDenominator.Intervals });
        Assert.Equal(100.0 * 299 / 300, overN.Pnn50Percent!.Value, 12);
    }

    [Theory]
    [InlineData("synthetic_sine_0.1Hz_A40_5min", new[] { 40.0 }, new[] { 0.1 })]
    [InlineData("synthetic_sine_0.25Hz_A30_5min", new[] { 30.0 }, new[] { 0.25 })]
    [InlineData("synthetic_sine_0.1Hz_A40_0.25Hz_A30_5min", new[] { 40.0, 30.0 }, new[] { 0.1, 0.25 })]
    [InlineData("synthetic_sine_0.1Hz_A40_0.25Hz_A30_20min", new[] { 40.0, 30.0 }, new[] { 0.1, 0.25 })]
    public void TimeDomain_SineModulatedSeries_CloseToAnalyticValues(string id, double[] amplitudesMs, double[] frequenciesHz)
    {
        // For samples 1 s apart: SD of Σ A·sin = √(Σ A²/2); successive differences have amplitude 2A·sin(πf·1 s),
        // so RMSSD = √(Σ 2A²·sin²(πf)). The beats are not exactly 1 s apart; the reference files expect ~1–3 %
        // agreement (observed ≤ 0.23 %), we hold 1 %.
        var sd = Math.Sqrt(amplitudesMs.Sum(a => a * a / 2));
        var rmssd = Math.Sqrt(amplitudesMs.Zip(frequenciesHz, (a, f) => 2 * a * a * Math.Pow(Math.Sin(Math.PI * f), 2)).Sum());

        var r = HrvMetrics.TimeDomain(SyntheticSeries.Generate(id));

        Assert.InRange(r.MeanNnMs!.Value, 995, 1005);
        Assert.InRange(r.SdnnMs!.Value / sd, 0.99, 1.01);
        Assert.InRange(r.RmssdMs!.Value / rmssd, 0.99, 1.01);
    }

    [Fact]
    public void TimeDomain_TriangularHistogram_TinnIsTheTriangleBase()
    {
        // Counts 2·(j − 100) for bins j = 100…110 and (130 − j) for j = 110…130: an exact triangle with feet at the
        // centres of bins 100 and 130 and peak Y = 20 at bin 110. The least-squares fit is exact there, so
        // TINN = 30 bins = 234.375 ms; N = 110 + 190 = 300 beats, HTI = 300 / 20 = 15.
        var rr = new List<double>();
        for (var j = 100; j <= 130; j++)
        {
            var count = j <= 110 ? 2 * (j - 100) : 130 - j;
            rr.AddRange(Enumerable.Repeat((j + 0.5) * BinMs, count));
        }

        var shuffled = rr.OrderBy(_ => Random.Shared.Next()).ToArray();
        var r = HrvMetrics.TimeDomain(shuffled);

        Assert.Equal(300, r.IntervalCount);
        Assert.Equal(30 * BinMs, r.TinnMs);
        Assert.Equal(15, r.TriangularIndex);
        Assert.Equal(BinMs, r.HistogramBinWidthMs);
    }

    [Fact]
    public void TimeDomain_ValuesOnBinEdges_CountInTheBinTheyStart()
    {
        // 781.25 ms = 100 bins exactly, 789.0625 ms = 101 bins: [k·w, (k + 1)·w) puts each in its own bin.
        var r = HrvMetrics.TimeDomain([781.25, 781.25, 789.0625, 789.0625, 789.0625, 796.875]);

        Assert.Equal(6.0 / 3, r.TriangularIndex);
    }

    [Fact]
    public void TimeDomain_CustomBinWidth_NamesItAndUsesIt()
    {
        // 8-ms bins: 800, 801, 807 share bin 100; 808 is bin 101. HTI = 4 / 3.
        var r = HrvMetrics.TimeDomain([800, 801, 807, 808], TimeDomainOptions.Default with { HistogramBinWidthMs = 8 });

        Assert.Equal(8, r.HistogramBinWidthMs);
        Assert.Equal(4.0 / 3, r.TriangularIndex);
    }

    [Fact]
    public void TimeDomain_FourValues_NumPyType7QuartilesAndScaledMad()
    {
        // [1000, 2000, 3000, 4000]: median 2500; Q1 at position 0.75 → 1750, Q3 at 2.25 → 3250; IQR 1500.
        // |x − 2500| = 1500, 500, 500, 1500 → median 1000 → MadNN = 1.4826 · 1000.
        var r = HrvMetrics.TimeDomain([4000, 1000, 3000, 2000]);

        Assert.Equal(2500, r.MedianNnMs);
        Assert.Equal(1500, r.IqrNnMs);
        Assert.Equal(1482.6, r.MadNnMs!.Value, 9);
    }

    [Fact]
    public void TimeDomain_IntervalBeyondStackHistogram_UsesWideHistogram()
    {
        // 40 s is past the 32-s stack histogram; the pooled path must give the same order statistics.
        var r = HrvMetrics.TimeDomain([800, 40_000, 820, 810, 805]);

        Assert.Equal(810, r.MedianNnMs);
        Assert.Equal(15, r.IqrNnMs); // Q1 = 805, Q3 = 820
        Assert.Equal(2.5, r.TriangularIndex); // 805 and 810 ms share bin 103 ([804.6875, 812.5)); the others are alone
        Assert.Equal(40_000, r.MaxNnMs);
    }

    [Fact]
    public void TimeDomain_PiecewiseConstantSegments_SdannAndSdnnIndexAnalytic()
    {
        // Segment 0: 300 × 1000 ms (ends exactly at 300 s, so it stays in segment 0); segment 1: 375 × 800 ms;
        // segment 2: 150 pairs of 900/1100 ms; then 100 s that do not complete a segment (left out).
        // Means 1000, 800, 1000 → SDANN = SD(1000, 800, 1000) = √(40000/3·… ) computed below; SDs 0, 0, 100·√(300/299).
        var rr = new List<double>();
        rr.AddRange(Enumerable.Repeat(1000.0, 300));
        rr.AddRange(Enumerable.Repeat(800.0, 375));
        for (var i = 0; i < 150; i++)
        {
            rr.Add(900);
            rr.Add(1100);
        }

        rr.AddRange(Enumerable.Repeat(1000.0, 100));

        var r = HrvMetrics.TimeDomain(rr.ToArray());

        var means = new[] { 1000.0, 800, 1000 };
        var grand = means.Average();
        var sdann = Math.Sqrt(means.Sum(m => (m - grand) * (m - grand)) / 2);
        Assert.Equal(3, r.SegmentCount);
        Assert.Equal(300, r.SegmentDurationSeconds);
        Assert.Equal(sdann, r.SdannMs!.Value, 9);
        Assert.Equal(100 * Math.Sqrt(300.0 / 299) / 3, r.SdnnIndexMs!.Value, 9);
    }

    [Fact]
    public void TimeDomain_NineMinutes_SdannNullWithProblem()
    {
        var r = HrvMetrics.TimeDomain(Enumerable.Repeat(900.0, 600).ToArray()); // 540 s

        Assert.Null(r.SdannMs);
        Assert.Null(r.SdnnIndexMs);
        var problem = Assert.Single(r.Problems);
        Assert.Equal("hrv.recording-too-short", problem.Code);
        Assert.Contains("600 s", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeDomain_FiveMinuteSeries_AllocatesNothingOnTheHeap()
    {
        // 5 min: every metric but SDANN / SDNN index; their problem is a shared list. Warm up pools and statics first.
        var rr = SyntheticSeries.Generate("synthetic_sine_0.1Hz_A40_0.25Hz_A30_5min");
        _ = HrvMetrics.TimeDomain(rr);
        _ = HrvMetrics.Poincare(rr);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var time = HrvMetrics.TimeDomain(rr);
        var poincare = HrvMetrics.Poincare(rr);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.NotNull(time.TinnMs);
        Assert.Single(time.Problems);
        Assert.Empty(poincare.Problems);
    }

    [Fact]
    public void TimeDomain_Empty_EveryMetricNullWithProblems()
    {
        var r = HrvMetrics.TimeDomain([]);

        Assert.Equal(0, r.IntervalCount);
        Assert.Null(r.MeanNnMs);
        Assert.Null(r.SdnnMs);
        Assert.Null(r.MedianNnMs);
        Assert.Null(r.TriangularIndex);
        Assert.Contains(r.Problems, p => p.Code == "hrv.too-few-beats" && p.Location == "MeanNN");
        Assert.Contains(r.Problems, p => p.Code == "hrv.too-few-beats" && p.Location == "TINN");
        Assert.Contains(r.Problems, p => p.Code == "hrv.recording-too-short");
    }

    [Fact]
    public void TimeDomain_OneBeat_LevelMetricsOnlyAndProblemsNameTheMinimum()
    {
        var r = HrvMetrics.TimeDomain([1000]);

        Assert.Equal(1000, r.MeanNnMs);
        Assert.Equal(60, r.MeanHrBpm);
        Assert.Equal(1000, r.MedianNnMs);
        Assert.Equal(0, r.MadNnMs);
        Assert.Equal(1, r.TriangularIndex);
        Assert.Null(r.SdnnMs);
        Assert.Null(r.RmssdMs);
        Assert.Null(r.Pnn50Percent);
        var sdnn = Assert.Single(r.Problems, p => p.Location == "SDNN");
        Assert.Equal("hrv.too-few-beats", sdnn.Code);
        Assert.Contains("at least 2", sdnn.Message, StringComparison.Ordinal);
        Assert.Contains(r.Problems, p => p.Location == "SDSD" && p.Message.Contains("at least 3", StringComparison.Ordinal));
    }

    [Fact]
    public void TimeDomain_TwoBeats_SdsdNeedsThreeUnlessPopulation()
    {
        Assert.Null(HrvMetrics.TimeDomain([800, 900]).SdsdMs);
        Assert.Equal(0, HrvMetrics.TimeDomain([800, 900], TimeDomainOptions.Default with { Sdsd = SdsdDefinition.SignedPopulation }).SdsdMs);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(0.0)]
    [InlineData(-800.0)]
    public void TimeDomain_InvalidInterval_ThrowsNamingIndexAndValue(double bad)
    {
        var ex = Assert.Throws<ArgumentException>(() => HrvMetrics.TimeDomain([800, 810, bad, 820]));

        Assert.Contains("[2]", ex.Message, StringComparison.Ordinal);
        Assert.Equal("nnMs", ex.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void TimeDomain_InvalidBinWidth_ThrowsArgumentOutOfRange(double width)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            HrvMetrics.TimeDomain([800, 810], TimeDomainOptions.Default with { HistogramBinWidthMs = width }));
    }
}
