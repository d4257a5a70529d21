using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Statistics;
using RelationalNeuro.Connectivity;
using RelationalNeuro.Core.Tests.Support;

namespace RelationalNeuro.Core.Tests.Connectivity;

public class FunctionalConnectivityTests
{
    private const double Tol = 1e-6;

    // TV9 (research file §8.4, verified there with NumPy/scikit-learn): 5 time points × 3 ROIs.
    private static double[,] Tv9() => Matrix<double>.Build.DenseOfColumnArrays(
        [1, 2, 3, 4, 5],
        [2, 1, 4, 3, 5],
        [5, 3, 4, 1, 2]).ToArray();

    private static void AssertOffDiagonal(double[,] m, double r12, double r13, double r23)
    {
        Assert.Equal(r12, m[0, 1], Tol);
        Assert.Equal(r13, m[0, 2], Tol);
        Assert.Equal(r23, m[1, 2], Tol);
        Assert.Equal(m[0, 1], m[1, 0]);
        Assert.Equal(m[0, 2], m[2, 0]);
        Assert.Equal(m[1, 2], m[2, 1]);
    }

    [Fact]
    public void Correlation_TV9_Pearson()
    {
        var r = FunctionalConnectivity.Correlation(Tv9());
        Assert.Empty(r.Problems);
        AssertOffDiagonal(r.Matrix!, 0.8, -0.8, -0.3);
        Assert.Equal(1.0, r.Matrix![1, 1]);
        Assert.Null(r.Shrinkage);
        Assert.Equal((5, 3), (r.TimePoints, r.Rois));
    }

    [Fact]
    public void FisherZ_TV9()
    {
        var z = FisherZ.Transform(FunctionalConnectivity.Correlation(Tv9()).Matrix!);
        AssertOffDiagonal(z, 1.098612, -1.098612, -0.309520);
        Assert.Equal(double.PositiveInfinity, z[0, 0]);
        Assert.Equal(1.0, FisherZ.Inverse(z)[0, 0]);
    }

    [Fact]
    public void PartialCorrelation_TV9_Empirical()
    {
        var r = FunctionalConnectivity.Compute(Tv9(), ConnectivityOptions.Default with { Kind = ConnectivityKind.PartialCorrelation });
        AssertOffDiagonal(r.Matrix!, 0.978399, -0.978399, 0.944444);
        Assert.Equal(1.0, r.Matrix![2, 2]);
    }

    [Fact]
    public void Covariance_TV9_EmpiricalIsSampleCovariance()
    {
        // Σd² = 10 per ROI → variance 2.5 (T − 1); cross-products 8, −8, −3 → 2, −2, −0.75.
        var r = FunctionalConnectivity.Compute(Tv9(), ConnectivityOptions.Default with { Kind = ConnectivityKind.Covariance });
        Assert.Equal(2.5, r.Matrix![0, 0], 12);
        AssertOffDiagonal(r.Matrix!, 2, -2, -0.75);
    }

    [Fact]
    public void LedoitWolf_TV9_RawSignals()
    {
        var lw = FunctionalConnectivity.LedoitWolf(Tv9());
        Assert.Equal(0.369343, lw.Shrinkage, Tol);
        Assert.Equal(2, lw.Mu, 12);
        Assert.Equal(2, lw.Covariance[0, 0], Tol);
        AssertOffDiagonal(lw.Covariance, 1.009051, -1.009051, -0.378394);
        var viaCompute = FunctionalConnectivity.Compute(Tv9(), new ConnectivityOptions { Kind = ConnectivityKind.Covariance, Estimator = CovarianceEstimator.LedoitWolf });
        Assert.Equal(0.369343, viaCompute.Shrinkage!.Value, Tol);
    }

    [Fact]
    public void Correlation_TV9_LedoitWolfAsNilearn()
    {
        var r = FunctionalConnectivity.Compute(Tv9(), ConnectivityOptions.Default with { Estimator = CovarianceEstimator.LedoitWolf });
        Assert.Equal(0.369343, r.Shrinkage!.Value, Tol);
        AssertOffDiagonal(r.Matrix!, 0.504526, -0.504526, -0.189197);
        Assert.Equal(1.0, r.Matrix![0, 0]);
    }

