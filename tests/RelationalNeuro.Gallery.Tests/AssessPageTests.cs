using System.Globalization;
using System.Net;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RelationalNeuro.Interventions;
using RelationalNeuro.Questionnaires;
using FhirModel = Hl7.Fhir.Model;

namespace RelationalNeuro.Gallery.Tests;

/// <summary>
/// The Assess flow (issue 19, item 2): choose, answer, score, read the quadrant, save to a client, download FHIR. The page
/// is rendered on the server only, so it is opened without waiting for a circuit; each test ends with the axe, CSP and
/// console checks.
/// </summary>
[Collection(nameof(GalleryCollection))]
public sealed class AssessPageTests(GalleryFixture gallery)
{
    private const string PagePath = "assess";

    private static readonly GalleryPageOptions Static = new() { WaitForInteractive = false };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // ECR-RS answers used below, by item number. The scale is 1–7 with anchors only at 1, 4 and 7; every value here lies
    // between anchors. Scoring (Fraley et al. 2011): avoidance = mean of items 1–6 with items 1–4 reversed (8 − x); anxiety
    // = mean of items 7–9. Items 1–4 = 6 → 2 each; items 5–6 = 3 → avoidance (2·4 + 3·2) / 6 = 2.33; items 7–9 = 5 →
    // anxiety 5. Anxiety above the midpoint 4 and avoidance at or below it is Bartholomew's "preoccupied" region.
    private static readonly (int Item, int Value)[] EcrRsPreoccupied = [(1, 6), (2, 6), (3, 6), (4, 6), (5, 3), (6, 3), (7, 5), (8, 5), (9, 5)];

