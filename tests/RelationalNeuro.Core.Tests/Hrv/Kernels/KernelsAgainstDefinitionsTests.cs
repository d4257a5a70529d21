using FsCheck;
using FsCheck.Fluent;
using RelationalNeuro.Hrv;
using RelationalNeuro.Hrv.Kernels;

namespace RelationalNeuro.Core.Tests.Hrv;

/// <summary>
/// The public <see cref="HrvMetrics.TimeDomain"/> and <see cref="HrvMetrics.Poincare"/>, on both kernel paths (AVX-512
/// where the machine has it, and the scalar one forced on the test's thread), against the formulas in
/// <see cref="TimeDomainDefinitions"/> and <see cref="PoincareDefinitions"/>: on random series and on adversarial ones
/// (ties, constant, lengths around the vector width, huge and tiny magnitudes, one outlier, 1/128-s quantisation).
/// Counts, histogram metrics and order statistics must be equal; sums may differ only by the order of additions.
/// The formulas themselves are checked on a hand-computed example first.
/// </summary>
public sealed class KernelsAgainstDefinitionsTests
{
    private const double BinMs = 7.8125;

    [Fact]
    public void Definitions_HandComputedExample_GiveTheWorkedAnswers()
    {
        // RR 1000, 1100, 900, 1000 ms: mean 1000; deviations 0, 100, −100, 0 → SDNN = √(20,000 / 3);
        // differences 100, −200, 100 → RMSSD = √(60,000 / 3), SDSD (mean 0, N − 2) = √(60,000 / 2), NN50 = 3 (all > 50);
        // sorted 900, 1000, 1000, 1100: Q1 (h = 0.75) 975, median 1000, Q3 (h = 2.25) 1025; |x − 1000| = 0, 100, 100, 0 →
        // MAD = 1.4826 · 50. Poincaré: across (−100, 200, −100)/√2 → SD1 = √(30,000 / 2) = √15,000; along (2100, 2000,
        // 1900)/√2 → SD2 = √(10,000 / 2). Bins of 7.8125 ms: 115, 128, 140, 128 → HTI = 4 / 2.
        double[] rr = [1000, 1100, 900, 1000];

        Assert.Equal(1000, TimeDomainDefinitions.MeanNn(rr));
        Assert.Equal(Math.Sqrt(20_000.0 / 3), TimeDomainDefinitions.Sdnn(rr), 12);
        Assert.Equal(Math.Sqrt(20_000.0), TimeDomainDefinitions.Rmssd(rr), 12);
        Assert.Equal(Math.Sqrt(30_000.0), TimeDomainDefinitions.Sdsd(rr, SdsdDefinition.SignedSample), 12);
        Assert.Equal(3, TimeDomainDefinitions.Nn(rr, 50));
        Assert.Equal(100, TimeDomainDefinitions.Pnn(rr, 50, PnnDenominator.SuccessiveDifferences));
        Assert.Equal(75, TimeDomainDefinitions.Pnn(rr, 50, PnnDenominator.Intervals));
        Assert.Equal(1000, TimeDomainDefinitions.Median(rr));
        Assert.Equal(50, TimeDomainDefinitions.Iqr(rr));
        Assert.Equal(1.4826 * 50, TimeDomainDefinitions.Mad(rr), 12);
        Assert.Equal(2, TimeDomainDefinitions.TriangularIndex(rr, BinMs));
        Assert.Equal(128, TimeDomainDefinitions.Bin(1000, BinMs));
        Assert.Equal(127, TimeDomainDefinitions.Bin(Math.BitDecrement(1000), BinMs));
        var (sd1, sd2) = PoincareDefinitions.Sd1Sd2(rr, PoincareDefinition.RotatedAxesNMinusOne);
        Assert.Equal(Math.Sqrt(15_000.0), sd1, 12);
        Assert.Equal(Math.Sqrt(5_000.0), sd2, 12);
    }

    [Fact]
    public void TinnDefinition_IsoscelesHistogram_BaseOfTheTriangle()
    {
        // Counts 1, 2, 3, 2, 1 in bins 100…104 (values at bin edges): the triangle with feet at bins 99 and 105 passes
        // through every count exactly (error 0), so TINN = 6 bins.
        var rr = new[] { (100, 1), (101, 2), (102, 3), (103, 2), (104, 1) }
            .SelectMany(b => Enumerable.Repeat(b.Item1 * BinMs, b.Item2)).ToArray();

        Assert.Equal(6 * BinMs, TimeDomainDefinitions.Tinn(rr, BinMs));
        Assert.Equal(6 * BinMs, HrvMetrics.TimeDomain(rr).TinnMs);
    }

