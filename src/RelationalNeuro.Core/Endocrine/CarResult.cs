namespace RelationalNeuro.Endocrine;

/// <summary>
/// Cortisol awakening response indices of one day (values nmol/L, times minutes after waking, areas nmol/L·min).
/// An index is null when its samples are unavailable; <see cref="Problems"/> says why.
/// </summary>
/// <param name="AwakeningNmolPerL">S0, the awakening level (reported apart from the dynamic CAR).</param>
/// <param name="IncreaseAt30NmolPerL">R30 = S30 − S0 (the sample with nominal time 30 min); null when the schedule has none.</param>
/// <param name="MaxIncreaseNmolPerL">max(S1..Sk) − S0 over the window (BioPsyKit <c>max_increase</c>).</param>
/// <param name="MaxIncreasePercent">100 · (max(S1..Sk) − S0) / S0; null when S0 is 0.</param>
/// <param name="MeanIncreaseNmolPerL">MnInc = mean(S1..Sk) − S0 over the window.</param>
/// <param name="PeakNmolPerL">max(S0..Sk) over the window.</param>
/// <param name="PeakMinutes">Time of the peak (first one on ties) on the chosen <see cref="CarTimeBasis"/>.</param>
/// <param name="AucgNmolMinPerL">AUCg over the window (Pruessner 2003).</param>
/// <param name="AuciNmolMinPerL">AUCi over the window, baseline S0; may be negative.</param>
/// <param name="SamplesInWindow">Number of samples inside the window (S0..Sk).</param>
/// <param name="Compliance">Sampling-compliance findings for the whole day.</param>
/// <param name="Problems">Data problems and compliance findings.</param>
public sealed record CarResult(
    double? AwakeningNmolPerL,
    double? IncreaseAt30NmolPerL,
    double? MaxIncreaseNmolPerL,
    double? MaxIncreasePercent,
    double? MeanIncreaseNmolPerL,
    double? PeakNmolPerL,
    double? PeakMinutes,
    double? AucgNmolMinPerL,
    double? AuciNmolMinPerL,
    int SamplesInWindow,
    CarComplianceResult? Compliance,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>0-based index of the peak sample (S<i>index</i>, the first on ties); null with <see cref="PeakNmolPerL"/>.</summary>
    public int? PeakIndex { get; init; }

    /// <summary>
    /// Where the nominal schedule came from: <see cref="CarScheduleSource.Options"/> (the options' schedule matched the sample count)
    /// or <see cref="CarScheduleSource.InferredFifteenMinuteGrid"/> (inferred, see <see cref="CarOptions.InferSchedule"/>); null when no schedule fitted.
    /// </summary>
    public CarScheduleSource? ScheduleSource { get; init; }

    /// <summary>The nominal schedule used, minutes after waking (one per sample); empty when none fitted.</summary>
    public IReadOnlyList<double> NominalScheduleMinutes { get; init; } = [];
}
