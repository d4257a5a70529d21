using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RelationalNeuro.Hrv.Kernels;

/// <summary>
/// The fluctuation sums of detrended fluctuation analysis at one scale. Each window's profile has the chord through its
/// end points subtracted first (v<sub>j</sub> = y<sub>j</sub> − y<sub>0</sub> − j·(y<sub>s−1</sub> − y<sub>0</sub>)/(s − 1)):
/// the residuals of a least-squares line do not change, and the sums stay small, so no precision is lost to
/// cancellation on long drifts. The residual sum of squares is Σv² − (Σv)²/s − (Σj·v − c·Σv)²/S<sub>jj</sub> with the
/// centred design c = (s − 1)/2, S<sub>jj</sub> = s(s² − 1)/12.
/// </summary>
internal static class DfaKernels
{
    /// <summary>
    /// Σ over the windows starting at 0, <paramref name="step"/>, 2·step … ≤ <paramref name="last"/> of each window's mean
    /// squared residual (those ≤ <paramref name="minimumVariance"/>, when set, left out), and the number of windows summed.
    /// </summary>
    /// <remarks>
    /// Where 256-bit vectors are accelerated, four windows run side by side, one per lane (two where only 128-bit ones are): each lane sums its window's
    /// values in the scalar loop's order, so every window's mean squared residual equals the scalar one bit for bit;
    /// only the order in which the windows' values are added to the total differs (about 1e-16 relative; tested with
    /// <see cref="KernelDispatch.ForceScalar"/> and <see cref="KernelDispatch.ForceVector128"/>). Four independent sums also keep the loop from waiting on one running sum.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // first call runs optimised code: docs/performance.md, "Seventeenth session"
    public static (double Total, int Windows) MeanSquaredResiduals(ReadOnlySpan<double> profile, int scale, int step, int last, double? minimumVariance)
    {
        var centre = (scale - 1) / 2.0;
        var sjj = scale * (((double)scale * scale) - 1) / 12.0;
        var total = 0.0;
        var windows = 0;
        var start = 0;
        if (Vector256.IsHardwareAccelerated && !KernelDispatch.ForceScalar && !KernelDispatch.ForceVector128)
        {
            var floor = Vector256.Create(minimumVariance ?? double.NegativeInfinity);
            var totals = Vector256<double>.Zero;
            var counts = Vector256<double>.Zero;
            var vcentre = Vector256.Create(centre);
            var vsjj = Vector256.Create(sjj);
            var vscale = Vector256.Create((double)scale);
            var span = Vector256.Create((double)(scale - 1));
            for (; start + (3 * step) <= last; start += 4 * step)
            {
                var y0 = Lanes(profile, start, step, 0);
                var chord = (Lanes(profile, start, step, scale - 1) - y0) / span;
                Vector256<double> sv = default, sjv = default, svv = default;
                for (var j = 0; j < scale; j++)
                {
                    var jj = Vector256.Create((double)j);
                    var v = Lanes(profile, start, step, j) - y0 - (jj * chord);
                    sv += v;
                    sjv += jj * v;
                    svv += v * v;
                }

                var cross = sjv - (vcentre * sv);
                var variance = Vector256.Max(svv - (sv * sv / vscale) - (cross * cross / vsjj), Vector256<double>.Zero) / vscale;
                var kept = Vector256.GreaterThan(variance, floor);
                totals += variance & kept;
                counts += Vector256<double>.One & kept;
            }

            total = Vector256.Sum(totals);
            windows = (int)Vector256.Sum(counts);
        }
        else if (Vector128.IsHardwareAccelerated && !KernelDispatch.ForceScalar)
        {
            // Two windows per vector (Native AOT's portable x64 build has 128-bit vectors only).
            var floor = Vector128.Create(minimumVariance ?? double.NegativeInfinity);
            var totals = Vector128<double>.Zero;
            var counts = Vector128<double>.Zero;
            var span = Vector128.Create((double)(scale - 1));
            for (; start + step <= last; start += 2 * step)
            {
                var y0 = Lanes128(profile, start, step, 0);
                var chord = (Lanes128(profile, start, step, scale - 1) - y0) / span;
                Vector128<double> sv = default, sjv = default, svv = default;
                for (var j = 0; j < scale; j++)
                {
                    var jj = Vector128.Create((double)j);
                    var v = Lanes128(profile, start, step, j) - y0 - (jj * chord);
                    sv += v;
                    sjv += jj * v;
                    svv += v * v;
                }

                var cross = sjv - (centre * sv);
                var variance = Vector128.Max(svv - (sv * sv / scale) - (cross * cross / sjj), Vector128<double>.Zero) / scale;
                var kept = Vector128.GreaterThan(variance, floor);
                totals += variance & kept;
                counts += Vector128<double>.One & kept;
            }

            total = Vector128.Sum(totals);
            windows = (int)Vector128.Sum(counts);
        }

        for (; start <= last; start += step)
        {
            var w = profile.Slice(start, scale);
            var y0 = w[0];
            var chord = (w[scale - 1] - y0) / (scale - 1);
            double sv = 0, sjv = 0, svv = 0;
            for (var j = 0; j < scale; j++)
            {
                var v = w[j] - y0 - (j * chord);
                sv += v;
                sjv += j * v;
                svv += v * v;
            }

            var cross = sjv - (centre * sv);
            var sse = svv - (sv * sv / scale) - (cross * cross / sjj);
            var variance = Math.Max(sse, 0) / scale;
            if (variance <= minimumVariance)
            {
                continue;
            }

            total += variance;
            windows++;
        }

        return (total, windows);
    }

    /// <summary>The values at offset <paramref name="j"/> of the four windows starting at start, start + step, … .</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Lanes(ReadOnlySpan<double> profile, int start, int step, int j)
    {
        // In range: the caller's windows end at or before the profile's end, and the last lane's window is one of them.
        ref var x = ref Unsafe.Add(ref MemoryMarshal.GetReference(profile), start + j);
        return Vector256.Create(x, Unsafe.Add(ref x, step), Unsafe.Add(ref x, 2 * step), Unsafe.Add(ref x, 3 * step));
    }

    /// <summary>The values at offset <paramref name="j"/> of the two windows starting at start and start + step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> Lanes128(ReadOnlySpan<double> profile, int start, int step, int j)
    {
        ref var x = ref Unsafe.Add(ref MemoryMarshal.GetReference(profile), start + j);
        return Vector128.Create(x, Unsafe.Add(ref x, step));
    }
}
