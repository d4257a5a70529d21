using RelationalNeuro.Hrv;

namespace RelationalNeuro.Core.Tests.Hrv;

/// <summary>
/// The coherence ratio against analytic answers. Sinusoids at multiples of 1/64 Hz (the 64-s window's bins) keep all
/// their power in the peak bin and its two neighbours under a Hann window, so for a main component of amplitude A₁ and
/// a second one of A₂ elsewhere in 0.0033–0.4 Hz the ratio is A₁²/A₂².
/// </summary>
public sealed class HeartRhythmCoherenceTests
{
    [Fact]
    public void Compute_TwoBinCentredSines_RatioIsPowerRatio()
    {
        // 6/64 Hz (A = 40 ms, 800 ms²) and 13/64 Hz (A = 20 ms, 200 ms²): ratio 800/200 = 4, peak at 6/64 Hz.
        var nn = SyntheticRr.SinesAtBeatTimes(320, 1000, (6.0 / 64, 40), (13.0 / 64, 20));

        var result = HeartRhythmCoherence.Compute(nn);

        Assert.NotEmpty(result.Epochs);
        foreach (var epoch in result.Epochs)
        {
            Assert.Equal(4.0, epoch.Ratio!.Value, 4.0 * 0.05);
            Assert.Equal(6.0 / 64, epoch.PeakFrequencyHz!.Value, 1e-12);
            Assert.Equal(1000, epoch.TotalPowerMs2, 1000 * 0.03);
        }

        Assert.Equal(4.0, result.MeanRatio!.Value, 4.0 * 0.05);
    }

    [Fact]
    public void Compute_LargerSecondComponentOutsideSearchBand_PeakStaysInSearchBand()
    {
        // 0.3125 Hz (20/64, A = 40) is outside 0.04–0.26 Hz; the peak is the 0.125-Hz component (8/64, A = 20): ratio 200/800.
        // 120 beats/min, so that the spline resampling keeps the 0.3125-Hz component's power (at 60/min it loses ~9 %).
        var nn = SyntheticRr.SinesAtBeatTimes(640, 500, (8.0 / 64, 20), (20.0 / 64, 40));

        var result = HeartRhythmCoherence.Compute(nn);

        Assert.All(result.Epochs, e => Assert.Equal(8.0 / 64, e.PeakFrequencyHz!.Value, 1e-12));
        Assert.Equal(0.25, result.MeanRatio!.Value, 0.25 * 0.05);
    }

    [Fact]
    public void Compute_300Seconds_OneEpochEvery5SecondsAfterTheFirst64()
    {
        var nn = SyntheticRr.SinesAtBeatTimes(301, 1000, (0.1, 30));

        var result = HeartRhythmCoherence.Compute(nn);

        // Beat times 0…300 s: windows end at 64, 69, …, 299 s → 48 epochs.
        Assert.Equal(48, result.Epochs.Count);
        Assert.Equal(64, result.Epochs[0].EndSeconds);
        Assert.Equal(299, result.Epochs[^1].EndSeconds);
    }

    [Fact]
    public void Compute_ShorterThanWindow_NoEpochsAndProblem()
    {
        var nn = SyntheticRr.SinesAtBeatTimes(50, 1000, (0.1, 30));

        var result = HeartRhythmCoherence.Compute(nn);

        Assert.Empty(result.Epochs);
        Assert.Null(result.MeanRatio);
        Assert.Equal("hrv.too-short-for-coherence", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Compute_ConstantSeries_RatiosNullWithProblems()
    {
        var nn = Enumerable.Repeat(900.0, 200).ToArray();

        var result = HeartRhythmCoherence.Compute(nn);

        Assert.NotEmpty(result.Epochs);
        Assert.All(result.Epochs, e => Assert.Null(e.Ratio));
        Assert.Null(result.MeanRatio);
        Assert.All(result.Problems, p => Assert.Equal("hrv.no-variability", p.Code));
    }
}
