using System.Globalization;
using System.Numerics.Tensors;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Synchrony;

/// <summary>
/// Windowed lagged cross-correlation (WLCC; Boker et al. 2002) with rMEA's geometry and rules (Kleinbub &amp; Ramseyer 2020,
/// <c>MEAccf</c> 1.2.2): one Pearson r per window and lag, optional Fisher z and absolute values, rMEA's per-window summaries,
/// grand average and best lag, or Boker's peak picking. See docs/synchrony.md.
/// </summary>
/// <remarks>
/// <para>With <c>win</c>, <c>L</c>, <c>inc</c> the window, largest lag and step in samples and N grid samples there are
/// <c>ceil((N − win − L + 1)/inc)</c> windows. Window w spans samples <c>[w·inc, w·inc + win + L)</c>. At lag k ≥ 0 the
/// cell is r(A[w·inc …+win), B[w·inc + k …+win)); at k &lt; 0 it is r(A[w·inc + |k| …+win), B[w·inc …+win)). So a
/// <b>positive lag means B follows A</b> (A leads).</para>
/// <para>A cell is missing when either block is constant (Pearson r undefined, R's <c>cor</c> gives NA) or — rMEA's
/// identity rule — when fewer than two positions have A ≠ B (two identical blocks are missing, not r = 1). Fisher z is
/// <c>atanh(r)</c> clipped to ±10; absolute values are taken after it. Means drop missing cells.</para>
/// <para>Cost: per window both spans are centred on their own mean (so sums stay small and exact), block sums and sums
/// of squares come from prefix sums over the span, constant blocks from run lengths over the whole series, and only the
/// cross products are dot products (<c>TensorPrimitives.Dot</c>). Matches
/// rMEA to 1e-13 on the reference dyads.</para>
/// </remarks>
public static class WindowedCrossCorrelation
{
    /// <summary>The matrix and summaries for a dyad on its grid.</summary>
    /// <param name="dyad">The aligned dyad.</param>
    /// <param name="options">Null for <see cref="WindowedCrossCorrelationOptions.Rmea"/>.</param>
    /// <returns>The result; empty with a problem when the dyad is shorter than one window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dyad"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The DyadSeries and span overloads differ in their first parameters' types; no call is ambiguous.")]
    public static WindowedCrossCorrelationResult Compute(DyadSeries dyad, WindowedCrossCorrelationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dyad);
        return Compute(dyad.SeriesA, dyad.SeriesB, dyad.SampleRateHz, options);
    }

    /// <summary>The matrix and summaries for two series on one grid.</summary>
    /// <param name="seriesA">Member A's samples.</param>
    /// <param name="seriesB">Member B's samples, same length.</param>
    /// <param name="sampleRateHz">Grid rate in Hz.</param>
    /// <param name="options">Null for <see cref="WindowedCrossCorrelationOptions.Rmea"/>.</param>
    /// <returns>The result; empty with <c>sync.too-short</c> or <c>sync.non-finite</c> when it cannot be computed.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The rate or an option is out of range.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The DyadSeries and span overloads differ in their first parameters' types; no call is ambiguous.")]
    public static WindowedCrossCorrelationResult Compute(ReadOnlySpan<double> seriesA, ReadOnlySpan<double> seriesB, double sampleRateHz, WindowedCrossCorrelationOptions? options = null)
    {
        options ??= WindowedCrossCorrelationOptions.Rmea;
        var (win, lag) = SynchronyGuard.Geometry(seriesA, seriesB, sampleRateHz, options.WindowSeconds, 3, options.MaxLagSeconds);
        var inc = SynchronyGuard.Samples(options.IncrementSeconds, sampleRateHz, 1);
        Guard.Positive(options.PeakSearchRegion);

        var n = seriesA.Length;
        if (HasNonFinite(seriesA) || HasNonFinite(seriesB))
        {
            return Empty(options, sampleRateHz, win, lag, inc, new Problem("sync.non-finite", "A series holds a NaN or infinite value; the windowed cross-correlation needs a grid without holes (DyadAlignment bridges gaps).", ProblemSeverity.Error));
        }

        var windowCount = n - win - lag + 1 <= 0 ? 0 : (int)(((long)n - win - lag + 1 + inc - 1) / inc);
        if (windowCount == 0)
        {
            return Empty(options, sampleRateHz, win, lag, inc, new Problem(
                "sync.too-short",
                string.Create(CultureInfo.InvariantCulture, $"{n} grid samples do not hold one window of {win} samples plus {lag} samples of lag headroom."),
                ProblemSeverity.Error));
        }

        var lagCount = (2 * lag) + 1;
        var cells = new double[windowCount * lagCount];
        Fill(seriesA, seriesB, win, lag, inc, windowCount, options, cells);
        var windows = new CrossCorrelationWindow[windowCount];
        for (var w = 0; w < windowCount; w++)
        {
            windows[w] = Summarize(cells.AsSpan(w * lagCount, lagCount), lag, w * inc / sampleRateHz, sampleRateHz, options);
        }

        return new WindowedCrossCorrelationResult(options, sampleRateHz, win, lag, inc, cells, windows, ProblemList.Empty);
    }

    /// <summary>Fills the window × lag matrix (row-major, NaN for a missing cell).</summary>
    internal static void Fill(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int win, int lag, int inc, int windowCount, WindowedCrossCorrelationOptions options, Span<double> cells)
    {
        var n = a.Length;
        var span = win + lag;
        var lagCount = (2 * lag) + 1;
        var runA = new int[n];
        var runB = new int[n];
        RunEnds(a, runA);
        RunEnds(b, runB);
        var xa = new double[span];
        var xb = new double[span];
        var pa = new double[span + 1];
        var qa = new double[span + 1];
        var pb = new double[span + 1];
        var qb = new double[span + 1];
        for (var w = 0; w < windowCount; w++)
        {
            var s = w * inc;
            Centre(a.Slice(s, span), xa, pa, qa);
            Centre(b.Slice(s, span), xb, pb, qb);
            var row = cells.Slice(w * lagCount, lagCount);
            for (var li = 0; li < lagCount; li++)
            {
                var k = li - lag;
                var offA = k < 0 ? -k : 0;
                var offB = k > 0 ? k : 0;
                if (runA[s + offA] >= s + offA + win || runB[s + offB] >= s + offB + win
                    || FewerThanTwoDifferences(a.Slice(s + offA, win), b.Slice(s + offB, win)))
                {
                    row[li] = double.NaN;
                    continue;
                }

                var sx = pa[offA + win] - pa[offA];
                var sxx = qa[offA + win] - qa[offA];
                var sy = pb[offB + win] - pb[offB];
                var syy = qb[offB + win] - qb[offB];
                var sxy = TensorPrimitives.Dot(new ReadOnlySpan<double>(xa, offA, win), new ReadOnlySpan<double>(xb, offB, win));
                var vx = sxx - (sx * sx / win);
                var vy = syy - (sy * sy / win);
                if (!(vx > 0 && vy > 0))
                {
                    row[li] = double.NaN;
                    continue;
                }

                var r = Math.Clamp((sxy - (sx * sy / win)) / Math.Sqrt(vx * vy), -1.0, 1.0);
                row[li] = Transform(r, options);
            }
        }
    }

    /// <summary>rMEA's transforms of one r: Fisher z clipped to ±10, then the absolute value.</summary>
    internal static double Transform(double r, WindowedCrossCorrelationOptions options)
    {
        var v = options.FisherZ ? Math.Clamp(Math.Atanh(r), -10.0, 10.0) : r;
        return options.AbsoluteValues ? Math.Abs(v) : v;
    }

    /// <summary>rMEA's identity rule: true when fewer than two positions have x ≠ y.</summary>
    internal static bool FewerThanTwoDifferences(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var first = x.CommonPrefixLength(y);
        if (first >= x.Length - 1)
        {
            return true;
        }

        return first + 1 + x[(first + 1)..].CommonPrefixLength(y[(first + 1)..]) == x.Length;
    }

    /// <summary>
    /// Boker et al. (2002) peak picking on one row (NaN = missing): the local maximum nearest lag 0, or −1 when the search
    /// reaches the edge of the row before <paramref name="searchRegion"/> widenings fail to exceed the best value.
    /// </summary>
    internal static int PeakNearestZero(ReadOnlySpan<double> row, int searchRegion)
    {
        var centre = row.Length / 2;
        var best = -1;
        var bestValue = double.NegativeInfinity;
        if (!double.IsNaN(row[centre]))
        {
            best = centre;
            bestValue = row[centre];
        }

        var since = 0;
        for (var d = 1; d <= centre; d++)
        {
            var improved = false;
            foreach (var i in (ReadOnlySpan<int>)[centre + d, centre - d])
            {
                if (!double.IsNaN(row[i]) && row[i] > bestValue)
                {
                    best = i;
                    bestValue = row[i];
                    improved = true;
                }
            }

            since = improved ? 0 : since + 1;
            if (best >= 0 && since >= searchRegion)
            {
                return best;
            }
        }

        return -1;
    }

    private static CrossCorrelationWindow Summarize(ReadOnlySpan<double> row, int lag, double startSeconds, double rate, WindowedCrossCorrelationOptions options)
    {
        double? zero = double.IsNaN(row[lag]) ? null : row[lag];
        var all = Mean(row);
        int best;
        if (options.BestLag == BestLagRule.PeakNearestZero)
        {
            best = PeakNearestZero(row, options.PeakSearchRegion);
        }
        else
        {
            best = -1;
            var max = double.NegativeInfinity;
            for (var i = 0; i < row.Length; i++)
            {
                if (!double.IsNaN(row[i]) && row[i] > max)
                {
                    max = row[i];
                    best = i;
                }
            }
        }

        double? bestLag = best < 0 ? null : (best - lag) / rate;
        double? bestValue = best < 0 ? null : row[best];
        if (lag == 0)
        {
            return new CrossCorrelationWindow(startSeconds, all, null, null, zero, null, null, bestLag, bestValue);
        }

        return new CrossCorrelationWindow(
            startSeconds, all, Mean(row[(lag + 1)..]), Mean(row[..lag]), zero, Mean(row[lag..]), Mean(row[..(lag + 1)]), bestLag, bestValue);
    }

    private static double? Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        var n = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                sum += v;
                n++;
            }
        }

        return n == 0 ? null : sum / n;
    }

    /// <remarks>
    /// The block is first divided by the power of two of its largest |value| (exact; r is scale-free, so the cells are the
    /// same doubles for ordinary data): before, values near 1e154 and beyond overflowed the sums of squares and their
    /// windows came out missing.
    /// </remarks>
    private static void Centre(ReadOnlySpan<double> values, double[] centred, double[] sums, double[] squares)
    {
        BinaryScale.Scale(values, -BinaryScale.Magnitude(values), centred);

        var mean = TensorPrimitives.Sum(new ReadOnlySpan<double>(centred, 0, values.Length)) / values.Length;
        TensorPrimitives.Subtract(new ReadOnlySpan<double>(centred, 0, values.Length), mean, centred);
        sums[0] = 0;
        squares[0] = 0;
        for (var i = 0; i < centred.Length; i++)
        {
            var v = centred[i];
            sums[i + 1] = sums[i] + v;
            squares[i + 1] = squares[i] + (v * v);
        }
    }

    /// <summary>runEnd[t] = the first index after t whose value differs from values[t] (or N): a block [s, s+n) is constant iff runEnd[s] ≥ s + n.</summary>
    internal static void RunEnds(ReadOnlySpan<double> values, Span<int> runEnd)
    {
        var n = values.Length;
        if (n == 0)
        {
            return;
        }

        runEnd[n - 1] = n;
        for (var t = n - 2; t >= 0; t--)
        {
            runEnd[t] = values[t] == values[t + 1] ? runEnd[t + 1] : t + 1;
        }
    }

    internal static bool HasNonFinite(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                return true;
            }
        }

        return false;
    }

    private static WindowedCrossCorrelationResult Empty(WindowedCrossCorrelationOptions options, double rate, int win, int lag, int inc, Problem problem) =>
        new(options, rate, win, lag, inc, [], [], ProblemList.Create([problem]));
}
