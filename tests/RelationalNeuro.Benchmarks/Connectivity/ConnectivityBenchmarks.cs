using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Statistics;
using RelationalNeuro.Connectivity;

namespace RelationalNeuro.Benchmarks.Connectivity;

/// <summary>
/// 400 ROIs × 1,200 time points (a typical parcellated resting-state run: e.g. 400-parcel Schaefer atlas, TR 0.72 s × 1,200 in HCP):
/// Pearson correlation + Fisher z, the library against the plain MathNet.Numerics routes in the same run.
/// </summary>
[MemoryDiagnoser]
public class ConnectivityBenchmarks
{
    private const int TimePoints = 1200;
    private const int Rois = 400;
    private Matrix<double> timeSeries = null!;
    private double[,] timeSeriesArray = null!;
    private double[][] columns = null!;
    private double[] destination = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261123);
        timeSeries = Matrix<double>.Build.Dense(TimePoints, Rois, (_, _) => random.NextDouble());
        for (var t = 0; t < TimePoints; t++)
        {
            var common = random.NextDouble();
            for (var j = 0; j < Rois; j += 3)
            {
                timeSeries[t, j] += common;
            }
        }

        timeSeriesArray = timeSeries.ToArray();
        columns = timeSeries.EnumerateColumns().Select(c => c.ToArray()).ToArray();
        destination = new double[Rois * Rois];
    }

    /// <summary>The plain MathNet route: Correlation.PearsonMatrix over the ROI columns, then atanh element-wise.</summary>
    [Benchmark(Baseline = true)]
    public Matrix<double> MathNetPearsonMatrixThenAtanh()
    {
        var r = Correlation.PearsonMatrix(columns);
        return r.Map(Math.Atanh);
    }

    /// <summary>MathNet linear algebra by hand: standardise columns, ZᵀZ with the managed provider, then atanh.</summary>
    [Benchmark]
    public Matrix<double> MathNetStandardisedProductThenAtanh()
    {
        var z = timeSeries.Clone();
        for (var j = 0; j < Rois; j++)
        {
            var c = z.Column(j);
            var mean = c.Average();
            var d = c - mean;
            z.SetColumn(j, d / d.L2Norm());
        }

        return z.TransposeThisAndMultiply(z).Map(Math.Atanh);
    }

    /// <summary>The library: FunctionalConnectivity.Correlation on a T × N double[,] (validated, problems on bad data) + FisherZ.Transform (new matrices).</summary>
    [Benchmark]
    public double[,] LibraryCorrelationThenFisherZ() =>
        FisherZ.Transform(FunctionalConnectivity.Correlation(timeSeriesArray).Matrix!);

    /// <summary>The library's span path: PearsonCorrelation into a caller buffer + in-place FisherZ (no allocation).</summary>
    [Benchmark]
    public double LibrarySpanPathInPlace()
    {
        FunctionalConnectivity.PearsonCorrelation(timeSeries.AsColumnMajorArray(), TimePoints, Rois, destination);
        FisherZ.Transform(destination, destination);
        return destination[1];
    }
}
