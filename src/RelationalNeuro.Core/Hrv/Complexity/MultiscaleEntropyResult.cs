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

    /// <summary>
    /// NeuroKit2's multiscale-entropy index (<c>HRV_MSEn</c>, 0.2.12 <c>entropy_multiscale(method="MSEn")</c>): the
    /// undefined scales are dropped, the defined values v₁ … v_k (in scale order) are integrated with the trapezoid rule at
    /// unit spacing, and the area is divided by k: (Σᵢ (vᵢ + vᵢ₊₁)/2) / k. Null when no scale is defined (NeuroKit2: NaN).
    /// With <see cref="HrvMetrics.MultiscaleEntropyNeuroKit2MaxScale(int)"/> scales and the default <see cref="EntropyOptions"/>
    /// it equals NeuroKit2's value (docs/hrv-complexity.md).
    /// </summary>
    public double? AreaIndex
    {
        get
        {
            var count = 0;
            var area = 0.0;
            double? previous = null;
            foreach (var value in SampleEntropyByScale)
            {
                if (value is not { } v)
                {
                    continue;
                }

                if (previous is { } p)
                {
                    area += (p + v) / 2;
                }

                previous = v;
                count++;
            }

            return count == 0 ? null : area / count;
        }
    }
}
