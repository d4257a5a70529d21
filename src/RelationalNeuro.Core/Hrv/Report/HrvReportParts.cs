namespace RelationalNeuro.Hrv;

/// <summary>Summary of the raw RR input of an <see cref="HrvReport"/>.</summary>
/// <param name="InputCount">Number of values given.</param>
/// <param name="AcceptedCount">Number of values accepted (finite and in [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>] ms); the rest are refused with a problem.</param>
/// <param name="DurationSeconds">Sum of the accepted intervals, in seconds.</param>
/// <param name="MinRrMs">Shortest accepted interval, ms; null when none was accepted.</param>
/// <param name="MaxRrMs">Longest accepted interval, ms; null when none was accepted.</param>
/// <param name="MeanRrMs">Mean of the accepted intervals, ms; null when none was accepted.</param>
/// <param name="ProblemCount">Number of input problems met, listed or not (at most <see cref="RrSeries.MaxListedProblems"/> are listed in <paramref name="Problems"/>).</param>
/// <param name="Problems">The input problems (<see cref="RrSeries.Problems"/>: refused and out-of-physiology values), listed up to <see cref="RrSeries.MaxListedProblems"/>.</param>
public readonly record struct HrvInputSummary(
    int InputCount,
    int AcceptedCount,
    double DurationSeconds,
    double? MinRrMs,
    double? MaxRrMs,
    double? MeanRrMs,
    int ProblemCount,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>The input problems (refused and out-of-physiology values), listed up to <see cref="RrSeries.MaxListedProblems"/>. A <see cref="ProblemList"/>, never null.</summary>
    public IReadOnlyList<Problem> Problems
    {
        get => field ?? ProblemList.Empty;
        init => field = ProblemList.From(value);
    } = ProblemList.From(Problems);
}

/// <summary>How many input intervals were flagged for one reason.</summary>
/// <param name="Kind">The reason.</param>
/// <param name="Count">The number of flagged intervals.</param>
public readonly record struct ArtifactKindCount(ArtifactKind Kind, int Count);

/// <summary>Summary of artifact detection and correction in an <see cref="HrvReport"/>.</summary>
/// <param name="Method">The detector that ran.</param>
/// <param name="Correction">What was done with flagged intervals.</param>
/// <param name="FlaggedCount">Number of flagged input intervals.</param>
/// <param name="FlaggedByKind">One count per <see cref="ArtifactKind"/>, in enum order (zeros included).</param>
/// <param name="FlaggedIndices">The flagged indices into the accepted input intervals, increasing.</param>
/// <param name="NnCount">Number of NN intervals after correction: the series every metric is computed on.</param>
/// <param name="NnDurationSeconds">Sum of the NN intervals, in seconds.</param>
/// <param name="Problems">The problems of artifact detection and correction (<see cref="ArtifactResult.Problems"/>).</param>
public sealed record HrvArtifactSummary(
    ArtifactMethod Method,
    ArtifactCorrection Correction,
    int FlaggedCount,
    IReadOnlyList<ArtifactKindCount> FlaggedByKind,
    IReadOnlyList<int> FlaggedIndices,
    int NnCount,
    double NnDurationSeconds,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>The problems of artifact detection and correction (too few intervals, uncorrectable flags, a high artifact rate). A <see cref="ProblemList"/>, never null.</summary>
    public IReadOnlyList<Problem> Problems
    {
        get;
        init => field = ProblemList.From(value);
    } = ProblemList.From(Problems);

    /// <summary>
    /// Segments of 128 intervals with a sustained irregular rhythm (<see cref="ArtifactResult.IrregularSegments"/>): HRV
    /// metrics are not interpretable there (the report's problems carry an <c>artifacts.irregular-rhythm</c> warning). Empty when none.
    /// </summary>
    public IReadOnlyList<IrregularRhythmSegment> IrregularSegments { get; init; } = [];

    /// <summary>The number of intervals flagged for <paramref name="kind"/>.</summary>
    /// <param name="kind">The reason.</param>
    /// <returns>The count (0 when absent).</returns>
    public int CountOf(ArtifactKind kind)
    {
        foreach (var count in FlaggedByKind)
        {
            if (count.Kind == kind)
            {
                return count.Count;
            }
        }

        return 0;
    }
}

/// <summary>Progress of <see cref="HrvAnalysis.AnalyzeManyAsync"/>, reported once per finished recording.</summary>
/// <param name="Completed">Recordings finished so far, this one included.</param>
/// <param name="Total">Recordings in the batch.</param>
/// <param name="Id">Id of the recording just finished.</param>
/// <param name="Index">Its 0-based position in the input list.</param>
public readonly record struct HrvBatchProgress(int Completed, int Total, string Id, int Index);
