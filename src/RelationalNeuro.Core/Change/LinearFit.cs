using RelationalNeuro.Internal;

namespace RelationalNeuro.Change;

/// <summary>
/// Ordinary least squares of y on x with an intercept; centred sums for accuracy. Callers check n ≥ 2 and a non-zero
/// spread of x.
/// </summary>
/// <remarks>
/// The sums are taken over x·2^−ex and y·2^−ey, where 2^ex and 2^ey are the binary magnitudes of the largest |x| and |y|,
/// so every scaled value is below 2 in magnitude and no sum of squares can overflow for any finite input (±1e308
/// included). Scaling by a power of two is exact, so for ordinary data the results equal the unscaled computation bit
/// for bit. The results are scaled back at the end and may then be ±∞ when the true value lies beyond double's range:
/// callers check <see cref="Result.IsFinite"/>.
/// </remarks>
internal static class LinearFit
{
    /// <summary>The fit: slope (y units per x unit), intercept (y units), the slope's standard error (NaN for n &lt; 3) and R² (null when y is constant).</summary>
    internal readonly record struct Result(double Slope, double Intercept, double SlopeStandardError, double? RSquared)
    {
        /// <summary>Slope, intercept and (when defined) the standard error are finite.</summary>
        public bool IsFinite => double.IsFinite(Slope) && double.IsFinite(Intercept) && !double.IsInfinity(SlopeStandardError);
    }

    public static Result Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var n = x.Length;
        var ex = BinaryScale.Magnitude(x);
        var ey = BinaryScale.Magnitude(y);
        double mx = 0, my = 0;
        for (var i = 0; i < n; i++)
        {
            mx += Math.ScaleB(x[i], -ex);
            my += Math.ScaleB(y[i], -ey);
        }

        mx /= n;
        my /= n;
        double sxx = 0, sxy = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = Math.ScaleB(x[i], -ex) - mx;
            var dy = Math.ScaleB(y[i], -ey) - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }

        var slope = sxy / sxx;
        var intercept = my - (slope * mx);
        double sse = 0;
        for (var i = 0; i < n; i++)
        {
            var r = Math.ScaleB(y[i], -ey) - intercept - (slope * Math.ScaleB(x[i], -ex));
            sse += r * r;
        }

        var se = n > 2 ? Math.ScaleB(Math.Sqrt(sse / (n - 2) / sxx), ey - ex) : double.NaN;
        double? r2 = syy > 0 ? 1 - (sse / syy) : null;
        return new Result(Math.ScaleB(slope, ey - ex), Math.ScaleB(intercept, ey), se, r2);
    }
}
