namespace RelationalNeuro.Components.Charts;

/// <summary>A map from data values to viewBox coordinates, linear (<see cref="LinearScale"/>) or logarithmic (<see cref="LogScale"/>).</summary>
internal interface IChartScale
{
    /// <summary>ViewBox coordinate of the domain's lower end.</summary>
    double RangeStart { get; }

    /// <summary>ViewBox coordinate of the domain's upper end.</summary>
    double RangeEnd { get; }

    /// <summary>The viewBox coordinate of a data value.</summary>
    double Map(double value);

    /// <summary>The data value at a viewBox coordinate.</summary>
    double Invert(double coordinate);
}
