using System.Globalization;
using Microsoft.AspNetCore.Components;
using RelationalNeuro.Components.Tests.Localization;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Components.Tests.PowerSpectrumChart;

public sealed class PowerSpectrumChartTests : BunitContext
{
    private static readonly PowerSpectrum SixBins = new(SpectralMethod.Welch, [0, 0.1, 0.2, 0.3, 0.4, 0.5], [0, 100, 400, 200, 100, 50], 0.1, []);

    // Band powers chosen, not computed: the chart only reads them out.
    private static readonly FrequencyDomainResult Bands = new(
        SpectralMethod.Welch, 300, 0.1, 0.1,
        UlfPowerMs2: null, VlfPowerMs2: 12.4, LfPowerMs2: 345.6, HfPowerMs2: 789.4, VhfPowerMs2: null, TotalPowerMs2: 1147.4,
        UlfPeakHz: null, VlfPeakHz: 0.02, LfPeakHz: 0.1, HfPeakHz: 0.2, VhfPeakHz: null,
        UlfRelativePercent: null, VlfRelativePercent: 1.1, LfRelativePercent: 30.1, HfRelativePercent: 68.8,
        LfNormalizedUnits: 30.4, HfNormalizedUnits: 69.6, LfHfRatio: 0.4378, Problems: []);

    private IRenderedComponent<Components.PowerSpectrumChart> RenderChart(PowerSpectrum spectrum, Action<ComponentParameterCollectionBuilder<Components.PowerSpectrumChart>>? more = null) =>
        Render<Components.PowerSpectrumChart>(p =>
        {
            p.Add(c => c.Spectrum, spectrum);
            more?.Invoke(p);
        });

    [Fact]
    public void Render_SixBinsWithBands_MatchesHandDerivedSnapshot()
    {
        var cut = RenderChart(SixBins, p => p.Add(c => c.Result, Bands).AddUnmatched("id", "psd"));
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Snapshots", "PowerSpectrumChart.six-bins.html"));
        cut.MarkupMatches(expected);
    }

    [Fact]
    public void Render_LongPowerLabels_WidenTheViewBoxLeftwards_AndTheLastFrequencyLabelEndsAtItsTick()
    {
        // PSD up to 150,000 ms²/Hz: Heckbert 0..150000 → nice(150000) = 200000, step nice(50000) = 50000 → labels "0",
        // "50000", "100000", "150000". The longest, 6 characters × 9.9 units (0.66 em at 15 units), ends 7 left of the plot
        // (x 52): it may reach 52 − 7 − 59.4 = −14.4; one unit beyond, rounded down, the viewBox starts at −16, width 416.
        var spectrum = new PowerSpectrum(SpectralMethod.Welch, [0, 0.1, 0.2, 0.3, 0.4, 0.5], [0, 100_000, 150_000, 20_000, 1_000, 10], 0.1, []);
        var cut = RenderChart(spectrum);
        Assert.Equal(["0", "50000", "100000", "150000"], cut.FindAll(".rn-chart__axis--y .rn-chart__tick-label").Select(t => t.TextContent));
        Assert.Equal("-16 0 416 240", cut.Find("svg.rn-chart__svg").GetAttribute("viewBox"));
        // x labels: "0.5" at 390 centred could reach 390 + 3 × 9.9 / 2 = 404.85 > 400, so it ends at its tick; "0.4" at
        // 322.4 stays centred.
        var x = cut.FindAll(".rn-chart__axis--x .rn-chart__tick-label");
        Assert.Equal(("0.5", "end"), (x[^1].TextContent, x[^1].GetAttribute("text-anchor")));
        Assert.Equal(("0.4", "middle"), (x[^2].TextContent, x[^2].GetAttribute("text-anchor")));
    }

    [Fact]
    public void Render_ShortPowerLabels_KeepTheLayoutsViewBox()
    {
        // Labels up to "400" (3 characters) reach 52 − 7 − 29.7 = 15.3 ≥ 0: the viewBox is the layout's.
        var cut = RenderChart(SixBins);
        Assert.Equal("0 0 400 240", cut.Find("svg.rn-chart__svg").GetAttribute("viewBox"));
    }

