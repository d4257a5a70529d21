namespace RelationalNeuro.Hrv;

/// <summary>How SD1 and SD2 of the Poincaré plot are estimated.</summary>
public enum PoincareDefinition
{
    /// <summary>
    /// SD of the N − 1 points rotated by 45°: SD1 = SD((RR_i − RR_i+1)/√2), SD2 = SD((RR_i + RR_i+1)/√2), sample
    /// normaliser (N − 2). NeuroKit2 <c>HRV_SD1</c>/<c>HRV_SD2</c>. The default. Minimum 3 intervals.
    /// </summary>
    RotatedAxesNMinusOne = 0,

    /// <summary>The same rotated points with the population normaliser (N − 1 pairs): pyHRV <c>poincare</c>. Minimum 2 intervals.</summary>
    RotatedAxesN = 1,

    /// <summary>
    /// Brennan et al. (2001) identities: SD1² = ½·SDSD², SD2² = 2·SDNN² − ½·SDSD² (SDNN over all N, SDSD over the N − 1
    /// signed differences, both sample normalisers): hrv-analysis. SD1 equals the default's; SD2 differs slightly because
    /// SDNN uses all N intervals. A negative SD2² (rounding, e.g. on an alternating series) is clamped to 0.
    /// Minimum 3 intervals.
    /// </summary>
    BrennanFromSdnnSdsd = 2,
}

/// <summary>Definition choices for <see cref="HrvMetrics.Poincare(System.ReadOnlySpan{double}, PoincareOptions?)"/>; change with <c>with</c>.</summary>
public sealed record PoincareOptions
{
    /// <summary>The defaults: rotated axes, sample normaliser (as NeuroKit2).</summary>
    public static PoincareOptions Default { get; } = new();

    /// <summary>How SD1 and SD2 are estimated. Default <see cref="PoincareDefinition.RotatedAxesNMinusOne"/>.</summary>
    public PoincareDefinition Definition { get; init; } = PoincareDefinition.RotatedAxesNMinusOne;
}
