using System.Globalization;
using Microsoft.AspNetCore.Components;
using RelationalNeuro.Components.Charts;
using RelationalNeuro.Components.Localization;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Components;

/// <summary>
/// A Poincaré plot: each interval RRₙ against the next, RRₙ₊₁, on equal square axes, with the line of identity, the
/// SD1/SD2 ellipse and its two axes; a dense cloud (a 24-h recording) is drawn as a binned density instead of
/// 100,000 dots. SVG computed in C# with a fixed viewBox; complete under static rendering.
/// </summary>
/// <remarks>
/// <para>The points are the NN intervals of <see cref="Artifacts"/> when given (the series the HRV metrics are computed
/// on), else the intervals of <see cref="Series"/>. The ellipse (Brennan, Palaniswami &amp; Kamen, IEEE TBME 48(11), 2001):
/// centred on (<see cref="MeanNnMs"/>, <see cref="MeanNnMs"/>), semi-axis SD2 along the line of identity and SD1
/// across it, from <see cref="Result"/> (<see cref="HrvMetrics.Poincare(ReadOnlySpan{double}, PoincareOptions?)"/> or
/// <see cref="HrvReport.Poincare"/>); the chart computes no metric itself.</para>
/// <para>Density: above <see cref="DensityThreshold"/> pairs, the plot is cut into a 66 × 66 grid (4 viewBox units a
/// cell) and each cell that holds pairs is filled at one of five levels, level = ⌈5 · ln(1 + count) / ln(1 + max)⌉ —
/// logarithmic, so the sparse outskirts stay visible next to a core of thousands. Up to the threshold every pair is a
/// dot. The hidden data table lists every pair up to 60 pairs, else one row per tick-step stretch of RRₙ with the
/// count and the minimum, mean and maximum RRₙ₊₁, with a note saying so.</para>
/// </remarks>
public sealed partial class PoincarePlot
{
    /// <summary>The fixed viewBox (320 × 322) with a square 264 × 264 plot.</summary>
    internal static readonly ChartLayout Layout = new(320, 322, 44, 24, 12, 34);

    /// <summary>Grid cells per side of the density.</summary>
    internal const int Cells = 66;

    /// <summary>Density levels (classes <c>rn-poincare__cell--1</c> … <c>--5</c>).</summary>
    internal const int Levels = 5;

    /// <summary>Up to this many pairs, the data table lists every pair.</summary>
    internal const int MaxPairRows = 60;

    /// <summary>Creates the chart; its parameters say what it draws.</summary>
    public PoincarePlot()
        : base(Layout, "rn-poincare", typeof(PoincarePlot))
    {
    }

    /// <summary>The RR series; its intervals are the points unless <see cref="Artifacts"/> is given. One of the two is required.</summary>
    [Parameter]
    public RrSeries? Series { get; set; }

    /// <summary>The artifact correction; when given, its NN intervals (<see cref="ArtifactResult.NnIntervalsMs"/>) are the points.</summary>
    [Parameter]
    public ArtifactResult? Artifacts { get; set; }

    /// <summary>SD1 and SD2 for the ellipse, e.g. <see cref="HrvReport.Poincare"/>; null draws no ellipse.</summary>
    [Parameter]
    public PoincareResult? Result { get; set; }

    /// <summary>The ellipse's centre on both axes, in ms: the mean NN interval (<see cref="TimeDomainResult.MeanNnMs"/>); null draws no ellipse.</summary>
    [Parameter]
    public double? MeanNnMs { get; set; }

    /// <summary>Above this many pairs the cloud is drawn as a binned density. Default 2,000; must be ≥ 0.</summary>
    [Parameter]
    public int DensityThreshold { get; set; } = 2000;

    private object? _drawnFor;
    private PoincareResult? _drawnResult;
    private double? _drawnMean;
    private int _drawnThreshold = -1;

    private int Pairs { get; set; }

    private string PointsPath { get; set; } = "";

    private string[] CellPaths { get; set; } = [];

    private int MaxCellCount { get; set; }

    private (double X1, double Y1, double X2, double Y2) Identity { get; set; }

    private (double Cx, double Cy, double Rx, double Ry, double Sd1, double Sd2)? Ellipse { get; set; }

    private (double X1, double Y1, double X2, double Y2) Sd1Axis { get; set; }

