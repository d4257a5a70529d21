using RelationalNeuro.Emotions;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Tests.Docs;

public sealed class EmotionsDocTests
{
    [Fact]
    public void EmotionsDoc_CheckInExample_CompilesRunsAndIsInTheDoc()
    {
        // doc:emotions
        var wheel = FeelingWheels.RelationalNeuro;
        var flooded = wheel.Find("afraid/overwhelmed/flooded")!;
        var label = new EmotionLabel { Path = flooded.Path, Intensity = 7, BodyLocation = "chest", Note = "before the meeting" };
        var problems = wheel.Validate(label); // empty: the path exists and 7 is within 0–10

        var labels = new[] { label, new EmotionLabel { Path = "calm/relieved", Intensity = 4 } };
        var granularity = EmotionalGranularity.Measure(labels, wheel);
        // granularity.DistinctLabels == 2, granularity.EmodiversityNats == ln 2 ≈ 0.693
        // end-doc:emotions

        Assert.Empty(problems);
        Assert.Equal("Flooded", flooded.GetLabel());
        Assert.Equal(2, granularity.DistinctLabels);
        Assert.Equal(Math.Log(2), granularity.EmodiversityNats!.Value, 12);
        DocExample.AssertDocContains("docs/emotions.md", "emotions");
    }

    [Fact]
    public void EmotionsDoc_LoadExample_CompilesRunsAndIsInTheDoc()
    {
        // doc:load-wheel
        const string json = """
            {
              "id": "my-wheel", "version": "1", "defaultCulture": "en",
              "name": { "en": "My wheel" },
              "feelings": [
                { "id": "glad", "label": { "en": "Glad", "de": "Froh" }, "valence": 0.8, "arousal": 0.3, "color": "glad",
                  "children": [ { "id": "relieved", "label": { "en": "Relieved" } } ] }
              ]
            }
            """;
        var result = FeelingTaxonomy.Load(json);
        if (result.Taxonomy is null)
        {
            foreach (var problem in result.Problems)
            {
                Console.WriteLine(problem); // e.g. "Error taxonomy.missing-label at $.feelings[0].children[0].label: …"
            }
        }
        // end-doc:load-wheel

        Assert.True(result.Succeeded);
        Assert.NotNull(result.Taxonomy!.Find("glad/relieved"));
        var options = PracticeStoreOptions.Default with { Taxonomies = [.. PracticeStoreOptions.Default.Taxonomies, result.Taxonomy] };
        Assert.Same(result.Taxonomy, options.FindTaxonomy("my-wheel"));
        DocExample.AssertDocContains("docs/emotions.md", "load-wheel");
    }
}