    [Fact]
    public void PartialCorrelation_TV9_LedoitWolfAsNilearn()
    {
        var r = FunctionalConnectivity.Compute(Tv9(), new ConnectivityOptions { Kind = ConnectivityKind.PartialCorrelation, Estimator = CovarianceEstimator.LedoitWolf });
        AssertOffDiagonal(r.Matrix!, 0.482507, -0.482507, 0.087663);
    }

    // nilearn test_prec_to_partial: precision [[2,−1,1],[−1,2,−1],[1,−1,1]] → [[1, 0.5, −√2/2], [0.5, 1, √2/2], [−√2/2, √2/2, 1]].
    [Fact]
    public void PrecisionToPartialCorrelation_NilearnTest()
    {
        var p = FunctionalConnectivity.PrecisionToPartialCorrelation(new double[,] { { 2, -1, 1 }, { -1, 2, -1 }, { 1, -1, 1 } });
        AssertOffDiagonal(p, 0.5, -Math.Sqrt(2) / 2, Math.Sqrt(2) / 2);
        Assert.Equal(1.0, p[1, 1]);
    }

    // nilearn docstrings: cov_to_corr([[4,2],[2,9]]) → 1/3; prec_to_partial([[2,−1],[−1,2]]) → 0.5.
    [Fact]
    public void CovarianceToCorrelation_NilearnDocstring()
    {
        Assert.Equal(1.0 / 3, FunctionalConnectivity.CovarianceToCorrelation(new double[,] { { 4, 2 }, { 2, 9 } })[0, 1], 12);
        Assert.Equal(0.5, FunctionalConnectivity.PrecisionToPartialCorrelation(new double[,] { { 2, -1 }, { -1, 2 } })[0, 1], 12);
    }

    // nilearn docstring: sym_matrix_to_vec([[1,2,3],[2,1,5],[3,5,1]]) → [0.70710678, 2, 0.70710678, 3, 5, 0.70710678]; discard_diagonal → [2, 3, 5].
    [Fact]
    public void ToVector_NilearnDocstring()
    {
        var m = new double[,] { { 1, 2, 3 }, { 2, 1, 5 }, { 3, 5, 1 } };
        var withDiagonal = FunctionalConnectivity.ToVector(m, discardDiagonal: false);
        Assert.Equal([0.70710678, 2, 0.70710678, 3, 5, 0.70710678], withDiagonal.Select(v => Math.Round(v, 8)));
        Assert.Equal([2.0, 3, 5], FunctionalConnectivity.ToVector(m, discardDiagonal: true));
    }

    // Decision 8: shrinkage reaching 1 is reported, not an error. Hand computation for X = [[1,0],[0,1],[−1,−1]] (T 3, N 2):
    // S = [[2,1],[1,2]]/3, μ = 2/3, β' = 1 + 1 + 4 = 6, δ' = (4+4+1+1)/9; β = (6/3 − 10/9)/6 = 4/27; δ = (10/9 − 16/9 + 8/9)/2 = 1/9;
    // min(β, δ) = δ → shrinkage 1 → Σ = (2/3)·I and the correlation is the identity.
    [Fact]
    public void Compute_LedoitWolfFullShrinkage_IdentityWithWarning()
    {
        var x = new double[,] { { 1, 0 }, { 0, 1 }, { -1, -1 } };
        var lw = FunctionalConnectivity.LedoitWolf(x);
        Assert.Equal(1.0, lw.Shrinkage, 12);
        Assert.Equal(2.0 / 3, lw.Covariance[0, 0], 12);
        Assert.Equal(0, lw.Covariance[0, 1], 12);

        var r = FunctionalConnectivity.Compute(x, ConnectivityOptions.Default with { Estimator = CovarianceEstimator.LedoitWolf });
        Assert.Equal(0, r.Matrix![0, 1], 12);
        Assert.Single(r.Problems, p => p.Code == "connectivity.full-shrinkage" && p.Severity == ProblemSeverity.Warning);
        Assert.Equal(0.5, FunctionalConnectivity.Correlation(x).Matrix![0, 1], 12); // empirical: 1/√(2·2)
    }

