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

/// <summary>A point M4 keeps: its index in the input and its coordinates.</summary>
/// <param name="Index">The point's index in the order it was added.</param>
/// <param name="X">Its x (the bucketed coordinate).</param>
/// <param name="Y">Its y; NaN marks a gap.</param>
internal readonly record struct M4Point(int Index, double X, double Y);

/// <summary>
/// M4 (<see cref="M4Downsampler"/>) in one pass: add points in ascending x, then <see cref="Finish"/> gives the points
/// kept — all of them when no more points than columns were added. Memory is bounded by the columns, not the points.
/// </summary>
internal sealed class M4Stream
{
    private readonly double _xStart;
    private readonly double _width;
    private readonly int _columns;
    private readonly M4Point[] _all;     // every point while there are no more than the columns
    private readonly List<M4Point> _kept;
    private int _count;
    private int _column = -1;
    private M4Point _first;
    private M4Point _min;
    private M4Point _max;
    private M4Point _last;
    private M4Point _gap;
    private bool _hasFinite;
    private bool _hasGap;

    /// <summary>Columns of equal width over [<paramref name="xStart"/>, <paramref name="xEnd"/>] (at least 1).</summary>
    public M4Stream(double xStart, double xEnd, int columns)
    {
        _columns = Math.Max(1, columns);
        _xStart = xStart;
        _width = xEnd > xStart && double.IsFinite(xEnd - xStart) ? (xEnd - xStart) / _columns : 1;
        _all = new M4Point[_columns];
        _kept = new List<M4Point>(_columns * M4Downsampler.MaxPointsPerColumn);
    }

    /// <summary>Adds the next point; <paramref name="x"/> must not decrease from one call to the next.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Add(int index, double x, double y)
    {
        var point = new M4Point(index, x, y);
        if (_count < _all.Length)
        {
            _all[_count] = point;
        }

        _count++;
        var column = ColumnOf(x);
        if (column != _column)
        {
            Flush();
            _column = column;
        }

        if (!double.IsFinite(y))
        {
            if (!_hasGap)
            {
                _gap = point;
                _hasGap = true;
            }

            return;
        }

        if (!_hasFinite)
        {
            _first = _min = _max = point;
            _hasFinite = true;
        }

        _last = point;
        if (y < _min.Y)
        {
            _min = point;
        }

        if (y > _max.Y)
        {
            _max = point;
        }
    }

    /// <summary>The points kept, in the order added (strictly increasing index); call once, after the last <see cref="Add"/>.</summary>
    public ReadOnlySpan<M4Point> Finish()
    {
        if (_count <= _columns)
        {
            return _all.AsSpan(0, _count);
        }

        Flush();
        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_kept);
    }

    private void Flush()
    {
        Span<M4Point> picked = stackalloc M4Point[M4Downsampler.MaxPointsPerColumn];
        var n = 0;
        if (_hasFinite)
        {
            picked[n++] = _first;
            Pick(picked, ref n, _min);
            Pick(picked, ref n, _max);
            Pick(picked, ref n, _last);
        }

        if (_hasGap)
        {
            Pick(picked, ref n, _gap);
        }

        // Insertion sort by index: at most 5 points.
        for (var i = 1; i < n; i++)
        {
            var p = picked[i];
            var j = i - 1;
            for (; j >= 0 && picked[j].Index > p.Index; j--)
            {
                picked[j + 1] = picked[j];
            }

            picked[j + 1] = p;
        }

        foreach (var p in picked[..n])
        {
            _kept.Add(p);
        }

        _hasFinite = _hasGap = false;
    }

    private static void Pick(Span<M4Point> picked, ref int n, M4Point candidate)
    {
        foreach (var p in picked[..n])
        {
            if (p.Index == candidate.Index)
            {
                return;
            }
        }

        picked[n++] = candidate;
    }

    private int ColumnOf(double x)
    {
        var c = (x - _xStart) / _width;
        return c < 0 || double.IsNaN(c) ? 0 : c >= _columns ? _columns - 1 : (int)c;
    }
}
