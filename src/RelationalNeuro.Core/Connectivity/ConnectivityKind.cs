namespace RelationalNeuro.Connectivity;

/// <summary>The connectivity matrix to compute (the kinds of nilearn's <c>ConnectivityMeasure</c>, without "tangent").</summary>
public enum ConnectivityKind
{
    /// <summary>Pearson correlation (unit diagonal).</summary>
    Correlation = 0,

    /// <summary>Covariance (units of the signal squared).</summary>
    Covariance = 1,

    /// <summary>Partial correlation of each pair given all other ROIs: −Θⱼₖ/√(ΘⱼⱼΘₖₖ) from the precision matrix Θ, diagonal 1.</summary>
    PartialCorrelation = 2,

    /// <summary>Precision: the inverse covariance Θ.</summary>
    Precision = 3,
}
