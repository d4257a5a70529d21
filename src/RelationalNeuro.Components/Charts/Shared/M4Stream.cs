namespace RelationalNeuro.Components.Charts;

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
