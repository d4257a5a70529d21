using RelationalNeuro.Connectivity;
using RelationalNeuro.Synchrony;

namespace RelationalNeuro.Core.Tests.Hardening;

/// <summary>
/// The defects the property tests of the relational measures found (NumericPropertyTests.Relational.cs), each pinned with an
/// analytic answer: a correlation, a Cohen's d and a partial correlation do not change when every value is multiplied by a
/// power of two (they are scale-free, and such a product is exact), so data near ±1e308 or 1e-300 must give the answers of
/// ordinary data; what is truly beyond double precision is refused with a problem or an exception naming the argument.
/// </summary>
public class RelationalExtremesTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    /// <summary>Four ROIs over 12 time points, not collinear (a fixed pattern; any such data would do).</summary>
    private static double[,] Rois()
    {
        var x = new double[12, 4];
        for (var i = 0; i < 12; i++)
        {
            x[i, 0] = 800 + (40 * Math.Sin(i));
            x[i, 1] = 700 + (30 * Math.Cos(1.7 * i)) + (0.5 * x[i, 0]);
            x[i, 2] = 900 + (i * i % 7) - (0.2 * x[i, 1]);
            x[i, 3] = 650 + (25 * Math.Sin(2.3 * i + 1));
        }

        return x;
    }

    /// <summary>Two coupled series of 480 grid samples (2 min at 4 Hz; B follows A by 3 samples), any such pair would do.</summary>
    private static (double[] A, double[] B) CoupledSeries() =>
        ([.. Enumerable.Range(0, 480).Select(i => 800 + (50 * Math.Sin(i / 7.0)) + (5 * Math.Sin(i * 1.3)))],
         [.. Enumerable.Range(0, 480).Select(i => 780 + (40 * Math.Sin((i - 3) / 7.0)) + (7 * Math.Cos(i * 0.9)))]);

    private static double[,] Scaled(double[,] x, int e)
    {
        var y = (double[,])x.Clone();
        for (var i = 0; i < y.GetLength(0); i++)
        {
            for (var j = 0; j < y.GetLength(1); j++)
            {
                y[i, j] = Math.ScaleB(y[i, j], e);
            }
        }

        return y;
    }

    [Theory]
    [InlineData(900)] // values near 1e273: their squares overflowed, and the correlation came out 0
    [InlineData(-1000)] // values near 1e-298: their squares underflowed, and every ROI was reported constant
    public void Correlation_OfDataTimesAPowerOfTwo_IsTheCorrelationOfTheData(int e)
    {
        var plain = FunctionalConnectivity.Correlation(Rois());
        var scaled = FunctionalConnectivity.Correlation(Scaled(Rois(), e));
        Assert.Empty(scaled.Problems);
        Assert.Equal(plain.Matrix!.Cast<double>(), scaled.Matrix!.Cast<double>());
    }

    [Theory]
    [InlineData(CovarianceEstimator.Empirical)]
    [InlineData(CovarianceEstimator.LedoitWolf)]
    public void PartialCorrelation_OfHugeData_IsThatOfTheData_AndTheirCovarianceIsRefused(CovarianceEstimator estimator)
    {
        var options = ConnectivityOptions.Default with { Estimator = estimator };
        var plain = FunctionalConnectivity.Compute(Rois(), options with { Kind = ConnectivityKind.PartialCorrelation });
        var huge = FunctionalConnectivity.Compute(Scaled(Rois(), 1000), options with { Kind = ConnectivityKind.PartialCorrelation });
        Assert.DoesNotContain(huge.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Equal(plain.Matrix!.Cast<double>(), huge.Matrix!.Cast<double>());
        Assert.Equal(plain.Shrinkage, huge.Shrinkage);

        // Its covariance, about 1e602, is not a double: a problem and no matrix, not a matrix of ∞ and NaN.
        var covariance = FunctionalConnectivity.Compute(Scaled(Rois(), 1000), options with { Kind = ConnectivityKind.Covariance });
        Assert.Null(covariance.Matrix);
        Assert.Contains(covariance.Problems, p => p is { Code: "connectivity.out-of-range", Severity: ProblemSeverity.Error });

        // 2^200 times the data: the covariance is 2^400 times theirs, exactly.
        var plainCovariance = FunctionalConnectivity.Compute(Rois(), options with { Kind = ConnectivityKind.Covariance });
        var bigCovariance = FunctionalConnectivity.Compute(Scaled(Rois(), 200), options with { Kind = ConnectivityKind.Covariance });
        Assert.Equal(plainCovariance.Matrix!.Cast<double>().Select(v => Math.ScaleB(v, 400)), bigCovariance.Matrix!.Cast<double>());
    }

    [Fact]
    public void LedoitWolf_OfHugeData_ScalesExactly_AndBeyondTheRangeNamesTheArgument()
    {
        var plain = FunctionalConnectivity.LedoitWolf(Rois());
        var big = FunctionalConnectivity.LedoitWolf(Scaled(Rois(), 300));
        Assert.Equal(plain.Shrinkage, big.Shrinkage);
        Assert.Equal(Math.ScaleB(plain.Mu, 600), big.Mu);
        var error = Assert.Throws<ArgumentException>(() => FunctionalConnectivity.LedoitWolf(Scaled(Rois(), 1000)));
        Assert.Equal("timeSeries", error.ParamName);
    }

    [Fact]
    public void ConnectivityHelpers_NonFiniteOrOverflowingEntries_NameTheArgument()
    {
        double[,] withNaN = { { 1, double.NaN }, { 0.3, 1 } };
        Assert.Equal("connectivity", Assert.Throws<ArgumentException>(() => FunctionalConnectivity.NodeStrength(withNaN, NodeStrengthWeights.Net)).ParamName);
        Assert.Equal("covariance", Assert.Throws<ArgumentException>(() => FunctionalConnectivity.CovarianceToCorrelation(withNaN)).ParamName);
        Assert.Equal("precision", Assert.Throws<ArgumentException>(() => FunctionalConnectivity.PrecisionToPartialCorrelation(withNaN)).ParamName);
        Assert.Equal("symmetric", Assert.Throws<ArgumentException>(() => FunctionalConnectivity.ToVector(withNaN, discardDiagonal: true)).ParamName);

        // Two weights of 1e308: the strength, 2e308, is not a double.
        double[,] huge = { { 0, 1e308, 1e308 }, { 1e308, 0, 0 }, { 1e308, 0, 0 } };
        var overflow = Assert.Throws<ArgumentException>(() => FunctionalConnectivity.NodeStrength(huge, NodeStrengthWeights.Net));
        Assert.Equal("connectivity", overflow.ParamName);
        Assert.Contains("node 0", overflow.Message, StringComparison.Ordinal);

        // Variances of 1e300: √(1e300·1e300) overflowed and every correlation came out 0; r = 0.5e300/1e300 = 0.5.
        double[,] bigCovariance = { { 1e300, 0.5e300 }, { 0.5e300, 1e300 } };
        Assert.Equal(0.5, FunctionalConnectivity.CovarianceToCorrelation(bigCovariance)[0, 1], 15);
    }

    [Fact]
    public void PseudoDyadCompare_HugeValues_GiveTheSameD_AndScaledMeansAndSds()
    {
        // real 1, 2, 3 and pseudo 4, 5, 6 (× 2^1000 ≈ 1e301): means 2 and 5, SDs 1, pooled SD 1, d = |2 − 5| / 1 = 3.
        var k = Math.ScaleB(1.0, 1000);
        var result = PseudoDyads.Compare([k, 2 * k, 3 * k], [4 * k, 5 * k, 6 * k]);
        Assert.Empty(result.Problems);
        Assert.Equal(3, result.CohensD);
        Assert.Equal((2 * k, k, 5 * k, k), (result.RealMean, result.RealSd, result.PseudoMean, result.PseudoSd));

        // ±1.7e308 and 0: the SD of the reals (2.1e308) is not a double; left out with a warning, d still given.
        var edge = PseudoDyads.Compare([1.7e308, -1.7e308], [0, 0.5]);
        Assert.Null(edge.RealSd);
        Assert.Contains(edge.Problems, p => p.Code == "sync.out-of-range");
        Assert.NotNull(edge.CohensD);
    }

    [Fact]
    public void RollingSynchrony_AnIntervalOf4e172Ms_IsIgnoredAndCounted_NotFilledUpTo()
    {
        var meter = new RollingSynchrony();
        var snapshot = Within.Returns(Bound, () =>
        {
            meter.Add(DyadMember.A, 800);
            meter.Add(DyadMember.A, 4.131649852180242E+172); // before: the grid was filled up to it, for ever
            meter.Add(DyadMember.B, -1e308);
            return meter.Add(DyadMember.B, double.NaN);
        });
        Assert.Equal((1L, 0L), (snapshot.BeatsA, snapshot.BeatsB));
        var ignored = Assert.Single(snapshot.Problems, p => p.Code == "sync.beats-ignored");
        Assert.StartsWith("3 beats were ignored", ignored.Message, StringComparison.Ordinal);

        meter.Reset();
        Assert.Empty(meter.Current.Problems);
    }

    [Theory]
    [InlineData(1000.5, 30, 3, 240, "options.SampleRateHz")]
    [InlineData(4, 1e6, 3, 240, "options.WindowSeconds")] // 4 million samples: 2²⁰ at most
    [InlineData(4, 30, 3000, 240, "options.MaxLagSeconds")] // 12,000 lags each way: 8,192 at most
    [InlineData(4, 30, 3, int.MaxValue, "options.MaxPendingSamples")] // 16 GiB of pending samples
    public void RollingSynchrony_OptionsBeyondTheLimits_NameTheOption(double rate, double window, double lag, int pending, string name)
    {
        var options = new RollingSynchronyOptions { SampleRateHz = rate, WindowSeconds = window, MaxLagSeconds = lag, MaxPendingSamples = pending };
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => new RollingSynchrony(options)).ParamName);
    }

    [Fact]
    public void DyadAlignment_ARateOf1e13Hz_NamesTheOption_InsteadOfOverflowing()
    {
        double[] rr = [.. Enumerable.Repeat(800.0, 300)];
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DyadAlignment.Align(rr, rr, DyadAlignmentOptions.Reference with { SampleRateHz = 1.7e13 }));
        Assert.Equal("options.SampleRateHz", error.ParamName);
    }

    [Fact]
    public void WindowedCrossCorrelation_ALagOf65MillionSamples_NamesTheOption_InsteadOfAllocatingGigabytes()
    {
        double[] a = [800, 810, 790, 805];
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            WindowedCrossCorrelation.Compute(a, a, 60_000, WindowedCrossCorrelationOptions.Rmea with { MaxLagSeconds = 1083.56 }));
        Assert.Equal("options.MaxLagSeconds", error.ParamName);
    }

    [Fact]
    public void SurrogateSynchrony_HugeSegments_GiveTheSegmentValuesOfTheData()
    {
        // Two coupled sine series; the same series times 2^1000 (≈ 1e301) must give the same r, z and every summary.
        var (a, b) = CoupledSeries();

        var plain = SurrogateSynchrony.Compute(a, b, 4);
        var huge = SurrogateSynchrony.Compute(a.Select(v => Math.ScaleB(v, 1000)).ToArray(), b.Select(v => Math.ScaleB(v, 1000)).ToArray(), 4);
        Assert.NotNull(plain.Z);
        Assert.Equal(plain.Z, huge.Z);
        Assert.Equal(plain.RealMeanAbsR, huge.RealMeanAbsR);
        ResultInspector.AssertFinite(huge);
    }

    [Fact]
    public void WindowedCrossCorrelation_HugeSeries_GiveTheCellsOfTheData()
    {
        // r is scale-free: the series × 2^1000 (≈ 1e301) must give every cell of the plain series. Before, the sums of
        // squares overflowed and every window came out missing.
        var (a, b) = CoupledSeries();

        var plain = WindowedCrossCorrelation.Compute(a, b, 4);
        var huge = WindowedCrossCorrelation.Compute(a.Select(v => Math.ScaleB(v, 1000)).ToArray(), b.Select(v => Math.ScaleB(v, 1000)).ToArray(), 4);
        Assert.True(plain.ComputedCellCount > 0);
        Assert.Equal(plain.ComputedCellCount, huge.ComputedCellCount);
        for (var w = 0; w < plain.WindowCount; w++)
        {
            for (var l = 0; l < plain.LagCount; l++)
            {
                Assert.Equal(plain.Cell(w, l), huge.Cell(w, l));
            }
        }
    }

    [Fact]
    public void SurrogateSynchrony_TwoSampleSegmentsOfIdenticalSeries_HaveNoNaN()
    {
        // Two-sample segments correlate ±1 with each other; for these pairs rounding gave ±(1 + 2⁻⁵²), whose z was NaN
        // (pairs found by a search emulating the computation in binary64).
        double[] a =
        [
            906.13, 1199.21, 1004.69, 709.11, 1139.82, 876.61, 940.62, 1152.2, 787.11, 724.69, 907.13, 1160.49,
            991.75, 763.86, 735.97, 1125.29, 619.12, 817.41, 703.13, 1003.66, 661.23, 868.69, 1124.86, 676.52,
        ];
        var result = SurrogateSynchrony.Compute(a, a, 2, SurrogateSynchronyOptions.Susy with { SegmentSeconds = 1, MaxLagSeconds = 0 });
        ResultInspector.AssertFinite(result);
    }
}
