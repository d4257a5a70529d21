namespace RelationalNeuro.Change;

/// <summary>
/// A linear trend over sessions (the library's "neuroplasticity rate"): OLS slope per week with its confidence interval.
/// Units: the metric's unit per week. Members are null when unavailable; <see cref="Problems"/> says why.
/// </summary>
/// <param name="SlopePerWeek">OLS slope b, metric units per week.</param>
/// <param name="Intercept">OLS intercept a, metric units at week 0.</param>
/// <param name="StandardError">SE_b = √(Σ residual² / (n − 2) / Σ(t − t̄)²), metric units per week; needs n ≥ 3.</param>
/// <param name="ConfidenceLower">b − t(1 − α/2, n − 2)·SE_b.</param>
/// <param name="ConfidenceUpper">b + t(1 − α/2, n − 2)·SE_b.</param>
/// <param name="ConfidenceLevel">The level of the interval (e.g. 0.95).</param>
/// <param name="RSquared">Coefficient of determination; null when every value is equal.</param>
/// <param name="Count">Observations used.</param>
/// <param name="Direction">Which direction is better for the metric.</param>
/// <param name="Outcome">Improving, worsening, or no clear trend (null when the interval is unavailable).</param>
/// <param name="Problems">Data problems (missing values omitted, too few sessions...).</param>
public sealed record TrendResult(
    double? SlopePerWeek,
    double? Intercept,
    double? StandardError,
    double? ConfidenceLower,
    double? ConfidenceUpper,
    double ConfidenceLevel,
    double? RSquared,
    int Count,
    ChangeDirection Direction,
    TrendOutcome? Outcome,
    IReadOnlyList<Problem> Problems);
