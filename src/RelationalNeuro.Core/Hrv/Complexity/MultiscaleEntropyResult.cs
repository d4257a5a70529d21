namespace RelationalNeuro.Hrv;

/// <summary>Multiscale entropy: sample entropy of the coarse-grained series at scales 1, 2, …, τ<sub>max</sub>.</summary>
/// <param name="SampleEntropyByScale">Element τ − 1 is SampEn at scale τ; null where undefined at that scale (see <paramref name="Problems"/>).</param>
/// <param name="ToleranceMs">The tolerance r, fixed from the original (scale 1) series, in ms.</param>
/// <param name="Problems">One problem per scale (or for the whole series) where SampEn is undefined; empty when every scale is defined.</param>
public readonly record struct MultiscaleEntropyResult(IReadOnlyList<double?> SampleEntropyByScale, double ToleranceMs, IReadOnlyList<Problem> Problems);