    [Fact]
    public void Compute_PartialWithFewerTimePointsThanRois_SingularProblemUnlessShrunk()
    {
        var x = new double[,] { { 1, 4, 2, 8 }, { 3, 1, 5, 2 }, { 2, 7, 1, 4 } };
        var empirical = FunctionalConnectivity.Compute(x, ConnectivityOptions.Default with { Kind = ConnectivityKind.PartialCorrelation });
        Assert.Null(empirical.Matrix);
        Assert.Single(empirical.Problems, p => p.Code == "connectivity.singular-covariance" && p.Message.Contains("3 time points for 4 ROIs", StringComparison.Ordinal));

        var shrunk = FunctionalConnectivity.Compute(x, new ConnectivityOptions { Kind = ConnectivityKind.PartialCorrelation, Estimator = CovarianceEstimator.LedoitWolf });
        Assert.NotNull(shrunk.Matrix);
        Assert.DoesNotContain(shrunk.Problems, p => p.Severity == ProblemSeverity.Error);
    }

    [Fact]
    public void Compute_CollinearSeries_SingularProblem()
    {
        // ROI 3 = ROI 1 + ROI 2: T > N but the covariance is singular.
        var x = Matrix<double>.Build.DenseOfColumnArrays([1, 2, 3, 4, 5, 7], [2, 1, 4, 3, 5, 0], [3, 3, 7, 7, 10, 7]).ToArray();
        var r = FunctionalConnectivity.Compute(x, ConnectivityOptions.Default with { Kind = ConnectivityKind.Precision });
        Assert.Null(r.Matrix);
        Assert.Contains(r.Problems, p => p.Code == "connectivity.singular-covariance");
    }

    [Fact]
    public void Correlation_ConstantSeries_ProblemNamingRoiNotNaN()
    {
        var x = Matrix<double>.Build.DenseOfColumnArrays([1, 2, 3, 4], [0.1, 0.1, 0.1, 0.1], [4, 1, 3, 2]).ToArray();
        var r = FunctionalConnectivity.Correlation(x);
        Assert.Null(r.Matrix);
        Assert.Single(r.Problems, p => p.Code == "connectivity.constant-series" && p.Location == "roi[1]");
    }

    [Fact]
    public void Correlation_NonFiniteValue_ProblemNamingRoi()
    {
        var x = Matrix<double>.Build.DenseOfColumnArrays([1, 2, 3, 4], [1, double.NaN, 3, 5], [4, 1, 3, 2]).ToArray();
        var r = FunctionalConnectivity.Correlation(x);
        Assert.Null(r.Matrix);
        Assert.Single(r.Problems, p => p.Code == "connectivity.non-finite-value" && p.Location == "roi[1]");
    }

    [Fact]
    public void Correlation_OneTimePoint_Problem() =>
        Assert.Contains(FunctionalConnectivity.Correlation(new double[,] { { 1, 1, 1 } }).Problems, p => p.Code == "connectivity.too-few-time-points");

    [Fact]
    public void PearsonCorrelation_Span_ConstantSeriesThrowsNamingRoi()
    {
        double[] x = [1, 2, 3, 5, 5, 5];
        var ex = Assert.Throws<ArgumentException>(() => FunctionalConnectivity.PearsonCorrelation(x, 3, 2, new double[4]));
        Assert.Contains("roi[1]", ex.Message, StringComparison.Ordinal);
    }

    // Peer cross-check: MathNet.Numerics Correlation.PearsonMatrix on odd sizes (37 × 13 exercises the 2 × 4 tile remainders and the SIMD tail).
    [Theory]
    [InlineData(37, 13)]
    [InlineData(300, 9)]
    [InlineData(5, 1)]
    public void Correlation_MatchesMathNetPearsonMatrix(int t, int n)
    {
        var x = Seeded(t, n, 42);
        var ours = AsMatrix(FunctionalConnectivity.Correlation(x.ToArray()).Matrix!);
        var peer = MathNet.Numerics.Statistics.Correlation.PearsonMatrix(x.EnumerateColumns().Select(c => c.ToArray()).ToArray());
        Assert.True((ours - peer).InfinityNorm() < 1e-12, $"max difference {(ours - peer).InfinityNorm()}");
        var span = new double[n * n];
        FunctionalConnectivity.PearsonCorrelation(x.AsColumnMajorArray(), t, n, span);
        Assert.Equal(ours.AsColumnMajorArray(), span);
    }

