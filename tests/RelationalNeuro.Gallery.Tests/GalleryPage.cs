using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace RelationalNeuro.Gallery.Tests;

/// <summary>How a gallery page is opened.</summary>
public sealed record GalleryPageOptions
{
    /// <summary>Wait for the interactive marker (pages rendered with an interactive render mode). Default true.</summary>
    public bool WaitForInteractive { get; init; } = true;

    /// <summary>Emulated colour scheme; null keeps the browser default (light).</summary>
    public ColorScheme? ColorScheme { get; init; }

    /// <summary>Emulated reduced-motion preference; null keeps the default.</summary>
    public ReducedMotion? ReducedMotion { get; init; }

    /// <summary>Run with JavaScript disabled (static rendering only).</summary>
    public bool JavaScriptDisabled { get; init; }

    /// <summary>The HTTP status the page must answer with. Default 200 (404 for the not-found page).</summary>
    public int ExpectedStatus { get; init; } = 200;

    /// <summary>Viewport width in CSS pixels. Default 1280 (a phone is about 390).</summary>
    public int ViewportWidth { get; init; } = 1280;
}

/// <summary>
/// A gallery page open in its own browser context. It collects every console error, uncaught page error and
/// Content-Security-Policy violation from the moment the page starts loading; <see cref="AssertCleanAsync"/>
/// fails on any of them and on any WCAG 2.1 A/AA violation that axe-core finds.
/// </summary>
public sealed class GalleryPage : IAsyncDisposable
{
    // Records CSP violations in the page; Playwright's init scripts are injected by the browser itself, so the
    // page's own CSP does not block them.
    private const string CspListener =
        "window.__rnCsp = []; document.addEventListener('securitypolicyviolation', e => " +
        "window.__rnCsp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));";

    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    private GalleryPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors) { _errors.Add($"console: {message.Text}"); }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors) { _errors.Add($"page error: {error}"); }
        };
    }

    /// <summary>The Playwright page.</summary>
    public IPage Page { get; }

    /// <summary>Console errors and page errors seen so far.</summary>
    public IReadOnlyList<string> Errors
    {
        get { lock (_errors) { return [.. _errors]; } }
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus (at most 200 times); fails naming <paramref name="what"/> if it never does.</summary>
    public async Task TabToAsync(ILocator target, string what)
    {
        for (var i = 0; i < 200 && !await target.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await Page.Keyboard.PressAsync("Tab");
        }

        Assert.True(await target.EvaluateAsync<bool>("e => e === document.activeElement"), $"{what} is not reachable with Tab");
    }

    /// <summary>Clicks the element (a download link) and returns the downloaded file's suggested name and its text.</summary>
    public async Task<(string Name, string Text)> DownloadAsync(string selector)
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.Locator(selector).ClickAsync());
        var path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllTextAsync(path!));
    }

    internal static Task<GalleryPage> OpenAsync(GalleryFixture gallery, string relativePath, GalleryPageOptions options) =>
        OpenAsync(gallery.Browser, gallery.BaseAddress, relativePath, options);

    /// <summary>Opens a page of a gallery at <paramref name="baseAddress"/> (e.g. one a test started as its own process).</summary>
    internal static async Task<GalleryPage> OpenAsync(IBrowser browser, Uri baseAddress, string relativePath, GalleryPageOptions options)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ColorScheme = options.ColorScheme,
            ReducedMotion = options.ReducedMotion,
            JavaScriptEnabled = !options.JavaScriptDisabled,
            ViewportSize = new ViewportSize { Width = options.ViewportWidth, Height = 900 },
        });
        await context.AddInitScriptAsync(CspListener);
        var page = await context.NewPageAsync();
        var galleryPage = new GalleryPage(context, page);
        var response = await page.GotoAsync(relativePath.TrimStart('/'));
        Assert.True(options.ExpectedStatus == 200 ? response is { Ok: true } : response?.Status == options.ExpectedStatus, $"GET /{relativePath.TrimStart('/')} answered {response?.Status}");
        if (options.WaitForInteractive && !options.JavaScriptDisabled)
        {
            await galleryPage.WaitForInteractiveAsync();
        }

        return galleryPage;
    }

    /// <summary>
    /// Waits until the page is interactive: its circuit is up, or for a WebAssembly page the .NET runtime has
    /// started in the browser (the gallery renders #interactive-ready then). WebAssembly downloads and starts the
    /// runtime first, about 10 s from a Release build on two busy cores, hence the long limit.
    /// </summary>
    public Task WaitForInteractiveAsync() =>
        Page.Locator("#interactive-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });

    /// <summary>The CSP violations the page reported.</summary>
    public async Task<IReadOnlyList<string>> CspViolationsAsync() =>
        await Page.EvaluateAsync<string[]>("() => window.__rnCsp || []");

    /// <summary>Runs axe-core and returns the WCAG 2.1 A/AA violations, one readable line each.</summary>
    public async Task<IReadOnlyList<string>> AxeViolationsAsync()
    {
        var result = await Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
        });
        return result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
    }

    /// <summary>Fails on any console error, page error, CSP violation or WCAG 2.1 A/AA violation.</summary>
    /// <remarks>
    /// axe-core's CSS object-model preload re-parses each stylesheet through a <c>&lt;style&gt;</c> element of its own,
    /// which the strict CSP blocks (two violations and two console errors per run, all after the page's own were read).
    /// They are forgotten after the audit, so a page checked twice (before and after an action) is judged on what
    /// the page did, not on the previous audit.
    /// </remarks>
    public async Task AssertCleanAsync()
    {
        var problems = new List<string>(Errors);
        var csp = await CspViolationsAsync();
        problems.AddRange(csp.Select(v => $"CSP: {v}"));
        problems.AddRange((await AxeViolationsAsync()).Select(v => $"axe: {v}"));
        await ForgetAuditNoiseAsync(csp.Count);
        Assert.True(problems.Count == 0, $"{Page.Url}:\n  " + string.Join("\n  ", problems));
    }

    private async Task ForgetAuditNoiseAsync(int cspSeenBefore)
    {
        // The round trip also lets console events raised during the audit arrive before they are filtered.
        await Page.EvaluateAsync("n => { const all = window.__rnCsp || []; window.__rnCsp = all.slice(0, n).concat(all.slice(n).filter(v => !v.startsWith('style-src-elem blocked inline'))); }", cspSeenBefore);
        lock (_errors)
        {
            _errors.RemoveAll(e => e.StartsWith("console: Applying inline style violates the following Content Security Policy directive 'style-src 'self''", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// Saves a screenshot of one widget as <c>e2e-artifacts/widget-{name}.png</c> and returns its path;
    /// <c>eng/update-doc-screenshots.sh</c> copies these into <c>docs/images</c> for the docs.
    /// </summary>
    public async Task<string> ScreenshotWidgetAsync(string name, ILocator widget)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "e2e-artifacts", "widget-" + name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await widget.ScrollIntoViewIfNeededAsync();
        await widget.ScreenshotAsync(new() { Path = path, Animations = ScreenshotAnimations.Disabled });
        return path;
    }

    /// <summary>Saves a full-page screenshot under the test output's e2e-artifacts folder and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "e2e-artifacts", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
