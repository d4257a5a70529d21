using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Connectivity;

/// <summary>Condition number and numerical rank of an estimated matrix, from its singular values (MathNet.Numerics SVD).</summary>
internal static class Conditioning
{
    /// <summary>κ = σ_max/σ_min (null when σ_min is 0 or κ overflows) and the rank with NumPy's tolerance σ_max·N·ε; warns when κ exceeds <paramref name="threshold"/> or the rank is below N.</summary>
    public static (double? ConditionNumber, int Rank) Of(double[,] matrix, double threshold, ProblemCollector problems)
    {
        var n = matrix.GetLength(0);
        var s = Matrix<double>.Build.DenseOfArray(matrix).Svd(computeVectors: false).S;
        double max = 0, min = double.PositiveInfinity;
        foreach (var v in s)
        {
            max = Math.Max(max, v);
            min = Math.Min(min, v);
        }

        var tolerance = max * n * Math.Pow(2, -52);
        var rank = 0;
        foreach (var v in s)
        {
            rank += v > tolerance ? 1 : 0;
        }

        double? condition = min > 0 && double.IsFinite(max / min) ? max / min : null;
        if (rank < n || condition is null || condition > threshold)
        {
            problems.Warning(
                "connectivity.ill-conditioned",
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The estimated {n} × {n} matrix has numerical rank {rank} and condition number {(condition is { } c ? c.ToString("G4", CultureInfo.InvariantCulture) : "∞")} (warning above {threshold:G4}): its inverse (precision, partial correlation) is unreliable or undefined. Use CovarianceEstimator.LedoitWolf, more time points or fewer, less collinear ROIs."));
        }

        return (condition, rank);
    }
}
