namespace RelationalNeuro.Hrv;

/// <summary>How the power spectral density is integrated over a frequency band [low, high).</summary>
public enum BandIntegration
{
    /// <summary>
    /// The exact integral over [low, high) of the PSD interpolated linearly between frequency bins (the trapezoid rule,
    /// with the PSD at the band edges interpolated). Adjacent bands therefore add up: ULF + VLF + LF + HF equals the
    /// integral from the ULF lower edge to the HF upper edge, nothing is lost between bands. The library's default.
    /// </summary>
    TrapezoidInterpolatedEdges = 0,

    /// <summary>
    /// The trapezoid rule over the bins with low ≤ f &lt; high only (NumPy <c>trapz</c> on the masked bins, as NeuroKit2
    /// and hrv-analysis do): the slivers between the last bin of one band and the first bin of the next are not counted.
    /// </summary>
    TrapezoidWithinBand = 1,

    /// <summary>The sum of the bins with low ≤ f ≤ high (both edges inclusive) times the bin width, as pyHRV does.</summary>
    RectangleInclusive = 2,
}
