using System.Buffers;

namespace RelationalNeuro.Hrv;

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
/// blocks of the second and third coordinates under a 2-D Fenwick tree; whole blocks are counted from the
/// tree and the partial blocks at the edges of the query box template by template:
/// O(n (log²(n/S) + S)) with S = max(16, ⌈n/1024⌉). k ≥ 4 (general path): sort by the first coordinate
/// and compare the remaining coordinates of the pairs whose first coordinates match, O(pairs in the
/// window).</para>
/// </remarks>
internal static class TemplateMatchCounter
{
    /// <summary>
    /// For each template t in [0, templateCount), the number of templates (itself included) within the
    /// tolerance, written to <paramref name="counts"/>.
    /// </summary>
    public static void CountPerTemplate(ReadOnlySpan<double> x, int k, int templateCount, double r, bool strict, Span<int> counts)
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
                CountThreeDimensions(x, templateCount, r, strict, counts);
                break;
            default:
                CountByScan(x, k, templateCount, r, strict, counts);
                break;
        }
    }

    /// <summary>The number of ordered pairs (i, j), i ≠ j, of matching templates among the first <paramref name="templateCount"/>.</summary>
    public static long CountPairs(ReadOnlySpan<double> x, int k, int templateCount, double r, bool strict)
    {
        var rented = ArrayPool<int>.Shared.Rent(templateCount);
        try
        {
            var counts = rented.AsSpan(0, templateCount);
            CountPerTemplate(x, k, templateCount, r, strict, counts);
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
        var rank = ArrayPool<int>.Shared.Rent(n);
        var fenwick = ArrayPool<int>.Shared.Rent(n + 1);
        try
        {
            var c1 = first.AsSpan(0, n);
            var o1 = firstOrder.AsSpan(0, n);
            var c2 = second.AsSpan(0, n);
            var o2 = secondOrder.AsSpan(0, n);
            var rank2 = rank.AsSpan(0, n);
            var tree = fenwick.AsSpan(0, n + 1);
            tree.Clear();
            x[..n].CopyTo(c1);
            x.Slice(1, n).CopyTo(c2);
            for (var i = 0; i < n; i++)
            {
                o1[i] = i;
                o2[i] = i;
            }

            c1.Sort(o1);
            c2.Sort(o2);
            for (var q = 0; q < n; q++)
            {
                rank2[o2[q]] = q;
            }

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

                // Range of the second coordinate, in sorted order, within r of this template's second value.
                var t = o1[p];
                var own = rank2[t];
                var centre = c2[own];
                var from = FirstWithin(c2, own, centre, r, strict);
                var to = LastWithin(c2, own, centre, r, strict);
                counts[t] = FenwickPrefix(tree, to) - FenwickPrefix(tree, from - 1);
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

    /// <summary>Smallest sorted position q ≤ own with centre − sorted[q] within r (monotone in q).</summary>
    private static int FirstWithin(ReadOnlySpan<double> sorted, int own, double centre, double r, bool strict)
    {
        int lo = 0, hi = own;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Within(centre - sorted[mid], r, strict))
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>Largest sorted position q ≥ own with sorted[q] − centre within r (monotone in q).</summary>
    private static int LastWithin(ReadOnlySpan<double> sorted, int own, double centre, double r, bool strict)
    {
        int lo = own, hi = sorted.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (Within(sorted[mid] - centre, r, strict))
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
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
    /// templates are kept in a grid over (rank of 2nd coordinate / S, rank of 3rd coordinate / S) with a 2-D
    /// Fenwick tree. A query counts the whole grid blocks inside its rank box from the tree and checks the
    /// templates in the partial blocks at the box edges one by one (at most about 4·S of them).
    /// </summary>
    private static void CountThreeDimensions(ReadOnlySpan<double> x, int n, double r, bool strict, Span<int> counts)
    {
        var blockSize = Math.Max(16, (n + 1023) / 1024);
        var blocks = (n + blockSize - 1) / blockSize;
        var side = blocks + 1;
        var first = ArrayPool<double>.Shared.Rent(n);
        var firstOrder = ArrayPool<int>.Shared.Rent(n);
        var second = ArrayPool<double>.Shared.Rent(n);
        var secondOrder = ArrayPool<int>.Shared.Rent(n);
        var third = ArrayPool<double>.Shared.Rent(n);
        var thirdOrder = ArrayPool<int>.Shared.Rent(n);
        var ranks = ArrayPool<int>.Shared.Rent(2 * n);
        var activeArray = ArrayPool<bool>.Shared.Rent(n);
        var treeArray = ArrayPool<int>.Shared.Rent(side * side);
        try
        {
            var c1 = first.AsSpan(0, n);
            var o1 = firstOrder.AsSpan(0, n);
            var c2 = second.AsSpan(0, n);
            var o2 = secondOrder.AsSpan(0, n);
            var c3 = third.AsSpan(0, n);
            var o3 = thirdOrder.AsSpan(0, n);
            var rank2 = ranks.AsSpan(0, n);
            var rank3 = ranks.AsSpan(n, n);
            var active = activeArray.AsSpan(0, n);
            var tree = treeArray.AsSpan(0, side * side);
            active.Clear();
            tree.Clear();
            x[..n].CopyTo(c1);
            x.Slice(1, n).CopyTo(c2);
            x.Slice(2, n).CopyTo(c3);
            for (var i = 0; i < n; i++)
            {
                o1[i] = i;
                o2[i] = i;
                o3[i] = i;
            }

            c1.Sort(o1);
            c2.Sort(o2);
            c3.Sort(o3);
            for (var q = 0; q < n; q++)
            {
                rank2[o2[q]] = q;
                rank3[o3[q]] = q;
            }

            int lo = 0, hi = -1;
            for (var p = 0; p < n; p++)
            {
                while (hi + 1 < n && Within(c1[hi + 1] - c1[p], r, strict))
                {
                    hi++;
                    var u = o1[hi];
                    active[u] = true;
                    GridAdd(tree, side, rank2[u] / blockSize, rank3[u] / blockSize, 1);
                }

                while (!Within(c1[p] - c1[lo], r, strict))
                {
                    var u = o1[lo];
                    active[u] = false;
                    GridAdd(tree, side, rank2[u] / blockSize, rank3[u] / blockSize, -1);
                    lo++;
                }

                var t = o1[p];
                var own2 = rank2[t];
                var own3 = rank3[t];
                var lo2 = FirstWithin(c2, own2, c2[own2], r, strict);
                var hi2 = LastWithin(c2, own2, c2[own2], r, strict);
                var lo3 = FirstWithin(c3, own3, c3[own3], r, strict);
                var hi3 = LastWithin(c3, own3, c3[own3], r, strict);

                // Whole blocks inside the box, per dimension (block b holds ranks [b·S, min((b + 1)·S, n) − 1]).
                var full2Lo = (lo2 + blockSize - 1) / blockSize;
                var full2Hi = hi2 == n - 1 ? blocks - 1 : ((hi2 + 1) / blockSize) - 1;
                var full3Lo = (lo3 + blockSize - 1) / blockSize;
                var full3Hi = hi3 == n - 1 ? blocks - 1 : ((hi3 + 1) / blockSize) - 1;
                var count = 0;
                int inner2Lo, inner2Hi;
                if (full2Lo <= full2Hi)
                {
                    inner2Lo = full2Lo * blockSize;
                    inner2Hi = Math.Min((full2Hi + 1) * blockSize, n) - 1;
                    if (full3Lo <= full3Hi)
                    {
                        count += GridRectangle(tree, side, full2Lo, full2Hi, full3Lo, full3Hi);
                    }
                }
                else
                {
                    inner2Lo = hi2 + 1; // no whole block: every rank of [lo2, hi2] is an edge rank
                    inner2Hi = hi2;
                }

                // Edge ranks of dimension 2, any rank of dimension 3 in range.
                for (var q = lo2; q <= hi2; q++)
                {
                    if (q == inner2Lo && inner2Lo <= inner2Hi)
                    {
                        q = inner2Hi;
                        continue;
                    }

                    var u = o2[q];
                    if (active[u] && rank3[u] >= lo3 && rank3[u] <= hi3)
                    {
                        count++;
                    }
                }

                // Edge ranks of dimension 3 whose dimension-2 rank is in the whole blocks (the rest was counted above).
                if (inner2Lo <= inner2Hi)
                {
                    int inner3Lo, inner3Hi;
                    if (full3Lo <= full3Hi)
                    {
                        inner3Lo = full3Lo * blockSize;
                        inner3Hi = Math.Min((full3Hi + 1) * blockSize, n) - 1;
                    }
                    else
                    {
                        inner3Lo = hi3 + 1;
                        inner3Hi = hi3;
                    }

                    for (var q = lo3; q <= hi3; q++)
                    {
                        if (q == inner3Lo && inner3Lo <= inner3Hi)
                        {
                            q = inner3Hi;
                            continue;
                        }

                        var u = o3[q];
                        if (active[u] && rank2[u] >= inner2Lo && rank2[u] <= inner2Hi)
                        {
                            count++;
                        }
                    }
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
            ArrayPool<int>.Shared.Return(ranks);
            ArrayPool<bool>.Shared.Return(activeArray);
            ArrayPool<int>.Shared.Return(treeArray);
        }
    }

    private static void GridAdd(Span<int> tree, int side, int row, int column, int delta)
    {
        for (var i = row + 1; i < side; i += i & -i)
        {
            var line = tree.Slice(i * side, side);
            for (var j = column + 1; j < side; j += j & -j)
            {
                line[j] += delta;
            }
        }
    }

    private static int GridPrefix(ReadOnlySpan<int> tree, int side, int row, int column)
    {
        var sum = 0;
        for (var i = row + 1; i > 0; i -= i & -i)
        {
            var line = tree.Slice(i * side, side);
            for (var j = column + 1; j > 0; j -= j & -j)
            {
                sum += line[j];
            }
        }

        return sum;
    }

    private static int GridRectangle(ReadOnlySpan<int> tree, int side, int rowLo, int rowHi, int columnLo, int columnHi) =>
        GridPrefix(tree, side, rowHi, columnHi)
        - GridPrefix(tree, side, rowLo - 1, columnHi)
        - GridPrefix(tree, side, rowHi, columnLo - 1)
        + GridPrefix(tree, side, rowLo - 1, columnLo - 1);

    private static void CountByScan(ReadOnlySpan<double> x, int k, int n, double r, bool strict, Span<int> counts)
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

            ScanGeneral(coords, k, n, r, strict, sortedCounts);

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

    private static void ScanGeneral(ReadOnlySpan<double> coords, int k, int n, double r, bool strict, Span<long> sortedCounts)
    {
        var c1 = coords[..n];
        var hi = 0;
        for (var p = 0; p < n; p++)
        {
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
