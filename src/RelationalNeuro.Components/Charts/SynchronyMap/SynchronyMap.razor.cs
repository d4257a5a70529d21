using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using RelationalNeuro.Components.Charts;
using RelationalNeuro.Components.Localization;
using RelationalNeuro.Synchrony;

namespace RelationalNeuro.Components;

/// <summary>
/// A synchrony map: the window × lag matrix of a windowed lagged cross-correlation (<see cref="WindowedCrossCorrelation"/>)
/// as a heat map — time across, lag up (above 0: B follows A), each cell coloured by its value — with each window's best
/// lag marked, a legend, and the per-window best lag and value in a visually hidden table. SVG computed in C# with a fixed
/// viewBox; complete under static rendering.
/// </summary>
/// <remarks>
/// <para><b>Cells</b> are <see cref="WindowedCrossCorrelationResult.Cell"/> (Pearson r, or |Fisher z| with rMEA's defaults,
/// as the result's options say). A column is one window, placed at its start and one step wide (windows overlap when the
/// step is shorter than the window). The colour scale is symmetric, ±M with M the smallest of 1, 2 or 5 × 10ⁿ at or above
/// the largest |cell| (Heckbert's nice numbers), cut into five equal classes a sign: level ⌈5·|v|/M⌉ (|v| = 0 is level 1).
/// Positive values use <c>--rn-chart-line</c>, negative ones <c>--rn-chart-line-2</c>, at five opacities; cells that could
/// not be computed (a constant block, rMEA's identity rule) are grey; each colour class is one <c>&lt;path&gt;</c>.</para>
/// <para><b>Bounded markup.</b> More than <see cref="MaxColumns"/> windows are bucketed into at most that many columns of
/// consecutive windows (a bucket's cell is the mean of its computed cells; its best lag the median of its windows' best
/// lags); more than <see cref="MaxRows"/> lags likewise. The table lists every window up to <see cref="MaxColumns"/>, else
/// one row per bucket with a note. So a 24-hour session draws at most 120 × 61 cells in eleven paths.</para>
/// <para>The chart computes no synchrony: pass the result (e.g. <c>WindowedCrossCorrelation.Compute(dyad)</c>).</para>
/// </remarks>
public sealed partial class SynchronyMap
{
    /// <summary>The fixed viewBox (400 × 270) with a 344 × 202 plot.</summary>
    internal static readonly ChartLayout Layout = new(400, 270, 44, 28, 12, 40);

    /// <summary>At most this many columns (windows or buckets of windows) are drawn, and table rows listed.</summary>
    internal const int MaxColumns = 120;

    /// <summary>At most this many rows (lags or buckets of lags) are drawn.</summary>
    internal const int MaxRows = 61;

    /// <summary>Colour classes a sign.</summary>
    internal const int Levels = 5;

    /// <summary>Creates the chart; its parameters say what it draws.</summary>
    public SynchronyMap()
        : base(Layout, "rn-sync-map", typeof(SynchronyMap))
    {
    }

    /// <summary>The windowed cross-correlation to draw. Required.</summary>
    [Parameter]
    [EditorRequired]
    public WindowedCrossCorrelationResult Result { get; set; } = null!;

    /// <summary>What the description and axis call member A (e.g. "the therapist"); null uses the resources' "A".</summary>
    [Parameter]
    public string? NameA { get; set; }

    /// <summary>What the description and axis call member B (e.g. "the client"); null uses the resources' "B".</summary>
    [Parameter]
    public string? NameB { get; set; }

    private WindowedCrossCorrelationResult? _drawnFor;
    private string? _drawnA;
    private string? _drawnB;

    private readonly record struct Swatch(int Index, string Text);

    private string[] CellPaths { get; set; } = [];

    private string MissingPath { get; set; } = "";

    private string BestPath { get; set; } = "";

    private double ZeroY { get; set; }

    private IReadOnlyList<Swatch> Swatches { get; set; } = [];

    private string A => NameA ?? T["MemberA"];

    private string B => NameB ?? T["MemberB"];

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        ArgumentNullException.ThrowIfNull(Result, nameof(Result));
        if (!ReferenceEquals(Result, _drawnFor) || A != _drawnA || B != _drawnB)
        {
            Draw(Result);
            _drawnFor = Result;
            _drawnA = A;
            _drawnB = B;
        }

