using System.Numerics;
using System.Runtime.InteropServices;

namespace RelationalNeuro.Connectivity;

/// <summary>
/// The symmetric product G = ZᵀZ of a column-major T × N matrix: the hot path of every connectivity matrix. Blocked over
/// time (so a block of every column stays in cache) and tiled 2 × 4 columns with SIMD accumulators (6 vector loads per
/// 8 fused multiply–adds). Only the upper triangle is computed; it is mirrored at the end. Single-threaded, deterministic.
/// </summary>
internal static class Gram
{
    private const int TimeBlock = 256;

    public static void Symmetric(ReadOnlySpan<double> z, int t, int n, Span<double> destination)
    {
        destination[..(n * n)].Clear();
        for (var k0 = 0; k0 < t; k0 += TimeBlock)
        {
            var len = Math.Min(TimeBlock, t - k0);
            var i = 0;
            for (; i + 1 < n; i += 2)
            {
                var a0 = z.Slice((i * t) + k0, len);
                var a1 = z.Slice(((i + 1) * t) + k0, len);
                var j = i;
                for (; j + 3 < n; j += 4)
                {
                    Tile2x4(a0, a1, z.Slice((j * t) + k0, len), z.Slice(((j + 1) * t) + k0, len), z.Slice(((j + 2) * t) + k0, len), z.Slice(((j + 3) * t) + k0, len), destination, n, i, j);
                }

                for (; j < n; j++)
                {
                    var b = z.Slice((j * t) + k0, len);
                    destination[(j * n) + i] += Dot(a0, b);
                    destination[(j * n) + i + 1] += Dot(a1, b);
                }
            }

            if (i < n)
            {
                var a = z.Slice((i * t) + k0, len);
                destination[(i * n) + i] += Dot(a, a);
            }
        }

        // Column-major destination: element (row r, column c) is destination[c * n + r]; the loops filled r ≤ c.
        for (var c = 0; c < n; c++)
        {
            for (var r = c + 1; r < n; r++)
            {
                destination[(c * n) + r] = destination[(r * n) + c];
            }
        }
    }

    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var va = MemoryMarshal.Cast<double, Vector<double>>(a);
        var vb = MemoryMarshal.Cast<double, Vector<double>>(b);
        var acc0 = Vector<double>.Zero;
        var acc1 = Vector<double>.Zero;
        var k = 0;
        for (; k + 1 < va.Length; k += 2)
        {
            acc0 = Vector.FusedMultiplyAdd(va[k], vb[k], acc0);
            acc1 = Vector.FusedMultiplyAdd(va[k + 1], vb[k + 1], acc1);
        }

        if (k < va.Length)
        {
            acc0 = Vector.FusedMultiplyAdd(va[k], vb[k], acc0);
        }

        var sum = Vector.Sum(acc0 + acc1);
        for (var s = va.Length * Vector<double>.Count; s < a.Length; s++)
        {
            sum += a[s] * b[s];
        }

        return sum;
    }

    private static void Tile2x4(
        ReadOnlySpan<double> a0,
        ReadOnlySpan<double> a1,
        ReadOnlySpan<double> b0,
        ReadOnlySpan<double> b1,
        ReadOnlySpan<double> b2,
        ReadOnlySpan<double> b3,
        Span<double> destination,
        int n,
        int i,
        int j)
    {
        var va0 = MemoryMarshal.Cast<double, Vector<double>>(a0);
        var va1 = MemoryMarshal.Cast<double, Vector<double>>(a1);
        var vb0 = MemoryMarshal.Cast<double, Vector<double>>(b0);
        var vb1 = MemoryMarshal.Cast<double, Vector<double>>(b1);
        var vb2 = MemoryMarshal.Cast<double, Vector<double>>(b2);
        var vb3 = MemoryMarshal.Cast<double, Vector<double>>(b3);
        Vector<double> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector<double> c10 = default, c11 = default, c12 = default, c13 = default;
        for (var k = 0; k < va0.Length; k++)
        {
            var x0 = va0[k];
            var x1 = va1[k];
            var y0 = vb0[k];
            var y1 = vb1[k];
            var y2 = vb2[k];
            var y3 = vb3[k];
            c00 = Vector.FusedMultiplyAdd(x0, y0, c00);
            c01 = Vector.FusedMultiplyAdd(x0, y1, c01);
            c02 = Vector.FusedMultiplyAdd(x0, y2, c02);
            c03 = Vector.FusedMultiplyAdd(x0, y3, c03);
            c10 = Vector.FusedMultiplyAdd(x1, y0, c10);
            c11 = Vector.FusedMultiplyAdd(x1, y1, c11);
            c12 = Vector.FusedMultiplyAdd(x1, y2, c12);
            c13 = Vector.FusedMultiplyAdd(x1, y3, c13);
        }

        double s00 = Vector.Sum(c00), s01 = Vector.Sum(c01), s02 = Vector.Sum(c02), s03 = Vector.Sum(c03);
        double s10 = Vector.Sum(c10), s11 = Vector.Sum(c11), s12 = Vector.Sum(c12), s13 = Vector.Sum(c13);
        for (var s = va0.Length * Vector<double>.Count; s < a0.Length; s++)
        {
            s00 += a0[s] * b0[s];
            s01 += a0[s] * b1[s];
            s02 += a0[s] * b2[s];
            s03 += a0[s] * b3[s];
            s10 += a1[s] * b0[s];
            s11 += a1[s] * b1[s];
            s12 += a1[s] * b2[s];
            s13 += a1[s] * b3[s];
        }

        // Row i and i + 1, columns j..j+3 (column-major). When j == i, (i + 1, i) is a lower-triangle entry: overwritten by the mirror.
        destination[(j * n) + i] += s00;
        destination[((j + 1) * n) + i] += s01;
        destination[((j + 2) * n) + i] += s02;
        destination[((j + 3) * n) + i] += s03;
        destination[(j * n) + i + 1] += s10;
        destination[((j + 1) * n) + i + 1] += s11;
        destination[((j + 2) * n) + i + 1] += s12;
        destination[((j + 3) * n) + i + 1] += s13;
    }
}
