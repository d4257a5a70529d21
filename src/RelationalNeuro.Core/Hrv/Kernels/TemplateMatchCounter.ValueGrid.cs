using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Hrv.Kernels;

/// <summary>
/// Template counts on series with few distinct values (RR series quantised by the recorder's clock): the counts of
/// length 2 and 3 become box sums over histograms of the distinct values.
/// </summary>
/// <remarks>
/// <para>The series' D distinct values are numbered in ascending order (<see cref="DistinctValues.Number"/>: a hash
/// table, then a sort of the D values, so O(n + D log D) instead of a sort of the series; −0 and +0 get two numbers,
/// which changes nothing below since the ranges come from comparing values). Two values match when <c>|a − b| ≤ r</c> (or <c>&lt; r</c>), computed
/// as larger minus smaller exactly as the pairwise loop computes <c>|a − b|</c>; the values matching value v form a
/// contiguous run of numbers [lo(v), hi(v)], and v ∈ [lo(u), hi(u)] exactly when u ∈ [lo(v), hi(v)]. A template's count
/// is therefore the number of templates in the box [lo(a), hi(a)] × [lo(b), hi(b)] (× [lo(c), hi(c)]) of value numbers:
/// the same integers as the brute-force count.</para>
/// <para>Length 2: a D × D table of the templates' value pairs turned into two-dimensional running totals; each count is
/// four reads, O(n + D²). Length 3: the templates grouped by their first value; a sweep over the groups keeps the
/// templates whose first value matches the group's in a grid (rows: third value, columns: second value) whose rows hold
/// running totals over the columns, and answers the group's templates either row by row (two reads per row of the box)
/// or, when the group is large, from two-dimensional running totals of the part of the grid its boxes cover (four reads
/// each). A template entering or leaving the grid updates its row only up to the last entry any query reads while it is
/// in the grid (the largest hi(b) + 1, b the second value, over the groups whose first values match its own), not to
/// the end of the row.</para>
/// <para>Used when D ≤ 1,024 and D² ≤ 8 × the series length; other series take the sorted-order paths.</para>
/// </remarks>
internal static partial class TemplateMatchCounter
{
    /// <summary>Most distinct values the value-grid path takes (a 1,024 × 1,025 grid of running totals, 4 MB).</summary>
    private const int MaximumGridValues = 1024;

    [ThreadStatic]
    private static int t_valueGrid;

    /// <summary>
    /// On the calling thread: 0 (the default) uses the value-grid path when D ≤ 1,024 and D² ≤ 8 × the series length,
    /// 1 whenever D ≤ 1,024, −1 never. Tests set it to drive both paths over the same series.
    /// </summary>
    internal static int ValueGrid
    {
        get => t_valueGrid;
        set => t_valueGrid = value;
    }

    /// <summary>
    /// Counts the length-<paramref name="k"/> templates (and length k + 1 when <paramref name="alsoNextLength"/>) on the
    /// value grid when k is 2, or 3 alone, and the series has few distinct values; returns false, having written nothing,
    /// otherwise.
    /// </summary>
    private static bool TryCountOnValueGrid(
        ReadOnlySpan<double> x,
        int k,
        int templatesK,
        Span<int> countsK,
        int templatesNext,
        Span<int> countsNext,
        bool alsoNextLength,
        double r,
        bool strict,
        CancellationToken cancellationToken)
    {
        if (ValueGrid < 0 || !(k == 2 || (k == 3 && !alsoNextLength)) || x.Length < 4)
        {
            return false;
        }

        var length = x.Length;
        var numberArray = ArrayPool<int>.Shared.Rent(length);
        var valueArray = ArrayPool<double>.Shared.Rent(MaximumGridValues);
        var rangeArray = ArrayPool<int>.Shared.Rent(2 * MaximumGridValues);
        try
        {
            var number = numberArray.AsSpan(0, length);
            var distinct = DistinctValues.Number(x, number, valueArray.AsSpan(0, MaximumGridValues), out _);
            if (distinct < 0 || (ValueGrid == 0 && (long)distinct * distinct > 8L * length))
            {
                return false;
            }

            var lo = rangeArray.AsSpan(0, distinct);
            var hi = rangeArray.AsSpan(distinct, distinct);
            RangesByRank(valueArray.AsSpan(0, distinct), r, strict, lo, hi);
            if (k == 2)
            {
                CountPairsOnValueGrid(number, distinct, lo, hi, templatesK, countsK);
                if (alsoNextLength)
                {
                    CountTriplesOnValueGrid(number, distinct, lo, hi, templatesNext, countsNext, cancellationToken);
                }
            }
            else
            {
                CountTriplesOnValueGrid(number, distinct, lo, hi, templatesK, countsK, cancellationToken);
            }

            return true;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(numberArray);
            ArrayPool<double>.Shared.Return(valueArray);
            ArrayPool<int>.Shared.Return(rangeArray);
        }
    }

