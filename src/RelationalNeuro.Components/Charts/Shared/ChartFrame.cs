using System.Threading;
using Microsoft.AspNetCore.Components;

namespace RelationalNeuro.Components.Charts;

/// <summary>
/// The frame every chart renders in: a <c>&lt;figure class="rn-chart …"&gt;</c> holding an
/// <c>&lt;svg role="img" viewBox="…" aria-labelledby="{id}-title" aria-describedby="{id}-desc"&gt;</c> whose generated
/// <c>&lt;title&gt;</c> (the short accessible name) and <c>&lt;desc&gt;</c> (the description: what a sighted reader sees) are
/// referenced by id, so every browser exposes both, the name staying short, then any controls (outside the image, so
/// they stay operable: children of <c>role="img"</c> are presentational) and the visually hidden data table.
/// </summary>
/// <param name="Id">Prefix for the title and description ids: the chart's own <c>id</c> attribute when given, else generated (<see cref="NewId"/>).</param>
/// <param name="Layout">The viewBox and plot area.</param>
/// <param name="CssClass">The chart's classes, e.g. "rn-chart rn-tachogram" plus the caller's <c>Class</c>.</param>
/// <param name="Title">Short name of the chart (the image's accessible name).</param>
/// <param name="Description">The summary a sighted reader gets at a glance, with numbers (invariant culture).</param>
/// <param name="MinX">
/// The viewBox's left edge: 0, or negative to widen the viewBox leftwards where the y tick labels are longer than the
/// layout's left margin holds (<see cref="ChartAxis.TextLeft"/>); nothing else moves, the drawing scales down a little.
/// </param>
internal sealed record ChartFrame(string Id, ChartLayout Layout, string CssClass, string Title, string Description, double MinX = 0)
{
    /// <summary>The svg's viewBox attribute: the layout's, widened leftwards to <see cref="MinX"/> when that is negative.</summary>
    public string ViewBox => MinX < 0
        ? ChartNumber.Svg(MinX) + " 0 " + ChartNumber.Svg(Layout.Width - MinX) + " " + ChartNumber.Svg(Layout.Height)
        : Layout.ViewBox;

    private static long _next;

    /// <summary>
    /// The viewBox's left edge for text that reaches <paramref name="textLeft"/> (null: none left of the plot): 0 while
    /// that is 1 unit or more inside, else a whole unit 1 beyond it.
    /// </summary>
    public static double MinXFor(double? textLeft) => textLeft is { } x ? Math.Min(0, Math.Floor(x - 1)) : 0;

    /// <summary>The title element's id.</summary>
    public string TitleId => Id + "-title";

    /// <summary>The description element's id.</summary>
    public string DescriptionId => Id + "-desc";

    /// <summary>
    /// An id for a chart instance: the <c>id</c> in <paramref name="attributes"/> when there is one, else
    /// "rn-chart-N" from a process-wide counter (call once per component instance, e.g. in <c>OnInitialized</c>).
    /// </summary>
    public static string NewId(IReadOnlyDictionary<string, object>? attributes) =>
        attributes is not null && attributes.TryGetValue("id", out var id) && id?.ToString() is { Length: > 0 } given
            ? given
            : "rn-chart-" + Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"rn-chart {chartClass}" plus the caller's classes.</summary>
    public static string Classes(string chartClass, string? extra) =>
        string.IsNullOrWhiteSpace(extra) ? "rn-chart " + chartClass : "rn-chart " + chartClass + " " + extra;

    /// <summary>
    /// The figure: the SVG with <paramref name="plot"/> inside it, then <paramref name="controls"/> and
    /// <paramref name="table"/> after it. <paramref name="attributes"/> (the chart's <c>AdditionalAttributes</c>) go on the figure.
    /// </summary>
    public RenderFragment Render(RenderFragment plot, ChartTable? table, IReadOnlyDictionary<string, object>? attributes, RenderFragment? controls = null) => builder =>
    {
        builder.OpenElement(0, "figure");
        builder.AddAttribute(1, "class", CssClass);
        builder.AddMultipleAttributes(2, attributes);
        builder.OpenElement(3, "svg");
        builder.AddAttribute(4, "class", "rn-chart__svg");
        builder.AddAttribute(5, "role", "img");
        builder.AddAttribute(6, "viewBox", ViewBox);
        builder.AddAttribute(7, "aria-labelledby", TitleId);
        builder.AddAttribute(8, "aria-describedby", DescriptionId);
        builder.AddAttribute(18, "focusable", "false");
        builder.OpenElement(9, "title");
        builder.AddAttribute(10, "id", TitleId);
        builder.AddContent(11, Title);
        builder.CloseElement();
        builder.OpenElement(12, "desc");
        builder.AddAttribute(13, "id", DescriptionId);
        builder.AddContent(14, Description);
        builder.CloseElement();
        builder.AddContent(15, plot);
        builder.CloseElement();
        if (controls is not null)
        {
            builder.AddContent(16, controls);
        }

        if (table is not null)
        {
            builder.AddContent(17, table.Render());
        }

        builder.CloseElement();
    };
}
