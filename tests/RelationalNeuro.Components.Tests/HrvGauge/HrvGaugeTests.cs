using System.Globalization;
using Microsoft.AspNetCore.Components;
using RelationalNeuro.Components;

namespace RelationalNeuro.Components.Tests.HrvGauge;

public class HrvGaugeTests : BunitContext
{
    private static readonly GaugeBand[] UsualRange =
    [
        new(0, 20, "below your usual range", GaugeBandTone.Low),
        new(20, 60, "within your usual range", GaugeBandTone.Within),
        new(60, 150, "above your usual range", GaugeBandTone.High),
    ];

    private IRenderedComponent<Components.HrvGauge> RenderGauge(double? value, Action<ComponentParameterCollectionBuilder<Components.HrvGauge>>? more = null) =>
        Render<Components.HrvGauge>(p =>
        {
            p.Add(g => g.Value, value).Add(g => g.Bands, UsualRange);
            more?.Invoke(p);
        });

    [Fact]
    public void Render_WithinBand_MatchesHandDerivedSnapshot()
    {
        var cut = RenderGauge(42, p => p.AddUnmatched("id", "rmssd"));
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Snapshots", "HrvGauge.within-band.html"));
        cut.MarkupMatches(expected);
    }

    [Fact]
    public void Render_UnderGermanCulture_WritesInvariantNumbers()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("de-DE");
        try
        {
            var cut = RenderGauge(42.5, p => p.Add(g => g.Format, "0.0").Add(g => g.Max, 150.5));
            var meter = cut.Find("[role=meter]");
            Assert.Equal("42.5", meter.GetAttribute("aria-valuenow"));
            Assert.Equal("150.5", meter.GetAttribute("aria-valuemax"));
            Assert.Equal("42.5 ms, within your usual range", meter.GetAttribute("aria-valuetext"));
            Assert.DoesNotContain(",5", cut.Markup, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Render_NoReading_SaysSoAndWritesNoNaN(double? value)
    {
        var cut = RenderGauge(value);
        var meter = cut.Find("[role=meter]");
        Assert.Equal("No reading yet", meter.GetAttribute("aria-valuetext"));
        Assert.Equal("0", meter.GetAttribute("aria-valuenow"));
        Assert.Contains("rn-gauge--empty", meter.ClassName, StringComparison.Ordinal);
        Assert.Equal("1000", cut.Find(".rn-gauge__fill").GetAttribute("stroke-dashoffset"));
        Assert.DoesNotContain("NaN", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AboveTheScale_ClampsTheDrawingButReadsTheRealValue()
    {
        var cut = RenderGauge(180);
        var meter = cut.Find("[role=meter]");
        Assert.Equal("150", meter.GetAttribute("aria-valuenow"));
        Assert.Equal("180 ms, above the scale", meter.GetAttribute("aria-valuetext"));
        Assert.Equal("0", cut.Find(".rn-gauge__fill").GetAttribute("stroke-dashoffset"));
        Assert.Equal("180", cut.Find(".rn-gauge__number").TextContent);
    }

    [Theory]
    [InlineData(19.99, "low", "below your usual range")]
    [InlineData(20, "within", "within your usual range")]
    [InlineData(59.99, "within", "within your usual range")]
    [InlineData(60, "high", "above your usual range")]
    [InlineData(150, "high", "above your usual range")]
    public void Render_BandEdges_LowerEdgeInclusiveUpperExclusive(double value, string tone, string label)
    {
        var cut = RenderGauge(value, p => p.Add(g => g.Format, "0.00"));
        Assert.Contains($"rn-gauge--{tone}", cut.Find("[role=meter]").ClassName, StringComparison.Ordinal);
        Assert.EndsWith(label, cut.Find("[role=meter]").GetAttribute("aria-valuetext"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ValueChanges_MovesTheFill()
    {
        var cut = RenderGauge(30);
        Assert.Equal("800", cut.Find(".rn-gauge__fill").GetAttribute("stroke-dashoffset"));
        cut.Render(p => p.Add(g => g.Value, 75.0));
        Assert.Equal("500", cut.Find(".rn-gauge__fill").GetAttribute("stroke-dashoffset"));
    }

    [Fact]
    public void Render_ClassAndAttributes_LandOnTheMeter()
    {
        var cut = RenderGauge(42, p => p.Add(g => g.Class, "mine").AddUnmatched("data-metric", "rmssd"));
        var meter = cut.Find("[role=meter]");
        Assert.Contains("mine", meter.ClassList);
        Assert.Equal("rmssd", meter.GetAttribute("data-metric"));
    }

    [Fact]
    public void Render_OtherMetricAndUnit_AreReadOut()
    {
        var cut = Render<Components.HrvGauge>(p => p.Add(g => g.Value, 72.0).Add(g => g.Min, 40.0).Add(g => g.Max, 120.0)
            .Add(g => g.Unit, "bpm").Add(g => g.Label, "Heart rate"));
        var meter = cut.Find("[role=meter]");
        Assert.Equal("Heart rate", meter.GetAttribute("aria-label"));
        Assert.Equal("72 bpm", meter.GetAttribute("aria-valuetext"));
        Assert.Equal("600", cut.Find(".rn-gauge__fill").GetAttribute("stroke-dashoffset")); // 1000·(1 − 32/80)
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(10, 5)]
    [InlineData(double.NaN, 10)]
    public void Render_InvalidScale_ThrowsNamingTheParameter(double min, double max)
    {
        var ex = Assert.Throws<ArgumentException>(() => Render<Components.HrvGauge>(p => p.Add(g => g.Min, min).Add(g => g.Max, max)));
        Assert.Equal("Max", ex.ParamName);
    }

    [Fact]
    public void Render_InvalidBand_ThrowsNamingBands()
    {
        var ex = Assert.Throws<ArgumentException>(() => Render<Components.HrvGauge>(p => p.Add(g => g.Bands, [new GaugeBand(50, 40, "bad", GaugeBandTone.Low)])));
        Assert.Equal("Bands", ex.ParamName);
    }

    [Fact]
    public void Markup_HasNoStyleAttribute()
    {
        var cut = RenderGauge(42);
        Assert.Empty(cut.FindAll("[style]"));
    }

    [Fact]
    public void Render_NewValueKeepsTheArcs_NewBandsOrScaleRedrawsThem()
    {
        var cut = RenderGauge(30);
        var arcs = cut.FindAll(".rn-gauge__band").Select(b => b.GetAttribute("d")).ToList();
        Assert.Equal(3, arcs.Count);

        cut.Render(p => p.Add(g => g.Value, 45.0));
        Assert.Equal(arcs, cut.FindAll(".rn-gauge__band").Select(b => b.GetAttribute("d")));

        cut.Render(p => p.Add(g => g.Bands, [new GaugeBand(0, 75, "lower half", GaugeBandTone.Low)]));
        var half = Assert.Single(cut.FindAll(".rn-gauge__band"));
        Assert.Equal(Components.HrvGauge.ArcPath(84, 0, 0.5), half.GetAttribute("d"));

        cut.Render(p => p.Add(g => g.Max, 300.0));
        Assert.Equal(Components.HrvGauge.ArcPath(84, 0, 0.25), cut.Find(".rn-gauge__band").GetAttribute("d"));
    }

    // Issue 13, defect 6: Max − Min overflowed to ∞ and the fraction was NaN, written as stroke-dashoffset="NaN".
    [Theory]
    [InlineData(-1e308, 1e308, 0.0, "500")]
    [InlineData(-1e308, 1e308, 1e308, "0")]
    [InlineData(-double.MaxValue, double.MaxValue, -double.MaxValue, "1000")]
    [InlineData(0, double.Epsilon, double.Epsilon, "0")]
    public void Render_ScaleAcrossTheWholeDoubleRange_WritesAFiniteOffset(double min, double max, double value, string offset)
    {
        GaugeBand[] bands = max / 2 > min ? [new GaugeBand(min, max / 2, "lower half", GaugeBandTone.Low)] : [];
        var cut = Render<Components.HrvGauge>(p => p.Add(g => g.Value, value).Add(g => g.Min, min).Add(g => g.Max, max).Add(g => g.Bands, bands));
        Assert.Equal(offset, cut.Find(".rn-gauge__fill").GetAttribute("stroke-dashoffset"));
        Assert.DoesNotContain("NaN", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", cut.Markup, StringComparison.Ordinal);
    }
}
