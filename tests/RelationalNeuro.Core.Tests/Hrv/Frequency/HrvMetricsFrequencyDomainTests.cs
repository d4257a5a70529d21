using RelationalNeuro.Hrv;

namespace RelationalNeuro.Core.Tests.Hrv;

/// <summary>
/// Frequency domain against analytic answers: the shared reference generator (LF 800 ms² at 0.1 Hz, A = 40 ms;
/// HF 450 ms² at 0.25 Hz, A = 30 ms; a sinusoid of amplitude A has power A²/2), regenerated here so the tests run
/// without ../shared.
/// </summary>
public sealed class HrvMetricsFrequencyDomainTests
{
    private static readonly (double, double)[] TwoSines = [(0.1, 40), (0.25, 30)];

    public static TheoryData<string> Pipelines() => ["default", "hamming", "smoothness-priors", "whole-record", "lomb"];

    private static FrequencyDomainOptions Pipeline(string name) => name switch
    {
        "hamming" => FrequencyDomainOptions.Default with { Window = SpectralWindow.Hamming },
        "smoothness-priors" => FrequencyDomainOptions.Default with { Detrending = Detrending.SmoothnessPriors },
        "whole-record" => FrequencyDomainOptions.Default with { SegmentSeconds = null },
        "lomb" => FrequencyDomainOptions.Default with { Method = SpectralMethod.LombScargle },
        _ => FrequencyDomainOptions.Default,
    };

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void FrequencyDomain_TwoSines5Min_PowersWithinThreePercentOfAnalytic(string pipeline)
    {
        var nn = SyntheticRr.Sines(300, 1000, TwoSines);

        var result = HrvMetrics.FrequencyDomain(nn, Pipeline(pipeline));

        Assert.Equal(800, result.LfPowerMs2!.Value, 800 * 0.03);
        Assert.Equal(450, result.HfPowerMs2!.Value, 450 * 0.03);
        Assert.Equal(800.0 / 450.0, result.LfHfRatio!.Value, 800.0 / 450.0 * 0.04);
        Assert.Equal(64.0, result.LfNormalizedUnits!.Value, 1.5);
        Assert.Equal(36.0, result.HfNormalizedUnits!.Value, 1.5);
    }

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void FrequencyDomain_TwoSines5Min_PeaksWithinOneBin(string pipeline)
    {
        var nn = SyntheticRr.Sines(300, 1000, TwoSines);

        var result = HrvMetrics.FrequencyDomain(nn, Pipeline(pipeline));

        var bin = Math.Max(result.FrequencyStepHz, result.FrequencyResolutionHz);
        Assert.InRange(result.LfPeakHz!.Value, 0.1 - bin, 0.1 + bin);
        Assert.InRange(result.HfPeakHz!.Value, 0.25 - bin, 0.25 + bin);
    }

    [Fact]
    public void FrequencyDomain_TwoSines20Min_PowersWithinFourPercentAndTotalIsSumOfBands()
    {
        var nn = SyntheticRr.Sines(1200, 1000, TwoSines);

        var result = HrvMetrics.FrequencyDomain(nn);

        // LF within 1 %; HF 0.25 Hz sampled by beats at ~1 Hz loses ~3 % in any spline resampling (pyHRV: 437.2 of 450).
        Assert.Equal(800, result.LfPowerMs2!.Value, 800 * 0.01);
        Assert.Equal(450, result.HfPowerMs2!.Value, 450 * 0.04);
        Assert.Equal(1250, result.TotalPowerMs2!.Value, 1250 * 0.03);
        // Default integration is additive: TP = ULF + VLF + LF + HF, and ULF (unavailable here) holds almost nothing.
        Assert.Null(result.UlfPowerMs2);
        Assert.InRange(result.VlfRelativePercent!.Value + result.LfRelativePercent!.Value + result.HfRelativePercent!.Value, 99.0, 100.0 + 1e-9);
    }

    [Fact]
    public void FrequencyDomain_SineAt60Bpm_LinearInterpolationLosesHfPowerCubicDoesNot()
    {
        // hrv-analysis' linear interpolation at 60 bpm attenuates 0.25 Hz (oracle §6: 296 vs 450 ms²); cubic keeps ~97 %.
        var nn = SyntheticRr.Sines(1200, 1000, (0.25, 30));

        var cubic = HrvMetrics.FrequencyDomain(nn);
        var linear = HrvMetrics.FrequencyDomain(nn, FrequencyDomainOptions.Default with { Interpolation = ResamplingInterpolation.Linear });

        Assert.Equal(450, cubic.HfPowerMs2!.Value, 450 * 0.04);
        Assert.InRange(linear.HfPowerMs2!.Value, 250, 350);
    }

