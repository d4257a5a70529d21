namespace RelationalNeuro.Change;

/// <summary>
/// A two-sided t test with the statistics it rests on. <see cref="T"/>, <see cref="PValue"/> and the interval are null when
/// the standard error is 0 (constant data); <see cref="Problems"/> says so.
/// </summary>
/// <param name="Kind">Student, Welch or paired.</param>
/// <param name="MeanDifference">M₁ − M₂ (independent) or the mean of post − pre (paired), score units.</param>
/// <param name="StandardError">Standard error of <see cref="MeanDifference"/>, score units.</param>
/// <param name="T">t = <see cref="MeanDifference"/> / <see cref="StandardError"/>; null when the standard error is 0.</param>
/// <param name="DegreesOfFreedom">df: n₁ + n₂ − 2 (Student), Welch–Satterthwaite (Welch, not an integer in general), n − 1 (paired); null only for Welch when both groups are constant (0/0).</param>
/// <param name="PValue">Two-sided p = 2·P(T_df ≤ −|t|) (MathNet.Numerics <c>StudentT.CDF</c>); null with <see cref="T"/>.</param>
/// <param name="ConfidenceLevel">Level of the interval, e.g. 0.95.</param>
/// <param name="CriticalValue">The t quantile t(1 − α/2, df) the interval uses (MathNet.Numerics <c>StudentT.InvCDF</c>); null with <see cref="DegreesOfFreedom"/>.</param>
/// <param name="ConfidenceLower">Lower end of the confidence interval of <see cref="MeanDifference"/>, score units; null when the standard error is 0.</param>
/// <param name="ConfidenceUpper">Upper end of the interval, score units; null when the standard error is 0.</param>
/// <param name="Count1">n₁ (independent) or the number of pairs (paired).</param>
/// <param name="Count2">n₂ (independent) or the number of pairs (paired).</param>
/// <param name="Problems">Why a statistic is null (<c>change.zero-variance</c>).</param>
public readonly record struct TTestResult(
    TTestKind Kind,
    double MeanDifference,
    double StandardError,
    double? T,
    double? DegreesOfFreedom,
    double? PValue,
    double ConfidenceLevel,
    double? CriticalValue,
    double? ConfidenceLower,
    double? ConfidenceUpper,
    int Count1,
    int Count2,
    IReadOnlyList<Problem> Problems);
