using System.Globalization;
using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using RelationalNeuro.Gallery.Analyse;
using RelationalNeuro.Gallery.Components.Pages;
using RelationalNeuro.Hrv;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Gallery.Tests.Analyse;

/// <summary>
/// bUnit tests of "Analyse a dyad". Expected values are analytic: RR = 800 + 50·sin(2πi/20) ms over 401 beats (20 whole
/// periods of successive differences) has RMSSD = 100·sin(π/20)/√2 = 11.06 ms.
/// </summary>
public sealed class AnalyseDyadComponentTests : BunitContext
{
    private static readonly string Sinusoid = string.Join('\n', Enumerable.Range(0, 401).Select(i => (800 + (50 * Math.Sin(2 * Math.PI * i / 20))).ToString("R", CultureInfo.InvariantCulture)));

    [Fact]
    public void Page_TwoFiles_ShowEachMembersAnalyticRmssd_AndOneAloneAsksForTheOther()
    {
        var cut = RenderPage(new AnalyseOptions());
        var inputs = cut.FindComponents<InputFile>();
        Assert.Equal(2, inputs.Count);

        cut.InvokeAsync(() => inputs[0].Instance.OnChange.InvokeAsync(new InputFileChangeEventArgs([new TextFile("a.txt", Sinusoid)])));
        cut.WaitForAssertion(() => Assert.Equal("Load Member B's recording too.", cut.Find("#dyad-message").TextContent));
        Assert.Equal("“a.txt”: 401 intervals, 5:21 (one value per line).", cut.Find("#dyad-file-a-status").TextContent);

        cut.InvokeAsync(() => inputs[1].Instance.OnChange.InvokeAsync(new InputFileChangeEventArgs([new TextFile("b.txt", Sinusoid)])));

        var expected = (100 * Math.Sin(Math.PI / 20) / Math.Sqrt(2)).ToString("0.0", CultureInfo.InvariantCulture) + " ms";
        cut.WaitForAssertion(() => Assert.Equal(expected, cut.Find("#dyad-rmssd-a").TextContent), TimeSpan.FromSeconds(30));
        Assert.Equal(expected, cut.Find("#dyad-rmssd-b").TextContent);
        Assert.Equal("401", cut.Find("#dyad-beats-a").TextContent);
        Assert.Equal("0", cut.Find("#dyad-flagged-b").TextContent);
        Assert.Equal(("none", "none"), (cut.Find("#dyad-irregular-a").TextContent, cut.Find("#dyad-irregular-b").TextContent));
        Assert.StartsWith("“a.txt” and “b.txt”", cut.Find("#dyad-result-title").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(cut.Find("#dyad-verdict").TextContent);
        Assert.Matches(@"^analyse/dyad/export/[0-9a-f-]{36}\.json$", cut.Find("#dyad-export-json").GetAttribute("href")!);
    }

    [Fact]
    public void Page_ExtremeValuesInAFile_AreRefusedLineByLine_TheRestIsAnalysed()
    {
        var cut = RenderPage(new AnalyseOptions());
        var inputs = cut.FindComponents<InputFile>();
        var hostile = "1e308\n-1e308\n4.9e-324\nNaN\n-0\n" + Sinusoid;

        cut.InvokeAsync(() => inputs[0].Instance.OnChange.InvokeAsync(new InputFileChangeEventArgs([new TextFile("a.txt", hostile)])));
        cut.InvokeAsync(() => inputs[1].Instance.OnChange.InvokeAsync(new InputFileChangeEventArgs([new TextFile("b.txt", Sinusoid)])));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#dyad-verdict")), TimeSpan.FromSeconds(30));
        Assert.Equal("401", cut.Find("#dyad-beats-a").TextContent);
        var problems = cut.Find("#dyad-read-problems-a").TextContent;
        foreach (var line in new[] { "line 1", "line 2", "line 3", "line 4", "line 5" })
        {
            Assert.Contains(line + ":", problems, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("NaN ms", cut.Find("#dyad-hrv").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("∞", cut.Find(".dyad-result").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("604801")]
    [InlineData("-1e308")]
    public void Page_UnusableOffset_IsRefusedWithTheReason_AndNothingIsShown(string offset)
    {
        var cut = RenderAnalysedSample();

        Change(cut, "#dyad-offset", offset);

        AssertRefused(cut, $"Not analysed: the start offset “{offset}” is not a number of seconds between −604800 and 604800.");
    }

    [Fact]
    public void Page_Range_CutsBothMembersToTheMinutesAsked_OnTheFirstMembersClock()
    {
        var cut = RenderAnalysedSample();

        Change(cut, "#dyad-from", "1");
        Change(cut, "#dyad-to", "4");

        cut.WaitForAssertion(() => Assert.EndsWith("(minute 1 to 4)", cut.Find("#dyad-result-title").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        // The intervals wholly inside [60 s, 240 s] of each member's beat times.
        var (a, b) = (Inside(RelationalNeuro.Gallery.CoRegulationDyad.RrMsA, 60, 240), Inside(RelationalNeuro.Gallery.CoRegulationDyad.RrMsB, 60, 240));
        Assert.Equal(a.Count.ToString(CultureInfo.InvariantCulture), cut.Find("#dyad-beats-a").TextContent);
        Assert.Equal(b.Count.ToString(CultureInfo.InvariantCulture), cut.Find("#dyad-beats-b").TextContent);

        // Both recorded at most the 180 s asked for, and lose at most one interval at each end.
        var parts = cut.Find("#dyad-duration").TextContent.Split(':');
        var seconds = (int.Parse(parts[0], CultureInfo.InvariantCulture) * 60) + int.Parse(parts[1], CultureInfo.InvariantCulture);
        Assert.InRange(seconds, (int)Math.Floor(180 - (2 * Math.Max(a.Longest, b.Longest) / 1000)), 180);

        // The download says which stretch it is: the aligned 4-Hz grid lies inside minutes 1–4 of A's clock. Its first
        // sample is at or after the end of the first kept interval (the signal at a beat is the interval ending there),
        // so it starts at most two intervals and one grid step after 60 s; start + grid length (which may count the last
        // sample's step) ends within one interval and one step of 240 s.
        var longest = Math.Max(a.Longest, b.Longest) / 1000;
        var href = cut.Find("#dyad-export-json").GetAttribute("href")!;
        var exported = Services.GetRequiredService<DyadExports>().Find(Guid.Parse(href["analyse/dyad/export/".Length..^".json".Length]))!;
        Assert.InRange(exported.Alignment.StartTimeSeconds, 60, 60 + (2 * longest) + 0.25);
        Assert.InRange(exported.Alignment.StartTimeSeconds + exported.Alignment.DurationSeconds, 240 - longest - 0.25, 240 + 0.25);
    }

    [Fact]
    public void Page_HandlesMovedOnTheFirstMembersChart_FillTheMinutes_AndAnalyseThatStretch()
    {
        var cut = RenderAnalysedSample();
        var beats = Inside(RelationalNeuro.Gallery.CoRegulationDyad.RrMsA, 60, 240).Count;

        // The sample's A starts at 0 s on its clock: handles at 60 s and 240 s are minutes 1 and 4.
        Change(cut, "#dyad-tachogram-a-start", "60");
        cut.WaitForAssertion(() => Assert.EndsWith("(minute 1 to the end)", cut.Find("#dyad-result-title").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Change(cut, "#dyad-tachogram-a-end", "240");

        cut.WaitForAssertion(() => Assert.EndsWith("(minute 1 to 4)", cut.Find("#dyad-result-title").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Equal("1", cut.Find("#dyad-from").GetAttribute("value"));
        Assert.Equal("4", cut.Find("#dyad-to").GetAttribute("value"));
        Assert.Equal(beats.ToString(CultureInfo.InvariantCulture), cut.Find("#dyad-beats-a").TextContent);

        // A handle back at A's last beat empties the field: to the end.
        var end = RelationalNeuro.Gallery.CoRegulationDyad.RrMsA.Sum() / 1000;
        Change(cut, "#dyad-tachogram-a-end", end.ToString("R", CultureInfo.InvariantCulture));
        cut.WaitForAssertion(() => Assert.EndsWith("(minute 1 to the end)", cut.Find("#dyad-result-title").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Equal("", cut.Find("#dyad-to").GetAttribute("value"));
    }

    [Fact]
    public void Page_TypedRange_IsTheBandOnBothCharts_AndBsChartIsMovedByTheOffset()
    {
        var cut = RenderAnalysedSample();
        var charts = cut.FindComponents<RelationalNeuro.Components.Tachogram>();
        Assert.Equal(2, charts.Count);
        Assert.Null(charts[0].Instance.Selection);
        Assert.Empty(cut.FindAll(".rn-chart__selection"));
        Assert.Empty(cut.FindAll("#dyad-tachogram-b-start")); // B's chart shows the band; A's handles set it

        Change(cut, "#dyad-offset", "30");
        Change(cut, "#dyad-from", "1");
        Change(cut, "#dyad-to", "4");

        cut.WaitForAssertion(() => Assert.EndsWith("(minute 1 to 4)", cut.Find("#dyad-result-title").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        charts = cut.FindComponents<RelationalNeuro.Components.Tachogram>();
        Assert.Equal(new RelationalNeuro.Components.ChartTimeRange(60, 240), charts[0].Instance.Selection);
        Assert.Equal(new RelationalNeuro.Components.ChartTimeRange(60, 240), charts[1].Instance.Selection);
        Assert.Equal(0, charts[0].Instance.Series!.StartTimeSeconds);
        Assert.Equal(30, charts[1].Instance.Series!.StartTimeSeconds);
        Assert.Equal(2, cut.FindAll(".rn-chart__selection").Count);
        Assert.Equal("Member A: the therapist", cut.Find("#dyad-chart-a-title").TextContent);
    }

    [Fact]
    public void Page_Charts_MarkWhatTheArtifactStepCorrects_OnlyWhenArtifactsAreCorrected()
    {
        var cut = RenderAnalysedSample();
        var charts = cut.FindComponents<RelationalNeuro.Components.Tachogram>();
        // "Correct them" (the default): each chart has the default artifact step on its own member's intervals.
        Assert.All(charts, c => Assert.Equal(c.Instance.Series!.Count, c.Instance.Artifacts!.InputCount));
        Assert.Equal(RelationalNeuro.Gallery.CoRegulationDyad.RrMsB.Length, charts[1].Instance.Artifacts!.InputCount);

        Change(cut, "#dyad-artifacts", "as-recorded");

        cut.WaitForAssertion(() => Assert.All(cut.FindComponents<RelationalNeuro.Components.Tachogram>(), c => Assert.Null(c.Instance.Artifacts)), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Page_ChartsFollowTheFiles_OneChartPerMemberLoaded()
    {
        var cut = RenderPage(new AnalyseOptions());
        Assert.Empty(cut.FindAll("#dyad-timeline"));
        var inputs = cut.FindComponents<InputFile>();

        cut.InvokeAsync(() => inputs[0].Instance.OnChange.InvokeAsync(new InputFileChangeEventArgs([new TextFile("a.txt", Sinusoid)])));
        cut.WaitForAssertion(() => Assert.Equal("Load Member B's recording too.", cut.Find("#dyad-message").TextContent));
        Assert.Single(cut.FindAll("#dyad-tachogram-a"));
        Assert.Empty(cut.FindAll("#dyad-tachogram-b"));

        cut.InvokeAsync(() => inputs[1].Instance.OnChange.InvokeAsync(new InputFileChangeEventArgs([new TextFile("b.txt", Sinusoid)])));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#dyad-verdict")), TimeSpan.FromSeconds(30));
        Assert.Single(cut.FindAll("#dyad-tachogram-b"));

        // A file that cannot be read takes its member's chart away.
        cut.InvokeAsync(() => inputs[0].Instance.OnChange.InvokeAsync(new InputFileChangeEventArgs([new TextFile("notes.txt", "milk, 2 l")])));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("#dyad-tachogram-a")));
        Assert.Empty(cut.FindAll("#dyad-timeline"));
    }

    [Fact]
    public void Page_AMemberWithAnIrregularStretch_ShowsTheTimeItCovers()
    {
        var cut = RenderPage(new AnalyseOptions());
        var inputs = cut.FindComponents<InputFile>();
        var irregular = RelationalNeuro.Gallery.ChartSamples.IrregularStretch.IntervalsMs.ToArray();
        var text = string.Join('\n', irregular.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

        cut.InvokeAsync(() => inputs[0].Instance.OnChange.InvokeAsync(new InputFileChangeEventArgs([new TextFile("a.txt", text)])));
        cut.InvokeAsync(() => inputs[1].Instance.OnChange.InvokeAsync(new InputFileChangeEventArgs([new TextFile("b.txt", Sinusoid)])));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#dyad-verdict")), TimeSpan.FromSeconds(30));

        // The segments A's HRV reports (of its own 30 minutes), as the sum of their own intervals, m:ss.
        var segments = RelationalNeuro.Hrv.Artifacts.Process(irregular).IrregularSegments;
        Assert.NotEmpty(segments);
        var whole = (long)Math.Round(segments.Sum(s => irregular.AsSpan(s.StartIndex, s.Count).ToArray().Sum()) / 1000);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{whole / 60}:{whole % 60:00}"), cut.Find("#dyad-irregular-a").TextContent);
        Assert.Equal("none", cut.Find("#dyad-irregular-b").TextContent);
        Assert.NotEmpty(cut.FindAll("#dyad-tachogram-a rect.rn-tachogram__irregular"));
    }

    /// <summary>The count and longest of the intervals wholly inside [from, to] s of beat times t₀ = 0, tₖ₊₁ = tₖ + RRₖ/1000.</summary>
    private static (int Count, double Longest) Inside(double[] rr, double from, double to)
    {
        var (count, longest, t) = (0, 0.0, 0.0);
        foreach (var v in rr)
        {
            var end = t + (v / 1000.0);
            if (t >= from && end <= to)
            {
                count++;
                longest = Math.Max(longest, v);
            }

            t = end;
        }

        return (count, longest);
    }

    [Theory]
    [InlineData("abc", "", "the first minute “abc” is not a number of minutes between 0 and 10080")]
    [InlineData("", "NaN", "the last minute “NaN” is not a number of minutes between 0 and 10080")]
    [InlineData("-1", "", "the first minute “-1” is not a number of minutes between 0 and 10080")]
    [InlineData("", "1e308", "the last minute “1e308” is not a number of minutes between 0 and 10080")]
    [InlineData("5", "3", "the range must end after it starts (minute 5 to minute 3)")]
    [InlineData("2", "2", "the range must end after it starts (minute 2 to minute 2)")]
    public void Page_UnusableRange_IsRefusedWithTheReason_AndNothingIsShown(string from, string to, string reason)
    {
        var cut = RenderAnalysedSample();

        Change(cut, "#dyad-to", to);
        Change(cut, "#dyad-from", from);

        AssertRefused(cut, $"Not analysed: {reason}.");
    }

    [Fact]
    public void Page_RangeFromMinusZero_IsFromMinuteZero()
    {
        var cut = RenderAnalysedSample();

        Change(cut, "#dyad-from", "-0");
        Change(cut, "#dyad-to", "2");

        cut.WaitForAssertion(() => Assert.EndsWith("(minute 0 to 2)", cut.Find("#dyad-result-title").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Page_RangeAfterTheRecordings_SaysSo_AndShowsNothing()
    {
        var cut = RenderAnalysedSample();

        Change(cut, "#dyad-from", "100"); // the sample is six minutes long

        AssertRefused(cut, "Not analysed: Member A or Member B has no whole RR interval (minute 100 to the end).");
    }

    [Fact]
    public void Page_FileOverTheLimit_IsRefusedFromItsSize_WithoutOpeningIt()
    {
        var cut = RenderPage(new AnalyseOptions { MaxUploadBytes = 1024 });
        var file = new TextFile("day.txt", "", declaredSize: 2 * 1024 * 1024);

        cut.InvokeAsync(() => cut.FindComponents<InputFile>()[1].Instance.OnChange.InvokeAsync(new InputFileChangeEventArgs([file])));

        cut.WaitForAssertion(() => Assert.Equal("“day.txt” is 2 MB; the limit is 0 MB.", cut.Find("#dyad-file-b-status").TextContent));
        Assert.False(file.Opened);
        Assert.Equal("Not analysed: “day.txt” is 2 MB; the limit is 0 MB.", cut.Find("#dyad-message").TextContent);
    }

    /// <summary>
    /// A change event on the element, found and fired on the renderer's thread: the page re-renders while an analysis
    /// finishes, and a handler found before that render would be gone (bUnit's UnknownEventHandlerIdException).
    /// </summary>
    private static void Change(IRenderedComponent<AnalyseDyadPage> cut, string selector, string value) =>
        cut.InvokeAsync(() => cut.Find(selector).Change(value)).GetAwaiter().GetResult();

    /// <summary>The page says <paramref name="message"/> and shows no report: no verdict, no download.</summary>
    private static void AssertRefused(IRenderedComponent<AnalyseDyadPage> cut, string message)
    {
        cut.WaitForAssertion(() => Assert.Equal(message, cut.Find("#dyad-message").TextContent), TimeSpan.FromSeconds(30));
        Assert.Empty(cut.FindAll("#dyad-verdict"));
        Assert.Empty(cut.FindAll("#dyad-export-json"));
    }

    /// <summary>The page with the bundled dyad analysed (its verdict shown).</summary>
    private IRenderedComponent<AnalyseDyadPage> RenderAnalysedSample()
    {
        var cut = RenderPage(new AnalyseOptions());
        cut.Find("#dyad-sample").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#dyad-verdict")), TimeSpan.FromSeconds(30));
        return cut;
    }

    private IRenderedComponent<AnalyseDyadPage> RenderPage(AnalyseOptions options)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(options);
        Services.AddSingleton<DyadExports>();
        Services.AddSingleton<IPracticeStore>(new InMemoryPracticeStore());
        Services.AddSingleton(TimeProvider.System);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<AnalyseDyadPage>();
    }

    /// <summary>A browser file with text content (or only a declared size, if it must never be opened).</summary>
    private sealed class TextFile(string name, string text, long? declaredSize = null) : IBrowserFile
    {
        private readonly byte[] _bytes = Encoding.UTF8.GetBytes(text);

        public bool Opened { get; private set; }

        public string Name => name;

        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;

        public long Size => declaredSize ?? _bytes.Length;

        public string ContentType => "text/plain";

        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default)
        {
            Opened = true;
            return new MemoryStream(_bytes, writable: false);
        }
    }
}
