namespace RelationalNeuro.Hrv;

/// <summary>
/// Sample entropy of an RR series, with the counts it was computed from.
/// </summary>
/// <param name="Value">SampEn = −ln(A / B) (dimensionless); null when undefined (see <paramref name="Problems"/>).</param>
/// <param name="ToleranceMs">The tolerance r used, in ms.</param>
/// <param name="EmbeddingDimension">The template length m used.</param>
/// <param name="TemplateCount">Templates compared at both lengths: N − m.</param>
/// <param name="MatchingPairsM">B: ordered pairs (i ≠ j) of length-m templates within r.</param>
/// <param name="MatchingPairsMPlusOne">A: ordered pairs (i ≠ j) of length-(m + 1) templates within r.</param>
/// <param name="Problems">Why <paramref name="Value"/> is null (too few beats, zero tolerance, no matches): one problem then; empty when defined.</param>
public readonly record struct SampleEntropyResult(
    double? Value,
    double ToleranceMs,
    int EmbeddingDimension,
    int TemplateCount,
    long MatchingPairsM,
    long MatchingPairsMPlusOne,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>Why <see cref="Value"/> is null (too few beats, zero tolerance, no matches): one problem then; empty when defined. A <see cref="ProblemList"/>, never null.</summary>
    public IReadOnlyList<Problem> Problems
    {
        get => field ?? ProblemList.Empty;
        init => field = ProblemList.From(value);
    } = ProblemList.From(Problems);
}
