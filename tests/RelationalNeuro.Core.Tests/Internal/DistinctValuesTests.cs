using RelationalNeuro.Internal;

namespace RelationalNeuro.Core.Tests.Internal;

/// <summary>
/// The numbering of distinct values behind the entropy value grid and the rolling windows' rank path: numbers ascend
/// with the value, equal values share one, and −0 and +0 (equal, different bits) get two adjacent ones.
/// </summary>
public sealed class DistinctValuesTests
{
    [Fact]
    public void Number_HandExample_AscendingNumbersAndValues()
    {
        double[] x = [812.5, 750, 1000, 750, 812.5];
        var number = new int[x.Length];
        var values = new double[8];

        var distinct = DistinctValues.Number(x, number, values, out var signedZeros);

        Assert.Equal(3, distinct);
        Assert.Equal([1, 0, 2, 0, 1], number);
        Assert.Equal([750, 812.5, 1000], values[..3]);
        Assert.False(signedZeros);
    }

    [Fact]
    public void Number_NegativeZeroFirst_IsNumberedLikeAnyOtherValue()
    {
        // −0's bits are those of long.MinValue; the "no previous value" marker must not be mistaken for them (it was: the
        // first −0 got number −1 and the renumbering indexed outside its table).
        double[] x = [-0.0, 0.0, 5, -0.0, 0.0];
        var number = new int[x.Length];
        var values = new double[8];

        var distinct = DistinctValues.Number(x, number, values, out var signedZeros);

        Assert.Equal(3, distinct);
        Assert.True(signedZeros);
        Assert.All(number, v => Assert.InRange(v, 0, 2));
        Assert.Equal(number[0], number[3]);
        Assert.Equal(number[1], number[4]);
        Assert.NotEqual(number[0], number[1]);
        Assert.Equal(2, number[2]);
        Assert.True(double.IsNegative(values[number[0]]) && values[number[0]] == 0);
        Assert.True(double.IsPositive(values[number[1]]) && values[number[1]] == 0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Number_NaNOrTooManyValues_ReturnsMinusOne(int kind)
    {
        var x = kind == 0 ? [1.0, double.NaN, 2.0] : Enumerable.Range(0, 20).Select(i => (double)i).ToArray();

        var distinct = DistinctValues.Number(x, new int[x.Length], new double[16], out _);

        Assert.Equal(-1, distinct);
    }
}
