using Microsoft.Playwright;

namespace RelationalNeuro.Gallery.Tests;

/// <summary>The checks every chart page shares (issue 18, item 8): an image with a title and a description, a hidden data table, clean in both themes, inside a 320 px box and legible there, complete without JavaScript.</summary>
internal static class ChartPageChecks
{
    /// <summary>The chart <paramref name="id"/> is one <c>svg role="img"</c> named by its title, described by its desc, followed by a hidden table; the page is clean (axe, CSP, console); a screenshot is kept.</summary>
    public static async Task ImageWithDescriptionAndTable(GalleryFixture gallery, string path, string id, string title, string descriptionPart, string screenshot)
    {
        await using var page = await gallery.OpenAsync(path);
        var image = page.Page.Locator($"#{id} svg[role=img]");
        await Assertions.Expect(image).ToHaveCountAsync(1);
        await Assertions.Expect(image).ToHaveAttributeAsync("aria-labelledby", $"{id}-title");
        await Assertions.Expect(image).ToHaveAttributeAsync("aria-describedby", $"{id}-desc");
        await Assertions.Expect(page.Page.Locator($"#{id}-title")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Page.Locator($"#{id}-desc")).ToContainTextAsync(descriptionPart);
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Img, new() { Name = title })).Not.ToHaveCountAsync(0);

        var table = page.Page.Locator($"#{id} table.rn-chart__table");
        await Assertions.Expect(table).ToHaveCountAsync(1);
        // Visually hidden the usual way (rn-visually-hidden: out of flow and clipped to nothing; a table is fixed rather than
        // absolute, so its content width cannot widen the page), but with rows to read.
        Assert.True(
            await table.EvaluateAsync<bool>("t => { const s = getComputedStyle(t); return s.position === 'fixed' && s.clip === 'rect(0px, 0px, 0px, 0px)' && t.rows.length > 1; }"),
            "the data table is not visually hidden or has no rows");
        Assert.Equal(0, await page.Page.Locator($"#{id} [style]").CountAsync());

        await page.AssertCleanAsync();
        await page.ScreenshotWidgetAsync(screenshot + "-light", page.Page.Locator($"#{id}"));
    }

    /// <summary>Dark theme: clean, and a screenshot of the chart is kept.</summary>
    public static async Task DarkThemeClean(GalleryFixture gallery, string path, string id, string screenshot)
    {
        await using var page = await gallery.OpenAsync(path, new GalleryPageOptions { ColorScheme = ColorScheme.Dark });
        await page.AssertCleanAsync();
        await page.ScreenshotWidgetAsync(screenshot + "-dark", page.Page.Locator($"#{id}"));
    }

    /// <summary>
    /// In a 320 px wide box (the figure given that width through the CSSOM, as a phone column would) the picture stays
    /// inside the box and its smallest text is drawn at 9 px or more (12-unit text in a 400-unit viewBox is 9.6 px).
    /// </summary>
    public static async Task LegibleAt320(GalleryFixture gallery, string path, string id, string screenshot)
    {
        await using var page = await gallery.OpenAsync(path);
        var figure = page.Page.Locator($"#{id}");
        await figure.EvaluateAsync("f => { f.style.inlineSize = '320px'; f.style.maxInlineSize = '320px'; }");
        var svg = figure.Locator("svg");
        await svg.ScrollIntoViewIfNeededAsync();
        var box = (await svg.BoundingBoxAsync())!;
        var frame = (await figure.BoundingBoxAsync())!;
        Assert.True(box.Width <= 320.5 && box.X >= frame.X - 0.5 && box.X + box.Width <= frame.X + frame.Width + 0.5, $"the picture spans {box.X}–{box.X + box.Width} px in a 320 px box at {frame.X}–{frame.X + frame.Width}");
        // The smallest rendered text: font size in viewBox units × rendered width / viewBox width.
        var smallest = await svg.EvaluateAsync<double>(
            "s => Math.min(...[...s.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * s.getBoundingClientRect().width / s.viewBox.baseVal.width))");
        Assert.True(smallest >= 9, $"the smallest text is {smallest:0.0} px in a 320 px box");
        await page.ScreenshotWidgetAsync(screenshot + "-320", figure);
    }

    /// <summary>Without JavaScript the prerendered chart is complete: its description and table are there.</summary>
    public static async Task CompleteWithoutJavaScript(GalleryFixture gallery, string path, string id, string descriptionPart)
    {
        await using var page = await gallery.OpenAsync(path, new GalleryPageOptions { JavaScriptDisabled = true });
        await Assertions.Expect(page.Page.Locator($"#{id}-desc")).ToContainTextAsync(descriptionPart);
        await Assertions.Expect(page.Page.Locator($"#{id} table.rn-chart__table tbody tr").First).ToBeAttachedAsync();
    }

    /// <summary>
    /// No text of the SVG runs past its viewBox, which clips it (svg overflow hidden): the glyphs' own boxes, as the
    /// browser's fonts draw them, mapped into viewBox units (rotations and scales included). Called where chart text is
    /// at its largest (a chart in a narrow container draws its text at 1.25 ×).
    /// </summary>
    public static async Task NoTextCutOffAsync(ILocator svg)
    {
        var clipped = await svg.EvaluateAsync<string>(
            """
            s => {
              const v = s.viewBox.baseVal;
              return [...s.querySelectorAll('text')].filter(t => t.getClientRects().length > 0).map(t => {
                const r = s.getCTM().inverse().multiply(t.getCTM()), b = t.getBBox();
                const corners = [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height], [b.x + b.width, b.y + b.height]]
                  .map(([x, y]) => [r.a * x + r.c * y + r.e, r.b * x + r.d * y + r.f]);
                const xs = corners.map(c => c[0]), ys = corners.map(c => c[1]);
                const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
                return (x0 < v.x - 0.5 || x1 > v.x + v.width + 0.5 || y0 < v.y - 0.5 || y1 > v.y + v.height + 0.5)
                  ? `"${t.textContent}" ${x0.toFixed(1)}–${x1.toFixed(1)} × ${y0.toFixed(1)}–${y1.toFixed(1)}` : null;
              }).filter(x => x).join('; ');
            }
            """);
        Assert.True(clipped.Length == 0, $"text cut off at the viewBox's edge: {clipped}");
    }

    /// <summary>
    /// <see cref="NoTextCutOffAsync"/> for every visible SVG with a viewBox on the page (charts, gauges, wheels); returns
    /// how many were checked.
    /// </summary>
    public static async Task<int> NoTextCutOffOnPageAsync(IPage page)
    {
        var checkedSvgs = 0;
        foreach (var svg in await page.Locator("svg[viewBox]").AllAsync())
        {
            if (await svg.IsVisibleAsync())
            {
                await NoTextCutOffAsync(svg);
                checkedSvgs++;
            }
        }

        return checkedSvgs;
    }
}
