using Microsoft.Playwright;

namespace RelationalNeuro.Gallery.Tests;

[Collection(nameof(GalleryCollection))]
public sealed class QuestionnaireFormPageTests(GalleryFixture gallery)
{
    private const string PagePath = "widgets/questionnaire";

    [Fact]
    public async Task KeyboardOnly_Who5_AllOnes_ShowsRaw5AndPercentage20()
    {
        // WHO-5 (Topp et al. 2015): five items on 0–5; every item 1 gives raw 5 and percentage 5 × 4 = 20.
        await using var page = await gallery.OpenAsync(PagePath);
        var form = page.Page.Locator("#questionnaire");
        await form.Locator("input[name='item-1']").First.FocusAsync();
        for (var item = 1; item <= 5; item++)
        {
            if (item > 1)
            {
                await page.Page.Keyboard.PressAsync("Tab");
            }

            await page.Page.Keyboard.PressAsync("ArrowRight");
            await Assertions.Expect(form.Locator($"input[name='item-{item}'][value='1']")).ToBeCheckedAsync();
        }

        await page.Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(form.GetByRole(AriaRole.Button, new() { Name = "Score" })).ToBeFocusedAsync();
        await page.Page.Keyboard.PressAsync("Enter");
        var values = form.Locator(".rn-q__value");
        await Assertions.Expect(values).ToHaveTextAsync(["5", "20"]);
        await page.ScreenshotWidgetAsync("questionnaire-who5-scored", form);
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task KeyboardOnly_SubmitIncomplete_FocusesSummaryLinkingTheMissingItems()
    {
        await using var page = await gallery.OpenAsync(PagePath);
        var form = page.Page.Locator("#questionnaire");
        await form.GetByRole(AriaRole.Button, new() { Name = "Score" }).FocusAsync();
        await page.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(form.Locator(".rn-q__summary h3")).ToBeFocusedAsync();
        await Assertions.Expect(form.Locator(".rn-q__summary a")).ToHaveCountAsync(5);
        await page.AssertCleanAsync();
    }
}
