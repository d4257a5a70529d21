using RelationalNeuro.Hrv;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Core.Tests.Hrv;

/// <summary>
/// Frequency domain against the peers' recorded outputs in ../shared/reference/hrv (every JSON file). The presets
/// reproduce a peer's pipeline, so the comparison is tight: pyHRV 0.4.1 <c>welch_psd</c>, hrv-analysis 1.0.5 Welch and
/// NeuroKit2 0.2.12 <c>hrv_frequency(normalize=False)</c> to 1e-6 relative; hrv-analysis Lomb (astropy's approximate <c>method="fast"</c>) to 1 %.
/// </summary>
public sealed class HrvMetricsFrequencyDomainReferenceTests
{
    public static TheoryData<string> Ids() => HrvReference.Ids();

    private static bool IsConstant(double[] rr) => rr.All(v => v == rr[0]);

    private static void Close(double expected, double? actual, double relative, string what)
    {
        Assert.True(actual.HasValue, $"{what}: null");
        var tolerance = Math.Max(Math.Abs(expected) * relative, 1e-9);
        Assert.True(Math.Abs(actual!.Value - expected) <= tolerance, $"{what}: expected {expected}, got {actual} (tolerance {tolerance})");
    }


    [Theory]
    [MemberData(nameof(Ids))]
    public void FrequencyDomain_PyHrvPreset_MatchesPyHrvWelchPsd(string id)
    {
        var reference = HrvReference.Get(id);
        var expectedLf = reference.Number("pyhrv.welch_psd.values.fft_abs.1");
        if (expectedLf is null)
        {
            Assert.Skip($"{id}: no pyhrv welch_psd values");
        }

        // The preset applies no minimum length, as pyHRV: VLF of the 299-s "5-min" series is reported (issue 15 item 6).
        var options = FrequencyDomainOptions.PyHrvWelch;
        var result = HrvMetrics.FrequencyDomain(reference.RrMs, options);

        if (IsConstant(reference.RrMs))
        {
            Assert.Equal(0, result.LfPowerMs2);
            Assert.Contains(result.Problems, p => p.Code == "hrv.no-variability");
            return;
        }

        const double tight = 1e-6;
        Close(reference.Number("pyhrv.welch_psd.values.fft_abs.0")!.Value, result.VlfPowerMs2, tight, "VLF");
        Close(expectedLf.Value, result.LfPowerMs2, tight, "LF");
        Close(reference.Number("pyhrv.welch_psd.values.fft_abs.2")!.Value, result.HfPowerMs2, tight, "HF");
        Close(reference.Number("pyhrv.welch_psd.values.fft_total")!.Value, result.TotalPowerMs2, tight, "TP");
        Close(reference.Number("pyhrv.welch_psd.values.fft_ratio")!.Value, result.LfHfRatio, tight, "LF/HF");
        Close(reference.Number("pyhrv.welch_psd.values.fft_norm.0")!.Value, result.LfNormalizedUnits, tight, "LFnu");
        Close(reference.Number("pyhrv.welch_psd.values.fft_rel.1")!.Value, result.LfRelativePercent, tight, "LF %");
        Close(reference.Number("pyhrv.welch_psd.values.fft_peak.1")!.Value, result.LfPeakHz, 1e-12, "LF peak");
        Close(reference.Number("pyhrv.welch_psd.values.fft_peak.2")!.Value, result.HfPeakHz, 1e-12, "HF peak");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void FrequencyDomain_HrvAnalysisWelchPreset_MatchesHrvAnalysisWelch(string id)
    {
        var reference = HrvReference.Get(id);
        const string path = "hrvanalysis.get_frequency_domain_features_welch.values.";
        var expectedLf = reference.Number(path + "lf");
        if (expectedLf is null)
        {
            Assert.Skip($"{id}: no hrv-analysis Welch values");
        }

        var options = FrequencyDomainOptions.HrvAnalysisWelch; // no minimum length, as hrv-analysis
        var result = HrvMetrics.FrequencyDomain(reference.RrMs, options);

        if (IsConstant(reference.RrMs))
        {
            Assert.Equal(0, result.LfPowerMs2);
            return;
        }

        const double tight = 1e-6;
        Close(reference.Number(path + "vlf")!.Value, result.VlfPowerMs2, tight, "VLF");
        Close(expectedLf.Value, result.LfPowerMs2, tight, "LF");
        Close(reference.Number(path + "hf")!.Value, result.HfPowerMs2, tight, "HF");
        Close(reference.Number(path + "total_power")!.Value, result.TotalPowerMs2, tight, "TP");
        Close(reference.Number(path + "lf_hf_ratio")!.Value, result.LfHfRatio, tight, "LF/HF");
        Close(reference.Number(path + "lfnu")!.Value, result.LfNormalizedUnits, tight, "LFnu");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void FrequencyDomain_NeuroKit2Preset_MatchesNeuroKit2WelchAbsolute(string id)
    {
        var reference = HrvReference.Get(id);
        const string path = "neurokit2.hrv_frequency.welch_absolute_ms2.values.HRV_";
        var expectedLf = reference.Number(path + "LF");
        if (expectedLf is null)
        {
            Assert.Skip($"{id}: no NeuroKit2 welch_absolute_ms2 values");
        }

        var options = FrequencyDomainOptions.NeuroKit2Welch; // no minimum length, as NeuroKit2
        var result = HrvMetrics.FrequencyDomain(reference.RrMs, options);

        if (IsConstant(reference.RrMs))
        {
            // NeuroKit2 integrates rounding noise (LF ~1e-29 ms²); the library reports the exact 0 and says why.
            Assert.Equal(0, result.LfPowerMs2);
            Assert.Contains(result.Problems, p => p.Code == "hrv.no-variability");
            return;
        }

        const double Tight = 1e-6;

        // A band NeuroKit2 reports as NaN (no bin inside it) is null here; every other value matches.
        void Band(string name, double? actual)
        {
            var expected = reference.Number(path + name)!.Value;
            if (double.IsNaN(expected))
            {
                Assert.Null(actual);
                Assert.Contains(result.Problems, p => p.Code == "hrv.band-unresolved" && p.Location == name);
            }
            else
            {
                Close(expected, actual, Tight, name);
            }
        }

        Band("ULF", result.UlfPowerMs2);
        Band("VLF", result.VlfPowerMs2);
        Band("LF", result.LfPowerMs2);
        Band("HF", result.HfPowerMs2);
        Band("VHF", result.VhfPowerMs2);
        Close(reference.Number(path + "TP")!.Value, result.TotalPowerMs2, Tight, "TP");
        Close(reference.Number(path + "LFHF")!.Value, result.LfHfRatio, Tight, "LF/HF");
        Close(100 * reference.Number(path + "LFn")!.Value, result.LfNormalizedUnits, Tight, "LFn");
        Close(100 * reference.Number(path + "HFn")!.Value, result.HfNormalizedUnits, Tight, "HFn");
        Close(reference.Number(path + "LnHF")!.Value, Math.Log(result.HfPowerMs2!.Value), Tight, "LnHF");

        // The derived integers NeuroKit2's pipeline used: grid length N, segment nperseg, FFT length 2·nperseg.
        const string derived = "neurokit2.hrv_frequency.derived_parameters_for_this_series.";
        var nperseg = reference.Number(derived + "welch_nperseg")!.Value;
        Assert.Equal(100 / nperseg, result.FrequencyResolutionHz, 1e-15);
        Assert.Equal(1 / (reference.Number(derived + "welch_nfft")!.Value * 0.01), result.FrequencyStepHz, 1e-15);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void FrequencyDomain_HrvAnalysisLombPreset_MatchesHrvAnalysisLombTimesTwoMeanInterval(string id)
    {
        var reference = HrvReference.Get(id);
        const string path = "hrvanalysis.get_frequency_domain_features_lomb.values.";
        var expectedLf = reference.Number(path + "lf");
        if (expectedLf is null)
        {
            Assert.Skip($"{id}: no hrv-analysis Lomb values");
        }

        var options = FrequencyDomainOptions.HrvAnalysisLomb; // no minimum length, as hrv-analysis
        var result = HrvMetrics.FrequencyDomain(reference.RrMs, options);

        if (IsConstant(reference.RrMs))
        {
            Assert.Equal(0, result.LfPowerMs2);
            return;
        }

        // astropy normalization="psd" integrates to A²/(4·mean interval in s); the library's ms² scale is 2·mean(NN)/1000 times it.
        var scale = 2 * reference.RrMs.Average() / 1000;
        const double loose = 0.01;
        Close(expectedLf.Value * scale, result.LfPowerMs2, loose, "LF");
        Close(reference.Number(path + "hf")!.Value * scale, result.HfPowerMs2, loose, "HF");
        Close(reference.Number(path + "lf_hf_ratio")!.Value, result.LfHfRatio, loose, "LF/HF");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void FrequencyDomain_SyntheticSeries_DefaultPipelineMeetsAnalyticExpected(string id)
    {
        var reference = HrvReference.Get(id);
        var expectedLf = reference.Number("analytic_expected.LF_power_ms2");
        var expectedHf = reference.Number("analytic_expected.HF_power_ms2");
        if (expectedLf is null || expectedHf is null)
        {
            Assert.Skip($"{id}: no analytic spectral answer");
        }

        foreach (var options in new[] { FrequencyDomainOptions.Default, FrequencyDomainOptions.Default with { Method = SpectralMethod.LombScargle } })
        {
            var result = HrvMetrics.FrequencyDomain(reference.RrMs, options);

            // "Within a few per cent": 4 % of the band's power (HF at 0.25 Hz loses ~3 % to resampling at one beat per second), or 1 % of the series' variance for a band with no component.
            var mean = reference.RrMs.Average();
            var floor = 0.01 * reference.RrMs.Sum(v => (v - mean) * (v - mean)) / reference.RrMs.Length;
            Assert.InRange(result.LfPowerMs2!.Value, expectedLf.Value - Math.Max(0.04 * expectedLf.Value, floor), expectedLf.Value + Math.Max(0.04 * expectedLf.Value, floor));
            Assert.InRange(result.HfPowerMs2!.Value, expectedHf.Value - Math.Max(0.04 * expectedHf.Value, floor), expectedHf.Value + Math.Max(0.04 * expectedHf.Value, floor));
            var bin = Math.Max(result.FrequencyStepHz, result.FrequencyResolutionHz);
            if (expectedLf.Value > 0)
            {
                Assert.InRange(result.LfPeakHz!.Value, 0.1 - bin, 0.1 + bin);
            }

            if (expectedHf.Value > 0)
            {
                Assert.InRange(result.HfPeakHz!.Value, 0.25 - bin, 0.25 + bin);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void SyntheticRr_Generator_ReproducesSharedSineSeries(string id)
    {
        var reference = HrvReference.Get(id);
        if (!id.StartsWith("synthetic_sine_0.1Hz_A40_0.25Hz_A30", StringComparison.Ordinal))
        {
            Assert.Skip($"{id}: not a two-sine series");
        }

        var duration = id.EndsWith("20min", StringComparison.Ordinal) ? 1200 : 300;
        var generated = SyntheticRr.Sines(duration, 1000, (0.1, 40), (0.25, 30));

        Assert.Equal(reference.RrMs.Length, generated.Length);
        for (var i = 0; i < generated.Length; i++)
        {
            Assert.Equal(reference.RrMs[i], generated[i], 1e-6);
        }
    }
}
