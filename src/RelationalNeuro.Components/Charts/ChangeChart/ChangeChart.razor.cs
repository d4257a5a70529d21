using Microsoft.AspNetCore.Components;
using RelationalNeuro.Change;
using RelationalNeuro.Components.Charts;
using RelationalNeuro.Components.Localization;

namespace RelationalNeuro.Components;

/// <summary>
/// A score across sessions (any metric: a questionnaire subscale, morning HRV, a cortisol index) with its trend line and
/// the line's confidence band (<see cref="TrendBand"/>), the reliable-change band around the baseline (Jacobson &amp;
/// Truax 1991: baseline ± <see cref="ReliableChangeResult.MinimumReliableChange"/>) and the instrument's clinical
/// cut-off lines. Pure SVG with a fixed viewBox; <c>role="img"</c> with a generated title and description; the
/// sessions again as a visually hidden table.
/// </summary>
/// <remarks>
/// The chart computes nothing clinical: the app fits the trend (<see cref="Change.Trend"/>), computes the reliable change
/// (<see cref="Change.ReliableChange"/>) and supplies the cut-offs; the chart draws them and says what it draws. The
/// description names the score range, the slope with its interval and outcome, whether the last score lies outside the
/// reliable-change band (and in which direction that is better), and the cut-offs. Every number in the markup uses the
/// invariant culture.
/// </remarks>
public sealed partial class ChangeChart
{
    private const int BandSamples = 9;

    private static readonly ChartLayout Layout = new(400, 240, 44, 28, 12, 34);

    /// <summary>Creates the chart; its parameters say what it draws.</summary>
    public ChangeChart()
        : base(Layout, "rn-change", typeof(ChangeChart))
    {
    }

    /// <summary>The sessions, in any order of <see cref="ChangeSession.Week"/> (drawn in the given order); a null or NaN score is a gap.</summary>
    [Parameter]
    public IReadOnlyList<ChangeSession>? Sessions { get; set; }

    /// <summary>The trend fitted on these sessions (weeks and scores, missing scores as NaN); null for no trend line.</summary>
    [Parameter]
    public TrendResult? Trend { get; set; }

    /// <summary>
    /// A reliable change index of this score (any pre/post pair): its <see cref="ReliableChangeResult.MinimumReliableChange"/>
    /// sets the band's half-width and its <see cref="ReliableChangeResult.Direction"/> says which side is better. Null for no band.
    /// </summary>
    [Parameter]
    public ReliableChangeResult? ReliableChange { get; set; }

    /// <summary>The baseline the reliable-change band is centred on, in score units; null (default) for the first session's score.</summary>
    [Parameter]
    public double? Baseline { get; set; }

    /// <summary>Clinical cut-off lines (<see cref="ChangeCutoff.FromJacobsonTruax"/>, <see cref="ChangeCutoff.FromBands"/>); null or empty for none.</summary>
    [Parameter]
    public IReadOnlyList<ChangeCutoff>? Cutoffs { get; set; }

    /// <summary>The score's name, used in the title and the y axis ("PSS-10"). Default "Score".</summary>
    [Parameter]
    public string Metric { get; set; } = "Score";

    /// <summary>The score's unit ("points", "ms"); null for none.</summary>
    [Parameter]
    public string? Unit { get; set; }

    private readonly record struct DrawnCutoff(string Path, string LabelX, string LabelY, string Text);

    private readonly record struct DrawnPoint(string X, string Y);

    private string? ReliableBandPath { get; set; }

    private string? BaselinePath { get; set; }

    private string? TrendBandPath { get; set; }

    private string? TrendLinePath { get; set; }

    private string ScorePath { get; set; } = "";

    private IReadOnlyList<DrawnCutoff> DrawnCutoffs { get; set; } = [];

    private IReadOnlyList<DrawnPoint> Points { get; set; } = [];

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        var sessions = Sessions ?? [];
        var weeks = new double[sessions.Count];
        var scores = new double[sessions.Count];
        var present = new List<int>();
        for (var i = 0; i < sessions.Count; i++)
        {
            weeks[i] = sessions[i].Week;
            scores[i] = sessions[i].Score is { } s && double.IsFinite(s) ? s : double.NaN;
            if (double.IsFinite(scores[i]) && double.IsFinite(weeks[i]))
            {
                present.Add(i);
            }
        }

