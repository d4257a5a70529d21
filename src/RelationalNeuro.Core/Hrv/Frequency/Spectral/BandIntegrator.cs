namespace RelationalNeuro.Hrv.Spectral;

/// <summary>Band power and peak frequency on an even PSD grid, under the three <see cref="BandIntegration"/> rules.</summary>
internal static class BandIntegrator
{
    public static double Power(in SpectrumBuffer spectrum, FrequencyBand band, BandIntegration rule) => rule switch
    {
        BandIntegration.TrapezoidWithinBand => TrapezoidWithin(spectrum, band),
        BandIntegration.RectangleInclusive => RectangleInclusive(spectrum, band),
        _ => Cumulative(spectrum, band.HighHz) - Cumulative(spectrum, band.LowHz),
    };

    /// <summary>Frequency of the largest PSD value among the bins of the band (first of equal maxima); NaN if none.</summary>
    public static double PeakFrequency(in SpectrumBuffer spectrum, FrequencyBand band, bool inclusiveHigh)
    {
        var (first, last) = Bins(spectrum, band, inclusiveHigh);
        var density = spectrum.Density;
        var best = -1;
        for (var j = first; j <= last; j++)
        {
            if (best < 0 || density[j] > density[best])
            {
                best = j;
            }
        }

        return best < 0 ? double.NaN : spectrum.Frequency(best);
    }

    /// <summary>Indices of the bins with low ≤ f &lt; high (or ≤ high).</summary>
    public static (int First, int Last) Bins(in SpectrumBuffer spectrum, FrequencyBand band, bool inclusiveHigh)
    {
        var first = Math.Clamp((int)Math.Ceiling((band.LowHz - spectrum.F0) / spectrum.Df) - 1 - spectrum.Offset, 0, spectrum.Count);
        while (first < spectrum.Count && spectrum.Frequency(first) < band.LowHz)
        {
            first++;
        }

        var last = first - 1;
        while (last + 1 < spectrum.Count
            && (inclusiveHigh ? spectrum.Frequency(last + 1) <= band.HighHz : spectrum.Frequency(last + 1) < band.HighHz))
        {
            last++;
        }

        return (first, last);
    }

    private static double TrapezoidWithin(in SpectrumBuffer spectrum, FrequencyBand band)
    {
        var (first, last) = Bins(spectrum, band, inclusiveHigh: false);
        var density = spectrum.Density;
        var sum = 0.0;
        for (var j = first; j < last; j++)
        {
            sum += (density[j] + density[j + 1]) * 0.5 * spectrum.Df;
        }

        return sum;
    }

    private static double RectangleInclusive(in SpectrumBuffer spectrum, FrequencyBand band)
    {
        var (first, last) = Bins(spectrum, band, inclusiveHigh: true);
        var density = spectrum.Density;
        var sum = 0.0;
        for (var j = first; j <= last; j++)
        {
            sum += density[j];
        }

        return sum * spectrum.Df;
    }

    /// <summary>∫ from the first grid frequency to f of the linearly interpolated PSD (clamped to the grid).</summary>
    private static double Cumulative(in SpectrumBuffer spectrum, double f)
    {
        var density = spectrum.Density;
        var position = ((f - spectrum.F0) / spectrum.Df) - spectrum.Offset;
        if (position <= 0)
        {
            return 0;
        }

        var lastIndex = spectrum.Count - 1;
        if (position >= lastIndex)
        {
            position = lastIndex;
        }

        var whole = (int)Math.Floor(position);
        var sum = 0.0;
        for (var j = 0; j < whole; j++)
        {
            sum += (density[j] + density[j + 1]) * 0.5;
        }

        var frac = position - whole;
        if (frac > 0 && whole < lastIndex)
        {
            var slope = density[whole + 1] - density[whole];
            sum += (density[whole] * frac) + (slope * frac * frac * 0.5);
        }

        return sum * spectrum.Df;
    }
}
