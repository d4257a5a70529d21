namespace RelationalNeuro.Connectivity;

/// <summary>How the covariance behind a connectivity matrix is estimated.</summary>
public enum CovarianceEstimator
{
    /// <summary>Default: the sample covariance (divisor T − 1) and plain Pearson correlation. Singular when T ≤ N, so partial correlation and precision then need shrinkage.</summary>
    Empirical = 0,

    /// <summary>
    /// Ledoit–Wolf shrinkage towards μ·I (Ledoit &amp; Wolf 2004, J Multivariate Analysis 88:365–411) exactly as scikit-learn's
    /// <c>LedoitWolf</c> (MLE covariance, divisor T): nilearn's default estimator. Correlations come out shrunk towards 0.
    /// </summary>
    LedoitWolf = 1,
}
