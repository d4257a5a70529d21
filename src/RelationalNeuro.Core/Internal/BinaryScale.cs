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
}