        // Domains: every drawn thing must fit.
        var (x0, x1) = LinearScale.Extent(present.Select(i => weeks[i]));
        var yValues = new List<double>(present.Select(i => scores[i]));
        var baseline = Baseline is { } given && double.IsFinite(given) ? given : present.Count > 0 ? scores[present[0]] : (double?)null;
        var halfWidth = ReliableChange is { } rc && double.IsFinite(rc.MinimumReliableChange) && rc.MinimumReliableChange >= 0 ? rc.MinimumReliableChange : (double?)null;
        if (baseline is { } b0 && halfWidth is { } h0)
        {
            yValues.Add(b0 - h0);
            yValues.Add(b0 + h0);
        }

        TrendBandPoint[] band = [];
        if (Trend is { SlopePerWeek: not null } trend && present.Count > 0)
        {
            var at = new double[BandSamples];
            for (var k = 0; k < BandSamples; k++)
            {
                at[k] = x0 + ((x1 - x0) * k / (BandSamples - 1));
            }

            band = TrendBand.At(trend, weeks, scores, at);
            foreach (var p in band)
            {
                AddIfFinite(yValues, p.Fitted);
                AddIfFinite(yValues, p.Lower);
                AddIfFinite(yValues, p.Upper);
            }
        }

        var cutoffs = (Cutoffs ?? []).Where(c => double.IsFinite(c.Score)).ToArray();
        yValues.AddRange(cutoffs.Select(c => c.Score));
        var (y0, y1) = LinearScale.Extent(yValues);

        var (xScale, xTicks) = LinearScale.Nice(x0, x1, Layout.PlotLeft, Layout.PlotRight, 6);
        var (yScale, yTicks) = LinearScale.Nice(y0, y1, Layout.PlotBottom, Layout.PlotTop, 5);
        XAxis = new ChartAxis(AxisSide.Bottom, xScale, xTicks, Layout, T["WeekAxis"]);
        YAxis = new ChartAxis(AxisSide.Left, yScale, yTicks, Layout, WithUnitTitle(), Grid: true);

        ReliableBandPath = null;
        BaselinePath = null;
        if (baseline is { } b && halfWidth is { } h)
        {
            var top = yScale.Map(b + h);
            ReliableBandPath = new SvgPath().Rect(Layout.PlotLeft, top, Layout.PlotWidth, yScale.Map(b - h) - top).ToString();
            BaselinePath = new SvgPath().MoveTo(Layout.PlotLeft, yScale.Map(b)).LineTo(Layout.PlotRight, yScale.Map(b)).ToString();
        }

        TrendLinePath = null;
        TrendBandPath = null;
        if (band.Length > 0)
        {
            TrendLinePath = new SvgPath().MoveTo(xScale.Map(band[0].Week), yScale.Map(band[0].Fitted!.Value))
                .LineTo(xScale.Map(band[^1].Week), yScale.Map(band[^1].Fitted!.Value)).ToString();
            if (band[0].Upper is not null)
            {
                var path = new SvgPath();
                foreach (var p in band)
                {
                    path.LineTo(xScale.Map(p.Week), yScale.Map(p.Upper!.Value));
                }

                for (var k = band.Length - 1; k >= 0; k--)
                {
                    path.LineTo(xScale.Map(band[k].Week), yScale.Map(band[k].Lower!.Value));
                }

                TrendBandPath = path.Close().ToString();
            }
        }

        DrawnCutoffs = [.. cutoffs.Select(c =>
        {
            var y = yScale.Map(c.Score);
            return new DrawnCutoff(
                new SvgPath().MoveTo(Layout.PlotLeft, y).LineTo(Layout.PlotRight, y).ToString(),
                ChartNumber.Svg(Layout.PlotRight - 2),
                ChartNumber.Svg(y - 3),
                c.Label + " " + Number(c.Score));
        })];

