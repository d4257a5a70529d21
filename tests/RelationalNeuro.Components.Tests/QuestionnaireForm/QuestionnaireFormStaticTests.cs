using Microsoft.AspNetCore.Components;
using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Components.Tests.QuestionnaireForm;

/// <summary>Static rendering: a plain POST form with named fields, and a page that passes the posted answers back.</summary>
public class QuestionnaireFormStaticTests : BunitContext
{
    public QuestionnaireFormStaticTests() => SetRendererInfo(new RendererInfo("Static", isInteractive: false));

    [Fact]
    public void Render_Static_PostFormWithNamedRequiredRadios()
    {
        var definition = InstrumentCatalog.Get("who-5");
        var cut = Render<Components.QuestionnaireForm>(p => p.Add(f => f.Definition, definition).Add(f => f.FieldName, "who"));
        var form = cut.Find("form");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal(definition.Items.Length * definition.Scale.Count, cut.FindAll("input[type=radio][required]").Count);
        Assert.Equal(definition.Scale.Count, cut.FindAll("input[name='who-1']").Count);
        Assert.Equal("submit", cut.Find("button").GetAttribute("type"));
    }

    [Fact]
    public void Render_StaticWithPostedAnswers_ShowsScoreOrMissing()
    {
        // WHO-5 all items 3: raw 15, percentage 15 × 4 = 60 (Topp et al. 2015).
        var definition = InstrumentCatalog.Get("who-5");
        var all = definition.Items.ToDictionary(i => i.Number, _ => 3);
        var cut = Render<Components.QuestionnaireForm>(p => p.Add(f => f.Definition, definition).Add(f => f.Answers, all).Add(f => f.ShowValidation, true));
        var values = cut.FindAll(".rn-q__value").Select(v => v.TextContent).ToArray();
        Assert.Contains("15", values);
        Assert.Contains("60", values);
        Assert.Equal(definition.Items.Length, cut.FindAll("input[checked]").Count);

        all.Remove(5);
        cut = Render<Components.QuestionnaireForm>(p => p.Add(f => f.Definition, definition).Add(f => f.Answers, all).Add(f => f.ShowValidation, true));
        Assert.Empty(cut.FindAll(".rn-q__value"));
        Assert.Single(cut.FindAll(".rn-q__summary li"));
    }
}
