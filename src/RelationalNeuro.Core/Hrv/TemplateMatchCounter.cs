using System.Buffers;
using System.Numerics;

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
/// window query, O(n log n). k ≥ 3: sort by the first coordinate and scan only the pairs whose first
/// coordinates match, comparing the remaining coordinates with SIMD; each pair is visited once and
/// credited to both templates.</para>
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

            if (k == 3)
            {
                ScanThree(coords, n, r, strict, sortedCounts);
            }
            else
            {
                ScanGeneral(coords, k, n, r, strict, sortedCounts);
            }

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

    /// <summary>Pairs p &lt; q in first-coordinate order whose first coordinates match, checked on coordinates 2 and 3 with SIMD.</summary>
    private static void ScanThree(ReadOnlySpan<double> coords, int n, double r, bool strict, Span<long> sortedCounts)
    {
        var c1 = coords[..n];
        var c2 = coords.Slice(n, n);
        var c3 = coords.Slice(2 * n, n);
        var width = Vector<double>.Count;
        var rv = new Vector<double>(r);
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

            var a2 = new Vector<double>(c2[p]);
            var a3 = new Vector<double>(c3[p]);
            var q = p + 1;
            var own = Vector<long>.Zero;
            for (; q + width <= hi + 1; q += width)
            {
                var d2 = Vector.Abs(new Vector<double>(c2.Slice(q, width)) - a2);
                var d3 = Vector.Abs(new Vector<double>(c3.Slice(q, width)) - a3);
                var match = strict
                    ? Vector.BitwiseAnd(Vector.LessThan(d2, rv), Vector.LessThan(d3, rv))
                    : Vector.BitwiseAnd(Vector.LessThanOrEqual(d2, rv), Vector.LessThanOrEqual(d3, rv));
                if (match == Vector<long>.Zero)
                {
                    continue;
                }

                own += match; // all-ones lanes are −1
                var target = sortedCounts.Slice(q, width);
                (new Vector<long>(target) - match).CopyTo(target);
            }

            var ownCount = -Vector.Sum(own);
            for (; q <= hi; q++)
            {
                if (Within(Math.Abs(c2[q] - c2[p]), r, strict) && Within(Math.Abs(c3[q] - c3[p]), r, strict))
                {
                    ownCount++;
                    sortedCounts[q]++;
                }
            }

            sortedCounts[p] += ownCount;
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
