namespace RelationalNeuro.Internal;

/// <summary>Mean and sum of squared deviations in two passes (exact for data far from zero, unlike one-pass sums).</summary>
internal static class SampleMoments
{
    /// <summary>The mean of <paramref name="values"/> and Σ (x − mean)². The caller ensures at least one value.</summary>
    public static (double Mean, double SumSquares) Of(ReadOnlySpan<double> values)
    {
        var mean = 0.0;
        foreach (var v in values)
        {
            mean += v;
        }

        mean /= values.Length;
        var squares = 0.0;
        foreach (var v in values)
        {
            var d = v - mean;
            squares += d * d;
        }

        return (mean, squares);
    }

    /// <summary>
    /// The mean and Σ (x − mean)² of the values divided by 2^<paramref name="e"/> (exact, see <see cref="BinaryScale"/>), in
    /// those units, without a copy: with e = <see cref="BinaryScale.Magnitude"/> no sum or square overflows for finite values.
    /// </summary>
    public static (double Mean, double SumSquares) OfScaled(ReadOnlySpan<double> values, int e)
    {
        var f = BinaryScale.Factor(-e);
        var mean = 0.0;
        foreach (var v in values)
        {
            mean += f != 0 ? v * f : Math.ScaleB(v, -e);
        }

        mean /= values.Length;
        var squares = 0.0;
        foreach (var v in values)
        {
            var d = (f != 0 ? v * f : Math.ScaleB(v, -e)) - mean;
            squares += d * d;
        }

        return (mean, squares);
    }
}
