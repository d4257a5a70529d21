using System.Globalization;
using RelationalNeuro.Emotions;

namespace RelationalNeuro.Tests.Emotions;

public sealed class FeelingWheelsTests
{
    [Fact]
    public void RelationalNeuro_ShapeAsDocumented_NineCores32Secondary65Specific()
    {
        var t = FeelingWheels.RelationalNeuro;

        Assert.Equal(["joyful", "connected", "calm", "curious", "afraid", "angry", "sad", "ashamed", "disconnected"], t.Roots.Select(r => r.Id));
        Assert.Equal(32, t.Nodes.Count(n => n.Depth == 2));
        Assert.Equal(65, t.Nodes.Count(n => n.Depth == 3));
        Assert.Equal(3, t.MaxDepth);
    }

    [Fact]
    public void RelationalNeuro_EveryNode_HasEnglishAndGermanLabel()
    {
        var de = CultureInfo.GetCultureInfo("de-DE");

        Assert.All(FeelingWheels.RelationalNeuro.Nodes, n =>
        {
            Assert.False(string.IsNullOrWhiteSpace(n.Labels["en"]));
            Assert.False(string.IsNullOrWhiteSpace(n.Labels["de"]));
            Assert.Equal(n.Labels["de"], n.GetLabel(de));
        });
    }

    [Fact]
    public void RelationalNeuro_CoresOnly_CarryValenceArousalAndColour()
    {
        var t = FeelingWheels.RelationalNeuro;

        Assert.All(t.Roots, r => Assert.True(r.Valence is >= -1 and <= 1 && r.Arousal is >= -1 and <= 1 && r.ColorToken == r.Id));
        Assert.All(t.Nodes.Where(n => n.Depth > 1), n => Assert.Equal(n.Core.Id, n.EffectiveColorToken));
        // Unpleasant cores have negative valence, pleasant ones positive (the wheel's own design).
        Assert.True(t.Find("sad")!.Valence < 0 && t.Find("joyful")!.Valence > 0);
    }

    [Fact]
    public void RelationalNeuro_NotTheThirdPartyCoreSets()
    {
        // Research notes §A.1/§A.2: Willcox cores and the 7-core wheel's cores must not be copied as the structure.
        string[] willcox = ["mad", "sad", "scared", "joyful", "powerful", "peaceful"];
        string[] roberts = ["happy", "surprised", "bad", "fearful", "angry", "disgusted", "sad"];
        var ours = FeelingWheels.RelationalNeuro.Roots.Select(r => r.Id).ToHashSet();

        Assert.False(ours.SetEquals(willcox));
        Assert.False(ours.SetEquals(roberts));
        Assert.NotNull(FeelingWheels.RelationalNeuro.Attribution);
    }

    [Fact]
    public void Plutchik_Taxonomy_EightCoresEachWithIntenseThenMild()
    {
        var t = FeelingWheels.Plutchik;

        Assert.Equal(["joy", "trust", "fear", "surprise", "sadness", "disgust", "anger", "anticipation"], t.Roots.Select(r => r.Id));
        Assert.Equal(["joy/ecstasy", "joy/serenity"], t.Find("joy")!.Children.Select(c => c.Path));
        Assert.Equal(["anticipation/vigilance", "anticipation/interest"], t.Find("anticipation")!.Children.Select(c => c.Path));
        Assert.Equal(24, t.Count);
        Assert.Same(t, FeelingWheels.Find("plutchik"));
    }
}
