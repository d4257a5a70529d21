namespace RelationalNeuro.Hrv;

/// <summary>Multiscale entropy: sample entropy of the coarse-grained series at scales 1, 2, …, τ<sub>max</sub>.</summary>
/// <remarks>A <see langword="sealed"/> record because it holds a list (one value per scale); equality compares that list by reference.</remarks>
/// <param name="SampleEntropyByScale">Element τ − 1 is SampEn at scale τ; null where undefined at that scale (see <paramref name="Problems"/>).</param>
/// <param name="ToleranceMs">The tolerance r, fixed from the original (scale 1) series, in ms.</param>
/// <param name="Problems">One problem per scale (or for the whole series) where SampEn is undefined; empty when every scale is defined.</param>
public sealed record MultiscaleEntropyResult(IReadOnlyList<double?> SampleEntropyByScale, double ToleranceMs, IReadOnlyList<Problem> Problems)
{
    /// <summary>One problem per scale (or for the whole series) where SampEn is undefined; empty when every scale is defined. A <see cref="ProblemList"/>, never null.</summary>
    public IReadOnlyList<Problem> Problems
    {
        get;
        init => field = ProblemList.From(value);
    } = ProblemList.From(Problems);
}
