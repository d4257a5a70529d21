namespace RelationalNeuro.Hrv.Spectral;

/// <summary>
/// Places each NN interval at its beat time and evaluates an interpolant on an even grid. The cubic spline is the
/// not-a-knot interpolating cubic (the spline SciPy's <c>CubicSpline</c>/<c>interp1d(kind='cubic')</c> builds), solved in
/// O(n) with the Thomas algorithm in caller-supplied scratch; evaluation walks the grid once, so there is no per-point search.
/// </summary>
internal static class Resampler
{
    /// <summary>Beat times in seconds: t_0 = 0, t_k = t_{k−1} + NN_k/1000.</summary>
    public static double BeatTimes(ReadOnlySpan<double> nnMs, Span<double> timesS)
    {
        var t = 0.0;
        timesS[0] = 0.0;
        for (var k = 1; k < nnMs.Length; k++)
        {
            t += nnMs[k] / 1000.0;
            timesS[k] = t;
        }

        return t;
    }

    /// <summary>Number of grid points j/fs strictly below <paramref name="lastTimeS"/> (NumPy <c>arange</c> length).</summary>
    public static int GridLength(double lastTimeS, double rateHz) => Math.Max(0, (int)Math.Ceiling(lastTimeS * rateHz));

    public static void Linear(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double rateHz, Span<double> output)
    {
        var i = 0;
        for (var j = 0; j < output.Length; j++)
        {
            var t = j / rateHz;
            while (i < x.Length - 2 && t >= x[i + 1])
            {
                i++;
            }

            var h = x[i + 1] - x[i];
            output[j] = y[i] + ((y[i + 1] - y[i]) * (t - x[i]) / h);
        }
    }

    /// <summary>Not-a-knot cubic spline through (x, y), n ≥ 4, evaluated at j/rate. Scratch spans have length n.</summary>
    public static void CubicNotAKnot(
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> y,
        double rateHz,
        Span<double> output,
        Span<double> slopes,
        Span<double> scratchC,
        Span<double> scratchD)
    {
        var n = x.Length;

        // Tridiagonal system for the first derivatives s_i (de Boor; the same equations as SciPy's CubicSpline).
        // Row i: sub_i·s_{i−1} + diag_i·s_i + sup_i·s_{i+1} = rhs_i. Solved with the Thomas algorithm:
        // scratchC holds the modified super-diagonal, scratchD the modified right-hand side.
        double dx0 = x[1] - x[0], dx1 = x[2] - x[1];
        double m0 = (y[1] - y[0]) / dx0, m1 = (y[2] - y[1]) / dx1;
        var d = x[2] - x[0];
        {
            var diag = dx1;
            var sup = d;
            var rhs = (((dx0 + (2 * d)) * dx1 * m0) + (dx0 * dx0 * m1)) / d;
            scratchC[0] = sup / diag;
            scratchD[0] = rhs / diag;
        }

        for (var i = 1; i < n - 1; i++)
        {
            var dxPrev = x[i] - x[i - 1];
            var dxNext = x[i + 1] - x[i];
            var slopePrev = (y[i] - y[i - 1]) / dxPrev;
            var slopeNext = (y[i + 1] - y[i]) / dxNext;
            var sub = dxNext;
            var diag = 2 * (dxPrev + dxNext);
            var sup = dxPrev;
            var rhs = 3 * ((dxNext * slopePrev) + (dxPrev * slopeNext));
            var denom = diag - (sub * scratchC[i - 1]);
            scratchC[i] = sup / denom;
            scratchD[i] = (rhs - (sub * scratchD[i - 1])) / denom;
        }

        {
            double dxa = x[n - 2] - x[n - 3], dxb = x[n - 1] - x[n - 2];
            double ma = (y[n - 2] - y[n - 3]) / dxa, mb = (y[n - 1] - y[n - 2]) / dxb;
            var dd = x[n - 1] - x[n - 3];
            var sub = dd;
            var diag = dxa;
            var rhs = ((dxb * dxb * ma) + (((2 * dd) + dxb) * dxa * mb)) / dd;
            var denom = diag - (sub * scratchC[n - 2]);
            scratchD[n - 1] = (rhs - (sub * scratchD[n - 2])) / denom;
        }

        slopes[n - 1] = scratchD[n - 1];
        for (var i = n - 2; i >= 0; i--)
        {
            slopes[i] = scratchD[i] - (scratchC[i] * slopes[i + 1]);
        }

        // Evaluate the Hermite cubic of each interval at the grid points inside it.
        var seg = 0;
        var c2 = 0.0;
        var c3 = 0.0;
        var coefficientsFor = -1;
        for (var j = 0; j < output.Length; j++)
        {
            var t = j / rateHz;
            while (seg < n - 2 && t >= x[seg + 1])
            {
                seg++;
            }

            if (coefficientsFor != seg)
            {
                var h = x[seg + 1] - x[seg];
                var slope = (y[seg + 1] - y[seg]) / h;
                c2 = ((3 * slope) - (2 * slopes[seg]) - slopes[seg + 1]) / h;
                c3 = (slopes[seg] + slopes[seg + 1] - (2 * slope)) / (h * h);
                coefficientsFor = seg;
            }

            var u = t - x[seg];
            output[j] = y[seg] + (u * (slopes[seg] + (u * (c2 + (u * c3)))));
        }
    }
}
