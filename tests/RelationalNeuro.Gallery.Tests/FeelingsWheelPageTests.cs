using Microsoft.Playwright;

namespace RelationalNeuro.Gallery.Tests;

[Collection(nameof(GalleryCollection))]
public sealed class FeelingsWheelPageTests(GalleryFixture gallery)
{
    private const string PagePath = "widgets/feelings-wheel";
    private const string StaticPath = "widgets/feelings-wheel/static";

    private static ILocator Segment(ILocator wheel, string name) =>
        wheel.Locator($".rn-wheel__segment[aria-label='{name}']");

    // A sector's bounding-box centre can fall on a neighbour; its label sits at mid-angle and mid-radius, inside it
    // (labels ignore the pointer, so the click lands on the segment underneath).
    private static async Task ClickFeelingAsync(IPage page, ILocator wheel, string label)
    {
        var text = wheel.Locator(".rn-wheel__label").GetByText(label, new() { Exact = true });
        await text.ScrollIntoViewIfNeededAsync();
        var box = (await text.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
    }

    [Fact]
    public async Task StoredPathExample_ShowsRealBraces()
    {
        using var client = new HttpClient { BaseAddress = gallery.BaseAddress };
        var html = await client.GetStringAsync(PagePath, TestContext.Current.CancellationToken);
        Assert.Contains("new EmotionLabel { Path = &quot;sad/lonely&quot; }", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyboardOnly_TabIn_ArrowsEnterZoom_AndTabOut()
    {
        await using var page = await gallery.OpenAsync(PagePath);
        var wheel = page.Page.Locator("#wheel-main");
        // Start on the focusable element just before the wheel (the usage sample's "Source" toggle), then Tab in.
        await page.Page.Locator("section:has(#usage) summary").FocusAsync();
        await page.Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Segment(wheel, "Joyful")).ToBeFocusedAsync();
        await wheel.EvaluateAsync("e => e.scrollIntoView({ block: 'center' })");
        var scrollBefore = await page.Page.EvaluateAsync<double>("() => window.scrollY");

        await page.Page.Keyboard.PressAsync("ArrowRight");           // outwards: Joyful › Delighted
        await Assertions.Expect(Segment(wheel, "Joyful › Delighted")).ToBeFocusedAsync();
        await page.Page.Keyboard.PressAsync("ArrowDown");            // next in the ring
        await Assertions.Expect(Segment(wheel, "Joyful › Enthusiastic")).ToBeFocusedAsync();
        await page.Page.Keyboard.PressAsync("End");
        await Assertions.Expect(Segment(wheel, "Disconnected › Tired")).ToBeFocusedAsync();
        await page.Page.Keyboard.PressAsync("Home");
        await Assertions.Expect(Segment(wheel, "Joyful › Delighted")).ToBeFocusedAsync();
        await page.Page.Keyboard.PressAsync("ArrowUp");              // wraps to the last of the ring
        await Assertions.Expect(Segment(wheel, "Disconnected › Tired")).ToBeFocusedAsync();
        await page.Page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(Segment(wheel, "Disconnected › Tired › Drained")).ToBeFocusedAsync();
        await page.Page.Keyboard.PressAsync("Space");
        await Assertions.Expect(Segment(wheel, "Disconnected › Tired › Drained")).ToHaveAttributeAsync("aria-checked", "true");
        await Assertions.Expect(page.Page.Locator("#chosen-main")).ToHaveTextAsync("You chose Disconnected › Tired › Drained (disconnected/tired/drained).");
        await Assertions.Expect(wheel.GetByRole(AriaRole.Status)).ToHaveTextAsync("Selected: Disconnected › Tired › Drained");

        // The handled keys do not scroll the page.
        Assert.Equal(scrollBefore, await page.Page.EvaluateAsync<double>("() => window.scrollY"));
        Assert.Equal(1, await wheel.Locator(".rn-wheel__segment[tabindex='0']").CountAsync());

        await page.Page.Keyboard.PressAsync("ArrowLeft");
        await page.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Page.Locator("#chosen-main")).ToHaveTextAsync("You chose Disconnected › Tired (disconnected/tired).");

        await page.Page.Keyboard.PressAsync("+");
        await Assertions.Expect(wheel.Locator(".rn-wheel__segment")).ToHaveCountAsync(13);   // disconnected: 1 + 4 + 8
        await Assertions.Expect(Segment(wheel, "Disconnected › Tired")).ToBeFocusedAsync();
        await page.ScreenshotAsync("feelings-wheel-keyboard-zoomed");
        await page.Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(wheel.Locator(".rn-wheel__segment")).ToHaveCountAsync(106);
        await Assertions.Expect(Segment(wheel, "Disconnected › Tired")).ToBeFocusedAsync();

        // Tab leaves the group in one step (roving tabindex) and reaches the zoom button.
        await page.Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(wheel.Locator(".rn-wheel__zoom")).ToBeFocusedAsync();
        await Assertions.Expect(wheel.Locator(".rn-wheel__zoom")).ToHaveTextAsync("Zoom into Disconnected");

        // Enter on the focused button through its locator (which resolves the button again first): an Enter sent to the
        // page right after the focus moved was lost once in a CI run (no zoom within 5 s; cause not found).
        await wheel.Locator(".rn-wheel__zoom").PressAsync("Enter");
        await Assertions.Expect(wheel.Locator(".rn-wheel__segment")).ToHaveCountAsync(13);
        await page.Page.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(Segment(wheel, "Disconnected › Tired")).ToBeFocusedAsync();
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task LateFocusCall_LeavesFocusWhereATabTookIt_ButMovesItFromASegmentOrFromNowhere()
    {
        // The call a key's render ends with (the module's focusSegment) can arrive after the user pressed Tab: it must
        // not pull focus back from the zoom button. Called here directly, in the page's own copy of the module.
        await using var page = await gallery.OpenAsync(PagePath);
        var wheel = page.Page.Locator("#wheel-main");
        await Segment(wheel, "Joyful").FocusAsync();
        await Assertions.Expect(Segment(wheel, "Joyful")).ToBeFocusedAsync();
        const string call = """
            async ([svgSelector, targetLabel]) => {
                const m = await import('/_content/RelationalNeuro.Components/FeelingsWheel/FeelingsWheel.razor.js');
                const svg = document.querySelector(svgSelector);
                m.focusSegment(svg, svg.querySelector(`.rn-wheel__segment[aria-label="${targetLabel}"]`));
            }
            """;
        var svgSelector = "#wheel-main svg[role]";
        Assert.Equal(1, await page.Page.Locator(svgSelector).CountAsync());

        // From a segment of the wheel: moves.
        await page.Page.EvaluateAsync(call, new[] { svgSelector, "Joyful › Delighted" });
        await Assertions.Expect(Segment(wheel, "Joyful › Delighted")).ToBeFocusedAsync();

        // From the zoom button (a Tab came first): stays.
        await wheel.Locator(".rn-wheel__zoom").FocusAsync();
        await page.Page.EvaluateAsync(call, new[] { svgSelector, "Joyful" });
        await Assertions.Expect(wheel.Locator(".rn-wheel__zoom")).ToBeFocusedAsync();

        // From outside the wheel: stays.
        await page.Page.Locator("section:has(#usage) summary").FocusAsync();
        await page.Page.EvaluateAsync(call, new[] { svgSelector, "Joyful" });
        await Assertions.Expect(page.Page.Locator("section:has(#usage) summary")).ToBeFocusedAsync();

        // From nowhere (the focused segment was redrawn away): moves.
        await page.Page.EvaluateAsync("() => document.activeElement.blur()");
        await page.Page.EvaluateAsync(call, new[] { svgSelector, "Joyful" });
        await Assertions.Expect(Segment(wheel, "Joyful")).ToBeFocusedAsync();
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task Mouse_SelectHoverZoom_OnThePlutchikWheel()
    {
        await using var page = await gallery.OpenAsync(PagePath);
        var wheel = page.Page.Locator("#wheel-plutchik");
        await ClickFeelingAsync(page.Page, wheel, "Serenity");
        await Assertions.Expect(page.Page.Locator("#chosen-plutchik")).ToHaveTextAsync("You chose Joy › Serenity.");
        await Assertions.Expect(Segment(wheel, "Joy › Serenity")).ToHaveAttributeAsync("aria-checked", "true");

        // Hover draws the segment's outline in the text colour.
        await Segment(wheel, "Trust").HoverAsync(new() { Force = true, Position = await LabelPositionAsync(wheel, "Trust") });
        var stroke = await Segment(wheel, "Trust").EvaluateAsync<string>("e => getComputedStyle(e).strokeWidth");
        Assert.Equal("2.5px", stroke);

        await wheel.GetByRole(AriaRole.Button, new() { Name = "Zoom into Joy" }).ClickAsync();
        await Assertions.Expect(wheel.Locator(".rn-wheel__segment")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Page.Locator("section:has(#example-plutchik) .hint")).ToHaveTextAsync("Zoomed into: joy");
        await ClickFeelingAsync(page.Page, wheel, "Ecstasy");
        await Assertions.Expect(page.Page.Locator("#chosen-plutchik")).ToHaveTextAsync("You chose Joy › Ecstasy.");
        await wheel.GetByRole(AriaRole.Button, new() { Name = "Show the whole wheel" }).ClickAsync();
        await Assertions.Expect(wheel.Locator(".rn-wheel__segment")).ToHaveCountAsync(24);
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task Mouse_MultipleWithIntensity_BuildsTheCheckIn()
    {
        await using var page = await gallery.OpenAsync(PagePath);
        var wheel = page.Page.Locator("#wheel-multiple");
        await ClickFeelingAsync(page.Page, wheel, "Lonely");
        await ClickFeelingAsync(page.Page, wheel, "Hopeful");
        await Assertions.Expect(wheel.GetByRole(AriaRole.Checkbox, new() { Checked = true })).ToHaveCountAsync(2);

        var lonely = wheel.GetByRole(AriaRole.Group, new() { Name = "How strong is Sad › Lonely? 1 = faint, 5 = strong" });
        await lonely.GetByText("4", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#check-in li")).ToHaveTextAsync(["sad/lonely, intensity 4", "curious/hopeful, intensity 0"]);

        await ClickFeelingAsync(page.Page, wheel, "Lonely");                 // clears it, and its rating
        await Assertions.Expect(page.Page.Locator("#check-in li")).ToHaveTextAsync(["curious/hopeful, intensity 0"]);
        await page.ScreenshotAsync("feelings-wheel-light");
        await page.ScreenshotWidgetAsync("feelings-wheel-multiple-light", page.Page.Locator("section:has(#example-multiple) .demo"));
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task DarkScheme_IsClean_AndTheFillsAreTheDarkHues()
    {
        await using var page = await gallery.OpenAsync(PagePath, new GalleryPageOptions { ColorScheme = ColorScheme.Dark });
        var sad = Segment(page.Page.Locator("#wheel-main"), "Sad");
        // The "sad" colour token maps to --rn-wheel-blue, light-dark(#a9c6f2, #23406e): a probe beside the segment (same
        // inherited color-scheme) given the token as its colour resolves it to the dark value, #23406e.
        Assert.Equal("rgb(35, 64, 110)", await sad.EvaluateAsync<string>(
            """
            e => {
                const probe = document.createElementNS('http://www.w3.org/2000/svg', 'g');
                e.parentNode.appendChild(probe);
                probe.style.color = getComputedStyle(e).getPropertyValue('--rn-wheel-fill');
                const colour = getComputedStyle(probe).color;
                probe.remove();
                return colour;
            }
            """));
        await ClickFeelingAsync(page.Page, page.Page.Locator("#wheel-main"), "Calm");
        await page.ScreenshotAsync("feelings-wheel-dark");
        await page.ScreenshotWidgetAsync("feelings-wheel-dark", page.Page.Locator("section:has(#example-single) .demo"));
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task ReducedMotion_SegmentsChangeWithoutTransition()
    {
        await using var page = await gallery.OpenAsync(PagePath);
        var sad = Segment(page.Page.Locator("#wheel-main"), "Sad");
        Assert.Equal("0.24s, 0.24s", await sad.EvaluateAsync<string>("e => getComputedStyle(e).transitionDuration"));   // --rn-duration: 240ms

        await using var reduced = await gallery.OpenAsync(PagePath, new GalleryPageOptions { ReducedMotion = ReducedMotion.Reduce });
        var still = Segment(reduced.Page.Locator("#wheel-main"), "Sad");
        Assert.Equal("0s", await still.EvaluateAsync<string>("e => getComputedStyle(e).transitionDuration"));
        await reduced.AssertCleanAsync();
    }

    [Fact]
    public async Task WithoutJavaScript_TheInteractivePagesFormPostsAndShowsTheChoice()
    {
        await using var page = await gallery.OpenAsync(PagePath, new GalleryPageOptions { JavaScriptDisabled = true });
        var form = page.Page.Locator("#wheel-main form");
        await form.GetByRole(AriaRole.Radio, new() { Name = "Sad › Lonely › Isolated" }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Choose" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#chosen-main")).ToHaveTextAsync("You chose Sad › Lonely › Isolated (sad/lonely/isolated).");
        await Assertions.Expect(page.Page.Locator("#wheel-main form").GetByRole(AriaRole.Radio, new() { Name = "Sad › Lonely › Isolated" })).ToBeCheckedAsync();
    }

    [Fact]
    public async Task StaticPage_WithoutJavaScript_RadioFormPostsTheFeelingAndIntensity()
    {
        await using var page = await gallery.OpenAsync(StaticPath, new GalleryPageOptions { JavaScriptDisabled = true });
        await Assertions.Expect(page.Page.Locator("#posted-choice")).ToHaveTextAsync("Nothing submitted yet.");
        var sad = page.Page.GetByRole(AriaRole.Group, new() { Name = "Sad", Exact = true });
        await sad.GetByRole(AriaRole.Radio, new() { Name = "Sad › Hurt › Rejected" }).CheckAsync();
        var strength = page.Page.GetByRole(AriaRole.Group, new() { Name = "How strong is it? 1 = faint, 5 = strong" });
        await strength.GetByRole(AriaRole.Radio, new() { Name = "3" }).CheckAsync();
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Choose" }).ClickAsync();

        await Assertions.Expect(page.Page.Locator("#posted-choice")).ToHaveTextAsync("You chose Sad › Hurt › Rejected, intensity 3 of 5.");
        Assert.Contains("feeling=sad%2Fhurt%2Frejected", page.Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Radio, new() { Name = "Sad › Hurt › Rejected" })).ToBeCheckedAsync();
        await Assertions.Expect(page.Page.Locator("#wheel-static .rn-wheel__mark")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task StaticPage_IsClean_AndRefusesAnUnknownPath()
    {
        await using var page = await gallery.OpenAsync(StaticPath + "?feeling=sad%2Fnope", new GalleryPageOptions { WaitForInteractive = false });
        await Assertions.Expect(page.Page.Locator("#posted-choice")).ToHaveTextAsync("“sad/nope” is not a feeling in this wheel.");
        await Assertions.Expect(page.Page.Locator("#wheel-static input[checked]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("feelings-wheel-static");
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task StaticPage_Markup_HasNoStyleAttributeOrInlineScript()
    {
        using var client = new HttpClient { BaseAddress = gallery.BaseAddress };
        var html = await client.GetStringAsync(StaticPath + "?feeling=sad%2Flonely&feeling-intensity=2", TestContext.Current.CancellationToken);
        Assert.Contains("You chose Sad › Lonely, intensity 2 of 5.", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotMatch("""<[^>]+\sstyle\s*=""", html);
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", html);
    }

    private static async Task<Position> LabelPositionAsync(ILocator wheel, string label)
    {
        var segment = (await wheel.Locator($".rn-wheel__segment[aria-label='{label}']").BoundingBoxAsync())!;
        var text = (await wheel.Locator(".rn-wheel__label").GetByText(label, new() { Exact = true }).BoundingBoxAsync())!;
        return new Position { X = text.X + (text.Width / 2) - segment.X, Y = text.Y + (text.Height / 2) - segment.Y };
    }
}
