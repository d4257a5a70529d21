using RelationalNeuro.Change;
using RelationalNeuro.Components;
using RelationalNeuro.Components.Tests.Localization;

namespace RelationalNeuro.Components.Tests.ChangeChart;

public class ChangeChartTests : BunitContext
{
    private static readonly ChangeSession[] Three = [new(0, 30, "Intake"), new(2, 24), new(4, 18, "End")];

    private static TrendResult Fit(IReadOnlyList<ChangeSession> sessions) =>
        Trend.Fit([.. sessions.Select(s => s.Week)], [.. sessions.Select(s => s.Score ?? double.NaN)], ChangeDirection.LowerIsBetter);

    // r 0.84 and SD 5 give SE 2, S_diff √8 and MRC 1.96·√8 = 5.543717 (Jacobson & Truax 1991).
    private static readonly ReliableChangeResult Rc = ReliableChange.Compute(30, 18, 0.84, 5, ChangeDirection.LowerIsBetter);

    private IRenderedComponent<Components.ChangeChart> RenderChart(IReadOnlyList<ChangeSession> sessions, Action<ComponentParameterCollectionBuilder<Components.ChangeChart>>? more = null) =>
        Render<Components.ChangeChart>(p =>
        {
            p.Add(c => c.Sessions, sessions).Add(c => c.Metric, "PSS-10").Add(c => c.Unit, "points");
            more?.Invoke(p);
        });

    [Fact]
    public void Render_ThreeSessions_MatchesHandDerivedSnapshot()
    {
        var cut = RenderChart(Three, p => p
            .Add(c => c.Trend, Fit(Three))
            .Add(c => c.ReliableChange, Rc)
            .Add(c => c.Cutoffs, [new ChangeCutoff("c", 20)])
            .AddUnmatched("id", "pss"));
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Snapshots", "ChangeChart.three-sessions.html"));
        cut.MarkupMatches(expected);
    }

    [Fact]
    public void Render_UnderGerman_WordsGermanNumbersInvariant()
    {
        using var culture = new UiCulture("de-DE");
        ChangeSession[] sessions = [new(0, 30.5), new(1, 27.25), new(2.5, 24.75)];
        var cut = RenderChart(sessions, p => p.Add(c => c.Trend, Fit(sessions)).Add(c => c.ReliableChange, Rc));

        Assert.Equal("PSS-10 über die Sitzungen", cut.Find("title").TextContent);
        var desc = cut.Find("desc").TextContent;
        Assert.StartsWith("PSS-10 über 3 Sitzungen in 2.5 Wochen, von 30.5 points bis 24.8 points.", desc, StringComparison.Ordinal);
        Assert.Contains("-%-Konfidenzintervall", desc, StringComparison.Ordinal);
        Assert.Contains("Band der reliablen Veränderung 25 bis 36 um den Ausgangswert 30.5", desc, StringComparison.Ordinal);
        Assert.Equal("Woche", cut.Find(".rn-chart__axis--x .rn-chart__axis-title").TextContent);
        Assert.Equal("Woche 2.5", cut.FindAll("tbody th")[2].TextContent);
        Assert.DoesNotContain("30,5", cut.Markup, StringComparison.Ordinal);
    }

    // A missed session is a gap in the line and "missing" in the table; nothing writes NaN.
    [Fact]
    public void Render_MissedSession_GapNotNaN()
    {
        ChangeSession[] sessions = [new(0, 30), new(1, null), new(2, double.NaN), new(3, 24), new(4, 18)];
        var cut = RenderChart(sessions, p => p.Add(c => c.Trend, Fit(sessions)));

        var d = cut.Find(".rn-change__scores").GetAttribute("d")!;
        Assert.Equal(2, d.Count(c => c == 'M'));              // 30 alone, then 24 → 18
        Assert.Equal(3, cut.FindAll(".rn-change__point").Count);
        Assert.Equal(["missing", "missing"], cut.FindAll("tbody tr").Select(r => r.Children[2].TextContent).Where(t => t == "missing"));
        Assert.DoesNotContain("NaN", cut.Markup, StringComparison.Ordinal);
        Assert.StartsWith("PSS-10 across 3 sessions over 4 weeks", cut.Find("desc").TextContent, StringComparison.Ordinal);
    }

    // Two sessions: Trend.Fit gives a slope without an interval, so a line but no band, and the description says why.
    [Fact]
    public void Render_TwoSessions_TrendLineWithoutBand()
    {
        ChangeSession[] sessions = [new(0, 30), new(1, 27)];
        var cut = RenderChart(sessions, p => p.Add(c => c.Trend, Fit(sessions)));

        Assert.Single(cut.FindAll(".rn-change__trend"));
        Assert.Empty(cut.FindAll(".rn-change__trend-band"));
        Assert.Contains("Trend -3 points per week, without a confidence interval (too few sessions).", cut.Find("desc").TextContent, StringComparison.Ordinal);
    }

    // The last score within baseline ± MRC: "no reliable change".
    [Fact]
    public void Render_SmallChange_WithinTheReliableBand()
    {
        ChangeSession[] sessions = [new(0, 30), new(1, 28), new(2, 27)];
        var cut = RenderChart(sessions, p => p.Add(c => c.ReliableChange, Rc));
        Assert.Contains("the last score lies within it (no reliable change).", cut.Find("desc").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoSessions_SaysSoAndStaysInItsBox()
    {
        var cut = RenderChart([]);
        Assert.Equal("PSS-10: no scores yet.", cut.Find("desc").TextContent);
        Assert.Equal("0 0 400 240", cut.Find("svg").GetAttribute("viewBox"));
        Assert.Empty(cut.FindAll(".rn-change__point"));
        Assert.DoesNotContain("NaN", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_HasNoStyleAttributeOrScript()
    {
        var cut = RenderChart(Three, p => p.Add(c => c.Trend, Fit(Three)).Add(c => c.ReliableChange, Rc).Add(c => c.Cutoffs, [new ChangeCutoff("c", 20)]));
        Assert.Empty(cut.FindAll("[style]"));
        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("style"));
    }

    // Instrument bands give a line at the lower end of every band but the lowest (PHQ-9-like 0–4, 5–9, 10–14).
    [Fact]
    public void FromBands_LowerEndsOfAllButTheLowestBand()
    {
        var lines = ChangeCutoff.FromBands([new("mild", 5, 9), new("minimal", 0, 4), new("moderate", 10, 14)]);
        Assert.Equal([new ChangeCutoff("mild", 5), new ChangeCutoff("moderate", 10)], lines);
    }

    [Fact]
    public void FromJacobsonTruax_ListsTheAvailableCutoffs()
    {
        Assert.Equal([new ChangeCutoff("a", 12), new ChangeCutoff("c", 18.5)], ChangeCutoff.FromJacobsonTruax(new ClinicalCutoffs(12, null, 18.5, ChangeDirection.LowerIsBetter)));
    }
}