    [Fact]
    public void Render_LogarithmicAxis_DecadesAndAFloor()
    {
        // Densities 0.001 … 400: the floor is max(smallest positive, 400·10⁻⁴ = 0.04) = 0.04 → decades 0.01 … 1000.
        var spectrum = new PowerSpectrum(SpectralMethod.LombScargle, [0, 0.1, 0.2, 0.3], [0.001, 4, 400, 40], 0.1, []);
        var cut = RenderChart(spectrum, p => p.Add(c => c.LogarithmicPower, true).Add(c => c.MaxFrequencyHz, 0.3));
        Assert.Equal(["0.01", "0.1", "1", "10", "100", "1000"], cut.FindAll(".rn-chart__axis--y .rn-chart__tick-label").Select(t => t.TextContent));
        Assert.Equal("Power spectral density (Lomb–Scargle) from 0 to 0.3 Hz, logarithmic scale.", cut.Find("desc").TextContent);
        // x: Heckbert 0..0.3 → step 0.1, x = 52 + 338·f/0.3 → 0.2 Hz at 277.33.
        // y: 5 decades over 182 units: 400 → 206 − 182·(log10 400 + 2)/5 = 206 − 182·0.92041 = 38.49.
        Assert.Contains("L277.33 38.49", cut.Find(".rn-chart__line").GetAttribute("d"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ManyBins_TableAveragesAndSaysSo()
    {
        var f = Enumerable.Range(0, 513).Select(i => i / 1024.0).ToArray(); // 0 … 0.5 Hz in 1/1024 Hz steps
        var p = f.Select(x => 100 + (1000 * Math.Exp(-Math.Pow((x - 0.25) / 0.02, 2)))).ToArray();
        var cut = RenderChart(new PowerSpectrum(SpectralMethod.Welch, f, p, 1 / 1024.0, []));
        // 513 bins, at most 100 rows: ⌈513 / 100⌉ = 6 bins a row → ⌈513 / 6⌉ = 86 rows.
        Assert.Equal(86, cut.FindAll("tbody tr").Count);
        Assert.EndsWith("Each row averages 6 neighbouring frequencies of the 513 drawn.", cut.Find("caption").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find(".rn-chart__line").GetAttribute("d")!.Count(ch => ch is 'M' or 'L') <= 2 * Components.PowerSpectrumChart.Layout.PlotWidth);
    }

    [Fact]
    public void Render_UnderGerman_GermanWordsAndInvariantNumbers()
    {
        using var culture = new UiCulture("de-DE");
        var cut = RenderChart(SixBins, p => p.Add(c => c.Result, Bands));
        Assert.Equal("Leistungsspektrum", cut.Find("title").TextContent);
        Assert.Equal("Leistungsdichtespektrum (Welch) von 0 bis 0.5 Hz, lineare Skala. Bandleistungen: VLF 12 ms², LF 346 ms², HF 789 ms²; LF/HF 0.44. Spitzen: LF bei 0.1 Hz, HF bei 0.2 Hz.",
            cut.Find("desc").TextContent);
        Assert.Equal("Frequenz (Hz)", cut.Find(".rn-chart__axis--x .rn-chart__axis-title").TextContent);
        Assert.Equal("0.1", cut.FindAll(".rn-chart__axis--x .rn-chart__tick-label")[1].TextContent);
    }

    [Fact]
    public void Render_EmptySpectrum_SaysSo()
    {
        var cut = RenderChart(new PowerSpectrum(SpectralMethod.Welch, [], [], 0, []));
        Assert.Equal("No spectrum to show.", cut.Find("desc").TextContent);
    }

    [Fact]
    public void Render_BadParameters_ThrowNamingThem()
    {
        Assert.Throws<ArgumentNullException>("Spectrum", () => Render<Components.PowerSpectrumChart>());
        Assert.Throws<ArgumentOutOfRangeException>("MaxFrequencyHz", () => RenderChart(SixBins, p => p.Add(c => c.MaxFrequencyHz, 0.0)));
        Assert.Throws<ArgumentException>("Spectrum", () => RenderChart(new PowerSpectrum(SpectralMethod.Welch, [0, 0.1], [1], 0.1, [])));
    }
}
