namespace RelationalNeuro.Change;

/// <summary>Ordinary least squares of y on x with an intercept; centred sums for accuracy. Callers check n ≥ 2 and a non-zero spread of x.</summary>
internal static class LinearFit
{
    public static (double Slope, double Intercept, double Sxx, double Sse, double Syy) Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var n = x.Length;
        double mx = 0, my = 0;
        for (var i = 0; i < n; i++)
        {
            mx += x[i];
            my += y[i];
        }

        mx /= n;
        my /= n;
        double sxx = 0, sxy = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - mx;
            var dy = y[i] - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }

        var slope = sxy / sxx;
        var intercept = my - (slope * mx);
        double sse = 0;
        for (var i = 0; i < n; i++)
        {
            var r = y[i] - intercept - (slope * x[i]);
            sse += r * r;
        }

        return (slope, intercept, sxx, sse, syy);
    }
}
