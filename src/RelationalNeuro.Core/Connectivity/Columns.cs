using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Connectivity;

/// <summary>
/// The one column helper every estimator uses: column moments, centring/standardising of column-major T × N data, and the
/// bridge between a (symmetric or row-major) <c>double[,]</c> and the column-major spans the kernels work on.
/// </summary>
internal static class Columns
{
    private const int TransposeBlock = 32;

    /// <summary>Mean and sum of squared deviations of one column (two passes: exact for large offsets).</summary>
    public static (double Mean, double SumSquares) Moments(ReadOnlySpan<double> column) => SampleMoments.Of(column);

    /// <summary>Centres each column of x into z (x and z may be the same memory) and scales it as <paramref name="scaling"/> says.</summary>
    public static void Standardize(ReadOnlySpan<double> x, int t, int n, Span<double> z, ColumnScaling scaling)
    {
        for (var j = 0; j < n; j++)
        {
            var source = x.Slice(j * t, t);
            var target = z.Slice(j * t, t);
            if (scaling == ColumnScaling.None)
            {
                var (mean, _) = Moments(source);
                for (var i = 0; i < t; i++)
                {
                    target[i] = source[i] - mean;
                }

                continue;
            }

            // Scaled by the column's power-of-two magnitude first (exact), so the sum of squares neither overflows (|x| above
            // about 1e154) nor underflows (below about 1e-154); the standardised values are the same doubles either way.
            var e = BinaryScale.Magnitude(source);
            var (scaledMean, ss) = SampleMoments.OfScaled(source, e);
            var scale = scaling == ColumnScaling.UnitNorm ? 1 / Math.Sqrt(ss) : 1 / Math.Sqrt(ss / (t - 1));
            var f = BinaryScale.Factor(-e);
            for (var i = 0; i < t; i++)
            {
                target[i] = ((f != 0 ? source[i] * f : Math.ScaleB(source[i], -e)) - scaledMean) * scale;
            }
        }
    }

    /// <summary>
    /// Copies a row-major T × N array into column-major storage (ROI after ROI). Blocked over rows so that each column's
    /// writes are one contiguous run of <see cref="TransposeBlock"/> values while the block's rows stay in cache.
    /// </summary>
    public static void ToColumnMajor(double[,] rowMajor, Span<double> columnMajor)
    {
        int t = rowMajor.GetLength(0), n = rowMajor.GetLength(1);
        ReadOnlySpan<double> source = AsSpan(rowMajor);
        for (var i0 = 0; i0 < t; i0 += TransposeBlock)
        {
            var rows = Math.Min(TransposeBlock, t - i0);
            for (var j = 0; j < n; j++)
            {
                var target = columnMajor.Slice((j * t) + i0, rows);
                for (var i = 0; i < rows; i++)
                {
                    target[i] = source[((i0 + i) * n) + j];
                }
            }
        }
    }

    /// <summary>The elements of a 2-D array in memory order (row-major), without copying.</summary>
    public static Span<double> AsSpan(double[,] array) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length);
}
