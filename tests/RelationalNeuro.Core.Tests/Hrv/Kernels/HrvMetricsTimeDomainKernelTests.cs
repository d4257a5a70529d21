using FsCheck;
using FsCheck.Fluent;
using RelationalNeuro.Hrv;
using RelationalNeuro.Hrv.Kernels;

namespace RelationalNeuro.Core.Tests.Hrv;

/// <summary>
/// The fast paths of <see cref="HrvMetrics.TimeDomain"/> (AVX-512 passes, order statistics from the histogram when the
/// data lie on its grid, a finer histogram plus one gather otherwise, block-wise segment tests for exactly summable
/// data) against independent oracles written here from the definitions: sorting for the order statistics (NumPy type 7
/// and the scaled MAD), sequential segmentation for SDANN / SDNN index, and the plain formulas for the moments. The
/// scalar kernels (forced on the test's thread) must agree with the vector ones.
/// </summary>
public sealed class HrvMetricsTimeDomainKernelTests
{
    private const double BinMs = 7.8125;

    // Four kinds of data: microsecond resolution (off every grid), whole milliseconds (off the 7.8125-ms grid, on the
    // 2^-10-ms one), the 1/128-s grid (on the histogram's bin edges), and few 10-ms levels (many ties).
    private static readonly Gen<double> Fine = Gen.Choose(250_000, 2_500_000).Select(i => i / 1000.0);
    private static readonly Gen<double> WholeMs = Gen.Choose(600, 1100).Select(i => (double)i);
    private static readonly Gen<double> OnBinEdges = Gen.Choose(80, 140).Select(i => i * BinMs);
    private static readonly Gen<double> FewLevels = Gen.Choose(75, 85).Select(i => i * 10.0);

    private static Arbitrary<double[]> Series(Gen<double> value, int maxLength) =>
        Gen.Choose(1, maxLength).SelectMany(n => Gen.ArrayOf(value, n)).ToArbitrary();

    public static TheoryData<string> Kinds() => ["fine", "wholeMs", "onBinEdges", "fewLevels"];

