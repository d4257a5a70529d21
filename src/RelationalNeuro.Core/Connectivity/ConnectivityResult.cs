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
    IReadOnlyList<Problem> Problems);
