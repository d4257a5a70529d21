namespace RelationalNeuro.Components.Charts;

/// <summary>
/// A linear map from a data domain [<see cref="DomainMin"/>, <see cref="DomainMax"/>] to viewBox coordinates
/// [<see cref="RangeStart"/>, <see cref="RangeEnd"/>] (range may be reversed, e.g. y grows downwards in SVG).
/// A zero-width domain is widened by ±0.5 so the map is always defined.
/// </summary>
internal readonly record struct LinearScale : IChartScale
{
    public LinearScale(double domainMin, double domainMax, double rangeStart, double rangeEnd)
    {
        if (!double.IsFinite(domainMin) || !double.IsFinite(domainMax))
        {
            domainMin = 0;
            domainMax = 1;
        }

        if (domainMax < domainMin)
        {
            (domainMin, domainMax) = (domainMax, domainMin);
        }

        if (domainMax == domainMin)
        {
            domainMin -= 0.5;
            domainMax += 0.5;
        }

        DomainMin = domainMin;
        DomainMax = domainMax;
        RangeStart = rangeStart;
        RangeEnd = rangeEnd;
    }

    /// <summary>Lower end of the data domain.</summary>
    public double DomainMin { get; }

    /// <summary>Upper end of the data domain.</summary>
    public double DomainMax { get; }

    /// <summary>ViewBox coordinate of <see cref="DomainMin"/>.</summary>
    public double RangeStart { get; }

    /// <summary>ViewBox coordinate of <see cref="DomainMax"/>.</summary>
    public double RangeEnd { get; }

    /// <summary>The viewBox coordinate of <paramref name="value"/> (not clamped).</summary>
    public double Map(double value) =>
        double.IsFinite(DomainMax - DomainMin)
            ? RangeStart + ((value - DomainMin) / (DomainMax - DomainMin) * (RangeEnd - RangeStart))
            : RangeStart + (((value / 2) - (DomainMin / 2)) / ((DomainMax / 2) - (DomainMin / 2)) * (RangeEnd - RangeStart)); // a domain of ±1e308

    /// <summary>The data value at viewBox coordinate <paramref name="coordinate"/>.</summary>
    public double Invert(double coordinate) => DomainMin + ((coordinate - RangeStart) / (RangeEnd - RangeStart) * ((DomainMax / 2) - (DomainMin / 2)) * 2);

    /// <summary>
    /// The smallest and largest finite value of <paramref name="values"/> (non-finite values are skipped), or (0, 1) when
    /// there is none: the data extent a chart hands to <see cref="Nice"/>.
    /// </summary>
    public static (double Min, double Max) Extent(IEnumerable<double> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        return double.IsFinite(min) ? (min, max) : (0, 1);
    }

    /// <summary>
    /// A scale whose domain is widened to round ticks (<see cref="NiceTicks.Linear"/>), with those ticks.
    /// </summary>
    public static (LinearScale Scale, TickSet Ticks) Nice(double min, double max, double rangeStart, double rangeEnd, int targetTicks)
    {
        var ticks = NiceTicks.Linear(min, max, targetTicks);
        return (new LinearScale(ticks.Min, ticks.Max, rangeStart, rangeEnd), ticks);
    }
}
