using System.Globalization;
using Microsoft.AspNetCore.Components;
using RelationalNeuro.Components.Tests.Localization;
using RelationalNeuro.Hrv;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Components.Tests.PoincarePlot;

public sealed class PoincarePlotTests : BunitContext
{
    private static readonly RrSeries ThreePairs = RrSeries.FromIntervalsMs([800, 900, 1000, 900]);

    // SD1, SD2 and the mean are given (the chart draws, it does not compute): chosen round for the hand geometry.
    private static readonly PoincareResult Round = new() { IntervalCount = 4, Sd1Ms = 50, Sd2Ms = 100, Sd1OverSd2 = 0.5 };

    private IRenderedComponent<Components.PoincarePlot> RenderChart(Action<ComponentParameterCollectionBuilder<Components.PoincarePlot>> parameters) =>
        Render(parameters);

    [Fact]
    public void Render_ThreePairsWithEllipse_MatchesHandDerivedSnapshot()
    {
        var cut = RenderChart(p => p.Add(c => c.Series, ThreePairs).Add(c => c.Result, Round).Add(c => c.MeanNnMs, 900).AddUnmatched("id", "pp"));
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Snapshots", "PoincarePlot.three-pairs.html"));
        cut.MarkupMatches(expected);
    }

    [Fact]
    public void Render_AboveTheThreshold_IsABinnedDensity()
    {
        // Pairs (800, 800) twice and (800, 1000) once; axis 800..1000 as in the snapshot, 66 cells of 4 units.
        // Cell (0, 0) holds 2 = the most → level ⌈5·ln 3 / ln 3⌉ = 5, square at x 44, y 288 − 4 = 284.
        // Cell (0, 65) (1000 ms is the top edge, kept in the last cell) holds 1 → level ⌈5·ln 2 / ln 3⌉ = ⌈3.15⌉ = 4, at y 24.
        var cut = RenderChart(p => p.Add(c => c.Series, RrSeries.FromIntervalsMs([800, 800, 800, 1000])).Add(c => c.DensityThreshold, 2));
        Assert.Empty(cut.FindAll(".rn-poincare__points"));
        Assert.Equal("M44 284h4v4h-4Z", cut.Find(".rn-poincare__cell--5").GetAttribute("d"));
        Assert.Equal("M44 24h4v4h-4Z", cut.Find(".rn-poincare__cell--4").GetAttribute("d"));
        Assert.Equal(2, cut.FindAll(".rn-poincare__cell").Count);
        Assert.EndsWith("Drawn as a density: 2 grid cells, up to 2 pairs in one cell.", cut.Find("desc").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ArtifactsGiven_PlotsTheNnSeries()
    {
        double[] rr = [.. Enumerable.Repeat(800.0, 30)];
        rr[15] = 1600;
        var series = RrSeries.FromIntervalsMs(rr);
        var artifacts = Artifacts.Process(series, new ArtifactOptions { Method = ArtifactMethod.Malik, Correction = ArtifactCorrection.Remove });
        var cut = RenderChart(p => p.Add(c => c.Series, series).Add(c => c.Artifacts, artifacts));
        // Dots are "M x yL x y": one M per pair of the NN series.
        Assert.Equal(artifacts.NnIntervalsMs.Length - 1, cut.Find(".rn-poincare__points").GetAttribute("d")!.Count(ch => ch == 'M'));
        Assert.DoesNotContain("1600", cut.Find("desc").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Nsr001_24h_DensityWithin200KB()
    {
        var path = Path.Combine(SharedData.RequireDirectory("reference/hrv/data"), "nsr2db_nsr001_24h.rr_ms.txt");
        var series = RrSeries.FromIntervalsMs([.. File.ReadLines(path).Select(l => double.Parse(l, CultureInfo.InvariantCulture))]);
        var artifacts = Artifacts.Process(series);
        var cut = RenderChart(p => p.Add(c => c.Series, series).Add(c => c.Artifacts, artifacts));
        Assert.NotEmpty(cut.FindAll(".rn-poincare__cell"));
        Assert.InRange(cut.FindAll(".rn-poincare__cell").Count, 1, Components.PoincarePlot.Levels);
        Assert.Contains(((artifacts.NnIntervalsMs.Length - 1)).ToString("#,0", CultureInfo.InvariantCulture) + " pairs", cut.Find("desc").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Markup.Length <= 200 * 1024, $"{cut.Markup.Length} characters of markup");
    }

    [Fact]
    public void Render_UnderGerman_GermanWordsAndInvariantNumbers()
    {
        using var culture = new UiCulture("de-DE");
        var result = new PoincareResult { IntervalCount = 4, Sd1Ms = 12.5, Sd2Ms = 40.25, Sd1OverSd2 = 0.3106 };
        var cut = RenderChart(p => p.Add(c => c.Series, ThreePairs).Add(c => c.Result, result).Add(c => c.MeanNnMs, 900.5));
        Assert.Equal("Poincaré-Diagramm", cut.Find("title").TextContent);
        Assert.Equal("Poincaré-Diagramm aus 3 Paaren aufeinanderfolgender Intervalle (jedes gegen das nächste), von 800 bis 1000 ms. SD1 12.5 ms quer zur Identitätslinie, SD2 40.3 ms entlang, SD1/SD2 0.31.",
            cut.Find("desc").TextContent);
        // 900.5 ms → 44 + 1.32·100.5 = 176.66; rx = 40.25·1.32 = 53.13.
        Assert.Equal("176.66", cut.Find("ellipse").GetAttribute("cx"));
        Assert.Equal("53.13", cut.Find("ellipse").GetAttribute("rx"));
    }

    [Fact]
    public void Render_OneInterval_SaysTooFew()
    {
        var cut = RenderChart(p => p.Add(c => c.Series, RrSeries.FromIntervalsMs([800])));
        Assert.Equal("Too few intervals for a Poincaré plot.", cut.Find("desc").TextContent);
    }

    [Fact]
    public void Render_BadParameters_ThrowNamingThem()
    {
        Assert.Throws<ArgumentNullException>("Series", () => Render<Components.PoincarePlot>());
        Assert.Throws<ArgumentOutOfRangeException>("DensityThreshold", () => RenderChart(p => p.Add(c => c.Series, ThreePairs).Add(c => c.DensityThreshold, -1)));
        Assert.Throws<ArgumentOutOfRangeException>("MeanNnMs", () => RenderChart(p => p.Add(c => c.Series, ThreePairs).Add(c => c.MeanNnMs, double.NaN)));
    }
}