    [Fact]
    public void FrequencyDomain_LinearTrendPlusSine_DetrendingRemovesTrend()
    {
        // NN drifting by 100 ms over 10 min plus a 0.1 Hz sine of A = 20 ms (200 ms²).
        var nn = SyntheticRr.Sines(600, 900, (0.1, 20));
        var t = 0.0;
        for (var i = 0; i < nn.Length; i++)
        {
            nn[i] += 100 * t / 600;
            t += nn[i] / 1000;
        }

        foreach (var detrending in new[] { Detrending.Linear, Detrending.SmoothnessPriors })
        {
            var result = HrvMetrics.FrequencyDomain(nn, FrequencyDomainOptions.Default with { Detrending = detrending });
            Assert.Equal(200, result.LfPowerMs2!.Value, 200 * 0.03);
            Assert.True(result.VlfPowerMs2!.Value < 5, $"{detrending}: VLF {result.VlfPowerMs2}");
        }
    }

    [Fact]
    public void FrequencyDomain_TaskForceNormalizedUnits_DifferFromLfPlusHfOnlyByUlf()
    {
        var nn = SyntheticRr.Sines(600, 1000, TwoSines);

        var plus = HrvMetrics.FrequencyDomain(nn);
        var taskForce = HrvMetrics.FrequencyDomain(nn, FrequencyDomainOptions.Default with { NormalizedUnits = NormalizedUnitsBase.TotalMinusVlf });

        var lf = plus.LfPowerMs2!.Value;
        var hf = plus.HfPowerMs2!.Value;
        var ulf = plus.TotalPowerMs2!.Value - plus.VlfPowerMs2!.Value - lf - hf;
        Assert.Equal(100 * lf / (lf + hf), plus.LfNormalizedUnits!.Value, 1e-9);
        Assert.Equal(100 * lf / (lf + hf + ulf), taskForce.LfNormalizedUnits!.Value, 1e-9);
    }

    [Fact]
    public void FrequencyDomain_90Seconds_LfAndTotalUnavailableHfAvailable()
    {
        var nn = SyntheticRr.Sines(90, 1000, TwoSines);

        var result = HrvMetrics.FrequencyDomain(nn);

        Assert.Null(result.LfPowerMs2);
        Assert.Null(result.TotalPowerMs2);
        Assert.Null(result.LfHfRatio);
        Assert.NotNull(result.HfPowerMs2);
        Assert.Contains(result.Problems, p => p.Code == "hrv.recording-too-short" && p.Location == "LF");
        Assert.Contains(result.Problems, p => p.Code == "hrv.recording-too-short" && p.Location == "VLF");
    }

