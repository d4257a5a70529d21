namespace RelationalNeuro.Hrv;

/// <summary>How a template distance is compared with the tolerance r in sample and approximate entropy.</summary>
public enum ToleranceComparison
{
    /// <summary>
    /// A match when the Chebyshev distance is at most r (<c>d ≤ r</c>): NeuroKit2 (scikit-learn
    /// <c>KDTree.query_radius</c>) and Richman &amp; Moorman's "within r". The default.
    /// </summary>
    LessThanOrEqual = 0,

    /// <summary>A match when the distance is strictly below r (<c>d &lt; r</c>): nolds, and so hrv-analysis and pyHRV.</summary>
    LessThan = 1,
}
