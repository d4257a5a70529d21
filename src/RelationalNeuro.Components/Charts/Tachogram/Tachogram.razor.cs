using System.Globalization;
using Microsoft.AspNetCore.Components;
using RelationalNeuro.Components.Charts;
using RelationalNeuro.Components.Localization;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Components;

/// <summary>
/// A tachogram: RR intervals (or heart rate) over time from an <see cref="RrSeries"/>, with the artifact correction's
/// flags marked in distinct shapes, gaps drawn as gaps, a zoom range, and a keyboard- and pointer-operable range
/// selection raised as <see cref="SelectionChanged"/>. SVG computed in C# with a fixed viewBox; complete under
/// static rendering.
/// </summary>
/// <remarks>
/// <para><b>Time</b> is in seconds on the series' clock (<see cref="RrSeries.GetBeatTimesSeconds"/>), and interval i is
/// drawn at the beat that ends it, t[i + 1].</para>
/// <para><b>Artifacts</b> (<see cref="Artifacts"/>, from <see cref="Hrv.Artifacts.Process(RrSeries, ArtifactOptions?)"/> on the same
/// series): a flagged interval the correction left as it was (<see cref="ArtifactAction.None"/>) stays on the line and
/// gets an open triangle; one it replaced (<see cref="ArtifactAction.Interpolated"/>, <see cref="ArtifactAction.Split"/>,
/// <see cref="ArtifactAction.Merged"/>) leaves the line — the line joins its neighbours — and gets a filled diamond at its
/// recorded value; one it dropped (<see cref="ArtifactAction.Removed"/>) breaks the line and gets a cross. Markers
/// outside the plot's value range sit on its edge. Shape, not colour alone, tells them apart; a legend says which is
/// which, with counts.</para>
/// <para><b>Gaps</b>: an interval longer than <see cref="GapThresholdSeconds"/> (default 3 s, the physiological maximum
/// <see cref="RrSeries.PhysiologicalMaximumMs"/>) is missing signal, not a beat: the line breaks there.</para>
/// <para><b>Long recordings</b> are drawn from an M4 selection (per pixel column the first, last, minimum and maximum
/// point; Jugel et al., PVLDB 7(10), 2014) with at most 2 points per horizontal viewBox unit, and markers thinned to one
/// per column and kind, so a 24-h recording of 100,000 beats keeps every spike and dip in a few hundred points. The
/// hidden data table then lists stretches of time (beats, minimum, mean, maximum, artifacts) with a note saying so;
/// up to 120 beats it lists every beat.</para>
/// </remarks>
public sealed partial class Tachogram
{
    /// <summary>The fixed viewBox (400 × 220) and plot area: room for the y labels on the left, the time axis below.</summary>
    internal static readonly ChartLayout Layout = new(400, 220, 44, 24, 10, 34);

    /// <summary>Up to this many beats in view, the data table lists every beat; beyond, stretches of time.</summary>
    internal const int MaxBeatRows = 120;

    private const int FlaggedMark = 1;
    private const int CorrectedMark = 2;
    private const int RemovedMark = 3;

    /// <summary>Creates the chart; its parameters say what it draws.</summary>
    public Tachogram()
        : base(Layout, "rn-tachogram", typeof(Tachogram))
    {
    }

    /// <summary>The RR series to draw. Required.</summary>
    [Parameter]
    [EditorRequired]
    public RrSeries? Series { get; set; }

    /// <summary>
    /// The artifact detection and correction run on <see cref="Series"/> (its <see cref="ArtifactResult.InputCount"/> must
    /// equal the series' <see cref="RrSeries.Count"/>); null draws no markers.
    /// </summary>
    [Parameter]
    public ArtifactResult? Artifacts { get; set; }

    /// <summary>RR in ms (default) or heart rate 60,000 / RR in bpm.</summary>
    [Parameter]
    public TachogramQuantity Quantity { get; set; }

