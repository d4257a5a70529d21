using RelationalNeuro.Connectivity;

namespace RelationalNeuro.Core.Tests.Connectivity;

public class ConditioningTests
{
    // a = [1, −1, 1, −1] and b = [1, 1, −1, −1] are centred and orthogonal, a·a = b·b = 4. The empirical covariance (divisor
    // T − 1 = 3) of the ROIs (a, 10·b) is diag(4/3, 400/3): condition number 100, rank 2 (analytic).
    [Fact]
    public void Covariance_Diagonal_ConditionIsRatioOfVariances()
    {
        double[,] ts = { { 1, 10 }, { -1, 10 }, { 1, -10 }, { -1, -10 } };
        var r = FunctionalConnectivity.Compute(ts, new ConnectivityOptions { Kind = ConnectivityKind.Covariance, ComputeConditioning = true });
        Assert.Equal(100, r.ConditionNumber!.Value, 9);
        Assert.Equal(2, r.Rank);
        Assert.DoesNotContain(r.Problems, p => p.Code == "connectivity.ill-conditioned");

        var off = FunctionalConnectivity.Compute(ts, new ConnectivityOptions { Kind = ConnectivityKind.Covariance });
        Assert.Null(off.ConditionNumber);
        Assert.Null(off.Rank);

        // The correlation of orthogonal series is the identity: κ = 1.
        var corr = FunctionalConnectivity.Compute(ts, new ConnectivityOptions { ComputeConditioning = true });
        Assert.Equal(1, corr.ConditionNumber!.Value, 12);
    }

    // ROIs a and a + εb (ε = 1e-5): covariance (4/3)·[[1, 1], [1, 1 + ε²]]; its eigenvalues λ± = ((2 + ε²) ± √((2 + ε²)² − 4ε²))/2
    // (trace 2 + ε², determinant ε²), so κ = λ₊/λ₋ ≈ 4·10¹⁰ (analytic). Partial correlation inverts it: computed, with a warning.
    [Fact]
    public void PartialCorrelation_NearlyCollinear_WarnsIllConditioned()
    {
        const double e = 1e-5;
        double[,] ts = { { 1, 1 + e }, { -1, -1 + e }, { 1, 1 - e }, { -1, -1 - e } };
        var r = FunctionalConnectivity.Compute(ts, new ConnectivityOptions { Kind = ConnectivityKind.PartialCorrelation });
        var trace = 2 + (e * e);
        var root = Math.Sqrt((trace * trace) - (4 * e * e));
        var expected = (trace + root) / (trace - root);
        Assert.Equal(1, r.ConditionNumber!.Value / expected, 3);
        Assert.Equal(2, r.Rank);
        Assert.Contains(r.Problems, p => p.Code == "connectivity.ill-conditioned" && p.Severity == ProblemSeverity.Warning);
    }

    // T ≤ N: three time points of three ROIs have a centred rank of at most 2; the singular-covariance error stands, and the rank says why.
    [Fact]
    public void Precision_FewTimePoints_RankBelowN()
    {
        double[,] ts = { { 1, 2, 5 }, { 2, 1, 3 }, { 3, 4, 4 } };
        var r = FunctionalConnectivity.Compute(ts, new ConnectivityOptions { Kind = ConnectivityKind.Precision });
        Assert.Null(r.Matrix);
        Assert.Equal(2, r.Rank);
        Assert.Contains(r.Problems, p => p.Code == "connectivity.singular-covariance");
        Assert.Contains(r.Problems, p => p.Code == "connectivity.ill-conditioned");
    }

    // Ledoit–Wolf Σ = (1 − s)S + sμI with μ = tr(S)/N: λ_min ≥ sμ and λ_max ≤ (1 − s)·tr S + sμ = ((1 − s)N + s)μ, so
    // κ ≤ ((1 − s)N + s)/s (analytic bound from the reported shrinkage s).
    [Fact]
    public void LedoitWolf_ShrinkageBoundsTheCondition()
    {
        const double e = 1e-5;
        double[,] ts = { { 1, 1 + e }, { -1, -1 + e }, { 1, 1 - e }, { -1, -1 - e } };
        var r = FunctionalConnectivity.Compute(ts, new ConnectivityOptions { Kind = ConnectivityKind.PartialCorrelation, Estimator = CovarianceEstimator.LedoitWolf });
        var shrinkage = r.Shrinkage!.Value;
        Assert.True(shrinkage > 0);
        Assert.InRange(r.ConditionNumber!.Value, 1, (((1 - shrinkage) * 2) + shrinkage) / shrinkage * (1 + 1e-12));
    }

    [Fact]
    public void IllConditionedThreshold_BelowOne_Throws() =>
        Assert.Equal("options", Assert.Throws<ArgumentOutOfRangeException>(() =>
            FunctionalConnectivity.Compute(new double[,] { { 1, 2 }, { 2, 1 } }, new ConnectivityOptions { IllConditionedAbove = 0.5 })).ParamName);
}
