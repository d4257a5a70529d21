namespace RelationalNeuro.Endocrine;

/// <summary>
/// The sampling-compliance findings of one CAR day. Findings are flags and problems; no sample is dropped.
/// </summary>
/// <param name="FirstSampleDelayMinutes">Recorded time of S0 after reported waking, in minutes (negative: before waking); null when S0's time is not finite.</param>
/// <param name="DelayGroup">The delay group (see <see cref="CarComplianceOptions.RoundDelayForGroup"/>); null when the delay is unknown.</param>
/// <param name="IsAdherent">Whether S0 was taken within <see cref="CarComplianceOptions.AdherenceThresholdMinutes"/> of waking; null when unknown.</param>
/// <param name="HasDrift">Whether any later sample drifted under <see cref="CarComplianceOptions.DriftRule"/>.</param>
/// <param name="IntervalDeviationsMinutes">Per sample (index 0 is null): recorded interval since the previous sample minus the nominal interval, minutes; null where a time is missing or the difference is beyond <see cref="double"/>'s range (problem <c>car.time-out-of-range</c>).</param>
/// <param name="NominalDeviationsMinutes">Per sample (index 0 is null): recorded time minus nominal time after waking, minutes; null as above.</param>
/// <param name="HasOutOfRangeValues">Whether any value was above the physiological maximum or outside the assay limits.</param>
/// <param name="Problems">Every finding, as a warning located at its sample (S0, S1, ...).</param>
public sealed record CarComplianceResult(
    double? FirstSampleDelayMinutes,
    CarDelayGroup? DelayGroup,
    bool? IsAdherent,
    bool HasDrift,
    IReadOnlyList<double?> IntervalDeviationsMinutes,
    IReadOnlyList<double?> NominalDeviationsMinutes,
    bool HasOutOfRangeValues,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>True when S0 was adherent, no sample drifted and no value was out of range.</summary>
    public bool IsCompliant => IsAdherent == true && !HasDrift && !HasOutOfRangeValues;
}
