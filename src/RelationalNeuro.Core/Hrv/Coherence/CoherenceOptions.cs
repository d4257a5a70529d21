namespace RelationalNeuro.Hrv;

/// <summary>
/// Parameters of <see cref="HeartRhythmCoherence.Compute(ReadOnlySpan{double}, CoherenceOptions?)"/>. Immutable; change with
/// <c>with</c>. Defaults follow the published description of heart-rhythm coherence (64-s window updated every 5 s,
/// inter-beat intervals resampled every 500 ms to 128 points, peak searched in 0.04–0.26 Hz, a window about 0.03 Hz wide
/// around it compared with the rest of the spectrum; McCraty et al. 2009, see docs/hrv-frequency.md).
/// </summary>
public sealed record CoherenceOptions
{
    /// <summary>The defaults described above.</summary>
    public static CoherenceOptions Default { get; } = new();

    /// <summary>Length of each analysis window in seconds. Default 64 s.</summary>
    public double WindowSeconds { get; init; } = 64;

    /// <summary>Step between successive windows in seconds. Default 5 s.</summary>
    public double StepSeconds { get; init; } = 5;

    /// <summary>Rate of the even resampling grid in Hz. Default 2 Hz (every 500 ms; 128 points per 64-s window).</summary>
    public double ResamplingRateHz { get; init; } = 2;

    /// <summary>Band in which the coherence peak is searched. Default 0.04–0.26 Hz.</summary>
    public FrequencyBand PeakSearchBand { get; init; } = new(0.04, 0.26);

    /// <summary>
    /// Half-width of the peak window in bins of the window's spectrum (resolution 1/<see cref="WindowSeconds"/>). Default 1: the
    /// peak bin and its two neighbours (±0.0156 Hz at 64 s, about the published 0.030-Hz window), which holds the whole
    /// main lobe of the Hann window, so a pure sinusoid's power is all "peak".
    /// </summary>
    public int PeakHalfWidthBins { get; init; } = 1;

    /// <summary>Band whose power is the "total" the peak is compared with. Default 0.0033–0.4 Hz.</summary>
    public FrequencyBand TotalBand { get; init; } = new(0.0033, 0.4);
}
