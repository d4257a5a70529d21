using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RelationalNeuro.Interventions;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Gallery.Tests;

/// <summary>
/// The flows a person does on "Analyse a recording" (issue 19 items 1 and 6). Expected values come from
/// ../shared/reference/hrv, read in place: the pyHRV 5-min sample's RMSSD from the reference's own formula check (and
/// equal to every peer's), the nsr2db nsr001 Holter's beat count from its input summary.
/// </summary>
[Collection(nameof(GalleryCollection))]
public sealed partial class AnalysePageTests(GalleryFixture gallery, ITestOutputHelper output)
{
    private const string PagePath = "analyse";

    [Fact]
    public async Task Sample_OneClick_ShowsTheReferenceRmssd_AndThePageIsClean()
    {
        var reference = HrvReference.Get("pyhrv_sample_short_5min");
        // The bundled sample is that reference series, value for value (so the expected RMSSD is its RMSSD).
        var bundled = ReadValues(Path.Combine(SharedData.RepositoryRoot, "samples", "RelationalNeuro.Gallery", "Data", "pyhrv-sample-short-5min.rr_ms.txt"));
        Assert.Equal(reference.RrMs, bundled);
        var expected = reference.Number("formula_check.RMSSD_ms")!.Value;
        Assert.Equal(expected, reference.Number("pyhrv.rmssd.values.rmssd")!.Value, 9);

        await using var page = await gallery.OpenAsync(PagePath);
        // "Flag only" keeps every interval as recorded, so RMSSD is the textbook RMSSD of the file.
        await page.Page.Locator("#analyse-correction").SelectOptionAsync("FlagOnly");
        await page.Page.Locator("#analyse-sample").ClickAsync();

        await Assertions.Expect(page.Page.Locator("#report-title")).ToContainTextAsync("pyhrv-sample-short-5min");
        await Assertions.Expect(page.Page.Locator("#metric-rmssd")).ToHaveTextAsync(expected.ToString("N1", CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Page.Locator("#summary-beats")).ToHaveTextAsync(reference.RrMs.Length.ToString("#,0", CultureInfo.InvariantCulture));
        // A definition is a click away, and says what RMSSD is.
        var row = page.Page.Locator("tr", new() { Has = page.Page.Locator("#metric-rmssd") });
        await row.Locator("summary").ClickAsync();
        await Assertions.Expect(row.Locator("details")).ToContainTextAsync("Root mean square of successive differences");
        // Charts of the report are there and named.
        await Assertions.Expect(page.Page.Locator("#analyse-tachogram").GetByRole(AriaRole.Img)).ToHaveAccessibleNameAsync("RR intervals");
        await Assertions.Expect(page.Page.Locator("#analyse-poincare svg.rn-chart__svg")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Page.Locator("#analyse-spectrum svg.rn-chart__svg")).ToHaveCountAsync(1);
        await page.AssertCleanAsync();
        await page.ScreenshotAsync("analyse-sample");
    }

    [Fact]
    public async Task DropZone_IsTheFileInputItself_SoADroppedFileReachesIt()
    {
        // Drag-and-drop needs no script: the native file input is stretched over the whole zone, so a file dropped
        // anywhere on the zone is dropped on the input (the browser's own behaviour), and it is focusable and labelled.
        await using var page = await gallery.OpenAsync(PagePath);
        var zone = (await page.Page.Locator(".drop-zone").BoundingBoxAsync())!;
        var input = (await page.Page.Locator("#analyse-file").BoundingBoxAsync())!;
        Assert.True(Math.Abs(zone.Width - input.Width) <= 4 && Math.Abs(zone.Height - input.Height) <= 4, $"input {input.Width}×{input.Height} in zone {zone.Width}×{zone.Height}");
        Assert.True(Math.Abs(zone.X - input.X) <= 2 && Math.Abs(zone.Y - input.Y) <= 2);
        await Assertions.Expect(page.Page.GetByLabel("Drop an RR file here, or choose one")).ToHaveIdAsync("analyse-file");
    }

    [Fact]
    public async Task Report_OnAPhone390PxWide_DoesNotScrollSideways()
    {
        await using var page = await gallery.OpenAsync(PagePath, new GalleryPageOptions { ViewportWidth = 390 });
        await page.Page.Locator("#analyse-sample").ClickAsync();
        await Assertions.Expect(page.Page.Locator("#metric-rmssd")).Not.ToBeEmptyAsync();
        var width = await page.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the report is {width} px wide at 390");
        // The report's charts (tachogram, Poincaré plot, spectrum), drawn at their largest text size here.
        Assert.True(await ChartPageChecks.NoTextCutOffOnPageAsync(page.Page) >= 3, "the report's three charts were expected");

        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task Save_ToANewClient_KeepsTheReportsRmssdInTheStore()
    {
        var expected = HrvReference.Get("pyhrv_sample_short_5min").Number("formula_check.RMSSD_ms")!.Value;
        var name = "Analyse test " + Guid.NewGuid().ToString("N")[..8];
        await using var page = await gallery.OpenAsync(PagePath);
        await page.Page.Locator("#analyse-correction").SelectOptionAsync("FlagOnly");
        await page.Page.Locator("#analyse-sample").ClickAsync();
        await Assertions.Expect(page.Page.Locator("#metric-rmssd")).ToHaveTextAsync(expected.ToString("N1", CultureInfo.InvariantCulture));

        await page.Page.Locator("#save-client-new-name").FillAsync(name);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Create client" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#save-client-select")).Not.ToHaveValueAsync("");
        await page.Page.Locator("#save-report").ClickAsync();

        await Assertions.Expect(page.Page.Locator("#save-status")).ToHaveTextAsync($"Saved 5 measurement(s) of “pyhrv-sample-short-5min.rr_ms.txt” to {name}.");
        var store = gallery.Services.GetRequiredService<IPracticeStore>();
        var client = (await store.ListClientsAsync(TestContext.Current.CancellationToken)).Single(c => c.DisplayName == name);
        var rmssd = (await store.ListMeasurementsAsync(client.Id, TestContext.Current.CancellationToken)).Single(m => m.Metric == "hrv.rmssd");
        Assert.Equal(expected, rmssd.Value, 9);
        Assert.Equal("ms", rmssd.Unit);
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task Save_PressedTwice_StoresTheFiveMeasurementsOnce_ANewAnalysisCanBeSavedAgain()
    {
        var store = gallery.Services.GetRequiredService<IPracticeStore>();
        var client = new Client { Id = Guid.NewGuid(), DisplayName = "Twice " + Guid.NewGuid().ToString("N")[..8], TimeZoneId = "Etc/UTC", CreatedAt = DateTimeOffset.UtcNow };
        await store.AddClientAsync(client, TestContext.Current.CancellationToken);
        await using var page = await gallery.OpenAsync(PagePath);
        await page.Page.Locator("#analyse-sample").ClickAsync();
        await Assertions.Expect(page.Page.Locator("#metric-rmssd")).Not.ToBeEmptyAsync();
        await page.Page.Locator("#save-client-select").SelectOptionAsync(client.Id.ToString("D"));

        await page.Page.Locator("#save-report").ClickAsync();
        await Assertions.Expect(page.Page.Locator("#save-status")).ToHaveTextAsync($"Saved 5 measurement(s) of “pyhrv-sample-short-5min.rr_ms.txt” to {client.DisplayName}.");
        await page.Page.Locator("#save-report").ClickAsync();
        await Assertions.Expect(page.Page.Locator("#save-status")).ToHaveTextAsync($"“pyhrv-sample-short-5min.rr_ms.txt” is already saved to {client.DisplayName}.");
        Assert.Equal(5, (await store.ListMeasurementsAsync(client.Id, TestContext.Current.CancellationToken)).Count);

        // Another analysis (artifacts removed instead of corrected) is a new report, which may be saved too.
        await page.Page.Locator("#analyse-correction").SelectOptionAsync("Remove");
        await Assertions.Expect(page.Page.Locator("#save-status")).ToHaveCountAsync(0);
        await page.Page.Locator("#save-report").ClickAsync();
        await Assertions.Expect(page.Page.Locator("#save-status")).ToHaveTextAsync($"Saved 5 measurement(s) of “pyhrv-sample-short-5min.rr_ms.txt” to {client.DisplayName}.");
        Assert.Equal(10, (await store.ListMeasurementsAsync(client.Id, TestContext.Current.CancellationToken)).Count);
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task Save_WhileAnotherProgramLocksTheStore_SaysNotSaved_ThenSavesTheFiveOnce()
    {
        var store = gallery.Services.GetRequiredService<IPracticeStore>();
        var client = new Client { Id = Guid.NewGuid(), DisplayName = "Locked " + Guid.NewGuid().ToString("N")[..8], TimeZoneId = "Etc/UTC", CreatedAt = DateTimeOffset.UtcNow };
        await store.AddClientAsync(client, TestContext.Current.CancellationToken);
        await using var page = await gallery.OpenAsync(PagePath);
        await page.Page.Locator("#analyse-sample").ClickAsync();
        await Assertions.Expect(page.Page.Locator("#metric-rmssd")).Not.ToBeEmptyAsync();
        await page.Page.Locator("#save-client-select").SelectOptionAsync(client.Id.ToString("D"));

        using (StoreLock.Hold(gallery.PracticeStorePath))
        {
            await page.Page.Locator("#save-report").ClickAsync();
            await Assertions.Expect(page.Page.Locator("#save-status")).ToContainTextAsync("Not saved:", new() { Timeout = 30_000 });
            await Assertions.Expect(page.Page.Locator("#save-status")).ToContainTextAsync("0 of 5 measurements are saved; press Save again to save the rest.");
        }

        // The circuit lived through it: the same button now saves the five, once.
        Assert.Empty(await store.ListMeasurementsAsync(client.Id, TestContext.Current.CancellationToken));
        await page.Page.Locator("#save-report").ClickAsync();
        await Assertions.Expect(page.Page.Locator("#save-status")).ToHaveTextAsync($"Saved 5 measurement(s) of “pyhrv-sample-short-5min.rr_ms.txt” to {client.DisplayName}.");
        await page.Page.Locator("#save-report").ClickAsync();
        await Assertions.Expect(page.Page.Locator("#save-status")).ToHaveTextAsync($"“pyhrv-sample-short-5min.rr_ms.txt” is already saved to {client.DisplayName}.");
        Assert.Equal(5, (await store.ListMeasurementsAsync(client.Id, TestContext.Current.CancellationToken)).Count);
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task Export_JsonAndCsvLinks_DownloadTheReport()
    {
        var expected = HrvReference.Get("pyhrv_sample_short_5min").Number("formula_check.RMSSD_ms")!.Value;
        await using var page = await gallery.OpenAsync(PagePath);
        await page.Page.Locator("#analyse-correction").SelectOptionAsync("FlagOnly");
        await page.Page.Locator("#analyse-sample").ClickAsync();
        await Assertions.Expect(page.Page.Locator("#export-json")).ToBeVisibleAsync();

        var json = await page.DownloadAsync("#export-json");
        Assert.Equal("pyhrv-sample-short-5min.rr_ms.hrv.json", json.Name);
        using var document = System.Text.Json.JsonDocument.Parse(json.Text);
        Assert.Equal(expected, document.RootElement.GetProperty("timeDomain").GetProperty("rmssdMs").GetDouble(), 9);

        var csv = await page.DownloadAsync("#export-csv");
        var lines = csv.Text.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        var column = Array.IndexOf(lines[0].Split(','), "rmssd_ms");
        Assert.Equal(expected, double.Parse(lines[1].Split(',')[column], CultureInfo.InvariantCulture), 9);
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task DayLongHolter_ShowsProgress_ThenTheReport_WithUlfANoteNotAnError()
    {
        var reference = HrvReference.Get("nsr2db_nsr001_24h");
        var file = Path.Combine(Path.GetDirectoryName(reference.Path)!, reference.Root.GetProperty("rr_file").GetString()!);
        var beats = (int)reference.Number("input_summary.n_intervals")!.Value;
        await using var page = await gallery.OpenAsync(PagePath);

        // Watch for the progress bar from before the upload starts: it must show while the day is uploaded and analysed.
        var progressSeen = page.Page.Locator("#analyse-progress").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        var clock = Stopwatch.StartNew();
        await page.Page.Locator("#analyse-file").SetInputFilesAsync(file);
        await progressSeen;
        // The page stays responsive while the analysis runs: the format menu still answers.
        await Assertions.Expect(page.Page.Locator("#analyse-format")).ToBeEnabledAsync();
        await Assertions.Expect(page.Page.Locator("#report-title")).ToContainTextAsync("nsr2db_nsr001_24h", new() { Timeout = 120_000 });
        output.WriteLine($"24-h file: report shown {clock.Elapsed.TotalSeconds:0.0} s after the file was chosen; {await page.Page.Locator("#analyse-message").TextContentAsync()}");

        await Assertions.Expect(page.Page.Locator("#summary-beats")).ToHaveTextAsync(beats.ToString("#,0", CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Page.Locator("#analyse-progress")).ToHaveCountAsync(0);
        // 22.5 h: ULF (defined on 24 h) is left out as a note, not an error.
        await Assertions.Expect(page.Page.Locator("#metric-ulf")).ToHaveTextAsync("—");
        var ulf = page.Page.Locator("#problems li", new() { HasText = "(ULF)" });
        await Assertions.Expect(ulf).ToHaveCountAsync(1);
        await Assertions.Expect(ulf.Locator("strong")).ToHaveTextAsync("Note:");
        await Assertions.Expect(page.Page.Locator("#metric-vlf")).Not.ToHaveTextAsync("—");
        await page.AssertCleanAsync();
        await page.ScreenshotAsync("analyse-24h");
    }

    [Fact]
    public async Task SecondUpload_CancelsTheFirst_AndOnlyTheSecondIsReported()
    {
        var reference = HrvReference.Get("nsr2db_nsr001_24h");
        var file = Path.Combine(Path.GetDirectoryName(reference.Path)!, reference.Root.GetProperty("rr_file").GetString()!);
        await using var page = await gallery.OpenAsync(PagePath);

        await page.Page.Locator("#analyse-file").SetInputFilesAsync(file);
        await page.Page.Locator("#analyse-progress").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Page.Locator("#analyse-sample").ClickAsync();

        await Assertions.Expect(page.Page.Locator("#report-title")).ToContainTextAsync("pyhrv-sample-short-5min", new() { Timeout = 60_000 });
        // Give a not-cancelled day-long job ample time to finish and overwrite the report: it must not.
        await page.Page.WaitForTimeoutAsync(4000);
        await Assertions.Expect(page.Page.Locator("#report-title")).ToContainTextAsync("pyhrv-sample-short-5min");
        await Assertions.Expect(page.Page.Locator("#analyse-progress")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task BadLine_IsNamedWithItsLineNumber_AndTheRestIsAnalysed()
    {
        await using var page = await gallery.OpenAsync(PagePath);
        var text = string.Join('\n', Enumerable.Range(0, 200).Select(i => i == 41 ? "oops, not a number" : (800 + (i % 7 * 10)).ToString(CultureInfo.InvariantCulture)));

        await page.Page.Locator("#analyse-file").SetInputFilesAsync(new FilePayload { Name = "with-a-bad-line.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(text) });

        await Assertions.Expect(page.Page.Locator("#read-problems")).ToContainTextAsync("line 42");
        await Assertions.Expect(page.Page.Locator("#read-problems")).ToContainTextAsync("oops, not a number");
        await Assertions.Expect(page.Page.Locator("#summary-beats")).ToHaveTextAsync("199");
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task Garbage_GetsAMessageNamingTheLineAndTheProblem_AndNoReport()
    {
        await using var page = await gallery.OpenAsync(PagePath);

        await page.Page.Locator("#analyse-file").SetInputFilesAsync(new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("Shopping list\neggs\nmilk, 2 l\n") });

        await Assertions.Expect(page.Page.Locator("#read-problems-title")).ToHaveTextAsync("The file could not be read");
        // Line 1 is taken as the one header line a single-column file may have; lines 2 and 3 are named.
        await Assertions.Expect(page.Page.Locator("#read-problems")).ToContainTextAsync(new Regex(@"line 2: .*eggs"));
        await Assertions.Expect(page.Page.Locator("#read-problems")).ToContainTextAsync(new Regex(@"line 3: .*milk, 2 l"));
        await Assertions.Expect(page.Page.Locator("#analyse-message")).ToContainTextAsync("Nothing in “notes.txt” could be read as RR intervals");
        await Assertions.Expect(page.Page.Locator("#report")).ToHaveCountAsync(0);
        await page.AssertCleanAsync();
        await page.ScreenshotAsync("analyse-garbage");
    }

    [Fact]
    public async Task KeyboardOnly_PickingARangeOnTheTachogram_ReanalysesThatWindow()
    {
        await using var page = await gallery.OpenAsync(PagePath);
        // Keyboard only: Tab to the sample button, Enter; Tab to the tachogram's start handle, then keys.
        var sample = page.Page.Locator("#analyse-sample");
        await page.TabToAsync(sample, "the sample button");
        await page.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Page.Locator("#report-scope")).ToContainTextAsync("The whole recording");
        var wholeBeats = await page.Page.Locator("#summary-beats").TextContentAsync();

        var start = page.Page.Locator("#analyse-tachogram-start");
        await page.TabToAsync(start, "the tachogram's start handle");
        // 5 min in 1-s steps: Page Up moves the start a tenth of the span (Chromium's rule for range inputs).
        await page.Page.Keyboard.PressAsync("PageUp");

        await Assertions.Expect(page.Page.Locator("#report-scope")).ToContainTextAsync(new Regex(@"^The beats from 0:\d\d to 5:00"));
        var windowBeats = int.Parse((await page.Page.Locator("#summary-beats").TextContentAsync())!, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.InRange(windowBeats, 1, int.Parse(wholeBeats!, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) - 1);
        Assert.True(await start.EvaluateAsync<bool>("e => e === document.activeElement"), "focus left the handle");

        // And back to the whole recording, by keyboard.
        await page.TabToAsync(page.Page.Locator("#analyse-whole"), "the whole-recording button");
        await page.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Page.Locator("#report-scope")).ToContainTextAsync("The whole recording");
        await page.AssertCleanAsync();
    }

    private static double[] ReadValues(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => double.Parse(l, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
}
