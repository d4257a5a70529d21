using System.Globalization;
using Microsoft.Playwright;

namespace RelationalNeuro.Gallery.Tests;

/// <summary>
/// The "Live from a chest strap" section of the HRV gauge page in real Chromium: the replay of the shipped recording
/// driven by keyboard only and by mouse (the gauge's aria-valuenow moves over time; Stop stops it), and the Web
/// Bluetooth module loading under the strict CSP and reporting that this headless Chromium has no Web Bluetooth.
/// </summary>
[Collection(nameof(GalleryCollection))]
public sealed class LiveHeartRatePageTests(GalleryFixture gallery)
{
    private const string PagePath = "widgets/hrv-gauge";

    private static ILocator Gauge(GalleryPage page) => page.Page.Locator("#live-gauge [role=meter]");

    private static async Task<int> BeatsAsync(GalleryPage page) =>
        int.Parse((await page.Page.Locator("#live-gauge .rn-live__beats").TextContentAsync())!.Trim(), CultureInfo.InvariantCulture);

    /// <summary>Waits until the gauge shows a reading, then until that reading changes: the gauge moves beat by beat.</summary>
    private static async Task AssertTheGaugeMovesAsync(GalleryPage page)
    {
        var gauge = Gauge(page);
        await Assertions.Expect(gauge).ToHaveAttributeAsync("aria-valuetext", new System.Text.RegularExpressions.Regex(@"^\d+ ms"), new() { Timeout = 15_000 });
        var first = await gauge.GetAttributeAsync("aria-valuetext");
        var firstBeats = await BeatsAsync(page);
        await Assertions.Expect(gauge).Not.ToHaveAttributeAsync("aria-valuetext", first!, new() { Timeout = 15_000 });
        Assert.True(await BeatsAsync(page) > firstBeats, "the beat count did not grow");
    }

    /// <summary>After Stop the count stays where it is (a replay at ×10 would add about 12 beats a second).</summary>
    private static async Task AssertStoppedAsync(GalleryPage page)
    {
        var button = page.Page.Locator("#live-gauge button");
        await Assertions.Expect(button).ToHaveTextAsync("Start");
        var beats = await BeatsAsync(page);
        await page.Page.WaitForTimeoutAsync(1_000);
        Assert.Equal(beats, await BeatsAsync(page));
    }

    [Fact]
    public async Task Replay_KeyboardOnly_ChoosesSpeedStartsAndStops()
    {
        await using var page = await gallery.OpenAsync(PagePath);
        // The speed is a radio group: Tab reaches the checked radio (×4), an arrow key moves to ×10.
        var fast = page.Page.GetByRole(AriaRole.Radio, new() { Name = "×4" });
        await page.TabToAsync(fast, "the replay speed");
        await page.Page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Radio, new() { Name = "×10" })).ToBeCheckedAsync();
        await Assertions.Expect(page.Page.Locator("#live-source")).ToHaveTextAsync("Source: the recording at ×10. Press Start.");

        var button = page.Page.Locator("#live-gauge button");
        await page.TabToAsync(button, "the Start button");
        await page.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(button).ToHaveTextAsync("Stop");
        await AssertTheGaugeMovesAsync(page);
        await page.ScreenshotAsync("live-hrv-gauge-replay-keyboard");

        // Focus stayed on the same button, whose label toggled: Enter again stops.
        Assert.True(await button.EvaluateAsync<bool>("e => e === document.activeElement"), "focus left the Start/Stop button");
        await page.Page.Keyboard.PressAsync("Enter");
        await AssertStoppedAsync(page);
        await Assertions.Expect(page.Page.Locator("#live-gauge [role=status]")).ToContainTextAsync("Stopped. RMSSD ");
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task Replay_Mouse_StartsAndStops()
    {
        await using var page = await gallery.OpenAsync(PagePath);
        await page.Page.GetByText("×10", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Radio, new() { Name = "×10" })).ToBeCheckedAsync();
        var button = page.Page.Locator("#live-gauge button");
        await button.ClickAsync();
        await AssertTheGaugeMovesAsync(page);
        await button.ClickAsync();
        await AssertStoppedAsync(page);
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task Replay_InDarkSchemeWithReducedMotion_RunsClean()
    {
        await using var page = await gallery.OpenAsync(PagePath, new GalleryPageOptions { ColorScheme = ColorScheme.Dark, ReducedMotion = ReducedMotion.Reduce });
        await page.Page.GetByText("×10", new() { Exact = true }).ClickAsync();
        await page.Page.Locator("#live-gauge button").ClickAsync();
        await AssertTheGaugeMovesAsync(page);
        await page.Page.Locator("#live-section").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync("live-hrv-gauge-dark");
        await page.ScreenshotWidgetAsync("live-hrv-gauge-dark", page.Page.Locator("#live-section .demo"));
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task WebBluetooth_ModuleLoadsUnderTheCsp_ReportsNoSupport_AndReplayIsOffered()
    {
        await using var page = await gallery.OpenAsync(PagePath);
        // Headless Chromium on Linux has no Web Bluetooth (navigator.bluetooth is undefined without experimental flags).
        Assert.Equal("undefined", await page.Page.EvaluateAsync<string>("() => typeof navigator.bluetooth"));
        var status = page.Page.Locator("#strap [role=status]");
        await Assertions.Expect(status).ToHaveTextAsync("This browser has no Web Bluetooth (it is in Chrome and Edge on desktop and Android).");
        await Assertions.Expect(page.Page.Locator("#strap button")).ToHaveCountAsync(0);

        // The answer came from the collocated module, fetched from the app's own origin after the page went interactive.
        var loaded = await page.Page.EvaluateAsync<string[]>(
            "() => performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('HeartRateStrap.razor.js'))");
        Assert.Equal(new Uri(gallery.BaseAddress, "_content/RelationalNeuro.Components/LiveHeartRate/HeartRateStrap.razor.js").ToString(), Assert.Single(loaded));

        await Assertions.Expect(page.Page.GetByRole(AriaRole.Radio, new() { Name = "×4" })).ToBeCheckedAsync();
        await Assertions.Expect(page.Page.Locator("#live-gauge button")).ToBeEnabledAsync();
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task WithoutJavaScript_TheLiveSectionRendersIdleAndComplete()
    {
        await using var page = await gallery.OpenAsync(PagePath, new GalleryPageOptions { JavaScriptDisabled = true });
        await Assertions.Expect(Gauge(page)).ToHaveAttributeAsync("aria-valuetext", "Not started");
        await Assertions.Expect(page.Page.Locator("#strap [role=status]")).ToHaveTextAsync("Checking for Web Bluetooth…");
    }
}
