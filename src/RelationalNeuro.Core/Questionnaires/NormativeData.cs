namespace RelationalNeuro.Questionnaires;

/// <summary>Published norms for a subscale in one population, in the subscale's score unit.</summary>
/// <remarks>Together with <see cref="ReliabilityEstimate"/> these feed the reliable change index of the Change module.</remarks>
/// <param name="Population">Who was measured, e.g. "US adults".</param>
/// <param name="Mean">Mean score.</param>
/// <param name="StandardDeviation">Standard deviation of the score, or null when the source gives none.</param>
/// <param name="SampleSize">Number of respondents, or null.</param>
/// <param name="Source">The citation.</param>
public sealed record NormativeData(string Population, double Mean, double? StandardDeviation, int? SampleSize, string Source);

/// <summary>Published reliability of a subscale.</summary>
/// <param name="CronbachAlpha">Internal consistency (Cronbach's α), or null.</param>
/// <param name="TestRetest">Test–retest correlation, or null.</param>
/// <param name="Source">The citation, including the retest interval where known.</param>
public sealed record ReliabilityEstimate(double? CronbachAlpha, double? TestRetest, string Source);
