using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RelationalNeuro.Hrv.Kernels;

/// <summary>
/// The one pass behind <see cref="HrvMetrics.Poincare"/>: sums over the Poincaré points (RR_i, RR_i+1), shifted by
/// the first interval, from which SD1 and SD2 follow as in <c>PoincareDefinitions</c>. AVX-512: 16 points per step in
/// two sets of accumulators (the vector sums only reorder the additions; results agree with the scalar loop to rounding).
/// </summary>
internal static class PoincareKernels
{
    /// <summary>Sums over the N − 1 points with k0 = RR_0: u = RR_i − RR_i+1, v = RR_i + RR_i+1 − 2·k0, and over all N values x = RR_i − k0.</summary>
    /// <param name="K0">The shift, RR_0.</param>
    /// <param name="Su">Σ u (it telescopes to RR_0 − RR_N−1).</param>
    /// <param name="Suu">Σ u².</param>
    /// <param name="Sv">Σ v.</param>
    /// <param name="Svv">Σ v².</param>
    /// <param name="Sx">Σ x over all N values.</param>
    /// <param name="Sxx">Σ x² over all N values.</param>
    internal readonly record struct PoincareSums(double K0, double Su, double Suu, double Sv, double Svv, double Sx, double Sxx);

    /// <summary>The sums of a series of at least 2 intervals.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // first call runs optimised code: docs/performance.md, "Seventeenth session"
    internal static PoincareSums Sums(ReadOnlySpan<double> nnMs)
    {
        var n = nnMs.Length;
        var k0 = nnMs[0];
        double sv = 0, svv = 0, suu = 0, sx = 0, sxx = 0;
        var i = 1;
        if (KernelDispatch.UseVector512 && n > 2 * Vector512<double>.Count)
        {
            ref var x0 = ref MemoryMarshal.GetReference(nnMs);
            var k = Vector512.Create(k0);

            // Two independent sets of accumulators (16 pairs per step), so the adds' latency does not bound the loop.
            Vector512<double> vsv = default, vsvv = default, vsuu = default, vsx = default, vsxx = default;
            Vector512<double> wsv = default, wsvv = default, wsuu = default, wsx = default, wsxx = default;
            for (; i <= n - (2 * Vector512<double>.Count); i += 2 * Vector512<double>.Count)
            {
                var xv = Vector512.LoadUnsafe(ref x0, (nuint)i) - k;
                var pv = Vector512.LoadUnsafe(ref x0, (nuint)(i - 1)) - k;
                var xw = Vector512.LoadUnsafe(ref x0, (nuint)(i + Vector512<double>.Count)) - k;
                var pw = Vector512.LoadUnsafe(ref x0, (nuint)(i + Vector512<double>.Count - 1)) - k;
                var u = pv - xv;
                var v = pv + xv;
                var uw = pw - xw;
                var vw = pw + xw;
                vsuu = Vector512.FusedMultiplyAdd(u, u, vsuu);
                vsv += v;
                vsvv = Vector512.FusedMultiplyAdd(v, v, vsvv);
                vsx += pv;
                vsxx = Vector512.FusedMultiplyAdd(pv, pv, vsxx);
                wsuu = Vector512.FusedMultiplyAdd(uw, uw, wsuu);
                wsv += vw;
                wsvv = Vector512.FusedMultiplyAdd(vw, vw, wsvv);
                wsx += pw;
                wsxx = Vector512.FusedMultiplyAdd(pw, pw, wsxx);
            }

            sv = Vector512.Sum(vsv + wsv);
            svv = Vector512.Sum(vsvv + wsvv);
            suu = Vector512.Sum(vsuu + wsuu);
            sx = Vector512.Sum(vsx + wsx);
            sxx = Vector512.Sum(vsxx + wsxx);
        }

        var prev = nnMs[i - 1] - k0;
        for (; i < n; i++)
        {
            var x = nnMs[i] - k0;
            var u = prev - x;
            var v = prev + x;
            suu += u * u;
            sv += v;
            svv += v * v;
            sx += prev;
            sxx += prev * prev;
            prev = x;
        }

        sx += prev;
        sxx += prev * prev;
        return new PoincareSums(k0, k0 - nnMs[n - 1], suu, sv, svv, sx, sxx);
    }
}
