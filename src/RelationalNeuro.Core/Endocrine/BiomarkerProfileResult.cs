namespace RelationalNeuro.Endocrine;

/// <summary>
/// The profile of one series of any analyte: first value, peak, increase over the first sample, slope and areas, with the
/// analyte and its unit. Values are in <see cref="Unit"/>, times in <see cref="TimeUnit"/>. A member is null when its samples
/// are unavailable; <see cref="Problems"/> says why.
/// </summary>
/// <param name="Analyte">What was measured, and the unit of the values.</param>
/// <param name="TimeUnit">The unit of the sample times (from <see cref="BiomarkerProfileOptions.TimeUnit"/>).</param>
/// <param name="FirstValue">v₁, the first sample (the baseline of the increases and of AUCi), in <see cref="Unit"/>.</param>
/// <param name="PeakValue">max(v₁..vₙ) in <see cref="Unit"/> (BioPsyKit <c>max_value</c>).</param>
/// <param name="PeakTime">Time of the peak (the first on ties), in <see cref="TimeUnit"/>.</param>
/// <param name="PeakIndex">0-based index of the peak sample (S<i>index</i>; BioPsyKit <c>argmax</c>).</param>
/// <param name="MaxIncrease">max(v₂..vₙ) − v₁ in <see cref="Unit"/> (BioPsyKit <c>max_increase</c>; negative when every later value is lower).</param>
/// <param name="MaxIncreasePercent">100 · <see cref="MaxIncrease"/> / |v₁| (BioPsyKit <c>percent=True</c>); null when v₁ is 0.</param>
/// <param name="SlopeFirstToLast">(vₙ − v₁)/(tₙ − t₁) in <see cref="SlopeUnit"/> (BioPsyKit <c>slope</c> of the first and last samples).</param>
/// <param name="Aucg">AUCg (Pruessner et al. 2003), in <see cref="AreaUnit"/>.</param>
/// <param name="Auci">AUCi, baseline v₁, in <see cref="AreaUnit"/>; may be negative.</param>
/// <param name="SampleCount">Samples in the series (present or missing).</param>
/// <param name="Problems">Data problems.</param>
public sealed record BiomarkerProfileResult(
    Analyte Analyte,
    string TimeUnit,
    double? FirstValue,
    double? PeakValue,
    double? PeakTime,
    int? PeakIndex,
    double? MaxIncrease,
    double? MaxIncreasePercent,
    double? SlopeFirstToLast,
    double? Aucg,
    double? Auci,
    int SampleCount,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>The unit of the values (<see cref="Analyte"/>.<see cref="Analyte.Unit"/>), e.g. "pg/mL".</summary>
    public string Unit => Analyte.Unit;

    /// <summary>The unit of <see cref="SlopeFirstToLast"/>: value unit per time unit, e.g. "pg/mL/min".</summary>
    public string SlopeUnit => Analyte.Unit + "/" + TimeUnit;

    /// <summary>The unit of the areas: value unit × time unit, e.g. "pg/mL·min".</summary>
    public string AreaUnit => Analyte.Unit + "·" + TimeUnit;
}
