using RelationalNeuro.Hrv;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Core.Tests.Hrv;

/// <summary>
/// Every reference file in ../shared/reference/hrv: each time-domain and Poincaré metric against the peer fields
/// (and our formula_check fields) that use the same definition, at 1e-9 relative. Non-finite or absent peer values
/// are not compared here (constant/alternating series are covered by the analytic tests).
/// </summary>
public sealed class HrvMetricsReferenceTests
{
    private const double RelativeTolerance = 1e-9;

    [Theory]
    [MemberData(nameof(HrvReference.Ids), MemberType = typeof(HrvReference))]
    public void TimeDomain_DefaultOptions_MatchesPeersWithTheSameDefinition(string id)
    {
        var reference = HrvReference.Get(id);
        var r = HrvMetrics.TimeDomain(reference.RrMs);
        var c = new Comparer(reference);

        c.Same(r.MeanNnMs, "formula_check.MeanNN_ms", "neurokit2.hrv_time.values.HRV_MeanNN",
            "hrvanalysis.get_time_domain_features.values.mean_nni", "pyhrv.nni_parameters.values.nni_mean");
        c.Same(r.SdnnMs, "formula_check.SDNN_ms_ddof1", "neurokit2.hrv_time.values.HRV_SDNN",
            "hrvanalysis.get_time_domain_features.values.sdnn", "pyhrv.sdnn.values.sdnn");
        c.Same(r.RmssdMs, "formula_check.RMSSD_ms", "neurokit2.hrv_time.values.HRV_RMSSD",
            "hrvanalysis.get_time_domain_features.values.rmssd", "pyhrv.rmssd.values.rmssd");
        c.Same(r.SdsdMs, "formula_check.SDSD_ms_ddof1", "neurokit2.hrv_time.values.HRV_SDSD");
        c.Same(r.Nn50, "formula_check.NN50_gt", "hrvanalysis.get_time_domain_features.values.nni_50", "pyhrv.nn50.values.nn50");
        c.Same(r.Pnn50Percent, "formula_check.pNN50_percent_gt_over_N_minus_1",
            "hrvanalysis.get_time_domain_features.values.pnni_50", "pyhrv.nn50.values.pnn50");
        c.Same(r.Nn20, "hrvanalysis.get_time_domain_features.values.nni_20", "pyhrv.nn20.values.nn20");
        c.Same(r.Pnn20Percent, "formula_check.pNN20_percent_gt_over_N_minus_1",
            "hrvanalysis.get_time_domain_features.values.pnni_20", "pyhrv.nn20.values.pnn20");
        c.Same(r.MeanHrBpm, "formula_check.MeanHR_bpm_mean_of_instantaneous",
            "hrvanalysis.get_time_domain_features.values.mean_hr", "pyhrv.hr_parameters.values.hr_mean");
        c.Same(r.HrFromMeanNnBpm, "formula_check.MeanHR_bpm_from_MeanNN");
        c.Same(r.SdHrBpm, "pyhrv.hr_parameters.values.hr_std");
        c.Same(r.MinHrBpm, "hrvanalysis.get_time_domain_features.values.min_hr", "pyhrv.hr_parameters.values.hr_min");
        c.Same(r.MaxHrBpm, "hrvanalysis.get_time_domain_features.values.max_hr", "pyhrv.hr_parameters.values.hr_max");
        c.Same(r.MinNnMs, "neurokit2.hrv_time.values.HRV_MinNN", "pyhrv.nni_parameters.values.nni_min");
        c.Same(r.MaxNnMs, "neurokit2.hrv_time.values.HRV_MaxNN", "pyhrv.nni_parameters.values.nni_max");
        c.Same(r.MedianNnMs, "neurokit2.hrv_time.values.HRV_MedianNN", "hrvanalysis.get_time_domain_features.values.median_nni");
        c.Same(r.MadNnMs, "neurokit2.hrv_time.values.HRV_MadNN");
        c.Same(r.IqrNnMs, "neurokit2.hrv_time.values.HRV_IQRNN");
        c.Same(r.CvNn, "neurokit2.hrv_time.values.HRV_CVNN", "hrvanalysis.get_time_domain_features.values.cvnni");
        c.Same(r.CvSd, "neurokit2.hrv_time.values.HRV_CVSD", "hrvanalysis.get_time_domain_features.values.cvsd");

        // HTI with 7.8125-ms bins from 0 ms: NeuroKit2 and pyHRV (hrv-analysis uses 8-ms bins from 300 ms).
        c.Same(r.TriangularIndex, "neurokit2.hrv_time.values.HRV_HTI", "pyhrv.triangular_index.values.tri_index");

        Assert.True(c.Compared >= 30, $"only {c.Compared} peer values compared for {id}");
    }

