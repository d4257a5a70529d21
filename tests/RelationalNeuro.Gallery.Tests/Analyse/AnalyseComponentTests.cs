using System.Globalization;
using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RelationalNeuro.Components;
using RelationalNeuro.Gallery.Analyse;
using RelationalNeuro.Gallery.Components.Analyse;
using RelationalNeuro.Gallery.Components.Pages;
using RelationalNeuro.Hrv;
using RelationalNeuro.Interventions;
using RelationalNeuro.Io;
using RelationalNeuro.Storage.Sqlite;

namespace RelationalNeuro.Gallery.Tests.Analyse;

/// <summary>
/// bUnit tests of the "Analyse a recording" page and its report component. Expected values are analytic: an alternating
/// 800/900-ms series has RMSSD = |900 − 800| = 100 ms and mean NN = 850 ms; 12 min of it is far below the 24 h ULF is
/// defined on.
/// </summary>
public sealed class AnalyseComponentTests : BunitContext
{
    private static readonly HrvAnalysisOptions FlagOnly = HrvAnalysisOptions.Default with
    {
        Artifacts = HrvAnalysisOptions.Default.Artifacts with { Correction = ArtifactCorrection.FlagOnly },
    };

    private static RecordingAnalysis AlternatingAnalysis(int beats = 848)
    {
        var text = string.Join('\n', Enumerable.Range(0, beats).Select(i => i % 2 == 0 ? "800" : "900"));
        var recording = Analyser.Read("alternating.txt", Encoding.UTF8.GetBytes(text), null, FlagOnly, null, Xunit.TestContext.Current.CancellationToken);
        return Analyser.Analyse(recording, null, FlagOnly, null, Xunit.TestContext.Current.CancellationToken);
    }

