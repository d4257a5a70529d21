namespace RelationalNeuro.Hrv;

/// <summary>
/// Poincaré-plot metrics (RR_i+1 against RR_i) of one NN series, from
/// <see cref="HrvMetrics.Poincare(System.ReadOnlySpan{double}, PoincareOptions?)"/>. A metric that is undefined
/// for the series (too short, or a zero denominator) is <see langword="null"/> with a problem saying why; never
/// infinity or NaN.
/// </summary>
/// <remarks>A <see langword="readonly record struct"/>: no heap allocation when every metric is defined.</remarks>
public readonly record struct PoincareResult
{
    /// <summary>Number of NN intervals N given (the plot has N − 1 points).</summary>
    public int IntervalCount { get; init; }

    /// <summary>Which estimator produced <see cref="Sd1Ms"/> and <see cref="Sd2Ms"/>.</summary>
    public PoincareDefinition Definition { get; init; }

    /// <summary>SD1: dispersion across the line of identity (short-term variability), ms. Brennan 2001.</summary>
    public double? Sd1Ms { get; init; }

    /// <summary>SD2: dispersion along the line of identity (long-term variability), ms. Brennan 2001.</summary>
    public double? Sd2Ms { get; init; }

    /// <summary>
    /// SD1 divided by SD2 (dimensionless; NeuroKit2 <c>HRV_SD1SD2</c>). Its inverse SD2/SD1 is <see cref="Csi"/>
    /// (hrv-analysis <c>ratio_sd2_sd1</c>, pyHRV <c>sd_ratio</c>). Null when SD2 = 0.
    /// </summary>
    public double? Sd1OverSd2 { get; init; }

    /// <summary>Area of the fitted ellipse, π · SD1 · SD2, ms².</summary>
    public double? EllipseAreaMs2 { get; init; }

    /// <summary>Cardiac sympathetic index, CSI = L / T = SD2 / SD1 with L = 4·SD2, T = 4·SD1 (Toichi et al. 1997). Dimensionless. Null when SD1 = 0.</summary>
    public double? Csi { get; init; }

    /// <summary>Cardiac vagal index, CVI = log10(L · T) = log10(16 · SD1 · SD2) with L, T in ms (Toichi et al. 1997). Null when SD1 or SD2 is 0.</summary>
    public double? Cvi { get; init; }

    /// <summary>Modified CSI = L² / T = 4 · SD2² / SD1, ms (Jeppesen et al. 2014, from Toichi's L and T; NeuroKit2 <c>HRV_CSI_Modified</c>). Null when SD1 = 0.</summary>
    public double? ModifiedCsiMs { get; init; }

    /// <summary>Why any metric is null (codes <c>hrv.too-few-beats</c>, <c>hrv.undefined-ratio</c>; location = metric name). Empty when all are defined.</summary>
    public IReadOnlyList<Problem> Problems
    {
        get => field ?? ProblemList.Empty;
        init => field = ProblemList.From(value);
    }
}
