using Microsoft.Playwright;

namespace RelationalNeuro.Gallery.Tests;

[Collection(nameof(GalleryCollection))]
public sealed class HrvGaugePageTests(GalleryFixture gallery)
{
    private const string PagePath = "widgets/hrv-gauge";

    [Fact]
    public async Task StaticExample_ExposesAMeterWithUnitAndBandInItsValueText()
    {
        await using var page = await gallery.OpenAsync(PagePath);
        var meter = page.Page.GetByRole(AriaRole.Meter, new() { Name = "RMSSD" }).First;
        await Assertions.Expect(meter).ToHaveAttributeAsync("aria-valuenow", "42");
        await Assertions.Expect(meter).ToHaveAttributeAsync("aria-valuetext", "42 ms, within your usual range");
        await Assertions.Expect(page.Page.Locator("#gauge-hr")).ToHaveAttributeAsync("aria-valuetext", "72 bpm");
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task KeyboardOnly_ArrowKeysOnTheSlider_UpdateTheGauge()
    {
        await using var page = await gallery.OpenAsync(PagePath);
        var slider = page.Page.Locator("#rmssd-input");
        // Reach the slider by tabbing, as a keyboard user would.
        for (var i = 0; i < 40 && !await slider.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await page.Page.Keyboard.PressAsync("Tab");
        }

        Assert.True(await slider.EvaluateAsync<bool>("e => e === document.activeElement"), "the slider is not reachable with Tab");
        for (var i = 0; i < 30; i++)
        {
            await page.Page.Keyboard.PressAsync("ArrowRight");
        }

        var gauge = page.Page.Locator("#gauge-live");
        await Assertions.Expect(gauge).ToHaveAttributeAsync("aria-valuenow", "65");
        await Assertions.Expect(gauge).ToHaveAttributeAsync("aria-valuetext", "65 ms, above your usual range");
        await page.Page.Keyboard.PressAsync("Home");
        await Assertions.Expect(gauge).ToHaveAttributeAsync("aria-valuetext", "0 ms, below your usual range");
        await page.ScreenshotAsync("hrv-gauge-keyboard");
        await page.ScreenshotWidgetAsync("hrv-gauge-light", page.Page.Locator("section:has(#example-live) .demo"));
    }

    [Fact]
    public async Task Mouse_ClickOnTheSlider_UpdatesTheGauge()
    {
        await using var page = await gallery.OpenAsync(PagePath);
        var slider = page.Page.Locator("#rmssd-input");
        await slider.ScrollIntoViewIfNeededAsync();
        var box = (await slider.BoundingBoxAsync())!;
        await page.Page.Mouse.ClickAsync(box.X + box.Width - 2, box.Y + (box.Height / 2));
        var gauge = page.Page.Locator("#gauge-live");
        await Assertions.Expect(gauge).ToHaveAttributeAsync("aria-valuenow", "150");
        await Assertions.Expect(gauge.Locator(".rn-gauge__fill")).ToHaveAttributeAsync("stroke-dashoffset", "0");
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task ReducedMotion_TheFillHasNoTransition()
    {
        await using var page = await gallery.OpenAsync(PagePath, new GalleryPageOptions { ReducedMotion = ReducedMotion.Reduce });
        var duration = await page.Page.Locator("#gauge-live .rn-gauge__fill")
            .EvaluateAsync<string>("e => getComputedStyle(e).transitionDuration");
        Assert.All(duration.Split(','), d => Assert.Equal(0.0, double.Parse(d.Trim().TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task DarkTheme_Screenshot_AndClean()
    {
        await using var page = await gallery.OpenAsync(PagePath, new GalleryPageOptions { ColorScheme = ColorScheme.Dark });
        await page.AssertCleanAsync();
        await page.ScreenshotAsync("hrv-gauge-dark");
    }

    [Fact]
    public async Task LightOnlyHost_InAnOsDarkScheme_KeepsTheLightPalette()
    {
        // A host page that never opts in to the dark palette (no data-theme) must not turn the widgets dark behind its
        // back: a first-time user saw the gauge number fall to 1.3:1 on a light-only site with the OS in dark mode.
        await using var page = await gallery.OpenAsync(PagePath, new GalleryPageOptions { ColorScheme = ColorScheme.Dark });
        await page.Page.EvaluateAsync("() => document.documentElement.removeAttribute('data-theme')");
        var number = await page.Page.Locator("#gauge-live .rn-gauge__number").EvaluateAsync<string>("e => getComputedStyle(e).fill");
        Assert.Equal("rgb(31, 35, 40)", number); // --rn-text of the light palette, #1f2328
        Assert.Equal("rgb(251, 250, 247)", await page.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor")); // --rn-bg, #fbfaf7
        await page.AssertCleanAsync();

        // The same OS with the opt-in: dark.
        await page.Page.EvaluateAsync("() => document.documentElement.setAttribute('data-theme', 'auto')");
        Assert.Equal("rgb(20, 23, 26)", await page.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor")); // #14171a
    }

    [Fact]
    public async Task WithoutJavaScript_ThePrerenderedGaugeIsComplete()
    {
        await using var page = await gallery.OpenAsync(PagePath, new GalleryPageOptions { JavaScriptDisabled = true });
        await Assertions.Expect(page.Page.Locator("#gauge-static")).ToHaveAttributeAsync("aria-valuetext", "42 ms, within your usual range");
        await Assertions.Expect(page.Page.Locator("#gauge-static .rn-gauge__fill")).ToHaveAttributeAsync("stroke-dashoffset", "720");
    }
}
