using System.Buffers;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RelationalNeuro.Hrv.Kernels;

/// <summary>
/// Exact counting of template matches for sample and approximate entropy without visiting all pairs.
/// </summary>
/// <remarks>
/// <para>Template <c>t</c> of length <c>k</c> is <c>x[t..t+k)</c>; templates <c>i</c> and <c>j</c> match when
/// every coordinate satisfies <c>|x[i+d] − x[j+d]| ≤ r</c> (or <c>&lt; r</c> when strict): the Chebyshev
/// distance. Every comparison is made on the double <c>|a − b|</c> exactly as a pairwise loop would make it,
/// so the counts equal a brute-force O(n²) count bit for bit (the fast paths rely only on
/// <c>fl(b − a)</c> being monotone in <c>b</c>, which IEEE rounding guarantees, and on equal values comparing
/// alike with every other value).</para>
/// <para>All coordinates' sorted orders come from one sort of the series (O(n log n)); the two lengths an
/// entropy needs (m and m + 1) share that sort (<see cref="CountPerTemplateBothLengths"/>).
/// k = 1: two pointers over the sorted values, O(n). k = 2: slide a window over the templates sorted by the
/// first coordinate, and keep a Fenwick tree over the D distinct values of the second coordinate: each
/// template's count is one window query, O(n log D). k = 3: the same window, with the active templates in a
/// grid of blocks of the sorted second and third coordinates whose rows hold running totals over the columns.
/// A block is one distinct value where at least <see cref="BlockThreshold"/> templates hold it (nearly every value
/// on RR series quantised by the recorder's sampling clock), else a run of rare values of at most
/// S = max(16, ⌈n/256⌉) templates; the threshold is raised until there are at most 1,024 blocks per side. A query counts the whole blocks of its box with
/// two reads per row; a query box never cuts a one-value block, so only the runs of rare values at its edges are
/// checked template by template. Cost O(n (B + S)) for B ≤ max(1,024, 2⌈n/S⌉ + 1) blocks per side: linear in n
/// on quantised series, about n²/256 contiguous SIMD operations at worst (series without ties).
/// Series with few distinct values (RR quantised by the recorder's clock) take the value-grid path for k = 2 and 3 instead
/// (TemplateMatchCounter.ValueGrid.cs): box sums over histograms of the distinct values, O(n + D²).
/// k ≥ 4 (general path): sort by the first coordinate and compare the remaining coordinates of the pairs whose
/// first coordinates match, O(pairs in the window).</para>
/// </remarks>
internal static partial class TemplateMatchCounter
{
    /// <summary>Largest number of grid blocks per side (k = 3) the block choice aims for: 1,024 × 1,025 running totals, 4 MB.</summary>
    private const int MaximumGridBlocks = 1024;

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
        if (k > 3)
        {
            CountByScan(x, k, templateCount, r, strict, counts, cancellationToken);
            return;
        }

