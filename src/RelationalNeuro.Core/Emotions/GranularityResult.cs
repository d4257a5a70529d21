namespace RelationalNeuro.Emotions;

/// <summary>
/// Emotional-vocabulary metrics over a set of <see cref="EmotionLabel"/>s; definitions in
/// <see cref="EmotionalGranularity.Measure"/>.
/// </summary>
/// <param name="LabelCount">Number of labels measured.</param>
/// <param name="DistinctLabels">Number of distinct paths used (vocabulary size).</param>
/// <param name="DistinctCores">Number of distinct core feelings (first path segments) used.</param>
/// <param name="MeanDepth">Mean path depth (1 = core only); null when there are no labels.</param>
/// <param name="MaxDepthUsed">Deepest path depth used; 0 when there are no labels.</param>
/// <param name="DepthRatio">MeanDepth divided by the taxonomy's deepest level, in (0, 1]; null without a taxonomy or labels.</param>
/// <param name="EmodiversityNats">Shannon entropy of the path frequencies, in nats; null when there are no labels.</param>
/// <param name="Evenness">Emodiversity divided by ln(DistinctLabels) (Pielou's J), in [0, 1]; null with fewer than two distinct labels.</param>
/// <param name="CoreEmodiversityNats">Shannon entropy of the core-feeling frequencies, in nats; null when there are no labels.</param>
/// <param name="Problems">Why a metric is null, and labels that were skipped (unknown path, bad intensity).</param>
public readonly record struct GranularityResult(
    int LabelCount,
    int DistinctLabels,
    int DistinctCores,
    double? MeanDepth,
    int MaxDepthUsed,
    double? DepthRatio,
    double? EmodiversityNats,
    double? Evenness,
    double? CoreEmodiversityNats,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>Why a metric is null, and labels that were skipped; never null (empty for <c>default</c>).</summary>
    public IReadOnlyList<Problem> Problems { get => field ?? ProblemList.Empty; init; } = Problems;
}
