using RelationalNeuro.Connectivity;
using RelationalNeuro.Core.Tests.Support;

namespace RelationalNeuro.Core.Tests.Connectivity;

public class FisherZTests
{
    // Analytic: atanh(0.8) = ½ ln(9) = ln 3.
    [Fact]
    public void Transform_Analytic() => Assert.Equal(Math.Log(3), FisherZ.Transform(0.8), 15);

    [Fact]
    public void Transform_UnitIsInfiniteNotNaN()
    {
        Assert.Equal(double.PositiveInfinity, FisherZ.Transform(1));
        Assert.Equal(double.NegativeInfinity, FisherZ.Transform(-1));
        Assert.Equal(1, FisherZ.Inverse(double.PositiveInfinity));
    }

    [Fact]
    public void Inverse_OfTransform_RoundTrips() =>
        Props.Check(Props.Double(-1, 1), r => Math.Abs(FisherZ.Inverse(FisherZ.Transform(r)) - r) <= 1e-12);

    [Fact]
    public void Transform_OfInverse_RoundTrips() =>
        Props.Check(Props.Double(-5, 5), z => Math.Abs(FisherZ.Transform(FisherZ.Inverse(z)) - z) <= 1e-10);

    [Theory]
    [InlineData(1.0000001)]
    [InlineData(-2.0)]
    [InlineData(double.NaN)]
    public void Transform_OutOfRange_ThrowsNamingArgument(double r) =>
        Assert.Equal("r", Assert.Throws<ArgumentOutOfRangeException>(() => FisherZ.Transform(r)).ParamName);

    [Fact]
    public void Transform_Span_OutOfRange_ThrowsNamingIndex()
    {
        var ex = Assert.Throws<ArgumentException>(() => FisherZ.Transform([0.1, 1.5], new double[2]));
        Assert.Contains("r[1] was 1.5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transform_Span_InPlace()
    {
        double[] values = [0.8, -0.8, 0];
        FisherZ.Transform(values, values);
        Assert.Equal([Math.Log(3), -Math.Log(3), 0], values.Select(v => Math.Round(v, 14)), (a, b) => Math.Abs(a - b) < 1e-13);
        FisherZ.Inverse(values, values);
        Assert.Equal(0.8, values[0], 14);
    }
}
