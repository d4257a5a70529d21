namespace RelationalNeuro.Synchrony;

/// <summary>The alignment stage of a <see cref="DyadReport"/>.</summary>
/// <param name="SampleRateHz">Grid rate in Hz.</param>
/// <param name="Signal">The signal on the grid.</param>
/// <param name="StartTimeSeconds">Time of the first grid sample in s.</param>
/// <param name="DurationSeconds">Grid length in s.</param>
/// <param name="SampleCount">Grid samples.</param>
/// <param name="ArtifactsFlaggedA">A's RR intervals flagged by the artifact step.</param>
/// <param name="ArtifactsFlaggedB">B's RR intervals flagged by the artifact step.</param>
/// <param name="Problems">The alignment's problems (<see cref="DyadSeries.Problems"/>).</param>
public readonly record struct DyadAlignmentSummary(
    double SampleRateHz,
    DyadSignal Signal,
    double StartTimeSeconds,
    double DurationSeconds,
    int SampleCount,
    int ArtifactsFlaggedA,
    int ArtifactsFlaggedB,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>The alignment's problems. A <see cref="ProblemList"/>, never null.</summary>
    public IReadOnlyList<Problem> Problems
    {
        get => field ?? ProblemList.Empty;
        init => field = ProblemList.From(value);
    } = ProblemList.From(Problems);
}

/// <summary>The windowed cross-correlation stage of a <see cref="DyadReport"/> (the matrix itself is in <see cref="WindowedCrossCorrelationResult"/>).</summary>
/// <param name="WindowCount">Number of windows.</param>
/// <param name="ComputedCellCount">Cells that could be computed.</param>
/// <param name="GrandAverage">rMEA <c>grandAver</c>.</param>
/// <param name="MeanALead">Mean of the cells at lags &gt; 0 (A leads).</param>
/// <param name="MeanBLead">Mean of the cells at lags &lt; 0 (B leads).</param>
/// <param name="MeanLagZero">Mean of the lag-0 cells.</param>
/// <param name="MedianBestLagSeconds">Median of the windows' best lags in s; positive = B follows A.</param>
/// <param name="MeanBestLagSeconds">Mean of the windows' best lags in s.</param>
/// <param name="SdBestLagSeconds">SD (n − 1) of the windows' best lags in s.</param>
/// <param name="MeanBestValue">Mean of the windows' best values.</param>
/// <param name="Problems">The stage's problems.</param>
public readonly record struct WindowedSynchronySummary(
    int WindowCount,
    int ComputedCellCount,
    double? GrandAverage,
    double? MeanALead,
    double? MeanBLead,
    double? MeanLagZero,
    double? MedianBestLagSeconds,
    double? MeanBestLagSeconds,
    double? SdBestLagSeconds,
    double? MeanBestValue,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>The stage's problems. A <see cref="ProblemList"/>, never null.</summary>
    public IReadOnlyList<Problem> Problems
    {
        get => field ?? ProblemList.Empty;
        init => field = ProblemList.From(value);
    } = ProblemList.From(Problems);
}

/// <summary>One point of a <see cref="DyadReport"/>'s lag profile.</summary>
/// <param name="LagSeconds">The lag in s; positive = B follows A.</param>
/// <param name="MeanValue">Mean over windows of the (transformed) cells at this lag; null when none was computed.</param>
public readonly record struct DyadLagPoint(double LagSeconds, double? MeanValue);

/// <summary>Who led, as the verdict names it.</summary>
public enum DyadLeader
{
    /// <summary>No clear leader: the median best lag is below <see cref="DyadAnalysisOptions.LeaderThresholdSeconds"/>, or there is none.</summary>
    None = 0,

    /// <summary>A led and B followed (positive median lag).</summary>
    A = 1,

    /// <summary>B led and A followed (negative median lag).</summary>
    B = 2,
}

/// <summary>
/// A practitioner's reading of a <see cref="DyadReport"/>: the numbers and one invariant English sentence built from them.
/// </summary>
/// <param name="PercentSegmentsAboveChance">Percent of surrogate-synchrony segments above the chance threshold (<see cref="SurrogateSynchronyResult.PercentSegmentsAboveChance"/>); null when not computed.</param>
/// <param name="SegmentsAboveChance">How many segments were above chance.</param>
/// <param name="SegmentCount">How many segments there were.</param>
/// <param name="Leader">Who led.</param>
/// <param name="LeadSeconds">By how much the follower followed, in s (the magnitude of the median best lag); null when no leader.</param>
/// <param name="Text">The sentence, e.g. "Heart rhythms moved together above chance in 62 % of the session (12 of 19 segments of 30 s); B followed A by about 2 s."</param>
public readonly record struct DyadVerdict(
    double? PercentSegmentsAboveChance,
    int SegmentsAboveChance,
    int SegmentCount,
    DyadLeader Leader,
    double? LeadSeconds,
    string Text);
