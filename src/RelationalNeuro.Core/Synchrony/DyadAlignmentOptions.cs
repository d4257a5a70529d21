using RelationalNeuro.Hrv;

namespace RelationalNeuro.Synchrony;

/// <summary>
/// How <see cref="DyadAlignment"/> puts two RR series on one grid. Immutable; change with <c>with</c>.
/// </summary>
public sealed record DyadAlignmentOptions
{
    /// <summary>The defaults: 4 Hz, inter-beat interval, artifacts corrected per member, 60 s minimum overlap, 3 s gap limit.</summary>
    public static DyadAlignmentOptions Default { get; } = new();

    /// <summary>
    /// The resampling the synchrony reference data (rMEA/SUSY anchors) used: 4 Hz, inter-beat interval, no artifact step
    /// (the RR values are taken as given), so the grid equals <c>data/&lt;dyad&gt;.resampled_4hz.csv</c>.
    /// </summary>
    public static DyadAlignmentOptions Reference { get; } = new() { Artifacts = null };

    /// <summary>Grid rate in Hz (default 4). More than 0 and at most 1000 (an inter-beat series has a few beats per second; a finer grid only interpolates).</summary>
    public double SampleRateHz { get; init; } = 4;

    /// <summary>The signal put on the grid (default <see cref="DyadSignal.InterBeatIntervalMs"/>).</summary>
    public DyadSignal Signal { get; init; } = DyadSignal.InterBeatIntervalMs;

    /// <summary>
    /// Artifact detection and correction run on each member before resampling (<see cref="Hrv.Artifacts.Process(RrSeries, ArtifactOptions?)"/>);
    /// beat times are then rebuilt from the corrected NN intervals. Null skips the step. Default: <see cref="ArtifactOptions"/>'s defaults.
    /// </summary>
    public ArtifactOptions? Artifacts { get; init; } = new();

    /// <summary>Shortest usable overlap of the two recordings in s (default 60); below it the grid is empty with <c>sync.too-little-overlap</c>.</summary>
    public double MinimumOverlapSeconds { get; init; } = 60;

    /// <summary>
    /// An RR interval longer than this (s, default 3) inside the overlap is a gap: linear interpolation bridges it and
    /// <c>sync.gap</c> (Warning) names its time, because values on a bridged gap are invented.
    /// </summary>
    public double MaximumGapSeconds { get; init; } = 3;
}
