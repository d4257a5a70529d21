using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using RelationalNeuro.Hrv.Kernels;

namespace RelationalNeuro.Internal;

/// <summary>
/// Centred rolling quantiles with truncated windows at the edges (pandas <c>rolling(w, center=True,
/// min_periods=1)</c>), kept with a sorted window buffer: O(n·w) work, no per-step allocation. Values must be finite.
/// </summary>
/// <remarks>
/// Once the window is full, each step replaces the value leaving it by the value entering it with one branch-free
/// pass over the buffer (<see cref="SortedWindow.Replace"/>), vectorised where the hardware allows: on noisy RR data a
/// binary search and a shift of data-dependent length mispredict several branches per step, which cost more than
/// touching all w values. The buffer holds the same multiset as a sort of the window, so every order statistic
/// equals the sorted window's.
/// </remarks>
internal static class RollingQuantile
{
    /// <summary>Largest pair of window buffers kept on the stack (doubles, both buffers).</summary>
    private const int StackLimit = 512;

    /// <summary>
    /// For each t, the quantiles <paramref name="qa"/> and <paramref name="qb"/> (linear interpolation between order
    /// statistics: position q·(m−1)) of x over [t − h, t + h] ∩ [0, n − 1], h = (window − 1) / 2.
    /// </summary>
    public static void Quantiles(ReadOnlySpan<double> x, int window, double qa, double qb, Span<double> outA, Span<double> outB)
    {
        var length = SortedWindow.BufferLength(window, x.Length);
        double[]? rented = null;
        Span<double> buffers = 2 * length <= StackLimit ? stackalloc double[2 * length] : (rented = ArrayPool<double>.Shared.Rent(2 * length));
        var sorted = new SortedWindow(x, window, buffers[..(2 * length)]);
        for (var t = 0; t < x.Length; t++)
        {
            sorted.Advance(t);
            outA[t] = sorted.Quantile(qa);
            outB[t] = sorted.Quantile(qb);
        }

        if (rented is not null)
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>Centred rolling median (mean of the two middle values for an even count), truncated at the edges.</summary>
    public static void Median(ReadOnlySpan<double> x, int window, Span<double> output)
    {
        var length = SortedWindow.BufferLength(window, x.Length);
        double[]? rented = null;
        Span<double> buffers = 2 * length <= StackLimit ? stackalloc double[2 * length] : (rented = ArrayPool<double>.Shared.Rent(2 * length));
        var sorted = new SortedWindow(x, window, buffers[..(2 * length)]);
        for (var t = 0; t < x.Length; t++)
        {
            sorted.Advance(t);
            output[t] = sorted.Median();
        }

        if (rented is not null)
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// The sorted values of the centred window, in one of two buffers laid out as −∞, the m sorted values, then +∞ up to
    /// a whole number of vectors past the largest window (the sentinels make the first and last positions need no test).
    /// A full-window step writes the new order into the other buffer and swaps.
    /// </summary>
    private ref struct SortedWindow
    {
        private readonly ReadOnlySpan<double> _x;
        private readonly int _half;
        private Span<double> _front;
        private Span<double> _back;
        private int _count;
        private int _last = -1; // last index of x inserted

        public SortedWindow(ReadOnlySpan<double> x, int window, Span<double> buffers)
        {
            _x = x;
            _half = (window - 1) / 2;
            var length = buffers.Length / 2;
            _front = buffers[..length];
            _back = buffers[length..];
            buffers.Fill(double.PositiveInfinity);
            _front[0] = double.NegativeInfinity;
            _back[0] = double.NegativeInfinity;
        }

        /// <summary>Length of one buffer: the sentinel, the largest window, and a vector of +∞ past it.</summary>
        public static int BufferLength(int window, int n) => 1 + Math.Min(window, n) + (2 * Vector<double>.Count);

        /// <summary>Moves the window from the one centred at t − 1 to the one centred at t.</summary>
        public void Advance(int t)
        {
            var wantLast = Math.Min(_x.Length - 1, t + _half);
            var leaving = t - _half - 1;
            if (leaving >= 0 && _last < wantLast)
            {
                // Full window: exactly one value enters and one leaves.
                _last++;
                Replace(_front, _back, _count, _x[leaving], _x[_last]);
                var written = _back;
                _back = _front;
                _front = written;
                return;
            }

            while (_last < wantLast)
            {
                _last++;
                Insert(_x[_last]);
            }

            if (leaving >= 0)
            {
                Remove(_x[leaving]);
            }
        }

        /// <summary>The quantile q of the window (position q·(m − 1), linear interpolation between order statistics).</summary>
        public readonly double Quantile(double q)
        {
            var position = q * (_count - 1);
            var lo = (int)Math.Floor(position);
            var fraction = position - lo;
            var a = _front[1 + lo];
            if (fraction == 0 || lo + 1 >= _count)
            {
                return a;
            }

            return a + ((_front[2 + lo] - a) * fraction);
        }

        /// <summary>The median (the mean of the two middle values for an even count).</summary>
        public readonly double Median()
        {
            var middle = 1 + (_count / 2);
            return (_count & 1) == 1 ? _front[middle] : (_front[middle - 1] + _front[middle]) / 2;
        }

        /// <summary>
        /// Writes into <paramref name="to"/> the sorted values of <paramref name="from"/> with one occurrence of
        /// <paramref name="leaving"/> replaced by <paramref name="entering"/>, position by position without a
        /// data-dependent branch. With lo/hi the smaller/larger of the two values, a the value at position i and s its
        /// neighbour on the side the values between lo and hi move from (i − 1 when the entering value is the smaller,
        /// else i + 1): a &lt; lo stays; lo ≤ s &lt; hi moves (s); where s &lt; lo or a &lt; hi the entering value lands;
        /// else a stays. (Entering &lt; leaving: the values in [entering, leaving) move up one place and the entering
        /// value takes the first place after the values below it. Entering &gt; leaving: the values in (leaving,
        /// entering) move down one place over the leaving value, and the entering value takes the last place before the
        /// values not below it. Equal values: nothing moves.)
        /// </summary>
        private static void Replace(Span<double> from, Span<double> to, int count, double leaving, double entering)
        {
            var lo = Math.Min(leaving, entering);
            var hi = Math.Max(leaving, entering);
            var side = entering < leaving ? 0 : 2; // buffer index of the neighbour of position 1
            if (Vector.IsHardwareAccelerated && !KernelDispatch.ForceScalar)
            {
                ref var a0 = ref MemoryMarshal.GetReference(from[1..]);
                ref var s0 = ref MemoryMarshal.GetReference(from[side..]);
                ref var r0 = ref MemoryMarshal.GetReference(to[1..]);
                var vlo = new Vector<double>(lo);
                var vhi = new Vector<double>(hi);
                var ve = new Vector<double>(entering);
                for (var i = 0; i < count; i += Vector<double>.Count)
                {
                    // The buffers extend a whole vector of +∞ past count (and s one more), so the last vector stays inside.
                    var a = Vector.LoadUnsafe(ref a0, (nuint)i);
                    var s = Vector.LoadUnsafe(ref s0, (nuint)i);
                    var fromBelow = Vector.GreaterThanOrEqual(s, vlo);
                    var moves = fromBelow & Vector.LessThan(s, vhi);
                    var lands = ~fromBelow | Vector.LessThan(a, vhi);
                    var value = Vector.ConditionalSelect(Vector.LessThan(a, vlo), a, Vector.ConditionalSelect(moves, s, Vector.ConditionalSelect(lands, ve, a)));
                    value.StoreUnsafe(ref r0, (nuint)i);
                }

                return;
            }

            for (var i = 1; i <= count; i++)
            {
                var a = from[i];
                var s = from[i - 1 + side];
                to[i] = a < lo ? a
                    : s >= lo && s < hi ? s
                    : s < lo || a < hi ? entering
                    : a;
            }
        }

        // Growing and shrinking windows at the ends of the series (w − 1 steps in all): a plain insertion and removal.
        private void Insert(double value)
        {
            var i = _count + 1;
            while (_front[i - 1] > value)
            {
                _front[i] = _front[i - 1];
                i--;
            }

            _front[i] = value;
            _count++;
        }

        private void Remove(double value)
        {
            var i = 1;
            while (i < _count && _front[i] < value)
            {
                i++;
            }

            _front.Slice(i + 1, _count - i).CopyTo(_front[i..]);
            _count--;
            _front[_count + 1] = double.PositiveInfinity;
        }
    }
}
