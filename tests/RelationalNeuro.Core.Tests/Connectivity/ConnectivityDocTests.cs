using System.Text.Json;
using RelationalNeuro.Connectivity;
using RelationalNeuro.Core.Tests.Support;

namespace RelationalNeuro.Core.Tests.Connectivity;

public class ConnectivityDocTests
{
    [Fact]
    public void DocsExample_CompilesRunsAndIsInThePage()
    {
        // doc:begin connectivity
        // T × N: 5 time points (rows) × 3 ROIs (columns).
        double[,] timeSeries = { { 1, 2, 5 }, { 2, 1, 3 }, { 3, 4, 4 }, { 4, 3, 1 }, { 5, 5, 2 } };
        ConnectivityResult pearson = FunctionalConnectivity.Correlation(timeSeries);
        double[,] r = pearson.Matrix!;                     // r[0,1] = 0.8, r[0,2] = -0.8, r[1,2] = -0.3
        double[,] z = FisherZ.Transform(r);                // z[0,1] = 1.0986 (diagonal +∞)
        double[] edges = FunctionalConnectivity.ToVector(r, discardDiagonal: true); // [0.8, -0.8, -0.3]
        string json = JsonSerializer.Serialize(pearson);   // "Matrix":[[1,0.8,-0.8],[0.8,1,-0.3],...]

        // nilearn's default: Ledoit–Wolf shrinkage (correlations shrunk towards 0).
        ConnectivityResult shrunk = FunctionalConnectivity.Compute(timeSeries,
            new ConnectivityOptions { Estimator = CovarianceEstimator.LedoitWolf });
        // shrunk.Shrinkage = 0.369, shrunk.Matrix[0,1] = 0.505
        // doc:end connectivity

        Assert.Equal(0.8, r[0, 1], 12);
        Assert.Contains("\"Matrix\":[[1,0.8", json, StringComparison.Ordinal);
        Assert.Equal(1.098612, z[0, 1], 6);
        Assert.Equal([0.8, -0.8, -0.3], edges.Select(e => Math.Round(e, 12)));
        Assert.Equal(0.369343, shrunk.Shrinkage!.Value, 6);
        Assert.Equal(0.504526, shrunk.Matrix![0, 1], 6);
        DocSnippet.AssertDocContains("connectivity.md", "connectivity");
    }
}
