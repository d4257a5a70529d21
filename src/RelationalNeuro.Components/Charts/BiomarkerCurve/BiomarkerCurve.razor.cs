using Microsoft.AspNetCore.Components;
using RelationalNeuro.Components.Charts;
using RelationalNeuro.Components.Localization;
using RelationalNeuro.Endocrine;

namespace RelationalNeuro.Components;

/// <summary>
/// A biomarker's samples over time (cortisol, alpha-amylase, oxytocin — any analyte with its unit) with the areas under
/// the curve shaded (AUCg down to zero, AUCi above the first sample; Pruessner et al. 2003), the awakening response
/// window, and the sampling-compliance findings marked on their samples (late first sample, drift from the schedule,
/// implausible values). Pure SVG with a fixed viewBox; <c>role="img"</c> with a generated title and description; the
/// samples and findings again as a visually hidden table.
/// </summary>
/// <remarks>
/// <para>The chart computes no index: the app analyses the day (<see cref="CortisolAwakeningResponse"/> or
/// <see cref="Auc"/>) and passes the result. With <see cref="Car"/>, the areas are its AUCg and AUCi and are shaded over
/// its <see cref="CarResult.SamplesInWindow"/> first samples, and its compliance findings are marked; with
/// <see cref="Area"/> they are shaded over every sample. An area that is null (a missing sample under the Reject policy)
/// is not shaded, and the description says so.</para>
/// <para>Findings are marked by shape, not colour alone: a diamond around a sample with a timing finding (late, before
/// waking, drifted, time missing), a square around one with a value finding (implausible, outside the assay range).
/// They are located by their problem's location, "S0", "S1"... (<see cref="CarCompliance"/>). A missing sample is a
/// gap in the line.</para>
/// </remarks>
public sealed partial class BiomarkerCurve
{
    private static readonly ChartLayout Layout = new(400, 240, 44, 28, 12, 34);

    /// <summary>Creates the chart; its parameters say what it draws.</summary>
    public BiomarkerCurve()
        : base(Layout, "rn-biomarker", typeof(BiomarkerCurve))
    {
    }

    /// <summary>The samples in time order; a null or NaN value is a missing sample (a gap).</summary>
    [Parameter]
    public IReadOnlyList<BiomarkerSample>? Samples { get; set; }

    /// <summary>The analyte's name, for the title and the y axis. Default "Cortisol".</summary>
    [Parameter]
    public string Analyte { get; set; } = "Cortisol";

    /// <summary>The concentration unit of <see cref="BiomarkerSample.Value"/> (areas are read out in this unit × min). Default "nmol/L".</summary>
    [Parameter]
    public string Unit { get; set; } = "nmol/L";

    /// <summary>A cortisol awakening response analysis of these samples: its areas, window sample count and compliance findings. Null for none.</summary>
    [Parameter]
    public CarResult? Car { get; set; }

    /// <summary>Areas under the curve over every sample (<see cref="Auc.Compute"/>), used when <see cref="Car"/> is null. Null for none.</summary>
    [Parameter]
    public AucResult? Area { get; set; }

    /// <summary>Compliance findings to mark, when they do not come with <see cref="Car"/>. Null for none.</summary>
    [Parameter]
    public CarComplianceResult? Compliance { get; set; }

    /// <summary>End of the awakening response window in minutes after waking (e.g. 45, as <see cref="CarOptions.WindowEndMinutes"/>); the band 0 to it is shaded. Null (default) for no window.</summary>
    [Parameter]
    public double? AwakeningWindowEndMinutes { get; set; }

    private readonly record struct DrawnPoint(string X, string Y);

    private readonly record struct DrawnMarker(string Path, string Class);

    private string? WindowPath { get; set; }

    private string WindowLabelX { get; set; } = "";

    private string WindowLabelY { get; set; } = "";

    private string WindowLabel => T["WindowLabel"];

    private string? GroundPath { get; set; }

    private string? IncreasePath { get; set; }

    private string? BaselinePath { get; set; }

    private string CurvePath { get; set; } = "";

    private IReadOnlyList<DrawnPoint> Points { get; set; } = [];

    private IReadOnlyList<DrawnMarker> Markers { get; set; } = [];

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        var samples = Samples ?? [];
        var minutes = samples.Select(s => s.Minutes).ToArray();
        var values = samples.Select(s => s.Value is { } v && double.IsFinite(v) ? v : double.NaN).ToArray();
        var present = Enumerable.Range(0, samples.Count).Where(i => double.IsFinite(values[i]) && double.IsFinite(minutes[i])).ToList();

