using System.Buffers;
using System.Numerics;

namespace RelationalNeuro.Hrv.Kernels;

/// <summary>
/// Exact counting of template matches for sample and approximate entropy without visiting all pairs.
/// </summary>
/// <remarks>
/// <para>Template <c>t</c> of length <c>k</c> is <c>x[t..t+k)</c>; templates <c>i</c> and <c>j</c> match when
/// every coordinate satisfies <c>|x[i+d] − x[j+d]| ≤ r</c> (or <c>&lt; r</c> when strict): the Chebyshev
/// distance. Every comparison is made on the double <c>|a − b|</c> exactly as a pairwise loop would make it,
/// so the counts equal a brute-force O(n²) count bit for bit (the fast paths rely only on
/// <c>fl(b − a)</c> being monotone in <c>b</c>, which IEEE rounding guarantees).</para>
/// <para>k = 1: sort, two pointers, O(n log n). k = 2: sort by the first coordinate, slide a window over
/// it, and keep a Fenwick tree over the ranks of the second coordinate: each template's count is one
/// window query, O(n log n). k = 3: the same window, with the active templates in a grid of S × S rank
/// blocks of the second and third coordinates whose rows hold running totals over the columns; whole blocks
/// are counted two reads per row and the partial blocks at the edges of the query box template by
/// template: O(n (n/S + S)) with S = max(16, ⌈n/256⌉), i.e. about n²/256 contiguous SIMD operations at
/// worst. All coordinates' sorted orders come from one sort of the series. k ≥ 4 (general path): sort by the first coordinate
/// and compare the remaining coordinates of the pairs whose first coordinates match, O(pairs in the
/// window).</para>
/// </remarks>
internal static class TemplateMatchCounter
{
    /// <summary>
    /// For each template t in [0, templateCount), the number of templates (itself included) within the
    /// tolerance, written to <paramref name="counts"/>.
    /// </summary>
    public static void CountPerTemplate(ReadOnlySpan<double> x, int k, int templateCount, double r, bool strict, Span<int> counts) =>
        CountPerTemplateCancellable(x, k, templateCount, r, strict, counts, CancellationToken.None);

    /// <summary><see cref="CountPerTemplate"/>; the superlinear paths (k ≥ 3) observe <paramref name="cancellationToken"/> every 4,096 templates.</summary>
    public static void CountPerTemplateCancellable(ReadOnlySpan<double> x, int k, int templateCount, double r, bool strict, Span<int> counts, CancellationToken cancellationToken)
    {
        Check(x, k, templateCount, counts.Length);
        switch (k)
        {
            case 1:
                CountOneDimension(x, templateCount, r, strict, counts);
                break;
            case 2:
                CountTwoDimensions(x, templateCount, r, strict, counts);
                break;
            case 3:
                CountThreeDimensions(x, templateCount, r, strict, counts, cancellationToken);
                break;
            default:
                CountByScan(x, k, templateCount, r, strict, counts, cancellationToken);
                break;
        }
    }

    /// <summary>The number of ordered pairs (i, j), i ≠ j, of matching templates among the first <paramref name="templateCount"/>.</summary>
    public static long CountPairs(ReadOnlySpan<double> x, int k, int templateCount, double r, bool strict) =>
        CountPairsCancellable(x, k, templateCount, r, strict, CancellationToken.None);