    public static TheoryData<string> AdversarialCases() =>
    [
        "ties", "constant", "constantOffGrid", "huge", "tiny", "oneOutlier", "quantised128Hz", "fine", "alternating",
        .. new[] { 1, 2, 3, 7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 32, 33 }.Select(n => $"length{n}"),
    ];

    [Theory]
    [MemberData(nameof(AdversarialCases))]
    public void AdversarialSeries_BothPaths_EqualTheDefinitions(string name)
    {
        var rr = Adversarial(name);

        // Around 60,000 ms, bins of 1,024 ms (~60 bins from 0 ms), so that the definition's O(bins²) TINN search stays quick.
        var options = name == "huge" ? TimeDomainOptions.Default with { HistogramBinWidthMs = 1024 } : TimeDomainOptions.Default;
        foreach (var forceScalar in new[] { false, true })
        {
            AssertMatchesDefinitions(rr, forceScalar, options);
        }
    }

    public static TheoryData<string> Kinds() => ["fine", "wholeMs", "onBinEdges", "fewLevels", "wide"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void RandomSeries_BothPaths_EqualTheDefinitions(string kind)
    {
        var value = kind switch
        {
            "fine" => Gen.Choose(250_000, 2_500_000).Select(i => i / 1000.0),
            "wholeMs" => Gen.Choose(600, 1100).Select(i => (double)i),
            "onBinEdges" => Gen.Choose(80, 140).Select(i => i * BinMs),
            "fewLevels" => Gen.Choose(75, 85).Select(i => i * 10.0),
            _ => Gen.Choose(300_000, 3_000_000).Select(i => i / 1000.0),
        };
        var series = Gen.Choose(1, 1200).SelectMany(n => Gen.ArrayOf(value, n)).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure, Prop.ForAll(series, rr =>
        {
            AssertMatchesDefinitions(rr, forceScalar: false);
            AssertMatchesDefinitions(rr, forceScalar: true);
        }));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void LongSeries_Segments_EqualTheDefinition(bool quantised)
    {
        // 4,000 beats ≈ 53 min: ten complete 5-min segments, SDANN and the SDNN index by the definition.
        var random = new Random(7);
        var rr = Enumerable.Range(0, 4000).Select(i => 800 + (60 * Math.Sin(i / 300.0)) + (random.NextDouble() * 40)).ToArray();
        if (quantised)
        {
            rr = [.. rr.Select(x => Math.Round(x / BinMs) * BinMs)];
        }

        var (sdann, sdnnIndex, segments) = TimeDomainDefinitions.Segments(rr, 300_000);
        foreach (var forceScalar in new[] { false, true })
        {
            var r = Run(() => HrvMetrics.TimeDomain(rr), forceScalar);
            Assert.Equal(segments, r.SegmentCount);
            AssertClose(sdann, r.SdannMs, rr.Max());
            AssertClose(sdnnIndex, r.SdnnIndexMs, rr.Max());
            AssertMatchesDefinitions(rr, forceScalar);
        }
    }

    private static double[] Adversarial(string name)
    {
        var random = new Random(name.GetHashCode(StringComparison.Ordinal) & 0xFFFF);
        return name switch
        {
            // Ties: 400 values on 3 levels, each level many times; the median and quartiles fall inside runs of ties.
            "ties" => [.. Enumerable.Range(0, 400).Select(_ => 790.0 + (10 * random.Next(3)))],
            "constant" => [.. Enumerable.Repeat(800.0, 333)],
            "constantOffGrid" => [.. Enumerable.Repeat(800.3, 5000)],

            // Huge and tiny: at the two ends of the calculable range [1, 60,000] ms (issue 13 bounded it; 10^6 and
            // 10^-3 ms, used before, are now refused), spread 50 ms below the top and 1 ms above the bottom.
            "huge" => [.. Enumerable.Range(0, 500).Select(_ => RrSeries.MaximumIntervalMs - (random.NextDouble() * 50))],
            "tiny" => [.. Enumerable.Range(0, 500).Select(_ => RrSeries.MinimumIntervalMs * (1 + random.NextDouble()))],

            // One 30-s outlier in a sinus series: thousands of empty bins between the bulk and the outlier.
            "oneOutlier" => [.. Enumerable.Range(0, 1000).Select(i => i == 617 ? 30_000 : 780 + (random.NextDouble() * 40))],
            "quantised128Hz" => [.. Enumerable.Range(0, 2000).Select(_ => Math.Round((700 + (random.NextDouble() * 250)) / BinMs) * BinMs)],
            "fine" => [.. Enumerable.Range(0, 2000).Select(_ => 600 + (random.NextDouble() * 500))],
            "alternating" => [.. Enumerable.Range(0, 301).Select(i => i % 2 == 0 ? 800.0 : 900.0)],
            _ => [.. Enumerable.Range(0, int.Parse(name["length".Length..], System.Globalization.CultureInfo.InvariantCulture))
                .Select(_ => 700 + (random.NextDouble() * 300))],
        };
    }

    private static void AssertMatchesDefinitions(double[] rr, bool forceScalar, TimeDomainOptions? options = null)
    {
        options ??= TimeDomainOptions.Default;
        var r = Run(() => HrvMetrics.TimeDomain(rr, options), forceScalar);
        var n = rr.Length;

        Assert.Equal(n, r.IntervalCount);
        Assert.Equal(rr.Min(), r.MinNnMs);
        Assert.Equal(rr.Max(), r.MaxNnMs);
        AssertClose(TimeDomainDefinitions.MeanNn(rr), r.MeanNnMs, rr.Max());
        AssertClose(TimeDomainDefinitions.MeanHr(rr), r.MeanHrBpm, 60_000 / rr.Min());
        Assert.Equal(TimeDomainDefinitions.Median(rr), r.MedianNnMs);
        Assert.Equal(TimeDomainDefinitions.Iqr(rr), r.IqrNnMs);
        Assert.Equal(TimeDomainDefinitions.Mad(rr), r.MadNnMs);
        Assert.Equal(TimeDomainDefinitions.TriangularIndex(rr, options.HistogramBinWidthMs), r.TriangularIndex);
        Assert.Equal(TimeDomainDefinitions.Tinn(rr, options.HistogramBinWidthMs), r.TinnMs);
        if (n >= 2)
        {
            AssertClose(TimeDomainDefinitions.Sdnn(rr), r.SdnnMs, rr.Max());
            AssertClose(TimeDomainDefinitions.Rmssd(rr), r.RmssdMs, rr.Max());
            AssertClose(TimeDomainDefinitions.SdHr(rr, options.SdHr), r.SdHrBpm, 60_000 / rr.Min());
            Assert.Equal(TimeDomainDefinitions.Nn(rr, 50), r.Nn50);
            Assert.Equal(TimeDomainDefinitions.Nn(rr, 20), r.Nn20);
            Assert.Equal(TimeDomainDefinitions.Pnn(rr, 50, options.PnnDenominator), r.Pnn50Percent);
            Assert.Equal(TimeDomainDefinitions.Pnn(rr, 20, options.PnnDenominator), r.Pnn20Percent);
        }

        if (n >= 3)
        {
            AssertClose(TimeDomainDefinitions.Sdsd(rr, options.Sdsd), r.SdsdMs, rr.Max());
            foreach (var definition in Enum.GetValues<PoincareDefinition>())
            {
                var p = Run(() => HrvMetrics.Poincare(rr, new PoincareOptions { Definition = definition }), forceScalar);
                var (sd1, sd2) = PoincareDefinitions.Sd1Sd2(rr, definition);
                AssertClose(sd1, p.Sd1Ms, rr.Max());
                AssertClose(sd2, p.Sd2Ms, rr.Max());
            }
        }
    }

    /// <summary>
    /// Equal up to the order of additions: within 1e-9 of (|expected| + the largest interval's heart rate or interval).
    /// The one-pass sums are shifted by the first value and the definitions centre on a rounded mean, so on a constant
    /// series the definition's SD is a rounding residue (~1e-12 ms) where the kernels give exactly 0.
    /// </summary>
    private static void AssertClose(double expected, double? actual, double scale)
    {
        Assert.NotNull(actual);
        Assert.True(Math.Abs(expected - actual.Value) <= 1e-9 * (Math.Abs(expected) + scale), $"expected {expected:R}, got {actual.Value:R}");
    }

    private static T Run<T>(Func<T> compute, bool forceScalar)
    {
        KernelDispatch.ForceScalar = forceScalar;
        try
        {
            return compute();
        }
        finally
        {
            KernelDispatch.ForceScalar = false;
        }
    }
}
