namespace RelationalNeuro.Hrv;

/// <summary>Denominator of pNN50 / pNN20.</summary>
public enum PnnDenominator
{
    /// <summary>
    /// Number of successive differences, N − 1 (Shaffer &amp; Ginsberg 2017; hrv-analysis and pyHRV). The default:
    /// a series whose every difference exceeds 50 ms gives exactly 100 %.
    /// </summary>
    SuccessiveDifferences = 0,

    /// <summary>
    /// Number of NN intervals, N (Task Force 1996 Table 1 read literally; NeuroKit2 <c>HRV_pNN50</c>).
    /// Smaller than <see cref="SuccessiveDifferences"/> by the factor (N − 1) / N.
    /// </summary>
    Intervals = 1,
}

/// <summary>Which standard deviation of successive differences SDSD reports.</summary>
public enum SdsdDefinition
{
    /// <summary>SD of the signed differences ΔRR with the N − 2 (sample, ddof = 1) normaliser: Task Force 1996; NeuroKit2 <c>HRV_SDSD</c>. The default.</summary>
    SignedSample = 0,

    /// <summary>SD of the signed differences with the N − 1 (population, ddof = 0) normaliser over the N − 1 differences: hrv-analysis <c>sdsd</c>.</summary>
    SignedPopulation = 1,

    /// <summary>SD of the absolute differences |ΔRR| (ddof = 1): pyHRV <c>sdsd</c>. A different, smaller quantity.</summary>
    AbsoluteSample = 2,
}

/// <summary>Normaliser of a standard deviation.</summary>
public enum SdNormalizer
{
    /// <summary>Divide the sum of squared deviations by n − 1 (sample, ddof = 1).</summary>
    NMinusOne = 0,

    /// <summary>Divide by n (population, ddof = 0).</summary>
    N = 1,
}

/// <summary>
/// Definition choices for <see cref="HrvMetrics.TimeDomain(System.ReadOnlySpan{double}, TimeDomainOptions?)"/>.
/// Defaults follow the Task Force (1996) where it is explicit; each alternative is the one a peer tool uses.
/// Change with <c>with</c>: <c>TimeDomainOptions.Default with { PnnDenominator = PnnDenominator.Intervals }</c>.
/// </summary>
public sealed record TimeDomainOptions
{
    /// <summary>The defaults: N − 1 denominators, signed SDSD, 7.8125-ms histogram bins, 300-s segments.</summary>
    public static TimeDomainOptions Default { get; } = new();

    /// <summary>Denominator of pNN50 and pNN20. Default <see cref="PnnDenominator.SuccessiveDifferences"/>.</summary>
    public PnnDenominator PnnDenominator { get; init; } = PnnDenominator.SuccessiveDifferences;

    /// <summary>Definition of SDSD. Default <see cref="SdsdDefinition.SignedSample"/>.</summary>
    public SdsdDefinition Sdsd { get; init; } = SdsdDefinition.SignedSample;

    /// <summary>Normaliser of SDHR. Default <see cref="SdNormalizer.NMinusOne"/> (pyHRV); hrv-analysis uses <see cref="SdNormalizer.N"/>.</summary>
    public SdNormalizer SdHr { get; init; } = SdNormalizer.NMinusOne;

    /// <summary>
    /// Width in ms of the NN histogram bins used by the HRV triangular index and TINN. Default 7.8125 ms
    /// (1/128 s, Task Force 1996). Bins are [k·w, (k + 1)·w) from 0 ms. Must be finite and &gt; 0.
    /// </summary>
    public double HistogramBinWidthMs { get; init; } = 7.8125;

    /// <summary>Segment length in seconds for SDANN and the SDNN index. Default 300 s (5 min, Task Force 1996). Must be finite and at least 1 s.</summary>
    public double SegmentDurationSeconds { get; init; } = 300;
}
