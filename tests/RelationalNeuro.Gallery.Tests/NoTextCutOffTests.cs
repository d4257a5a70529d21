namespace RelationalNeuro.Gallery.Tests;

/// <summary>
/// On a 320 px phone (where chart text is drawn at its largest), no widget page draws text past the edge of its SVG:
/// every page the gallery's navigation links under widgets/, every visible SVG with a viewBox on it.
/// </summary>
[Collection(nameof(GalleryCollection))]
public sealed class NoTextCutOffTests(GalleryFixture gallery)
{
    [Fact]
    public async Task EveryWidgetPage_At320Pixels_DrawsNoTextPastItsSvgEdge()
    {
        await using var home = await gallery.OpenAsync("");
        var pages = (await home.Page.Locator("nav a[href^='widgets/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        Assert.True(pages.Length >= 10, $"the navigation links {pages.Length} widget pages: {string.Join(", ", pages)}");

        var checkedSvgs = 0;
        foreach (var path in pages)
        {
            await using var page = await gallery.OpenAsync(path);
            await page.Page.SetViewportSizeAsync(320, 800);
            try
            {
                checkedSvgs += await ChartPageChecks.NoTextCutOffOnPageAsync(page.Page);
            }
            catch (Xunit.Sdk.XunitException e)
            {
                Assert.Fail($"{path}: {e.Message}");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{pages.Length} pages, {checkedSvgs} SVGs checked");
        Assert.True(checkedSvgs >= pages.Length, $"only {checkedSvgs} SVGs on {pages.Length} pages");
    }
}