    [Theory]
    [MemberData(nameof(HrvReference.Ids), MemberType = typeof(HrvReference))]
    public void TimeDomain_PeerVariantOptions_MatchThePeerThatUsesThem(string id)
    {
        var reference = HrvReference.Get(id);
        var c = new Comparer(reference);

        var overN = HrvMetrics.TimeDomain(reference.RrMs, TimeDomainOptions.Default with { PnnDenominator = PnnDenominator.Intervals });
        c.Same(overN.Pnn50Percent, "formula_check.pNN50_percent_gt_over_N", "neurokit2.hrv_time.values.HRV_pNN50");
        c.Same(overN.Pnn20Percent, "neurokit2.hrv_time.values.HRV_pNN20");

        var population = HrvMetrics.TimeDomain(reference.RrMs, TimeDomainOptions.Default with { Sdsd = SdsdDefinition.SignedPopulation, SdHr = SdNormalizer.N });
        c.Same(population.SdsdMs, "formula_check.SDSD_ms_ddof0", "hrvanalysis.get_time_domain_features.values.sdsd");
        c.Same(population.SdHrBpm, "hrvanalysis.get_time_domain_features.values.std_hr");

        var absolute = HrvMetrics.TimeDomain(reference.RrMs, TimeDomainOptions.Default with { Sdsd = SdsdDefinition.AbsoluteSample });
        c.Same(absolute.SdsdMs, "formula_check.SD_of_absolute_diffs_ms_ddof1", "pyhrv.sdsd.values.sdsd");

        Assert.True(c.Compared >= 6, $"only {c.Compared} peer values compared for {id}");
    }

    [Theory]
    [MemberData(nameof(HrvReference.Ids), MemberType = typeof(HrvReference))]
    public void Poincare_EachDefinition_MatchesThePeerThatUsesIt(string id)
    {
        var reference = HrvReference.Get(id);
        var c = new Comparer(reference);

        var rotated = HrvMetrics.Poincare(reference.RrMs);
        c.Same(rotated.Sd1Ms, "formula_check.SD1_ms_rotated_ddof1", "neurokit2.hrv_nonlinear.values.HRV_SD1",
            "hrvanalysis.get_poincare_plot_features.values.sd1");
        c.Same(rotated.Sd2Ms, "formula_check.SD2_ms_rotated_ddof1", "neurokit2.hrv_nonlinear.values.HRV_SD2");
        c.Same(rotated.Sd1OverSd2, "neurokit2.hrv_nonlinear.values.HRV_SD1SD2");
        c.Same(rotated.EllipseAreaMs2, "neurokit2.hrv_nonlinear.values.HRV_S");
        c.Same(rotated.Csi, "neurokit2.hrv_nonlinear.values.HRV_CSI");
        c.Same(rotated.Cvi, "neurokit2.hrv_nonlinear.values.HRV_CVI");
        c.Same(rotated.ModifiedCsiMs, "neurokit2.hrv_nonlinear.values.HRV_CSI_Modified");

        var population = HrvMetrics.Poincare(reference.RrMs, new PoincareOptions { Definition = PoincareDefinition.RotatedAxesN });
        c.Same(population.Sd1Ms, "formula_check.SD1_ms_rotated_ddof0", "pyhrv.poincare.values.sd1");
        c.Same(population.Sd2Ms, "formula_check.SD2_ms_rotated_ddof0", "pyhrv.poincare.values.sd2");
        c.Same(population.Csi, "pyhrv.poincare.values.sd_ratio");
        c.Same(population.EllipseAreaMs2, "pyhrv.poincare.values.ellipse_area");

        var brennan = HrvMetrics.Poincare(reference.RrMs, new PoincareOptions { Definition = PoincareDefinition.BrennanFromSdnnSdsd });
        c.Same(brennan.Sd1Ms, "formula_check.SD1_ms_from_SDSD_ddof1", "hrvanalysis.get_poincare_plot_features.values.sd1");
        c.Same(brennan.Sd2Ms, "formula_check.SD2_ms_from_SDNN_SDSD_ddof1", "hrvanalysis.get_poincare_plot_features.values.sd2");
        c.Same(brennan.Csi, "hrvanalysis.get_poincare_plot_features.values.ratio_sd2_sd1", "hrvanalysis.get_csi_cvi_features.values.csi");
        c.Same(brennan.Cvi, "hrvanalysis.get_csi_cvi_features.values.cvi");
        c.Same(brennan.ModifiedCsiMs, "hrvanalysis.get_csi_cvi_features.values.Modified_csi");

        Assert.True(c.Compared >= 10, $"only {c.Compared} peer values compared for {id}");
    }

