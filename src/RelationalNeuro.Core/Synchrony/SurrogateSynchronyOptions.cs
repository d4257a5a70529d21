namespace RelationalNeuro.Synchrony;

/// <summary>
/// Parameters of surrogate synchrony (SUSY's <c>susy(x, segment, Hz, maxlag)</c>, all-pairs mode). Immutable; change with <c>with</c>.
/// </summary>
public sealed record SurrogateSynchronyOptions
{
    /// <summary>
    /// SUSY as its manual and README run it: 30-s segments, ±3 s lags (SUSY's default <c>maxlag</c>), every segment pair
    /// as a surrogate (<c>restrict.surrogates = FALSE</c>, deterministic).
    /// </summary>
    public static SurrogateSynchronyOptions Susy { get; } = new();

    /// <summary>Segment length in s (SUSY <c>segment</c>; SUSY has no default, 30 is what its manual uses); rounded to whole samples. Must be at least twice <see cref="MaxLagSeconds"/>.</summary>
    public double SegmentSeconds { get; init; } = 30;

    /// <summary>Largest lag each way in s (SUSY <c>maxlag</c>, default 3); rounded to whole samples, at most 1,048,576 (72 h at 4 Hz).</summary>
    public double MaxLagSeconds { get; init; } = 3;

    /// <summary>
    /// Quantile of the surrogate pairs' synchrony that a real segment must exceed to count as above chance (the library's
    /// per-segment test, <see cref="SurrogateSynchronyResult.PercentSegmentsAboveChance"/>; default 0.95).
    /// </summary>
    public double ChanceQuantile { get; init; } = 0.95;
}
