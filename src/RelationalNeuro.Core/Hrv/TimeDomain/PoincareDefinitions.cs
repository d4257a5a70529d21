namespace RelationalNeuro.Hrv;

/// <summary>
/// SD1 and SD2 of the Poincaré plot as their formulas, written for reading: what <see cref="HrvMetrics.Poincare"/>
/// computes in one pass (<c>Hrv/Kernels/PoincareKernels.cs</c>), and what its tests compare it with.
/// </summary>
/// <remarks>Brennan, Palaniswami &amp; Kamen 2001 (IEEE Trans Biomed Eng 48:1342).</remarks>
internal static class PoincareDefinitions
{
    /// <summary>
    /// SD1 = SD of the points (RR_i, RR_i+1) projected across the line of identity, (RR_i − RR_i+1)/√2; SD2 = SD of their
    /// projections along it, (RR_i + RR_i+1)/√2; each <see cref="PoincareDefinition"/> names its normaliser (or, for
    /// <see cref="PoincareDefinition.BrennanFromSdnnSdsd"/>, SD1² = ½·SDSD², SD2² = 2·SDNN² − ½·SDSD², clamped at 0).
    /// </summary>
    public static (double Sd1, double Sd2) Sd1Sd2(ReadOnlySpan<double> nn, PoincareDefinition definition)
    {
        var m = nn.Length - 1;
        if (definition == PoincareDefinition.BrennanFromSdnnSdsd)
        {
            var sdsd = TimeDomainDefinitions.Sdsd(nn, SdsdDefinition.SignedSample);
            var sdnn = TimeDomainDefinitions.Sdnn(nn);
            return (Math.Sqrt(sdsd * sdsd / 2), Math.Sqrt(Math.Max(0, (2 * sdnn * sdnn) - (sdsd * sdsd / 2))));
        }

        var across = new double[m];
        var along = new double[m];
        for (var i = 0; i < m; i++)
        {
            across[i] = (nn[i] - nn[i + 1]) / Math.Sqrt(2);
            along[i] = (nn[i] + nn[i + 1]) / Math.Sqrt(2);
        }

        var denominator = definition == PoincareDefinition.RotatedAxesN ? m : m - 1;
        return (StandardDeviation(across, denominator), StandardDeviation(along, denominator));
    }

    private static double StandardDeviation(double[] values, int denominator)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / denominator);
    }
}