        SortThenCount(x[..(templateCount + k - 1)], k, templateCount, counts, 0, default, alsoNextLength: false, r, strict, cancellationToken);
    }

    /// <summary>
    /// <see cref="CountPerTemplateCancellable"/> for the template lengths <paramref name="k"/> (the first
    /// <paramref name="templatesK"/> templates) and k + 1 (the first <paramref name="templatesKPlusOne"/>), sharing
    /// one sort of the series; the counts are those of two separate calls.
    /// </summary>
    public static void CountPerTemplateBothLengths(
        ReadOnlySpan<double> x,
        int k,
        int templatesK,
        Span<int> countsK,
        int templatesKPlusOne,
        Span<int> countsKPlusOne,
        double r,
        bool strict,
        CancellationToken cancellationToken)
    {
        Check(x, k, templatesK, countsK.Length);
        Check(x, k + 1, templatesKPlusOne, countsKPlusOne.Length);
        if (k > 2)
        {
            CountPerTemplateCancellable(x, k, templatesK, r, strict, countsK, cancellationToken);
            CountPerTemplateCancellable(x, k + 1, templatesKPlusOne, r, strict, countsKPlusOne, cancellationToken);
            return;
        }

        var length = Math.Max(templatesK + k - 1, templatesKPlusOne + k);
        SortThenCount(x[..length], k, templatesK, countsK, templatesKPlusOne, countsKPlusOne, alsoNextLength: true, r, strict, cancellationToken);
    }

    /// <summary>
    /// Counts the length-<paramref name="k"/> templates, and the length-(k + 1) ones too when
    /// <paramref name="alsoNextLength"/>: on the value grid when the series has few distinct values
    /// (TemplateMatchCounter.ValueGrid.cs), else after one sort of <paramref name="x"/> (pooled buffers). The one body
    /// behind both public entry points.
    /// </summary>
    private static void SortThenCount(
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
        if (TryCountOnValueGrid(x, k, templatesK, countsK, templatesNext, countsNext, alsoNextLength, r, strict, cancellationToken))
        {
            return;
        }

        var sortedArray = ArrayPool<double>.Shared.Rent(x.Length);
        var indexArray = ArrayPool<int>.Shared.Rent(x.Length);
        try
        {
            var sorted = sortedArray.AsSpan(0, x.Length);
            var index = indexArray.AsSpan(0, x.Length);
            Sort(x, sorted, index);
            CountSorted(sorted, index, k, templatesK, r, strict, countsK, cancellationToken);
            if (alsoNextLength)
            {
                CountSorted(sorted, index, k + 1, templatesNext, r, strict, countsNext, cancellationToken);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(sortedArray);
            ArrayPool<int>.Shared.Return(indexArray);
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
            return PairsFromCounts(counts);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>Ordered pairs (i ≠ j) of matching templates from per-template counts that include the self-match: Σ counts − templates.</summary>
    public static long PairsFromCounts(ReadOnlySpan<int> counts)
    {
        long total = 0;
        foreach (var c in counts)
        {
            total += c;
        }

        return total - counts.Length;
    }

    private static void Check(ReadOnlySpan<double> x, int k, int templateCount, int countsLength)
    {
        if (k < 1 || templateCount < 0 || templateCount + k - 1 > x.Length || countsLength < templateCount)
        {
            throw new ArgumentOutOfRangeException(nameof(templateCount), templateCount, "templates do not fit the series");
        }
    }

    private static bool Within(double difference, double r, bool strict) => strict ? difference < r : difference <= r;

    /// <summary>The values of <paramref name="x"/> ascending in <paramref name="sorted"/>, with their indices in <paramref name="index"/>.</summary>
    private static void Sort(ReadOnlySpan<double> x, Span<double> sorted, Span<int> index)
    {
        x.CopyTo(sorted);
        for (var i = 0; i < index.Length; i++)
        {
            index[i] = i;
        }

        sorted.Sort(index);
    }

    /// <summary>Counts for k ≤ 3 from a sort of (at least) the first n + k − 1 values.</summary>
    private static void CountSorted(ReadOnlySpan<double> sorted, ReadOnlySpan<int> index, int k, int n, double r, bool strict, Span<int> counts, CancellationToken cancellationToken)
    {
        switch (k)
        {
            case 1:
                CountOneDimension(sorted, index, n, r, strict, counts);
                break;
            case 2:
                CountTwoDimensions(sorted, index, n, r, strict, counts);
                break;
            default:
                CountThreeDimensions(sorted, index, n, r, strict, counts, cancellationToken);
                break;
        }
    }

    private static void CountOneDimension(ReadOnlySpan<double> sorted, ReadOnlySpan<int> index, int n, double r, bool strict, Span<int> counts)
    {
        var values = ArrayPool<double>.Shared.Rent(n);
        var order = ArrayPool<int>.Shared.Rent(n);
        try
        {
            SortedCoordinates(sorted, index, n, [values], [order]);
            var v = values.AsSpan(0, n);
            var o = order.AsSpan(0, n);
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

    /// <summary>
    /// k = 2. A window slides over the templates sorted by the first coordinate; a Fenwick tree over the distinct
    /// values of the second coordinate holds the window, and each template's count is one range query.
    /// </summary>
    private static void CountTwoDimensions(ReadOnlySpan<double> sorted, ReadOnlySpan<int> index, int n, double r, bool strict, Span<int> counts)
    {
        var first = ArrayPool<double>.Shared.Rent(n);
        var firstOrder = ArrayPool<int>.Shared.Rent(n);
        var second = ArrayPool<double>.Shared.Rent(n);
        var secondOrder = ArrayPool<int>.Shared.Rent(n);
        var ints = ArrayPool<int>.Shared.Rent(5 * n);
        var fenwick = ArrayPool<int>.Shared.Rent(n + 1);
        try
        {
            var c1 = first.AsSpan(0, n);
            var o1 = firstOrder.AsSpan(0, n);
            var c2 = second.AsSpan(0, n);
            var o2 = secondOrder.AsSpan(0, n);
            var dense2 = ints.AsSpan(0, n);
            var first2 = ints.AsSpan(n, n);
            var last2 = ints.AsSpan(2 * n, n);
            var queryLo = ints.AsSpan(3 * n, n);
            var queryHi = ints.AsSpan(4 * n, n);
            SortedCoordinates(sorted, index, n, [first, second], [firstOrder, secondOrder]);
            var distinct = DenseRanks(c2, dense2);
            RangesByRank(c2, r, strict, first2, last2);

            // Per template (indexed by template): the dense range of its query, then its own dense second value
            // (in first2, which is not read again).
            var key = first2;
            for (var q = 0; q < n; q++)
            {
                var t = o2[q];
                queryLo[t] = dense2[first2[q]];
                queryHi[t] = dense2[last2[q]];
            }

            for (var q = 0; q < n; q++)
            {
                key[o2[q]] = dense2[q];
            }

            var tree = fenwick.AsSpan(0, distinct + 1);
            tree.Clear();
            int lo = 0, hi = -1;
            for (var p = 0; p < n; p++)
            {
                // Window over the first coordinate: sorted positions [lo, hi] within r of c1[p].
                while (hi + 1 < n && Within(c1[hi + 1] - c1[p], r, strict))
                {
                    hi++;
                    FenwickAdd(tree, key[o1[hi]], 1);
                }

                while (!Within(c1[p] - c1[lo], r, strict))
                {
                    FenwickAdd(tree, key[o1[lo]], -1);
                    lo++;
                }

                var t = o1[p];
                counts[t] = FenwickPrefix(tree, queryHi[t]) - FenwickPrefix(tree, queryLo[t] - 1);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(first);
            ArrayPool<int>.Shared.Return(firstOrder);
            ArrayPool<double>.Shared.Return(second);
            ArrayPool<int>.Shared.Return(secondOrder);
            ArrayPool<int>.Shared.Return(ints);
            ArrayPool<int>.Shared.Return(fenwick);
        }
    }

    /// <summary>For ascending <paramref name="sorted"/>, the index of each position's value among the distinct values (0, 1, …); returns how many there are.</summary>
    private static int DenseRanks(ReadOnlySpan<double> sorted, Span<int> dense)
    {
        if (sorted.IsEmpty)
        {
            return 0;
        }

        var d = 0;
        dense[0] = 0;
        for (var q = 1; q < sorted.Length; q++)
        {
            if (sorted[q] != sorted[q - 1])
            {
                d++;
            }

            dense[q] = d;
        }

        return d + 1;
    }

    /// <summary>
    /// The coordinates d = 0 … k − 1 (k = the number of <paramref name="values"/> arrays) of the first
    /// <paramref name="n"/> templates, each sorted ascending with its template indices: coordinate d of template t
    /// is x[t + d], so all k sorted lists are read off one sort of x (<paramref name="sorted"/> with the original
    /// indices <paramref name="index"/>, at least n + k − 1 values) by keeping the entries whose index minus d is a template.
    /// </summary>
    private static void SortedCoordinates(ReadOnlySpan<double> sorted, ReadOnlySpan<int> index, int n, ReadOnlySpan<double[]> values, ReadOnlySpan<int[]> orders)
    {
        for (var d = 0; d < values.Length; d++)
        {
            var v = values[d].AsSpan(0, n);
            var o = orders[d].AsSpan(0, n);
            var position = 0;
            for (var q = 0; q < sorted.Length; q++)
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

    /// <summary>
    /// For each position q of ascending <paramref name="sorted"/>, the first and last positions within r of it
    /// (both monotone in q, so two pointers find them in O(n)). Equal values get equal ranges, so a range never
    /// splits a run of equal values.
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
    /// Cuts the positions 0 … n − 1 of ascending <paramref name="sorted"/> into grid blocks: a run of equal values
    /// with at least <paramref name="threshold"/> templates is a block of its own; rarer values are gathered, in
    /// order, into blocks of at most <paramref name="maxRun"/> templates (a block never spans a frequent value).
    /// With threshold = maxRun any two neighbouring blocks hold more than maxRun templates, so there are at most
    /// 2⌈n/maxRun⌉ + 1 blocks. Writes each position's block and each block's first position (plus n at the end)
    /// unless <paramref name="blockOf"/> is empty; returns the number of blocks and whether some block holds more
    /// than one distinct value (only such a block can be cut by a query box).
    /// </summary>
    private static (int Blocks, bool Mixed) CutBlocks(ReadOnlySpan<double> sorted, int threshold, int maxRun, Span<int> blockOf, Span<int> blockStart)
    {
        var n = sorted.Length;
        var write = !blockOf.IsEmpty;
        var blocks = 0;
        var mixed = false;
        var runStart = -1; // first position of the open block of rare values, or −1
        var q = 0;
        while (q < n)
        {
            var end = q + 1;
            while (end < n && sorted[end] == sorted[q])
            {
                end++;
            }

            if (end - q >= threshold)
            {
                runStart = -1;
                if (write)
                {
                    blockStart[blocks] = q;
                    blockOf[q..end].Fill(blocks);
                }

                blocks++;
            }
            else
            {
                if (runStart < 0 || end - runStart > maxRun)
                {
                    runStart = q;
                    if (write)
                    {
                        blockStart[blocks] = q;
                    }

                    blocks++;
                }
                else
                {
                    mixed = true;
                }

                if (write)
                {
                    blockOf[q..end].Fill(blocks - 1);
                }
            }

            q = end;
        }

        if (write)
        {
            blockStart[blocks] = n;
        }

        return (blocks, mixed);
    }

    /// <summary>The threshold <see cref="CutBlocks"/> uses: <see cref="BlockThreshold"/> (a value's templates) where that gives at most <paramref name="maxBlocks"/> blocks, else the smallest power of two that does, else <paramref name="maxRun"/>.</summary>
    private static int ChooseThreshold(ReadOnlySpan<double> sorted, int maxRun, int maxBlocks)
    {
        for (var g = Math.Min(BlockThreshold, maxRun); ; g = Math.Min(2 * g, maxRun))
        {
            if (g == maxRun || CutBlocks(sorted, g, maxRun, default, default).Blocks <= maxBlocks)
            {
                return g;
            }
        }
    }

    /// <summary>Default of <see cref="BlockThreshold"/>: on the 24-h reference series 1–64 all run within about 20 % of each other, 4 among the fastest.</summary>
    private const int DefaultBlockThreshold = 4;

    [ThreadStatic]
    private static int t_blockThreshold;

    /// <summary>
    /// Templates a value needs to get a grid block of its own (k = 3) on the calling thread; rarer values share blocks
    /// and are checked one by one at a query's edges. Tests set it (then reset it to 0, the default) to drive every path.
    /// </summary>
    internal static int BlockThreshold
    {
        get => t_blockThreshold > 0 ? t_blockThreshold : DefaultBlockThreshold;
        set => t_blockThreshold = value;
    }

    /// <summary>
    /// k = 3. A window slides over the templates sorted by the first coordinate (as for k = 2); the active
    /// templates are kept in a grid over (block of the 2nd coordinate, block of the 3rd coordinate), see
    /// <see cref="CutBlocks"/>, whose rows hold running totals over the columns. A query counts the whole
    /// blocks inside its rank box from two entries per row and checks the templates in the partial blocks at the
    /// box edges one by one (only blocks of rare values can be partial; at most about 4·S templates). What the
    /// sweep needs per template is laid out in first-coordinate order beforehand, so the sweep reads it in order.
    /// </summary>
    private static void CountThreeDimensions(ReadOnlySpan<double> sorted, ReadOnlySpan<int> index, int n, double r, bool strict, Span<int> counts, CancellationToken cancellationToken)
    {
        var maxRun = Math.Max(16, (n + 255) / 256);
        var maxBlocks = Math.Min(MaximumGridBlocks, 8 * maxRun);
        var first = ArrayPool<double>.Shared.Rent(n);
        var firstOrder = ArrayPool<int>.Shared.Rent(n);
        var second = ArrayPool<double>.Shared.Rent(n);
        var secondOrder = ArrayPool<int>.Shared.Rent(n);
        var third = ArrayPool<double>.Shared.Rent(n);
        var thirdOrder = ArrayPool<int>.Shared.Rent(n);
        var ints = ArrayPool<int>.Shared.Rent((17 * n) + 2);
        int[]? gridArray = null;
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
            var blockOf2 = ints.AsSpan(8 * n, n);
            var blockOf3 = ints.AsSpan(9 * n, n);
            var blockStart2 = ints.AsSpan(10 * n, n + 1);
            var blockStart3 = ints.AsSpan((11 * n) + 1, n + 1);

            // In first-coordinate order p: the grid entry where the template's running totals start, and its
            // query box in whole blocks (rows rowLo … rowHi, running-total entries columnLo and columnHi), rowLo = −1
            // when the box cuts a block and the edges must be checked.
            var entry = ints.AsSpan((12 * n) + 2, n);
            var rowLo = ints.AsSpan((13 * n) + 2, n);
            var rowHi = ints.AsSpan((14 * n) + 2, n);
            var columnLo = ints.AsSpan((15 * n) + 2, n);
            var columnHi = ints.AsSpan((16 * n) + 2, n);
            SortedCoordinates(sorted, index, n, [first, second, third], [firstOrder, secondOrder, thirdOrder]);
            for (var q = 0; q < n; q++)
            {
                rank2[o2[q]] = q;
                rank3[o3[q]] = q;
            }

            RangesByRank(c2, r, strict, first2, last2);
            RangesByRank(c3, r, strict, first3, last3);
            var (rows, mixed2) = CutBlocks(c2, ChooseThreshold(c2, maxRun, maxBlocks), maxRun, blockOf2, blockStart2);
            var (columns, mixed3) = CutBlocks(c3, ChooseThreshold(c3, maxRun, maxBlocks), maxRun, blockOf3, blockStart3);
            var mixed = mixed2 || mixed3;
            var side = columns + 1;
            for (var p = 0; p < n; p++)
            {
                var t = o1[p];
                var q2 = rank2[t];
                var q3 = rank3[t];
                entry[p] = (blockOf2[q2] * side) + blockOf3[q3] + 1;
                var lo2 = first2[q2];
                var hi2 = last2[q2];
                var lo3 = first3[q3];
                var hi3 = last3[q3];
                var whole = blockStart2[blockOf2[lo2]] == lo2 && blockStart2[blockOf2[hi2] + 1] == hi2 + 1
                    && blockStart3[blockOf3[lo3]] == lo3 && blockStart3[blockOf3[hi3] + 1] == hi3 + 1;
                rowLo[p] = whole ? blockOf2[lo2] : -1;
                rowHi[p] = blockOf2[hi2];
                columnLo[p] = blockOf3[lo3];
                columnHi[p] = blockOf3[hi3] + 1;
            }

            gridArray = ArrayPool<int>.Shared.Rent(rows * side);
            var grid = gridArray.AsSpan(0, rows * side);
            grid.Clear();
            if (mixed)
            {
                rank3ByRank2.Fill(-1);
                rank2ByRank3.Fill(-1);
            }

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
                    RowAdd(grid, entry[hi], side, 1);
                    if (mixed)
                    {
                        var u = o1[hi];
                        rank3ByRank2[rank2[u]] = rank3[u];
                        rank2ByRank3[rank3[u]] = rank2[u];
                    }
                }

                while (!Within(c1[p] - c1[lo], r, strict))
                {
                    RowAdd(grid, entry[lo], side, -1);
                    if (mixed)
                    {
                        var u = o1[lo];
                        rank3ByRank2[rank2[u]] = -1;
                        rank2ByRank3[rank3[u]] = -1;
                    }

                    lo++;
                }

                var t = o1[p];
                counts[t] = rowLo[p] >= 0
                    ? GridRectangle(grid, side, rowLo[p], rowHi[p], columnLo[p], columnHi[p])
                    : CountWithEdges(grid, side, first2[rank2[t]], last2[rank2[t]], first3[rank3[t]], last3[rank3[t]], blockOf2, blockStart2, blockOf3, blockStart3, rank3ByRank2, rank2ByRank3);
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
            if (gridArray is not null)
            {
                ArrayPool<int>.Shared.Return(gridArray);
            }
        }
    }

    /// <summary>
    /// The active templates in the rank box [lo2, hi2] × [lo3, hi3] when it cuts blocks: whole blocks from the grid,
    /// the ranks in the cut blocks one by one.
    /// </summary>
    private static int CountWithEdges(
        ReadOnlySpan<int> grid,
        int side,
        int lo2,
        int hi2,
        int lo3,
        int hi3,
        ReadOnlySpan<int> blockOf2,
        ReadOnlySpan<int> blockStart2,
        ReadOnlySpan<int> blockOf3,
        ReadOnlySpan<int> blockStart3,
        ReadOnlySpan<int> rank3ByRank2,
        ReadOnlySpan<int> rank2ByRank3)
    {
        // Whole blocks inside the box, per dimension.
        var full2Lo = blockStart2[blockOf2[lo2]] == lo2 ? blockOf2[lo2] : blockOf2[lo2] + 1;
        var full2Hi = blockStart2[blockOf2[hi2] + 1] == hi2 + 1 ? blockOf2[hi2] : blockOf2[hi2] - 1;
        var full3Lo = blockStart3[blockOf3[lo3]] == lo3 ? blockOf3[lo3] : blockOf3[lo3] + 1;
        var full3Hi = blockStart3[blockOf3[hi3] + 1] == hi3 + 1 ? blockOf3[hi3] : blockOf3[hi3] - 1;
        if (full2Lo > full2Hi)
        {
            return CountInRange(rank3ByRank2[lo2..(hi2 + 1)], lo3, hi3);
        }

        var inner2Lo = blockStart2[full2Lo];
        var inner2Hi = blockStart2[full2Hi + 1] - 1;

        // Edge ranks of dimension 2 (both ends), any dimension-3 rank in range.
        var count = CountInRange(rank3ByRank2[lo2..inner2Lo], lo3, hi3) + CountInRange(rank3ByRank2[(inner2Hi + 1)..(hi2 + 1)], lo3, hi3);
        if (full3Lo > full3Hi)
        {
            return count + CountInRange(rank2ByRank3[lo3..(hi3 + 1)], inner2Lo, inner2Hi);
        }

        // Whole blocks, then edge ranks of dimension 3 whose dimension-2 rank lies in the whole blocks.
        var inner3Lo = blockStart3[full3Lo];
        var inner3Hi = blockStart3[full3Hi + 1] - 1;
        return count
            + GridRectangle(grid, side, full2Lo, full2Hi, full3Lo, full3Hi + 1)
            + CountInRange(rank2ByRank3[lo3..inner3Lo], inner2Lo, inner2Hi)
            + CountInRange(rank2ByRank3[(inner3Hi + 1)..(hi3 + 1)], inner2Lo, inner2Hi);
    }

    /// <summary>How many values lie in [lo, hi]; −1 (not in the window) never does, since lo ≥ 0.</summary>
    private static int CountInRange(ReadOnlySpan<int> values, int lo, int hi)
    {
        var width = (uint)(hi - lo);
        var count = 0;
        var i = 0;
        ref var start = ref MemoryMarshal.GetReference(values);
        if (Vector256.IsHardwareAccelerated && values.Length >= Vector256<int>.Count)
        {
            var low = Vector256.Create((uint)lo);
            var span = Vector256.Create(width);
            var acc = Vector256<int>.Zero;
            for (; i + Vector256<int>.Count <= values.Length; i += Vector256<int>.Count)
            {
                var v = Vector256.LoadUnsafe(ref start, (nuint)i).AsUInt32() - low;
                acc -= Vector256.LessThanOrEqual(v, span).AsInt32();
            }

            count = Vector256.Sum(acc);
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
    /// Adds <paramref name="delta"/> to the running totals of one grid row from <paramref name="entry"/> to the end of
    /// its row. Each row of the grid holds running totals: entry c + 1 counts the active templates of that row in
    /// column blocks 0 … c (entry 0 stays 0), so an update touches the rest of one row (contiguous, SIMD) and a
    /// query reads two entries per row.
    /// </summary>
    private static void RowAdd(Span<int> grid, int entry, int side, int delta)
    {
        var line = grid[entry..(entry - (entry % side) + side)];
        ref var start = ref MemoryMarshal.GetReference(line);
        var length = line.Length;
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var step = Vector512.Create(delta);
            for (; i + Vector512<int>.Count <= length; i += Vector512<int>.Count)
            {
                (Vector512.LoadUnsafe(ref start, (nuint)i) + step).StoreUnsafe(ref start, (nuint)i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            var step = Vector256.Create(delta);
            for (; i + Vector256<int>.Count <= length; i += Vector256<int>.Count)
            {
                (Vector256.LoadUnsafe(ref start, (nuint)i) + step).StoreUnsafe(ref start, (nuint)i);
            }
        }

        for (; i < length; i++)
        {
            line[i] += delta;
        }
    }

    /// <summary>The active templates in grid rows <paramref name="rowLo"/> … <paramref name="rowHi"/> between running-total entries <paramref name="entryLo"/> (exclusive) and <paramref name="entryHi"/> (inclusive), i.e. column blocks entryLo … entryHi − 1.</summary>
    private static int GridRectangle(ReadOnlySpan<int> grid, int side, int rowLo, int rowHi, int entryLo, int entryHi)
    {
        var sum = 0;
        var rowsEnd = (rowHi + 1) * side;
        for (var offset = rowLo * side; offset < rowsEnd; offset += side)
        {
            sum += grid[offset + entryHi] - grid[offset + entryLo];
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