    private string EllipseTransform => Ellipse is { } e ? "rotate(-45 " + Num(e.Cx) + " " + Num(e.Cy) + ")" : "";

    private RenderFragment EllipseLabels => builder =>
    {
        if (Ellipse is { } e)
        {
            ChartAxis.Text(builder, 0, "rn-chart__label rn-poincare__sd-label", Layout.PlotLeft + 6, Layout.PlotTop + 14, "start", T.Format("LabelSd1", ChartNumber.Label(e.Sd1, 1)));
            ChartAxis.Text(builder, 1, "rn-chart__label rn-poincare__sd-label", Layout.PlotLeft + 6, Layout.PlotTop + 28, "start", T.Format("LabelSd2", ChartNumber.Label(e.Sd2, 1)));
        }
    };

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (Series is null && Artifacts is null)
        {
            throw new ArgumentNullException(nameof(Series), "PoincarePlot needs a Series or Artifacts.");
        }

        if (DensityThreshold < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(DensityThreshold), DensityThreshold, "PoincarePlot's DensityThreshold must be ≥ 0.");
        }

        if (MeanNnMs is { } mean && (!double.IsFinite(mean) || mean <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MeanNnMs), mean, "PoincarePlot's MeanNnMs must be finite and > 0.");
        }

        object source = (object?)Artifacts ?? Series!;
        if (!ReferenceEquals(source, _drawnFor) || Result != _drawnResult || MeanNnMs != _drawnMean || DensityThreshold != _drawnThreshold)
        {
            Draw(Artifacts is not null ? Artifacts.NnIntervalsMs : Series!.IntervalsMs);
            _drawnFor = source;
            _drawnResult = Result;
            _drawnMean = MeanNnMs;
            _drawnThreshold = DensityThreshold;
        }

        Title = T["Title"];
    }

    private void Draw(ReadOnlySpan<double> nn)
    {
        Pairs = Math.Max(0, nn.Length - 1);
        PointsPath = "";
        CellPaths = [];
        Ellipse = null;
        MaxCellCount = 0;
        if (Pairs == 0)
        {
            XAxis = YAxis = null;
            Table = null;
            Description = T["Empty"];
            return;
        }

        var lo = double.PositiveInfinity;
        var hi = double.NegativeInfinity;
        foreach (var v in nn)
        {
            lo = Math.Min(lo, v);
            hi = Math.Max(hi, v);
        }

        // One scale for both axes, so the line of identity is the diagonal and the ellipse is not distorted.
        var (x, ticks) = LinearScale.Nice(lo, hi, Layout.PlotLeft, Layout.PlotRight, 5);
        var y = new LinearScale(ticks.Min, ticks.Max, Layout.PlotBottom, Layout.PlotTop);
        XAxis = new ChartAxis(AxisSide.Bottom, x, ticks, Layout, T["AxisX"]);
        YAxis = new ChartAxis(AxisSide.Left, y, ticks, Layout, T["AxisY"]);
        Identity = (x.Map(ticks.Min), y.Map(ticks.Min), x.Map(ticks.Max), y.Map(ticks.Max));

        if (Pairs > DensityThreshold)
        {
            DrawDensity(nn, ticks.Min, ticks.Max);
        }
        else
        {
            var points = new SvgPath(Pairs * 16);
            for (var i = 0; i < Pairs; i++)
            {
                // A zero-length segment with a round cap is a dot: one path for every point.
                points.MoveTo(x.Map(nn[i]), y.Map(nn[i + 1]));
                points.LineTo(x.Map(nn[i]), y.Map(nn[i + 1]));
            }

            PointsPath = points.ToString();
        }

        if (Result is { Sd1Ms: { } sd1, Sd2Ms: { } sd2 } && MeanNnMs is { } mean)
        {
            var unit = Layout.PlotWidth / (ticks.Max - ticks.Min); // viewBox units per ms, both axes
            Ellipse = (x.Map(mean), y.Map(mean), sd2 * unit, sd1 * unit, sd1, sd2);
            // The SD1 axis: through the centre, perpendicular to the identity line, across the whole plot (clipped).
            var reach = ticks.Max - ticks.Min;
            Sd1Axis = (x.Map(mean - reach), y.Map(mean + reach), x.Map(mean + reach), y.Map(mean - reach));
        }

        Table = BuildTable(nn, ticks);
        Description = BuildDescription(lo, hi);
    }

    private void DrawDensity(ReadOnlySpan<double> nn, double min, double max)
    {
        var counts = new int[Cells * Cells];
        var perMs = Cells / (max - min);
        for (var i = 0; i < Pairs; i++)
        {
            var cx = Math.Min(Cells - 1, (int)((nn[i] - min) * perMs));
            var cy = Math.Min(Cells - 1, (int)((nn[i + 1] - min) * perMs));
            counts[(cy * Cells) + cx]++;
        }

        var most = counts.Max();
        MaxCellCount = most;
        var paths = new SvgPath[Levels];
        for (var level = 0; level < Levels; level++)
        {
            paths[level] = new SvgPath();
        }

        var size = Layout.PlotWidth / Cells;
        var logMost = Math.Log(1 + most);
        var filled = 0;
        for (var cy = 0; cy < Cells; cy++)
        {
            for (var cx = 0; cx < Cells; cx++)
            {
                var count = counts[(cy * Cells) + cx];
                if (count == 0)
                {
                    continue;
                }

                filled++;
                var level = most == 1 ? Levels : (int)Math.Ceiling(Levels * Math.Log(1 + count) / logMost);
                paths[Math.Clamp(level, 1, Levels) - 1].Rect(Layout.PlotLeft + (cx * size), Layout.PlotBottom - ((cy + 1) * size), size, size);
            }
        }

        FilledCells = filled;
        CellPaths = [.. paths.Select(p => p.ToString())];
    }

    private int FilledCells { get; set; }

    private ChartTable BuildTable(ReadOnlySpan<double> nn, TickSet ticks)
    {
        if (Pairs <= MaxPairRows)
        {
            var rows = new List<string[]>(Pairs);
            for (var i = 0; i < Pairs; i++)
            {
                rows.Add([ChartNumber.Count(i + 1), ChartNumber.Label(nn[i], 0), ChartNumber.Label(nn[i + 1], 0)]);
            }

            return new ChartTable(T["TableCaptionPairs"], [T["ColumnPair"], T["ColumnRrN"], T["ColumnRrNext"]], rows);
        }

        var stretches = ticks.Values.Count - 1;
        var count = new int[stretches];
        var sum = new double[stretches];
        var min = Enumerable.Repeat(double.PositiveInfinity, stretches).ToArray();
        var max = Enumerable.Repeat(double.NegativeInfinity, stretches).ToArray();
        for (var i = 0; i < Pairs; i++)
        {
            var s = Math.Clamp((int)((nn[i] - ticks.Min) / ticks.Step), 0, stretches - 1);
            count[s]++;
            sum[s] += nn[i + 1];
            min[s] = Math.Min(min[s], nn[i + 1]);
            max[s] = Math.Max(max[s], nn[i + 1]);
        }

        var summary = new List<string[]>();
        for (var s = 0; s < stretches; s++)
        {
            if (count[s] > 0)
            {
                summary.Add([ticks.Labels[s] + "–" + ticks.Labels[s + 1], ChartNumber.Count(count[s]), ChartNumber.Label(min[s], 0), ChartNumber.Label(sum[s] / count[s], 0), ChartNumber.Label(max[s], 0)]);
            }
        }

        return new ChartTable(
            T["TableCaptionSummary"],
            [T["ColumnRange"], T["ColumnPairs"], T["ColumnMinNext"], T["ColumnMeanNext"], T["ColumnMaxNext"]],
            summary,
            T.Format("TableNote", ChartNumber.Count(Pairs), ChartNumber.Label(ticks.Step, 0)));
    }

    private string BuildDescription(double lo, double hi)
    {
        var text = T.Format("Summary", ChartNumber.Count(Pairs), ChartNumber.Label(lo, 0), ChartNumber.Label(hi, 0));
        if (Ellipse is { } e)
        {
            text += T.Format("SummaryEllipse", ChartNumber.Label(e.Sd1, 1), ChartNumber.Label(e.Sd2, 1), Result!.Value.Sd1OverSd2 is { } ratio ? ChartNumber.Label(ratio, 2) : "–");
        }

        if (CellPaths.Length > 0)
        {
            text += T.Format("SummaryDensity", ChartNumber.Count(FilledCells), ChartNumber.Count(MaxCellCount));
        }

        return text;
    }
}
