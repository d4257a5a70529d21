namespace RelationalNeuro.Hrv;

/// <summary>The coherence of one analysis window.</summary>
/// <param name="EndSeconds">End of the window in seconds from the first beat (t = 0 at the end of the first NN interval).</param>
/// <param name="Ratio">Peak power / (total power − peak power), dimensionless; null when the window has no variability.</param>
/// <param name="PeakFrequencyHz">Frequency of the coherence peak in Hz; null with <paramref name="Ratio"/>.</param>
/// <param name="PeakPowerMs2">Power in the peak window in ms².</param>
/// <param name="TotalPowerMs2">Power in <see cref="CoherenceOptions.TotalBand"/> in ms².</param>
public readonly record struct CoherenceEpoch(double EndSeconds, double? Ratio, double? PeakFrequencyHz, double PeakPowerMs2, double TotalPowerMs2);
