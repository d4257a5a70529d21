namespace RelationalNeuro.Synchrony;

/// <summary>
/// Real dyads' synchrony against pseudo-dyads' (rMEA's between-dyad surrogate test): means, SDs (n − 1) and Cohen's d
/// = |mean₁ − mean₂| / pooled SD with n − 1 weights (rMEA <c>cohens_d</c>).
/// </summary>
/// <param name="RealCount">Number of real values used.</param>
/// <param name="PseudoCount">Number of pseudo values used.</param>
/// <param name="RealMean">Mean of the real values; null when there are none.</param>
/// <param name="RealSd">SD (n − 1) of the real values; null with fewer than two.</param>
/// <param name="PseudoMean">Mean of the pseudo values; null when there are none.</param>
/// <param name="PseudoSd">SD (n − 1) of the pseudo values; null with fewer than two.</param>
/// <param name="CohensD">|RealMean − PseudoMean| / pooled SD; null when undefined (see <paramref name="Problems"/>).</param>
/// <param name="Problems">Why a value is null (<c>sync.too-few-dyads</c>, <c>sync.undefined</c>); empty otherwise.</param>
public readonly record struct RealVersusPseudo(
    int RealCount,
    int PseudoCount,
    double? RealMean,
    double? RealSd,
    double? PseudoMean,
    double? PseudoSd,
    double? CohensD,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>Why a value is null; empty otherwise. A <see cref="ProblemList"/>, never null.</summary>
    public IReadOnlyList<Problem> Problems
    {
        get => field ?? ProblemList.Empty;
        init => field = ProblemList.From(value);
    } = ProblemList.From(Problems);
}
