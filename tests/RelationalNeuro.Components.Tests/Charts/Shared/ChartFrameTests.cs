using RelationalNeuro.Components.Charts;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Components.Tests.Charts.Shared;

/// <summary>
/// The frame widens the viewBox leftwards only for y tick labels that would run past its left edge
/// (<see cref="ChartFrame.MinXFor"/>): to a whole unit 1 beyond the text, never for a chart without a y axis.
/// </summary>
public sealed class ChartFrameTests : BunitContext
{
    [Theory]
    [InlineData(null, 0)]      // no y labels (an empty chart, or a bottom axis): the layout's viewBox
    [InlineData(7.3, 0)]       // "800" in a 44-unit margin: 44 − 7 − 29.7 = 7.3
    [InlineData(1.0, 0)]       // exactly 1 unit inside: floor(0) = 0
    [InlineData(0.5, -1)]      // less than a unit inside: floor(−0.5)
    [InlineData(-2.6, -4)]     // "1200": 44 − 7 − 39.6 = −2.6 → floor(−3.6)
    [InlineData(-14.4, -16)]   // "150000" in a 52-unit margin: 52 − 7 − 59.4
    public void MinXFor_WholeUnitOneBeyondTheText(double? textLeft, double expected) =>
        Assert.Equal(expected, ChartFrame.MinXFor(textLeft));

    [Fact]
    public void ViewBox_WidenedLeftwards_KeepsTheRightEdgeAndHeight()
    {
        var layout = new ChartLayout(400, 220, 44, 24, 10, 34);
        Assert.Equal("0 0 400 220", new ChartFrame("c", layout, "rn-chart", "t", "d").ViewBox);
        Assert.Equal("-4 0 404 220", new ChartFrame("c", layout, "rn-chart", "t", "d", -4).ViewBox);
    }

    [Fact]
    public void EmptyTachogram_KeepsTheLayoutsViewBox()
    {
        Services.AddRelationalNeuroComponents();
        var cut = Render<Components.Tachogram>(p => p.Add(c => c.Series, RrSeries.FromIntervalsMs([])));
        Assert.Equal("0 0 400 220", cut.Find("svg.rn-chart__svg").GetAttribute("viewBox"));
    }
}
