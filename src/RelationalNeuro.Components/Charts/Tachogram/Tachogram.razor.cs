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
/// <para><b>Irregular rhythm</b>: the stretches <see cref="ArtifactResult.IrregularSegments"/> reports (a sustained
/// irregular rhythm such as atrial fibrillation, where HRV metrics are not interpretable; docs/hrv-artifacts.md) are
/// shaded bands behind the line, adjacent segments joined; the legend and the description name their number and time.</para>
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

    // Per series (kept while Series, Artifacts, Quantity and the gap threshold stay the same): a few numbers and the
    // artifact marks in index order. Nothing per interval: every view is drawn in one pass over the intervals
    // (DrawView), so a 24-h recording costs no array of its length.
    private RrSeries? _forSeries;
    private ArtifactResult? _forArtifacts;
    private TachogramQuantity _forQuantity;
    private double _forGap = double.NaN;
    private int _count;                // intervals in the series
    private double _lastTime;          // time of the last beat, s (RrSeries.GetBeatTimesSeconds()[^1], summed the same way)
    private int[] _flagIndex = [];     // flagged interval indices, strictly increasing
    private byte[] _flagMark = [];     // their marks: FlaggedMark, CorrectedMark, RemovedMark
    private (double Start, double End)[] _irregular = []; // irregular-rhythm stretches on the series' clock, s, in order

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

    /// <summary>The irregular-rhythm bands in view, in viewBox units, and the time they cover in view (s).</summary>
    private (List<(double X, double Width)> Bands, double Seconds) Irregular { get; set; } = ([], 0);

    private double SliderStep { get; set; } = 1;

    private bool HasBeats => _count > 0 && Counts.Beats > 0;

    private bool WithHours => _count > 0 && _lastTime >= 3600;

    private ChartTimeRange? CurrentSelection => Selection ?? _ownSelection;

    private bool ShowHandles => SelectionChanged.HasDelegate && RendererInfo.IsInteractive && _count > 0;

    private bool ShowForm => FieldName is not null && !RendererInfo.IsInteractive && _count > 0;

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

    private double ValueOf(double rrMs) => _forQuantity == TachogramQuantity.HeartRateBpm ? 60_000 / rrMs : rrMs;

    /// <summary>
    /// The per-series state: the interval count, the last beat's time (the beat times' running sum, in the order and
    /// arithmetic of <see cref="RrSeries.GetBeatTimesSeconds"/>, so every time drawn equals that method's) and the
    /// artifact marks as two short arrays in index order (<see cref="ArtifactResult.Flags"/> is increasing, one flag per
    /// index; should it not be, the marks are sorted and the last flag of an index wins).
    /// </summary>
    private void Prepare()
    {
        var series = _forSeries = Series!;
        _forArtifacts = Artifacts;
        _forQuantity = Quantity;
        _forGap = GapThresholdSeconds;
        var rr = series.IntervalsMs;
        _count = rr.Length;
        var sumMs = 0.0;
        foreach (var v in rr)
        {
            sumMs += v;
        }

        _lastTime = series.StartTimeSeconds + (sumMs / 1000.0);

        var flags = Artifacts?.Flags ?? [];
        var index = new List<int>(flags.Count);
        var mark = new List<byte>(flags.Count);
        var sorted = true;
        foreach (var flag in flags)
        {
            if ((uint)flag.Index >= (uint)_count)
            {
                continue;
            }

            sorted &= index.Count == 0 || flag.Index > index[^1];
            index.Add(flag.Index);
            mark.Add(flag.Action switch
            {
                ArtifactAction.None => FlaggedMark,
                ArtifactAction.Removed => RemovedMark,
                _ => CorrectedMark,
            });
        }

        if (!sorted)
        {
            // Not the documented order: by index, then by position, keeping the last flag of each index.
            var order = Enumerable.Range(0, index.Count).OrderBy(k => index[k]).ThenBy(k => k).ToArray();
            var (byIndex, byMark) = (new List<int>(order.Length), new List<byte>(order.Length));
            foreach (var k in order)
            {
                if (byIndex.Count > 0 && byIndex[^1] == index[k])
                {
                    byMark[^1] = mark[k];
                }
                else
                {
                    byIndex.Add(index[k]);
                    byMark.Add(mark[k]);
                }
            }

            (index, mark) = (byIndex, byMark);
        }

        _flagIndex = [.. index];
        _flagMark = [.. mark];
        _irregular = IrregularStretches(series, Artifacts?.IrregularSegments ?? [], _count);
    }

    /// <summary>
    /// The irregular-rhythm segments as stretches of the series' clock: each from its first beat
    /// (<see cref="RrSeries.StartTimeSeconds"/> + <see cref="IrregularRhythmSegment.StartSeconds"/>) for its duration,
    /// segments that follow each other by index joined into one; segments outside the series or with a non-finite or
    /// non-positive extent are left out.
    /// </summary>
    private static (double Start, double End)[] IrregularStretches(RrSeries series, IReadOnlyList<IrregularRhythmSegment> segments, int count)
    {
        var stretches = new List<(double Start, double End)>();
        var lastIndex = -1;
        foreach (var segment in segments.OrderBy(s => s.StartIndex))
        {
            var start = series.StartTimeSeconds + segment.StartSeconds;
            var end = start + segment.DurationSeconds;
            if (segment.StartIndex < 0 || segment.Count <= 0 || segment.StartIndex > count - segment.Count
                || !double.IsFinite(start) || !double.IsFinite(end) || !(end > start))
            {
                continue;
            }

            if (stretches.Count > 0 && segment.StartIndex <= lastIndex)
            {
                stretches[^1] = (stretches[^1].Start, Math.Max(stretches[^1].End, end));
            }
            else
            {
                stretches.Add((start, end));
            }

            lastIndex = segment.StartIndex + segment.Count;
        }

        return [.. stretches];
    }

    /// <summary>An interval in view, kept for the beat-by-beat table (the first <see cref="MaxBeatRows"/> + 1 only).</summary>
    private readonly record struct BeatRow(double Time, double RrMs, byte Mark, bool Gap);

    /// <summary>A marker in view: its mark, time (s) and interval (ms); its y is mapped once the value scale is known.</summary>
    private readonly record struct Marker(byte Mark, double Time, double RrMs);

    /// <summary>A stretch of the summary table: its clock start (s) and what its beats hold.</summary>
    private readonly record struct Stretch(double Start, int Beats, int Artifacts, int Valid, double Min, double Max, double Sum);

    /// <summary>
    /// Draws the view in one pass over the intervals, each beat time summed as it is reached: the counts, value range and
    /// mean of the beats in view, the line's M4 selection (<see cref="M4Stream"/>, fed the line's points in view plus one
    /// neighbour each side), one marker per pixel column and kind, and the table's rows (beat by beat, or stretches of
    /// time). The pass stops after the line's first point beyond the view. Only the points kept are mapped to the
    /// viewBox, after the pass, when the value scale is known.
    /// </summary>
    private void DrawView()
    {
        if (_count == 0)
        {
            Counts = default;
            Table = null;
            XAxis = YAxis = null;
            LinePath = FlaggedPath = CorrectedPath = RemovedPath = "";
            return;
        }

        var first = Series!.StartTimeSeconds;
        var last = _lastTime;
        var start = Math.Max(first, Range?.StartSeconds ?? first);
        var end = Math.Min(last, Range?.EndSeconds ?? last);
        if (!(end > start))
        {
            // The range misses the recording: an empty view at the range itself.
            (start, end) = (Range!.Value.StartSeconds, Range.Value.EndSeconds);
        }

        _window = new ChartTimeRange(start, end);
        var columns = Layout.Columns(M4Downsampler.MaxPointsPerColumn);
        var line = new M4Stream(start, end, columns);
        var markers = new List<Marker>();
        Span<int> lastColumn = [-1, -1, -1];
        var markerWidth = (end - start) / columns;
        var beatRows = new List<BeatRow>(MaxBeatRows + 1);

        // Stretches of the summary table: [t, t + step), t stepping on by repeated addition from the clock-round start.
        // The view's minimum, maximum and valid count are those of its stretches; its sum is summed beat by beat.
        var stretchStep = NiceTicks.TimeStep(start, end, 24);
        var stretches = new List<Stretch>();
        var stretchStart = Math.Floor(start / stretchStep) * stretchStep;
        var stretchEnd = stretchStart + stretchStep;
        int stretchBeats = 0, stretchArtifacts = 0, stretchValid = 0;
        double stretchMin = double.PositiveInfinity, stretchMax = double.NegativeInfinity, stretchSum = 0;

        var rr = _forSeries!.IntervalsMs;
        var flagIndex = _flagIndex;
        var flagMark = _flagMark;
        var nextFlagAt = flagIndex.Length > 0 ? flagIndex[0] : -1;
        var nextFlag = 0;
        var gapMs = GapThresholdSeconds * 1000;
        var hr = _forQuantity == TachogramQuantity.HeartRateBpm;
        int flagged = 0, corrected = 0, removed = 0, gaps = 0, beats = 0, valid = 0;
        double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
        var sumMs = 0.0;
        M4Point? before = null; // the line's last point left of the view, fed with the first point at or after its start
        for (var i = 0; i < rr.Length; i++)
        {
            var rrMs = rr[i];
            sumMs += rrMs;
            var time = first + (sumMs / 1000.0); // the beat that ends interval i (RrSeries.GetBeatTimesSeconds()[i + 1])
            var value = hr ? 60_000 / rrMs : rrMs;
            var gap = rrMs > gapMs;
            byte mark = 0;
            if (i == nextFlagAt)
            {
                mark = flagMark[nextFlag++];
                nextFlagAt = nextFlag < flagIndex.Length ? flagIndex[nextFlag] : -1;
            }

            // The line: a corrected interval leaves it (it joins its neighbours); a gap or a removed one breaks it.
            if (gap || mark != CorrectedMark)
            {
                var y = gap || mark == RemovedMark ? double.NaN : value;
                if (time < start)
                {
                    before = new M4Point(i, time, y);
                }
                else
                {
                    if (before is { } b)
                    {
                        line.Add(b.Index, b.X, b.Y);
                        before = null;
                    }

                    line.Add(i, time, y);
                    if (time > end)
                    {
                        break; // the line's neighbour beyond the view: nothing after it is drawn
                    }
                }
            }

            if (time < start || time > end)
            {
                continue;
            }

            // A beat in view.
            beats++;
            if (beats <= MaxBeatRows + 1)
            {
                beatRows.Add(new BeatRow(time, rrMs, mark, gap));
            }

            if (!(time < stretchEnd))
            {
                do
                {
                    if (stretchBeats > 0)
                    {
                        stretches.Add(new Stretch(stretchStart, stretchBeats, stretchArtifacts, stretchValid, stretchMin, stretchMax, stretchSum));
                        (stretchBeats, stretchArtifacts, stretchValid) = (0, 0, 0);
                        (stretchMin, stretchMax, stretchSum) = (double.PositiveInfinity, double.NegativeInfinity, 0);
                    }

                    stretchStart = stretchEnd;
                    stretchEnd = stretchStart + stretchStep;
                }
                while (!(time < stretchEnd));
            }

            stretchBeats++;
            if (mark == 0 && !gap)
            {
                // A valid beat (the common case).
                sum += value;
                stretchSum += value;
                stretchValid++;
                stretchMin = value < stretchMin ? value : stretchMin;
                stretchMax = value > stretchMax ? value : stretchMax;
                continue;
            }

            gaps += gap ? 1 : 0;
            if (mark != 0)
            {
                stretchArtifacts++;
                switch (mark)
                {
                    case FlaggedMark: flagged++; break;
                    case CorrectedMark: corrected++; break;
                    default: removed++; break;
                }

                // One marker per pixel column and kind: the rest would be drawn on top of it.
                var column = (int)Math.Min(columns - 1, (time - start) / markerWidth);
                if (column != lastColumn[mark - 1])
                {
                    lastColumn[mark - 1] = column;
                    markers.Add(new Marker(mark, time, rrMs));
                }
            }

            if (!gap && mark == FlaggedMark)
            {
                // Flagged but left as it was: still a valid beat.
                sum += value;
                stretchSum += value;
                stretchValid++;
                stretchMin = value < stretchMin ? value : stretchMin;
                stretchMax = value > stretchMax ? value : stretchMax;
            }
        }

        if (before is { } leftOnly)
        {
            line.Add(leftOnly.Index, leftOnly.X, leftOnly.Y); // no line point at or after the view's start
        }

        if (stretchBeats > 0)
        {
            stretches.Add(new Stretch(stretchStart, stretchBeats, stretchArtifacts, stretchValid, stretchMin, stretchMax, stretchSum));
        }

        foreach (var s in stretches)
        {
            valid += s.Valid;
            min = Math.Min(min, s.Min);
            max = Math.Max(max, s.Max);
        }

        Counts = (flagged, corrected, removed, gaps, beats);
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

        var kept = line.Finish();
        var path = new SvgPath(kept.Length * 14);
        foreach (var k in kept)
        {
            path.LineTo(XScale.Map(k.X), double.IsFinite(k.Y) ? yScale.Map(k.Y) : double.NaN);
        }

        LinePath = path.ToString();
        Irregular = IrregularBands(start, end);
        DrawMarkers(markers, yScale);
        SliderStep = SliderStepFor(end - start);
        Table = beats <= MaxBeatRows ? BeatTable(beatRows) : SummaryTable(stretches, stretchStep, beats);
        _viewMin = min;
        _viewMax = max;
        _viewMean = mean;
    }

    private double _viewMin;
    private double _viewMax;
    private double _viewMean;

    /// <summary>The irregular-rhythm stretches overlapping [start, end], clipped to it, as bands in viewBox units.</summary>
    private (List<(double X, double Width)> Bands, double Seconds) IrregularBands(double start, double end)
    {
        var bands = new List<(double X, double Width)>();
        var seconds = 0.0;
        foreach (var (from, to) in _irregular)
        {
            var a = Math.Max(from, start);
            var b = Math.Min(to, end);
            if (!(b > a))
            {
                continue;
            }

            seconds += b - a;
            var x0 = XScale.Map(a);
            bands.Add((x0, Math.Max(XScale.Map(b) - x0, 0.5))); // at least half a unit: a stretch is never invisible
        }

        return (bands, seconds);
    }

    private void DrawMarkers(List<Marker> markers, LinearScale yScale)
    {
        var paths = new[] { new SvgPath(), new SvgPath(), new SvgPath() };
        foreach (var m in markers)
        {
            // At its recorded value (a marker off the scale sits on the plot's edge).
            var x = XScale.Map(m.Time);
            var y = Math.Clamp(yScale.Map(ValueOf(m.RrMs)), Layout.PlotTop + 4, Layout.PlotBottom - 4);
            Shape(paths[m.Mark - 1], m.Mark, x, y);
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

    /// <summary>The table of every beat in view (up to <see cref="MaxBeatRows"/>).</summary>
    private ChartTable BeatTable(List<BeatRow> beats)
    {
        var decimals = Quantity == TachogramQuantity.HeartRateBpm ? 1 : 0;
        var rows = new List<string[]>(beats.Count);
        foreach (var b in beats)
        {
            rows.Add([ChartNumber.ClockSeconds(b.Time, WithHours), ChartNumber.Label(ValueOf(b.RrMs), decimals), ArtifactText(b.Mark, b.Gap)]);
        }

        return new ChartTable(T.Format("TableCaptionBeats", Title), [T["ColumnTime"], Unit, T["ColumnArtifact"]], rows);
    }

    /// <summary>The table of stretches of a clock step giving at most ~24 rows (1 h for a day, 15 min for 5 h, ...).</summary>
    private ChartTable SummaryTable(List<Stretch> stretches, double step, int beats)
    {
        var decimals = Quantity == TachogramQuantity.HeartRateBpm ? 1 : 0;
        var rows = new List<string[]>(stretches.Count);
        foreach (var s in stretches)
        {
            var from = ChartNumber.ClockSeconds(Math.Max(s.Start, _window.StartSeconds), WithHours);
            rows.Add(s.Valid > 0
                ? [from, ChartNumber.Count(s.Beats), ChartNumber.Label(s.Min, decimals), ChartNumber.Label(s.Sum / s.Valid, decimals), ChartNumber.Label(s.Max, decimals), ChartNumber.Count(s.Artifacts)]
                : [from, ChartNumber.Count(s.Beats), "–", "–", "–", ChartNumber.Count(s.Artifacts)]);
        }

        return new ChartTable(
            T.Format("TableCaptionSummary", Title),
            [T["ColumnFrom"], T["ColumnBeats"], T.Format("ColumnMinimum", Unit), T.Format("ColumnMean", Unit), T.Format("ColumnMaximum", Unit), T["ColumnArtifacts"]],
            rows,
            T.Format("TableNote", ChartNumber.Duration(step), ChartNumber.Count(beats)));
    }

    private string ArtifactText(byte mark, bool gap) => gap ? T["ArtifactGap"] : mark switch
    {
        FlaggedMark => T["ArtifactFlagged"],
        CorrectedMark => T["ArtifactCorrected"],
        RemovedMark => T["ArtifactRemoved"],
        _ => "",
    };

    private string Describe()
    {
        if (_count == 0 || Counts.Beats == 0)
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

        if (Irregular.Bands.Count > 0)
        {
            text.Append(T.Format("SummaryIrregular", ChartNumber.Count(Irregular.Bands.Count), ChartNumber.Duration(Irregular.Seconds)));
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

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