        Title = T["Title"];
    }

    private static string CellClass(int index) =>
        "rn-sync-map__cell rn-sync-map__cell--" + (index < Levels ? "pos" : "neg") + " rn-sync-map__cell--" + ((index % Levels) + 1).ToString(CultureInfo.InvariantCulture);

    private static string SwatchClass(int index) =>
        "rn-sync-map__swatch rn-sync-map__swatch--" + (index < Levels ? "pos" : "neg") + " rn-sync-map__swatch--" + ((index % Levels) + 1).ToString(CultureInfo.InvariantCulture);


    /// <summary>Consecutive groups of <paramref name="count"/> items in at most <paramref name="max"/> buckets: bucket b holds [start, end).</summary>
    internal static (int Start, int End)[] Buckets(int count, int max)
    {
        var n = Math.Min(count, max);
        var buckets = new (int, int)[n];
        for (var b = 0; b < n; b++)
        {
            buckets[b] = ((int)((long)b * count / n), (int)((long)(b + 1) * count / n));
        }

        return buckets;
    }

    private void Draw(WindowedCrossCorrelationResult result)
    {
        CellPaths = [];
        MissingPath = "";
        BestPath = "";
        Swatches = [];
        var windows = result.WindowCount;
        if (windows == 0)
        {
            XAxis = YAxis = null;
            Table = null;
            Description = T["Empty"];
            return;
        }

        var rate = result.SampleRateHz;
        var stepSeconds = result.IncrementSamples / rate;
        var maxLag = result.MaxLagSamples / rate;
        var columns = Buckets(windows, MaxColumns);
        var rows = Buckets(result.LagCount, MaxRows);

        // Bucket means of the computed cells; NaN where a bucket has none.
        var values = new double[columns.Length, rows.Length];
        var largest = 0.0;
        for (var c = 0; c < columns.Length; c++)
        {
            for (var r = 0; r < rows.Length; r++)
            {
                double sum = 0;
                var n = 0;
                for (var w = columns[c].Start; w < columns[c].End; w++)
                {
                    for (var l = rows[r].Start; l < rows[r].End; l++)
                    {
                        if (result.Cell(w, l) is { } v)
                        {
                            sum += v;
                            n++;
                        }
                    }
                }

                values[c, r] = n == 0 ? double.NaN : sum / n;
                if (n > 0)
                {
                    largest = Math.Max(largest, Math.Abs(values[c, r]));
                }
            }
        }

        var first = result.Windows[0].StartSeconds;
        var end = result.Windows[^1].StartSeconds + stepSeconds;
        var x = new LinearScale(first, end, Layout.PlotLeft, Layout.PlotRight);
        var xTicks = NiceTicks.Time(first, end);
        // Lag rows are equal bands: the lowest lag's band at the bottom, the highest at the top.
        var halfRow = result.LagCount == 1 ? 0.5 : maxLag / (result.LagCount - 1);
        var y = new LinearScale(-maxLag - halfRow, maxLag + halfRow, Layout.PlotBottom, Layout.PlotTop);
        XAxis = new ChartAxis(AxisSide.Bottom, x, xTicks, Layout, T["AxisTime"], Grid: false);
        YAxis = new ChartAxis(AxisSide.Left, y, LagTicks(maxLag, y), Layout, T["AxisLag"], Grid: false);
        ZeroY = y.Map(0);

        var scaleMax = largest > 0 ? NiceTicks.NiceNumber(largest, round: false) : 1;
        var paths = new SvgPath[2 * Levels];
        for (var i = 0; i < paths.Length; i++)
        {
            paths[i] = new SvgPath();
        }

        var missing = new SvgPath();
        var rowHeight = Layout.PlotHeight / rows.Length;
        var columnWidth = Layout.PlotWidth / columns.Length;
        var used = new bool[2 * Levels];
        for (var c = 0; c < columns.Length; c++)
        {
            for (var r = 0; r < rows.Length; r++)
            {
                var left = Layout.PlotLeft + (c * columnWidth);
                var top = Layout.PlotBottom - ((r + 1) * rowHeight);
                var v = values[c, r];
                if (double.IsNaN(v))
                {
                    missing.Rect(left, top, columnWidth, rowHeight);
                    continue;
                }

                var index = Level(v, scaleMax) - 1 + (v < 0 ? Levels : 0);
                used[index] = true;
                paths[index].Rect(left, top, columnWidth, rowHeight);
            }
        }

        CellPaths = [.. paths.Select(p => p.ToString())];
        MissingPath = missing.ToString();
        Swatches = BuildSwatches(scaleMax, used);
        var best = new SvgPath();
        var bestRows = new List<string[]>(columns.Length);
        for (var c = 0; c < columns.Length; c++)
        {
            var lags = new List<double>();
            var bestValues = new List<double>();
            for (var w = columns[c].Start; w < columns[c].End; w++)
            {
                if (result.Windows[w] is { BestLagSeconds: { } lag, BestValue: { } value })
                {
                    lags.Add(lag);
                    bestValues.Add(value);
                }
            }

            double? medianLag = lags.Count == 0 ? null : Median(lags);
            if (medianLag is { } m)
            {
                var cx = Layout.PlotLeft + ((c + 0.5) * columnWidth);
                best.MoveTo(cx, y.Map(m)).LineTo(cx, y.Map(m));
            }

            var start = result.Windows[columns[c].Start].StartSeconds;
            var startText = columns[c].End - columns[c].Start == 1
                ? ChartNumber.ClockSeconds(start, end >= 3600)
                : ChartNumber.ClockSeconds(start, end >= 3600) + "–" + ChartNumber.ClockSeconds(result.Windows[columns[c].End - 1].StartSeconds, end >= 3600);
            bestRows.Add([
                startText,
                medianLag is { } ml ? Signed(ml) : "–",
                bestValues.Count == 0 ? "–" : ChartNumber.Label(bestValues.Average(), 2),
            ]);
        }

        BestPath = best.ToString();
        var bucketed = columns.Length < windows;
        Table = new ChartTable(
            T.Format("TableCaption", A, B),
            [T["ColumnStart"], T["ColumnBestLag"], T["ColumnBestValue"]],
            bestRows,
            bucketed ? T.Format("TableNote", ChartNumber.Count(windows), ChartNumber.Count(columns.Length)) : null);
        Description = BuildDescription(result, stepSeconds, maxLag, columns.Length, rows.Length);
    }

    /// <summary>Colour class 1–5 for |v| on a 0–M scale in five equal classes.</summary>
    internal static int Level(double value, double scaleMax) => Math.Clamp((int)Math.Ceiling(Levels * Math.Abs(value) / scaleMax), 1, Levels);

    private List<Swatch> BuildSwatches(double scaleMax, bool[] used)
    {
        var decimals = ChartNumber.DecimalsFor(scaleMax / Levels);
        var swatches = new List<Swatch>();
        var anyNegative = used.Skip(Levels).Any(u => u);
        if (anyNegative)
        {
            for (var level = Levels; level >= 1; level--)
            {
                swatches.Add(new Swatch(Levels + level - 1, T.Format("LegendRange", ChartNumber.Label(-scaleMax * level / Levels, decimals), ChartNumber.Label(-scaleMax * (level - 1) / Levels, decimals))));
            }
        }

        for (var level = 1; level <= Levels; level++)
        {
            swatches.Add(new Swatch(level - 1, T.Format("LegendRange", ChartNumber.Label(scaleMax * (level - 1) / Levels, decimals), ChartNumber.Label(scaleMax * level / Levels, decimals))));
        }

        return swatches;
    }

    private static TickSet LagTicks(double maxLag, LinearScale y)
    {
        var nice = NiceTicks.Linear(-maxLag, maxLag, 5);
        var values = nice.Values.Where(v => Math.Abs(v) <= maxLag + 1e-9).ToArray();
        if (values.Length == 0)
        {
            values = [0];
        }

        var decimals = ChartNumber.DecimalsFor(nice.Step);
        return new TickSet(y.DomainMin, y.DomainMax, nice.Step, values, [.. values.Select(v => v > 0 ? "+" + ChartNumber.Label(v, decimals) : ChartNumber.Label(v, decimals))]);
    }

    private string BuildDescription(WindowedCrossCorrelationResult result, double stepSeconds, double maxLag, int columns, int rows)
    {
        var kind = (result.Options.FisherZ, result.Options.AbsoluteValues) switch
        {
            (true, true) => T["KindAbsZ"],
            (true, false) => T["KindZ"],
            (false, true) => T["KindAbsR"],
            _ => T["KindR"],
        };
        var text = T.Format(
            "Description",
            kind,
            A,
            B,
            ChartNumber.Count(result.WindowCount),
            ChartNumber.Plain(result.WindowSamples / result.SampleRateHz),
            ChartNumber.Plain(stepSeconds),
            ChartNumber.Plain(maxLag));
        text += " " + T.Format("DescriptionGrand", result.GrandAverage is { } g ? ChartNumber.Label(g, 2) : "–");
        text += " " + (result.MedianBestLagSeconds is { } lag ? T.Format("DescriptionLag", Signed(lag)) : T["DescriptionNoLag"]);
        if (columns < result.WindowCount || rows < result.LagCount)
        {
            text += " " + T.Format("DescriptionBucketed", ChartNumber.Count(columns), ChartNumber.Count(rows));
        }

        return text;
    }

    private static string Signed(double seconds) => seconds > 0 ? "+" + ChartNumber.Plain(seconds) : ChartNumber.Plain(seconds);

    private static double Median(List<double> values)
    {
        values.Sort();
        var n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }
}
