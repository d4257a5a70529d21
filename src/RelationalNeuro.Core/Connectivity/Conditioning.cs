using System.Globalization;
using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Connectivity;

/// <summary>Condition number and numerical rank of an estimated matrix, from its singular values (MathNet.Numerics SVD).</summary>
internal static class Conditioning
{
    /// <summary>κ = σ_max/σ_min (null when σ_min is 0 or κ overflows) and the rank with NumPy's tolerance σ_max·N·ε; warns when κ exceeds <paramref name="threshold"/> or the rank is below N.</summary>
    /// <remarks>
    /// The singular values are taken of the matrix divided by a power of two (exact) that brings its largest entry below 2:
    /// κ and the rank are scale-free, and MathNet's iteration then meets no overflow. Where it still does not converge (or
    /// an entry is not finite) the result is null with the same warning.
    /// </remarks>
    public static (double? ConditionNumber, int? Rank) Of(double[,] matrix, double threshold, ProblemCollector problems)
    {
        var n = matrix.GetLength(0);
        var copy = (double[,])matrix.Clone();
        var values = Columns.AsSpan(copy);
        if (!TensorPrimitives.IsFiniteAll<double>(values))
        {
            return Unknown(n, "an entry is not finite", problems);
        }

        BinaryScale.Scale(values, -BinaryScale.Magnitude(values), values);

        var scaled = Matrix<double>.Build.DenseOfArray(copy);

        Vector<double> s;
        try
        {
            s = scaled.Svd(computeVectors: false).S;
        }
        catch (MathNet.Numerics.NonConvergenceException)
        {
            return Unknown(n, "the singular value decomposition did not converge", problems);
        }

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

    private static (double? ConditionNumber, int? Rank) Unknown(int n, string why, ProblemCollector problems)
    {
        problems.Warning(
            "connectivity.ill-conditioned",
            string.Create(CultureInfo.InvariantCulture, $"The condition number and rank of the estimated {n} × {n} matrix are unknown ({why}): treat its inverse (precision, partial correlation) as unreliable."));
        return (null, null);
    }
}
