namespace RelationalNeuro.Hrv;

/// <summary>
/// Parameters of sample entropy, approximate entropy and multiscale entropy. Immutable; change with
/// <c>with</c>, e.g. <c>EntropyOptions.Default with { EmbeddingDimension = 3 }</c>.
/// </summary>
/// <remarks>
/// Defaults: m = 2; r = 0.2 × SDNN where SDNN is the sample standard deviation of the RR series
/// (n − 1 denominator, NumPy <c>ddof=1</c>) — the tolerance NeuroKit2 uses; a match is a Chebyshev
/// distance ≤ r. hrv-analysis (nolds) uses r = 0.2006 × SD and <c>&lt;</c>; pyHRV uses
/// 0.2 × SD with an n + 1 denominator and <c>&lt;</c>: the presets <see cref="Nolds"/> and <see cref="PyHrv"/>
/// reproduce them (<see cref="NeuroKit2"/> is the default).
/// </remarks>
public sealed record EntropyOptions
{
    /// <summary>The defaults: m = 2, r = 0.2 × SDNN (n − 1), distance ≤ r.</summary>
    public static EntropyOptions Default { get; } = new();

    /// <summary>Embedding dimension m: the template length (beats). Default 2; at least 1.</summary>
    public int EmbeddingDimension { get; init; } = 2;

    /// <summary>Tolerance as a multiple of SDNN (sample SD, n − 1). Default 0.2; greater than 0 and at most 1000. Ignored when <see cref="ToleranceMs"/> is set.</summary>
    public double ToleranceSdFactor { get; init; } = 0.2;

    /// <summary>An absolute tolerance r in ms; when set it replaces <see cref="ToleranceSdFactor"/> × SDNN. Must be finite and greater than 0.</summary>
    public double? ToleranceMs { get; init; }

    /// <summary>
    /// The most intervals an entropy is computed on; default 200,000 (about two days of beats; a 24-h Holter record
    /// has about 100,000). A longer series is analysed on its first <see cref="MaximumIntervals"/> intervals (r included),
    /// with the warning <c>hrv.entropy-truncated</c> naming both counts. This bounds the cost, which grows faster than N:
    /// for m ≤ 2 about N²/256 contiguous SIMD reads at worst (≈ 1–2 s at 200,000), for m ≥ 3 the number of pairs whose
    /// first coordinates match (up to N²/2). At least m + 2.
    /// </summary>
    public int MaximumIntervals { get; init; } = 200_000;

    /// <summary>Whether a distance equal to r is a match. Default <see cref="ToleranceComparison.LessThanOrEqual"/>.</summary>
    public ToleranceComparison Comparison { get; init; } = ToleranceComparison.LessThanOrEqual;

    /// <summary>
    /// Delta degrees of freedom of the SD that <see cref="ToleranceSdFactor"/> multiplies, as NumPy's <c>ddof</c>:
    /// SD = √(Σ(RR − mean)² / (N − ddof)). Default 1 (sample SD, NeuroKit2 and nolds); pyHRV uses −1 (denominator
    /// N + 1). At most 1 and at least −1,000,000.
    /// </summary>
    public int ToleranceSdDdof { get; init; } = 1;

    /// <summary>NeuroKit2 0.2.12 (<c>hrv_nonlinear</c>): r = 0.2 × SD (ddof 1), a match when d ≤ r — the library default.</summary>
    public static EntropyOptions NeuroKit2 => Default;

    /// <summary>
    /// pyHRV 0.4.1 <c>sample_entropy</c>: r = 0.2 × <c>np.std(nni, ddof=-1)</c> (denominator N + 1), then nolds 0.6.1
    /// <c>sampen</c>, a match when d &lt; r; m = 2.
    /// </summary>
    public static EntropyOptions PyHrv { get; } = new()
    {
        ToleranceSdDdof = -1,
        Comparison = ToleranceComparison.LessThan,
    };

    /// <summary>
    /// nolds 0.6.1 <c>sampen</c> with its default tolerance, as hrv-analysis 1.0.5 <c>get_sampen</c> calls it:
    /// r = 0.1164 · (0.5627 · ln m + 1.3334) × SD (ddof 1; 0.20061 × SD for m = 2), a match when d &lt; r.
    /// </summary>
    /// <param name="embeddingDimension">m (nolds' <c>emb_dim</c>, hrv-analysis passes 2); the tolerance factor depends on it.</param>
    /// <returns>The options for that m.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="embeddingDimension"/> is below 1 or above 64.</exception>
    public static EntropyOptions Nolds(int embeddingDimension = 2)
    {
        RelationalNeuro.Internal.Guard.InRange(embeddingDimension, 1, 64);
        return new()
        {
            EmbeddingDimension = embeddingDimension,
            ToleranceSdFactor = 0.1164 * ((0.5627 * Math.Log(embeddingDimension)) + 1.3334),
            Comparison = ToleranceComparison.LessThan,
        };
    }
}
