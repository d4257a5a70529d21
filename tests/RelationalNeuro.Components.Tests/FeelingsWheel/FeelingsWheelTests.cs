using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using RelationalNeuro.Emotions;

namespace RelationalNeuro.Components.Tests.FeelingsWheel;

/// <summary>
/// Interactive behaviour of the wheel. The mini taxonomy (Sad: Lonely, Hurt; Glad: Calm, Proud) has four leaves, so
/// its geometry is known in closed form (see Snapshots/FeelingsWheel.mini-selected.html).
/// </summary>
public sealed partial class FeelingsWheelTests : BunitContext
{
    internal const string ModulePath = "./_content/RelationalNeuro.Components/FeelingsWheel/FeelingsWheel.razor.js";

    internal static readonly FeelingTaxonomy Mini = FeelingTaxonomy.Load("""
        {
          "id": "mini", "version": "1", "defaultCulture": "en", "name": { "en": "Mini wheel" },
          "feelings": [
            { "id": "sad", "label": { "en": "Sad" }, "color": "sad", "children": [
                { "id": "lonely", "label": { "en": "Lonely" } }, { "id": "hurt", "label": { "en": "Hurt" } } ] },
            { "id": "glad", "label": { "en": "Glad" }, "children": [
                { "id": "calm", "label": { "en": "Calm" } }, { "id": "proud", "label": { "en": "Proud" } } ] }
          ]
        }
        """).Taxonomy!;

    private readonly BunitJSModuleInterop _module;

