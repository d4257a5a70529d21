using System.Text.Json.Serialization;

namespace RelationalNeuro.Connectivity;

/// <summary>A Ledoit–Wolf covariance estimate.</summary>
/// <param name="Covariance">Σ_LW = (1 − shrinkage)·S + shrinkage·μ·I (N × N), with S the MLE covariance (divisor T) and μ = trace(S)/N.</param>
/// <param name="Shrinkage">The shrinkage intensity in [0, 1].</param>
/// <param name="Mu">μ = trace(S)/N, the target's diagonal value.</param>
public sealed record ShrunkCovariance(
    [property: JsonConverter(typeof(MatrixJsonConverter))] double[,] Covariance,
    double Shrinkage,
    double Mu);
