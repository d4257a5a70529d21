using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RelationalNeuro.Internal;

/// <summary>
/// The one input check every span-based HRV calculator makes: each RR interval is a finite number of
/// milliseconds greater than 0. A violation is a programmer error at this level (readers and
/// <c>RrSeries</c> report bad data as problems before it gets here), so it throws, naming the argument,
/// the index and the value. Physiological plausibility (200–3000 ms) is not checked here: that is the
/// artifact detector's job, and the calculators compute on whatever valid numbers they are given.
/// </summary>
internal static class RrGuard
{
    public static void ValidIntervals(ReadOnlySpan<double> rrMs, [CallerArgumentExpression(nameof(rrMs))] string? name = null)
    {
        // Vector test first (8 values per instruction); the scalar loop below finds the index only when one fails.
        var start = 0;
        if (Vector512.IsHardwareAccelerated && rrMs.Length >= Vector512<double>.Count)
        {
            ref var x0 = ref MemoryMarshal.GetReference(rrMs);
            var zero = Vector512<double>.Zero;
            var infinity = Vector512.Create(double.PositiveInfinity);
            var bad = zero;
            var i = 0;
            for (; i <= rrMs.Length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var v = Vector512.LoadUnsafe(ref x0, (nuint)i);
                bad |= ~Vector512.GreaterThan(v, zero) | Vector512.Equals(v, infinity);
            }

            start = bad == zero ? i : 0;
        }

        for (var i = start; i < rrMs.Length; i++)
        {
            var value = rrMs[i];
            if (!(value > 0) || double.IsPositiveInfinity(value))
            {
                Throw(name, i, value);
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw(string? name, int index, double value) =>
        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"{name}[{index}] was {value}; RR intervals must be finite and greater than 0 ms."),
            name);
}
