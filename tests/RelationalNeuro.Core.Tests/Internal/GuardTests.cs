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

    [Fact]
    public void SameLength_Mismatch_NamesTheSecondSpanAndBothLengths()
    {
        double[] times = [0, 15, 30];
        double[] values = [1, 2];
        var ex = Assert.Throws<ArgumentException>(() => Guard.SameLength(times, values));
        Assert.Equal(nameof(values), ex.ParamName);
        Assert.Contains("values has 2 values but times has 3", ex.Message, StringComparison.Ordinal);
        Guard.SameLength(times, times);
    }

    [Fact]
    public void Length_Mismatch_NamesArgumentAndExpectedCount()
    {
        double[] storage = new double[5];
        var ex = Assert.Throws<ArgumentException>(() => Guard.Length(storage, 6, "T × N"));
        Assert.Equal(nameof(storage), ex.ParamName);
        Assert.Contains("storage has 5 values; T × N = 6", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Room_TooShort_NamesDestinationAndNeed()
    {
        var destination = new double[3];
        var ex = Assert.Throws<ArgumentException>(() => Guard.Room(destination, 4));
        Assert.Equal(nameof(destination), ex.ParamName);
        Assert.Contains("4 are needed", ex.Message, StringComparison.Ordinal);
        Guard.Room(destination, 3);
    }
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