    /// <summary>Length 2: two-dimensional running totals over the (first value, second value) table; four reads per template.</summary>
    private static void CountPairsOnValueGrid(ReadOnlySpan<int> number, int distinct, ReadOnlySpan<int> lo, ReadOnlySpan<int> hi, int n, Span<int> counts)
    {
        var side = distinct + 1;
        var tableArray = ArrayPool<int>.Shared.Rent(side * side);
        try
        {
            // table[(a + 1) · side + b + 1] = templates with first value ≤ a and second value ≤ b; row and column 0 stay 0.
            var table = tableArray.AsSpan(0, side * side);
            table.Clear();
            for (var t = 0; t < n; t++)
            {
                table[((number[t] + 1) * side) + number[t + 1] + 1]++;
            }

            for (var row = 1; row < side; row++)
            {
                var line = table.Slice(row * side, side);
                var sum = 0;
                for (var column = 1; column < side; column++)
                {
                    sum += line[column];
                    line[column] = sum;
                }

                TensorPrimitives.Add(line, table.Slice((row - 1) * side, side), line);
            }

            for (var t = 0; t < n; t++)
            {
                var a = number[t];
                var b = number[t + 1];
                var top = lo[a] * side;
                var bottom = (hi[a] + 1) * side;
                var left = lo[b];
                var right = hi[b] + 1;
                counts[t] = table[bottom + right] - table[bottom + left] - table[top + right] + table[top + left];
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(tableArray);
        }
    }

    /// <summary>
    /// Length 3: a sweep over the first value; the templates whose first value matches the current one are in a
    /// (third value × second value) grid of row running totals (see the class remarks). The rows are the third values and
    /// the columns the second: a second value lies one beat from the first, so within a group they spread less than the
    /// third values and the row updates, which run over columns, are shorter (either order gives the same counts).
    /// </summary>
    private static void CountTriplesOnValueGrid(ReadOnlySpan<int> number, int distinct, ReadOnlySpan<int> lo, ReadOnlySpan<int> hi, int n, Span<int> counts, CancellationToken cancellationToken)
    {
        var side = distinct + 1;
        var intArray = ArrayPool<int>.Shared.Rent(n + (3 * side));
        var gridArray = ArrayPool<int>.Shared.Rent(distinct * side);
        var scratchArray = ArrayPool<int>.Shared.Rent(side * side);
        try
        {
            // Templates grouped by first value (a counting sort): group a is members[groupStart[a] … groupStart[a + 1]).
            var members = intArray.AsSpan(0, n);
            var groupStart = intArray.AsSpan(n, side);
            var lastEntry = intArray.AsSpan(n + side, side);
            var reach = intArray.AsSpan(n + (2 * side), side);
            groupStart.Clear();
            for (var t = 0; t < n; t++)
            {
                groupStart[number[t] + 1]++;
            }

            for (var a = 0; a < distinct; a++)
            {
                groupStart[a + 1] += groupStart[a];
            }

            // lastEntry[a]: the last running-total entry (over second values) a query of group a reads; reach[v]: the largest of these over the
            // groups whose first values match v, i.e. how far a template of group v must update its row.
            lastEntry.Clear();
            var fill = reach;
            groupStart[..distinct].CopyTo(fill);
            for (var t = 0; t < n; t++)
            {
                var a = number[t];
                members[fill[a]++] = t;
                lastEntry[a] = Math.Max(lastEntry[a], hi[number[t + 1]] + 1);
            }

            for (var v = 0; v < distinct; v++)
            {
                var most = 0;
                for (var a = lo[v]; a <= hi[v]; a++)
                {
                    most = Math.Max(most, lastEntry[a]);
                }

                reach[v] = most;
            }

            var grid = gridArray.AsSpan(0, distinct * side);
            grid.Clear();
            var scratch = scratchArray.AsSpan(0, side * side);
            int windowLo = 0, windowHi = -1;
            for (var a = 0; a < distinct; a++)
            {
                var group = members[groupStart[a]..groupStart[a + 1]];
                if (group.IsEmpty)
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();

                while (windowHi < hi[a])
                {
                    windowHi++;
                    UpdateGroup(grid, side, number, members[groupStart[windowHi]..groupStart[windowHi + 1]], reach[windowHi], 1);
                }

                while (windowLo < lo[a])
                {
                    UpdateGroup(grid, side, number, members[groupStart[windowLo]..groupStart[windowLo + 1]], reach[windowLo], -1);
                    windowLo++;
                }

                AnswerGroup(grid, side, scratch, number, lo, hi, group, counts);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(intArray);
            ArrayPool<int>.Shared.Return(gridArray);
            ArrayPool<int>.Shared.Return(scratchArray);
        }
    }

    /// <summary>Adds <paramref name="delta"/> for each template of a group to its grid row (its third value), from the entry after its second value to entry <paramref name="reach"/>.</summary>
    private static void UpdateGroup(Span<int> grid, int side, ReadOnlySpan<int> number, ReadOnlySpan<int> group, int reach, int delta)
    {
        foreach (var t in group)
        {
            var row = number[t + 2] * side;
            var line = grid[(row + number[t + 1] + 1)..(row + reach + 1)];
            TensorPrimitives.Add(line, delta, line);
        }
    }

    /// <summary>
    /// The counts of one group's templates from the grid: row by row, or from two-dimensional running totals of the part
    /// of the grid the group's boxes cover when that is cheaper.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // first call runs optimised code: docs/performance.md, "Seventeenth session"
    private static void AnswerGroup(ReadOnlySpan<int> grid, int side, Span<int> scratch, ReadOnlySpan<int> number, ReadOnlySpan<int> lo, ReadOnlySpan<int> hi, ReadOnlySpan<int> group, Span<int> counts)
    {
        int rowLo = int.MaxValue, rowHi = -1, entryLo = int.MaxValue, entryHi = -1;
        long rowsRead = 0;
        foreach (var t in group)
        {
            var row = number[t + 2];
            var column = number[t + 1];
            rowLo = Math.Min(rowLo, lo[row]);
            rowHi = Math.Max(rowHi, hi[row]);
            entryLo = Math.Min(entryLo, lo[column]);
            entryHi = Math.Max(entryHi, hi[column] + 1);
            rowsRead += hi[row] - lo[row] + 1;
        }

        var rows = rowHi - rowLo + 1;
        var width = entryHi - entryLo + 1;

        // Row by row costs two scattered reads per row of each box; the running totals about one vector add per 8 entries.
        if (2 * rowsRead <= (long)rows * width / 8)
        {
            foreach (var t in group)
            {
                var row = number[t + 2];
                var column = number[t + 1];
                counts[t] = GridRectangle(grid, side, lo[row], hi[row], lo[column], hi[column] + 1);
            }

            return;
        }

        // block[(i + 1) · width + j] = Σ of grid rows rowLo … rowLo + i at entry entryLo + j; block row 0 is 0.
        var block = scratch[..((rows + 1) * width)];
        block[..width].Clear();
        for (var i = 0; i < rows; i++)
        {
            TensorPrimitives.Add(block.Slice(i * width, width), grid.Slice(((rowLo + i) * side) + entryLo, width), block.Slice((i + 1) * width, width));
        }

        foreach (var t in group)
        {
            var row = number[t + 2];
            var column = number[t + 1];
            var top = (lo[row] - rowLo) * width;
            var bottom = (hi[row] + 1 - rowLo) * width;
            var left = lo[column] - entryLo;
            var right = hi[column] + 1 - entryLo;
            counts[t] = block[bottom + right] - block[bottom + left] - block[top + right] + block[top + left];
        }
    }
}
