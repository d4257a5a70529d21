using RelationalNeuro.Emotions;

namespace RelationalNeuro.Tests.Emotions;

/// <summary>
/// "How to add a feelings wheel", done once: a taxonomy written as JSON (the format of
/// <c>src/RelationalNeuro.Core/Emotions/Data/relationalneuro-wheel.json</c>), loaded with
/// <see cref="FeelingTaxonomy.Load(string)"/>, used to check labels and to measure granularity. Expected values are
/// analytic (Shannon entropy of known frequencies, natural log).
/// </summary>
public sealed class ExtendingFeelingWheelsTests
{
    private const string Wheel = """
        {
          "id": "demo-wheel", "version": "0.1", "defaultCulture": "en",
          "name": { "en": "Demo wheel", "de": "Demo-Rad" },
          "feelings": [
            { "id": "calm", "label": { "en": "Calm", "de": "Ruhig" }, "valence": 0.6, "arousal": -0.6, "color": "calm",
              "children": [ { "id": "relaxed", "label": { "en": "Relaxed" } } ] },
            { "id": "tense", "label": { "en": "Tense", "de": "Angespannt" }, "valence": -0.5, "arousal": 0.6,
              "children": [ { "id": "jittery", "label": { "en": "Jittery" } } ] }
          ]
        }
        """;

    private static EmotionLabel L(string path, int intensity = 5) => new() { Path = path, Intensity = intensity };

    [Fact]
    public void AddWheel_JsonTaxonomy_ChecksLabelsAndMeasuresGranularity()
    {
        var result = FeelingTaxonomy.Load(Wheel);
        Assert.True(result.Succeeded, result.ToString());
        var wheel = result.Taxonomy;
        Assert.Equal(2, wheel.MaxDepth);
        Assert.Equal("Ruhig", wheel.Find("calm")!.GetLabel(new System.Globalization.CultureInfo("de-DE")));

        Assert.Empty(wheel.Validate(L("tense/jittery")));
        var unknown = Assert.Single(wheel.Validate(L("calm/ecstatic"), "$.labels[0]"));
        Assert.Equal(("emotion.unknown-path", "$.labels[0].path"), (unknown.Code, unknown.Location));

        // Paths calm, calm/relaxed, tense/jittery ×2: frequencies 1/4, 1/4, 1/2 → H = 1.5 ln 2; cores 2/4, 2/4 → ln 2;
        // depths 1, 2, 2, 2 → mean 1.75, ratio 1.75 / 2.
        var g = EmotionalGranularity.Measure([L("calm"), L("calm/relaxed"), L("tense/jittery"), L("tense/jittery")], wheel);
        Assert.Equal(4, g.LabelCount);
        Assert.Equal(3, g.DistinctLabels);
        Assert.Equal(2, g.DistinctCores);
        Assert.Equal(1.75, g.MeanDepth);
        Assert.Equal(0.875, g.DepthRatio);
        Assert.Equal(1.5 * Math.Log(2), g.EmodiversityNats!.Value, 12);
        Assert.Equal(1.5 * Math.Log(2) / Math.Log(3), g.Evenness!.Value, 12);
        Assert.Equal(Math.Log(2), g.CoreEmodiversityNats!.Value, 12);
        Assert.Empty(g.Problems);
    }

    [Fact]
    public void GranularityResult_ToString_ShowsProblemCountAndCodes()
    {
        var wheel = FeelingTaxonomy.Load(Wheel).Taxonomy!;

        // One label outside the wheel (skipped) and one left: a single distinct label has no evenness.
        var g = EmotionalGranularity.Measure([L("calm/ecstatic"), L("calm")], wheel);

        Assert.Equal(1, g.LabelCount);
        Assert.Contains("Problems = 2 problems (emotion.unknown-path, granularity.single-label)", g.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GranularityResult_Default_HasEmptyProblems()
    {
        Assert.Empty(default(GranularityResult).Problems);
    }
}
