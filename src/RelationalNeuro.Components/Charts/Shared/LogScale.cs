namespace RelationalNeuro.Components.Charts;

/// <summary>
/// A base-10 logarithmic map from a positive data domain to viewBox coordinates. Values ≤ 0 map to the range start
/// (below the axis), so a zero power never writes −∞ into the markup.
/// </summary>
internal readonly record struct LogScale : IChartScale
{
    private readonly double _logMin;
    private readonly double _logMax;

    public LogScale(double domainMin, double domainMax, double rangeStart, double rangeEnd)
    {
        if (!(domainMin > 0) || !double.IsFinite(domainMin))
        {
            domainMin = 1;
        }

        if (!(domainMax > domainMin) || !double.IsFinite(domainMax))
        {
            domainMax = domainMin * 10;
        }

        DomainMin = domainMin;
        DomainMax = domainMax;
        RangeStart = rangeStart;
        RangeEnd = rangeEnd;
        _logMin = Math.Log10(domainMin);
        _logMax = Math.Log10(domainMax);
    }

    /// <summary>Lower end of the data domain (&gt; 0).</summary>
    public double DomainMin { get; }

    /// <summary>Upper end of the data domain.</summary>
    public double DomainMax { get; }

    /// <summary>ViewBox coordinate of <see cref="DomainMin"/>.</summary>
    public double RangeStart { get; }

    /// <summary>ViewBox coordinate of <see cref="DomainMax"/>.</summary>
    public double RangeEnd { get; }

    /// <summary>The viewBox coordinate of <paramref name="value"/>; values ≤ 0 go to <see cref="RangeStart"/>.</summary>
    public double Map(double value) => value > 0
        ? RangeStart + ((Math.Log10(value) - _logMin) / (_logMax - _logMin) * (RangeEnd - RangeStart))
        : RangeStart;

    /// <summary>The data value at viewBox coordinate <paramref name="coordinate"/>.</summary>
    public double Invert(double coordinate) =>
        Math.Pow(10, _logMin + ((coordinate - RangeStart) / (RangeEnd - RangeStart) * (_logMax - _logMin)));

    /// <summary>A scale over whole decades around [min, max], with ticks from <see cref="NiceTicks.Log"/>.</summary>
    public static (LogScale Scale, TickSet Ticks) Nice(double min, double max, double rangeStart, double rangeEnd)
    {
        var ticks = NiceTicks.Log(min, max);
        return (new LogScale(ticks.Min, ticks.Max, rangeStart, rangeEnd), ticks);
    }
}
