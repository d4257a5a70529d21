namespace RelationalNeuro.Internal;

/// <summary>
/// Power-of-two scaling for overflow-free sums: dividing every value by 2^e, where 2^e is the binary magnitude of the
/// largest |value|, is exact (barring subnormals) and brings every value below 2 in magnitude, so sums of squares of any
/// finite inputs (±1e308 included) stay finite; results are scaled back with <see cref="Math.ScaleB"/>.
/// </summary>
internal static class BinaryScale
{
    /// <summary>e such that the largest |value| is in [2^e, 2^(e+1)); 0 for an empty or all-zero span.</summary>
    public static int Magnitude(ReadOnlySpan<double> values)
    {
        var max = 0.0;
        foreach (var v in values)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max > 0 ? Math.ILogB(max) : 0;
    }

    /// <summary>
    /// 2^<paramref name="e"/> as a factor whose product equals <see cref="Math.ScaleB"/> bit for bit (a product with an exact
    /// power of two is correctly rounded, as ScaleB is), or 0 where 2^e is not a finite nonzero double (|e| beyond the
    /// range: use ScaleB then). Multiplying is what lets the scaled loops vectorise.
    /// </summary>
    public static double Factor(int e)
    {
        var f = Math.ScaleB(1.0, e);
        return double.IsFinite(f) && f != 0 ? f : 0;
    }

    /// <summary>
    /// <paramref name="destination"/>[i] = <paramref name="source"/>[i]·2^<paramref name="e"/>, bit for bit
    /// <see cref="Math.ScaleB"/> (one vectorised product where 2^e is a finite nonzero double); the spans may be the same memory.
    /// </summary>
    public static void Scale(ReadOnlySpan<double> source, int e, Span<double> destination)
    {
        var f = Factor(e);
        if (f != 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Multiply(source, f, destination);
            return;
        }

        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = Math.ScaleB(source[i], e);
        }
    }
}