    [Fact]
    public void ReportView_AlternatingSeries_ShowsAnalyticRmssdAndMeanNn_WithDefinitions()
    {
        var cut = Render<HrvReportView>(p => p.Add(c => c.Analysis, AlternatingAnalysis()));

        Assert.Equal("100.0", cut.Find("#metric-rmssd").TextContent);
        Assert.Equal("850.0", cut.Find("#metric-mean-nn").TextContent);
        Assert.Equal("848", cut.Find("#summary-beats").TextContent);
        // Every metric has a definition a click away.
        var rows = MetricCatalog.Groups.SelectMany(g => g.Rows).ToArray();
        Assert.Equal(rows.Length, cut.FindAll("table.metrics tbody tr details").Count);
        Assert.All(rows, r => Assert.NotNull(cut.Find("#metric-" + r.Id)));
        Assert.DoesNotContain("style=", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportView_AnIrregularStretch_IsShadedOnTheTachogram_AndNamedAsAProblem()
    {
        // The gallery's half-hour sample: about nine minutes of intervals drawn uniformly from 450–1,050 ms.
        var text = string.Join('\n', ChartSamples.IrregularStretch.IntervalsMs.ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        var recording = Analyser.Read("irregular.txt", Encoding.UTF8.GetBytes(text), null, FlagOnly, null, Xunit.TestContext.Current.CancellationToken);
        var analysis = Analyser.Analyse(recording, null, FlagOnly, null, Xunit.TestContext.Current.CancellationToken);
        Assert.NotEmpty(recording.Artifacts.IrregularSegments);

        var cut = Render<HrvReportView>(p => p.Add(c => c.Analysis, analysis));

        Assert.NotEmpty(cut.FindAll("#analyse-tachogram .rn-tachogram__plot rect.rn-tachogram__irregular"));
        Assert.Contains("Shaded band: irregular rhythm", cut.Find("#analyse-tachogram .rn-chart__legend").TextContent, StringComparison.Ordinal);
        Assert.Contains(cut.FindAll("#problems li"), li => li.TextContent.Contains("sustained irregular rhythm", StringComparison.Ordinal));

        // The summary names them: how many 128-beat segments and the time they cover (the sum of their own intervals).
        var segments = recording.Artifacts.IrregularSegments;
        var seconds = segments.Sum(s => ChartSamples.IrregularStretch.IntervalsMs.Slice(s.StartIndex, s.Count).ToArray().Sum()) / 1000;
        var whole = (long)Math.Round(seconds); // under an hour: m:ss, as the page's other durations
        var expected = string.Create(CultureInfo.InvariantCulture, $"{segments.Count} segments of 128 beats, {whole / 60}:{whole % 60:00} in all — HRV is not interpretable there (shaded on the tachogram)");
        Assert.Equal(expected, cut.Find("#summary-irregular").TextContent);
        Assert.Empty(Render<HrvReportView>(p => p.Add(c => c.Analysis, AlternatingAnalysis())).FindAll("#summary-irregular"));
    }

    [Fact]
    public void ReportView_TwelveMinutes_UlfIsANoteWithItsReason_NotAnError()
    {
        var cut = Render<HrvReportView>(p => p.Add(c => c.Analysis, AlternatingAnalysis()));

        Assert.Equal("—", cut.Find("#metric-ulf").TextContent);
        var ulfRow = cut.Find("#metric-ulf").ParentElement!;
        Assert.Contains("needs a recording of at least 86400 s", ulfRow.QuerySelector("details .why")!.TextContent, StringComparison.Ordinal);
        var ulfProblem = Assert.Single(cut.FindAll("#problems li"), li => li.TextContent.Contains("(ULF)", StringComparison.Ordinal));
        Assert.Equal("Note:", ulfProblem.QuerySelector("strong")!.TextContent);
    }

    [Fact]
    public void ReportView_UnderGerman_NumbersStayInvariant()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var cut = Render<HrvReportView>(p => p.Add(c => c.Analysis, AlternatingAnalysis(2000)));
            Assert.Equal("100.0", cut.Find("#metric-rmssd").TextContent);
            Assert.Equal("2,000", cut.Find("#summary-beats").TextContent);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void ReportView_TachogramRangePicked_RaisesTheWindow()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        ChartTimeRange? raised = null;
        var cut = Render<HrvReportView>(p => p
            .Add(c => c.Analysis, AlternatingAnalysis())
            .Add(c => c.SelectionChanged, (ChartTimeRange? r) => raised = r));

        cut.Find("#analyse-tachogram-start").Change("60");

        Assert.Equal(60, raised!.Value.StartSeconds);
    }

    [Fact]
    public void Page_FileOverTheLimit_IsRefusedFromItsSize_WithoutOpeningIt()
    {
        var cut = RenderPage(new AnalyseOptions { MaxUploadBytes = 1024 });
        var file = new UnreadableFile("day.txt", 2 * 1024 * 1024);

        cut.InvokeAsync(() => cut.FindComponent<InputFile>().Instance.OnChange.InvokeAsync(new InputFileChangeEventArgs([file])));

        cut.WaitForAssertion(() => Assert.Equal("“day.txt” is 2 MB; the limit is 0 MB. Split the recording, or raise RelationalNeuro:Analyse:MaxUploadBytes.", cut.Find("#analyse-message").TextContent));
        Assert.False(file.Opened);
        Assert.Empty(cut.FindAll("#report"));
    }

    [Fact]
    public void Page_FileOverTheLimitAfterAReport_TakesThePreviousReportOffTheScreen()
    {
        // A refused file is not analysed: the report of the file before must not stay, as if it were the new one's.
        var cut = RenderPage(new AnalyseOptions { MaxUploadBytes = 1024 });
        cut.Find("#analyse-sample").Click();
        cut.WaitForAssertion(() => Assert.Contains(SampleRecording.FileName, cut.Find("#report-title").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        var file = new UnreadableFile("day.txt", 2 * 1024 * 1024);
        cut.InvokeAsync(() => cut.FindComponent<InputFile>().Instance.OnChange.InvokeAsync(new InputFileChangeEventArgs([file])));

        cut.WaitForAssertion(() => Assert.StartsWith("“day.txt” is 2 MB; the limit is", cut.Find("#analyse-message").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("#report"));
        Assert.Empty(cut.FindAll("#save-report"));
        Assert.Empty(cut.FindAll("#export-json"));
        Assert.DoesNotContain(SampleRecording.FileName, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_SampleButton_AnalysesTheBundledSample()
    {
        var cut = RenderPage(new AnalyseOptions());

        cut.Find("#analyse-sample").Click();

        cut.WaitForAssertion(() => Assert.Contains(SampleRecording.FileName, cut.Find("#report-title").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Equal("337", cut.Find("#summary-beats").TextContent);
        Assert.Empty(cut.FindAll("#analyse-progress"));
    }

    [Fact]
    public async Task Page_Save_WritesTheReportsMeasurementsToTheChosenClient()
    {
        var store = new InMemoryPracticeStore();
        var client = new Client { Id = Guid.NewGuid(), DisplayName = "A. Client", TimeZoneId = "Europe/Berlin", CreatedAt = DateTimeOffset.UnixEpoch };
        await store.AddClientAsync(client, Xunit.TestContext.Current.CancellationToken);
        var cut = RenderPage(new AnalyseOptions(), store);
        cut.Find("#analyse-correction").Change("FlagOnly");
        cut.Find("#analyse-sample").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#save-report")), TimeSpan.FromSeconds(30));
        cut.Find("#save-report").Click();
        cut.WaitForAssertion(() => Assert.Equal("Choose a client, or create one, first.", cut.Find("#save-status").TextContent));

        cut.Find("#save-client-select").Change(client.Id.ToString("D"));
        cut.Find("#save-report").Click();

        cut.WaitForAssertion(() => Assert.Equal("Saved 5 measurement(s) of “pyhrv-sample-short-5min.rr_ms.txt” to A. Client.", cut.Find("#save-status").TextContent));
        var saved = await store.ListMeasurementsAsync(client.Id, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(["hrv.hf-power", "hrv.lf-power", "hrv.mean-hr", "hrv.rmssd", "hrv.sdnn"], saved.Select(m => m.Metric).Order(StringComparer.Ordinal));
        var rmssd = saved.Single(m => m.Metric == "hrv.rmssd");
        Assert.Equal("ms", rmssd.Unit);
        Assert.Equal(cut.Find("#metric-rmssd").TextContent, rmssd.Value.ToString("N1", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("a.csv", "time,rr\n0,812\n", RrFormat.Csv)]
    [InlineData("a.TSV", "rr\n812\n", RrFormat.Csv)]
    [InlineData("a.txt", "Kubios HRV export\nRR (s)\n0.812\n", RrFormat.KubiosText)]
    [InlineData("a.txt", "Time  RR\n0.000 812\n0.812 790\n", RrFormat.KubiosText)]
    [InlineData("a.txt", "RR\n812\n790\n", RrFormat.SingleColumn)]
    [InlineData("a.rr", "812\n790\n", RrFormat.SingleColumn)]
    [InlineData("notes.txt", "Shopping list\neggs\nmilk, 2 l\n", RrFormat.SingleColumn)]
    public void FormatGuess_NameAndFirstLines_PickTheReader(string name, string content, RrFormat expected) =>
        Assert.Equal(expected, RrFormatGuess.Guess(name, Encoding.UTF8.GetBytes(content)));

    [Fact]
    public void Slice_KeepsTheIntervalsWhollyInsideTheWindow()
    {
        // Ten 1-s intervals: beats at 0, 1, …, 10 s. [2.5, 6] holds the intervals 3–4, 4–5 and 5–6 s.
        var series = RrSeries.FromIntervalsMs(Enumerable.Repeat(1000.0, 10).ToArray());

        var window = Analyser.Slice(series, new ChartTimeRange(2.5, 6));

        Assert.Equal(3, window.Count);
        Assert.Equal(3.0, window.DurationSeconds, 12);
    }

    [Fact]
    public void Options_FromConfiguration_ReadsTheLimit_AndRefusesANonPositiveOne()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["RelationalNeuro:Analyse:MaxUploadBytes"] = "2048" })
            .Build();
        Assert.Equal(2048, AnalyseOptions.From(configuration).MaxUploadBytes);
        Assert.Equal(16 * 1024 * 1024, AnalyseOptions.From(new ConfigurationBuilder().Build()).MaxUploadBytes);
        var zero = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["RelationalNeuro:Analyse:MaxUploadBytes"] = "0" })
            .Build();
        Assert.Throws<InvalidOperationException>(() => { _ = AnalyseOptions.From(zero); });
    }

    private IRenderedComponent<AnalysePage> RenderPage(AnalyseOptions options, IPracticeStore? store = null)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton(options);
        Services.AddSingleton<ReportExports>();
        Services.AddSingleton<IPracticeStore>(store ?? new InMemoryPracticeStore());
        Services.AddSingleton(TimeProvider.System);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<AnalysePage>();
    }

    /// <summary>A browser file that fails the test if it is ever opened.</summary>
    private sealed class UnreadableFile(string name, long size) : IBrowserFile
    {
        public bool Opened { get; private set; }

        public string Name => name;

        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;

        public long Size => size;

        public string ContentType => "text/plain";

        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default)
        {
            Opened = true;
            throw new InvalidOperationException("The file was opened although it is over the limit.");
        }
    }
}