    public FeelingsWheelTests()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        _module = JSInterop.SetupModule(ModulePath);
        _module.SetupVoid("attach", _ => true).SetVoidResult();
        _module.SetupVoid("detach", _ => true).SetVoidResult();
        _module.SetupVoid("focusSegment", _ => true).SetVoidResult();
    }

    private IRenderedComponent<Components.FeelingsWheel> RenderWheel(Action<ComponentParameterCollectionBuilder<Components.FeelingsWheel>>? more = null, FeelingTaxonomy? taxonomy = null) =>
        Render<Components.FeelingsWheel>(p =>
        {
            p.Add(w => w.Taxonomy, taxonomy ?? Mini);
            more?.Invoke(p);
        });

    private static IReadOnlyList<string> Names(IRenderedComponent<Components.FeelingsWheel> cut) =>
        [.. cut.FindAll(".rn-wheel__segment").Select(e => e.GetAttribute("aria-label")!)];

    private static string TabStop(IRenderedComponent<Components.FeelingsWheel> cut) =>
        Assert.Single(cut.FindAll(".rn-wheel__segment[tabindex='0']")).GetAttribute("aria-label")!;

    private static IElement Segment(IRenderedComponent<Components.FeelingsWheel> cut, string name) =>
        cut.FindAll(".rn-wheel__segment").Single(e => e.GetAttribute("aria-label") == name);

    private static void Press(IRenderedComponent<Components.FeelingsWheel> cut, string key, bool ctrl = false) =>
        cut.Find("svg").KeyDown(new KeyboardEventArgs { Key = key, CtrlKey = ctrl });

    [Fact]
    public void Render_MiniTaxonomyWithValue_MatchesHandDerivedSnapshot()
    {
        var cut = RenderWheel(p => p.Add(w => w.Value, "sad/lonely").Add(w => w.Culture, CultureInfo.InvariantCulture).AddUnmatched("id", "mood"));
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Snapshots", "FeelingsWheel.mini-selected.html"));
        cut.MarkupMatches(expected);
    }

    [Fact]
    public void Render_SegmentNames_ReadAsLabelPathsInRingOrder()
    {
        var cut = RenderWheel();
        Assert.Equal(["Sad", "Glad", "Sad › Lonely", "Sad › Hurt", "Glad › Calm", "Glad › Proud"], Names(cut));
        Assert.All(cut.FindAll(".rn-wheel__segment"), e => Assert.Equal(e.GetAttribute("aria-label"), e.QuerySelector("title")!.TextContent));
        Assert.Equal("radiogroup", cut.Find("svg").GetAttribute("role"));
        Assert.All(cut.FindAll(".rn-wheel__segment"), e => Assert.Equal("radio", e.GetAttribute("role")));
    }

    [Fact]
    public void Render_NoValue_FirstCoreIsTheOnlyTabStop_AndNothingIsChecked()
    {
        var cut = RenderWheel();
        Assert.Equal("Sad", TabStop(cut));
        Assert.Equal(6, cut.FindAll(".rn-wheel__segment[tabindex='-1'], .rn-wheel__segment[tabindex='0']").Count);
        Assert.Empty(cut.FindAll("[aria-checked=true]"));
        Assert.Equal("Nothing selected yet.", cut.Find("[role=status]").TextContent);
    }

    [Fact]
    public void Click_Segment_SelectsIt_RaisesValueChangedWithThePath_AndAnnouncesTheLabelPath()
    {
        string? bound = null;
        var cut = RenderWheel(p => p.Add(w => w.ValueChanged, (string? v) => bound = v));

        Segment(cut, "Glad › Proud").Click();

        Assert.Equal("glad/proud", bound);
        Assert.Equal("true", Segment(cut, "Glad › Proud").GetAttribute("aria-checked"));
        Assert.Single(cut.FindAll("[aria-checked=true]"));
        Assert.Equal("Selected: Glad › Proud", cut.Find("[role=status]").TextContent);
        Assert.Equal("Glad › Proud", TabStop(cut));

        Segment(cut, "Sad").Click();
        Assert.Equal("sad", bound);
        Assert.Equal(["Sad"], cut.FindAll("[aria-checked=true]").Select(e => e.GetAttribute("aria-label")));
    }

    [Fact]
    public void Selection_DeepFeeling_TracesItsPathBackToTheCore()
    {
        var wheel = FeelingWheels.RelationalNeuro;
        var cut = RenderWheel(p => p.Add(w => w.Value, "sad/lonely/isolated"), wheel);
        var isolated = wheel.Find("sad/lonely/isolated")!;
        Assert.Equal(
            new[] { isolated.Parent!.Parent!, isolated.Parent! }.Select(n => Segment(cut, n.GetLabelPath()).GetAttribute("d")),
            cut.FindAll(".rn-wheel__trail").Select(t => t.GetAttribute("d")));
        Assert.Equal(Segment(cut, "Sad › Lonely › Isolated").GetAttribute("d"), cut.Find(".rn-wheel__mark").GetAttribute("d"));
        Assert.Equal(2, cut.FindAll(".rn-wheel__focus-trail").Count);   // the tab stop is the selection here

        Segment(cut, "Calm").Focus();
        Assert.Empty(cut.FindAll(".rn-wheel__focus-trail"));             // a core has no path before it
        Assert.Equal(2, cut.FindAll(".rn-wheel__trail").Count);
    }

    [Fact]
    public void Click_TheSelectedRadioAgain_KeepsItSelectedWithoutARaise()
    {
        var raised = 0;
        var cut = RenderWheel(p => p.Add(w => w.Value, "sad").Add(w => w.ValueChanged, (string? _) => raised++));
        Segment(cut, "Sad").Click();
        Assert.Equal(0, raised);
        Assert.Equal("true", Segment(cut, "Sad").GetAttribute("aria-checked"));
    }

    [Fact]
    public void Multiple_UsesCheckboxSemantics_TogglesAndReportsInChoiceOrder()
    {
        IReadOnlyList<string> bound = [];
        var cut = RenderWheel(p => p.Add(w => w.Multiple, true).Add(w => w.ValuesChanged, (IReadOnlyList<string> v) => bound = v));
        Assert.Equal("group", cut.Find("svg").GetAttribute("role"));
        Assert.Equal("Choose one or more feelings", cut.Find("svg").GetAttribute("aria-label"));
        Assert.All(cut.FindAll(".rn-wheel__segment"), e => Assert.Equal("checkbox", e.GetAttribute("role")));

        Segment(cut, "Glad › Calm").Click();
        Segment(cut, "Sad › Hurt").Click();
        Assert.Equal(["glad/calm", "sad/hurt"], bound);
        Assert.Equal("Selected: Glad › Calm; Sad › Hurt", cut.Find("[role=status]").TextContent);

        Segment(cut, "Glad › Calm").Click();
        Assert.Equal(["sad/hurt"], bound);
        Assert.Equal("false", Segment(cut, "Glad › Calm").GetAttribute("aria-checked"));
    }

    [Fact]
    public void Multiple_BoundValues_AreChecked_AndDuplicatesCollapse()
    {
        var cut = RenderWheel(p => p.Add(w => w.Multiple, true).Add(w => w.Values, ["sad/hurt", "glad", "sad/hurt"]));
        Assert.Equal(["Glad", "Sad › Hurt"], cut.FindAll("[aria-checked=true]").Select(e => e.GetAttribute("aria-label")));
        Assert.Equal(2, cut.FindAll(".rn-wheel__mark").Count);
    }

    [Fact]
    public void Intensity_AfterSelection_AsksOnAScaleOfNativeRadios_AndReportsTheRating()
    {
        IReadOnlyDictionary<string, int>? ratings = null;
        var cut = RenderWheel(p => p.Add(w => w.IntensityMax, 5)
            .Add(w => w.IntensitiesChanged, (IReadOnlyDictionary<string, int> r) => ratings = r));
        Assert.Empty(cut.FindAll(".rn-wheel__intensity"));

        Segment(cut, "Sad › Lonely").Click();
        var fieldset = cut.Find(".rn-wheel__intensity");
        Assert.Equal("How strong is Sad › Lonely? 1 = faint, 5 = strong", fieldset.QuerySelector("legend")!.TextContent);
        var levels = cut.FindAll(".rn-wheel__intensity input[type=radio]");
        Assert.Equal(["1", "2", "3", "4", "5"], levels.Select(i => i.GetAttribute("value")));
        Assert.DoesNotContain(levels, i => i.HasAttribute("checked"));

        cut.FindAll(".rn-wheel__intensity input[type=radio]")[3].Change("4");
        Assert.Equal(new Dictionary<string, int> { ["sad/lonely"] = 4 }, ratings);
    }

    [Fact]
    public void Intensity_SingleSelection_MovingToAnotherFeeling_DropsTheOldRating()
    {
        IReadOnlyDictionary<string, int>? ratings = null;
        var cut = RenderWheel(p => p.Add(w => w.IntensityMax, 5).Add(w => w.Value, "sad")
            .Add(w => w.Intensities, new Dictionary<string, int> { ["sad"] = 2 })
            .Add(w => w.IntensitiesChanged, (IReadOnlyDictionary<string, int> r) => ratings = r));
        Assert.True(cut.FindAll(".rn-wheel__intensity input")[1].HasAttribute("checked"));

        Segment(cut, "Glad").Click();
        Assert.NotNull(ratings);
        Assert.Empty(ratings);
        Assert.Equal("How strong is Glad? 1 = faint, 5 = strong", cut.Find(".rn-wheel__intensity legend").TextContent);
    }

    [Fact]
    public void Intensity_Multiple_OneScalePerSelectedFeeling()
    {
        var cut = RenderWheel(p => p.Add(w => w.IntensityMax, 3).Add(w => w.Multiple, true).Add(w => w.Values, ["sad/hurt", "glad/calm"])
            .Add(w => w.Intensities, new Dictionary<string, int> { ["glad/calm"] = 3 }));
        var sets = cut.FindAll(".rn-wheel__intensity");
        Assert.Equal(2, sets.Count);
        Assert.Equal(3, sets[1].QuerySelectorAll("input").Length);
        Assert.True(sets[1].QuerySelectorAll("input")[2].HasAttribute("checked"));
        Assert.NotEqual(sets[0].QuerySelector("input")!.GetAttribute("name"), sets[1].QuerySelector("input")!.GetAttribute("name"));
    }

    [Fact]
    public void Zoom_ButtonZoomsIntoTheFocusedCore_DrawsItAsAWholeRing_AndBack()
    {
        string? zoom = "unset";
        var cut = RenderWheel(p => p.Add(w => w.Value, "sad/hurt").Add(w => w.ZoomChanged, (string? z) => zoom = z));
        cut.Find(".rn-wheel__zoom").Click();

        Assert.Equal("sad", zoom);
        Assert.Equal(["Sad", "Sad › Lonely", "Sad › Hurt"], Names(cut));
        // The core is a whole ring 25–135 (two half arcs out, two back in); its children split 360° in two halves.
        Assert.Equal("M 250 115 A 135 135 0 1 1 250 385 A 135 135 0 1 1 250 115 Z M 250 225 A 25 25 0 1 0 250 275 A 25 25 0 1 0 250 225 Z",
            Segment(cut, "Sad").GetAttribute("d"));
        Assert.Equal("M 250 5 A 245 245 0 0 1 250 495 L 250 385 A 135 135 0 0 0 250 115 Z", Segment(cut, "Sad › Lonely").GetAttribute("d"));
        var coreLabel = cut.FindAll(".rn-wheel__label").First(t => t.TextContent == "Sad");
        Assert.Equal(("250", "170"), (coreLabel.GetAttribute("x"), coreLabel.GetAttribute("y")));
        Assert.Equal("Show the whole wheel", cut.Find(".rn-wheel__zoom").TextContent);
        Assert.Equal("true", cut.Find("svg").GetAttribute("data-zoomed"));

        cut.Find(".rn-wheel__zoom").Click();
        Assert.Null(zoom);
        Assert.Equal(6, cut.FindAll(".rn-wheel__segment").Count);
    }

    [Fact]
    public void Zoom_ParentRendersAgainWithoutBindingZoom_KeepsTheReadersZoom_ANewZoomValueApplies()
    {
        var cut = RenderWheel(p => p.Add(w => w.Value, "glad"));
        cut.Find(".rn-wheel__zoom").Click();
        Assert.Equal(3, Names(cut).Count);

        cut.Render(p => p.Add(w => w.Value, "glad/calm"));            // e.g. the parent handled ValueChanged
        Assert.Equal(["Glad", "Glad › Calm", "Glad › Proud"], Names(cut));
        Assert.Equal("1", Segment(cut, "Glad").GetAttribute("data-palette"));   // zoomed cores keep their hue

        cut.Render(p => p.Add(w => w.Zoom, "sad"));
        Assert.Equal(["Sad", "Sad › Lonely", "Sad › Hurt"], Names(cut));
    }

    [Fact]
    public void Zoom_Parameter_StartsZoomed()
    {
        var cut = RenderWheel(p => p.Add(w => w.Zoom, "glad"));
        Assert.Equal(["Glad", "Glad › Calm", "Glad › Proud"], Names(cut));
        Assert.Equal("Glad", TabStop(cut));
    }

    [Fact]
    public void Keys_PlusZoomsIn_MinusAndEscapeZoomOut_KeepingFocusOnTheSameFeeling()
    {
        var cut = RenderWheel();
        Segment(cut, "Glad › Calm").Focus();
        Press(cut, "+");
        Assert.Equal(["Glad", "Glad › Calm", "Glad › Proud"], Names(cut));
        Assert.Equal("Glad › Calm", TabStop(cut));
        Press(cut, "Escape");
        Assert.Equal(6, Names(cut).Count);
        Assert.Equal("Glad › Calm", TabStop(cut));
        Press(cut, "=");
        Assert.Equal(3, Names(cut).Count);
        Press(cut, "-");
        Assert.Equal(6, Names(cut).Count);
    }

    [Fact]
    public void Keys_DownAndUp_MoveAroundTheRingAcrossCores_AndWrap()
    {
        var cut = RenderWheel();
        Segment(cut, "Sad › Hurt").Focus();
        Press(cut, "ArrowDown");
        Assert.Equal("Glad › Calm", TabStop(cut));
        Press(cut, "ArrowDown");
        Press(cut, "ArrowDown");
        Assert.Equal("Sad › Lonely", TabStop(cut));
        Press(cut, "ArrowUp");
        Assert.Equal("Glad › Proud", TabStop(cut));
        Assert.Equal(4, _module.VerifyInvoke("focusSegment", 4).Count);
    }

    [Fact]
    public void Keys_RightGoesOutwardToTheFirstChild_LeftInwardToTheParent()
    {
        var cut = RenderWheel();
        Segment(cut, "Glad").Focus();
        Press(cut, "ArrowRight");
        Assert.Equal("Glad › Calm", TabStop(cut));
        Press(cut, "ArrowDown");
        Press(cut, "ArrowRight");                     // a leaf: nothing further out
        Assert.Equal("Glad › Proud", TabStop(cut));
        Press(cut, "ArrowLeft");
        Assert.Equal("Glad", TabStop(cut));
        Press(cut, "ArrowLeft");                      // a core: nothing further in
        Assert.Equal("Glad", TabStop(cut));
    }

    [Fact]
    public void Keys_HomeAndEnd_FirstAndLastInTheRing()
    {
        var cut = RenderWheel();
        Segment(cut, "Sad › Hurt").Focus();
        Press(cut, "End");
        Assert.Equal("Glad › Proud", TabStop(cut));
        Press(cut, "Home");
        Assert.Equal("Sad › Lonely", TabStop(cut));
        Segment(cut, "Glad").Focus();
        Press(cut, "Home");
        Assert.Equal("Sad", TabStop(cut));
    }

    [Theory]
    [InlineData("Enter")]
    [InlineData(" ")]
    public void Keys_EnterAndSpace_SelectTheFocusedFeeling(string key)
    {
        string? bound = null;
        var cut = RenderWheel(p => p.Add(w => w.ValueChanged, (string? v) => bound = v));
        Segment(cut, "Sad").Focus();
        Press(cut, "ArrowRight");
        Press(cut, "ArrowDown");
        Press(cut, key);
        Assert.Equal("sad/hurt", bound);
        Assert.Equal("true", Segment(cut, "Sad › Hurt").GetAttribute("aria-checked"));
    }

    [Fact]
    public void Keys_WithControl_AndUnhandledKeys_ChangeNothing()
    {
        var cut = RenderWheel();
        Segment(cut, "Sad").Focus();
        Press(cut, "ArrowDown", ctrl: true);
        Press(cut, "Tab");
        Press(cut, "a");
        Assert.Equal("Sad", TabStop(cut));
        _module.VerifyNotInvoke("focusSegment");
        JSInterop.VerifyNotInvoke("Blazor._internal.domWrapper.focus");
    }

    [Fact]
    public void FirstRender_Interactive_ImportsTheModuleAndAttachesItToTheGroup()
    {
        RenderWheel();
        Assert.Single(_module.VerifyInvoke("attach").Arguments);
    }

    [Fact]
    public void Render_UnderGermanCulture_WritesInvariantNumbers()
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("de-DE");
        try
        {
            var cut = RenderWheel(taxonomy: FeelingWheels.RelationalNeuro);
            var paths = cut.FindAll(".rn-wheel__segment").Select(e => e.GetAttribute("d")!).ToList();
            Assert.Equal(FeelingWheels.RelationalNeuro.Count, paths.Count);
            Assert.All(paths, d => Assert.Matches(SvgPath(), d));
            Assert.Contains(paths, d => d.Contains('.', StringComparison.Ordinal));
            Assert.All(cut.FindAll(".rn-wheel__label"), t => Assert.Matches(@"^rotate\(-?\d+(\.\d+)? \d+(\.\d+)? \d+(\.\d+)?\)$", t.GetAttribute("transform")));
            Assert.Equal("Froh", cut.FindAll(".rn-wheel__segment")[0].GetAttribute("aria-label")); // labels follow the UI culture
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Fact]
    public void Render_LongLabel_IsCutWithAnEllipsis_TheFullNameStaysInTitleAndName()
    {
        var taxonomy = FeelingTaxonomy.Load("""
            { "id": "long", "version": "1", "defaultCulture": "en", "feelings": [
              { "id": "a", "label": { "en": "Overwhelmed-and-underappreciated" }, "children": [ { "id": "b", "label": { "en": "Short" } } ] },
              { "id": "c", "label": { "en": "Calm" } } ] }
            """).Taxonomy!;
        var cut = RenderWheel(taxonomy: taxonomy);
        // Two rings of 110: (110 − 2·3) / (10 · 0.54) = 19.3 → 19 characters, the last one the ellipsis.
        Assert.Equal("Overwhelmed-and-un…", cut.FindAll(".rn-wheel__label")[0].TextContent);
        Assert.Equal("Overwhelmed-and-underappreciated", Segment(cut, "Overwhelmed-and-underappreciated").QuerySelector("title")!.TextContent);
        Assert.Equal("Overwhelmed-and-underappreciated › Short", Segment(cut, "Overwhelmed-and-underappreciated › Short").GetAttribute("aria-label"));
    }

    [Fact]
    public void Render_ClassAndAttributes_LandOnTheSection()
    {
        var cut = RenderWheel(p => p.Add(w => w.Class, "mine").Add(w => w.Label, "Today").AddUnmatched("data-check-in", "7"));
        var section = cut.Find("section");
        Assert.Contains("mine", section.ClassList);
        Assert.Contains("rn-wheel", section.ClassList);
        Assert.Equal("7", section.GetAttribute("data-check-in"));
        Assert.Equal("Today", section.GetAttribute("aria-label"));
    }

    [Fact]
    public void Markup_HasNoStyleAttribute()
    {
        var cut = RenderWheel(p => p.Add(w => w.Value, "sad").Add(w => w.IntensityMax, 5), FeelingWheels.RelationalNeuro);
        Assert.Empty(cut.FindAll("[style]"));
    }

    [Fact]
    public void Render_EveryBuiltInWheel_DrawsEveryFeelingOnce()
    {
        foreach (var taxonomy in new[] { FeelingWheels.RelationalNeuro, FeelingWheels.Plutchik })
        {
            var cut = RenderWheel(taxonomy: taxonomy);
            var names = Names(cut);
            Assert.Equal(taxonomy.Count, names.Count);
            Assert.Single(cut.FindAll(".rn-wheel__segment[tabindex='0']"));
        }
    }

    [Fact]
    public void Parameters_UnknownPathOrNonCoreZoom_ThrowNamingTheParameter()
    {
        Assert.Equal("Value", Assert.Throws<ArgumentException>(() => RenderWheel(p => p.Add(w => w.Value, "sad/nope"))).ParamName);
        Assert.Equal("Values", Assert.Throws<ArgumentException>(() => RenderWheel(p => p.Add(w => w.Multiple, true).Add(w => w.Values, ["x"]))).ParamName);
        Assert.Equal("Zoom", Assert.Throws<ArgumentException>(() => RenderWheel(p => p.Add(w => w.Zoom, "sad/hurt"))).ParamName);
        Assert.Equal("IntensityMax", Assert.Throws<ArgumentOutOfRangeException>(() => RenderWheel(p => p.Add(w => w.IntensityMax, 1))).ParamName);
        Assert.Equal("IntensityMax", Assert.Throws<ArgumentOutOfRangeException>(() => RenderWheel(p => p.Add(w => w.IntensityMax, 11))).ParamName);
        Assert.Equal("Intensities", Assert.Throws<ArgumentOutOfRangeException>(() => RenderWheel(p => p.Add(w => w.IntensityMax, 5)
            .Add(w => w.Intensities, new Dictionary<string, int> { ["sad"] = 6 }))).ParamName);
        Assert.Equal("Taxonomy", Assert.Throws<ArgumentNullException>(() => Render<Components.FeelingsWheel>()).ParamName);
    }

    [GeneratedRegex(@"^[MALZ0-9 .\-]+$")]
    private static partial Regex SvgPath();
}
