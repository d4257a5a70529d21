using RelationalNeuro.Internal;

namespace RelationalNeuro.Core.Tests.Internal;

public class GuardTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    public void Positive_RejectsNonPositiveNaNAndInfinity_NamingTheArgumentAndValue(double windowSeconds)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Positive(windowSeconds));
        Assert.Equal(nameof(windowSeconds), ex.ParamName);
        Assert.Contains("was", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InRange_RejectsNaN()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.InRange(double.NaN, 0, 1, "overlap"));
        Assert.Equal("overlap", ex.ParamName);
    }

    [Fact]
    public void InRange_AcceptsBounds() => Assert.Equal(1.0, Guard.InRange(1.0, 0, 1));
}
