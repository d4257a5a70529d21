using Microsoft.Playwright;

namespace RelationalNeuro.Gallery.Tests;

[Collection(nameof(GalleryCollection))]
public sealed class PoincarePlotPageTests(GalleryFixture gallery)
{
    private const string PagePath = "widgets/poincare-plot";

    [Fact]
    public async Task RestAndDay_DescribeSd1Sd2_DayAsADensity_AndThePageIsClean()
    {
        await using var page = await gallery.OpenAsync(PagePath);
        var rest = page.Page.Locator("#poincare-rest").GetByRole(AriaRole.Img);
        await Assertions.Expect(rest).ToHaveAccessibleNameAsync("Poincaré plot");
        await Assertions.Expect(rest).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex(@"^Poincaré plot of \d{3} pairs .* SD1 \d+\.\d ms across the line of identity, SD2 \d+\.\d ms along it, SD1/SD2 \d\.\d\d\.$"));
        await Assertions.Expect(page.Page.Locator("#poincare-rest ellipse")).ToHaveCountAsync(1);
        var day = page.Page.Locator("#poincare-day");
        await Assertions.Expect(day.Locator("desc")).ToContainTextAsync("Drawn as a density");
        await Assertions.Expect(day.Locator(".rn-poincare__points")).ToHaveCountAsync(0);
        await page.AssertCleanAsync();
        await page.ScreenshotWidgetAsync("poincare-rest", page.Page.Locator("#poincare-rest"));
        await page.ScreenshotWidgetAsync("poincare-day", day);
    }

    [Fact]
    public async Task DarkTheme_At320Pixels_Clean_AndScreenshot()
    {
        await using var page = await gallery.OpenAsync(PagePath, new GalleryPageOptions { ColorScheme = ColorScheme.Dark });
        await page.Page.SetViewportSizeAsync(320, 800);
        var figure = page.Page.Locator("#poincare-day");
        Assert.True((await figure.BoundingBoxAsync())!.Width <= 320);
        await page.AssertCleanAsync();
        await page.ScreenshotWidgetAsync("poincare-dark-320", figure);
    }
}
