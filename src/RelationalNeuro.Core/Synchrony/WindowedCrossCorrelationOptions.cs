namespace RelationalNeuro.Synchrony;

/// <summary>
/// Geometry and transforms of the windowed lagged cross-correlation (rMEA's <c>MEAccf</c> parameters). Immutable; change with <c>with</c>.
/// </summary>
public sealed record WindowedCrossCorrelationOptions
{
    /// <summary>rMEA's <c>MEAccf</c> defaults for the transforms (Fisher z, absolute values) with ±5 s lags, 30-s windows, 15-s step, global-maximum best lag.</summary>
    public static WindowedCrossCorrelationOptions Rmea { get; } = new();

    /// <summary>Plain signed Pearson r (rMEA with <c>r2Z = FALSE, ABS = FALSE</c>): the form the library recommends reading a lag from (a negative r stays negative).</summary>
    public static WindowedCrossCorrelationOptions PlainR { get; } = new() { FisherZ = false, AbsoluteValues = false };

    /// <summary>Boker et al. (2002): signed r, peak picking nearest lag 0 (<see cref="BestLagRule.PeakNearestZero"/>), search region 2 lags.</summary>
    public static WindowedCrossCorrelationOptions Boker { get; } = new() { FisherZ = false, AbsoluteValues = false, BestLag = BestLagRule.PeakNearestZero };

    /// <summary>Largest lag each way in s (rMEA <c>lagSec</c>, default 5); rounded to whole samples, at most 1,048,576 (72 h at 4 Hz). 0 computes lag 0 only.</summary>
    public double MaxLagSeconds { get; init; } = 5;

    /// <summary>Window length in s (rMEA <c>winSec</c>, default 30); rounded to whole samples, at least 3.</summary>
    public double WindowSeconds { get; init; } = 30;

    /// <summary>Step between window starts in s (rMEA <c>incSec</c>, default 15); rounded to whole samples, at least 1.</summary>
    public double IncrementSeconds { get; init; } = 15;

    /// <summary>Fisher's r→z, <c>atanh(r)</c> clipped to ±10 as rMEA does (<c>r2Z</c>, default true).</summary>
    public bool FisherZ { get; init; } = true;

    /// <summary>Absolute values, applied after <see cref="FisherZ"/> (<c>ABS</c>, default true).</summary>
    public bool AbsoluteValues { get; init; } = true;

    /// <summary>How each window's lag is picked (default rMEA's <see cref="BestLagRule.GlobalMaximum"/>).</summary>
    public BestLagRule BestLag { get; init; } = BestLagRule.GlobalMaximum;

    /// <summary>Boker's local search region in lags (samples) for <see cref="BestLagRule.PeakNearestZero"/> (default 2), at least 1.</summary>
    public int PeakSearchRegion { get; init; } = 2;
}
