namespace RelationalNeuro.Hrv;

/// <summary>A frequency band [<paramref name="LowHz"/>, <paramref name="HighHz"/>) in hertz.</summary>
/// <param name="LowHz">Lower edge in Hz (included).</param>
/// <param name="HighHz">Upper edge in Hz (excluded, except under <see cref="BandIntegration.RectangleInclusive"/>).</param>
public readonly record struct FrequencyBand(double LowHz, double HighHz)
{
    /// <summary>Width of the band in Hz.</summary>
    public double WidthHz => HighHz - LowHz;
}
