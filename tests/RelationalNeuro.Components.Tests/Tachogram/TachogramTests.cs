using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using RelationalNeuro.Components.Tests.Localization;
using RelationalNeuro.Hrv;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Components.Tests.Tachogram;

public sealed partial class TachogramTests : BunitContext
{
    // Beats at 0, 1, 1.8, 3, 4, 8, 9 s; the 4000 ms interval is a gap (> 3 s).
    private static readonly RrSeries Small = RrSeries.FromIntervalsMs([1000, 800, 1200, 1000, 4000, 1000]);

    private IRenderedComponent<Components.Tachogram> RenderChart(RrSeries series, Action<ComponentParameterCollectionBuilder<Components.Tachogram>>? more = null) =>
        Render<Components.Tachogram>(p =>
        {
            p.Add(c => c.Series, series);
            more?.Invoke(p);
        });

    [Fact]
    public void Render_SmallSeriesWithAGap_MatchesHandDerivedSnapshot()
    {
        var cut = RenderChart(Small, p => p.AddUnmatched("id", "tacho"));
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Snapshots", "Tachogram.gap-small.html"));
        cut.MarkupMatches(expected);
    }

    [Fact]
    public void Render_UnderGerman_GermanWordsAndInvariantNumbers()
    {
        using var culture = new UiCulture("de-DE");
        var cut = RenderChart(RrSeries.FromIntervalsMs([1000.4, 812.5, 1200, 1000, 4000, 1000]), p => p.Add(c => c.Quantity, TachogramQuantity.HeartRateBpm));
        Assert.Equal("Herzfrequenz", cut.Find("title").TextContent);
        Assert.StartsWith("Herzfrequenz über 9.0 s, 6 Schläge, 1 Lücke. Herzfrequenz von 50.0 bis 73.8/min", cut.Find("desc").TextContent, StringComparison.Ordinal);
        Assert.Equal("HF (1/min)", cut.FindAll(".rn-chart__axis-title")[1].TextContent);
        // 60000 / 812.5 = 73.846 bpm: one decimal, a point, in the table too.
        Assert.Contains(cut.FindAll("td"), td => td.TextContent == "73.8");
        foreach (Match number in SvgNumbers().Matches(cut.Markup))
        {
            Assert.DoesNotContain(",", number.Value, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(ArtifactCorrection.FlagOnly, "flagged")]
    [InlineData(ArtifactCorrection.Correct, "corrected")]
    [InlineData(ArtifactCorrection.Remove, "removed")]
    public void Render_Artifacts_OneShapePerFlagByWhatTheCorrectionDid(ArtifactCorrection correction, string kind)
    {
        double[] rr = [.. Enumerable.Repeat(800.0, 40)];
        rr[10] = 1500; // a 20 % rule catches the jump
        rr[25] = 400;
        var series = RrSeries.FromIntervalsMs(rr);
        var artifacts = Artifacts.Process(series, new ArtifactOptions { Method = ArtifactMethod.Malik, Correction = correction });
        Assert.NotEmpty(artifacts.Flags);

        var cut = RenderChart(series, p => p.Add(c => c.Artifacts, artifacts));
        var marker = cut.Find(".rn-chart__svg .rn-chart__marker--" + kind);
        // 40 beats in 138 columns: every flag has its own column, so one shape each.
        var shapes = marker.GetAttribute("d")!.Count(ch => ch == 'M');
        Assert.Equal(artifacts.FlaggedCount * (kind == "removed" ? 2 : 1), shapes); // a cross is two strokes
        Assert.Single(cut.FindAll(".rn-chart__svg .rn-chart__marker"));
        Assert.Contains(artifacts.FlaggedCount.ToString(CultureInfo.InvariantCulture), cut.Find(".rn-chart__legend li").TextContent, StringComparison.Ordinal);
        Assert.Equal(artifacts.FlaggedCount, cut.FindAll("td").Count(td => td.TextContent == kind));
    }

    [Fact]
    public void Render_CorrectedBeats_LeaveTheLineAndRemovedOnesBreakIt()
    {
        double[] rr = [.. Enumerable.Repeat(800.0, 40)];
        rr[20] = 1600;
        var series = RrSeries.FromIntervalsMs(rr);
        var corrected = Artifacts.Process(series, new ArtifactOptions { Method = ArtifactMethod.Malik });
        var removed = Artifacts.Process(series, new ArtifactOptions { Method = ArtifactMethod.Malik, Correction = ArtifactCorrection.Remove });

        var line = RenderChart(series, p => p.Add(c => c.Artifacts, corrected)).Find(".rn-chart__line").GetAttribute("d")!;
        Assert.Equal(1, line.Count(ch => ch == 'M'));                       // one unbroken line
        Assert.Equal(40 - corrected.FlaggedCount - 1, line.Count(ch => ch == 'L'));
        line = RenderChart(series, p => p.Add(c => c.Artifacts, removed)).Find(".rn-chart__line").GetAttribute("d")!;
        Assert.True(line.Count(ch => ch == 'M') >= 2, line);                 // broken where beats were removed
    }

    [Fact]
    public void Render_Range_ZoomsAndSaysSo()
    {
        var cut = RenderChart(Small, p => p.Add(c => c.Range, new ChartTimeRange(2, 5)));
        // Beats ending in [2, 5] s: at 3 s and 4 s.
        Assert.StartsWith("RR intervals over 3.0 s, 2 beats. Shown: 0:02 to 0:05. RR from 1000 to 1200 ms, mean 1100 ms.", cut.Find("desc").TextContent, StringComparison.Ordinal);
        Assert.Equal(2, cut.FindAll("tbody tr").Count);
        // Time ticks every second from 2 to 5 (3 s / 1 s = 3 ≤ 5): at 44 + 346·(t − 2)/3.
        Assert.Equal(["0:02", "0:03", "0:04", "0:05"], cut.FindAll(".rn-chart__axis--x .rn-chart__tick-label").Select(t => t.TextContent));
        Assert.Equal("159.33", cut.FindAll(".rn-chart__axis--x .rn-chart__tick")[1].GetAttribute("x1"));
    }

    [Fact]
    public void Render_Range_LineRunsToTheNeighboursOutsideTheView()
    {
        // Small's line points (beat time s, RR ms): (1, 1000), (1.8, 800), (3, 1200), (4, 1000), (8, gap), (9, 1000).
        // In [2, 5]: 3 and 4 s, plus the neighbour each side, (1.8, 800) and the gap at 8 s, which draws nothing.
        // x = 44 + 346·(t − 2)/3: 1.8 → 20.93, 3 → 159.33, 4 → 274.67. Values 1000..1200 give nice ticks 1000..1200
        // (range 200, step 50), so y = 186 − 162·(v − 1000)/200: 800 → 348 (below the plot, clipped), 1200 → 24, 1000 → 186.
        var cut = RenderChart(Small, p => p.Add(c => c.Range, new ChartTimeRange(2, 5)));
        Assert.Equal("M20.93 348L159.33 24L274.67 186", cut.Find(".rn-chart__line").GetAttribute("d"));

        // A view before the first beat: only the first line point, as its neighbour; no beats, so nothing drawn.
        cut = RenderChart(Small, p => p.Add(c => c.Range, new ChartTimeRange(-5, -1)));
        Assert.Equal("No beats to show.", cut.Find("desc").TextContent);
    }

    [Fact]
    public void Render_LongRecordingWithALongGap_SummaryRowsSkipEmptyStretches()
    {
        // 200 beats of 1 s (ending at 1 … 200 s), one 55-s interval (a gap, ending at 255 s), 150 beats of 1 s
        // (256 … 405 s): 351 beats over 0..405 s. Stretch step: the smallest clock step with 405 / step ≤ 24 is 30 s
        // (15 s gives 27). Stretches [0, 30) … [180, 210) hold 29, 30, 30, 30, 30, 30, 21 beats; [210, 240) none (no
        // row); [240, 270) the gap's end and 256 … 269 s (15), then 30, 30, 30, 30 and [390, 420) 16 (390 … 405 s).
        double[] rr = [.. Enumerable.Repeat(1000.0, 200), 55_000, .. Enumerable.Repeat(1000.0, 150)];
        var cut = RenderChart(RrSeries.FromIntervalsMs(rr));
        var rows = cut.FindAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToArray()).ToList();
        Assert.Equal(["0:00", "0:30", "1:00", "1:30", "2:00", "2:30", "3:00", "4:00", "4:30", "5:00", "5:30", "6:00", "6:30"], rows.Select(r => r[0]));
        Assert.Equal(["29", "30", "30", "30", "30", "30", "21", "15", "30", "30", "30", "30", "16"], rows.Select(r => r[1]));
        Assert.All(rows, r => Assert.Equal(["1000", "1000", "1000", "0"], r[2..]));
        Assert.Contains("Rows are 30 s summaries of the 351 beats shown.", cut.Find("caption").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("RR intervals over 6 min 45 s, 351 beats, 1 gap. RR from 1000 to 1000 ms, mean 1000 ms.", cut.Find("desc").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_KeyboardOrPointerMovesAHandle_RaisesTheRangeAndDrawsIt()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        ChartTimeRange? raised = null;
        var cut = RenderChart(Small, p => p.Add(c => c.SelectionChanged, (ChartTimeRange? r) => raised = r));
        var inputs = cut.FindAll("input[type=range]");
        Assert.Equal(2, inputs.Count);
        Assert.Equal(["0", "9", "1"], new[] { "min", "max", "step" }.Select(a => inputs[0].GetAttribute(a)));

        inputs[0].Change("3");
        Assert.Equal(new ChartTimeRange(3, 9), raised);
        cut.FindAll("input[type=range]")[1].Change("6");
        Assert.Equal(new ChartTimeRange(3, 6), raised);

        // Unbound: the chart keeps the selection itself and draws it: x = 44 + 38.444·t.
        var band = cut.Find(".rn-chart__selection");
        Assert.Equal("159.33", band.GetAttribute("x"));
        Assert.Equal("115.33", band.GetAttribute("width"));
        Assert.EndsWith("Selected: 0:03 to 0:06 (3.0 s).", cut.Find("desc").TextContent, StringComparison.Ordinal);
        Assert.Equal("0:03", cut.FindAll("input[type=range]")[0].GetAttribute("aria-valuetext"));

        // The handles never cross: an end moved before the start stops one step after it.
        cut.FindAll("input[type=range]")[1].Change("1");
        Assert.Equal(new ChartTimeRange(3, 4), raised);
    }

    [Fact]
    public void Render_Static_WithFieldName_IsAGetForm()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var cut = RenderChart(Small, p => p.Add(c => c.FieldName, "window").Add(c => c.Selection, new ChartTimeRange(2, 4)));
        var form = cut.Find("form");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(["window-start", "window-end"], cut.FindAll("input[type=range]").Select(i => i.GetAttribute("name")));
        Assert.Equal(["2", "4"], cut.FindAll("input[type=range]").Select(i => i.GetAttribute("value")));
        Assert.NotNull(cut.Find(".rn-chart__selection"));
    }

    [Fact]
    public void Render_LongRecording_IsDownsampledAndSummarised()
    {
        // 108,000 beats: 36 blocks of 3000 alternating +150 / −150 ms around 800 (sum 0), with a 7-beat ripple
        // (−15 … +15 ms, sum 0 per cycle; the last 4 of 108,000 = 7·15,428 + 4 add −30 ms): 86,399.97 s, i.e. 24 h.
        var rr = new double[108_000];
        for (var i = 0; i < rr.Length; i++)
        {
            rr[i] = 800 + (i / 3000 % 2 == 0 ? 150 : -150) + ((i % 7 - 3) * 5);
        }

        var cut = RenderChart(RrSeries.FromIntervalsMs(rr));
        var d = cut.Find(".rn-chart__line").GetAttribute("d")!;
        var points = d.Count(ch => ch is 'M' or 'L');
        Assert.InRange(points, 100, 2 * Components.Tachogram.Layout.PlotWidth);   // ≤ 2 points per viewBox unit
        Assert.StartsWith("RR intervals over 24 h, 108,000 beats.", cut.Find("desc").TextContent, StringComparison.Ordinal);
        var caption = cut.Find("caption").TextContent;
        Assert.Contains("Rows are 1 h summaries of the 108,000 beats shown.", caption, StringComparison.Ordinal);
        Assert.Equal(24, cut.FindAll("tbody tr").Count);
    }

    [Fact]
    public void Render_Nsr001_24h_SaysWhatASightedReaderSeesWithin200KB()
    {
        var path = Path.Combine(SharedData.RequireDirectory("reference/hrv/data"), "nsr2db_nsr001_24h.rr_ms.txt");
        var rr = File.ReadLines(path).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        var series = RrSeries.FromIntervalsMs(rr);
        var cut = RenderChart(series, p => p.Add(c => c.Artifacts, Artifacts.Process(series)));
        // The reference data's README: 106,459 intervals, "22.5 h" (their sum is 80,965.5 s = 22 h 29 min 26 s), and
        // 3 gaps > 2 s, all three also > 3 s (4726.6, 7476.6, 5210.9 ms in the file).
        Assert.StartsWith("RR intervals over 22 h 29 min, 106,459 beats, ", cut.Find("desc").TextContent, StringComparison.Ordinal);
        Assert.Contains(", 3 gaps", cut.Find("desc").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Markup.Length <= 200 * 1024, $"{cut.Markup.Length} characters of markup");
    }

    [Fact]
    public void Render_IrregularRhythm_ShadedWhereTheSegmentsAre_JoinedByIndex_NamedInLegendAndDescription()
    {
        var rr = IrregularInTheMiddle();
        var series = RrSeries.FromIntervalsMs(rr);
        var artifacts = Artifacts.Process(series);
        // The data as designed: the library finds irregular segments, and only inside the irregular part (its own
        // detection is tested in Core, ArtifactsIrregularRhythmTests).
        Assert.NotEmpty(artifacts.IrregularSegments);
        Assert.All(artifacts.IrregularSegments, s => Assert.InRange(s.StartIndex, RegularBeats - Artifacts.IrregularSegmentLength, RegularBeats + IrregularBeats));

        var cut = RenderChart(series, p => p.Add(c => c.Artifacts, artifacts));

        // Expected bands: segments that follow each other by index joined; each from the time of its first beat to the
        // time of its last (sums of the intervals before them), on the plot's x range [44, 390] over [0, total] s.
        var expected = new List<(double Start, double End)>();
        var last = -1;
        foreach (var segment in artifacts.IrregularSegments)
        {
            var start = rr.Take(segment.StartIndex).Sum() / 1000;
            var end = rr.Take(segment.StartIndex + segment.Count).Sum() / 1000;
            if (expected.Count > 0 && segment.StartIndex == last)
            {
                expected[^1] = (expected[^1].Start, end);
            }
            else
            {
                expected.Add((start, end));
            }

            last = segment.StartIndex + segment.Count;
        }

        var total = rr.Sum() / 1000;
        var bands = cut.FindAll(".rn-tachogram__plot rect.rn-tachogram__irregular");
        Assert.Equal(expected.Count, bands.Count);
        for (var i = 0; i < bands.Count; i++)
        {
            var x = 44 + (expected[i].Start / total * 346);
            var width = (expected[i].End - expected[i].Start) / total * 346;
            Assert.Equal(x, Number(bands[i], "x"), 0.01);
            Assert.Equal(width, Number(bands[i], "width"), 0.01);
            Assert.Equal(24, Number(bands[i], "y"));
            Assert.Equal(220 - 24 - 34, Number(bands[i], "height"));
        }

        var seconds = expected.Sum(b => b.End - b.Start);
        var whole = (long)Math.Round(seconds); // the charts' durations: "8 min 32 s" (a stretch here is under an hour)
        var words = string.Create(CultureInfo.InvariantCulture, $"(stretches: {expected.Count}; {whole / 60} min {whole % 60} s)");
        Assert.Contains("Shaded band: irregular rhythm, HRV not interpretable " + words, cut.Find(".rn-chart__legend").TextContent, StringComparison.Ordinal);
        Assert.Contains(" Shaded: irregular rhythm, where HRV metrics are not interpretable " + words + ".", cut.Find("desc").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IrregularRhythm_ZoomedBesideIt_NoBand_ZoomedInsideIt_OneBandOverThePlot()
    {
        var rr = IrregularInTheMiddle();
        var series = RrSeries.FromIntervalsMs(rr);
        var artifacts = Artifacts.Process(series);
        var first = artifacts.IrregularSegments[0];
        var inside = rr.Take(first.StartIndex).Sum() / 1000;

        var before = RenderChart(series, p => p.Add(c => c.Artifacts, artifacts).Add(c => c.Range, new ChartTimeRange(0, 60)));
        Assert.Empty(before.FindAll("rect.rn-tachogram__irregular"));
        Assert.DoesNotContain("irregular", before.Find("desc").TextContent, StringComparison.Ordinal);

        var within = RenderChart(series, p => p.Add(c => c.Artifacts, artifacts).Add(c => c.Range, new ChartTimeRange(inside + 10, inside + 40)));
        var band = within.Find(".rn-tachogram__plot rect.rn-tachogram__irregular");
        Assert.Equal(44, Number(band, "x"));
        Assert.Equal(346, Number(band, "width"));
        Assert.Contains("(stretches: 1; 30 s).", within.Find("desc").TextContent, StringComparison.Ordinal);

        // Without artifacts, no band.
        Assert.Empty(RenderChart(series).FindAll("rect.rn-tachogram__irregular"));
    }

    /// <summary>
    /// <see cref="RegularBeats"/> beats of 800 ms ± a 7-beat ripple of 5-ms steps, <see cref="IrregularBeats"/> beats drawn
    /// uniformly from 500–1100 ms (seed 7), and as many regular beats again.
    /// </summary>
    private static double[] IrregularInTheMiddle()
    {
        var random = new Random(7);
        var rr = new double[(2 * RegularBeats) + IrregularBeats];
        for (var i = 0; i < rr.Length; i++)
        {
            rr[i] = i is >= RegularBeats and < RegularBeats + IrregularBeats ? 500 + (600 * random.NextDouble()) : 800 + ((i % 7 - 3) * 5);
        }

        return rr;
    }

    private const int RegularBeats = 640;
    private const int IrregularBeats = 640;

    private static double Number(AngleSharp.Dom.IElement element, string attribute) =>
        double.Parse(element.GetAttribute(attribute)!, CultureInfo.InvariantCulture);

    [Fact]
    public void Render_Empty_SaysSo()
    {
        var cut = RenderChart(RrSeries.Empty);
        Assert.Equal("No beats to show.", cut.Find("desc").TextContent);
        Assert.Empty(cut.FindAll("table"));
    }

    [Fact]
    public void Render_ClassAndAttributes_LandOnTheFigure()
    {
        var cut = RenderChart(Small, p => p.Add(c => c.Class, "mine").AddUnmatched("data-x", "1"));
        var figure = cut.Find("figure");
        Assert.Contains("mine", figure.ClassList);
        Assert.Equal("1", figure.GetAttribute("data-x"));
        Assert.Equal(figure.QuerySelector("title")!.Id, figure.QuerySelector("svg")!.GetAttribute("aria-labelledby"));
        Assert.Equal(figure.QuerySelector("desc")!.Id, figure.QuerySelector("svg")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public void Render_BadParameters_ThrowNamingThem()
    {
        Assert.Throws<ArgumentNullException>("Series", () => Render<Components.Tachogram>());
        Assert.Throws<ArgumentOutOfRangeException>("GapThresholdSeconds", () => RenderChart(Small, p => p.Add(c => c.GapThresholdSeconds, 0.0)));
        Assert.Throws<ArgumentException>("Range", () => RenderChart(Small, p => p.Add(c => c.Range, new ChartTimeRange(5, 2))));
        var other = Artifacts.Process(RrSeries.FromIntervalsMs([800, 810, 820]));
        Assert.Throws<ArgumentException>("Artifacts", () => RenderChart(Small, p => p.Add(c => c.Artifacts, other)));
    }

    [GeneratedRegex(@"(?<=\s(?:x|y|x1|x2|y1|y2|width|height|d|min|max|value|step)="")[^""]*")]
    private static partial Regex SvgNumbers();
}
