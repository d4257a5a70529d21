using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RelationalNeuro.Interventions;
using RelationalNeuro.Synchrony;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Gallery.Tests;

/// <summary>
/// "Analyse a dyad" in real Chromium. Expected values come from ../shared/reference/synchrony, read in place: each
/// dyad's coupling lag by construction (B follows A by 2 s) and SUSY 0.1.0's own Z for 30-s segments and ±3-s lags
/// (the library's defaults), to the reference README's tolerance 1e-9 + 1e-9·|expected|.
/// </summary>
[Collection(nameof(GalleryCollection))]
public sealed partial class AnalyseDyadPageTests(GalleryFixture gallery)
{
    private const string PagePath = "analyse/dyad";

    [Fact]
    public async Task TwoReferenceFiles_VerdictNamesTheFollower_SusyZAsSusy_DownloadsAreTheLibrarysReport()
    {
        var (reference, a, b) = Dyad("syn_lag_p2s");
        var susyZ = SusyZ(reference);
        await using var page = await gallery.OpenAsync(PagePath);
        // rMEA and SUSY align the recordings as they are; so does the page when asked to.
        await page.Page.Locator("#dyad-artifacts").SelectOptionAsync("as-recorded");

        await page.Page.Locator("#dyad-file-a").SetInputFilesAsync(a);
        await Assertions.Expect(page.Page.Locator("#dyad-message")).ToHaveTextAsync("Load Member B's recording too.");
        await Assertions.Expect(page.Page.Locator("#dyad-file-a-status")).ToContainTextAsync("752 intervals");
        await page.Page.Locator("#dyad-file-b").SetInputFilesAsync(b);

        await Assertions.Expect(page.Page.Locator("#dyad-verdict")).ToContainTextAsync("the client followed the therapist by about", new() { Timeout = 30_000 });
        var lead = await page.Page.Locator("#dyad-lead").TextContentAsync();
        var seconds = double.Parse(LeadSeconds().Match(lead!).Groups[1].Value, CultureInfo.InvariantCulture);
        // The construction's lag is 2 s; the grid is 4 Hz, so a best lag is a multiple of 0.25 s.
        Assert.True(Math.Abs(seconds - reference.RootElement.GetProperty("expected").GetProperty("coupling_lag_s").GetDouble()) <= 0.25, lead);
        await Assertions.Expect(page.Page.Locator("#dyad-susy-z")).ToHaveTextAsync(susyZ.ToString("0.000", CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Page.Locator("#dyad-map svg.rn-chart__svg")).ToHaveCountAsync(1);

        var csv = await page.DownloadAsync("#dyad-export-csv");
        Assert.EndsWith(".dyad.csv", csv.Name, StringComparison.Ordinal);
        var lines = csv.Text.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal(DyadReport.CsvHeader, lines[0]);
        var z = double.Parse(lines[1].Split(',')[Array.IndexOf(lines[0].Split(','), "susy_z")], CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(z - susyZ) <= 1e-9 + (1e-9 * Math.Abs(susyZ)), $"page {z:R}, SUSY {susyZ:R}");
        // The download is the library's report of the same two files with the names the page shows, column for column.
        var options = DyadAnalysisOptions.Default with { NameA = "the therapist", NameB = "the client", Alignment = DyadAlignmentOptions.Reference };
        Assert.Equal(DyadAnalysis.Analyze(ReadValues(a), ReadValues(b), options, TestContext.Current.CancellationToken).ToCsvRow(), lines[1]);

        var json = await page.DownloadAsync("#dyad-export-json");
        Assert.Equal(lines[1], DyadReport.FromJson(json.Text).ToCsvRow());
        await page.AssertCleanAsync();
        await page.ScreenshotAsync("analyse-dyad");
    }

    [Fact]
    public async Task StartOffset_TheSecondRecordingStarted199sLater_GivesSusysZ_WhichTheFilesAloneDoNot()
    {
        // B's first beat is at 1.993851 s in the reference (its file holds intervals only, as every RR export does).
        var (reference, a, b) = Dyad("real_selfcopy_p2s_hrvanalysis");
        var firstBeatB = reference.RootElement.GetProperty("input").GetProperty("b").GetProperty("first_beat_s").GetDouble();
        var susyZ = SusyZ(reference);
        await using var page = await gallery.OpenAsync(PagePath);
        await page.Page.Locator("#dyad-artifacts").SelectOptionAsync("as-recorded");
        await page.Page.Locator("#dyad-file-a").SetInputFilesAsync(a);
        await page.Page.Locator("#dyad-file-b").SetInputFilesAsync(b);
        await Assertions.Expect(page.Page.Locator("#dyad-export-csv")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var together = Cell(await page.DownloadAsync("#dyad-export-csv"), "susy_z");
        Assert.True(Math.Abs(together - susyZ) > 1e-3, $"without the offset {together:R}, SUSY {susyZ:R}");

        await page.Page.Locator("#dyad-offset").FillAsync(firstBeatB.ToString("R", CultureInfo.InvariantCulture));
        await page.Page.Locator("#dyad-offset").PressAsync("Tab");
        await Assertions.Expect(page.Page.Locator("#dyad-susy-z")).ToHaveTextAsync(susyZ.ToString("0.000", CultureInfo.InvariantCulture), new() { Timeout = 30_000 });
        var shifted = Cell(await page.DownloadAsync("#dyad-export-csv"), "susy_z");
        Assert.True(Math.Abs(shifted - susyZ) <= 1e-9 + (1e-9 * Math.Abs(susyZ)), $"with the offset {shifted:R}, SUSY {susyZ:R}");

        // An offset no recording pair can have is refused with the reason, and no report is left standing.
        await page.Page.Locator("#dyad-offset").FillAsync("1e9");
        await page.Page.Locator("#dyad-offset").PressAsync("Tab");
        await Assertions.Expect(page.Page.Locator("#dyad-message")).ToContainTextAsync("Not analysed: the start offset “1e9” is not a number of seconds");
        await Assertions.Expect(page.Page.Locator("#dyad-verdict")).ToHaveCountAsync(0);
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task SecondFile_ChosenWhileTheFirstIsStillArriving_BothAreKept_AndTheDyadIsAnalysed()
    {
        // A day-long Holter for A (106,459 intervals by the reference's input summary), the 10-minute B at once after it:
        // each member's upload is its own job, so B does not cancel A.
        var holter = HrvReference.Get("nsr2db_nsr001_24h");
        var dayLong = Path.Combine(Path.GetDirectoryName(holter.Path)!, holter.Root.GetProperty("rr_file").GetString()!);
        var beats = (int)holter.Number("input_summary.n_intervals")!.Value;
        var (_, _, b) = Dyad("syn_lag_p2s");
        await using var page = await gallery.OpenAsync(PagePath);

        await page.Page.Locator("#dyad-file-a").SetInputFilesAsync(dayLong);
        await page.Page.Locator("#dyad-file-b").SetInputFilesAsync(b);

        await Assertions.Expect(page.Page.Locator("#dyad-file-a-status")).ToContainTextAsync(beats.ToString("#,0", CultureInfo.InvariantCulture) + " intervals", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Page.Locator("#dyad-file-b-status")).ToContainTextAsync("752 intervals");
        await Assertions.Expect(page.Page.Locator("#dyad-verdict")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        // Only the ten minutes both cover are compared (less the first interval, which has no sample before its end).
        await Assertions.Expect(page.Page.Locator("#dyad-duration")).ToHaveTextAsync(new Regex(@"^(9:5[89]|10:00)$"));
        await Assertions.Expect(page.Page.Locator("#dyad-beats-a")).ToHaveTextAsync(beats.ToString("#,0", CultureInfo.InvariantCulture));
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task SampleDyad_OnAPhone390PxWide_DoesNotScrollSideways_AndNoChartTextIsCutOff()
    {
        await using var page = await gallery.OpenAsync(PagePath, new GalleryPageOptions { ViewportWidth = 390 });
        await page.Page.Locator("#dyad-sample").ClickAsync();
        await Assertions.Expect(page.Page.Locator("#dyad-verdict")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        var width = await page.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the dyad page is {width} px wide at 390");
        var checkedSvgs = await ChartPageChecks.NoTextCutOffOnPageAsync(page.Page);
        Assert.True(checkedSvgs >= 3, $"{checkedSvgs} drawings: the two members' tachograms and the synchrony map were expected");

        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task Range_TypedByKeyboard_CutsTheSampleDyadToThoseMinutes()
    {
        await using var page = await gallery.OpenAsync(PagePath);
        await page.Page.Locator("#dyad-sample").ClickAsync();
        await Assertions.Expect(page.Page.Locator("#dyad-verdict")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await page.Page.Locator("#dyad-from").FillAsync("1");
        await page.Page.Keyboard.PressAsync("Tab"); // commits the field (change event) and moves to the next
        await Assertions.Expect(page.Page.Locator("#dyad-to")).ToBeFocusedAsync();
        await page.Page.Keyboard.TypeAsync("4");
        await page.Page.Keyboard.PressAsync("Tab");

        await Assertions.Expect(page.Page.Locator("#dyad-result-title")).ToHaveTextAsync(new Regex(@"\(minute 1 to 4\)$"), new() { Timeout = 30_000 });
        // Three minutes asked for; each member loses at most one interval (≤ 1.04 s in the sample, by its rule) at each end.
        await Assertions.Expect(page.Page.Locator("#dyad-duration")).ToHaveTextAsync(new Regex(@"^(2:5[89]|3:00)$"));
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task Range_PickedByKeyboardOnTheFirstMembersChart_FillsTheMinutes_AndKeepsTheFocus()
    {
        await using var page = await gallery.OpenAsync(PagePath);
        await page.TabToAsync(page.Page.Locator("#dyad-sample"), "the sample button");
        await page.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Page.Locator("#dyad-verdict")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Page.Locator("#dyad-tachogram-b")).ToBeVisibleAsync();

        var start = page.Page.Locator("#dyad-tachogram-a-start");
        await page.TabToAsync(start, "the first member's start handle");
        // Page Up moves a range input a tenth of its span (Chromium): about 36 s of the six-minute sample, 0.6 minutes.
        await page.Page.Keyboard.PressAsync("PageUp");

        await Assertions.Expect(page.Page.Locator("#dyad-result-title")).ToHaveTextAsync(new Regex(@"\(minute 0\.\d+ to the end\)$"), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Page.Locator("#dyad-from")).ToHaveValueAsync(new Regex(@"^0\.\d+$"));
        await Assertions.Expect(page.Page.Locator("#dyad-to")).ToHaveValueAsync("");
        await Assertions.Expect(start).ToBeFocusedAsync();
        // The band is drawn on both members' charts.
        await Assertions.Expect(page.Page.Locator("#dyad-timeline .rn-chart__selection")).ToHaveCountAsync(2);
        await page.AssertCleanAsync();
        await page.ScreenshotWidgetAsync("dyad-timeline", page.Page.Locator("#dyad-timeline"));
    }

    [Fact]
    public async Task UnreadableFile_IsNamedWithItsLines_AndNothingIsAnalysed()
    {
        var (_, a, _) = Dyad("syn_lag_p2s");
        await using var page = await gallery.OpenAsync(PagePath);
        await page.Page.Locator("#dyad-file-a").SetInputFilesAsync(a);
        await page.Page.Locator("#dyad-file-b").SetInputFilesAsync(new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("Shopping list\neggs\nmilk, 2 l\n") });

        await Assertions.Expect(page.Page.Locator("#dyad-file-b-status")).ToHaveTextAsync("Nothing in “notes.txt” could be read as RR intervals; the problems are listed below.");
        await page.Page.Locator("#dyad-read-problems-b summary").ClickAsync();
        await Assertions.Expect(page.Page.Locator("#dyad-read-problems-b")).ToContainTextAsync(new Regex(@"line 3: .*milk, 2 l"));
        await Assertions.Expect(page.Page.Locator("#dyad-message")).ToHaveTextAsync("Load Member B's recording too.");
        await Assertions.Expect(page.Page.Locator("#dyad-verdict")).ToHaveCountAsync(0);
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task SampleDyad_ByKeyboard_SavedToTwoClients_Once()
    {
        var store = gallery.Services.GetRequiredService<IPracticeStore>();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var first = new Client { Id = Guid.NewGuid(), DisplayName = "Parent " + suffix, TimeZoneId = "Etc/UTC", CreatedAt = DateTimeOffset.UtcNow };
        var second = new Client { Id = Guid.NewGuid(), DisplayName = "Child " + suffix, TimeZoneId = "Etc/UTC", CreatedAt = DateTimeOffset.UtcNow };
        await store.AddClientAsync(first, TestContext.Current.CancellationToken);
        await store.AddClientAsync(second, TestContext.Current.CancellationToken);
        await using var page = await gallery.OpenAsync(PagePath);

        await page.Page.Locator("#dyad-name-a").FillAsync("the parent");
        await page.Page.Locator("#dyad-name-b").FillAsync("the child");
        await page.Page.Locator("#dyad-sample").FocusAsync();
        await page.Page.Keyboard.PressAsync("Enter");
        // The bundled dyad's second rhythm follows the first by 2 s, by construction.
        await Assertions.Expect(page.Page.Locator("#dyad-verdict")).ToContainTextAsync("the child followed the parent by about 2");
        await Assertions.Expect(page.Page.Locator("#dyad-sample")).ToBeFocusedAsync();

        await page.Page.Locator("#client-a").SelectOptionAsync(first.Id.ToString());
        await page.Page.Locator("#client-b").SelectOptionAsync(second.Id.ToString());
        await page.Page.Locator("#save-session").ClickAsync();
        await Assertions.Expect(page.Page.Locator("#save-status")).ToContainTextAsync($"Saved to {first.DisplayName} and {second.DisplayName}");
        await page.Page.Locator("#save-session").ClickAsync();
        await Assertions.Expect(page.Page.Locator("#save-status")).ToHaveTextAsync($"Already saved to {first.DisplayName} and {second.DisplayName}.");

        var forFirst = Assert.Single((await store.ListEntriesAsync(first.Id, cancellationToken: TestContext.Current.CancellationToken)).OfType<DyadSessionEntry>());
        var forSecond = Assert.Single((await store.ListEntriesAsync(second.Id, cancellationToken: TestContext.Current.CancellationToken)).OfType<DyadSessionEntry>());
        Assert.Equal((DyadMember.A, second.Id), (forFirst.Member, forFirst.PartnerClientId));
        Assert.Equal((DyadMember.B, first.Id), (forSecond.Member, forSecond.PartnerClientId));
        await page.AssertCleanAsync();
    }

    private static (JsonDocument Reference, string A, string B) Dyad(string id)
    {
        var folder = SharedData.RequireDirectory(Path.Combine("reference", "synchrony"));
        var reference = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, id + ".json")));
        var files = reference.RootElement.GetProperty("files");
        return (reference, Path.Combine(folder, files.GetProperty("a_rr_ms").GetString()!), Path.Combine(folder, files.GetProperty("b_rr_ms").GetString()!));
    }

    private static double SusyZ(JsonDocument reference) =>
        reference.RootElement.GetProperty("susy").GetProperty("runs").GetProperty("seg30_lag3").GetProperty("as_data_frame").GetProperty("Z").GetDouble();

    private static double Cell((string Name, string Text) csv, string column)
    {
        var lines = csv.Text.TrimEnd('\n').Split('\n');
        return double.Parse(lines[1].Split(',')[Array.IndexOf(lines[0].Split(','), column)], CultureInfo.InvariantCulture);
    }

    private static double[] ReadValues(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => double.Parse(l, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();

    [GeneratedRegex(@"by ([0-9.]+) s")]
    private static partial Regex LeadSeconds();
}
