using System.Text.Json.Serialization;

namespace RelationalNeuro.Connectivity;

/// <summary>A connectivity matrix (N × N, symmetric) with what produced it. <see cref="Matrix"/> is null when the data do not allow it; <see cref="Problems"/> says why.</summary>
/// <remarks>
/// Every entry of <see cref="Matrix"/> is finite (a correlation's diagonal is 1; Fisher z, whose diagonal is +∞, is never
/// stored here), so the result serialises with the default <c>JsonSerializerOptions</c>: the matrix as an array of rows.
/// </remarks>
/// <param name="Matrix">The N × N matrix (<c>Matrix[row, column]</c>), or null.</param>
/// <param name="Kind">What the matrix holds.</param>
/// <param name="Estimator">The covariance estimator used.</param>
/// <param name="Shrinkage">The Ledoit–Wolf shrinkage in [0, 1] (null for the empirical estimator); 1 means the estimate is μ·I (identity correlation).</param>
/// <param name="TimePoints">T, the number of time points.</param>
/// <param name="Rois">N, the number of regions of interest.</param>
/// <param name="Problems">Data problems (constant or non-finite series, singular covariance, full shrinkage).</param>
public sealed record ConnectivityResult(
    [property: JsonConverter(typeof(MatrixJsonConverter))] double[,]? Matrix,
    ConnectivityKind Kind,
    CovarianceEstimator Estimator,
    double? Shrinkage,
    int TimePoints,
    int Rois,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>
    /// 2-norm condition number κ = σ_max/σ_min of the estimated matrix the result derives from (singular values by MathNet.Numerics
    /// SVD): the covariance (empirical or Ledoit–Wolf) for <see cref="ConnectivityKind.Covariance"/>, <see cref="ConnectivityKind.Precision"/>
    /// and <see cref="ConnectivityKind.PartialCorrelation"/>; the correlation matrix (covariance of the standardised signals) for
    /// <see cref="ConnectivityKind.Correlation"/>. Inverting loses about log₁₀ κ of the 16 significant digits. Computed for the
    /// kinds that invert, and for the others when <see cref="ConnectivityOptions.ComputeConditioning"/> is set; null otherwise, and
    /// when σ_min is 0 (see <see cref="Rank"/>).
    /// </summary>
    public double? ConditionNumber { get; init; }

    /// <summary>
    /// Numerical rank of the same matrix: singular values above σ_max · N · ε (ε = 2⁻⁵², NumPy <c>matrix_rank</c>'s default tolerance);
    /// below N the matrix is singular (always when T ≤ N for the empirical estimator). Null when not computed.
    /// </summary>
    public int? Rank { get; init; }
}
