using System.Globalization;
using RelationalNeuro.Cli.Batch;
using RelationalNeuro.Cli.Hrv;
using RelationalNeuro.Cli.Tables;
using RelationalNeuro.Synchrony;

namespace RelationalNeuro.Cli.Synchrony;

/// <summary>Everything <c>rn synchrony analyze</c> was asked to do, mapped to the library's options.</summary>
internal sealed record SynchronyBatchOptions
{
    /// <summary>The library's one-call dyad options.</summary>
    public DyadAnalysisOptions Analysis { get; init; } = DyadAnalysisOptions.Default;

    /// <summary>How RR files are read.</summary>
    public RrInputOptions Input { get; init; } = new();

    /// <summary>How dyads were paired: <c>names</c>, <c>names-with-folders</c> (<c>--dyad-id folder</c>) or <c>manifest</c> (<c>--pairs</c>).</summary>
    public string Pairing { get; init; } = "names";

    /// <summary>The windowed cross-correlation transform's name: <c>abs-z</c>, <c>z</c>, <c>abs-r</c> or <c>r</c>.</summary>
    public string Transform => (Analysis.Windowed.AbsoluteValues ? "abs-" : string.Empty) + (Analysis.Windowed.FisherZ ? "z" : "r");

    /// <summary>Writes every option into the metadata (<c>rn.options.*</c>).</summary>
    public void WriteTo(TableMetadata metadata)
    {
        var a = Analysis;
        metadata["rn.options.pairing"] = Pairing;
        metadata["rn.options.rate_hz"] = Num(a.Alignment.SampleRateHz);
        metadata["rn.options.signal"] = a.Alignment.Signal == DyadSignal.HeartRateBpm ? "hr" : "ibi";
        metadata["rn.options.artifacts"] = a.Alignment.Artifacts is { } artifacts ? HrvBatchOptions.Kebab(artifacts.Method.ToString()) : "off";
        metadata["rn.options.min_overlap_s"] = Num(a.Alignment.MinimumOverlapSeconds);
        metadata["rn.options.max_gap_s"] = Num(a.Alignment.MaximumGapSeconds);
        metadata["rn.options.hrv"] = a.Hrv is null ? "off" : "on";
        metadata["rn.options.wlcc_window_s"] = Num(a.Windowed.WindowSeconds);
        metadata["rn.options.wlcc_increment_s"] = Num(a.Windowed.IncrementSeconds);
        metadata["rn.options.wlcc_max_lag_s"] = Num(a.Windowed.MaxLagSeconds);
        metadata["rn.options.wlcc_transform"] = Transform;
        metadata["rn.options.wlcc_best_lag"] = HrvBatchOptions.Kebab(a.Windowed.BestLag.ToString());
        metadata["rn.options.susy_segment_s"] = Num(a.Surrogate.SegmentSeconds);
        metadata["rn.options.susy_max_lag_s"] = Num(a.Surrogate.MaxLagSeconds);
        metadata["rn.options.chance_quantile"] = Num(a.Surrogate.ChanceQuantile);
        metadata["rn.options.leader_threshold_s"] = Num(a.LeaderThresholdSeconds);
        metadata["rn.options.name_a"] = a.NameA;
        metadata["rn.options.name_b"] = a.NameB;
        Input.WriteTo(metadata);
    }

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