    private static Gen<double> KindGen(string kind) => kind switch
    {
        "fine" => Fine,
        "wholeMs" => WholeMs,
        "onBinEdges" => OnBinEdges,
        _ => FewLevels,
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void OrderStatistics_RandomSeries_EqualTheSortedDefinitionExactly(string kind) =>
        Check.One(Config.QuickThrowOnFailure, Prop.ForAll(Series(KindGen(kind), 3000), rr => OrderStatisticsMatchOracle(rr)));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void OrderStatistics_ScalarKernels_EqualTheSortedDefinitionExactly(string kind)
    {
        KernelDispatch.ForceScalar = true;
        try
        {
            Check.One(Config.QuickThrowOnFailure, Prop.ForAll(Series(KindGen(kind), 1500), rr => OrderStatisticsMatchOracle(rr)));
        }
        finally
        {
            KernelDispatch.ForceScalar = false;
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(25)]
    public void TinySeries_AroundTheVectorWidth_MatchOraclesOnBothPaths(int n)
    {
        var random = new Random(n);
        foreach (var quantised in new[] { false, true })
        {
            var rr = Enumerable.Range(0, n).Select(_ => quantised ? random.Next(90, 120) * BinMs : 700 + (random.NextDouble() * 300)).ToArray();
            Assert.True(OrderStatisticsMatchOracle(rr));
            var vector = HrvMetrics.TimeDomain(rr);
            KernelDispatch.ForceScalar = true;
            TimeDomainResult scalar;
            try
            {
                scalar = HrvMetrics.TimeDomain(rr);
            }
            finally
            {
                KernelDispatch.ForceScalar = false;
            }

            AssertSame(scalar, vector);
            Assert.Equal(rr.Average(), vector.MeanNnMs!.Value, 1e-9);
            Assert.Equal(rr.Average(x => 60_000 / x), vector.MeanHrBpm!.Value, 1e-9);
        }
    }

    [Fact]
    public void ConstantOffGridSeries_LongEnoughForTheFineHistogram_ZeroSpreadExactly()
    {
        // 5,000 × 800.3 ms: one coarse bin, 64 fine bins of 0.122 ms, off every edge. Median 800.3, IQR 0, MAD 0 exactly.
        var r = HrvMetrics.TimeDomain(Enumerable.Repeat(800.3, 5000).ToArray());

        Assert.Equal(800.3, r.MedianNnMs);
        Assert.Equal(0, r.IqrNnMs);
        Assert.Equal(0, r.MadNnMs);
        Assert.Equal(1, r.TriangularIndex);
        Assert.Equal(60_000 / 800.3, r.MeanHrBpm!.Value, 12);
    }

    [Fact]
    public void TiesAcrossTheMedian_TwoValues_MadIsTheirHalfDistance()
    {
        // 2,000 × 800 and 2,000 × 900 ms (whole ms, off the 7.8125-ms grid): median 850 (between the two middle values),
        // every |x − 850| = 50 → MAD 1.4826 · 50; Q1 = 800, Q3 = 900.
        var rr = Enumerable.Repeat(800.0, 2000).Concat(Enumerable.Repeat(900.0, 2000)).ToArray();
        new Random(3).Shuffle(rr);

        var r = HrvMetrics.TimeDomain(rr);

        Assert.Equal(850, r.MedianNnMs);
        Assert.Equal(100, r.IqrNnMs);
        Assert.Equal(1.4826 * 50, r.MadNnMs!.Value, 12);
    }

    [Fact]
    public void WideRange_BeyondTheStackHistogram_MatchesOracles()
    {
        // 300 ms to 45 s: 5,700 bins of 7.8125 ms, past the 4,096 kept on the stack.
        var random = new Random(11);
        var rr = Enumerable.Range(0, 20_000).Select(_ => random.Next(10) == 0 ? 300 + (random.NextDouble() * 44_700) : 800 + (random.NextDouble() * 100)).ToArray();

        Assert.True(OrderStatisticsMatchOracle(rr));
        var r = HrvMetrics.TimeDomain(rr);
        Assert.Equal(rr.Min(), r.MinNnMs);
        Assert.Equal(rr.Max(), r.MaxNnMs);
    }

    [Fact]
    public void HistogramTooWide_TinyBins_OrderStatisticsStillExact()
    {
        // Bins of 1 ns over a 1,000-ms range: 10^9 bins, more than the 2^24 allowed: no HTI/TINN, sorted order statistics.
        var random = new Random(5);
        var rr = Enumerable.Range(0, 1000).Select(_ => 500 + (random.NextDouble() * 1000)).ToArray();

        var r = HrvMetrics.TimeDomain(rr, TimeDomainOptions.Default with { HistogramBinWidthMs = 1e-6 });

        var (median, iqr, mad) = Oracle(rr);
        Assert.Equal(median, r.MedianNnMs);
        Assert.Equal(iqr, r.IqrNnMs);
        Assert.Equal(mad, r.MadNnMs);
        Assert.Null(r.TriangularIndex);
        Assert.Contains(r.Problems, p => p.Code == "hrv.histogram-too-wide");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void DayLongSeries_SegmentsAndMoments_MatchSequentialDefinition(bool onGrid)
    {
        // 100,000 beats (~22 h). On the 1/128-s grid every partial sum is exact, so pass 1 tests segment boundaries a
        // block at a time; off the grid it sums interval by interval. Both must segment exactly as the definition:
        // interval i belongs to segment k when k·300 s < t_i ≤ (k + 1)·300 s, t_i summed in order.
        var rr = DaySeries(onGrid);
        var r = HrvMetrics.TimeDomain(rr);

        var (sdann, sdnnIndex, segments) = SegmentOracle(rr, 300_000);
        Assert.Equal(segments, r.SegmentCount);
        Assert.Equal(sdann, r.SdannMs!.Value, sdann * 1e-11);
        Assert.Equal(sdnnIndex, r.SdnnIndexMs!.Value, sdnnIndex * 1e-11);

        var mean = rr.Average();
        var sdnn = Math.Sqrt(rr.Sum(x => (x - mean) * (x - mean)) / (rr.Length - 1));
        var diffs = rr.Zip(rr.Skip(1), (a, b) => b - a).ToArray();
        Assert.Equal(mean, r.MeanNnMs!.Value, mean * 1e-13);
        Assert.Equal(sdnn, r.SdnnMs!.Value, sdnn * 1e-11);
        Assert.Equal(Math.Sqrt(diffs.Average(d => d * d)), r.RmssdMs!.Value, 1e-9);
        Assert.Equal(diffs.Count(d => Math.Abs(d) > 50), r.Nn50);
        Assert.Equal(diffs.Count(d => Math.Abs(d) > 20), r.Nn20);
        Assert.Equal(rr.Average(x => 60_000 / x), r.MeanHrBpm!.Value, 1e-10);
        Assert.Equal(rr.Sum() / 1000, r.DurationSeconds, 1e-6);
        Assert.True(OrderStatisticsMatchOracle(rr));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void DayLongSeries_ScalarAndVectorKernels_Agree(bool onGrid)
    {
        var rr = DaySeries(onGrid);
        var vector = HrvMetrics.TimeDomain(rr);
        KernelDispatch.ForceScalar = true;
        TimeDomainResult scalar;
        try
        {
            scalar = HrvMetrics.TimeDomain(rr);
        }
        finally
        {
            KernelDispatch.ForceScalar = false;
        }

        AssertSame(scalar, vector);
    }

    [Fact]
    public void SegmentEndsExactlyOnABoundaryInsideABlock_StaysInItsSegment()
    {
        // 1000 ms × 299, then 500 + 500 ms: t = 300 s exactly at the 301st interval, in the middle of a block of 8.
        // That interval ends segment 0 (t ≤ 300 s). Then 800 ms × 800: segments 1 and 2 hold 375 each (300 s), and
        // 50 intervals (40 s) are left incomplete. Means 300,000 / 301, 800, 800; SDs: segment 0 only.
        var rr = Enumerable.Repeat(1000.0, 299).Concat([500.0, 500.0]).Concat(Enumerable.Repeat(800.0, 800)).ToArray();

        var r = HrvMetrics.TimeDomain(rr);

        double[] means = [300_000.0 / 301, 800, 800];
        var grand = means.Average();
        var sdann = Math.Sqrt(means.Sum(m => (m - grand) * (m - grand)) / 2);
        double[] segment0 = [.. Enumerable.Repeat(1000.0, 299), 500, 500];
        var sd0 = Math.Sqrt(segment0.Sum(x => (x - means[0]) * (x - means[0])) / 300);
        Assert.Equal(3, r.SegmentCount);
        Assert.Equal(sdann, r.SdannMs!.Value, 1e-9);
        Assert.Equal(sd0 / 3, r.SdnnIndexMs!.Value, 1e-9);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(0.0)]
    [InlineData(-800.0)]
    public void InvalidValueDeepInALongSeries_BothCalculatorsNameItsIndex(double bad)
    {
        // The vector check covers 8 values at a time; the message must still name the first bad index and its value.
        var rr = Enumerable.Repeat(800.0, 1000).ToArray();
        rr[537] = bad;
        rr[900] = bad;

        var time = Assert.Throws<ArgumentException>(() => HrvMetrics.TimeDomain(rr));
        var poincare = Assert.Throws<ArgumentException>(() => HrvMetrics.Poincare(rr));

        Assert.Contains("[537]", time.Message, StringComparison.Ordinal);
        Assert.Contains("[537]", poincare.Message, StringComparison.Ordinal);
    }

    /// <summary>Median, IQR and scaled MAD by sorting (NumPy percentile type 7; MAD = 1.4826 · median |x − median|).</summary>
    private static (double Median, double Iqr, double Mad) Oracle(double[] rr)
    {
        var sorted = rr.Order().ToArray();
        var median = Quantile(sorted, 0.5);
        var iqr = Quantile(sorted, 0.75) - Quantile(sorted, 0.25);
        var deviations = rr.Select(x => Math.Abs(x - median)).Order().ToArray();
        return (median, iqr, 1.4826 * Quantile(deviations, 0.5));
    }

    private static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        var t = h - lo;
        return t == 0 ? sorted[lo] : sorted[lo] + (t * (sorted[hi] - sorted[lo]));
    }

    private static bool OrderStatisticsMatchOracle(double[] rr)
    {
        var r = HrvMetrics.TimeDomain(rr);
        var (median, iqr, mad) = Oracle(rr);
        return r.MedianNnMs == median && r.IqrNnMs == iqr && r.MadNnMs == mad;
    }

    /// <summary>SDANN, SDNN index and the number of segments used, by the definition with two-pass standard deviations.</summary>
    private static (double Sdann, double SdnnIndex, int Segments) SegmentOracle(double[] rr, double segmentMs)
    {
        var groups = new List<List<double>>();
        double t = 0;
        var current = new List<double>();
        var index = 0;
        foreach (var x in rr)
        {
            t += x;
            var k = (int)Math.Ceiling(t / segmentMs) - 1; // k·T < t ≤ (k + 1)·T
            while (k > index)
            {
                groups.Add(current);
                current = [];
                index++;
            }

            current.Add(x);
        }

        if (t >= (index + 1) * segmentMs)
        {
            groups.Add(current);
        }

        var used = groups.Where(g => g.Count >= 2).ToList();
        var means = used.Select(g => g.Average()).ToArray();
        var grand = means.Average();
        var sdann = Math.Sqrt(means.Sum(m => (m - grand) * (m - grand)) / (means.Length - 1));
        var sdnnIndex = used.Average(g =>
        {
            var m = g.Average();
            return Math.Sqrt(g.Sum(x => (x - m) * (x - m)) / (g.Count - 1));
        });
        return (sdann, sdnnIndex, used.Count);
    }

    private static double[] DaySeries(bool onGrid)
    {
        var random = new Random(42);
        var rr = new double[100_000];
        double noise = 0, time = 0;
        for (var i = 0; i < rr.Length; i++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            noise = (0.7 * noise) + (15 * gaussian);
            var value = 800 + (120 * Math.Sin(2 * Math.PI * time / 86_400_000)) + (40 * Math.Sin(2 * Math.PI * 0.1 * time / 1000)) + noise;
            rr[i] = onGrid ? Math.Round(value / BinMs) * BinMs : value;
            time += rr[i];
        }

        return rr;
    }

    private static void AssertSame(TimeDomainResult expected, TimeDomainResult actual)
    {
        Assert.Equal(expected.IntervalCount, actual.IntervalCount);
        Assert.Equal(expected.Nn50, actual.Nn50);
        Assert.Equal(expected.Nn20, actual.Nn20);
        Assert.Equal(expected.SegmentCount, actual.SegmentCount);
        Assert.Equal(expected.TriangularIndex, actual.TriangularIndex);
        Assert.Equal(expected.TinnMs, actual.TinnMs);
        Assert.Equal(expected.MedianNnMs, actual.MedianNnMs);
        Assert.Equal(expected.IqrNnMs, actual.IqrNnMs);
        Assert.Equal(expected.MadNnMs, actual.MadNnMs);
        Assert.Equal(expected.MinNnMs, actual.MinNnMs);
        Assert.Equal(expected.MaxNnMs, actual.MaxNnMs);
        foreach (var (e, a) in new[]
        {
            (expected.MeanNnMs, actual.MeanNnMs), (expected.SdnnMs, actual.SdnnMs), (expected.RmssdMs, actual.RmssdMs),
            (expected.SdsdMs, actual.SdsdMs), (expected.MeanHrBpm, actual.MeanHrBpm), (expected.SdHrBpm, actual.SdHrBpm),
            (expected.SdannMs, actual.SdannMs), (expected.SdnnIndexMs, actual.SdnnIndexMs), ((double?)expected.DurationSeconds, (double?)actual.DurationSeconds),
        })
        {
            Assert.Equal(e.HasValue, a.HasValue);
            if (e is { } ev && a is { } av)
            {
                Assert.True(Math.Abs(ev - av) <= 1e-12 * Math.Max(1, Math.Abs(ev)), $"{ev} vs {av}");
            }
        }
    }
}
