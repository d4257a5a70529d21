namespace RelationalNeuro.Change;

/// <summary>
/// The fitted trend line at one time and its pointwise confidence band for the mean (see <see cref="TrendBand"/>), in the
/// metric's units. Members are null when the trend has no slope (<see cref="Fitted"/>) or no standard error (the band).
/// </summary>
/// <param name="Week">The time, in weeks on the fit's time axis.</param>
/// <param name="Fitted">a + b·t, metric units; null when the trend has no slope.</param>
/// <param name="Lower">Fitted − t(1 − α/2, n − 2)·s·√(1/n + (t − t̄)²/Σ(tᵢ − t̄)²); null without a standard error (n &lt; 3).</param>
/// <param name="Upper">Fitted + the same half-width; null without a standard error.</param>
public readonly record struct TrendBandPoint(double Week, double? Fitted, double? Lower, double? Upper);
