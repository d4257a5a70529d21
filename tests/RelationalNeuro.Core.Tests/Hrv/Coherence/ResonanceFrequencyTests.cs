using RelationalNeuro.Core.Tests.Hardening;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Core.Tests.Hrv;

/// <summary>
/// Resonance-frequency estimation on a synthetic assessment: five 2-min segments paced at 6.5 … 4.5 breaths/min, the NN
/// series oscillating at the breathing frequency with an amplitude that peaks at 5.5 breaths/min. Analytic answers:
/// the resonance rate is 5.5; that segment's LF power is A²/2 = 1012.5 ms²; its peak-to-trough heart rate is
/// 60000/(1000 − A) − 60000/(1000 + A) bpm.
/// </summary>
public sealed class ResonanceFrequencyTests
{
    private static readonly (double Rate, double Amplitude)[] Protocol = [(6.5, 20), (6.0, 30), (5.5, 45), (5.0, 35), (4.5, 25)];

    private static (double[] Nn, PacedBreathingSegment[] Segments) Assessment()
    {
        var nn = new List<double>();
        var t = 0.0;
        var segments = new PacedBreathingSegment[Protocol.Length];
        for (var s = 0; s < Protocol.Length; s++)
        {
            var start = s * 120.0;
            segments[s] = new PacedBreathingSegment(start, start + 120, Protocol[s].Rate);
        }

        // Beat times follow the library's convention: t_0 = 0, t_k = t_{k−1} + NN_k/1000; NN_k = 1000 + A·sin(2π r/60 (t_k − start)).
        nn.Add(1000);
        while (t < 600 - 1.1)
        {
            var value = 1000.0;
            for (var iteration = 0; iteration < 30; iteration++)
            {
                var at = t + (value / 1000);
                var s = Math.Min((int)(at / 120), Protocol.Length - 1);
                value = 1000 + (Protocol[s].Amplitude * Math.Sin(2 * Math.PI * Protocol[s].Rate / 60 * (at - (s * 120))));
            }

            nn.Add(value);
            t += value / 1000;
        }

        return (nn.ToArray(), segments);
    }

    [Theory]
    [InlineData(ResonanceCriterion.LfPower)]
    [InlineData(ResonanceCriterion.LfPeakDensity)]
    [InlineData(ResonanceCriterion.PeakToTroughHeartRate)]
    public void Estimate_AmplitudePeaksAt5Point5_Returns5Point5(ResonanceCriterion criterion)
    {
        var (nn, segments) = Assessment();

        var estimate = ResonanceFrequency.Estimate(nn, segments, criterion);

        Assert.Equal(5.5, estimate.BreathsPerMinute);
        Assert.Equal(2, estimate.BestSegmentIndex);
        Assert.Empty(estimate.Problems);
    }

    [Fact]
    public void Estimate_WinningSegment_LfPowerPeakAndPeakToTroughMatchAnalytic()
    {
        var (nn, segments) = Assessment();

        var best = ResonanceFrequency.Estimate(nn, segments).Segments[2];

        Assert.Equal(45.0 * 45.0 / 2, best.LfPowerMs2!.Value, 1012.5 * 0.05);
        Assert.Equal(5.5 / 60, best.LfPeakHz!.Value, 1.0 / 120);
        var expectedSwing = (60000 / (1000 - 45.0)) - (60000 / (1000 + 45.0));
        Assert.Equal(expectedSwing, best.PeakToTroughBpm!.Value, expectedSwing * 0.06);
    }

    [Fact]
    public void Estimate_SegmentTooShort_NullMeasuresAndProblem()
    {
        var (nn, _) = Assessment();
        PacedBreathingSegment[] segments = [new(0, 30, 6), new(120, 240, 6)];

        var estimate = ResonanceFrequency.Estimate(nn, segments);

        Assert.Null(estimate.Segments[0].LfPowerMs2);
        Assert.Equal("hrv.segment-too-short", Assert.Single(estimate.Problems).Code);
        Assert.Equal(1, estimate.BestSegmentIndex);
    }

    /// <summary>
    /// A segment reaching far past the recording measures what the recording holds (the cycles after the last beat hold
    /// nothing), and returns at once: the peak-to-trough loop used to walk every breath cycle of the segment, 2³¹ of them
    /// for a 10⁹-s segment at 1.7·10³⁰⁸ breaths/min (4 s; found by the fuzz test on 2026-12-05, seed 20261205).
    /// </summary>
    [Fact]
    public void Estimate_SegmentFarLongerThanTheRecording_SameMeasuresAndReturnsAtOnce()
    {
        var (nn, _) = Assessment();

        var whole = ResonanceFrequency.Estimate(nn, [new PacedBreathingSegment(0, 600, 5.5)]).Segments[0];
        var longer = Within.Returns(TimeSpan.FromSeconds(1), () => ResonanceFrequency.Estimate(nn, [new PacedBreathingSegment(0, 1e12, 5.5)])).Segments[0];

        Assert.NotNull(whole.PeakToTroughBpm);
        Assert.Equal(whole.PeakToTroughBpm, longer.PeakToTroughBpm);
        Assert.Equal(whole.LfPowerMs2, longer.LfPowerMs2);
    }

    [Fact]
    public void Estimate_BreathCycleShorterThanAnyInterval_NoPeakToTroughAndReturnsAtOnce()
    {
        double[] nn = [977.7743450262465, 722.3575699712884, 60000, 889.3956286317648, 766.8931931103082, 608.6237177292927, 818.1643141518181, 940.4154755828974, 1118.7650648498745, 920.0029502250268, 1075.2510574065386, 1162.489981373069, 793.3389017327404, 1157.4013578507124, 743.6022520734008, 816.8903922740791, 1134.8314119199438, 1090.9284718758095, 1120.38773033786, 739.1667883559907];

        var estimate = Within.Returns(TimeSpan.FromSeconds(1), () => ResonanceFrequency.Estimate(nn, [new PacedBreathingSegment(1e-300, 1e9, 1.7e308)], ResonanceCriterion.PeakToTroughHeartRate));

        Assert.Null(estimate.Segments[0].PeakToTroughBpm);
        Assert.Null(estimate.BestSegmentIndex);
    }

    [Fact]
    public void Estimate_NonPositiveRate_Throws()
    {
        var (nn, _) = Assessment();

        Assert.Throws<ArgumentOutOfRangeException>(() => ResonanceFrequency.Estimate(nn, [new PacedBreathingSegment(0, 120, 0)]));
    }
}
