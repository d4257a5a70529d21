namespace RelationalNeuro.Hrv;

/// <summary>How the NN series, known at the beat times, is interpolated onto the even Welch time grid.</summary>
public enum ResamplingInterpolation
{
    /// <summary>
    /// Cubic spline with not-a-knot end conditions through every (beat time, NN) point — the spline that SciPy's
    /// <c>interp1d(kind='cubic')</c> and <c>CubicSpline</c> build (pyHRV's <c>welch_psd</c> uses it).
    /// </summary>
    CubicSpline = 0,

    /// <summary>Straight lines between neighbouring beats (hrv-analysis' default).</summary>
    Linear = 1,

    /// <summary>
    /// The degree-2 interpolating B-spline through every (beat time, NN) point that SciPy's <c>interp1d(kind='quadratic')</c>
    /// builds (<c>make_interp_spline(x, y, k=2)</c>; NeuroKit2's default interpolation): knots at the first beat (three
    /// times), the midpoints between consecutive beats except the first and last midpoint, and the last beat (three times).
    /// </summary>
    QuadraticSpline = 2,
}
