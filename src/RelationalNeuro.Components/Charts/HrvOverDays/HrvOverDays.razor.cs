using System.Globalization;
using Microsoft.AspNetCore.Components;
using RelationalNeuro.Components.Charts;
using RelationalNeuro.Components.Localization;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Components;

/// <summary>
/// A daily HRV metric (morning ln RMSSD, or any daily value) over days with the person's own rolling baseline and usual
/// range, from <see cref="DailyBaseline.Compute"/>: the range as a shaded band, the 7-day baseline as a line, and each
/// day's value as a marker whose shape says where it lies (▲ above, ▼ below, ● within the usual range, ○ before a range
/// exists) — "within your usual range" at a glance, the way HRV4Training shows readiness. Pure SVG with a fixed viewBox;
/// <c>role="img"</c> with a generated title and description; the days again as a visually hidden table.
/// </summary>
/// <remarks>
/// The chart computes nothing: the baseline, the range and the statuses are the result's (the rule and its sources —
/// Plews et al. 2012, 2013, 2014; Altini 2022 — are on <see cref="DailyBaseline"/>). A missing day is a gap in the
/// baseline line and has no marker; the band is drawn one day wide per day that has a range. Dates on the axis are
/// written "MM-dd" and in the table "yyyy-MM-dd" (invariant).
/// </remarks>
public sealed partial class HrvOverDays
{
    private static readonly ChartLayout Layout = new(400, 240, 44, 28, 12, 34);

    private static readonly int[] DaySteps = [1, 2, 7, 14, 28, 56, 91, 182, 364];

    /// <summary>Creates the chart; its parameters say what it draws.</summary>
    public HrvOverDays()
        : base(Layout, "rn-hrvdays", typeof(HrvOverDays))
    {
    }

    /// <summary>The days with their baseline and usual range (<see cref="DailyBaseline.Compute"/>); null shows an empty chart that says so.</summary>
    [Parameter]
    public DailyBaselineResult? Result { get; set; }

    /// <summary>The metric's name, for the title and the y axis. Default "ln RMSSD".</summary>
    [Parameter]
    public string Metric { get; set; } = "ln RMSSD";

    /// <summary>The metric's unit, written after the name on the axis; null (default) for none (ln RMSSD has none).</summary>
    [Parameter]
    public string? Unit { get; set; }

    private readonly record struct DrawnDay(string Path, string Class);

    private string? RangePath { get; set; }

    private string? BaselinePath { get; set; }

    private IReadOnlyList<DrawnDay> Days { get; set; } = [];

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        var days = Result?.Days ?? [];
        var options = Result?.Options ?? DailyBaselineOptions.Default;
        var span = days.Count;

        var x = new LinearScale(-0.5, Math.Max(span, 1) - 0.5, Layout.PlotLeft, Layout.PlotRight);
        var xTicks = DayTicks(days);
        var (y0, y1) = LinearScale.Extent(days.SelectMany(d => new[] { d.Value, d.Baseline, d.NormalLower, d.NormalUpper }).OfType<double>());
        var (y, yTicks) = LinearScale.Nice(y0, y1, Layout.PlotBottom, Layout.PlotTop, 5);
        var axisTitle = Unit is null ? Metric : Metric + " (" + Unit + ")";
        XAxis = new ChartAxis(AxisSide.Bottom, x, xTicks, Layout, T["DateAxis"], Grid: false);
        YAxis = new ChartAxis(AxisSide.Left, y, yTicks, Layout, axisTitle);

        // The usual range, a step band one day wide per day: upper edge left to right, lower edge back, per run of days.
        var band = new SvgPath();
        for (var d = 0; d < span;)
        {
            if (days[d].NormalLower is null || days[d].NormalUpper is null)
            {
                d++;
                continue;
            }

            var end = d;
            while (end + 1 < span && days[end + 1].NormalLower is not null && days[end + 1].NormalUpper is not null)
            {
                end++;
            }

            band.MoveTo(x.Map(d - 0.5), y.Map(days[d].NormalUpper!.Value));
            for (var k = d; k <= end; k++)
            {
                band.LineTo(x.Map(k - 0.5), y.Map(days[k].NormalUpper!.Value)).LineTo(x.Map(k + 0.5), y.Map(days[k].NormalUpper!.Value));
            }

            for (var k = end; k >= d; k--)
            {
                band.LineTo(x.Map(k + 0.5), y.Map(days[k].NormalLower!.Value)).LineTo(x.Map(k - 0.5), y.Map(days[k].NormalLower!.Value));
            }

            band.Close();
            d = end + 1;
        }

        RangePath = band.IsEmpty ? null : band.ToString();

        var baseline = new SvgPath();
        var markers = new List<DrawnDay>();
        for (var d = 0; d < span; d++)
        {
            var day = days[d];
            if (day.Baseline is { } b)
            {
                baseline.LineTo(x.Map(d), y.Map(b));
            }
            else
            {
                baseline.Break();
            }

            if (day.Value is { } v)
            {
                markers.Add(Marker(x.Map(d), y.Map(v), day.ValueStatus));
            }
        }

        BaselinePath = baseline.IsEmpty ? null : baseline.ToString();
        Days = markers;

