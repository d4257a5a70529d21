namespace RelationalNeuro.Connectivity;

/// <summary>Options of <see cref="FunctionalConnectivity.Compute(double[,], ConnectivityOptions?)"/>. Change with <c>with</c>.</summary>
public sealed record ConnectivityOptions
{
    /// <summary>The defaults: empirical Pearson correlation.</summary>
    public static ConnectivityOptions Default { get; } = new();

    /// <summary>The matrix to compute (default <see cref="ConnectivityKind.Correlation"/>).</summary>
    public ConnectivityKind Kind { get; init; } = ConnectivityKind.Correlation;

    /// <summary>The covariance estimator (default <see cref="CovarianceEstimator.Empirical"/>; nilearn's default is <see cref="CovarianceEstimator.LedoitWolf"/>).</summary>
    public CovarianceEstimator Estimator { get; init; } = CovarianceEstimator.Empirical;
}
