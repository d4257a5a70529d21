using System.Globalization;
using Microsoft.AspNetCore.Components;
using RelationalNeuro.Components.Charts;
using RelationalNeuro.Components.Localization;
using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Components;

/// <summary>
/// The two attachment dimensions as a plane — avoidance across, anxiety up — split into Bartholomew's four regions
/// (secure, preoccupied, dismissing, fearful) at the splits the classification used, with the person's point and their
/// path over repeated assessments (numbered in order; the latest filled). Pure SVG with a fixed viewBox;
/// <c>role="img"</c> with a generated title and description; the assessments again as a visually hidden table.
/// </summary>
/// <remarks>
/// <para>The regions follow <see cref="AttachmentStyles.Classify"/> (Bartholomew &amp; Horowitz 1991; Fraley's ECR-R
/// scoring): "high" is strictly above the split, so a score exactly on a split line belongs to the low side, as the
/// classification says. The splits are those of the latest assessment's <see cref="AttachmentClassification"/> (the
/// scale midpoint 4 by default). The region of each point is the classification's <see cref="AttachmentClassification.Style"/>,
/// not recomputed. The ECR family is dimensional; the regions are a reading aid, and the dimensional scores are always
/// in the table.</para>
/// <para>A score outside [<see cref="ScaleMin"/>, <see cref="ScaleMax"/>] is drawn at the edge and read out as it is.</para>
/// </remarks>
public sealed partial class AttachmentQuadrant
{
    private static readonly ChartLayout Layout = new(400, 320, 40, 28, 12, 34);

    /// <summary>Creates the chart; its parameters say what it draws.</summary>
    public AttachmentQuadrant()
        : base(Layout, "rn-attachment", typeof(AttachmentQuadrant))
    {
    }

    /// <summary>The assessments in time order (the last is the person's current point); null or empty shows the regions only.</summary>
    [Parameter]
    public IReadOnlyList<AttachmentAssessment>? Assessments { get; set; }

    /// <summary>Lowest score on both axes, in scale points. Default 1 (ECR-R, ECR-S, ECR-RS items are rated 1–7).</summary>
    [Parameter]
    public double ScaleMin { get; set; } = 1;

    /// <summary>Highest score on both axes, in scale points; must exceed <see cref="ScaleMin"/>. Default 7.</summary>
    [Parameter]
    public double ScaleMax { get; set; } = 7;

    private readonly record struct DrawnRegion(string Path, string Class, string Label, string LabelX, string LabelY, string Anchor);

    private readonly record struct DrawnPoint(string X, string Y, string Radius, string Class, string Number, string LabelX, string LabelY);

    private IReadOnlyList<DrawnRegion> Regions { get; set; } = [];

    private string SplitPath { get; set; } = "";

    private string? PathData { get; set; }

