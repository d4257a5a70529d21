using System.Globalization;
using RelationalNeuro.Emotions;

namespace RelationalNeuro.Tests.Emotions;

public sealed class FeelingTaxonomyTests
{
    private const string Valid = """
        {
          "id": "mini", "version": "1", "defaultCulture": "en",
          "name": { "en": "Mini wheel" },
          "feelings": [
            { "id": "sad", "label": { "en": "Sad", "de": "Traurig" }, "valence": -0.7, "arousal": -0.4, "color": "sad",
              "children": [
                { "id": "hurt", "label": { "en": "Hurt" }, "children": [ { "id": "embarrassed", "label": { "en": "Embarrassed" } } ] } ] },
            { "id": "ashamed", "label": { "en": "Ashamed" },
              "children": [ { "id": "embarrassed", "label": { "en": "Embarrassed", "de-AT": "Genierlich" } } ] }
          ]
        }
        """;

    [Fact]
    public void Load_RepeatedLabelUnderTwoParents_TwoNodesWithDistinctPaths()
    {
        var result = FeelingTaxonomy.Load(Valid);

        var t = Assert.IsType<FeelingTaxonomy>(result.Taxonomy);
        Assert.Empty(result.Problems);
        Assert.Equal(5, t.Count);
        Assert.Equal(3, t.MaxDepth);
        var deep = t.Find("sad/hurt/embarrassed")!;
        var shallow = t.Find("ashamed/embarrassed")!;
        Assert.NotSame(deep, shallow);
        Assert.Equal("Embarrassed", deep.GetLabel());
        Assert.Equal(3, deep.Depth);
        Assert.Equal("sad", deep.Core.Id);
        Assert.Equal("sad", deep.EffectiveColorToken);
        Assert.Null(t.Find("embarrassed"));
        Assert.Equal(["sad", "sad/hurt", "sad/hurt/embarrassed", "ashamed", "ashamed/embarrassed"], t.Nodes.Select(n => n.Path));
    }

    [Fact]
    public void GetLabelPath_JoinsLabelsFromTheCore_WithTheCultureFallbackOfEachLabel()
    {
        var t = FeelingTaxonomy.Load(Valid).Taxonomy!;

        Assert.Equal("Sad \u203A Hurt \u203A Embarrassed", t.Find("sad/hurt/embarrassed")!.GetLabelPath());
        Assert.Equal("Sad", t.Find("sad")!.GetLabelPath());
        // The core "ashamed" has only an English label (default culture); its child has a de-AT one.
        Assert.Equal("Ashamed / Genierlich", t.Find("ashamed/embarrassed")!.GetLabelPath(CultureInfo.GetCultureInfo("de-AT"), " / "));
        Assert.Equal("Traurig > Hurt > Embarrassed", t.Find("sad/hurt/embarrassed")!.GetLabelPath(CultureInfo.GetCultureInfo("de-DE"), " > "));
        Assert.Throws<ArgumentNullException>("separator", () => t.Find("sad")!.GetLabelPath(null, null!));
    }

    [Fact]
    public void GetLabel_CultureFallback_ExactThenParentThenDefault()
    {
        var t = FeelingTaxonomy.Load(Valid).Taxonomy!;

        Assert.Equal("Traurig", t.Find("sad")!.GetLabel(CultureInfo.GetCultureInfo("de-CH")));
        Assert.Equal("Genierlich", t.Find("ashamed/embarrassed")!.GetLabel(CultureInfo.GetCultureInfo("de-AT")));
        Assert.Equal("Embarrassed", t.Find("ashamed/embarrassed")!.GetLabel(CultureInfo.GetCultureInfo("de-DE")));
        Assert.Equal("Sad", t.Find("sad")!.GetLabel(CultureInfo.GetCultureInfo("fr-FR")));
    }

    [Fact]
    public void Load_SeveralProblems_AllReportedWithJsonPaths()
    {
        const string json = """
            { "id": "Bad Id", "defaultCulture": "en",
              "feelings": [
                { "id": "a", "label": { "en": "A" }, "valence": 1.5,
                  "children": [ { "id": "b", "label": { "de": "B" } }, { "id": "b", "label": { "en": "B2" } } ] },
                { "id": "c--d", "label": { "en": "C" }, "color": "Red" }
              ] }
            """;

        var result = FeelingTaxonomy.Load(json);

        Assert.Null(result.Taxonomy);
        Assert.Equal(
            [
                ("taxonomy.invalid-id", "$.id"),
                ("taxonomy.missing-version", "$.version"),
                ("taxonomy.out-of-range", "$.feelings[0].valence"),
                ("taxonomy.missing-label", "$.feelings[0].children[0].label"),
                ("taxonomy.duplicate-id", "$.feelings[0].children[1].id"),
                ("taxonomy.invalid-id", "$.feelings[1].id"),
                ("taxonomy.invalid-color", "$.feelings[1].color"),
            ],
            result.Problems.Select(p => (p.Code, p.Location!)));
    }

    [Fact]
    public void Load_MalformedJson_OneProblemAtTheReadersPath()
    {
        var result = FeelingTaxonomy.Load("""{ "id": "x", "feelings": [ { "id": 3 } ] }""");

        var p = Assert.Single(result.Problems);
        Assert.Equal("taxonomy.malformed-json", p.Code);
        Assert.Equal("$.feelings[0].id", p.Location);
    }

    [Fact]
    public void Load_UnknownMember_ReportedNotIgnored()
    {
        var result = FeelingTaxonomy.Load("""{ "id": "x", "version": "1", "defaultCulture": "en", "colour": "red", "feelings": [] }""");

        Assert.Equal("taxonomy.malformed-json", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Save_ThenLoad_SameTaxonomy()
    {
        var original = FeelingWheels.RelationalNeuro;
        using var buffer = new MemoryStream();
        original.Save(buffer);
        buffer.Position = 0;

        var reloaded = FeelingTaxonomy.Load(buffer).Taxonomy!;

        Assert.Equal(original.Nodes.Select(n => (n.Path, n.GetLabel(), n.Valence, n.ColorToken)), reloaded.Nodes.Select(n => (n.Path, n.GetLabel(), n.Valence, n.ColorToken)));
    }

    [Fact]
    public void Validate_LabelPathNotInTaxonomy_ProblemAtPath()
    {
        var problems = FeelingWheels.RelationalNeuro.Validate(new EmotionLabel { Path = "sad/flooded", Intensity = 4 }, "$.labels[2]");

        var p = Assert.Single(problems);
        Assert.Equal(("emotion.unknown-path", "$.labels[2].path"), (p.Code, p.Location));
    }

    [Fact]
    public void Create_FiveLevelsDeep_PathsAndDepthsFollowTheTree()
    {
        static FeelingDefinition Chain(int level) => new()
        {
            Id = "l" + level.ToString(CultureInfo.InvariantCulture),
            Label = new Dictionary<string, string> { ["en"] = "Level " + level.ToString(CultureInfo.InvariantCulture) },
            Children = level < 5 ? [Chain(level + 1)] : null,
        };

        var t = FeelingTaxonomy.Create(new FeelingTaxonomyDefinition { Id = "deep", Version = "1", DefaultCulture = "en", Feelings = [Chain(1)] }).Taxonomy!;

        Assert.Equal(5, t.MaxDepth);
        var leaf = t.Find("l1/l2/l3/l4/l5")!;
        Assert.Equal(5, leaf.Depth);
        Assert.Equal("l1", leaf.Core.Id);
        Assert.Empty(leaf.Children);
    }
}
