using System.Buffers;

namespace RelationalNeuro.Hrv.Spectral;

/// <summary>
/// Places each NN interval at its beat time and evaluates an interpolant on an even grid t_j = start + j·step. The cubic
/// spline is the not-a-knot interpolating cubic (the spline SciPy's <c>CubicSpline</c>/<c>interp1d(kind='cubic')</c>
/// builds), solved in O(n) with the Thomas algorithm in caller-supplied scratch; the quadratic spline is SciPy's
/// <c>interp1d(kind='quadratic')</c> (<see cref="QuadraticSpline"/>). Evaluation walks the grid once, so there is no
/// per-point search.
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

    public static void Linear(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double rateHz, Span<double> output) =>
        Linear(x, y, 0, 1.0 / rateHz, output);

    /// <summary>Straight lines between neighbouring points, evaluated at t_j = start + j·step (extended beyond the ends).</summary>
    public static void Linear(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double start, double step, Span<double> output)
    {
        var i = 0;
        for (var j = 0; j < output.Length; j++)
        {
            var t = start + (j * step);
            while (i < x.Length - 2 && t >= x[i + 1])
            {
                i++;
            }

            var h = x[i + 1] - x[i];
            output[j] = y[i] + ((y[i + 1] - y[i]) * (t - x[i]) / h);
        }
    }

    /// <summary>Not-a-knot cubic spline through (x, y), n ≥ 4, evaluated at j·(1/rate). Scratch spans have length n.</summary>
    public static void CubicNotAKnot(
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> y,
        double rateHz,
        Span<double> output,
        Span<double> slopes,
        Span<double> scratchC,
        Span<double> scratchD) =>
        CubicNotAKnot(x, y, 0, 1.0 / rateHz, output, slopes, scratchC, scratchD);

    /// <summary>Not-a-knot cubic spline through (x, y), n ≥ 4, evaluated at start + j·step. Scratch spans have length n.</summary>
    public static void CubicNotAKnot(
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> y,
        double start,
        double step,
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
            var t = start + (j * step);
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

    /// <summary>
    /// The degree-2 interpolating B-spline SciPy's <c>interp1d(kind='quadratic')</c> builds (<c>make_interp_spline(x, y, k=2)</c>):
    /// knots x₀ three times, the midpoints (x_i + x_{i+1})/2 for i = 1…n−3 (the second and second-to-last midpoints
    /// omitted, "à la not-a-knot"), x_{n−1} three times; n coefficients from the n interpolation conditions. Evaluated at
    /// start + j·step (past the last knot the last polynomial piece is extended; callers clamp as they need). n ≥ 3;
    /// the five scratch spans have length n.
    /// </summary>
    /// <remarks>
    /// The collocation matrix is tridiagonal (x_i lies in the middle piece of B_i's support), so it is solved in O(n) by
    /// Gaussian elimination with partial pivoting (LAPACK <c>dgtsv</c>'s scheme; SciPy solves the same system with the
    /// banded LU of <c>gbsv</c>, also pivoting). Not diagonally dominant in general: with one interval ten times its
    /// neighbours an off-diagonal entry reaches 0.7, hence the pivoting. Basis values by the Cox–de Boor recurrence
    /// (de Boor 1978, A Practical Guide to Splines, BSPLVB), as SciPy evaluates them.
    /// </remarks>
    public static void QuadraticSpline(
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> y,
        double start,
        double step,
        Span<double> output,
        Span<double> coefficients,
        Span<double> sub,
        Span<double> diag,
        Span<double> sup,
        Span<double> sup2)
    {
        var n = x.Length;

        // The knot vector once (n + 3 values, each the double Knot gives), so neither the collocation nor the evaluation
        // branches per knot.
        var knotArray = ArrayPool<double>.Shared.Rent(n + 3);
        try
        {
            var knots = knotArray.AsSpan(0, n + 3);
            for (var j = 0; j < knots.Length; j++)
            {
                knots[j] = Knot(x, j);
            }

            // Collocation rows: row 0 and row n−1 are the end knots (B_0(x_0) = B_{n−1}(x_{n−1}) = 1); row i in 1…n−2
            // holds B_{i−1}, B_i, B_{i+1} at x_i, evaluated in knot interval l = i + 1. sub[i] = A[i+1][i], sup[i] = A[i][i+1].
            diag[0] = 1;
            sup[0] = 0;
            coefficients[0] = y[0];
            for (var i = 1; i < n - 1; i++)
            {
                var (b0, b1, b2) = Basis(knots, i + 1, x[i]);
                sub[i - 1] = b0;
                diag[i] = b1;
                sup[i] = b2;
                coefficients[i] = y[i];
            }

            sub[n - 2] = 0;
            diag[n - 1] = 1;
            coefficients[n - 1] = y[n - 1];
            SolveTridiagonal(sub[..(n - 1)], diag[..n], sup[..(n - 1)], sup2[..(n - 1)], coefficients[..n]);

            var l = 2;
            for (var j = 0; j < output.Length; j++)
            {
                var t = start + (j * step);
                while (l < n - 1 && t >= knots[l + 1])
                {
                    l++;
                }

                var (n0, n1, n2) = Basis(knots, l, t);
                output[j] = (coefficients[l - 2] * n0) + (coefficients[l - 1] * n1) + (coefficients[l] * n2);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(knotArray);
        }
    }

    /// <summary>Knot j of <see cref="QuadraticSpline"/>'s vector (n + 3 knots).</summary>
    private static double Knot(ReadOnlySpan<double> x, int j) =>
        j <= 2 ? x[0] : j >= x.Length ? x[^1] : (x[j - 1] + x[j - 2]) / 2.0;

    /// <summary>The three quadratic B-splines B_{l−2}, B_{l−1}, B_l non-zero on knot interval [t_l, t_{l+1}), at t (BSPLVB).</summary>
    private static (double N0, double N1, double N2) Basis(ReadOnlySpan<double> knots, int l, double t)
    {
        var left1 = t - knots[l];
        var left2 = t - knots[l - 1];
        var right1 = knots[l + 1] - t;
        var right2 = knots[l + 2] - t;

        // Degree 1.
        var temp = 1.0 / (right1 + left1);
        var a0 = right1 * temp;
        var a1 = left1 * temp;

        // Degree 2.
        temp = a0 / (right1 + left2);
        var n0 = right1 * temp;
        var saved = left2 * temp;
        temp = a1 / (right2 + left1);
        var n1 = saved + (right2 * temp);
        var n2 = left1 * temp;
        return (n0, n1, n2);
    }

    /// <summary>
    /// Solves the tridiagonal system in place (solution in <paramref name="b"/>) by Gaussian elimination with partial
    /// pivoting, the scheme of LAPACK <c>dgtsv</c>; <paramref name="sup2"/> receives the fill-in of row interchanges.
    /// The callers' matrices are non-singular (interpolation at distinct, increasing sites: Schoenberg–Whitney).
    /// </summary>
    private static void SolveTridiagonal(Span<double> sub, Span<double> diag, Span<double> sup, Span<double> sup2, Span<double> b)
    {
        var n = diag.Length;
        for (var i = 0; i < n - 1; i++)
        {
            if (Math.Abs(diag[i]) >= Math.Abs(sub[i]))
            {
                var fact = sub[i] / diag[i];
                diag[i + 1] -= fact * sup[i];
                b[i + 1] -= fact * b[i];
                sup2[i] = 0;
            }
            else
            {
                var fact = diag[i] / sub[i];
                diag[i] = sub[i];
                var temp = diag[i + 1];
                diag[i + 1] = sup[i] - (fact * temp);
                if (i < n - 2)
                {
                    sup2[i] = sup[i + 1];
                    sup[i + 1] = -fact * sup2[i];
                }
                else
                {
                    sup2[i] = 0;
                }

                sup[i] = temp;
                temp = b[i];
                b[i] = b[i + 1];
                b[i + 1] = temp - (fact * b[i + 1]);
            }
        }

        b[n - 1] /= diag[n - 1];
        if (n > 1)
        {
            b[n - 2] = (b[n - 2] - (sup[n - 2] * b[n - 1])) / diag[n - 2];
        }

        for (var i = n - 3; i >= 0; i--)
        {
            b[i] = (b[i] - (sup[i] * b[i + 1]) - (sup2[i] * b[i + 2])) / diag[i];
        }
    }
}
