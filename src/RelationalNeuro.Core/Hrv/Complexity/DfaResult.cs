namespace RelationalNeuro.Hrv;

/// <summary>Short- and long-term scaling exponents of detrended fluctuation analysis.</summary>
/// <param name="Alpha1">α1 (dimensionless) over the short-term scale range; null when unavailable (see <paramref name="Problems"/>).</param>
/// <param name="Alpha2">α2 (dimensionless) over the long-term scale range; null when unavailable.</param>
/// <param name="Problems">Why an exponent is null (too few beats for the largest scale, zero fluctuation); empty when both are available.</param>
public readonly record struct DfaResult(double? Alpha1, double? Alpha2, IReadOnlyList<Problem> Problems)
{
    /// <summary>Why an exponent is null (too few beats for the largest scale, zero fluctuation); empty when both are available. A <see cref="ProblemList"/>, never null.</summary>
    public IReadOnlyList<Problem> Problems
    {
        get => field ?? ProblemList.Empty;
        init => field = ProblemList.From(value);
    } = ProblemList.From(Problems);
}
