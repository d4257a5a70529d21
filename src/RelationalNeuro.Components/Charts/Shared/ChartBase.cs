using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using RelationalNeuro.Components.Charts;
using RelationalNeuro.Components.Localization;

namespace RelationalNeuro.Components;

/// <summary>
/// What every chart in the package shares: the <see cref="Class"/> and <see cref="AdditionalAttributes"/> parameters
/// on its <c>&lt;figure&gt;</c>, its words (the chart's own English and German resources, in the UI culture), its id
/// (the given <c>id</c> attribute or a generated "rn-chart-N", which prefixes the title, description and clip-path
/// ids), and the frame — the SVG with <c>role="img"</c>, a generated <c>&lt;title&gt;</c> and <c>&lt;desc&gt;</c>, then
/// any controls and the visually hidden data table (docs/charts.md, "For every chart").
/// </summary>
/// <remarks>
/// The package's charts derive from it (<see cref="Tachogram"/>, <see cref="PoincarePlot"/>,
/// <see cref="PowerSpectrumChart"/>, <see cref="HrvOverDays"/>, <see cref="BiomarkerCurve"/>,
/// <see cref="AttachmentQuadrant"/>, <see cref="ChangeChart"/>, <see cref="SynchronyMap"/>); it cannot be derived from outside the package, since
/// the frame, scales and axes it works with are internal. Use it to treat the charts alike, e.g. in a generic gallery
/// or a type constraint.
/// </remarks>
public abstract class ChartBase : ComponentBase
{
    private readonly ChartLayout _layout;
    private readonly string _chartClass;
    private readonly Type _resources;
    private IStringLocalizer? _text;

    /// <summary>A chart drawn in <paramref name="layout"/>'s viewBox.</summary>
    /// <param name="layout">The chart's fixed viewBox and plot area.</param>
    /// <param name="chartClass">The chart's own class on the figure after "rn-chart", e.g. "rn-tachogram".</param>
    /// <param name="resources">The chart type whose resources hold its words (<c>Localization/WidgetText</c>).</param>
    private protected ChartBase(ChartLayout layout, string chartClass, Type resources)
    {
        _layout = layout;
        _chartClass = chartClass;
        _resources = resources;
    }

    /// <summary>Extra CSS classes for the chart's <c>&lt;figure&gt;</c>, after "rn-chart" and the chart's own class.</summary>
    [Parameter]
    public string? Class { get; set; }

    /// <summary>Any other attributes, applied to the <c>&lt;figure&gt;</c> (an <c>id</c> also prefixes the title and description ids).</summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? AdditionalAttributes { get; set; }

    [Inject]
    private IServiceProvider Services { get; set; } = null!;

    /// <summary>The chart's words in the UI culture.</summary>
    private protected IStringLocalizer T => _text ??= WidgetText.For(_resources, Services);

    /// <summary>The chart's id: the <c>id</c> attribute when given, else "rn-chart-N" (set once, in <see cref="OnInitialized"/>).</summary>
    private protected string Id { get; private set; } = "";

    /// <summary>The image's accessible name (the SVG's <c>&lt;title&gt;</c>).</summary>
    private protected string Title { get; set; } = "";

    /// <summary>What a sighted reader sees, with numbers (the SVG's <c>&lt;desc&gt;</c>).</summary>
    private protected string Description { get; set; } = "";

    /// <summary>The visually hidden data table after the SVG; null for none.</summary>
    private protected ChartTable? Table { get; set; }

    /// <summary>The horizontal axis; null when the chart draws none (e.g. nothing to show).</summary>
    private protected ChartAxis? XAxis { get; set; }

    /// <summary>The vertical axis; null when the chart draws none.</summary>
    private protected ChartAxis? YAxis { get; set; }

    /// <summary>The id of the plot area's clip path.</summary>
    private protected string ClipId => Id + "-plot";

    /// <summary>The <c>clip-path</c> value that refers to <see cref="ClipId"/>.</summary>
    private protected string ClipUrl => "url(#" + ClipId + ")";

    /// <summary>The chart's "Empty" sentence in the middle of the viewBox.</summary>
    private protected RenderFragment EmptyLabel => builder =>
        ChartAxis.Text(builder, 0, "rn-chart__label", _layout.Width / 2, _layout.Height / 2, "middle", T["Empty"]);

    /// <inheritdoc />
    protected override void OnInitialized() => Id = ChartFrame.NewId(AdditionalAttributes);

    /// <summary>A coordinate or length for an SVG attribute (<see cref="ChartNumber.Svg"/>).</summary>
    private protected static string Num(double value) => ChartNumber.Svg(value);

    /// <summary>
    /// The figure: the SVG with <paramref name="plot"/> inside it under <see cref="Title"/> and <see cref="Description"/>,
    /// then <paramref name="controls"/> and <see cref="Table"/>; <see cref="AdditionalAttributes"/> on the figure.
    /// </summary>
    /// <remarks>
    /// Where the y axis's tick labels would run past the viewBox's left edge (long numbers at the largest text size), the
    /// viewBox is widened leftwards to a whole unit 1 beyond them (<see cref="ChartFrame.MinX"/>), so no label is cut off.
    /// </remarks>
    private protected RenderFragment RenderChart(RenderFragment plot, RenderFragment? controls = null) =>
        new ChartFrame(Id, _layout, ChartFrame.Classes(_chartClass, Class), Title, Description, ChartFrame.MinXFor(YAxis?.TextLeft))
            .Render(plot, Table, AdditionalAttributes, controls);
}