    private IReadOnlyList<DrawnPoint> Points { get; set; } = [];

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (!double.IsFinite(ScaleMin) || !double.IsFinite(ScaleMax) || !(ScaleMax > ScaleMin))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"AttachmentQuadrant needs finite ScaleMin < ScaleMax; got ScaleMin={ScaleMin}, ScaleMax={ScaleMax}."),
                nameof(ScaleMax));
        }

        var assessments = Assessments ?? [];
        var latest = assessments.Count > 0 ? assessments[^1].Classification : (AttachmentClassification?)null;
        var defaults = AttachmentClassificationOptions.Default;
        var anxietySplit = Math.Clamp(latest?.AnxietySplit ?? defaults.AnxietySplit, ScaleMin, ScaleMax);
        var avoidanceSplit = Math.Clamp(latest?.AvoidanceSplit ?? defaults.AvoidanceSplit, ScaleMin, ScaleMax);

        // Both axes: the whole rating scale, a tick at every whole scale point (or a nice step for wide scales).
        var ticks = ScaleMax - ScaleMin <= 10 && ScaleMin == Math.Floor(ScaleMin) && ScaleMax == Math.Floor(ScaleMax)
            ? WholeTicks(ScaleMin, ScaleMax)
            : NiceTicks.Linear(ScaleMin, ScaleMax, 6);
        var x = new LinearScale(ticks.Min, ticks.Max, Layout.PlotLeft, Layout.PlotRight);
        var y = new LinearScale(ticks.Min, ticks.Max, Layout.PlotBottom, Layout.PlotTop);
        XAxis = new ChartAxis(AxisSide.Bottom, x, ticks, Layout, T["AvoidanceAxis"], Grid: false);
        YAxis = new ChartAxis(AxisSide.Left, y, ticks, Layout, T["AnxietyAxis"], Grid: false);

        var sx = x.Map(avoidanceSplit);
        var sy = y.Map(anxietySplit);
        double left = Layout.PlotLeft, right = Layout.PlotRight, top = Layout.PlotTop, bottom = Layout.PlotBottom;
        Regions =
        [
            Region(AttachmentStyle.Secure, left, sy, sx, bottom, left + 4, bottom - 6, "start"),
            Region(AttachmentStyle.Preoccupied, left, top, sx, sy, left + 4, top + 14, "start"),
            Region(AttachmentStyle.Dismissing, sx, sy, right, bottom, right - 4, bottom - 6, "end"),
            Region(AttachmentStyle.Fearful, sx, top, right, sy, right - 4, top + 14, "end"),
        ];
        SplitPath = new SvgPath().MoveTo(sx, top).LineTo(sx, bottom).MoveTo(left, sy).LineTo(right, sy).ToString();

        var path = new SvgPath();
        var points = new List<DrawnPoint>(assessments.Count);
        for (var i = 0; i < assessments.Count; i++)
        {
            var c = assessments[i].Classification;
            var px = x.Map(Math.Clamp(c.Avoidance, ScaleMin, ScaleMax));
            var py = y.Map(Math.Clamp(c.Anxiety, ScaleMin, ScaleMax));
            path.LineTo(px, py);
            var current = i == assessments.Count - 1;
            points.Add(new DrawnPoint(
                ChartNumber.Svg(px),
                ChartNumber.Svg(py),
                current ? "6" : "4",
                current ? "rn-attachment__point rn-attachment__point--current" : "rn-attachment__point",
                ChartNumber.Count(i + 1),
                ChartNumber.Svg(px + (current ? 8 : 6)),
                ChartNumber.Svg(py - 6)));
        }

        PathData = assessments.Count > 1 ? path.ToString() : null;
        Points = points;

        Title = T["Title"];
        Description = Describe(assessments, anxietySplit, avoidanceSplit);
        Table = new ChartTable(
            T["TableCaption"],
            [T["NumberColumn"], T["AssessmentColumn"], T["AnxietyAxis"], T["AvoidanceAxis"], T["RegionColumn"]],
            [.. assessments.Select((a, i) => new[]
            {
                ChartNumber.Count(i + 1),
                a.Label,
                ChartNumber.Significant(a.Classification.Anxiety),
                ChartNumber.Significant(a.Classification.Avoidance),
                StyleName(a.Classification.Style),
            })]);
    }

    private string Describe(IReadOnlyList<AttachmentAssessment> assessments, double anxietySplit, double avoidanceSplit)
    {
        var parts = new List<string>
        {
            T.Format("Summary", ChartNumber.Significant(ScaleMin), ChartNumber.Significant(ScaleMax), ChartNumber.Significant(anxietySplit), ChartNumber.Significant(avoidanceSplit)),
        };
        if (assessments.Count == 0)
        {
            parts.Add(T["NoAssessments"]);
            return string.Join(" ", parts);
        }

        var last = assessments[^1];
        parts.Add(T.Format(
            "Latest",
            last.Label,
            ChartNumber.Significant(last.Classification.Anxiety),
            ChartNumber.Significant(last.Classification.Avoidance),
            StyleName(last.Classification.Style)));
        if (assessments.Count > 1)
        {
            var first = assessments[0];
            parts.Add(T.Format(
                "PathSummary",
                ChartNumber.Count(assessments.Count),
                first.Label,
                StyleName(first.Classification.Style),
                last.Label,
                StyleName(last.Classification.Style)));
        }

        return string.Join(" ", parts);
    }

    private DrawnRegion Region(AttachmentStyle style, double x0, double y0, double x1, double y1, double labelX, double labelY, string anchor) =>
        new(
            new SvgPath().Rect(x0, y0, x1 - x0, y1 - y0).ToString(),
            "rn-attachment__region rn-attachment__region--" + style switch
            {
                AttachmentStyle.Secure => "secure",
                AttachmentStyle.Preoccupied => "preoccupied",
                AttachmentStyle.Dismissing => "dismissing",
                _ => "fearful",
            },
            StyleName(style),
            ChartNumber.Svg(labelX),
            ChartNumber.Svg(labelY),
            anchor);

    private string StyleName(AttachmentStyle style) => T[style.ToString()];

    private static TickSet WholeTicks(double min, double max)
    {
        var values = new List<double>();
        for (var v = min; v <= max; v++)
        {
            values.Add(v);
        }

        return new TickSet(min, max, 1, values, [.. values.Select(v => ChartNumber.Label(v, 0))]);
    }
}
