using Microsoft.Playwright;

namespace RelationalNeuro.Gallery.Tests;

[Collection(nameof(GalleryCollection))]
public sealed class PowerSpectrumChartPageTests(GalleryFixture gallery)
{
    private const string PagePath = "widgets/power-spectrum";

    [Fact]
    public async Task Welch_ReadsOutTheBands_AndThePageIsClean()
    {
        await using var page = await gallery.OpenAsync(PagePath);
        var image = page.Page.Locator("#spectrum-welch").GetByRole(AriaRole.Img);
        await Assertions.Expect(image).ToHaveAccessibleNameAsync("Power spectrum");
        await Assertions.Expect(image).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex(@"^Power spectral density \(Welch\) from 0 to 0\.5 Hz, linear scale\. Band powers: VLF [\d,]+ ms², LF [\d,]+ ms², HF [\d,]+ ms²; LF/HF \d+\.\d\d\."));
        await Assertions.Expect(page.Page.Locator("#spectrum-welch .rn-spectrum__band-label")).ToHaveTextAsync(["VLF", "LF", "HF"]);
        await Assertions.Expect(page.Page.Locator("#spectrum-lomb desc")).ToContainTextAsync("(Lomb–Scargle)");
        await page.AssertCleanAsync();
        await page.ScreenshotWidgetAsync("spectrum-light", page.Page.Locator("#spectrum-welch"));
    }

    [Fact]
    public async Task KeyboardToggle_SwitchesToALogarithmicAxis()
    {
        await using var page = await gallery.OpenAsync(PagePath);
        await page.Page.Locator("#spectrum-log").FocusAsync();
        await page.Page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Page.Locator("#spectrum-welch desc")).ToContainTextAsync("logarithmic scale");
        await Assertions.Expect(page.Page.Locator("#spectrum-welch .rn-chart__axis--y .rn-chart__axis-title")).ToHaveTextAsync("PSD (ms²/Hz, log)");
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task DarkTheme_Clean_AndScreenshot()
    {
        await using var page = await gallery.OpenAsync(PagePath, new GalleryPageOptions { ColorScheme = ColorScheme.Dark });
        await page.AssertCleanAsync();
        await page.ScreenshotWidgetAsync("spectrum-dark", page.Page.Locator("#spectrum-welch"));
    }
}