    /// <summary>
    /// SDANN / SDNN index on the 24-h series, where 269 complete segments make the segmentation rule matter little.
    /// Our rule (complete segments of cumulative time) differs from both peers; docs/hrv.md gives the sizes measured here.
    /// </summary>
    [Fact]
    public void TimeDomain_24hSeries_SdannAndSdnnIndexWithinHalfAPercentOfPeers()
    {
        var reference = HrvReference.Get("nsr2db_nsr001_24h");
        var r = HrvMetrics.TimeDomain(reference.RrMs);

        Assert.Equal(269, r.SegmentCount); // 80,965.5 s / 300 s, trailing 265.5 s left out
        foreach (var path in (string[])["neurokit2.hrv_time.values.HRV_SDANN5", "pyhrv.sdann.values.sdann"])
        {
            var peer = reference.Number(path)!.Value;
            Assert.InRange(Math.Abs(r.SdannMs!.Value / peer - 1), 0, 0.005);
        }

        foreach (var path in (string[])["neurokit2.hrv_time.values.HRV_SDNNI5", "pyhrv.sdnn_index.values.sdnn_index"])
        {
            var peer = reference.Number(path)!.Value;
            Assert.InRange(Math.Abs(r.SdnnIndexMs!.Value / peer - 1), 0, 0.005);
        }
    }

    [Theory]
    [MemberData(nameof(SyntheticSeries.Ids), MemberType = typeof(SyntheticSeries))]
    public void SyntheticSeries_GeneratedInTest_EqualsTheReferenceFile(string id)
    {
        var reference = HrvReference.Get(id);
        Assert.Equal(reference.RrMs, SyntheticSeries.Generate(id), (a, b) => Math.Abs(a - b) <= 1e-9);
    }

    private sealed class Comparer(HrvReference reference)
    {
        public int Compared { get; private set; }

        public void Same(int? actual, params string[] paths) => Same((double?)actual, paths);

        public void Same(double? actual, params string[] paths)
        {
            foreach (var path in paths)
            {
                if (reference.Number(path) is not { } expected || !double.IsFinite(expected))
                {
                    continue;
                }

                Assert.True(actual.HasValue, $"{reference.SeriesId}: {path} = {expected} but ours is null");
                var tolerance = RelativeTolerance * Math.Max(Math.Abs(expected), 1e-3);
                Assert.True(
                    Math.Abs(actual.Value - expected) <= tolerance,
                    $"{reference.SeriesId}: {path} = {expected:R}, ours {actual.Value:R} (relative difference {Math.Abs(actual.Value - expected) / Math.Abs(expected):E2})");
                Compared++;
            }
        }
    }
}
