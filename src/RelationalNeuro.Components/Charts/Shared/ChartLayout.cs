namespace RelationalNeuro.Components.Charts;

/// <summary>
/// A chart's fixed viewBox (<see cref="Width"/> × <see cref="Height"/> units, origin top left) and the plot area
/// inside its margins. Charts choose these once (constants), so nothing is measured in the browser.
/// </summary>
/// <param name="Width">ViewBox width.</param>
/// <param name="Height">ViewBox height.</param>
/// <param name="Left">Left margin (room for the y tick labels).</param>
/// <param name="Top">Top margin (room for the y axis title).</param>
/// <param name="Right">Right margin.</param>
/// <param name="Bottom">Bottom margin (room for the x tick labels and title).</param>
internal sealed record ChartLayout(double Width, double Height, double Left, double Top, double Right, double Bottom)
{
    /// <summary>The viewBox attribute value, "0 0 W H".</summary>
    public string ViewBox { get; } = "0 0 " + ChartNumber.Svg(Width) + " " + ChartNumber.Svg(Height);

    /// <summary>X of the plot area's left edge.</summary>
    public double PlotLeft => Left;

    /// <summary>X of the plot area's right edge.</summary>
    public double PlotRight => Width - Right;

    /// <summary>Y of the plot area's top edge.</summary>
    public double PlotTop => Top;

    /// <summary>Y of the plot area's bottom edge.</summary>
    public double PlotBottom => Height - Bottom;

    /// <summary>Plot area width.</summary>
    public double PlotWidth => PlotRight - PlotLeft;

    /// <summary>Plot area height.</summary>
    public double PlotHeight => PlotBottom - PlotTop;

    /// <summary>
    /// The number of downsampling columns for this plot width such that at most <paramref name="pointsPerColumn"/>
    /// points per column stay within 2 points per horizontal viewBox unit.
    /// </summary>
    public int Columns(int pointsPerColumn) => Math.Max(1, (int)Math.Floor(2 * PlotWidth / pointsPerColumn));
}
