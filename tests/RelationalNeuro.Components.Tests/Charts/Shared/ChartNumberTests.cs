using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using RelationalNeuro.Components.Charts;

namespace RelationalNeuro.Components.Tests.Charts.Shared;

/// <summary>
/// <see cref="ChartNumber.Svg"/> writes coordinates from their integer hundredths instead of .NET's "0.##" custom
/// format; the framework's own formatting is the oracle here: the value rounded to 2 decimals, halves away from zero,
/// then "0.##" with the invariant culture, and "0" for anything that rounds to zero (never "-0").
/// </summary>
public sealed class ChartNumberTests
{
    private static string Oracle(double value)
    {
        var rounded = double.IsFinite(value) ? Math.Round(value, 2, MidpointRounding.AwayFromZero) : 0;
        return rounded == 0 ? "0" : rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }

    [Theory]
    // Worked by hand: 159.333… → 159.33; 274.666… → 274.67; whole numbers lose the point; one decimal keeps one digit.
    [InlineData(159.33333333333334, "159.33")]
    [InlineData(274.6666666666667, "274.67")]
    [InlineData(186.0, "186")]
    [InlineData(40.5, "40.5")]
    [InlineData(-3.0, "-3")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(-23.066666666666666, "-23.07")]
    [InlineData(0.004, "0")]
    [InlineData(-0.004, "0")]
    [InlineData(0.07, "0.07")]
    [InlineData(double.NaN, "0")]
    [InlineData(double.NegativeInfinity, "0")]
    // 123456789.125 · 100 = 12345678912.5 exactly; + (0.5 − 2⁻⁵⁴) rounds to 12345678913 (ulp 2⁻¹⁹), truncated: away from zero.
    [InlineData(123456789.125, "123456789.13")]
    public void Svg_WorkedExamples(double value, string expected)
    {
        Assert.Equal(expected, ChartNumber.Svg(value));
        var builder = new System.Text.StringBuilder("x");
        ChartNumber.AppendSvg(builder, value);
        Assert.Equal("x" + expected, builder.ToString());
    }

    [Fact]
    public void Svg_AnyValue_WritesWhatZeroHashHashWrites()
    {
        // Coordinates of every size a chart writes, and halves (k + 0.005) where rounding is decided.
        var values =
            from whole in Gen.Choose(-100_000, 100_000)
            from hundredths in Gen.Choose(0, 999)
            from scale in Gen.Elements(1.0, 0.001, 0.1, 10.0, 1e6, 1e9)
            select (whole + (hundredths / 1000.0)) * scale;
        Prop.ForAll(values.ToArbitrary(), v => ChartNumber.Svg(v) == Oracle(v)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Svg_RandomDoubles_WriteWhatZeroHashHashWrites()
    {
        var random = new Random(20261202);
        for (var i = 0; i < 200_000; i++)
        {
            var v = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-4, 16));
            Assert.Equal(Oracle(v), ChartNumber.Svg(v));
        }
    }
}