    [Fact]
    public async Task KeyboardOnly_ChooseAnswerAndScorePss4_ShowsTheTotalDerivedByHand()
    {
        // PSS-4 (Cohen & Williamson 1988): four items rated 0 "never" to 4 "very often"; items 2 and 3 are worded positively
        // and reversed (4 − x); the score is the sum, 0–16. In a radio group with nothing checked, focus lands on the first
        // option (0) and each ArrowRight moves to and checks the next: item 1 → 1; item 2 → 3, reversed 1; item 3 → 4,
        // reversed 0; item 4 → 2. Total 1 + 1 + 0 + 2 = 4.
        await using var page = await gallery.OpenAsync(PagePath, Static);
        var keyboard = page.Page.Keyboard;
        await page.Page.Locator("#assess-instrument").FocusAsync();
        await keyboard.TypeAsync("PSS-4");
        await Assertions.Expect(page.Page.Locator("#assess-instrument")).ToHaveValueAsync("pss-4");
        await keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Page.Locator("#assess-client")).ToBeFocusedAsync();
        await keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Open" })).ToBeFocusedAsync();
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Page.Locator("#assess-questionnaire h2")).ToContainTextAsync("PSS-4");

        // Skip link, then Tab through the page to the first item.
        var first = page.Page.Locator("input[type=radio][name='item-1']").First;
        for (var i = 0; i < 40 && !await first.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await keyboard.PressAsync("Tab");
        }

        await Assertions.Expect(first).ToBeFocusedAsync();
        int[] presses = [1, 3, 4, 2];
        for (var item = 1; item <= 4; item++)
        {
            if (item > 1)
            {
                await keyboard.PressAsync("Tab");
            }

            for (var p = 0; p < presses[item - 1]; p++)
            {
                await keyboard.PressAsync("ArrowRight");
            }

            await Assertions.Expect(page.Page.Locator($"input[type=radio][name='item-{item}'][value='{presses[item - 1]}']")).ToBeCheckedAsync();
        }

        await keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Button, new() { Name = "Score" })).ToBeFocusedAsync();
        await keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Page.Locator("#assess-questionnaire .rn-q__value[data-subscale=total]")).ToHaveTextAsync("4");
        await Assertions.Expect(page.Page.Locator("input[type=radio][name='item-3'][value='4']")).ToBeCheckedAsync();
        await page.ScreenshotAsync("assess-pss4-scored");
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task AttachmentInstrument_ShowsItemNumbersWithAnchors_AndThePointInThePreoccupiedRegion()
    {
        await using var page = await gallery.OpenAsync(PagePath + "?instrument=ecr-rs", Static);
        var form = page.Page.Locator("#assess-questionnaire");
        // Keys-only licence: the form says so and shows item numbers with the scale's anchors.
        await Assertions.Expect(form.Locator(".rn-q__licence")).ToContainTextAsync("keys only");
        await Assertions.Expect(form.Locator(".rn-q__withheld")).ToBeVisibleAsync();
        await Assertions.Expect(form.Locator("legend").First).ToHaveTextAsync("Item 1");
        await Assertions.Expect(form.Locator("label[for='rn-q-ecr-rs-item-1-1']")).ToContainTextAsync("Strongly disagree");
        await Assertions.Expect(form.Locator("input[name='item-1']")).ToHaveCountAsync(7);

        await AnswerAsync(page.Page, EcrRsPreoccupied);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Score" }).ClickAsync();

        await Assertions.Expect(form.Locator(".rn-q__value[data-subscale=anxiety]")).ToHaveTextAsync("5");
        await Assertions.Expect(form.Locator(".rn-q__value[data-subscale=avoidance]")).ToHaveTextAsync("2.33");
        await Assertions.Expect(page.Page.Locator("#assess-region strong")).ToHaveTextAsync("preoccupied");
        var quadrant = page.Page.Locator("#assess-quadrant");
        await Assertions.Expect(quadrant.Locator("table tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(quadrant.Locator("table tbody tr td").Last).ToHaveTextAsync("Preoccupied");
        Assert.True(await InRegionAsync(quadrant, "preoccupied"), "the current point is not drawn inside the preoccupied region");
        await page.ScreenshotWidgetAsync("assess-ecr-rs-quadrant", quadrant);
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task SaveToClient_ListsTheScore_DrawsThePathFromTheEarlierOne_AndRefusesASecondSave()
    {
        var store = gallery.Services.GetRequiredService<IPracticeStore>();
        var client = new Client { Id = Guid.NewGuid(), DisplayName = "Assess client " + Guid.NewGuid().ToString("N")[..6], TimeZoneId = "Europe/Berlin", CreatedAt = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero) };
        await store.AddClientAsync(client, Ct);
        // An intake ECR-RS in the fearful region (anxiety 6 and avoidance 5.5, both above 4).
        await store.AddQuestionnaireScoreAsync(new QuestionnaireScore
        {
            Id = Guid.NewGuid(),
            ClientId = client.Id,
            CompletedAt = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero),
            InstrumentId = "ecr-rs",
            Scores = new Dictionary<string, double> { ["avoidance"] = 5.5, ["anxiety"] = 6 },
        }, Ct);

        var archived = new Client { Id = Guid.NewGuid(), DisplayName = "Archived " + client.DisplayName, TimeZoneId = "Europe/Berlin", CreatedAt = client.CreatedAt };
        await store.AddClientAsync(archived, Ct);
        await store.UpdateClientAsync(archived with { ArchivedAt = client.CreatedAt.AddDays(1) }, Ct);

        await using var page = await gallery.OpenAsync($"{PagePath}?instrument=ecr-rs&client={client.Id:D}", Static);
        await Assertions.Expect(page.Page.Locator("#assess-client")).ToHaveValueAsync(client.Id.ToString("D"));
        await Assertions.Expect(page.Page.Locator($"#assess-client option[value='{archived.Id:D}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Page.Locator("#assess-saved tbody tr")).ToHaveCountAsync(1);
        await AnswerAsync(page.Page, EcrRsPreoccupied);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Score" }).ClickAsync();

        var quadrant = page.Page.Locator("#assess-quadrant");
        await Assertions.Expect(quadrant.Locator("table tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(quadrant.Locator("table tbody tr").First.Locator("td").Last).ToHaveTextAsync("Fearful");
        await Assertions.Expect(quadrant.Locator(".rn-attachment__path")).ToHaveCountAsync(1);

        var save = page.Page.GetByRole(AriaRole.Button, new() { Name = "Save to " + client.DisplayName });
        await save.ClickAsync();
        await Assertions.Expect(page.Page.Locator("#assess-save-status")).ToHaveTextAsync($"Saved to {client.DisplayName}.");
        var rows = page.Page.Locator("#assess-saved tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.First).ToContainTextAsync("ECR-RS");
        await Assertions.Expect(rows.First).ToContainTextAsync("Anxiety 5");
        await Assertions.Expect(rows.First).ToContainTextAsync("Avoidance 2.33");
        // The saved response is the current point, drawn once.
        await Assertions.Expect(quadrant.Locator("table tbody tr")).ToHaveCountAsync(2);

        var saved = await store.ListQuestionnaireScoresAsync(client.Id, Ct);
        Assert.Equal(2, saved.Count);
        Assert.Equal(5.0, saved[^1].Scores["anxiety"]);
        Assert.Equal(14.0 / 6.0, saved[^1].Scores["avoidance"], 12);

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Save to " + client.DisplayName }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("#assess-save-status")).ToHaveTextAsync($"Already saved to {client.DisplayName}.");
        Assert.Equal(2, (await store.ListQuestionnaireScoresAsync(client.Id, Ct)).Count);
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task DownloadFhir_ParsesInFirely_WithTheAnswersAndTheScore()
    {
        // PSS-4 answered 1, 3, 4, 2: total 1 + (4 − 3) + (4 − 4) + 2 = 4 (items 2 and 3 reversed; Cohen & Williamson 1988).
        await using var page = await gallery.OpenAsync(PagePath + "?instrument=pss-4", Static);
        await AnswerAsync(page.Page, [(1, 1), (2, 3), (3, 4), (4, 2)]);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Score" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator(".rn-q__value[data-subscale=total]")).ToHaveTextAsync("4");

        var download = await page.Page.RunAndWaitForDownloadAsync(() =>
            page.Page.GetByRole(AriaRole.Button, new() { Name = "Download FHIR QuestionnaireResponse" }).ClickAsync());
        Assert.StartsWith("pss-4-response-", download.SuggestedFilename, StringComparison.Ordinal);
        var json = await File.ReadAllTextAsync((await download.PathAsync())!, Ct);

        var response = FhirJsonDeserializer.STRICT.Deserialize<FhirModel.QuestionnaireResponse>(json);
        Assert.Equal(FhirModel.QuestionnaireResponse.QuestionnaireResponseStatus.Completed, response.Status);
        Assert.Equal(FhirMapper.CanonicalUrl(InstrumentCatalog.Get("pss-4")) + "|1988", response.Questionnaire);
        Assert.NotNull(response.Authored);
        Assert.Null(response.Subject);
        // PSS-4's scale carries LOINC answer codes: 1 "Almost never" LA13866-1, 2 "Sometimes" LA10082-8,
        // 3 "Fairly often" LA16644-9, 4 "Very often" LA14985-8.
        var definition = InstrumentCatalog.Get("pss-4");
        string[] expected = ["LA13866-1", "LA16644-9", "LA14985-8", "LA10082-8"];
        for (var i = 0; i < 4; i++)
        {
            var item = response.Item.Single(x => x.LinkId == definition.Items[i].LinkId);
            var coding = Assert.IsType<FhirModel.Coding>(Assert.Single(item.Answer).Value);
            Assert.Equal("http://loinc.org", coding.System);
            Assert.Equal(expected[i], coding.Code);
        }

        var total = response.Item.Single(x => x.LinkId == "pss-4-score-total");
        Assert.Equal(4m, Assert.IsType<FhirModel.FhirDecimal>(Assert.Single(total.Answer).Value).Value);
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task WithoutJavaScript_TheFormPostsWithAntiforgery_MarksTheMissingItem_ThenScores()
    {
        await using var page = await gallery.OpenAsync(PagePath + "?instrument=pss-4", new GalleryPageOptions { JavaScriptDisabled = true });
        var form = page.Page.Locator("#assess-form");
        await Assertions.Expect(form.Locator("input[name='__RequestVerificationToken']")).ToHaveCountAsync(1);
        await Assertions.Expect(form.Locator("input[name='_handler']")).ToHaveValueAsync("assess");

        await AnswerAsync(page.Page, [(1, 1), (2, 3), (3, 4)]);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Score" }).ClickAsync();
        var missing = page.Page.Locator(".rn-q__summary a");
        await Assertions.Expect(missing).ToHaveCountAsync(1);
        // The link stays on this page (under <base href="/"> a bare fragment would lead to the home page).
        await Assertions.Expect(missing).ToHaveAttributeAsync("href", "assess?instrument=pss-4#rn-q-pss-4-item-4");
        await Assertions.Expect(page.Page.Locator("input[type=radio][name='item-3'][value='4']")).ToBeCheckedAsync();

        // Same answers as the keyboard test: total 4.
        await page.Page.Locator("input[type=radio][name='item-4'][value='2']").CheckAsync();
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Score" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator(".rn-q__value[data-subscale=total]")).ToHaveTextAsync("4");
    }

    [Fact]
    public async Task BandedInstrument_Ucla3_ShowsTheScoreItsBandAndASummaryAtTheTop()
    {
        // UCLA-3 (Hughes et al. 2004): three items rated 1 "hardly ever" to 3 "often", none reversed, summed (3–9); the
        // catalog's bands read 3–5 "not lonely" and 6–9 "lonely". Answers 2, 2, 3 → 7 → "lonely".
        await using var page = await gallery.OpenAsync(PagePath + "?instrument=ucla-3", Static);
        await AnswerAsync(page.Page, [(1, 2), (2, 2), (3, 3)]);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Score" }).ClickAsync();

        var score = page.Page.Locator("#assess-questionnaire .rn-q__score");
        await Assertions.Expect(score.Locator(".rn-q__value")).ToHaveTextAsync("7");
        await Assertions.Expect(score.Locator(".rn-q__band")).ToHaveTextAsync("lonely");
        await Assertions.Expect(page.Page.Locator("#assess-scored")).ToContainTextAsync("UCLA-3 scored: Loneliness 7 (lonely).");
        await Assertions.Expect(page.Page.Locator("#assess-scored a")).ToHaveAttributeAsync("href", "assess?instrument=ucla-3#assess-keep");
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task Posts_WithoutAnAntiforgeryToken_AreRefused()
    {
        using var client = new HttpClient { BaseAddress = gallery.BaseAddress };
        var fields = new Dictionary<string, string> { ["_handler"] = "assess", ["instrument"] = "pss-4", ["item-1"] = "1", ["item-2"] = "1", ["item-3"] = "1", ["item-4"] = "1" };
        using var page = await client.PostAsync(PagePath + "?instrument=pss-4", new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        using var fhir = await client.PostAsync("assess/fhir", new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, fhir.StatusCode);
    }

    [Fact]
    public async Task Save_AfterTheClientWasDeleted_SaysSoAndSavesNothing()
    {
        var store = gallery.Services.GetRequiredService<IPracticeStore>();
        var client = new Client { Id = Guid.NewGuid(), DisplayName = "Gone client", TimeZoneId = "Europe/Berlin", CreatedAt = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero) };
        await store.AddClientAsync(client, Ct);
        await using var page = await gallery.OpenAsync($"{PagePath}?instrument=pss-4&client={client.Id:D}", Static);
        await AnswerAsync(page.Page, [(1, 1), (2, 3), (3, 4), (4, 2)]);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Score" }).ClickAsync();
        var save = page.Page.GetByRole(AriaRole.Button, new() { Name = "Save to Gone client" });
        await Assertions.Expect(save).ToBeVisibleAsync();

        Assert.True(await store.DeleteClientAsync(client.Id, Ct));
        await save.ClickAsync();
        await Assertions.Expect(page.Page.Locator("#assess-save-status")).ToHaveTextAsync("Not saved: that client does not exist (any more). Choose one above.");
        Assert.Empty(await store.ListQuestionnaireScoresAsync(client.Id, Ct));
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task Save_WhileAnotherProgramLocksTheStore_SaysNotSaved_KeepsTheAnswers_AndSavesOnceAfterwards()
    {
        var store = gallery.Services.GetRequiredService<IPracticeStore>();
        var client = new Client { Id = Guid.NewGuid(), DisplayName = "Locked store client", TimeZoneId = "Europe/Berlin", CreatedAt = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero) };
        await store.AddClientAsync(client, Ct);
        await using var page = await gallery.OpenAsync($"{PagePath}?instrument=pss-4&client={client.Id:D}", Static);
        await AnswerAsync(page.Page, [(1, 1), (2, 3), (3, 4), (4, 2)]);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Score" }).ClickAsync();
        var save = page.Page.GetByRole(AriaRole.Button, new() { Name = "Save to Locked store client" });
        await Assertions.Expect(save).ToBeVisibleAsync();

        using (StoreLock.Hold(gallery.PracticeStorePath))
        {
            await save.ClickAsync();
            var status = page.Page.Locator("#assess-save-status");
            await Assertions.Expect(status).ToContainTextAsync("Not saved:", new() { Timeout = 30_000 });
            await Assertions.Expect(status).ToContainTextAsync("locked by another connection");
            await Assertions.Expect(status).ToContainTextAsync("The answers are still here");
        }

        // The page is whole (the same four answers, the score), and the same response saves once the lock is gone.
        Assert.Empty(await store.ListQuestionnaireScoresAsync(client.Id, Ct));
        await Assertions.Expect(page.Page.Locator("input[type=radio][name='item-3'][value='4']")).ToBeCheckedAsync();
        await Assertions.Expect(page.Page.Locator("#assess-questionnaire .rn-q__value[data-subscale=total]")).ToHaveTextAsync("4");
        await save.ClickAsync();
        await Assertions.Expect(page.Page.Locator("#assess-save-status")).ToHaveTextAsync("Saved to Locked store client.");
        Assert.Single(await store.ListQuestionnaireScoresAsync(client.Id, Ct));
        await page.AssertCleanAsync();
    }

    [Fact]
    public async Task UnknownInstrument_IsNamedAsText_AndNoFormIsShown()
    {
        using var client = new HttpClient { BaseAddress = gallery.BaseAddress };
        var html = await client.GetStringAsync(PagePath + "?instrument=%3Cscript%3Ealert(1)%3C%2Fscript%3E", Ct);
        Assert.Contains("“&lt;script&gt;alert(1)&lt;/script&gt;” is not an instrument of the catalog.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"assess-form\"", html, StringComparison.Ordinal);
    }

    private static async Task AnswerAsync(IPage page, IEnumerable<(int Item, int Value)> answers)
    {
        foreach (var (item, value) in answers)
        {
            await page.Locator($"input[type=radio][name='item-{item}'][value='{value.ToString(CultureInfo.InvariantCulture)}']").CheckAsync();
        }
    }

    /// <summary>Whether the centre of the current point lies inside the named region's rectangle (SVG user units).</summary>
    private static Task<bool> InRegionAsync(ILocator quadrant, string region) =>
        quadrant.EvaluateAsync<bool>(
            "(q, region) => { const r = q.querySelector('.rn-attachment__region--' + region).getBBox(); const p = q.querySelector('.rn-attachment__point--current');" +
            " const x = +p.getAttribute('cx'), y = +p.getAttribute('cy'); return x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height; }",
            region);
}