        Title = T.Format("Title", Metric);
        Description = Describe(days, options);
        Table = new ChartTable(
            T.Format("TableCaption", Metric),
            [T["DateAxis"], T["ValueColumn"], T["BaselineColumn"], T["RangeColumn"], T["StatusColumn"]],
            [.. days.Select(d => new[]
            {
                Date(d.Date),
                d.Value is { } v ? ChartNumber.Significant(v) : T["Missing"],
                d.Baseline is { } b ? ChartNumber.Significant(b) : "–",
                d.NormalLower is { } lo && d.NormalUpper is { } hi ? ChartNumber.Significant(lo) + " – " + ChartNumber.Significant(hi) : "–",
                d.BaselineStatus is { } s ? StatusWord(s) : "–",
            })]);
    }

    private string Describe(IReadOnlyList<DailyBaselineDay> days, DailyBaselineOptions options)
    {
        if (days.Count == 0)
        {
            return T.Format("NoDays", Metric);
        }

        var parts = new List<string>
        {
            T.Format("Summary", Metric, ChartNumber.Count(days.Count), Date(days[0].Date), Date(days[^1].Date), ChartNumber.Count(days.Count(d => d.Value is not null))),
        };

        DailyBaselineDay? rated = null;
        for (var i = days.Count - 1; i >= 0 && rated is null; i--)
        {
            if (days[i].BaselineStatus is not null)
            {
                rated = days[i];
            }
        }

        if (rated is { } r)
        {
            parts.Add(T.Format(
                "LatestBaseline",
                Date(r.Date),
                ChartNumber.Count(options.BaselineDays),
                ChartNumber.Significant(r.Baseline!.Value),
                StatusWord(r.BaselineStatus!.Value),
                ChartNumber.Significant(r.NormalLower!.Value),
                ChartNumber.Significant(r.NormalUpper!.Value)));
            parts.Add(T.Format("RangeRule", ChartNumber.Count(options.NormalRangeDays), ChartNumber.Significant(options.WidthStandardDeviations)));
            parts.Add(T.Format(
                "Counts",
                ChartNumber.Count(days.Count(d => d.BaselineStatus == UsualRange.Below)),
                ChartNumber.Count(days.Count(d => d.BaselineStatus == UsualRange.Above))));
        }
        else
        {
            parts.Add(T.Format("NoRange", ChartNumber.Count(options.MinimumNormalRangeDays), ChartNumber.Count(options.NormalRangeDays)));
        }

        return string.Join(" ", parts);
    }

    private string StatusWord(UsualRange status) => T[status switch
    {
        UsualRange.Below => "Below",
        UsualRange.Above => "Above",
        _ => "Within",
    }];

    /// <summary>A marker whose shape carries the status: ▲ above, ▼ below, ● within, ○ unrated (radius about 3.5 units).</summary>
    private static DrawnDay Marker(double cx, double cy, UsualRange? status)
    {
        const double r = 3.5;
        var path = new SvgPath();
        switch (status)
        {
            case UsualRange.Above:
                path.MoveTo(cx, cy - r - 1).LineTo(cx + r + 0.5, cy + r - 0.5).LineTo(cx - r - 0.5, cy + r - 0.5).Close();
                return new DrawnDay(path.ToString(), "rn-hrvdays__day rn-hrvdays__day--above");
            case UsualRange.Below:
                path.MoveTo(cx, cy + r + 1).LineTo(cx + r + 0.5, cy - r + 0.5).LineTo(cx - r - 0.5, cy - r + 0.5).Close();
                return new DrawnDay(path.ToString(), "rn-hrvdays__day rn-hrvdays__day--below");
            default:
                // A circle as two half arcs.
                var d = string.Create(
                    CultureInfo.InvariantCulture,
                    $"M{ChartNumber.Svg(cx - r)} {ChartNumber.Svg(cy)}a{ChartNumber.Svg(r)} {ChartNumber.Svg(r)} 0 1 0 {ChartNumber.Svg(2 * r)} 0a{ChartNumber.Svg(r)} {ChartNumber.Svg(r)} 0 1 0 {ChartNumber.Svg(-2 * r)} 0Z");
                return new DrawnDay(d, status is null ? "rn-hrvdays__day rn-hrvdays__day--unrated" : "rn-hrvdays__day rn-hrvdays__day--within");
        }
    }

    /// <summary>Ticks on whole days, at a step of 1, 2, 7, 14, 28… days giving at most 6 intervals, labelled "MM-dd".</summary>
    private static TickSet DayTicks(IReadOnlyList<DailyBaselineDay> days)
    {
        if (days.Count == 0)
        {
            return new TickSet(0, 0, 1, [], []);
        }

        var step = DaySteps[^1];
        foreach (var candidate in DaySteps)
        {
            if ((days.Count - 1) / (double)candidate <= 6)
            {
                step = candidate;
                break;
            }
        }

        if ((days.Count - 1) / (double)step > 6)
        {
            step = (int)Math.Ceiling((days.Count - 1) / 6.0);
        }

        var values = new List<double>();
        var labels = new List<string>();
        for (var d = 0; d < days.Count; d += step)
        {
            values.Add(d);
            labels.Add(days[d].Date.ToString("MM-dd", CultureInfo.InvariantCulture));
        }

        return new TickSet(0, days.Count - 1, step, values, labels);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
