using Microsoft.AspNetCore.Components;
using RelationalNeuro.Components.Tests.Localization;
using RelationalNeuro.Synchrony;

namespace RelationalNeuro.Components.Tests.SynchronyMap;

public sealed class SynchronyMapTests : BunitContext
{
    // The grid of the hand-derived snapshot (see its comment): 1 Hz, 3-s windows every 3 s, lags ±1 s, signed r.
    private static readonly double[] A = [0, 1, 2, 3, 4, 6, 6];
    private static readonly double[] B = [1, 2, 3, 3, 3, 1, 0];

    private static WindowedCrossCorrelationResult TwoWindows() =>
        WindowedCrossCorrelation.Compute(A, B, 1, WindowedCrossCorrelationOptions.PlainR with { WindowSeconds = 3, IncrementSeconds = 3, MaxLagSeconds = 1 });

    private IRenderedComponent<Components.SynchronyMap> RenderMap(WindowedCrossCorrelationResult result, Action<ComponentParameterCollectionBuilder<Components.SynchronyMap>>? more = null) =>
        Render<Components.SynchronyMap>(p =>
        {
            p.Add(c => c.Result, result);
            more?.Invoke(p);
        });

    [Fact]
    public void Render_TwoWindows_MatchesHandDerivedSnapshot()
    {
        var cut = RenderMap(TwoWindows());

        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Snapshots", "SynchronyMap.two-windows.html"));
        cut.Find("g.rn-sync-map__cells").MarkupMatches(expected);
    }

    [Fact]
    public void Render_TwoWindows_DescriptionTableAndLegendSayTheNumbers()
    {
        var cut = RenderMap(TwoWindows(), p => p.Add(c => c.NameA, "the therapist").Add(c => c.NameB, "the client").AddUnmatched("id", "map"));

        Assert.Equal("Synchrony map", cut.Find("title").TextContent);
        Assert.Equal("map-title", cut.Find("svg").GetAttribute("aria-labelledby"));
        // Grand average (1 + 0.866 − 0.5 − 0.945 − 0.929)/5 = −0.101; best lags 0 and −1 → median −0.5 s.
        Assert.Equal(
            "Cross-correlation (Pearson r) of the therapist and the client in 2 windows of 3 s every 3 s, lags from −1 to +1 s (above 0: the client follows the therapist). Grand average -0.10. Median best lag -0.5 s.",
            cut.Find("desc").TextContent);
        var rows = cut.FindAll("table tbody tr").Select(r => string.Join('|', r.Children.Select(c => c.TextContent))).ToArray();
        Assert.Equal(["0:00|0|1.00", "0:03|-1|-0.50"], rows);
        // The sign of the lag is a legend entry (HTML, wraps) rather than part of the axis title, which must fit 400 units
        // at the largest text size whatever the names.
        Assert.Equal("Lag (s)", cut.Find(".rn-chart__axis--y .rn-chart__axis-title").TextContent);
        var legend = cut.FindAll(".rn-sync-map__legend li").Select(li => li.TextContent.Trim()).ToArray();
        Assert.Equal(
            ["Lag above 0: the client follows the therapist", "-1.0 to -0.8", "-0.8 to -0.6", "-0.6 to -0.4", "-0.4 to -0.2", "-0.2 to 0.0", "0.0 to 0.2", "0.2 to 0.4", "0.4 to 0.6", "0.6 to 0.8", "0.8 to 1.0", "not computed", "best lag of each window"],
            legend);
    }

    [Fact]
    public void Render_ManyWindows_BucketsToBoundedMarkup()
    {
        // 24 h at 4 Hz with rMEA's geometry is 5,759 windows; an hour-long grid of 14,400 samples is 238. Use 3 hours at 1 Hz,
        // 30-s windows every 5 s: 2,154 windows, drawn as ≤ 120 columns with at most 11 colour paths and ≤ 120 table rows.
        var n = 3 * 3600;
        var a = new double[n];
        var b = new double[n];
        for (var i = 0; i < n; i++)
        {
            a[i] = Math.Sin(i / 7.0) + Math.Sin(i / 23.0);
            b[i] = Math.Sin((i - 2) / 7.0) + Math.Cos(i / 31.0);
        }

        var result = WindowedCrossCorrelation.Compute(a, b, 1, WindowedCrossCorrelationOptions.PlainR with { IncrementSeconds = 5 });
        Assert.True(result.WindowCount > 2000, $"{result.WindowCount} windows");

        var cut = RenderMap(result);

        Assert.InRange(cut.FindAll("g.rn-sync-map__cells path").Count, 1, 12);
        Assert.Equal(Components.SynchronyMap.MaxColumns, cut.FindAll("table tbody tr").Count);
        Assert.Contains("Drawn as 120 columns and 11 rows", cut.Find("desc").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Markup.Length < 200 * 1024, $"{cut.Markup.Length} characters of markup");
    }

    [Fact]
    public void Render_NoWindows_SaysSo()
    {
        var result = WindowedCrossCorrelation.Compute(A, B, 1, WindowedCrossCorrelationOptions.PlainR with { WindowSeconds = 30 });

        var cut = RenderMap(result);

        Assert.Equal("No windows: the session is shorter than one window.", cut.Find("desc").TextContent);
        Assert.Empty(cut.FindAll("table"));
    }

    [Fact]
    public void Render_WithoutResult_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Render<Components.SynchronyMap>());
    }

    [Fact]
    public void Render_UnderGerman_GermanWordsAndInvariantNumbers()
    {
        using var culture = new UiCulture("de-DE");

        var cut = RenderMap(TwoWindows());

        Assert.Equal("Synchronie-Karte", cut.Find("title").TextContent);
        Assert.Equal(
            "Kreuzkorrelation (Pearson-r) von A und B in 2 Fenstern zu 3 s alle 3 s, Verzögerungen von −1 bis +1 s (über 0: B folgt A). Gesamtmittel -0.10. Median der besten Verzögerung -0.5 s.",
            cut.Find("desc").TextContent);
        Assert.Equal("M130 129L130 129M302 196.33L302 196.33", cut.Find(".rn-sync-map__best").GetAttribute("d"));
        Assert.Equal("0.8 bis 1.0", cut.FindAll(".rn-sync-map__legend li")[10].TextContent.Trim());
        Assert.Equal("Verzögerung über 0: B folgt A", cut.Find(".rn-sync-map__lag-sign").TextContent.Trim());
        Assert.Equal("Verzögerung (s)", cut.Find(".rn-chart__axis--y .rn-chart__axis-title").TextContent);
    }
}