        var line = new SvgPath();
        var points = new List<DrawnPoint>();
        for (var i = 0; i < sessions.Count; i++)
        {
            if (!double.IsFinite(scores[i]) || !double.IsFinite(weeks[i]))
            {
                line.Break();
                continue;
            }

            var x = xScale.Map(weeks[i]);
            var y = yScale.Map(scores[i]);
            line.LineTo(x, y);
            points.Add(new DrawnPoint(ChartNumber.Svg(x), ChartNumber.Svg(y)));
        }

        ScorePath = line.ToString();
        Points = points;

        Title = T.Format("Title", Metric);
        Description = Describe(sessions, scores, present, baseline, halfWidth, cutoffs);
        Table = BuildTable(sessions, scores, band.Length > 0);
    }

    private string Describe(IReadOnlyList<ChangeSession> sessions, double[] scores, List<int> present, double? baseline, double? halfWidth, ChangeCutoff[] cutoffs)
    {
        if (present.Count == 0)
        {
            return T.Format("NoScores", Metric);
        }

        var first = present[0];
        var last = present[^1];
        var parts = new List<string>
        {
            T.Format(
                "Summary",
                Metric,
                ChartNumber.Count(present.Count),
                Number(sessions[last].Week - sessions[first].Week),
                WithUnit(scores[first]),
                WithUnit(scores[last])),
        };

        if (Trend is { SlopePerWeek: { } slope } trend)
        {
            parts.Add(trend.ConfidenceLower is { } lo && trend.ConfidenceUpper is { } hi
                ? T.Format(
                    "TrendSummary",
                    WithUnit(slope),
                    Number(trend.ConfidenceLevel * 100),
                    Number(lo),
                    Number(hi),
                    T[trend.Outcome switch
                    {
                        TrendOutcome.Improving => "Improving",
                        TrendOutcome.Worsening => "Worsening",
                        _ => "NoClearTrend",
                    }])
                : T.Format("TrendNoInterval", WithUnit(slope)));
        }

        if (baseline is { } b && halfWidth is { } h && ReliableChange is { } rc)
        {
            var change = scores[last] - b;
            var better = rc.Direction == ChangeDirection.HigherIsBetter ? change > 0 : change < 0;
            var key = Math.Abs(change) > h ? (better ? "ReliableImprovement" : "ReliableDeterioration") : "ReliableWithin";
            parts.Add(T.Format("ReliableSummary", Number(b - h), Number(b + h), Number(b), T[key]));
        }

        if (cutoffs.Length > 0)
        {
            parts.Add(T.Format("CutoffSummary", string.Join(", ", cutoffs.Select(c => c.Label + " " + Number(c.Score)))));
        }

        return string.Join(" ", parts);
    }

    private ChartTable BuildTable(IReadOnlyList<ChangeSession> sessions, double[] scores, bool withTrend)
    {
        var rows = new List<string[]>(sessions.Count);
        for (var i = 0; i < sessions.Count; i++)
        {
            var week = sessions[i].Week;
            var fitted = withTrend && Trend is { SlopePerWeek: { } b, Intercept: { } a } && double.IsFinite(week) ? Number(a + (b * week)) : "–";
            var label = sessions[i].Label ?? T.Format("WeekLabel", Number(week));
            string[] row = withTrend
                ? [label, Number(week), double.IsFinite(scores[i]) ? Number(scores[i]) : T["Missing"], fitted]
                : [label, Number(week), double.IsFinite(scores[i]) ? Number(scores[i]) : T["Missing"]];
            rows.Add(row);
        }

        string[] columns = withTrend
            ? [T["SessionColumn"], T["WeekAxis"], WithUnitTitle(), T["TrendColumn"]]
            : [T["SessionColumn"], T["WeekAxis"], WithUnitTitle()];
        return new ChartTable(T.Format("TableCaption", Metric), columns, rows);
    }

    private string WithUnitTitle() => Unit is null ? Metric : Metric + " (" + Unit + ")";

    private string WithUnit(double value) => Unit is null ? Number(value) : Number(value) + " " + Unit;

    private static string Number(double value) => ChartNumber.Significant(value);

    private static void AddIfFinite(List<double> values, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            values.Add(v);
        }
    }
}
