using Microsoft.AspNetCore.Components;
using RelationalNeuro.Emotions;

namespace RelationalNeuro.Components.Tests.FeelingsWheel;

/// <summary>Static server rendering: no circuit, so the wheel is a picture and the choice is a GET form.</summary>
public sealed class FeelingsWheelStaticTests : BunitContext
{
    // Strict JS interop with no planned calls: any import or focus under static rendering fails the test.
    public FeelingsWheelStaticTests() => SetRendererInfo(new RendererInfo("Static", isInteractive: false));

    private IRenderedComponent<Components.FeelingsWheel> RenderStatic(Action<ComponentParameterCollectionBuilder<Components.FeelingsWheel>>? more = null, FeelingTaxonomy? taxonomy = null) =>
        Render<Components.FeelingsWheel>(p =>
        {
            p.Add(w => w.Taxonomy, taxonomy ?? FeelingsWheelTests.Mini);
            more?.Invoke(p);
        });

    [Fact]
    public void Render_Static_IsAGetFormWithAFieldsetPerCore_AndARadioPerFeeling()
    {
        var cut = RenderStatic();
        var form = cut.Find("form.rn-wheel__form");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(["Sad", "Glad"], cut.FindAll("fieldset.rn-wheel__core > legend").Select(l => l.TextContent));
        var radios = cut.FindAll("input[type=radio][name=feeling]");
        Assert.Equal(["sad", "sad/lonely", "sad/hurt", "glad", "glad/calm", "glad/proud"], radios.Select(r => r.GetAttribute("value")));
        Assert.Equal("submit", cut.Find("button.rn-wheel__submit").GetAttribute("type"));
        Assert.Contains("rn-wheel--static", cut.Find("section").ClassList);
    }

    [Fact]
    public void Render_Static_RadioNamesReadAsLabelPaths()
    {
        var cut = RenderStatic();
        var labels = cut.FindAll(".rn-wheel__option label").Select(l => string.Join(' ', l.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(["Sad", "Sad › Lonely", "Sad › Hurt", "Glad", "Glad › Calm", "Glad › Proud"], labels);
        Assert.Equal("Sad › ", cut.FindAll(".rn-wheel__option .rn-visually-hidden")[0].TextContent);
    }

    [Fact]
    public void Render_Static_ThePictureIsHiddenFromAssistiveTechnology_AndNotFocusable()
    {
        var cut = RenderStatic(p => p.Add(w => w.Value, "glad/calm"));
        var svg = cut.Find("svg");
        Assert.Equal("true", svg.GetAttribute("aria-hidden"));
        Assert.Null(svg.GetAttribute("role"));
        Assert.Empty(cut.FindAll("svg [tabindex], svg [role]"));
        Assert.Equal(6, cut.FindAll(".rn-wheel__segment").Count);
        Assert.Single(cut.FindAll(".rn-wheel__mark"));
        Assert.Empty(cut.FindAll(".rn-wheel__zoom"));
    }

    [Fact]
    public void Render_Static_TheBoundValueIsChecked_AndShown()
    {
        var cut = RenderStatic(p => p.Add(w => w.Value, "glad/calm"));
        Assert.Equal(["glad/calm"], cut.FindAll("input[checked]").Select(i => i.GetAttribute("value")));
        Assert.Equal("Selected: Glad › Calm", cut.Find(".rn-wheel__status").TextContent);
    }

    [Fact]
    public void Render_StaticMultiple_UsesCheckboxesUnderOneName()
    {
        var cut = RenderStatic(p => p.Add(w => w.Multiple, true).Add(w => w.Values, ["sad", "glad/proud"]).Add(w => w.FieldName, "f"));
        Assert.Equal(6, cut.FindAll("input[type=checkbox][name=f]").Count);
        Assert.Equal(["sad", "glad/proud"], cut.FindAll("input[checked]").Select(i => i.GetAttribute("value")));
        Assert.Empty(cut.FindAll(".rn-wheel__intensity"));
    }

    [Fact]
    public void Render_StaticWithIntensity_AddsOneScaleNamedAfterTheField()
    {
        var cut = RenderStatic(p => p.Add(w => w.IntensityMax, 4).Add(w => w.Value, "sad")
            .Add(w => w.Intensities, new Dictionary<string, int> { ["sad"] = 3 }));
        var levels = cut.FindAll(".rn-wheel__intensity input[type=radio][name=feeling-intensity]");
        Assert.Equal(["1", "2", "3", "4"], levels.Select(i => i.GetAttribute("value")));
        Assert.True(levels[2].HasAttribute("checked"));
        Assert.Equal("How strong is it? 1 = faint, 4 = strong", cut.Find(".rn-wheel__intensity legend").TextContent);
    }

    [Fact]
    public void Render_StaticBuiltInWheel_OneFieldsetPerCore_OneRadioPerFeeling()
    {
        var wheel = FeelingWheels.RelationalNeuro;
        var cut = RenderStatic(taxonomy: wheel);
        Assert.Equal(wheel.Roots.Count, cut.FindAll("fieldset.rn-wheel__core").Count);
        Assert.Equal(wheel.Count, cut.FindAll("input[type=radio][name=feeling]").Count);
        Assert.Empty(cut.FindAll("[style]"));
    }
}
