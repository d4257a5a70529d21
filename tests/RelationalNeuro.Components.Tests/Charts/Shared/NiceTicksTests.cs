using System.Globalization;
using RelationalNeuro.Components.Charts;

namespace RelationalNeuro.Components.Tests.Charts.Shared;

public sealed class NiceTicksTests
{
    // Heckbert (Graphics Gems 1990) loose labelling, worked by hand:
    // range = nice(max − min, round: false); step = nice(range / (ticks − 1), round: true); ends widened to whole steps.
    [Theory]
    // 0..100: nice(100) = 100; nice(25, round) = 2·10 (2.5 < 3) → 0, 20, …, 100.
    [InlineData(0, 100, 5, new[] { 0.0, 20, 40, 60, 80, 100 }, new[] { "0", "20", "40", "60", "80", "100" })]
    // −3.7..12.2: nice(15.9) = 20; nice(5, round) = 5 → floor(−0.74)·5 = −5 … ceil(2.44)·5 = 15.
    [InlineData(-3.7, 12.2, 5, new[] { -5.0, 0, 5, 10, 15 }, new[] { "-5", "0", "5", "10", "15" })]
    // RR 612..1034 ms: nice(422) = 500; nice(125, round) = 100 (1.25 < 1.5) → 600 … 1100.
    [InlineData(612, 1034, 5, new[] { 600.0, 700, 800, 900, 1000, 1100 }, new[] { "600", "700", "800", "900", "1000", "1100" })]
    // 0..0.5 Hz: nice(0.5) = 0.5; nice(0.125, round) = 0.1 → one decimal on every label.
    [InlineData(0, 0.5, 5, new[] { 0.0, 0.1, 0.2, 0.3, 0.4, 0.5 }, new[] { "0.0", "0.1", "0.2", "0.3", "0.4", "0.5" })]
    public void Linear_HeckbertWorkedExamples(double min, double max, int ticks, double[] values, string[] labels)
    {
        var set = NiceTicks.Linear(min, max, ticks);
        Assert.Equal(values, set.Values);
        Assert.Equal(labels, set.Labels);
        Assert.Equal(values[0], set.Min);
        Assert.Equal(values[^1], set.Max);
    }

    [Fact]
    public void Linear_SpanBeyondDoubleRange_GivesFiniteTicks()
    {
        // −1e308..1e308: max − min overflows to ∞ (it made the tick count negative and threw). Cut to ±MaxValue/4
        // (±4.49e307), beyond the magnitudes round decimal labels serve (1e15): two ticks at those ends, labelled with
        // three significant digits rather than 308-digit numbers.
        var set = NiceTicks.Linear(-1e308, 1e308, 5);
        Assert.Equal([-double.MaxValue / 4, double.MaxValue / 4], set.Values);
        Assert.Equal(["-4.49E+307", "4.49E+307"], set.Labels);
        Assert.True(double.IsFinite(new LinearScale(set.Min, set.Max, 200, 20).Map(1e308)));
    }

    [Fact]
    public void Linear_OneValue_GivesAnAxisAroundIt()
    {
        var set = NiceTicks.Linear(800, 800, 5);
        Assert.True(set.Min < 800 && set.Max > 800);
    }

    [Theory]
    // 22 h 30 min: 81000/3600 = 22.5, /7200 = 11.25, /10800 = 7.5 are > 6; /21600 = 3.75 → every 6 h.
    [InlineData(0, 81000, new[] { "0:00", "6:00", "12:00", "18:00" })]
    // 5 min: 300/60 = 5 ≤ 6 → every minute, m:ss below an hour.
    [InlineData(0, 300, new[] { "0:00", "1:00", "2:00", "3:00", "4:00", "5:00" })]
    // 10..100 s: 90/15 = 6 → 15 s steps from the first multiple ≥ 10.
    [InlineData(10, 100, new[] { "0:15", "0:30", "0:45", "1:00", "1:15", "1:30" })]
    public void Time_ClockSteps(double start, double end, string[] labels)
    {
        var set = NiceTicks.Time(start, end, 6);
        Assert.Equal(labels, set.Labels);
        Assert.Equal(start, set.Min);
        Assert.Equal(end, set.Max);
    }

    [Fact]
    public void Log_ManyDecades_OnlyDecades()
    {
        var set = NiceTicks.Log(0.002, 5000);
        Assert.Equal([0.001, 0.01, 0.1, 1, 10, 100, 1000, 10000], set.Values.Select(v => Math.Round(v, 6)));
        Assert.Equal(["0.001", "0.01", "0.1", "1", "10", "100", "1000", "10000"], set.Labels);
    }

    [Fact]
    public void Log_TwoDecades_AddsTwoAndFive()
    {
        var set = NiceTicks.Log(15, 800);
        Assert.Equal([10.0, 20, 50, 100, 200, 500, 1000], set.Values.Select(v => Math.Round(v, 6)));
    }

    [Fact]
    public void Extent_SkipsNonFinite_AndFallsBackToUnit()
    {
        Assert.Equal((-2.0, 7.0), LinearScale.Extent([3, double.NaN, -2, 7, double.PositiveInfinity]));
        Assert.Equal((0.0, 1.0), LinearScale.Extent([double.NaN]));
        Assert.Equal((0.0, 1.0), LinearScale.Extent([]));
    }

    [Fact]
    public void Scales_MapAndInvert()
    {
        var linear = new LinearScale(600, 1100, 200, 20); // y downwards
        Assert.Equal(200, linear.Map(600));
        Assert.Equal(110, linear.Map(850));
        Assert.Equal(850, linear.Invert(110), 9);
        var log = new LogScale(1, 1000, 100, 0);
        Assert.Equal(100 - (100.0 / 3), log.Map(10), 9);
        Assert.Equal(100, log.Map(0)); // ≤ 0 goes to the axis start, not −∞
    }

    [Theory]
    [InlineData(81000, "22 h 30 min")]
    [InlineData(312, "5 min 12 s")]
    [InlineData(45, "45 s")]
    [InlineData(3600, "1 h")]
    public void Duration_ReadsAsAPersonSaysIt(double seconds, string expected) => Assert.Equal(expected, ChartNumber.Duration(seconds));

    [Theory]
    [InlineData(5, "5")]
    [InlineData(18.665587, "18.7")]
    [InlineData(-1.457143, "-1.46")]
    [InlineData(0.05, "0.05")]
    [InlineData(1234.6, "1235")]
    [InlineData(-0.0001, "-0.0001")]
    [InlineData(0, "0")]
    [InlineData(double.NaN, "–")]
    public void Significant_DigitsWithoutTrailingZeros(double value, string expected) => Assert.Equal(expected, ChartNumber.Significant(value));

    [Fact]
    public void Numbers_AreInvariant_UnderGermanCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Assert.Equal("106,459", ChartNumber.Count(106459));
            Assert.Equal("12.35", ChartNumber.Svg(12.345678));
            Assert.Equal("0", ChartNumber.Svg(-0.001));
            Assert.Equal("0", ChartNumber.Svg(double.NaN));
            Assert.Equal("0.15", ChartNumber.Label(0.15, 2));
            Assert.Equal("18.7", ChartNumber.Significant(18.665587));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