    /// <summary>The time range to show (zoom), in s on the series' clock; null shows the whole recording. Clipped to the recording.</summary>
    [Parameter]
    public ChartTimeRange? Range { get; set; }

    /// <summary>The selected time range, in s, drawn as a shaded band; null for none. Bind with <see cref="SelectionChanged"/>.</summary>
    [Parameter]
    public ChartTimeRange? Selection { get; set; }

    /// <summary>
    /// Raised when the reader moves a selection handle (keyboard: Tab to a handle, arrows, Page Up/Down, Home/End; pointer:
    /// drag it). The handles are native range inputs, shown when this has a delegate and the component is interactive.
    /// </summary>
    [Parameter]
    public EventCallback<ChartTimeRange?> SelectionChanged { get; set; }

    /// <summary>Intervals longer than this, in s, are drawn as a gap. Default 3 s. Must be finite and &gt; 0.</summary>
    [Parameter]
    public double GapThresholdSeconds { get; set; } = RrSeries.PhysiologicalMaximumMs / 1000;

    /// <summary>
    /// Under static rendering (no circuit), the selection handles are a GET form whose fields are named
    /// <c>{FieldName}-start</c> and <c>{FieldName}-end</c> (seconds, invariant); null (default) renders no form.
    /// </summary>
    [Parameter]
    public string? FieldName { get; set; }

    // Per series (kept while Series, Artifacts, Quantity and the gap threshold stay the same).
    private RrSeries? _forSeries;
    private ArtifactResult? _forArtifacts;
    private TachogramQuantity _forQuantity;
    private double _forGap = double.NaN;
    private double[] _times = [];     // beat times, s: interval i ends at _times[i + 1] (RrSeries.GetBeatTimesSeconds)
    private byte[] _mark = [];        // per interval: 0, FlaggedMark, CorrectedMark, RemovedMark
    private bool[] _gap = [];         // per interval: longer than the gap threshold
    private double[] _lineX = [];     // the line's points (first _lineCount): corrected intervals left out, NaN where it breaks
    private double[] _lineY = [];
    private int _lineCount;

    // Per view (also kept while Range stays the same).
    private ChartTimeRange? _forRange;
    private ChartTimeRange _window;
    private ChartTimeRange? _ownSelection;

    private LinearScale XScale { get; set; }

    private string LinePath { get; set; } = "";

    private string FlaggedPath { get; set; } = "";

    private string CorrectedPath { get; set; } = "";

    private string RemovedPath { get; set; } = "";

    private (int Flagged, int Corrected, int Removed, int Gaps, int Beats) Counts { get; set; }

    private double SliderStep { get; set; } = 1;

    private bool HasBeats => _mark.Length > 0 && Counts.Beats > 0;

    private bool WithHours => _times.Length > 1 && _times[^1] >= 3600;

    private ChartTimeRange? CurrentSelection => Selection ?? _ownSelection;

    private bool ShowHandles => SelectionChanged.HasDelegate && RendererInfo.IsInteractive && _mark.Length > 0;

    private bool ShowForm => FieldName is not null && !RendererInfo.IsInteractive && _mark.Length > 0;

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (Series is null)
        {
            throw new ArgumentNullException(nameof(Series), "Tachogram needs a Series.");
        }

        if (!double.IsFinite(GapThresholdSeconds) || !(GapThresholdSeconds > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(GapThresholdSeconds), GapThresholdSeconds, "Tachogram's GapThresholdSeconds must be finite and > 0.");
        }

        if (Range is { IsValid: false } badRange)
        {
            throw new ArgumentException(Invariant($"Tachogram's Range needs finite StartSeconds < EndSeconds; got {badRange.StartSeconds}..{badRange.EndSeconds}."), nameof(Range));
        }

        if (Artifacts is not null && Artifacts.InputCount != Series.Count)
        {
            throw new ArgumentException(Invariant($"Tachogram's Artifacts were computed on {Artifacts.InputCount} intervals, the Series has {Series.Count}."), nameof(Artifacts));
        }

