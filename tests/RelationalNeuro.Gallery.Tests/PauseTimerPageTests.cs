using Microsoft.Playwright;

namespace RelationalNeuro.Gallery.Tests;

[Collection(nameof(GalleryCollection))]
public sealed class PauseTimerPageTests(GalleryFixture gallery)
{
    private const string PagePath = "widgets/pause-timer";

    [Fact]
    public async Task Mouse_ThreeSecondPause_RunsToCompletion_AndTheAppLogsIt()
    {
        await using var page = await gallery.OpenAsync(PagePath);
        var timer = page.Page.Locator("#timer");
        await timer.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Assertions.Expect(timer.Locator(".rn-pause__phase")).ToHaveTextAsync("Hold");
        await Assertions.Expect(timer.GetByRole(AriaRole.Status)).ToHaveTextAsync("Hold, 3 seconds");
        await page.ScreenshotAsync("pause-timer-running");
        await page.ScreenshotWidgetAsync("pause-timer-running", timer);
        await Assertions.Expect(timer.Locator(".rn-pause__phase")).ToHaveTextAsync("Done", new() { Timeout = 10_000 });
        await Assertions.Expect(page.Page.GetByRole(AriaRole.List, new() { Name = "Session log" }).Locator("li"))
            .ToContainTextAsync("pause-3s: 1 × in 3 s");
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task Ready_TheReadoutSentenceFitsInsideTheBreathRing()
    {
        // Before a session the count line is a sentence ("3 seconds per breath"); it must stay inside the dotted
        // ring (r = 90 of the 200-unit viewBox) rather than spill over the edge of the shape.
        await using var page = await gallery.OpenAsync(PagePath);
        var timer = page.Page.Locator("#timer");
        await Assertions.Expect(timer.Locator(".rn-pause__count")).ToHaveTextAsync("3 seconds per breath");
        var ring = (await timer.Locator(".rn-pause__ring").BoundingBoxAsync())!;
        var readout = (await timer.Locator(".rn-pause__readout").BoundingBoxAsync())!;

        Assert.True(readout.X >= ring.X && readout.X + readout.Width <= ring.X + ring.Width, $"readout x {readout.X}..{readout.X + readout.Width} outside ring {ring.X}..{ring.X + ring.Width}");
        Assert.True(readout.Y >= ring.Y && readout.Y + readout.Height <= ring.Y + ring.Height, $"readout y {readout.Y}..{readout.Y + readout.Height} outside ring {ring.Y}..{ring.Y + ring.Height}");
    }

    [Fact]
    public async Task KeyboardOnly_StartPauseResumeReset()
    {
        await using var page = await gallery.OpenAsync(PagePath);
        // Box breathing: long enough phases to pause inside one.
        await page.Page.Locator("#pattern-select").FocusAsync();
        await page.Page.Locator("#pattern-select").SelectOptionAsync("box-4");
        var timer = page.Page.Locator("#timer");
        var start = timer.GetByRole(AriaRole.Button, new() { Name = "Start" });
        await start.FocusAsync();
        await page.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(timer.Locator(".rn-pause__phase")).ToHaveTextAsync("Breathe in");

        var pause = timer.GetByRole(AriaRole.Button, new() { Name = "Pause" });
        await pause.FocusAsync();
        await page.Page.Keyboard.PressAsync("Space");
        await Assertions.Expect(timer.Locator(".rn-pause__phase")).ToHaveTextAsync("Paused · Breathe in");
        var frozen = await timer.Locator(".rn-pause__count").TextContentAsync();
        await page.Page.WaitForTimeoutAsync(1200);
        Assert.Equal(frozen, await timer.Locator(".rn-pause__count").TextContentAsync());

        await timer.GetByRole(AriaRole.Button, new() { Name = "Resume" }).FocusAsync();
        await page.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(timer.Locator(".rn-pause__phase")).ToHaveTextAsync("Breathe in");
        await timer.GetByRole(AriaRole.Button, new() { Name = "Reset" }).FocusAsync();
        await page.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(timer.Locator(".rn-pause__phase")).ToHaveTextAsync("Ready");
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task KeyboardFocus_StaysOnThePrimaryButton_ThroughStartPauseResumeAndReset()
    {
        // A first-time user pressing Enter on Start found focus thrown back to the page: each state used to render a
        // new button. The same element must keep focus while its words change, and Reset hands focus to it.
        await using var page = await gallery.OpenAsync(PagePath);
        await page.Page.Locator("#pattern-select").SelectOptionAsync("box-4");
        var timer = page.Page.Locator("#timer");
        await timer.GetByRole(AriaRole.Button, new() { Name = "Start" }).FocusAsync();
        const string focusedText = "() => document.activeElement && document.activeElement.tagName === 'BUTTON' ? document.activeElement.textContent.trim() : '(not a button)'";

        await page.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(timer.Locator(".rn-pause__phase")).ToHaveTextAsync("Breathe in");
        Assert.Equal("Pause", await page.Page.EvaluateAsync<string>(focusedText));

        await page.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(timer.Locator(".rn-pause__phase")).ToHaveTextAsync("Paused · Breathe in");
        Assert.Equal("Resume", await page.Page.EvaluateAsync<string>(focusedText));

        await page.Page.Keyboard.PressAsync("Space");
        await Assertions.Expect(timer.Locator(".rn-pause__phase")).ToHaveTextAsync("Breathe in");
        Assert.Equal("Pause", await page.Page.EvaluateAsync<string>(focusedText));

        await page.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("Reset", await page.Page.EvaluateAsync<string>(focusedText));
        await page.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(timer.Locator(".rn-pause__phase")).ToHaveTextAsync("Ready");
        await Assertions.Expect(timer.GetByRole(AriaRole.Button, new() { Name = "Start" })).ToBeFocusedAsync();
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task ReducedMotion_ShapeDoesNotMove_CountDownDoes()
    {
        await using var page = await gallery.OpenAsync(PagePath, new GalleryPageOptions { ReducedMotion = ReducedMotion.Reduce });
        await page.Page.Locator("#pattern-select").SelectOptionAsync("box-4");
        var timer = page.Page.Locator("#timer");
        await timer.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        var shape = timer.Locator(".rn-pause__shape");
        var first = await shape.EvaluateAsync<string>("e => getComputedStyle(e).r");
        // The count moves on (any change: a one-second "2" can fall between two of Playwright's polls on a loaded machine).
        var count = timer.Locator(".rn-pause__count");
        var firstCount = await count.TextContentAsync();
        await Assertions.Expect(count).Not.ToHaveTextAsync(firstCount!, new() { Timeout = 10_000 });
        Assert.Equal(first, await shape.EvaluateAsync<string>("e => getComputedStyle(e).r"));
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task WithoutJavaScript_ThePatternStepsAreListed()
    {
        await using var page = await gallery.OpenAsync(PagePath, new GalleryPageOptions { JavaScriptDisabled = true });
        await Assertions.Expect(page.Page.Locator("#timer .rn-pause__step")).ToHaveTextAsync(["Hold 3 seconds"]);
    }
}