    [Fact]
    public void FrequencyDomain_FourMinutes_VlfUnavailableLfAvailable()
    {
        var nn = SyntheticRr.Sines(240, 1000, TwoSines);

        var result = HrvMetrics.FrequencyDomain(nn);

        Assert.Null(result.VlfPowerMs2);
        Assert.Null(result.VlfRelativePercent);
        Assert.NotNull(result.LfPowerMs2);
        var problem = Assert.Single(result.Problems, p => p.Location == "VLF");
        Assert.Equal("hrv.recording-too-short", problem.Code);
        Assert.Contains("300", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FrequencyDomain_OneHour_UlfUnavailableWithReason()
    {
        var nn = SyntheticRr.Sines(3600, 800, TwoSines);

        var welch = HrvMetrics.FrequencyDomain(nn);
        var lombAllowed = HrvMetrics.FrequencyDomain(nn, FrequencyDomainOptions.Default with { Method = SpectralMethod.LombScargle, UlfMinimumSeconds = 3000 });
        var welchAllowed = HrvMetrics.FrequencyDomain(nn, FrequencyDomainOptions.Default with { UlfMinimumSeconds = 3000 });

        Assert.Null(welch.UlfPowerMs2);
        Assert.Contains(welch.Problems, p => p.Code == "hrv.recording-too-short" && p.Location == "ULF" && p.Severity == ProblemSeverity.Info);
        Assert.NotNull(lombAllowed.UlfPowerMs2); // 1/3600 Hz resolution resolves a 0.003-Hz band
        Assert.Contains(welchAllowed.Problems, p => p.Code == "hrv.band-unresolved" && p.Location == "ULF"); // 256-s segments do not
    }

    [Fact]
    public void FrequencyDomain_NeuroKit2PresetTwoSines_AnalyticPowersAndTotalWithVhf()
    {
        var nn = SyntheticRr.Sines(300, 1000, TwoSines);

        var result = HrvMetrics.FrequencyDomain(nn, FrequencyDomainOptions.NeuroKit2Welch);

        // LF within 1 % of 800 ms²; HF 0.25 Hz sampled once a second loses ~5 % in the quadratic spline (NeuroKit2: 425.9).
        Assert.Equal(800, result.LfPowerMs2!.Value, 800 * 0.01);
        Assert.InRange(result.HfPowerMs2!.Value, 450 * 0.93, 450 * 1.01);
        var total = result.VlfPowerMs2!.Value + result.LfPowerMs2.Value + result.HfPowerMs2.Value + result.VhfPowerMs2!.Value;
        Assert.Equal(total, result.TotalPowerMs2!.Value, total * 1e-12);
        Assert.Equal(100 * result.LfPowerMs2.Value / total, result.LfNormalizedUnits!.Value, 1e-9);
        Assert.Null(result.UlfPowerMs2); // no bin below 0.0033 Hz: the first kept bin is 2·fs/(N/2) ≈ 4/300 Hz
        Assert.Contains(result.Problems, p => p.Code == "hrv.band-unresolved" && p.Location == "ULF");
        Assert.DoesNotContain(result.Problems, p => p.Code == "hrv.recording-too-short");
    }

    [Fact]
    public void PowerSpectralDensity_NeuroKit2Preset_FromFourOverNToHalfHertzOnItsGrid()
    {
        var nn = SyntheticRr.Sines(300, 1000, TwoSines);

        var psd = HrvMetrics.PowerSpectralDensity(nn, FrequencyDomainOptions.NeuroKit2Welch);

        // N grid points at 100 Hz; f_min = 2·100/(N/2); segment ⌊N/2⌋, FFT 2·segment: step 100/(2·⌊N/2⌋) Hz.
        var df = psd.FrequenciesHz[1] - psd.FrequenciesHz[0];
        var n = 100 / df; // 2·⌊N/2⌋
        Assert.Equal(Math.Round(n), n, 1e-6);
        Assert.InRange(psd.FrequenciesHz[0], 400 / (n + 1), (400 / n) + df);
        Assert.True(psd.FrequenciesHz[^1] <= 0.5 && psd.FrequenciesHz[^1] > 0.5 - df);
        Assert.Equal(100 / (n / 2), psd.FrequencyResolutionHz, 1e-12);
    }

    [Fact]
    public void FrequencyDomain_NeuroKit2PresetSixSeconds_NoBinsBelowHalfHertzReportedNotNaN()
    {
        var nn = SyntheticRr.Sines(6, 1000, TwoSines);

        var result = HrvMetrics.FrequencyDomain(nn, FrequencyDomainOptions.NeuroKit2Welch);

        // f_min = 4·fs/N ≈ 0.67 Hz lies above every band: nothing is resolvable, and nothing is NaN.
        Assert.Null(result.LfPowerMs2);
        Assert.Null(result.HfPowerMs2);
        Assert.Null(result.LfHfRatio);
        Assert.Contains(result.Problems, p => p.Code == "hrv.band-unresolved" && p.Location == "HF");
    }

    [Fact]
    public void FrequencyDomain_TooFewBeats_EverythingNullWithProblem()
    {
        var result = HrvMetrics.FrequencyDomain([800, 810, 790]);

        Assert.Null(result.HfPowerMs2);
        Assert.Null(result.LfHfRatio);
        Assert.Equal("hrv.too-short-for-spectrum", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void FrequencyDomain_ConstantSeries_ZeroPowersAndNullRatios()
    {
        var nn = Enumerable.Repeat(800.0, 600).ToArray();

        var result = HrvMetrics.FrequencyDomain(nn);

        Assert.Equal(0, result.LfPowerMs2);
        Assert.Equal(0, result.HfPowerMs2);
        Assert.Null(result.LfHfRatio);
        Assert.Null(result.LfNormalizedUnits);
        Assert.Null(result.LfPeakHz);
        Assert.Contains(result.Problems, p => p.Code == "hrv.no-variability");
    }

    [Fact]
    public void FrequencyDomain_InvalidInterval_ThrowsNamingIndex()
    {
        var nn = SyntheticRr.Sines(300, 1000, TwoSines);
        nn[17] = double.NaN;

        var exception = Assert.Throws<ArgumentException>(() => HrvMetrics.FrequencyDomain(nn));

        Assert.Contains("[17]", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FrequencyDomain_BadOption_ThrowsNamingOption()
    {
        var nn = SyntheticRr.Sines(300, 1000, TwoSines);

        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => HrvMetrics.FrequencyDomain(nn, FrequencyDomainOptions.Default with { ResamplingRateHz = 0 }));

        Assert.Contains("ResamplingRateHz", exception.ParamName, StringComparison.Ordinal);
    }

    [Fact]
    public void PowerSpectralDensity_TwoSines_IntegratesToVarianceAndPeaksAtComponents()
    {
        var nn = SyntheticRr.Sines(600, 1000, TwoSines);

        var psd = HrvMetrics.PowerSpectralDensity(nn);

        var df = psd.FrequenciesHz[1] - psd.FrequenciesHz[0];
        var total = 0.0;
        for (var j = 1; j < psd.DensityMs2PerHz.Count; j++)
        {
            total += (psd.DensityMs2PerHz[j] + psd.DensityMs2PerHz[j - 1]) * 0.5 * df;
        }

        Assert.Equal(1250, total, 1250 * 0.03);
        var peak = psd.FrequenciesHz[psd.DensityMs2PerHz.ToList().IndexOf(psd.DensityMs2PerHz.Max())];
        Assert.Equal(0.1, peak, psd.FrequencyResolutionHz);
    }
}
