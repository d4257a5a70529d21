namespace RelationalNeuro.Components.Charts;

/// <summary>
/// M4 downsampling for line charts: per pixel column, keep the first, last, minimum and maximum point.
/// </summary>
/// <remarks>
/// <para>U. Jugel, Z. Jerzak, G. Hackenbroich, V. Markl, "M4: A Visualization-Oriented Time Series Data Aggregation",
/// Proc. VLDB Endowment 7(10), 2014, pp. 797–808. A line drawn through the four extremes of every column is
/// pixel-identical to the line through all points rasterised at that column width (the paper's Theorem), so a
/// 24-hour recording (~100,000 beats) keeps its shape — every spike and dip — from a few hundred points.</para>
/// <para>Columns split [xStart, xEnd] into equal widths; a point left of xStart goes to the first column, right of
/// xEnd to the last. A point whose y is not finite (NaN) marks a gap: each column keeps the first such point too,
/// so a line broken inside a column stays broken. Output: indices into the input, strictly increasing (so time is
/// monotone), at most 5 per column (4 extremes and one gap marker), ties resolved to the earliest index.</para>
/// </remarks>
internal static class M4Downsampler
{
    /// <summary>Most indices one column contributes.</summary>
    public const int MaxPointsPerColumn = 5;

    /// <summary>
    /// The indices of the points to draw from <paramref name="x"/> (ascending) and <paramref name="y"/>, bucketed into
    /// <paramref name="columns"/> equal columns over [<paramref name="xStart"/>, <paramref name="xEnd"/>].
    /// </summary>
    /// <returns>Strictly increasing indices; all of them when there are no more points than columns.</returns>
    public static int[] Select(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double xStart, double xEnd, int columns)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"x and y differ in length ({x.Length} and {y.Length}).", nameof(y));
        }

        columns = Math.Max(1, columns);
        if (x.Length <= columns)
        {
            var all = new int[x.Length];
            for (var i = 0; i < all.Length; i++)
            {
                all[i] = i;
            }

            return all;
        }

        var width = xEnd > xStart && double.IsFinite(xEnd - xStart) ? (xEnd - xStart) / columns : 1;
        var result = new List<int>(Math.Min(x.Length, columns * MaxPointsPerColumn));
        Span<int> picked = stackalloc int[MaxPointsPerColumn];
        var i0 = 0;
        while (i0 < x.Length)
        {
            var column = ColumnOf(x[i0], xStart, width, columns);
            int first = -1, last = -1, min = -1, max = -1, gap = -1;
            var i = i0;
            for (; i < x.Length && ColumnOf(x[i], xStart, width, columns) == column; i++)
            {
                var v = y[i];
                if (!double.IsFinite(v))
                {
                    if (gap < 0)
                    {
                        gap = i;
                    }

                    continue;
                }

                if (first < 0)
                {
                    first = min = max = i;
                }

                last = i;
                if (v < y[min])
                {
                    min = i;
                }

                if (v > y[max])
                {
                    max = i;
                }
            }

            var n = 0;
            foreach (var candidate in (ReadOnlySpan<int>)[first, min, max, last, gap])
            {
                if (candidate >= 0 && !picked[..n].Contains(candidate))
                {
                    picked[n++] = candidate;
                }
            }

            picked[..n].Sort();
            foreach (var index in picked[..n])
            {
                result.Add(index);
            }

            i0 = i;
        }

        return [.. result];
    }

    private static int ColumnOf(double x, double xStart, double width, int columns)
    {
        var c = (x - xStart) / width;
        return c < 0 || double.IsNaN(c) ? 0 : c >= columns ? columns - 1 : (int)c;
    }
}
