namespace RelationalNeuro.Hrv;

/// <summary>
/// Frequency-domain HRV of one NN series (<see cref="HrvMetrics.FrequencyDomain(ReadOnlySpan{double}, FrequencyDomainOptions?)"/>).
/// Absolute powers are in ms² (the integral of a one-sided PSD in ms²/Hz; a sinusoidal NN modulation of amplitude A ms
/// contributes A²/2 ms²). A value is null when it is unavailable — the recording is too short for the band, the band is
/// narrower than the spectral resolution, or a ratio's denominator is zero — and <see cref="Problems"/> then says why.
/// </summary>
/// <param name="Method">The spectral method used.</param>
/// <param name="DurationSeconds">Sum of the NN intervals in seconds: the recording length the minimum-length rules use.</param>
/// <param name="FrequencyResolutionHz">1/(Welch segment length) or 1/(record span) for Lomb–Scargle, in Hz.</param>
/// <param name="FrequencyStepHz">Spacing of the PSD frequency grid in Hz (finer than the resolution when zero-padded or oversampled).</param>
/// <param name="UlfPowerMs2">ULF power in ms².</param>
/// <param name="VlfPowerMs2">VLF power in ms².</param>
/// <param name="LfPowerMs2">LF power in ms².</param>
/// <param name="HfPowerMs2">HF power in ms².</param>
/// <param name="VhfPowerMs2">VHF power in ms².</param>
/// <param name="TotalPowerMs2">Total power in ms²: ULF + VLF + LF + HF, each integrated by the chosen rule and including bands reported unavailable only for length or resolution reasons (Task Force: the variance of NN at ≤ 0.4 Hz), plus VHF when <see cref="FrequencyDomainOptions.TotalPowerIncludesVhf"/> is set (NeuroKit2's TP). Under the default integration this is exactly the integral from the ULF lower edge to the HF upper edge.</param>
/// <param name="UlfPeakHz">Frequency of the largest PSD value inside ULF, in Hz.</param>
/// <param name="VlfPeakHz">Frequency of the largest PSD value inside VLF, in Hz.</param>
/// <param name="LfPeakHz">Frequency of the largest PSD value inside LF, in Hz.</param>
/// <param name="HfPeakHz">Frequency of the largest PSD value inside HF, in Hz.</param>
/// <param name="VhfPeakHz">Frequency of the largest PSD value inside VHF, in Hz.</param>
/// <param name="UlfRelativePercent">100·ULF/TP.</param>
/// <param name="VlfRelativePercent">100·VLF/TP.</param>
/// <param name="LfRelativePercent">100·LF/TP.</param>
/// <param name="HfRelativePercent">100·HF/TP.</param>
/// <param name="LfNormalizedUnits">LF in normalized units (0–100) per <see cref="FrequencyDomainOptions.NormalizedUnits"/>.</param>
/// <param name="HfNormalizedUnits">HF in normalized units (0–100) per <see cref="FrequencyDomainOptions.NormalizedUnits"/>.</param>
/// <param name="LfHfRatio">LF/HF, both in ms².</param>
/// <param name="Problems">Why any value is null; empty when everything is available.</param>
public readonly record struct FrequencyDomainResult(
    SpectralMethod Method,
    double DurationSeconds,
    double FrequencyResolutionHz,
    double FrequencyStepHz,
    double? UlfPowerMs2,
    double? VlfPowerMs2,
    double? LfPowerMs2,
    double? HfPowerMs2,
    double? VhfPowerMs2,
    double? TotalPowerMs2,
    double? UlfPeakHz,
    double? VlfPeakHz,
    double? LfPeakHz,
    double? HfPeakHz,
    double? VhfPeakHz,
    double? UlfRelativePercent,
    double? VlfRelativePercent,
    double? LfRelativePercent,
    double? HfRelativePercent,
    double? LfNormalizedUnits,
    double? HfNormalizedUnits,
    double? LfHfRatio,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>Why any value is null; empty when everything is available. A <see cref="ProblemList"/>, never null.</summary>
    public IReadOnlyList<Problem> Problems
    {
        get => field ?? ProblemList.Empty;
        init => field = ProblemList.From(value);
    } = ProblemList.From(Problems);
}
