using RelationalNeuro.Components;
using RelationalNeuro.Components.Tests.Localization;
using RelationalNeuro.Endocrine;

namespace RelationalNeuro.Components.Tests.BiomarkerCurve;

public class BiomarkerCurveTests : BunitContext
{
    private static readonly double[] Minutes = [0, 15, 30, 52];
    private static readonly double[] Values = [10, 16, 18, 14];

    private static BiomarkerSample[] Samples(double[] minutes, double[] values) =>
        [.. minutes.Select((m, i) => new BiomarkerSample(m, double.IsNaN(values[i]) ? null : values[i]))];

    private IRenderedComponent<Components.BiomarkerCurve> RenderCurve(Action<ComponentParameterCollectionBuilder<Components.BiomarkerCurve>> parameters) =>
        Render<Components.BiomarkerCurve>(parameters);

    [Fact]
    public void Render_CarDayWithDrift_MatchesHandDerivedSnapshot()
    {
        var car = CortisolAwakeningResponse.Analyze(Minutes, Values);
        var cut = RenderCurve(p => p
            .Add(c => c.Samples, Samples(Minutes, Values))
            .Add(c => c.Car, car)
            .Add(c => c.AwakeningWindowEndMinutes, 45)
            .AddUnmatched("id", "car"));
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Snapshots", "BiomarkerCurve.car-drift.html"));
        cut.MarkupMatches(expected);
    }

    // A late first sample (8 min after waking, > 5 min: Smyth et al. 2013) and an implausible value (75 > 70 nmol/L) are
    // marked by different shapes: a diamond for timing, a square for a value.
    [Fact]
    public void Render_LateAndImplausible_DistinctShapes()
    {
        double[] minutes = [8, 23, 38, 53];
        double[] values = [10, 75, 18, 14];
        var car = CortisolAwakeningResponse.Analyze(minutes, values);
        var cut = RenderCurve(p => p.Add(c => c.Samples, Samples(minutes, values)).Add(c => c.Car, car));

        Assert.Single(cut.FindAll(".rn-biomarker__finding--timing"));
        Assert.Single(cut.FindAll(".rn-biomarker__finding--value"));
        Assert.Contains("Sampling findings: S0 late first sample; S1 implausibly high value.", cut.Find("desc").TextContent, StringComparison.Ordinal);
        Assert.Equal("late first sample", cut.FindAll("tbody tr")[0].Children[3].TextContent);
    }

    // Any analyte with its own unit, areas from Auc.Compute over every sample, no window, no compliance.
    [Fact]
    public void Render_OtherAnalyte_UsesItsUnitAndAreas()
    {
        double[] minutes = [0, 10, 20];
        double[] values = [100, 160, 130];
        var area = Auc.Compute(minutes, values); // AUCg = 130·10 + 145·10 = 2750; AUCi = 2750 − 100·20 = 750
        var cut = RenderCurve(p => p
            .Add(c => c.Samples, Samples(minutes, values))
            .Add(c => c.Area, area)
            .Add(c => c.Analyte, "Alpha-amylase")
            .Add(c => c.Unit, "U/mL"));

        Assert.Equal("Alpha-amylase over time", cut.Find("title").TextContent);
        Assert.Equal(
            "Alpha-amylase in U/mL: 3 samples from 0 to 20 min, from 100 to 130; highest 160 at 10 min. Shaded: AUCg 2750 and AUCi 750 U/mL·min over the first 3 samples.",
            cut.Find("desc").TextContent);
        Assert.Empty(cut.FindAll(".rn-biomarker__window"));
        Assert.Equal("Alpha-amylase (U/mL)", cut.Find(".rn-chart__axis--y .rn-chart__axis-title").TextContent);
    }

    // A missing sample under the Reject policy: the areas are unavailable, so nothing is shaded and the description says so.
    [Fact]
    public void Render_MissingSample_GapAndNoArea()
    {
        double[] values = [10, double.NaN, 18, 14];
        var car = CortisolAwakeningResponse.Analyze(Minutes, values);
        var cut = RenderCurve(p => p.Add(c => c.Samples, Samples(Minutes, values)).Add(c => c.Car, car));

        Assert.Empty(cut.FindAll(".rn-biomarker__aucg"));
        Assert.Equal(2, cut.Find(".rn-biomarker__curve").GetAttribute("d")!.Count(ch => ch == 'M'));
        var desc = cut.Find("desc").TextContent;
        Assert.Contains("1 sample(s) missing.", desc, StringComparison.Ordinal);
        Assert.Contains("The areas under the curve are unavailable.", desc, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnderGerman_WordsGermanNumbersInvariant()
    {
        using var culture = new UiCulture("de-DE");
        double[] values = [10.5, 16.25, 18, 14];
        var car = CortisolAwakeningResponse.Analyze(Minutes, values);
        var cut = RenderCurve(p => p.Add(c => c.Samples, Samples(Minutes, values)).Add(c => c.Car, car).Add(c => c.AwakeningWindowEndMinutes, 45));

        Assert.Equal("Cortisol im Zeitverlauf", cut.Find("title").TextContent);
        var desc = cut.Find("desc").TextContent;
        Assert.StartsWith("Cortisol in nmol/L: 4 Proben von 0 bis 52 min, von 10.5 bis 14; höchster Wert 18 bei 30 min.", desc, StringComparison.Ordinal);
        Assert.Contains("Befunde zur Probennahme: S3 vom Zeitplan abgewichen.", desc, StringComparison.Ordinal);
        Assert.Equal("Aufwachfenster", cut.Find(".rn-biomarker__window-label").TextContent);
        Assert.DoesNotContain("10,5", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoSamples_SaysSo()
    {
        var cut = RenderCurve(p => p.Add(c => c.Samples, []));
        Assert.Equal("Cortisol: no samples yet.", cut.Find("desc").TextContent);
        Assert.Empty(cut.FindAll("[style]"));
        Assert.DoesNotContain("NaN", cut.Markup, StringComparison.Ordinal);
    }
}
