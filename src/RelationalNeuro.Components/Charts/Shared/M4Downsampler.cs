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
/// <para>The selection is made in one pass by <see cref="M4Stream"/>, which a chart can feed point by point while it
/// walks its data (the tachogram does, so a 24-h recording needs no array of points); <see cref="Select"/> feeds it
/// from arrays.</para>
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

        var stream = new M4Stream(xStart, xEnd, columns);
        for (var i = 0; i < x.Length; i++)
        {
            stream.Add(i, x[i], y[i]);
        }

        var kept = stream.Finish();
        var indices = new int[kept.Length];
        for (var i = 0; i < kept.Length; i++)
        {
            indices[i] = kept[i].Index;
        }

        return indices;
    }
}