        var seriesChanged = !ReferenceEquals(Series, _forSeries) || !ReferenceEquals(Artifacts, _forArtifacts)
            || Quantity != _forQuantity || GapThresholdSeconds != _forGap;
        if (seriesChanged)
        {
            Prepare();
        }

        Title = Quantity == TachogramQuantity.HeartRateBpm ? T["TitleHr"] : T["TitleRr"];
        if (seriesChanged || Range != _forRange)
        {
            DrawView();
            _forRange = Range;
        }

        // Every time: the description also reads out the selection, a parameter or the reader's own (MoveHandle).
        Description = Describe();
    }

    private string Unit => Quantity == TachogramQuantity.HeartRateBpm ? T["AxisHr"] : T["AxisRr"];

    /// <summary>Per interval: the time of the beat that ends it, in s (a view of the beat times, not a copy).</summary>
    private ReadOnlySpan<double> BeatX => _times.Length > 1 ? _times.AsSpan(1) : [];

    private ReadOnlySpan<double> LineX => _lineX.AsSpan(0, _lineCount);

    /// <summary>Interval <paramref name="i"/> as plotted: RR in ms, or 60,000 / RR in bpm (computed when needed, not stored).</summary>
    private double Value(int i) => ValueOf(_forSeries!.IntervalsMs[i]);

    private double ValueOf(double rrMs) => _forQuantity == TachogramQuantity.HeartRateBpm ? 60_000 / rrMs : rrMs;

    /// <summary>
    /// The per-series arrays, in one pass over the intervals after the artifact marks: no copy of the beat times or of
    /// the values, no growing lists (a 24-h recording is 106,459 intervals; every array here is sized once).
    /// </summary>
    private void Prepare()
    {
        var series = _forSeries = Series!;
        _forArtifacts = Artifacts;
        _forQuantity = Quantity;
        _forGap = GapThresholdSeconds;
        var rr = series.IntervalsMs;
        var n = rr.Length;
        _times = series.GetBeatTimesSeconds();
        _mark = new byte[n];
        foreach (var flag in Artifacts?.Flags ?? [])
        {
            if ((uint)flag.Index < (uint)n)
            {
                _mark[flag.Index] = flag.Action switch
                {
                    ArtifactAction.None => FlaggedMark,
                    ArtifactAction.Removed => RemovedMark,
                    _ => CorrectedMark,
                };
            }
        }

        _gap = new bool[n];
        _lineX = new double[n];
        _lineY = new double[n];
        var beatX = BeatX;
        var gapMs = GapThresholdSeconds * 1000;
        var line = 0;
        for (var i = 0; i < n; i++)
        {
            var gap = _gap[i] = rr[i] > gapMs;
            var mark = _mark[i];
            if (gap || mark == RemovedMark)
            {
                _lineX[line] = beatX[i];
                _lineY[line++] = double.NaN; // the line breaks here
            }
            else if (mark != CorrectedMark)
            {
                _lineX[line] = beatX[i];
                _lineY[line++] = ValueOf(rr[i]);
            }
        }

        _lineCount = line;
    }

    private void DrawView()
    {
        if (_mark.Length == 0)
        {
            Counts = default;
            Table = null;
            XAxis = YAxis = null;
            LinePath = FlaggedPath = CorrectedPath = RemovedPath = "";
            return;
        }

        var first = Series!.StartTimeSeconds;
        var last = _times[^1];
        var start = Math.Max(first, Range?.StartSeconds ?? first);
        var end = Math.Min(last, Range?.EndSeconds ?? last);
        if (!(end > start))
        {
            // The range misses the recording: an empty view at the range itself.
            (start, end) = (Range!.Value.StartSeconds, Range.Value.EndSeconds);
        }

        _window = new ChartTimeRange(start, end);

        // Intervals in view: beat times in [start, end].
        var beatX = BeatX;
        var from = LowerBound(beatX, start);
        var to = UpperBound(beatX, end);
        int flagged = 0, corrected = 0, removed = 0, gaps = 0;
        double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
        var valid = 0;
        for (var i = from; i < to; i++)
        {
            switch (_mark[i])
            {
                case FlaggedMark: flagged++; break;
                case CorrectedMark: corrected++; break;
                case RemovedMark: removed++; break;
            }

            if (_gap[i])
            {
                gaps++;
            }
            else if (_mark[i] is 0 or FlaggedMark)
            {
                var v = Value(i);
                min = Math.Min(min, v);
                max = Math.Max(max, v);
                sum += v;
                valid++;
            }
        }

        Counts = (flagged, corrected, removed, gaps, to - from);
        var mean = valid > 0 ? sum / valid : double.NaN;
        if (valid == 0)
        {
            (min, max) = Quantity == TachogramQuantity.HeartRateBpm ? (50.0, 100.0) : (600.0, 1200.0);
        }

        XScale = new LinearScale(start, end, Layout.PlotLeft, Layout.PlotRight);
        var xTicks = NiceTicks.Time(start, end, 5);
        var (yScale, yTicks) = LinearScale.Nice(min, max, Layout.PlotBottom, Layout.PlotTop, 5);
        XAxis = new ChartAxis(AxisSide.Bottom, XScale, xTicks, Layout, WithHours ? T["AxisTimeHours"] : T["AxisTimeMinutes"]);
        YAxis = new ChartAxis(AxisSide.Left, yScale, yTicks, Layout, Unit);

        // The line: M4 over the points in view plus one neighbour each side, so it runs to the plot's edges (clipped).
        var lineFrom = Math.Max(0, LowerBound(LineX, start) - 1);
        var lineTo = Math.Min(_lineCount, UpperBound(LineX, end) + 1);
        var columns = Layout.Columns(M4Downsampler.MaxPointsPerColumn);
        var xs = _lineX.AsSpan(lineFrom, lineTo - lineFrom);
        var ys = _lineY.AsSpan(lineFrom, lineTo - lineFrom);
        var kept = M4Downsampler.Select(xs, ys, start, end, columns);
        var line = new SvgPath(kept.Length * 14);
        foreach (var k in kept)
        {
            line.LineTo(XScale.Map(xs[k]), double.IsFinite(ys[k]) ? yScale.Map(ys[k]) : double.NaN);
        }

        LinePath = line.ToString();
        DrawMarkers(from, to, columns, yScale);
        SliderStep = SliderStepFor(end - start);
        Table = BuildTable(from, to);
        _viewMin = min;
        _viewMax = max;
        _viewMean = mean;
    }

    private double _viewMin;
    private double _viewMax;
    private double _viewMean;

    private void DrawMarkers(int from, int to, int columns, LinearScale yScale)
    {
        var paths = new[] { new SvgPath(), new SvgPath(), new SvgPath() };
        var lastColumn = new[] { -1, -1, -1 };
        var width = (_window.EndSeconds - _window.StartSeconds) / columns;
        var beatX = BeatX;
        for (var i = from; i < to; i++)
        {
            var mark = _mark[i];
            if (mark == 0)
            {
                continue;
            }

            // One marker per pixel column and kind: the rest would be drawn on top of it.
            var column = (int)Math.Min(columns - 1, (beatX[i] - _window.StartSeconds) / width);
            if (column == lastColumn[mark - 1])
            {
                continue;
            }

            lastColumn[mark - 1] = column;
            // At the recorded value (a marker off the scale sits on the plot's edge).
            var x = XScale.Map(beatX[i]);
            var y = Math.Clamp(yScale.Map(Value(i)), Layout.PlotTop + 4, Layout.PlotBottom - 4);
            Shape(paths[mark - 1], mark, x, y);
        }

        FlaggedPath = paths[0].ToString();
        CorrectedPath = paths[1].ToString();
        RemovedPath = paths[2].ToString();
    }

    /// <summary>Marker shapes, centred on (x, y), about 7 units across: open triangle, filled diamond, cross.</summary>
    internal static void Shape(SvgPath path, int mark, double x, double y)
    {
        switch (mark)
        {
            case FlaggedMark:
                path.MoveTo(x, y - 4).LineTo(x + 3.5, y + 2.5).LineTo(x - 3.5, y + 2.5).Close();
                break;
            case CorrectedMark:
                path.MoveTo(x, y - 3.5).LineTo(x + 3.5, y).LineTo(x, y + 3.5).LineTo(x - 3.5, y).Close();
                break;
            default:
                path.MoveTo(x - 3, y - 3).LineTo(x + 3, y + 3).MoveTo(x - 3, y + 3).LineTo(x + 3, y - 3);
                break;
        }
    }

    private ChartTable BuildTable(int from, int to)
    {
        var hr = Quantity == TachogramQuantity.HeartRateBpm;
        var beatX = BeatX;
        if (to - from <= MaxBeatRows)
        {
            var rows = new List<string[]>(to - from);
            for (var i = from; i < to; i++)
            {
                rows.Add([ChartNumber.ClockSeconds(beatX[i], WithHours), ChartNumber.Label(Value(i), hr ? 1 : 0), ArtifactText(i)]);
            }

            return new ChartTable(T.Format("TableCaptionBeats", Title), [T["ColumnTime"], Unit, T["ColumnArtifact"]], rows);
        }

        // Stretches of a clock step giving at most ~24 rows (1 h for a day, 15 min for 5 h, ...).
        var step = NiceTicks.Time(_window.StartSeconds, _window.EndSeconds, 24).Step;
        var summary = new List<string[]>();
        var i0 = from;
        for (var t = Math.Floor(_window.StartSeconds / step) * step; i0 < to; t += step)
        {
            var i1 = i0;
            int beats = 0, artifacts = 0, valid = 0;
            double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
            for (; i1 < to && beatX[i1] < t + step; i1++)
            {
                beats++;
                if (_mark[i1] != 0)
                {
                    artifacts++;
                }

                if (!_gap[i1] && _mark[i1] is 0 or FlaggedMark)
                {
                    var v = Value(i1);
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                    sum += v;
                    valid++;
                }
            }

            if (beats > 0)
            {
                var decimals = hr ? 1 : 0;
                summary.Add(valid > 0
                    ? [ChartNumber.ClockSeconds(Math.Max(t, _window.StartSeconds), WithHours), ChartNumber.Count(beats), ChartNumber.Label(min, decimals), ChartNumber.Label(sum / valid, decimals), ChartNumber.Label(max, decimals), ChartNumber.Count(artifacts)]
                    : [ChartNumber.ClockSeconds(Math.Max(t, _window.StartSeconds), WithHours), ChartNumber.Count(beats), "–", "–", "–", ChartNumber.Count(artifacts)]);
            }

            i0 = i1;
        }

        return new ChartTable(
            T.Format("TableCaptionSummary", Title),
            [T["ColumnFrom"], T["ColumnBeats"], T.Format("ColumnMinimum", Unit), T.Format("ColumnMean", Unit), T.Format("ColumnMaximum", Unit), T["ColumnArtifacts"]],
            summary,
            T.Format("TableNote", ChartNumber.Duration(step), ChartNumber.Count(to - from)));
    }

    private string ArtifactText(int i) => _gap[i] ? T["ArtifactGap"] : _mark[i] switch
    {
        FlaggedMark => T["ArtifactFlagged"],
        CorrectedMark => T["ArtifactCorrected"],
        RemovedMark => T["ArtifactRemoved"],
        _ => "",
    };

    private string Describe()
    {
        if (_mark.Length == 0 || Counts.Beats == 0)
        {
            return T["Empty"];
        }

        var hr = Quantity == TachogramQuantity.HeartRateBpm;
        var text = new System.Text.StringBuilder(T.Format(hr ? "SummaryHr" : "SummaryRr", ChartNumber.Duration(_window.DurationSeconds), ChartNumber.Count(Counts.Beats)));
        if (Counts.Corrected > 0)
        {
            text.Append(T.Format("SummaryCorrected", ChartNumber.Count(Counts.Corrected)));
        }

        if (Counts.Removed > 0)
        {
            text.Append(T.Format("SummaryRemoved", ChartNumber.Count(Counts.Removed)));
        }

        if (Counts.Flagged > 0)
        {
            text.Append(T.Format("SummaryFlagged", ChartNumber.Count(Counts.Flagged)));
        }

        if (Counts.Gaps > 0)
        {
            text.Append(Counts.Gaps == 1 ? T["SummaryGapOne"] : T.Format("SummaryGaps", ChartNumber.Count(Counts.Gaps)));
        }

        if (Range is not null)
        {
            text.Append(T.Format("SummaryZoom", ChartNumber.ClockSeconds(_window.StartSeconds, WithHours), ChartNumber.ClockSeconds(_window.EndSeconds, WithHours)));
        }

        if (double.IsFinite(_viewMean))
        {
            var decimals = hr ? 1 : 0;
            text.Append(T.Format(hr ? "SummaryValuesHr" : "SummaryValuesRr", ChartNumber.Label(_viewMin, decimals), ChartNumber.Label(_viewMax, decimals), ChartNumber.Label(_viewMean, decimals)));
        }
        else
        {
            text.Append('.');
        }

        if (CurrentSelection is { IsValid: true } selection)
        {
            text.Append(T.Format("SummarySelection", ChartNumber.ClockSeconds(selection.StartSeconds, WithHours), ChartNumber.ClockSeconds(selection.EndSeconds, WithHours), ChartNumber.Duration(selection.DurationSeconds)));
        }

        return text.ToString();
    }

    /// <summary>The selection band in viewBox units, clipped to the plot; null when there is none in view.</summary>
    private (double X, double Width)? SelectionBox
    {
        get
        {
            if (CurrentSelection is not { IsValid: true } s || !HasBeats)
            {
                return null;
            }

            var x0 = Math.Clamp(XScale.Map(s.StartSeconds), Layout.PlotLeft, Layout.PlotRight);
            var x1 = Math.Clamp(XScale.Map(s.EndSeconds), Layout.PlotLeft, Layout.PlotRight);
            return x1 > x0 ? (x0, x1 - x0) : null;
        }
    }

    private ChartTimeRange HandleValues => CurrentSelection is { IsValid: true } s
        ? new ChartTimeRange(Math.Clamp(s.StartSeconds, _window.StartSeconds, _window.EndSeconds), Math.Clamp(s.EndSeconds, _window.StartSeconds, _window.EndSeconds))
        : _window;

    private Task OnStartChanged(ChangeEventArgs e) => MoveHandle(e, start: true);

    private Task OnEndChanged(ChangeEventArgs e) => MoveHandle(e, start: false);

    private async Task MoveHandle(ChangeEventArgs e, bool start)
    {
        if (!double.TryParse(e.Value?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            return;
        }

        var current = HandleValues;
        value = Math.Clamp(value, _window.StartSeconds, _window.EndSeconds);
        // The handles never cross: a start pushed past the end stops one step before it, and the other way round.
        var next = start
            ? current with { StartSeconds = Math.Min(value, current.EndSeconds - SliderStep) }
            : current with { EndSeconds = Math.Max(value, current.StartSeconds + SliderStep) };
        if (!next.IsValid)
        {
            return;
        }

        _ownSelection = next;
        Description = Describe();
        await SelectionChanged.InvokeAsync(next);
    }

    /// <summary>A handle step of a clock-round length: about 1/300 of the view (1 s at least).</summary>
    internal static double SliderStepFor(double spanSeconds)
    {
        double[] steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];
        foreach (var step in steps)
        {
            if (spanSeconds / step <= 300)
            {
                return step;
            }
        }

        return 3600;
    }

    private static int LowerBound(ReadOnlySpan<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int UpperBound(ReadOnlySpan<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
