using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RelationalNeuro.Hrv.Kernels;

namespace RelationalNeuro.Internal;

/// <summary>
/// Centred rolling quantiles with truncated windows at the edges (pandas <c>rolling(w, center=True,
/// min_periods=1)</c>), kept with a sorted window buffer: O(n·w) work, no per-step allocation. Values must be finite.
/// </summary>
/// <remarks>
/// <para>Once the window is full, each step replaces the value leaving it by the value entering it with one branch-free
/// pass over the buffer (<see cref="SortedWindow{T}.Replace"/>), vectorised where the hardware allows: on noisy RR data a
/// binary search and a shift of data-dependent length mispredict several branches per step, which cost more than
/// touching all w values. The buffer holds the same multiset as a sort of the window, so every order statistic
/// equals the sorted window's.</para>
/// <para>Ranks: a long series with at most <see cref="MaximumRankValues"/> distinct values (RR data on a recorder's clock
/// and the differences the artifact detectors window) is windowed as the 16-bit numbers of its distinct values in
/// ascending order (<see cref="DistinctValues.Number"/>), four times as many per vector as doubles, and each order
/// statistic is read back as the value its number stands for. Numbers compare exactly as the values do (equal values
/// share a number), so the buffer holds the numbers of the same sorted multiset and every quantile is the same double,
/// computed by the same formula. A series holding both −0 and +0 (equal as values, two numbers) keeps the double path.</para>
/// </remarks>
internal static class RollingQuantile
{
    /// <summary>Largest pair of window buffers kept on the stack (elements, both buffers).</summary>
    private const int StackLimit = 512;

    /// <summary>Most distinct values the rank path takes (16-bit numbers, a 16,384-slot hash table).</summary>
    internal const int MaximumRankValues = 4096;

    /// <summary>Shortest window the rank path is used for by default: below it the numbering costs more than it saves.</summary>
    private const int RankMinimumWindow = 31;

    /// <summary>Shortest series the rank path is used for by default.</summary>
    private const int RankMinimumLength = 2048;

    [ThreadStatic]
    private static int t_ranks;

    /// <summary>
    /// On the calling thread: 0 (the default) uses the rank path for windows of at least 31 on series of at least 2,048
    /// values with few distinct values, 1 whenever the values allow it, −1 never. Tests set it to drive both paths.
    /// </summary>
    internal static int Ranks
    {
        get => t_ranks;
        set => t_ranks = value;
    }

    /// <summary>
    /// For each t, the quantiles <paramref name="qa"/> and <paramref name="qb"/> (linear interpolation between order
    /// statistics: position q·(m−1)) of x over [t − h, t + h] ∩ [0, n − 1], h = (window − 1) / 2.
    /// </summary>
    public static void Quantiles(ReadOnlySpan<double> x, int window, double qa, double qb, Span<double> outA, Span<double> outB) =>
        Run(x, window, median: false, qa, qb, outA, outB);

    /// <summary>Centred rolling median (mean of the two middle values for an even count), truncated at the edges.</summary>
    public static void Median(ReadOnlySpan<double> x, int window, Span<double> output) =>
        Run(x, window, median: true, 0, 0, output, default);

