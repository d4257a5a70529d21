using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RelationalNeuro.Gallery.Tests;

[Collection(nameof(GalleryCollection))]
public sealed partial class ShellTests(GalleryFixture gallery)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Pages => [.. GalleryPages.All.Select(p => p.Href)];

    // Static pages (server-rendered forms, no circuit) never show the interactive marker.
    private static bool Interactive(string href) => !GalleryPages.All.Single(p => p.Href == href).Static;

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryPage_LoadsInteractive_WithNoConsoleErrorCspViolationOrAxeViolation(string href)
    {
        await using var page = await gallery.OpenAsync(href, new GalleryPageOptions { WaitForInteractive = Interactive(href) });
        await page.AssertCleanAsync();
        await page.ScreenshotAsync("page-" + (href.Length == 0 ? "home" : href.Replace('/', '-')));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryPage_InDarkSchemeWithReducedMotion_IsClean(string href)
    {
        await using var page = await gallery.OpenAsync(href, new GalleryPageOptions { ColorScheme = ColorScheme.Dark, ReducedMotion = ReducedMotion.Reduce, WaitForInteractive = Interactive(href) });
        await page.AssertCleanAsync();
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryPage_OnAPhone390PxWide_DoesNotScrollSideways(string href)
    {
        // Wide content (tables, code, widgets) scrolls inside its own box; the page itself never does.
        await using var page = await gallery.OpenAsync(href, new GalleryPageOptions { ViewportWidth = 390, WaitForInteractive = Interactive(href) });
        var width = await page.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var offenders = await page.Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391 && getComputedStyle(e).position !== 'absolute' && !e.closest('.table-scroll, pre, .rn-visually-hidden'))" +
            ".slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.') + ' right=' + Math.round(e.getBoundingClientRect().right))");
        Assert.True(width <= 390, $"/{href} is {width} px wide at 390: {string.Join(", ", offenders)}");
    }

    [Fact]
    public async Task NotFoundPage_HeadingSitsWhereEveryPagesHeadingSits()
    {
        await using var home = await gallery.OpenAsync("");
        var homeTop = (await home.Page.Locator("main h1").BoundingBoxAsync())!.Y;
        await using var missing = await gallery.OpenAsync("no-such-page", new GalleryPageOptions { WaitForInteractive = false, ExpectedStatus = 404 });
        await Assertions.Expect(missing.Page.Locator("main h1")).ToHaveTextAsync("Not found");
        var missingTop = (await missing.Page.Locator("main h1").BoundingBoxAsync())!.Y;
        Assert.True(Math.Abs(missingTop - homeTop) <= 2, $"404 heading at y={missingTop}, home heading at y={homeTop}");
    }

    [Fact]
    public async Task EveryResponse_CarriesTheStrictContentSecurityPolicy()
    {
        using var client = new HttpClient { BaseAddress = gallery.BaseAddress };
        foreach (var path in new[] { "", "not-a-page", "app.css", "_framework/blazor.web.js", "widgets/webassembly", "_framework/dotnet.js" })
        {
            using var response = await client.GetAsync(path, Ct);
            Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var values), $"/{path} has no CSP");
            var csp = Assert.Single(values);
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            // 'wasm-unsafe-eval' lets Blazor WebAssembly compile its runtime; JavaScript eval ('unsafe-eval') stays out.
            Assert.Contains("script-src 'self' 'wasm-unsafe-eval';", csp, StringComparison.Ordinal);
            Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("'unsafe-eval'", csp, StringComparison.Ordinal);
            // frame-ancestors 'none' already forbids framing; antiforgery's default X-Frame-Options: SAMEORIGIN
            // beside it said something weaker (and contradictory) to browsers without CSP Level 2.
            Assert.True(csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal), $"/{path}: {csp}");
            Assert.False(response.Headers.Contains("X-Frame-Options"), $"/{path} sends X-Frame-Options: {string.Join(",", response.Headers.TryGetValues("X-Frame-Options", out var xfo) ? xfo : [])}");
        }
    }

    [Fact]
    public async Task Markup_HasNoInlineScriptOrStyleAttribute()
    {
        using var client = new HttpClient { BaseAddress = gallery.BaseAddress };
        foreach (var page in GalleryPages.All)
        {
            var html = await client.GetStringAsync(page.Href, Ct);
            Assert.DoesNotMatch(InlineStyle(), html);
            // Razor escapes such as {'{'} belong in C# strings; written in markup they reach the reader literally.
            Assert.False(html.Contains("{'{'}", StringComparison.Ordinal) || html.Contains("{'}'}", StringComparison.Ordinal), $"{page.Href} shows a literal Razor brace escape");
            foreach (Match script in ScriptTag().Matches(html))
            {
                Assert.Contains("src=", script.Value, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task ThemeToggle_Dark_IsRenderedByTheServerOnTheNextPage_AndBackToSystem()
    {
        await using var page = await gallery.OpenAsync("");
        var html = page.Page.Locator("html");
        await Assertions.Expect(html).ToHaveAttributeAsync("data-theme", "auto");

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Dark", Exact = true }).ClickAsync();
        await Assertions.Expect(html).ToHaveAttributeAsync("data-theme", "dark");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Dark", Exact = true }))
            .ToHaveAttributeAsync("aria-pressed", "true");

        // The first byte of the next response already carries the theme: no flash of the light theme.
        var response = await page.Page.Context.APIRequest.GetAsync(gallery.BaseAddress.ToString());
        Assert.Contains("data-theme=\"dark\"", await response.TextAsync(), StringComparison.Ordinal);
        var background = await page.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(20, 23, 26)", background); // --rn-bg of the dark theme, #14171a
        await page.AssertCleanAsync();

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "System", Exact = true }).ClickAsync();
        await Assertions.Expect(html).ToHaveAttributeAsync("data-theme", "auto");
    }

    [Fact]
    public async Task ReduceMotionToggle_SetsDataMotionAndZeroesDurations()
    {
        await using var page = await gallery.OpenAsync("");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Reduce motion" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("html")).ToHaveAttributeAsync("data-motion", "reduce");
        var duration = await page.Page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).getPropertyValue('--rn-duration').trim()");
        Assert.Equal("0ms", duration);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Reduce motion" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("html")).Not.ToHaveAttributeAsync("data-motion", new Regex("."));
    }

    [Fact]
    public async Task PreferencePost_ToAnotherSite_RedirectsHomeInstead()
    {
        await using var page = await gallery.OpenAsync("");
        // Replace the hidden return URL with an absolute one before posting; the server must not follow it.
        await page.Page.Locator("form[action='preferences/theme'] input[name=returnUrl]").EvaluateAsync("e => e.value = '//example.org/'");
        // What is checked is the post's own redirect. The page is already at the home address, so waiting for that
        // address alone could return before the post, or wait for the load of a document the post replaces (which timed
        // out once in CI).
        var post = await page.Page.RunAndWaitForResponseAsync(
            () => page.Page.GetByRole(AriaRole.Button, new() { Name = "Light", Exact = true }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("preferences/theme", StringComparison.Ordinal));
        Assert.InRange(post.Status, 300, 399);
        var location = await post.HeaderValueAsync("location");
        Assert.NotNull(location);
        Assert.Equal(gallery.BaseAddress.ToString(), new Uri(gallery.BaseAddress, location).ToString());
        await page.Page.WaitForURLAsync(gallery.BaseAddress.ToString(), new() { WaitUntil = WaitUntilState.Commit });
    }

    [Fact]
    public async Task UnknownAddress_Answers404_WithTheNotFoundPage()
    {
        using var client = new HttpClient { BaseAddress = gallery.BaseAddress };
        using var response = await client.GetAsync("no-such-page", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Not found", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [GeneratedRegex("""<[^>]+\sstyle\s*=""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
