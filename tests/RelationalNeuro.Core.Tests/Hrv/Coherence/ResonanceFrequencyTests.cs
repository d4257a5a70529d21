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

    [Fact]
    public void Estimate_NonPositiveRate_Throws()
    {
        var (nn, _) = Assessment();

        Assert.Throws<ArgumentOutOfRangeException>(() => ResonanceFrequency.Estimate(nn, [new PacedBreathingSegment(0, 120, 0)]));
    }
}
