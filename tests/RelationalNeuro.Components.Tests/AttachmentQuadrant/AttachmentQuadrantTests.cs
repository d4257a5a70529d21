using RelationalNeuro.Components;
using RelationalNeuro.Components.Tests.Localization;
using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Components.Tests.AttachmentQuadrant;

public class AttachmentQuadrantTests : BunitContext
{
    private static AttachmentAssessment At(string label, double anxiety, double avoidance, AttachmentClassificationOptions? options = null) =>
        new(label, AttachmentStyles.Classify(anxiety, avoidance, options));

    [Fact]
    public void Render_TwoAssessments_MatchesHandDerivedSnapshot()
    {
        var cut = Render<Components.AttachmentQuadrant>(p => p
            .Add(c => c.Assessments, [At("Intake", 5.5, 4.5), At("Week 12", 3.5, 2.5)])
            .AddUnmatched("id", "ecr"));
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Snapshots", "AttachmentQuadrant.two-assessments.html"));
        cut.MarkupMatches(expected);
    }

    // Exactly on the split is "low" (AttachmentStyles: high is strictly above), so (4, 4) is secure, and the chart
    // reads out the classification's style rather than recomputing it.
    [Fact]
    public void Render_OnTheSplit_ReadsTheClassificationsRegion()
    {
        var cut = Render<Components.AttachmentQuadrant>(p => p.Add(c => c.Assessments, [At("Now", 4, 4)]));
        Assert.Contains("Latest, Now: anxiety 4, avoidance 4, Secure.", cut.Find("desc").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".rn-attachment__path"));
    }

    // Sample-median splits move the region lines: avoidance split 3 → x = 40 + 58·2 = 156; anxiety split 3.5 → y = 286 − 43·2.5 = 178.5.
    [Fact]
    public void Render_CustomSplits_MoveTheLines()
    {
        var options = new AttachmentClassificationOptions { AnxietySplit = 3.5, AvoidanceSplit = 3 };
        var cut = Render<Components.AttachmentQuadrant>(p => p.Add(c => c.Assessments, [At("Now", 3.6, 2.9, options)]));
        Assert.Equal("M156 28L156 286M40 178.5L388 178.5", cut.Find(".rn-attachment__split").GetAttribute("d"));
        Assert.Contains("split at anxiety 3.5 and avoidance 3", cut.Find("desc").TextContent, StringComparison.Ordinal);
        Assert.Contains("Preoccupied", cut.Find("desc").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnderGerman_RegionNamesGerman()
    {
        using var culture = new UiCulture("de-DE");
        var cut = Render<Components.AttachmentQuadrant>(p => p.Add(c => c.Assessments, [At("Aufnahme", 5.25, 4.5), At("Woche 12", 3.5, 2.5)]));
        Assert.Equal(["Sicher", "Besitzergreifend", "Abweisend", "Ängstlich-vermeidend"], cut.FindAll(".rn-attachment__region-label").Select(t => t.TextContent));
        Assert.Equal("Bindung: Angst und Vermeidung", cut.Find("title").TextContent);
        Assert.Contains("Verlauf über 2 Erhebungen von Aufnahme (Ängstlich-vermeidend) bis Woche 12 (Sicher).", cut.Find("desc").TextContent, StringComparison.Ordinal);
        Assert.Equal("5.25", cut.FindAll("tbody td")[1].TextContent);
    }

    [Fact]
    public void Render_NoAssessments_RegionsOnly()
    {
        var cut = Render<Components.AttachmentQuadrant>(p => p.Add(c => c.Assessments, []));
        Assert.Equal(4, cut.FindAll(".rn-attachment__region").Count);
        Assert.Empty(cut.FindAll("circle"));
        Assert.EndsWith("No assessment yet.", cut.Find("desc").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[style]"));
    }

    [Fact]
    public void Render_BadScale_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Render<Components.AttachmentQuadrant>(p => p.Add(c => c.ScaleMin, 7).Add(c => c.ScaleMax, 1)));
        Assert.Contains("ScaleMin=7", ex.Message, StringComparison.Ordinal);
    }
}
