namespace RelationalNeuro.Endocrine;

/// <summary>Diurnal cortisol slopes and areas of one day (values nmol/L, times hours after waking). Null when unavailable; <see cref="Problems"/> says why.</summary>
/// <param name="WakeToBedSlopeNmolPerLPerHour">(c_bed − c_wake) / (h_bed − h_wake): first to last sample; negative = normal decline.</param>
/// <param name="PeakToBedSlopeNmolPerLPerHour">(c_bed − c_peak) / (h_bed − h_peak), peak = the highest sample (first on ties); null when the peak is the last sample.</param>
/// <param name="RegressionSlopePerHour">OLS slope of c (nmol/L per hour) or ln c (ln-units per hour, see <see cref="RegressionIsLogarithmic"/>) on hours.</param>
/// <param name="RegressionIntercept">OLS intercept at waking (nmol/L, or ln nmol/L).</param>
/// <param name="RegressionIsLogarithmic">Whether the regression used ln(c).</param>
/// <param name="RegressionSampleCount">Samples used by the regression.</param>
/// <param name="AucgNmolHourPerL">AUCg over the day (Pruessner 2003), nmol/L·h.</param>
/// <param name="AuciNmolHourPerL">AUCi over the day, baseline = waking sample, nmol/L·h.</param>
/// <param name="Problems">Data problems.</param>
public sealed record DiurnalResult(
    double? WakeToBedSlopeNmolPerLPerHour,
    double? PeakToBedSlopeNmolPerLPerHour,
    double? RegressionSlopePerHour,
    double? RegressionIntercept,
    bool RegressionIsLogarithmic,
    int RegressionSampleCount,
    double? AucgNmolHourPerL,
    double? AuciNmolHourPerL,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>0-based index of the highest sample of the day (S<i>index</i>, the first on ties); null when a sample the policy needs is missing.</summary>
    public int? PeakIndex { get; init; }

    /// <summary>The highest value of the day, nmol/L; null with <see cref="PeakIndex"/>.</summary>
    public double? PeakNmolPerL { get; init; }
}
