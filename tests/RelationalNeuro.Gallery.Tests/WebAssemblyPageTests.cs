using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RelationalNeuro.Gallery.Tests;

/// <summary>
/// The widgets under Blazor WebAssembly: the page lives in RelationalNeuro.Gallery.Client and is rendered with
/// InteractiveWebAssembly, so after prerendering on the server it runs on the .NET WebAssembly runtime in Chromium.
/// Expected values are the widgets' specified outputs (the same as on the InteractiveServer pages), and the
/// runtime facts that .NET documents for the browser: <c>OperatingSystem.IsBrowser()</c> is true and
/// <c>RuntimeInformation.ProcessArchitecture</c> is <c>Architecture.Wasm</c>.
/// </summary>
[Collection(nameof(GalleryCollection))]
public sealed class WebAssemblyPageTests(GalleryFixture gallery)
{
    private const string PagePath = "widgets/webassembly";

    // WebAssembly downloads and starts the runtime (about 200 files in a Release build) before the page is
    // interactive: allow more than the 15 s the server pages get.
    private static readonly LocatorWaitForOptions RuntimeStart = new() { State = WaitForSelectorState.Attached, Timeout = 60_000 };

    [Fact]
    public async Task Page_RunsOnDotNetWebAssembly_InTheBrowser_WithoutACircuit()
    {
        await using var page = await OpenAsync(PagePath);
        var readyAfterMs = await page.Page.EvaluateAsync<double>("() => performance.now()");
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"WebAssembly interactive {readyAfterMs:0} ms after navigation start"));

        await Assertions.Expect(page.Page.Locator("#runtime-is-browser")).ToHaveTextAsync("true");
        await Assertions.Expect(page.Page.Locator("#runtime-architecture")).ToHaveTextAsync("Wasm");
        await Assertions.Expect(page.Page.Locator("#runtime-renderer")).ToHaveTextAsync("WebAssembly");

        // The runtime was fetched from this origin, and no Blazor Server circuit was negotiated for this page.
        var resources = await page.Page.EvaluateAsync<string[]>("() => performance.getEntriesByType('resource').map(e => e.name)");
        Assert.Contains(resources, r => r.Contains("/_framework/dotnet.native.", StringComparison.Ordinal) && r.EndsWith(".wasm", StringComparison.Ordinal));
        Assert.DoesNotContain(resources, r => r.Contains("/_blazor", StringComparison.Ordinal));
        await page.AssertCleanAsync();
        await page.ScreenshotAsync("webassembly");
    }

    [Fact]
    public async Task Prerendered_WithoutJavaScript_ShowsTheWidgetsAndTheServerRuntime()
    {
        await using var page = await gallery.OpenAsync(PagePath, new GalleryPageOptions { JavaScriptDisabled = true });
        // The server prerenders the same component: it is not the browser yet.
        await Assertions.Expect(page.Page.Locator("#runtime-is-browser")).ToHaveTextAsync("false");
        await Assertions.Expect(page.Page.Locator("#runtime-renderer")).ToHaveTextAsync("Static");
        await Assertions.Expect(page.Page.Locator("#gauge-wasm")).ToHaveAttributeAsync("aria-valuetext", "35 ms, within your usual range");
        await Assertions.Expect(page.Page.Locator("#timer-wasm .rn-pause__step")).ToHaveTextAsync(["Hold 3 seconds"]);
    }

    [Fact]
    public async Task KeyboardOnly_SliderMovesTheGauge_AndTheTimerRunsToCompletion()
    {
        await using var page = await OpenAsync(PagePath);
        var slider = page.Page.Locator("#rmssd-wasm");
        await page.TabToAsync(slider, "the slider");
        for (var i = 0; i < 30; i++)
        {
            await page.Page.Keyboard.PressAsync("ArrowRight");
        }

        // 35 ms + 30 steps of 1 ms = 65 ms, above the 20–60 ms band.
        var gauge = page.Page.Locator("#gauge-wasm");
        await Assertions.Expect(gauge).ToHaveAttributeAsync("aria-valuenow", "65");
        await Assertions.Expect(gauge).ToHaveAttributeAsync("aria-valuetext", "65 ms, above your usual range");
        await page.Page.Keyboard.PressAsync("Home");
        await Assertions.Expect(gauge).ToHaveAttributeAsync("aria-valuetext", "0 ms, below your usual range");
        await Assertions.Expect(gauge.Locator(".rn-gauge__fill")).ToHaveAttributeAsync("stroke-dashoffset", "1000");

        // The timer's Start button is the next stop in tab order after the slider.
        var timer = page.Page.Locator("#timer-wasm");
        var start = timer.GetByRole(AriaRole.Button, new() { Name = "Start" });
        await page.TabToAsync(start, "the timer's Start button");
        await page.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(timer.Locator(".rn-pause__phase")).ToHaveTextAsync("Hold");
        await Assertions.Expect(timer.GetByRole(AriaRole.Status)).ToHaveTextAsync("Hold, 3 seconds");
        await page.ScreenshotAsync("webassembly-timer-running");

        // The browser's clock (TimeProvider.System on WebAssembly) ends the 3-second hold.
        await Assertions.Expect(timer.Locator(".rn-pause__phase")).ToHaveTextAsync("Done", new() { Timeout = 10_000 });
        await Assertions.Expect(timer.GetByRole(AriaRole.Status)).ToHaveTextAsync("Done. Well breathed.");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.List, new() { Name = "Session log" }).Locator("li"))
            .ToContainTextAsync("pause-3s: 1 × in 3 s");
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task FeelingsWheel_KeyboardAndMouse_SelectUnderWebAssembly()
    {
        await using var page = await OpenAsync(PagePath);
        var wheel = page.Page.Locator("#wheel-wasm");
        var first = wheel.Locator(".rn-wheel__segment[aria-label='Joyful']");
        await page.TabToAsync(first, "the wheel's first core feeling");

        // The RelationalNeuro wheel's first core is Joyful, whose first child is Delighted (FeelingWheels.RelationalNeuro).
        await page.Page.Keyboard.PressAsync("ArrowRight");
        var delighted = wheel.Locator(".rn-wheel__segment[aria-label='Joyful › Delighted']");
        await Assertions.Expect(delighted).ToBeFocusedAsync();
        await page.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(delighted).ToHaveAttributeAsync("aria-checked", "true");
        await Assertions.Expect(page.Page.Locator("#chosen-wasm")).ToHaveTextAsync("You chose Joyful › Delighted.");

        // The mouse: click the label of another feeling (labels let the pointer through to their segment).
        var label = wheel.Locator(".rn-wheel__label").GetByText("Sad", new() { Exact = true });
        await label.ScrollIntoViewIfNeededAsync();
        var box = (await label.BoundingBoxAsync())!;
        await page.Page.Mouse.ClickAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await Assertions.Expect(page.Page.Locator("#chosen-wasm")).ToHaveTextAsync("You chose Sad.");
        Assert.Equal(1, await wheel.Locator(".rn-wheel__segment[tabindex='0']").CountAsync());
        await page.AssertCleanAsync();
        await page.ScreenshotAsync("webassembly-wheel");
    }

    [Fact]
    public async Task Mouse_OtherPattern_PauseFreezesTheCountDown_ResumeAndReset()
    {
        await using var page = await OpenAsync(PagePath);
        // Box breathing (4 × 4 s per breath): long enough to pause inside it however busy the machine is.
        await page.Page.Locator("#pattern-wasm").SelectOptionAsync("box-4");
        var timer = page.Page.Locator("#timer-wasm");
        await Assertions.Expect(timer).ToHaveAttributeAsync("aria-label", "Box breathing 4-4-4-4 pacer");
        await timer.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Assertions.Expect(timer.Locator(".rn-pause__phase")).ToHaveTextAsync("Breathe in");
        await timer.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Assertions.Expect(timer.Locator(".rn-pause__phase")).ToHaveTextAsync(new Regex("^Paused · "));
        var frozen = await timer.Locator(".rn-pause__count").TextContentAsync();
        var progress = await timer.Locator("progress").GetAttributeAsync("value");
        await page.Page.WaitForTimeoutAsync(1200);
        Assert.Equal(frozen, await timer.Locator(".rn-pause__count").TextContentAsync());
        Assert.Equal(progress, await timer.Locator("progress").GetAttributeAsync("value"));

        await timer.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await Assertions.Expect(timer.Locator(".rn-pause__phase")).Not.ToHaveTextAsync(new Regex("^Paused"));
        await timer.GetByRole(AriaRole.Button, new() { Name = "Reset" }).ClickAsync();
        await Assertions.Expect(timer.Locator(".rn-pause__phase")).ToHaveTextAsync("Ready");
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task EnhancedNavigation_FromAServerPage_StartsWebAssemblyUnderTheSamePolicy()
    {
        // Enhanced navigation keeps the first document, and so the first response's CSP: the runtime must start
        // under the policy the home page was served with.
        await using var page = await gallery.OpenAsync("");
        await page.Page.EvaluateAsync("() => window.__rnSameDocument = true");
        await page.Page.GetByRole(AriaRole.Navigation, new() { Name = "Gallery" })
            .GetByRole(AriaRole.Link, new() { Name = "WebAssembly", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Page).ToHaveURLAsync(gallery.BaseAddress + PagePath);
        await page.Page.Locator("#interactive-ready[data-renderer=WebAssembly]").WaitForAsync(RuntimeStart);
        await Assertions.Expect(page.Page.Locator("#runtime-is-browser")).ToHaveTextAsync("true");
        Assert.True(await page.Page.EvaluateAsync<bool>("() => window.__rnSameDocument === true"), "the link reloaded the document instead of an enhanced navigation");
        await page.AssertCleanAsync();
    }

    private async Task<GalleryPage> OpenAsync(string path)
    {
        var page = await gallery.OpenAsync(path, new GalleryPageOptions { WaitForInteractive = false });
        try
        {
            await page.Page.Locator("#interactive-ready[data-renderer=WebAssembly]").WaitForAsync(RuntimeStart);
        }
        catch (TimeoutException)
        {
            // Say why the runtime did not start (a CSP without 'wasm-unsafe-eval' shows up here), not only that it did not.
            var why = page.Errors.Concat((await page.CspViolationsAsync()).Select(v => "CSP: " + v)).ToList();
            await page.DisposeAsync();
            Assert.Fail($"/{path} did not become interactive on WebAssembly within {RuntimeStart.Timeout} ms:\n  " + string.Join("\n  ", why));
        }

        return page;
    }
}
