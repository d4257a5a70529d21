using System.Collections.Immutable;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using RelationalNeuro.Components.Tests.Localization;
using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Components.Tests.QuestionnaireForm;

/// <summary>
/// The form over every catalog instrument, scored against <see cref="InstrumentScorer"/> (which is checked against
/// published references in the Core tests); a small hand-written definition pins the markup.
/// </summary>
public class QuestionnaireFormTests : BunitContext
{
    public QuestionnaireFormTests() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    public static TheoryData<string> CatalogIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in InstrumentCatalog.Ids)
        {
            data.Add(id);
        }

        return data;
    }

    // Two items, wording withheld, a 1–2 scale: small enough to write the expected markup by hand.
    private static readonly InstrumentDefinition Demo = new()
    {
        Id = "demo",
        Name = "Demo scale",
        ShortName = "DEMO",
        Version = "1",
        Citation = "Author A (2020). Demo. J Demo 1:1.",
        Licence = new InstrumentLicence("Wording copyrighted.", ShipItemWording: false),
        Scale = new ResponseScale { Min = 1, Max = 2, Options = [new ResponseOption(1, "No"), new ResponseOption(2, "Yes")] },
        Items = [new InstrumentItem(1, "demo-01"), new InstrumentItem(2, "demo-02")],
        ReverseKeyed = [2],
        Subscales = [new SubscaleDefinition { Id = "total", Name = "Total", Items = [1, 2] }],
    };

    [Fact]
    public void CatalogIds_AreNotEmpty() => Assert.True(InstrumentCatalog.Ids.Length >= 10, $"only {InstrumentCatalog.Ids.Length} catalog instruments");

    [Theory]
    [MemberData(nameof(CatalogIds))]
    public void Submit_EveryItemFirstOption_RaisesTheScorersResult(string id)
    {
        var definition = InstrumentCatalog.Get(id);
        ScoreResult? raised = null;
        var cut = Render<Components.QuestionnaireForm>(p => p.Add(f => f.Definition, definition).Add(f => f.OnSubmit, r => raised = r));

        Assert.Equal(definition.Items.Length, cut.FindAll("fieldset").Count);
        var first = definition.Scale.Options.IsDefaultOrEmpty ? definition.Scale.Min : definition.Scale.Options[0].Value;
        foreach (var item in definition.Items)
        {
            cut.Find($"input[name='item-{item.Number}'][value='{first}']").Change(true);
        }

        cut.Find("form").Submit();

        Assert.NotNull(raised);
        var expected = InstrumentCatalog.GetScorer(id).Score(definition.Items.Select(i => new KeyValuePair<int, double?>(i.Number, first)));
        Assert.Equal(expected.InstrumentId, raised.InstrumentId);
        Assert.Equal(expected.ItemsAnswered, raised.ItemsAnswered);
        Assert.Equal(expected.Subscales.ToArray(), raised.Subscales.ToArray());
        Assert.Equal(expected.Problems.Select(p => p.Code), raised.Problems.Select(p => p.Code));
        Assert.Equal(definition.Items.Length, raised.ItemsAnswered);
        Assert.Empty(cut.FindAll("[aria-invalid=true]"));
        Assert.Contains(definition.Citation, cut.Find(".rn-q__citation").TextContent, StringComparison.Ordinal);
        Assert.Contains(definition.Licence.Statement, cut.Find(".rn-q__licence").TextContent, StringComparison.Ordinal);
        // The withheld-wording notice appears exactly when the licence keeps items without text.
        Assert.Equal(!definition.Licence.ShipItemWording && definition.Items.Any(i => i.Text is null), cut.FindAll(".rn-q__withheld").Count == 1);
    }

    [Theory]
    [MemberData(nameof(CatalogIds))]
    public void Render_EveryCatalogInstrument_OffersEveryScalePointWithItsAnchor(string id)
    {
        // A response is any whole point from Min to Max (ResponseScale's definition), not only the labelled anchors:
        // the ECR family labels 1, 4 and 7 of its 1–7 scale and a person may answer 2, 3, 5 or 6.
        var definition = InstrumentCatalog.Get(id);
        var cut = Render<Components.QuestionnaireForm>(p => p.Add(f => f.Definition, definition));

        var expected = Enumerable.Range(definition.Scale.Min, definition.Scale.Count).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        foreach (var item in definition.Items)
        {
            var values = cut.FindAll($"input[name='item-{item.Number}']").Select(i => i.GetAttribute("value")).ToArray();
            Assert.Equal(expected, values);
        }

        foreach (var option in definition.Scale.Options)
        {
            var label = cut.Find($"label[for='rn-q-{id}-item-1-{option.Value}']");
            Assert.Contains(option.Label, label.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Submit_EcrRsAnswersBetweenAnchors_ScoresByHand()
    {
        // ECR-RS (Fraley et al. 2011): avoidance = mean of items 1–6 with 1–4 reversed (8 − x), anxiety = mean of 7–9.
        // Items 1–4 answered 6 → 2 each, items 5–6 answered 3 → avoidance (2·4 + 3·2) / 6 = 14 / 6 = 2.333…;
        // items 7–9 answered 5 → anxiety 5. Values 6, 3 and 5 have no anchor label on the 1/4/7-anchored scale.
        var definition = InstrumentCatalog.Get("ecr-rs");
        ScoreResult? raised = null;
        var cut = Render<Components.QuestionnaireForm>(p => p.Add(f => f.Definition, definition).Add(f => f.OnSubmit, r => raised = r));
        foreach (var (item, value) in new[] { (1, 6), (2, 6), (3, 6), (4, 6), (5, 3), (6, 3), (7, 5), (8, 5), (9, 5) })
        {
            cut.Find($"input[name='item-{item}'][value='{value}']").Change(true);
        }

        cut.Find("form").Submit();

        Assert.NotNull(raised);
        Assert.Equal(14.0 / 6.0, raised["avoidance"].Score!.Value, 12);
        Assert.Equal(5.0, raised["anxiety"].Score);
    }

    [Fact]
    public void Render_DemoDefinition_MatchesHandWrittenMarkup()
    {
        var cut = Render<Components.QuestionnaireForm>(p => p.Add(f => f.Definition, Demo));
        cut.MarkupMatches("""
            <section class="rn-q" aria-labelledby="rn-q-demo-item-title">
              <h2 class="rn-q__title" id="rn-q-demo-item-title">Demo scale (DEMO)</h2>
              <p class="rn-q__citation">Citation: Author A (2020). Demo. J Demo 1:1.</p>
              <p class="rn-q__licence">Licence: Wording copyrighted.</p>
              <p class="rn-q__withheld" id="rn-q-demo-item-withheld">The licence does not allow this package to ship the item wording. Items are shown by number with the scale's anchors; read each item from your licensed copy, or load the licensed wording into the form.</p>
              <form class="rn-q__form" novalidate>
                <fieldset class="rn-q__item" id="rn-q-demo-item-1">
                  <legend class="rn-q__legend">Item 1</legend>
                  <div class="rn-q__options">
                    <div class="rn-q__option"><input type="radio" id="rn-q-demo-item-1-1" name="item-1" value="1" /><label for="rn-q-demo-item-1-1"><span class="rn-q__option-value">1</span> No</label></div>
                    <div class="rn-q__option"><input type="radio" id="rn-q-demo-item-1-2" name="item-1" value="2" /><label for="rn-q-demo-item-1-2"><span class="rn-q__option-value">2</span> Yes</label></div>
                  </div>
                </fieldset>
                <fieldset class="rn-q__item" id="rn-q-demo-item-2">
                  <legend class="rn-q__legend">Item 2</legend>
                  <div class="rn-q__options">
                    <div class="rn-q__option"><input type="radio" id="rn-q-demo-item-2-1" name="item-2" value="1" /><label for="rn-q-demo-item-2-1"><span class="rn-q__option-value">1</span> No</label></div>
                    <div class="rn-q__option"><input type="radio" id="rn-q-demo-item-2-2" name="item-2" value="2" /><label for="rn-q-demo-item-2-2"><span class="rn-q__option-value">2</span> Yes</label></div>
                  </div>
                </fieldset>
                <button type="submit" class="rn-q__submit">Score</button>
              </form>
              <div class="rn-q__result" role="status"></div>
            </section>
            """);
    }

    [Fact]
    public void Submit_DemoYesYes_ScoresByHand()
    {
        // Item 1 = 2; item 2 = 2 reverse-keyed on 1..2 → 1 + 2 − 2 = 1; sum 3.
        ScoreResult? raised = null;
        var cut = Render<Components.QuestionnaireForm>(p => p.Add(f => f.Definition, Demo).Add(f => f.OnSubmit, r => raised = r));
        cut.Find("input[name='item-1'][value='2']").Change(true);
        cut.Find("input[name='item-2'][value='2']").Change(true);
        cut.Find("form").Submit();

        Assert.NotNull(raised);
        Assert.Equal(3.0, raised["total"].Score);
        Assert.Equal("3", cut.Find(".rn-q__value[data-subscale=total]").TextContent);
    }

    [Fact]
    public void Submit_WithUnansweredItem_OnAPageWithAQuery_LinksTheItemOnThatPage()
    {
        // Under <base href="/"> a bare "#id" would resolve to the site root; the link carries the page's path and query.
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo("assess?instrument=demo");
        var cut = Render<Components.QuestionnaireForm>(p => p.Add(f => f.Definition, Demo));
        cut.Find("input[name='item-1'][value='1']").Change(true);
        cut.Find("form").Submit();

        Assert.Equal("assess?instrument=demo#rn-q-demo-item-2", cut.Find(".rn-q__summary a").GetAttribute("href"));
    }

    [Fact]
    public void Submit_WithUnansweredItem_MarksItLinksItAndDoesNotScore()
    {
        ScoreResult? raised = null;
        var cut = Render<Components.QuestionnaireForm>(p => p.Add(f => f.Definition, Demo).Add(f => f.OnSubmit, r => raised = r));
        cut.Find("input[name='item-1'][value='1']").Change(true);
        cut.Find("form").Submit();

        Assert.Null(raised);
        Assert.Equal("1 item(s) still to answer", cut.Find(".rn-q__summary h3").TextContent);
        Assert.Equal("#rn-q-demo-item-2", cut.Find(".rn-q__summary a").GetAttribute("href"));
        Assert.Equal("rn-q-demo-item-2-error", cut.Find("#rn-q-demo-item-2").GetAttribute("aria-describedby"));
        Assert.Equal("Choose an answer for this item.", cut.Find("#rn-q-demo-item-2-error").TextContent);
        Assert.All(cut.FindAll("input[name='item-2']"), i => Assert.Equal("true", i.GetAttribute("aria-invalid")));
        Assert.Null(cut.Find("#rn-q-demo-item-1").GetAttribute("aria-describedby"));

        // Answering clears the mark at once.
        cut.Find("input[name='item-2'][value='1']").Change(true);
        Assert.Empty(cut.FindAll("[aria-invalid=true]"));
        Assert.Empty(cut.FindAll(".rn-q__summary"));
    }

    [Fact]
    public void Render_GermanUiCulture_UsesGermanTextAndInvariantNumbers()
    {
        using var culture = new UiCulture("de-DE");
        var cut = Render<Components.QuestionnaireForm>(p => p.Add(f => f.Definition, InstrumentCatalog.Get("erq"))
            .Add(f => f.Answers, new Dictionary<int, int> { [1] = 4, [2] = 2, [3] = 4, [4] = 1, [5] = 4, [6] = 1, [7] = 4, [8] = 1, [9] = 1, [10] = 4 })
            .Add(f => f.ShowValidation, true));

        Assert.Equal("Auswerten", cut.Find(".rn-q__submit").TextContent);
        Assert.Equal("Ergebnis", cut.Find(".rn-q__result h3").TextContent);
        // ERQ means (Gross & John 2003; docs/questionnaires.md worked row): reappraisal 21 / 6 = 3.5, suppression 5 / 4 = 1.25.
        var values = cut.FindAll(".rn-q__value").Select(v => v.TextContent).ToArray();
        Assert.Contains("3.5", values);
        Assert.Contains("1.25", values);
        Assert.DoesNotContain(values, v => v.Contains(',', StringComparison.Ordinal));
    }

    [Fact]
    public async Task InsideEditForm_ValidateAddsMessagesPerItem_AndCompleteRaisesScore()
    {
        ScoreResult? raised = null;
        var model = new object();
        var cut = Render<EditForm>(p => p.Add(f => f.Model, model).Add(f => f.ChildContent, (RenderFragment<EditContext>)(_ => b =>
        {
            b.OpenComponent<Components.QuestionnaireForm>(0);
            b.AddAttribute(1, nameof(Components.QuestionnaireForm.Definition), Demo);
            b.AddAttribute(2, nameof(Components.QuestionnaireForm.OnSubmit), EventCallback.Factory.Create<ScoreResult>(this, r => raised = r));
            b.CloseComponent();
        })));

        Assert.Single(cut.FindAll("form"));   // no nested form
        var context = cut.Instance.EditContext!;
        Assert.False(await cut.InvokeAsync(context.Validate));
        Assert.Equal(["Item 1: choose an answer.", "Item 2: choose an answer."], context.GetValidationMessages());

        cut.Find("input[name='item-1'][value='2']").Change(true);
        cut.Find("input[name='item-2'][value='1']").Change(true);
        Assert.Empty(context.GetValidationMessages());
        Assert.True(await cut.InvokeAsync(context.Validate));
        cut.WaitForAssertion(() => Assert.NotNull(raised));
        // Item 2 = 1 reverse-keyed → 2; 2 + 2 = 4.
        Assert.Equal(4.0, raised!["total"].Score);
    }
}
