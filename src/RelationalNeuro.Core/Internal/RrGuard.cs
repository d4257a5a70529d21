using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Internal;

/// <summary>
/// The one input check every span-based HRV calculator makes: each RR interval is a number of milliseconds in the
/// calculable range [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>] (1–60,000 ms;
/// NaN and ±∞ fail). A violation is a programmer error at this level (readers and <c>RrSeries</c> refuse such data
/// with problems before it gets here), so it throws, naming the argument, the index and the value. The range bounds
/// every calculator's work and arithmetic (sums of up to 2^31 intervals, 60,000 / RR, squares: all finite; the 5-min
/// segments, the histogram and the resampling grid grow at most linearly with the number of beats). Physiological
/// plausibility (200–3000 ms) is not checked here: that is the artifact detector's job.
/// </summary>
internal static class RrGuard
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // first call runs optimised code: docs/performance.md, "Seventeenth session"
    public static void ValidIntervals(ReadOnlySpan<double> rrMs, [CallerArgumentExpression(nameof(rrMs))] string? name = null)
    {
        // Vector test first (8 values per instruction); the scalar loop below finds the index only when one fails.
        var start = 0;
        if (Vector512.IsHardwareAccelerated && rrMs.Length >= Vector512<double>.Count)
        {
            ref var x0 = ref MemoryMarshal.GetReference(rrMs);
            var zero = Vector512<double>.Zero;
            var lower = Vector512.Create(RrSeries.MinimumIntervalMs);
            var upper = Vector512.Create(RrSeries.MaximumIntervalMs);
            var bad = zero;
            var i = 0;
            for (; i <= rrMs.Length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var v = Vector512.LoadUnsafe(ref x0, (nuint)i);
                bad |= ~(Vector512.GreaterThanOrEqual(v, lower) & Vector512.LessThanOrEqual(v, upper));
            }

            start = bad == zero ? i : 0;
        }

        for (var i = start; i < rrMs.Length; i++)
        {
            var value = rrMs[i];
            if (!InRange(value))
            {
                Throw(name, i, value);
            }
        }
    }

    /// <summary>True when <paramref name="valueMs"/> is in the calculable range (false for NaN).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool InRange(double valueMs) => valueMs >= RrSeries.MinimumIntervalMs && valueMs <= RrSeries.MaximumIntervalMs;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw(string? name, int index, double value) =>
        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"{name}[{index}] was {value}; RR intervals must be in [{RrSeries.MinimumIntervalMs}, {RrSeries.MaximumIntervalMs}] ms (finite; see RrSeries.MinimumIntervalMs)."),
            name);
}
