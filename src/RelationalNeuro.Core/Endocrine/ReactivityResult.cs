namespace RelationalNeuro.Endocrine;

/// <summary>
/// Acute stress reactivity of one cortisol profile (values nmol/L, times minutes from the stressor reference,
/// areas nmol/L·min). An index is null when unavailable; <see cref="Problems"/> says why.
/// </summary>
/// <param name="BaselineNmolPerL">The baseline (<see cref="ReactivityOptions.Baseline"/>).</param>
/// <param name="PeakNmolPerL">Maximum of the post-stressor samples.</param>
/// <param name="PeakMinutes">Time of the peak (first one on ties).</param>
/// <param name="IncreaseNmolPerL">Peak − baseline (negative when cortisol fell).</param>
/// <param name="IncreasePercent">100 · increase / baseline; null when the baseline is 0.</param>
/// <param name="IsResponderAbsolute">Increase reaches <see cref="ReactivityOptions.AbsoluteThresholdNmolPerL"/> (1.5 nmol/L).</param>
/// <param name="IsResponderPercent">Percent increase reaches <see cref="ReactivityOptions.PercentThreshold"/> (15.5 %). May disagree with the absolute flag.</param>
/// <param name="IsResponderConservative">Increase reaches <see cref="ReactivityOptions.ConservativeThresholdNmolPerL"/> (2.5 nmol/L).</param>
/// <param name="AucgNmolMinPerL">AUCg over the whole protocol (Pruessner 2003).</param>
/// <param name="AuciNmolMinPerL">AUCi over the whole protocol, baseline = first sample.</param>
/// <param name="AuciPostNmolMinPerL">AUCi over the post-stressor samples, baseline = first post-stressor sample (BioPsyKit <c>auc_i_post</c>).</param>
/// <param name="Problems">Data problems.</param>
public sealed record ReactivityResult(
    double? BaselineNmolPerL,
    double? PeakNmolPerL,
    double? PeakMinutes,
    double? IncreaseNmolPerL,
    double? IncreasePercent,
    bool? IsResponderAbsolute,
    bool? IsResponderPercent,
    bool? IsResponderConservative,
    double? AucgNmolMinPerL,
    double? AuciNmolMinPerL,
    double? AuciPostNmolMinPerL,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>0-based index of the peak sample (S<i>index</i>, the first on ties); null with <see cref="PeakNmolPerL"/>.</summary>
    public int? PeakIndex { get; init; }
}