    /// <summary><see cref="CountPairs"/>, observing <paramref name="cancellationToken"/> as <see cref="CountPerTemplateCancellable"/> does.</summary>
    public static long CountPairsCancellable(ReadOnlySpan<double> x, int k, int templateCount, double r, bool strict, CancellationToken cancellationToken)
    {
        var rented = ArrayPool<int>.Shared.Rent(templateCount);
        try
        {
            var counts = rented.AsSpan(0, templateCount);
            CountPerTemplateCancellable(x, k, templateCount, r, strict, counts, cancellationToken);
            long total = 0;
            foreach (var c in counts)
            {
                total += c;
            }

            return total - templateCount;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    private static void Check(ReadOnlySpan<double> x, int k, int templateCount, int countsLength)
    {
        if (k < 1 || templateCount < 0 || templateCount + k - 1 > x.Length || countsLength < templateCount)
        {
            throw new ArgumentOutOfRangeException(nameof(templateCount), templateCount, "templates do not fit the series");
        }
    }

    private static bool Within(double difference, double r, bool strict) => strict ? difference < r : difference <= r;

    private static void CountOneDimension(ReadOnlySpan<double> x, int n, double r, bool strict, Span<int> counts)
    {
        var values = ArrayPool<double>.Shared.Rent(n);
        var order = ArrayPool<int>.Shared.Rent(n);
        try
        {
            var v = values.AsSpan(0, n);
            var o = order.AsSpan(0, n);
            x[..n].CopyTo(v);
            for (var i = 0; i < n; i++)
            {
                o[i] = i;
            }

            v.Sort(o);
            int lo = 0, hi = 0;
            for (var p = 0; p < n; p++)
            {
                while (!Within(v[p] - v[lo], r, strict))
                {
                    lo++;
                }

                if (hi < p)
                {
                    hi = p;
                }

                while (hi + 1 < n && Within(v[hi + 1] - v[p], r, strict))
                {
                    hi++;
                }

                counts[o[p]] = hi - lo + 1;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(values);
            ArrayPool<int>.Shared.Return(order);
        }
    }

    private static void CountTwoDimensions(ReadOnlySpan<double> x, int n, double r, bool strict, Span<int> counts)
    {
        var first = ArrayPool<double>.Shared.Rent(n);
        var firstOrder = ArrayPool<int>.Shared.Rent(n);
        var second = ArrayPool<double>.Shared.Rent(n);
        var secondOrder = ArrayPool<int>.Shared.Rent(n);
        var rank = ArrayPool<int>.Shared.Rent(3 * n);
        var fenwick = ArrayPool<int>.Shared.Rent(n + 1);
        try
        {
            var c1 = first.AsSpan(0, n);
            var o1 = firstOrder.AsSpan(0, n);
            var c2 = second.AsSpan(0, n);
            var o2 = secondOrder.AsSpan(0, n);
            var rank2 = rank.AsSpan(0, n);
            var first2 = rank.AsSpan(n, n);
            var last2 = rank.AsSpan(2 * n, n);
            var tree = fenwick.AsSpan(0, n + 1);
            tree.Clear();
            SortedCoordinates(x, n, [first, second], [firstOrder, secondOrder]);
            for (var q = 0; q < n; q++)
            {
                rank2[o2[q]] = q;
            }

            RangesByRank(c2, r, strict, first2, last2);
            int lo = 0, hi = -1;
            for (var p = 0; p < n; p++)
            {
                // Window over the first coordinate: sorted positions [lo, hi] within r of c1[p].
                while (hi + 1 < n && Within(c1[hi + 1] - c1[p], r, strict))
                {
                    hi++;
                    FenwickAdd(tree, rank2[o1[hi]], 1);
                }

                while (!Within(c1[p] - c1[lo], r, strict))
                {
                    FenwickAdd(tree, rank2[o1[lo]], -1);
                    lo++;
                }

                // Count over the sorted second-coordinate range within r of this template's second value.
                var t = o1[p];
                var own = rank2[t];
                counts[t] = FenwickPrefix(tree, last2[own]) - FenwickPrefix(tree, first2[own] - 1);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(first);
            ArrayPool<int>.Shared.Return(firstOrder);
            ArrayPool<double>.Shared.Return(second);
            ArrayPool<int>.Shared.Return(secondOrder);
            ArrayPool<int>.Shared.Return(rank);
            ArrayPool<int>.Shared.Return(fenwick);
        }
    }

    /// <summary>
    /// The coordinates d = 0 … k − 1 (k = the number of <paramref name="values"/> arrays) of the first
    /// <paramref name="n"/> templates, each sorted ascending with its template indices: coordinate d of template t is x[t + d], so all k sorted lists are read off one
    /// sort of x[0 .. n + k − 1) by keeping the entries whose index minus d is a template.
    /// </summary>
    private static void SortedCoordinates(ReadOnlySpan<double> x, int n, ReadOnlySpan<double[]> values, ReadOnlySpan<int[]> orders)
    {
        var k = values.Length;
        var length = n + k - 1;
        var sortedArray = ArrayPool<double>.Shared.Rent(length);
        var indexArray = ArrayPool<int>.Shared.Rent(length);
        try
        {
            var sorted = sortedArray.AsSpan(0, length);
            var index = indexArray.AsSpan(0, length);
            x[..length].CopyTo(sorted);
            for (var i = 0; i < length; i++)
            {
                index[i] = i;
            }

            sorted.Sort(index);
            for (var d = 0; d < k; d++)
            {
                var v = values[d].AsSpan(0, n);
                var o = orders[d].AsSpan(0, n);
                var position = 0;
                for (var q = 0; q < length; q++)
                {
                    var t = index[q] - d;
                    if ((uint)t < (uint)n)
                    {
                        v[position] = sorted[q];
                        o[position] = t;
                        position++;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(sortedArray);
            ArrayPool<int>.Shared.Return(indexArray);
        }
    }

    /// <summary>
    /// For each position q of ascending <paramref name="sorted"/>, the first and last positions within r of it
    /// (both monotone in q, so two pointers find them in O(n)).
    /// </summary>
    private static void RangesByRank(ReadOnlySpan<double> sorted, double r, bool strict, Span<int> first, Span<int> last)
    {
        var n = sorted.Length;
        int lo = 0, hi = 0;
        for (var q = 0; q < n; q++)
        {
            while (!Within(sorted[q] - sorted[lo], r, strict))
            {
                lo++;
            }

            if (hi < q)
            {
                hi = q;
            }

            while (hi + 1 < n && Within(sorted[hi + 1] - sorted[q], r, strict))
            {
                hi++;
            }

            first[q] = lo;
            last[q] = hi;
        }
    }

    private static void FenwickAdd(Span<int> tree, int zeroBasedIndex, int delta)
    {
        for (var i = zeroBasedIndex + 1; i < tree.Length; i += i & -i)
        {
            tree[i] += delta;
        }
    }

    private static int FenwickPrefix(ReadOnlySpan<int> tree, int zeroBasedIndex)
    {
        var sum = 0;
        for (var i = zeroBasedIndex + 1; i > 0; i -= i & -i)
        {
            sum += tree[i];
        }

        return sum;
    }

    /// <summary>
    /// k = 3. A window slides over the templates sorted by the first coordinate (as for k = 2); the active
    /// templates are kept in a grid over (rank of 2nd coordinate / S, rank of 3rd coordinate / S) whose rows
    /// hold running totals over the columns. A query counts the whole grid blocks inside its rank box from two
    /// entries per row and checks the
    /// templates in the partial blocks at the box edges one by one (at most about 4·S of them).
    /// </summary>
    private static void CountThreeDimensions(ReadOnlySpan<double> x, int n, double r, bool strict, Span<int> counts, CancellationToken cancellationToken)
    {
        var blockSize = Math.Max(16, (n + 255) / 256);
        var blocks = (n + blockSize - 1) / blockSize;
        var side = blocks + 1;
        var first = ArrayPool<double>.Shared.Rent(n);
        var firstOrder = ArrayPool<int>.Shared.Rent(n);
        var second = ArrayPool<double>.Shared.Rent(n);
        var secondOrder = ArrayPool<int>.Shared.Rent(n);
        var third = ArrayPool<double>.Shared.Rent(n);
        var thirdOrder = ArrayPool<int>.Shared.Rent(n);
        var ints = ArrayPool<int>.Shared.Rent(8 * n);
        var gridArray = ArrayPool<int>.Shared.Rent(side * side);
        try
        {
            var c1 = first.AsSpan(0, n);
            var o1 = firstOrder.AsSpan(0, n);
            var c2 = second.AsSpan(0, n);
            var o2 = secondOrder.AsSpan(0, n);
            var c3 = third.AsSpan(0, n);
            var o3 = thirdOrder.AsSpan(0, n);
            var rank2 = ints.AsSpan(0, n);
            var rank3 = ints.AsSpan(n, n);
            var first2 = ints.AsSpan(2 * n, n);
            var last2 = ints.AsSpan(3 * n, n);
            var first3 = ints.AsSpan(4 * n, n);
            var last3 = ints.AsSpan(5 * n, n);

            // In rank-2 order: the rank-3 of the template there if it is in the window, else −1; and vice versa.
            // The edge checks then read short contiguous runs instead of jumping around.
            var rank3ByRank2 = ints.AsSpan(6 * n, n);
            var rank2ByRank3 = ints.AsSpan(7 * n, n);
            var grid = gridArray.AsSpan(0, side * side);
            grid.Clear();
            rank3ByRank2.Fill(-1);
            rank2ByRank3.Fill(-1);
            SortedCoordinates(x, n, [first, second, third], [firstOrder, secondOrder, thirdOrder]);
            for (var q = 0; q < n; q++)
            {
                rank2[o2[q]] = q;
                rank3[o3[q]] = q;
            }

            RangesByRank(c2, r, strict, first2, last2);
            RangesByRank(c3, r, strict, first3, last3);
            int lo = 0, hi = -1;
            for (var p = 0; p < n; p++)
            {
                if ((p & 4095) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                while (hi + 1 < n && Within(c1[hi + 1] - c1[p], r, strict))
                {
                    hi++;
                    var u = o1[hi];
                    rank3ByRank2[rank2[u]] = rank3[u];
                    rank2ByRank3[rank3[u]] = rank2[u];
                    GridAdd(grid, side, rank2[u] / blockSize, rank3[u] / blockSize, 1);
                }

                while (!Within(c1[p] - c1[lo], r, strict))
                {
                    var u = o1[lo];
                    rank3ByRank2[rank2[u]] = -1;
                    rank2ByRank3[rank3[u]] = -1;
                    GridAdd(grid, side, rank2[u] / blockSize, rank3[u] / blockSize, -1);
                    lo++;
                }

                var t = o1[p];
                var lo2 = first2[rank2[t]];
                var hi2 = last2[rank2[t]];
                var lo3 = first3[rank3[t]];
                var hi3 = last3[rank3[t]];

                // Whole blocks inside the box, per dimension (block b holds ranks [b·S, min((b + 1)·S, n) − 1]).
                var full2Lo = (lo2 + blockSize - 1) / blockSize;
                var full2Hi = hi2 == n - 1 ? blocks - 1 : ((hi2 + 1) / blockSize) - 1;
                var full3Lo = (lo3 + blockSize - 1) / blockSize;
                var full3Hi = hi3 == n - 1 ? blocks - 1 : ((hi3 + 1) / blockSize) - 1;
                var count = 0;
                if (full2Lo <= full2Hi)
                {
                    var inner2Lo = full2Lo * blockSize;
                    var inner2Hi = Math.Min((full2Hi + 1) * blockSize, n) - 1;

                    // Edge ranks of dimension 2 (both ends), any dimension-3 rank in range.
                    count += CountInRange(rank3ByRank2[lo2..inner2Lo], lo3, hi3);
                    count += CountInRange(rank3ByRank2[(inner2Hi + 1)..(hi2 + 1)], lo3, hi3);
                    if (full3Lo <= full3Hi)
                    {
                        count += GridRectangle(grid, side, full2Lo, full2Hi, full3Lo, full3Hi);
                        var inner3Lo = full3Lo * blockSize;
                        var inner3Hi = Math.Min((full3Hi + 1) * blockSize, n) - 1;

                        // Edge ranks of dimension 3 whose dimension-2 rank lies in the whole blocks.
                        count += CountInRange(rank2ByRank3[lo3..inner3Lo], inner2Lo, inner2Hi);
                        count += CountInRange(rank2ByRank3[(inner3Hi + 1)..(hi3 + 1)], inner2Lo, inner2Hi);
                    }
                    else
                    {
                        count += CountInRange(rank2ByRank3[lo3..(hi3 + 1)], inner2Lo, inner2Hi);
                    }
                }
                else
                {
                    count += CountInRange(rank3ByRank2[lo2..(hi2 + 1)], lo3, hi3);
                }

                counts[t] = count;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(first);
            ArrayPool<int>.Shared.Return(firstOrder);
            ArrayPool<double>.Shared.Return(second);
            ArrayPool<int>.Shared.Return(secondOrder);
            ArrayPool<double>.Shared.Return(third);
            ArrayPool<int>.Shared.Return(thirdOrder);
            ArrayPool<int>.Shared.Return(ints);
            ArrayPool<int>.Shared.Return(gridArray);
        }
    }

    /// <summary>How many values lie in [lo, hi]; −1 (not in the window) never does, since lo ≥ 0.</summary>
    private static int CountInRange(ReadOnlySpan<int> values, int lo, int hi)
    {
        var width = (uint)(hi - lo);
        var count = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<int>.Count)
        {
            var low = new Vector<uint>((uint)lo);
            var span = new Vector<uint>(width);
            var acc = Vector<int>.Zero;
            for (; i + Vector<int>.Count <= values.Length; i += Vector<int>.Count)
            {
                var v = Vector.AsVectorUInt32(new Vector<int>(values.Slice(i, Vector<int>.Count))) - low;
                acc -= Vector.AsVectorInt32(Vector.LessThanOrEqual(v, span));
            }

            count = Vector.Sum(acc);
        }

        for (; i < values.Length; i++)
        {
            if ((uint)(values[i] - lo) <= width)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Adds <paramref name="delta"/> to the template count of grid block (row, column). Each row of
    /// <paramref name="grid"/> holds running totals: entry c + 1 counts the active templates of that row in
    /// columns 0 … c (entry 0 stays 0), so an update touches the rest of one row (contiguous, SIMD) and a
    /// query reads two entries per row.
    /// </summary>
    private static void GridAdd(Span<int> grid, int side, int row, int column, int delta)
    {
        var line = grid.Slice((row * side) + column + 1, side - column - 1);
        var i = 0;
        if (Vector.IsHardwareAccelerated && line.Length >= Vector<int>.Count)
        {
            var step = new Vector<int>(delta);
            for (; i + Vector<int>.Count <= line.Length; i += Vector<int>.Count)
            {
                var slot = line.Slice(i, Vector<int>.Count);
                (new Vector<int>(slot) + step).CopyTo(slot);
            }
        }

        for (; i < line.Length; i++)
        {
            line[i] += delta;
        }
    }

    /// <summary>The active templates in grid blocks rows <paramref name="rowLo"/> … <paramref name="rowHi"/> × columns <paramref name="columnLo"/> … <paramref name="columnHi"/>.</summary>
    private static int GridRectangle(ReadOnlySpan<int> grid, int side, int rowLo, int rowHi, int columnLo, int columnHi)
    {
        var sum = 0;
        for (var row = rowLo; row <= rowHi; row++)
        {
            var line = grid.Slice(row * side, side);
            sum += line[columnHi + 1] - line[columnLo];
        }

        return sum;
    }

    private static void CountByScan(ReadOnlySpan<double> x, int k, int n, double r, bool strict, Span<int> counts, CancellationToken cancellationToken)
    {
        // Structure of arrays in first-coordinate order: coords[d * n + p] = x[order[p] + d].
        var coordsArray = ArrayPool<double>.Shared.Rent(k * n);
        var orderArray = ArrayPool<int>.Shared.Rent(n);
        var sortedCountsArray = ArrayPool<long>.Shared.Rent(n);
        try
        {
            var coords = coordsArray.AsSpan(0, k * n);
            var order = orderArray.AsSpan(0, n);
            var sortedCounts = sortedCountsArray.AsSpan(0, n);
            sortedCounts.Clear();
            var c1 = coords[..n];
            x[..n].CopyTo(c1);
            for (var i = 0; i < n; i++)
            {
                order[i] = i;
            }

            c1.Sort(order);
            for (var d = 1; d < k; d++)
            {
                var cd = coords.Slice(d * n, n);
                for (var p = 0; p < n; p++)
                {
                    cd[p] = x[order[p] + d];
                }
            }

            ScanGeneral(coords, k, n, r, strict, sortedCounts, cancellationToken);

            for (var p = 0; p < n; p++)
            {
                counts[order[p]] = checked((int)(sortedCounts[p] + 1));
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(coordsArray);
            ArrayPool<int>.Shared.Return(orderArray);
            ArrayPool<long>.Shared.Return(sortedCountsArray);
        }
    }

    private static void ScanGeneral(ReadOnlySpan<double> coords, int k, int n, double r, bool strict, Span<long> sortedCounts, CancellationToken cancellationToken)
    {
        var c1 = coords[..n];
        var hi = 0;
        for (var p = 0; p < n; p++)
        {
            if ((p & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (hi < p)
            {
                hi = p;
            }

            while (hi + 1 < n && Within(c1[hi + 1] - c1[p], r, strict))
            {
                hi++;
            }

            for (var q = p + 1; q <= hi; q++)
            {
                var match = true;
                for (var d = 1; d < k && match; d++)
                {
                    match = Within(Math.Abs(coords[(d * n) + q] - coords[(d * n) + p]), r, strict);
                }

                if (match)
                {
                    sortedCounts[p]++;
                    sortedCounts[q]++;
                }
            }
        }
    }
}
