namespace RelationalNeuro.Hrv;

/// <summary>
/// Approximate entropy of an RR series, with the two averages it is the difference of.
/// </summary>
/// <param name="Value">ApEn = Φ<sup>m</sup> − Φ<sup>m+1</sup> (dimensionless); null when undefined (see <paramref name="Problems"/>).</param>
/// <param name="ToleranceMs">The tolerance r used, in ms.</param>
/// <param name="EmbeddingDimension">The template length m used.</param>
/// <param name="PhiM">Φ<sup>m</sup>: the mean over the N − m + 1 length-m templates of ln(Cᵢ/(N − m + 1)), self-matches counted.</param>
/// <param name="PhiMPlusOne">Φ<sup>m+1</sup>: the same over the N − m templates of length m + 1.</param>
/// <param name="Problems">Why <paramref name="Value"/> is null (too few beats, zero tolerance): one problem then; empty when defined.</param>
public readonly record struct ApproximateEntropyResult(
    double? Value,
    double ToleranceMs,
    int EmbeddingDimension,
    double PhiM,
    double PhiMPlusOne,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>Why <see cref="Value"/> is null (too few beats, zero tolerance): one problem then; empty when defined. A <see cref="ProblemList"/>, never null.</summary>
    public IReadOnlyList<Problem> Problems
    {
        get => field ?? ProblemList.Empty;
        init => field = ProblemList.From(value);
    } = ProblemList.From(Problems);
}
