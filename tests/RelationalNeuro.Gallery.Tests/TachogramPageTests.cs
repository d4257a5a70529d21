using Microsoft.Playwright;

namespace RelationalNeuro.Gallery.Tests;

[Collection(nameof(GalleryCollection))]
public sealed class TachogramPageTests(GalleryFixture gallery)
{
    private const string PagePath = "widgets/tachogram";

    [Fact]
    public async Task DayChart_IsAnImageThatSaysWhatItShows_AndThePageIsClean()
    {
        await using var page = await gallery.OpenAsync(PagePath);
        var chart = page.Page.Locator("#tacho-day");
        var image = chart.GetByRole(AriaRole.Img);
        await Assertions.Expect(image).ToHaveAccessibleNameAsync("RR intervals");
        await Assertions.Expect(image).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex(@"^RR intervals over 2\d h( \d+ min)?, 1\d\d,\d\d\d beats, \d+ corrected.*, 2 gaps\."));
        // Drawn from the M4 selection: at most 2 points per horizontal viewBox unit, never 100,000.
        var d = await chart.Locator(".rn-chart__line").GetAttributeAsync("d");
        Assert.InRange(d!.Count(c => c is 'M' or 'L'), 100, 2 * 346);
        await page.AssertCleanAsync();
        await page.ScreenshotWidgetAsync("tachogram-light", chart);
    }

    [Fact]
    public async Task IrregularStretch_IsAShadedBandNamedInTheLegend_AndThePageIsClean()
    {
        // What the page's chart is given: the library's irregular segments of the sample, joined where they follow each
        // other by index; each band spans its stretch's share of the plot (346 units) over the sample's duration.
        var sample = ChartSamples.IrregularStretch;
        var stretches = new List<(double Start, double End)>();
        var next = -1;
        foreach (var segment in Hrv.Artifacts.Process(sample).IrregularSegments)
        {
            var (start, end) = (segment.StartSeconds, segment.StartSeconds + segment.DurationSeconds);
            stretches = segment.StartIndex == next ? [.. stretches[..^1], (stretches[^1].Start, end)] : [.. stretches, (start, end)];
            next = segment.StartIndex + segment.Count;
        }

        // The sample's rule: about nine of its thirty minutes are irregular.
        Assert.InRange(stretches.Sum(s => s.End - s.Start), 6 * 60, 9 * 60);

        await using var page = await gallery.OpenAsync(PagePath);
        var chart = page.Page.Locator("#tacho-irregular");
        var bands = chart.Locator(".rn-tachogram__plot rect.rn-tachogram__irregular");
        await Assertions.Expect(bands).ToHaveCountAsync(stretches.Count);
        for (var i = 0; i < stretches.Count; i++)
        {
            var width = double.Parse((await bands.Nth(i).GetAttributeAsync("width"))!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal((stretches[i].End - stretches[i].Start) / sample.DurationSeconds * 346, width, 0.01);
        }

        await Assertions.Expect(chart.Locator(".rn-chart__legend")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Shaded band: irregular rhythm, HRV not interpretable \(stretches: \d; \d+ min( \d+ s)?\)"));
        await Assertions.Expect(chart.GetByRole(AriaRole.Img)).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex(@"Shaded: irregular rhythm, where HRV metrics are not interpretable \(stretches: \d; "));
        await page.AssertCleanAsync();
        await page.ScreenshotWidgetAsync("tachogram-irregular", chart);
    }

    [Fact]
    public async Task KeyboardOnly_ArrowKeysMoveTheSelectionHandle_AndKeepFocus()
    {
        await using var page = await gallery.OpenAsync(PagePath);
        var start = page.Page.Locator("#tacho-select-start");
        for (var i = 0; i < 80 && !await start.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await page.Page.Keyboard.PressAsync("Tab");
        }

        Assert.True(await start.EvaluateAsync<bool>("e => e === document.activeElement"), "the start handle is not reachable with Tab");
        await Assertions.Expect(start).ToHaveAttributeAsync("aria-valuetext", "0:10:00");
        // The first hour in 15-s steps (3600 s / 15 = 240 ≤ 300): four presses move the start from 600 s to 660 s.
        // One press at a time, each seen by the server before the next (as a person presses): Playwright's four presses
        // inside one round trip let the circuit's re-render of the first reset the input under the later ones.
        foreach (var expected in new[] { "0:10:15", "0:10:30", "0:10:45", "0:11:00" })
        {
            await page.Page.Keyboard.PressAsync("ArrowRight");
            await Assertions.Expect(start).ToHaveAttributeAsync("aria-valuetext", expected);
        }

        await Assertions.Expect(page.Page.Locator("#tacho-selection")).ToHaveTextAsync("Selected 660 s to 900 s (4 min).");
        await Assertions.Expect(start).ToHaveAttributeAsync("aria-valuetext", "0:11:00");
        Assert.True(await start.EvaluateAsync<bool>("e => e === document.activeElement"), "focus left the handle");
        await Assertions.Expect(page.Page.Locator("#tacho-select svg desc")).ToContainTextAsync("Selected: 0:11:00 to 0:15:00 (4 min).");
        await page.ScreenshotAsync("tachogram-keyboard");
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task Pointer_ClickOnTheEndHandlesTrack_MovesTheEnd()
    {
        await using var page = await gallery.OpenAsync(PagePath);
        var end = page.Page.Locator("#tacho-select-end");
        await end.ScrollIntoViewIfNeededAsync();
        var box = (await end.BoundingBoxAsync())!;
        await page.Page.Mouse.ClickAsync(box.X + (box.Width * 0.5f), box.Y + (box.Height / 2));
        // Half way along the first hour: about 1800 s (the thumb's width shifts it by a step or two).
        await Assertions.Expect(page.Page.Locator("#tacho-selection")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Selected 600 s to 1[78]\d\d s \("));
    }

    [Fact]
    public async Task At320Pixels_TheChartStaysInItsBox_AndItsTextLegible()
    {
        await using var page = await gallery.OpenAsync(PagePath);
        await page.Page.SetViewportSizeAsync(320, 800);
        var figure = page.Page.Locator("#tacho-day");
        var svg = figure.Locator("svg.rn-chart__svg");
        var figureBox = (await figure.BoundingBoxAsync())!;
        var svgBox = (await svg.BoundingBoxAsync())!;
        Assert.True(figureBox.Width <= 320, $"figure is {figureBox.Width} px wide");
        Assert.True(svgBox.X >= figureBox.X - 0.5 && svgBox.X + svgBox.Width <= figureBox.X + figureBox.Width + 0.5, "the drawing overflows its figure");
        var labelHeight = await figure.Locator(".rn-chart__tick-label").First.EvaluateAsync<double>("e => e.getBoundingClientRect().height");
        Assert.True(labelHeight >= 10, $"tick labels are {labelHeight} px tall at 320 px");
        await page.ScreenshotWidgetAsync("tachogram-320", figure);
    }

    [Fact]
    public async Task DarkTheme_Clean_AndScreenshot()
    {
        await using var page = await gallery.OpenAsync(PagePath, new GalleryPageOptions { ColorScheme = ColorScheme.Dark });
        await page.AssertCleanAsync();
        await page.ScreenshotWidgetAsync("tachogram-dark", page.Page.Locator("#tacho-select"));
    }

    [Fact]
    public async Task WithoutJavaScript_ThePrerenderedChartIsComplete()
    {
        await using var page = await gallery.OpenAsync(PagePath, new GalleryPageOptions { JavaScriptDisabled = true });
        await Assertions.Expect(page.Page.Locator("#tacho-day desc")).ToContainTextAsync("beats");
        Assert.False(string.IsNullOrEmpty(await page.Page.Locator("#tacho-day .rn-chart__line").GetAttributeAsync("d")), "no line");
        // A little over 24 h: 2-h stretches (24 h / 1 h would be just over 24 rows), so 12 or 13 rows.
        Assert.InRange(await page.Page.Locator("#tacho-day table tbody tr").CountAsync(), 12, 13);
    }
}
