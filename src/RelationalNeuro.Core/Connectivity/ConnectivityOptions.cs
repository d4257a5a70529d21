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

    /// <summary>
    /// Also compute <see cref="ConnectivityResult.ConditionNumber"/> and <see cref="ConnectivityResult.Rank"/> for
    /// <see cref="ConnectivityKind.Correlation"/> and <see cref="ConnectivityKind.Covariance"/> (an O(N³) SVD, so off by default; the
    /// kinds that invert always compute them). Default false.
    /// </summary>
    public bool ComputeConditioning { get; init; }

    /// <summary>
    /// A condition number above this gives the warning <c>connectivity.ill-conditioned</c> (default 1e8: an inverse then keeps at
    /// most about 8 of 16 significant digits). Must be at least 1.
    /// </summary>
    public double IllConditionedAbove { get; init; } = 1e8;
}
