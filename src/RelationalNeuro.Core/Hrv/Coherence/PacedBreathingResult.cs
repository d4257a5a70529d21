namespace RelationalNeuro.Hrv;

/// <summary>The heart-rate oscillation measured during one <see cref="PacedBreathingSegment"/>.</summary>
/// <param name="Segment">The segment.</param>
/// <param name="LfPowerMs2">Power in 0.04–0.15 Hz in ms² (one Hann-windowed periodogram of the segment, cubic spline at 4 Hz, linear detrending); null if the segment is too short.</param>
/// <param name="LfPeakHz">Frequency of the largest PSD value in 0.04–0.15 Hz.</param>
/// <param name="LfPeakDensityMs2PerHz">That largest PSD value in ms²/Hz (the "LF peak amplitude").</param>
/// <param name="PeakToTroughBpm">Mean over complete breath cycles of (max − min) instantaneous heart rate 60000/NN, in beats per minute.</param>
public readonly record struct PacedBreathingResult(
    PacedBreathingSegment Segment,
    double? LfPowerMs2,
    double? LfPeakHz,
    double? LfPeakDensityMs2PerHz,
    double? PeakToTroughBpm);
