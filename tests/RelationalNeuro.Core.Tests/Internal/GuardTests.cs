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

public class RrGuardTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(0.0)]
    [InlineData(-800.0)]
    public void ValidIntervals_InvalidValue_ThrowsNamingArgumentIndexAndValue(double bad)
    {
        double[] rrMs = [800, 810, bad, 790];
        var ex = Assert.Throws<ArgumentException>(() => RrGuard.ValidIntervals(rrMs));
        Assert.Equal(nameof(rrMs), ex.ParamName);
        Assert.Contains("rrMs[2]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidIntervals_ImplausibleButPositive_IsAccepted() => RrGuard.ValidIntervals([150.0, 5000.0]);
}