    // Property: a correlation matrix is symmetric, has a unit diagonal, entries in [−1, 1], and is positive semi-definite.
    [Fact]
    public void Correlation_AnyData_SymmetricUnitDiagonalPsd() =>
        Props.Check(
            from t in Gen.Choose(3, 60)
            from n in Gen.Choose(1, 12)
            from seed in Gen.Choose(0, int.MaxValue)
            select (t, n, seed),
            c =>
            {
                var r = AsMatrix(FunctionalConnectivity.Correlation(Seeded(c.t, c.n, c.seed).ToArray()).Matrix!);
                var symmetric = (r - r.Transpose()).InfinityNorm() == 0;
                var unit = Enumerable.Range(0, c.n).All(i => r[i, i] == 1);
                var bounded = r.Enumerate().All(v => v >= -1 && v <= 1);
                var minEigen = r.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenValues.Min(e => e.Real);
                return symmetric && unit && bounded && minEigen >= -1e-10;
            });

    [Fact]
    public void GroupAverage_AveragesInZSpace()
    {
        static double[,] Pair(double r) => new double[,] { { 1, r }, { r, 1 } };
        Assert.Equal(0, FunctionalConnectivity.GroupAverage([Pair(0.6), Pair(-0.6)])[0, 1], 15);
        Assert.Equal(Math.Tanh(2), FunctionalConnectivity.GroupAverage([Pair(Math.Tanh(1)), Pair(Math.Tanh(3))])[0, 1], 12);
        var avg = FunctionalConnectivity.GroupAverage([Pair(0.3)]);
        Assert.Equal(0.3, avg[1, 0], 15);
        Assert.Equal(1, avg[1, 1]);
    }

    [Fact]
    public void GroupAverage_PerfectCorrelationOffDiagonal_ThrowsNamingEntry()
    {
        var bad = new double[,] { { 1, 1 }, { 1, 1 } };
        var ex = Assert.Throws<ArgumentException>(() => FunctionalConnectivity.GroupAverage([bad]));
        Assert.Contains("correlations[0][1, 0] was 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GroupAverage_SizeMismatch_Throws() =>
        Assert.Throws<ArgumentException>(() => FunctionalConnectivity.GroupAverage([Matrix<double>.Build.DenseIdentity(2).ToArray(), Matrix<double>.Build.DenseIdentity(3).ToArray()]));

    [Fact]
    public void NodeStrength_TV9()
    {
        var r = FunctionalConnectivity.Correlation(Tv9()).Matrix!;
        var net = FunctionalConnectivity.NodeStrength(r, NodeStrengthWeights.Net);
        Assert.Equal([0.0, 0.5, -1.1], net.Select(v => Math.Round(v, 12)));
        Assert.Equal([1.6, 1.1, 1.1], FunctionalConnectivity.NodeStrength(r, NodeStrengthWeights.Absolute).Select(v => Math.Round(v, 12)));
        Assert.Equal([0.8, 0.8, 0.0], FunctionalConnectivity.NodeStrength(r, NodeStrengthWeights.Positive).Select(v => Math.Round(v, 12)));
        Assert.Equal([-0.8, -0.3, -1.1], FunctionalConnectivity.NodeStrength(r, NodeStrengthWeights.Negative).Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void ToVector_NotSquare_Throws() =>
        Assert.Equal("symmetric", Assert.Throws<ArgumentException>(() => FunctionalConnectivity.ToVector(new double[2, 3], false)).ParamName);

    private static Matrix<double> AsMatrix(double[,] m) => Matrix<double>.Build.DenseOfArray(m);

    internal static Matrix<double> Seeded(int t, int n, int seed)
    {
        var random = new Random(seed);
        var m = Matrix<double>.Build.Dense(t, n, (_, _) => random.NextDouble() * 10);
        // Add a shared component so correlations are not all near 0.
        for (var i = 0; i < t; i++)
        {
            var common = random.NextDouble() * 5;
            for (var j = 0; j < n; j += 2)
            {
                m[i, j] += common;
            }
        }

        return m;
    }
}