    /// <summary>The medians (into <paramref name="outA"/>) or the two quantiles, on the rank path where it applies.</summary>
    private static void Run(ReadOnlySpan<double> x, int window, bool median, double qa, double qb, Span<double> outA, Span<double> outB)
    {
        var n = x.Length;
        if (t_ranks >= 0 && (t_ranks > 0 || (window >= RankMinimumWindow && n >= RankMinimumLength)) && n > 0)
        {
            var numbers = ArrayPool<int>.Shared.Rent(n);
            var values = ArrayPool<double>.Shared.Rent(MaximumRankValues);
            var ranks = ArrayPool<short>.Shared.Rent(n);
            try
            {
                var distinct = DistinctValues.Number(x, numbers.AsSpan(0, n), values.AsSpan(0, MaximumRankValues), out var signedZeros);
                if (distinct > 0 && !signedZeros)
                {
                    for (var i = 0; i < n; i++)
                    {
                        ranks[i] = (short)numbers[i];
                    }

                    Walk(ranks.AsSpan(0, n), values.AsSpan(0, distinct), window, median, qa, qb, outA, outB);
                    return;
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(numbers);
                ArrayPool<double>.Shared.Return(values);
                ArrayPool<short>.Shared.Return(ranks);
            }
        }

        Walk(x, default, window, median, qa, qb, outA, outB);
    }

    /// <summary>One pass of the sorted window over <paramref name="x"/>: doubles, or numbers standing for <paramref name="values"/>[number].</summary>
    private static void Walk<T>(ReadOnlySpan<T> x, ReadOnlySpan<double> values, int window, bool median, double qa, double qb, Span<double> outA, Span<double> outB)
        where T : unmanaged, INumber<T>
    {
        var length = SortedWindow<T>.BufferLength(window, x.Length);
        T[]? rented = null;
        Span<T> buffers = 2 * length <= StackLimit ? stackalloc T[2 * length] : (rented = ArrayPool<T>.Shared.Rent(2 * length));
        var sorted = new SortedWindow<T>(x, values, window, buffers[..(2 * length)]);
        for (var t = 0; t < x.Length; t++)
        {
            sorted.Advance(t);
            if (median)
            {
                outA[t] = sorted.Median();
            }
            else
            {
                outA[t] = sorted.Quantile(qa);
                outB[t] = sorted.Quantile(qb);
            }
        }

        if (rented is not null)
        {
            ArrayPool<T>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// The sorted values of the centred window (doubles, or the numbers of the distinct values on the rank path), in one
    /// of two buffers laid out as a bottom sentinel, the m sorted values, then a top sentinel up to a whole number of
    /// vectors past the largest window (the sentinels make the first and last positions need no test). A full-window
    /// step writes the new order into the other buffer and swaps.
    /// </summary>
    private ref struct SortedWindow<T>
        where T : unmanaged, INumber<T>
    {
        private readonly ReadOnlySpan<T> _x;
        private readonly ReadOnlySpan<double> _values;
        private readonly int _half;
        private Span<T> _front;
        private Span<T> _back;
        private int _count;
        private int _last = -1; // last index of x inserted

        public SortedWindow(ReadOnlySpan<T> x, ReadOnlySpan<double> values, int window, Span<T> buffers)
        {
            _x = x;
            _values = values;
            _half = (window - 1) / 2;
            var length = buffers.Length / 2;
            _front = buffers[..length];
            _back = buffers[length..];
            buffers.Fill(Top);
            _front[0] = Bottom;
            _back[0] = Bottom;
        }

        /// <summary>Above every value: +∞, or the largest 16-bit number (numbers stay below <see cref="MaximumRankValues"/>).</summary>
        private static T Top => typeof(T) == typeof(double) ? T.CreateTruncating(double.PositiveInfinity) : T.CreateTruncating(short.MaxValue);

        /// <summary>Below every value: −∞, or the smallest 16-bit number.</summary>
        private static T Bottom => typeof(T) == typeof(double) ? T.CreateTruncating(double.NegativeInfinity) : T.CreateTruncating(short.MinValue);

        /// <summary>Length of one buffer: the sentinel, the largest window, and a vector of top sentinels past it.</summary>
        public static int BufferLength(int window, int n) => 1 + Math.Min(window, n) + (2 * Vector<T>.Count);

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
            var a = Value(_front[1 + lo]);
            if (fraction == 0 || lo + 1 >= _count)
            {
                return a;
            }

            return a + ((Value(_front[2 + lo]) - a) * fraction);
        }

        /// <summary>The median (the mean of the two middle values for an even count).</summary>
        public readonly double Median()
        {
            var middle = 1 + (_count / 2);
            return (_count & 1) == 1 ? Value(_front[middle]) : (Value(_front[middle - 1]) + Value(_front[middle])) / 2;
        }

        /// <summary>The value an element stands for: itself, or on the rank path the distinct value it numbers.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private readonly double Value(T element) =>
            typeof(T) == typeof(double) ? Unsafe.As<T, double>(ref element) : _values[int.CreateTruncating(element)];

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
        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // first call runs optimised code: docs/performance.md, "Seventeenth session"
        private static void Replace(Span<T> from, Span<T> to, int count, T leaving, T entering)
        {
            var lo = T.Min(leaving, entering);
            var hi = T.Max(leaving, entering);
            var side = entering < leaving ? 0 : 2; // buffer index of the neighbour of position 1
            if (Vector.IsHardwareAccelerated && !KernelDispatch.ForceScalar)
            {
                ref var a0 = ref MemoryMarshal.GetReference(from[1..]);
                ref var s0 = ref MemoryMarshal.GetReference(from[side..]);
                ref var r0 = ref MemoryMarshal.GetReference(to[1..]);
                var vlo = new Vector<T>(lo);
                var vhi = new Vector<T>(hi);
                var ve = new Vector<T>(entering);
                for (var i = 0; i < count; i += Vector<T>.Count)
                {
                    // The buffers extend a whole vector of top sentinels past count (and s one more), so the last vector stays inside.
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
        private void Insert(T value)
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

        private void Remove(T value)
        {
            var i = 1;
            while (i < _count && _front[i] < value)
            {
                i++;
            }

            _front.Slice(i + 1, _count - i).CopyTo(_front[i..]);
            _count--;
            _front[_count + 1] = Top;
        }
    }
}
