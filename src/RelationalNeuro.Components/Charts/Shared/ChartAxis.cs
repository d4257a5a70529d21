using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace RelationalNeuro.Components.Charts;

/// <summary>Which side of the plot area an axis is drawn on.</summary>
internal enum AxisSide
{
    /// <summary>Below the plot: ticks down, labels centred under them (at the viewBox's edges: ending or starting at the tick, so none is cut off), the title under the labels (right-aligned).</summary>
    Bottom,

    /// <summary>Left of the plot: ticks left, labels right-aligned, the title above the plot (left-aligned, so it stays horizontal and legible).</summary>
    Left,
}

/// <summary>
/// One axis: line, ticks, tick labels, optional grid lines across the plot area and a title with the unit. Draws into
/// the chart's SVG; classes <c>rn-chart__axis</c>, <c>rn-chart__grid</c>, <c>rn-chart__tick</c>,
/// <c>rn-chart__tick-label</c>, <c>rn-chart__axis-title</c> (package stylesheet).
/// </summary>
/// <param name="Side">Where the axis goes.</param>
/// <param name="Scale">The data-to-viewBox map along the axis.</param>
/// <param name="Ticks">Tick values and labels (<see cref="NiceTicks"/>).</param>
/// <param name="Layout">The chart's layout (the plot area the axis borders).</param>
/// <param name="Title">Axis title with its unit, e.g. "RR (ms)"; null for none.</param>
/// <param name="Grid">Draw a grid line across the plot at every tick.</param>
internal sealed record ChartAxis(AxisSide Side, IChartScale Scale, TickSet Ticks, ChartLayout Layout, string? Title, bool Grid = true)
{
    private const double TickLength = 4;
    private const double LabelGap = 3;

    /// <summary>
    /// An upper estimate of one character's advance in viewBox units: 0.66 em (digits are 0.55–0.64 em in the common
    /// sans-serif faces — 0.64 in DejaVu Sans, Chromium's default on Linux, measured at 9.6 units — and colons, points
    /// and the units' lower-case letters narrower) at the largest size chart text takes, 15 units (12 px × 1.25 in a
    /// narrow chart; relationalneuro.css). Nothing is measured in the browser.
    /// </summary>
    internal const double MaxCharAdvance = 0.66 * 15;

    /// <summary>
    /// The leftmost viewBox x this axis's tick labels may reach (estimated with <see cref="MaxCharAdvance"/>): for a
    /// left axis the longest label ends <c>TickLength + LabelGap</c> left of the plot. Null for a left axis without
    /// labels and for a bottom axis, whose labels stay inside the viewBox (<see cref="BottomAnchor"/>).
    /// </summary>
    public double? TextLeft =>
        Side == AxisSide.Left && Ticks.Labels.Count > 0
            ? Layout.PlotLeft - TickLength - LabelGap - (Ticks.Labels.Max(l => l.Length) * MaxCharAdvance)
            : null;

    /// <summary>The axis's markup, a <c>&lt;g class="rn-chart__axis rn-chart__axis--x|y"&gt;</c>.</summary>
    public RenderFragment Render() => Build;

    private void Build(RenderTreeBuilder builder)
    {
        var bottom = Side == AxisSide.Bottom;
        builder.OpenElement(0, "g");
        builder.AddAttribute(1, "class", bottom ? "rn-chart__axis rn-chart__axis--x" : "rn-chart__axis rn-chart__axis--y");
        builder.AddAttribute(2, "aria-hidden", "true");
        for (var i = 0; i < Ticks.Values.Count; i++)
        {
            var at = Scale.Map(Ticks.Values[i]);
            if (Grid)
            {
                if (bottom)
                {
                    Line(builder, 3, "rn-chart__grid", at, Layout.PlotTop, at, Layout.PlotBottom);
                }
                else
                {
                    Line(builder, 3, "rn-chart__grid", Layout.PlotLeft, at, Layout.PlotRight, at);
                }
            }

            if (bottom)
            {
                Line(builder, 4, "rn-chart__tick", at, Layout.PlotBottom, at, Layout.PlotBottom + TickLength);
                Text(builder, 5, "rn-chart__tick-label", at, Layout.PlotBottom + TickLength + LabelGap + 10, BottomAnchor(at, Ticks.Labels[i]), Ticks.Labels[i]);
            }
            else
            {
                Line(builder, 4, "rn-chart__tick", Layout.PlotLeft - TickLength, at, Layout.PlotLeft, at);
                Text(builder, 5, "rn-chart__tick-label", Layout.PlotLeft - TickLength - LabelGap, at + 4, "end", Ticks.Labels[i]);
            }
        }

        if (bottom)
        {
            Line(builder, 6, "rn-chart__axis-line", Layout.PlotLeft, Layout.PlotBottom, Layout.PlotRight, Layout.PlotBottom);
            if (Title is not null)
            {
                Text(builder, 7, "rn-chart__axis-title", Layout.PlotRight, Layout.Height - 4, "end", Title);
            }
        }
        else
        {
            Line(builder, 6, "rn-chart__axis-line", Layout.PlotLeft, Layout.PlotTop, Layout.PlotLeft, Layout.PlotBottom);
            if (Title is not null)
            {
                Text(builder, 7, "rn-chart__axis-title", 4, Layout.PlotTop - 8, "start", Title);
            }
        }

        builder.CloseElement();
    }

    /// <summary>
    /// A bottom tick label is centred under its tick unless, so centred, it could run past the viewBox (which clips it):
    /// then it ends at the tick (right edge) or starts at it (left edge).
    /// </summary>
    private string BottomAnchor(double at, string label)
    {
        var half = label.Length * MaxCharAdvance / 2;
        return at + half > Layout.Width ? "end" : at - half < 0 ? "start" : "middle";
    }

    /// <summary>A line element with invariant coordinates.</summary>
    internal static void Line(RenderTreeBuilder builder, int sequence, string cssClass, double x1, double y1, double x2, double y2)
    {
        builder.OpenRegion(sequence);
        builder.OpenElement(0, "line");
        builder.AddAttribute(1, "class", cssClass);
        builder.AddAttribute(2, "x1", ChartNumber.Svg(x1));
        builder.AddAttribute(3, "y1", ChartNumber.Svg(y1));
        builder.AddAttribute(4, "x2", ChartNumber.Svg(x2));
        builder.AddAttribute(5, "y2", ChartNumber.Svg(y2));
        builder.CloseElement();
        builder.CloseRegion();
    }

    /// <summary>A text element with invariant coordinates.</summary>
    internal static void Text(RenderTreeBuilder builder, int sequence, string cssClass, double x, double y, string anchor, string text)
    {
        builder.OpenRegion(sequence);
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "class", cssClass);
        builder.AddAttribute(2, "x", ChartNumber.Svg(x));
        builder.AddAttribute(3, "y", ChartNumber.Svg(y));
        builder.AddAttribute(4, "text-anchor", anchor);
        builder.AddContent(5, text);
        builder.CloseElement();
        builder.CloseRegion();
    }
}