        double? ground = Car is not null ? Car.AucgNmolMinPerL : Area?.Ground;
        double? increase = Car is not null ? Car.AuciNmolMinPerL : Area?.Increase;
        var areaCount = Car is not null ? Math.Min(Car.SamplesInWindow, samples.Count) : samples.Count;
        var compliance = Car?.Compliance ?? Compliance;
        var window = AwakeningWindowEndMinutes is { } w && double.IsFinite(w) && w > 0 ? w : (double?)null;

        var timed = Enumerable.Range(0, samples.Count).Where(i => double.IsFinite(minutes[i])).Select(i => minutes[i]).ToList();
        if (window is { } end)
        {
            timed.Add(0);
            timed.Add(end);
        }

        var (x0, x1) = LinearScale.Extent(timed);
        var yValues = present.Select(i => values[i]).Append(0).ToList();
        var (y0, y1) = LinearScale.Extent(yValues);
        var (xScale, xTicks) = LinearScale.Nice(x0, x1, Layout.PlotLeft, Layout.PlotRight, 6);
        var (yScale, yTicks) = LinearScale.Nice(Math.Min(0, y0), y1, Layout.PlotBottom, Layout.PlotTop, 5);
        XAxis = new ChartAxis(AxisSide.Bottom, xScale, xTicks, Layout, T["MinutesAxis"]);
        YAxis = new ChartAxis(AxisSide.Left, yScale, yTicks, Layout, Analyte + " (" + Unit + ")");

        WindowPath = null;
        if (window is { } we)
        {
            var left = xScale.Map(0);
            WindowPath = new SvgPath().Rect(left, Layout.PlotTop, xScale.Map(we) - left, Layout.PlotHeight).ToString();
            WindowLabelX = ChartNumber.Svg(left + 3);
            WindowLabelY = ChartNumber.Svg(Layout.PlotTop + 12);
        }

        // The areas: over the present samples among the first areaCount, joined as the trapezoid rule joins them.
        var under = present.Where(i => i < areaCount).ToList();
        GroundPath = null;
        IncreasePath = null;
        BaselinePath = null;
        if (under.Count >= 2 && ground is not null)
        {
            GroundPath = AreaPath(under, minutes, values, xScale, yScale, yScale.Map(0));
        }

        if (under.Count >= 2 && increase is not null && under[0] == 0)
        {
            var level = yScale.Map(values[0]);
            IncreasePath = AreaPath(under, minutes, values, xScale, yScale, level);
            BaselinePath = new SvgPath().MoveTo(xScale.Map(minutes[under[0]]), level).LineTo(xScale.Map(minutes[under[^1]]), level).ToString();
        }

        var line = new SvgPath();
        var points = new List<DrawnPoint>();
        for (var i = 0; i < samples.Count; i++)
        {
            if (!double.IsFinite(values[i]) || !double.IsFinite(minutes[i]))
            {
                line.Break();
                continue;
            }

            var x = xScale.Map(minutes[i]);
            var y = yScale.Map(values[i]);
            line.LineTo(x, y);
            points.Add(new DrawnPoint(ChartNumber.Svg(x), ChartNumber.Svg(y)));
        }

        CurvePath = line.ToString();
        Points = points;

        var findings = Findings(compliance, samples.Count);
        var markers = new List<DrawnMarker>();
        for (var i = 0; i < samples.Count; i++)
        {
            if (findings[i].Count == 0 || !double.IsFinite(minutes[i]))
            {
                continue;
            }

            // A missing value is marked on the time axis.
            var x = xScale.Map(minutes[i]);
            var y = double.IsFinite(values[i]) ? yScale.Map(values[i]) : Layout.PlotBottom;
            if (findings[i].Any(f => f.Timing))
            {
                markers.Add(new DrawnMarker(Diamond(x, y, 7), "rn-chart__marker rn-chart__marker--flagged rn-biomarker__finding rn-biomarker__finding--timing"));
            }

            if (findings[i].Any(f => !f.Timing))
            {
                markers.Add(new DrawnMarker(new SvgPath().Rect(x - 6, y - 6, 12, 12).ToString(), "rn-chart__marker rn-chart__marker--removed rn-biomarker__finding rn-biomarker__finding--value"));
            }
        }

