using System.Globalization;
using RelationalNeuro.Core.Tests.Support;
using RelationalNeuro.Endocrine;

namespace RelationalNeuro.Core.Tests.Endocrine;

public class CortisolConcentrationTests
{
    // TV7, research file §5/§10 (molar mass 362.46 g/mol): 15 nmol/L = 0.543690 µg/dL = 5.436900 ng/mL;
    // 0.5 µg/dL = 13.794626 nmol/L; 4.5 ng/mL = 12.415163 nmol/L. Tolerance 1e-4 relative as the file asks (we meet 1e-6).
    [Fact]
    public void Conversions_WorkedValuesTV7_Match()
    {
        var c = CortisolConcentration.FromNanomolesPerLiter(15);
        Assert.Equal(0.543690, c.ToMicrogramsPerDeciliter(), 6);
        Assert.Equal(5.436900, c.ToNanogramsPerMilliliter(), 6);
        Assert.Equal(13.794626, CortisolConcentration.FromMicrogramsPerDeciliter(0.5).NanomolesPerLiter, 6);
        Assert.Equal(12.415163, CortisolConcentration.FromNanogramsPerMilliliter(4.5).NanomolesPerLiter, 6);
    }

    [Fact]
    public void FromMicrogramsPerDeciliter_One_Is27Point589NanomolesPerLiter() =>
        Assert.Equal(27.589, CortisolConcentration.FromMicrogramsPerDeciliter(1).NanomolesPerLiter, 3);

    [Theory]
    [InlineData(CortisolUnit.NanomolesPerLiter)]
    [InlineData(CortisolUnit.MicrogramsPerDeciliter)]
    [InlineData(CortisolUnit.NanogramsPerMilliliter)]
    public void From_To_RoundTripsInEveryUnit(CortisolUnit unit) =>
        Props.Check(Props.Double(0, 5000), v =>
        {
            var back = CortisolConcentration.From(v, unit).To(unit);
            return Math.Abs(back - v) <= 1e-12 * Math.Max(1, v);
        });

    [Fact]
    public void ToString_ThenParse_RoundTripsExactly() =>
        Props.Check(Props.Double(0, 2000), v =>
        {
            var c = CortisolConcentration.FromNanomolesPerLiter(v);
            return CortisolConcentration.Parse(c.ToString()) == c;
        });

    [Fact]
    public void ToString_IsInvariantUnderGermanCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var c = CortisolConcentration.FromNanomolesPerLiter(12.3);
            Assert.Equal("12.3 nmol/L", c.ToString());
            Assert.Equal("12.3 nmol/L", $"{c}");
            Assert.Equal("0.45 \u00B5g/dL", CortisolConcentration.FromMicrogramsPerDeciliter(0.45).ToString(CortisolUnit.MicrogramsPerDeciliter, "F2"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("12.3 nmol/L", 12.3)]
    [InlineData("  12.3   NMOL/l ", 12.3)]
    [InlineData("1.23e1 nmol/L", 12.3)]
    [InlineData("0 nmol/L", 0)]
    public void Parse_NanomolesPerLiter_ReadsValue(string text, double expected) =>
        Assert.Equal(expected, CortisolConcentration.Parse(text).NanomolesPerLiter, 12);

    [Theory]
    [InlineData("0.5 \u00B5g/dL")] // micro sign
    [InlineData("0.5 \u03BCg/dL")] // Greek mu
    [InlineData("0.5 ug/dL")]
    public void Parse_MicroSpellings_AllMean13Point7946NanomolesPerLiter(string text) =>
        Assert.Equal(13.794626, CortisolConcentration.Parse(text).NanomolesPerLiter, 6);

    [Theory]
    [InlineData("4.5 ng/mL")]
    [InlineData("4.5 ug/L")]
    public void Parse_NanogramsPerMilliliterOrMicrogramsPerLiter_Same(string text) =>
        Assert.Equal(12.415163, CortisolConcentration.Parse(text).NanomolesPerLiter, 6);

    [Theory]
    [InlineData("")]
    [InlineData("12.3")]
    [InlineData("12.3nmol/L")]
    [InlineData("12,3 nmol/L")]
    [InlineData("abc nmol/L")]
    [InlineData("-1 nmol/L")]
    [InlineData("NaN nmol/L")]
    [InlineData("Infinity nmol/L")]
    [InlineData("12.3 mg/dL")]
    [InlineData("12.3 pg/mL")]
    public void TryParse_BadText_ReturnsFalseAndParseThrowsQuotingIt(string text)
    {
        Assert.False(CortisolConcentration.TryParse(text, out var result));
        Assert.Equal(CortisolConcentration.Zero, result);
        var ex = Assert.Throws<FormatException>(() => CortisolConcentration.Parse(text));
        Assert.Contains($"'{text}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse() => Assert.False(CortisolConcentration.TryParse(null, out _));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void FromNanomolesPerLiter_InvalidValue_ThrowsNamingArgumentAndValue(double value)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CortisolConcentration.FromNanomolesPerLiter(value));
        Assert.Equal("value", ex.ParamName);
        Assert.Contains("was", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_UndefinedUnit_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CortisolConcentration.From(1, (CortisolUnit)42));

    [Fact]
    public void Equality_SameAmountFromDifferentUnits_IsEqual()
    {
        var a = CortisolConcentration.FromNanogramsPerMilliliter(10);
        var b = CortisolConcentration.FromMicrogramsPerDeciliter(1);
        Assert.Equal(a.NanomolesPerLiter, b.NanomolesPerLiter, 12);
        var c = CortisolConcentration.FromNanomolesPerLiter(5);
        var d = CortisolConcentration.Parse("5 nmol/L");
        Assert.True(c == d);
        Assert.False(c != d);
        Assert.True(c.Equals((object)d));
        Assert.False(c.Equals("5 nmol/L"));
        Assert.Equal(c.GetHashCode(), d.GetHashCode());
    }

    [Fact]
    public void Ordering_FollowsAmount()
    {
        var low = CortisolConcentration.FromNanomolesPerLiter(2);
        var high = CortisolConcentration.FromMicrogramsPerDeciliter(0.5); // 13.79 nmol/L
        Assert.True(low < high && low <= high && high > low && high >= low);
        Assert.True(low.CompareTo(high) < 0);
        Assert.True(high.CompareTo((object)low) > 0);
        Assert.True(low.CompareTo(null) > 0);
        Assert.Throws<ArgumentException>(() => low.CompareTo((object)1.0));
        CortisolConcentration[] sorted = [high, low, CortisolConcentration.Zero];
        Array.Sort(sorted);
        Assert.Equal([CortisolConcentration.Zero, low, high], sorted);
    }

    [Fact]
    public void Symbol_EveryUnit_IsWrittenAndParsedBack()
    {
        foreach (var unit in Enum.GetValues<CortisolUnit>())
        {
            var c = CortisolConcentration.From(3.25, unit);
            Assert.EndsWith(CortisolConcentration.Symbol(unit), c.ToString(unit), StringComparison.Ordinal);
            Assert.Equal(3.25, CortisolConcentration.Parse(c.ToString(unit)).To(unit), 12);
        }
    }
}