        Markers = markers;
        Title = T.Format("Title", Analyte);
        Description = Describe(samples, minutes, values, present, ground, increase, under.Count, window, compliance, findings);
        Table = new ChartTable(
            T.Format("TableCaption", Analyte),
            [T["SampleColumn"], T["MinutesAxis"], Analyte + " (" + Unit + ")", T["FindingsColumn"]],
            [.. Enumerable.Range(0, samples.Count).Select(i => new[]
            {
                "S" + ChartNumber.Count(i),
                ChartNumber.Significant(minutes[i]),
                double.IsFinite(values[i]) ? ChartNumber.Significant(values[i]) : T["Missing"],
                findings[i].Count == 0 ? T["None"] : string.Join(", ", findings[i].Select(f => f.Text)),
            })]);
    }

    private readonly record struct Finding(string Text, bool Timing);

    private List<Finding>[] Findings(CarComplianceResult? compliance, int count)
    {
        var findings = new List<Finding>[count];
        for (var i = 0; i < count; i++)
        {
            findings[i] = [];
        }

        foreach (var problem in compliance?.Problems ?? [])
        {
            if (problem.Location is not { Length: > 1 } location || location[0] != 'S'
                || !int.TryParse(location.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                || index >= count)
            {
                continue;
            }

            Finding finding = problem.Code switch
            {
                "car.first-sample-delayed" => new(T["FindingLate"], true),
                "car.sample-before-waking" => new(T["FindingBeforeWaking"], true),
                "car.sample-drift" => new(T["FindingDrift"], true),
                "car.time-missing" => new(T["FindingTimeMissing"], true),
                "car.value-implausible" => new(T["FindingImplausible"], false),
                "car.value-outside-assay-range" => new(T["FindingAssayRange"], false),
                _ => new(problem.Code, false),
            };
            findings[index].Add(finding);
        }

        return findings;
    }

    private string Describe(
        IReadOnlyList<BiomarkerSample> samples, double[] minutes, double[] values, List<int> present,
        double? ground, double? increase, int underCount, double? window, CarComplianceResult? compliance, List<Finding>[] findings)
    {
        if (present.Count == 0)
        {
            return T.Format("NoSamples", Analyte);
        }

        var peak = present[0];
        foreach (var i in present)
        {
            if (values[i] > values[peak])
            {
                peak = i;
            }
        }

        var parts = new List<string>
        {
            T.Format(
                "Summary",
                Analyte,
                Unit,
                ChartNumber.Count(present.Count),
                ChartNumber.Significant(minutes[present[0]]),
                ChartNumber.Significant(minutes[present[^1]]),
                ChartNumber.Significant(values[present[0]]),
                ChartNumber.Significant(values[present[^1]]),
                ChartNumber.Significant(values[peak]),
                ChartNumber.Significant(minutes[peak])),
        };

        if (samples.Count > present.Count)
        {
            parts.Add(T.Format("MissingSamples", ChartNumber.Count(samples.Count - present.Count)));
        }

        if (Car is not null || Area is not null)
        {
            parts.Add(ground is { } g && increase is { } inc
                ? T.Format("AreaSummary", ChartNumber.Significant(g), ChartNumber.Significant(inc), Unit, ChartNumber.Count(underCount))
                : T["AreaUnavailable"]);
        }

        if (window is { } w)
        {
            parts.Add(T.Format("WindowSummary", ChartNumber.Significant(w)));
        }

        if (compliance is not null)
        {
            var listed = Enumerable.Range(0, findings.Length)
                .Where(i => findings[i].Count > 0)
                .Select(i => "S" + ChartNumber.Count(i) + " " + string.Join(", ", findings[i].Select(f => f.Text)))
                .ToList();
            parts.Add(listed.Count == 0 ? T["ComplianceClean"] : T.Format("ComplianceSummary", string.Join("; ", listed)));
        }

        return string.Join(" ", parts);
    }

    private static string AreaPath(List<int> under, double[] minutes, double[] values, LinearScale xScale, LinearScale yScale, double level)
    {
        var path = new SvgPath().MoveTo(xScale.Map(minutes[under[0]]), level);
        foreach (var i in under)
        {
            path.LineTo(xScale.Map(minutes[i]), yScale.Map(values[i]));
        }

        return path.LineTo(xScale.Map(minutes[under[^1]]), level).Close().ToString();
    }

    private static string Diamond(double x, double y, double r) =>
        new SvgPath().MoveTo(x, y - r).LineTo(x + r, y).LineTo(x, y + r).LineTo(x - r, y).Close().ToString();
}
