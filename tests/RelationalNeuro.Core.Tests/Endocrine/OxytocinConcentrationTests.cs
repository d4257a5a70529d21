using RelationalNeuro.Core.Tests.Support;
using RelationalNeuro.Endocrine;

namespace RelationalNeuro.Core.Tests.Endocrine;

public class OxytocinConcentrationTests
{
    // TV7, research file §5/§10 (molar mass 1007.19 g/mol): 10 pg/mL = 9.928613 pmol/L; 50 pmol/L = 50.3595 pg/mL.
    [Fact]
    public void Conversions_WorkedValuesTV7_Match()
    {
        Assert.Equal(9.928613, OxytocinConcentration.FromPicogramsPerMilliliter(10).ToPicomolesPerLiter(), 6);
        Assert.Equal(50.3595, OxytocinConcentration.FromPicomolesPerLiter(50).PicogramsPerMilliliter, 4);
    }

    [Theory]
    [InlineData(OxytocinUnit.PicogramsPerMilliliter)]
    [InlineData(OxytocinUnit.PicomolesPerLiter)]
    public void From_To_RoundTripsInEveryUnit(OxytocinUnit unit) =>
        Props.Check(Props.Double(0, 100_000), v =>
        {
            var back = OxytocinConcentration.From(v, unit).To(unit);
            return Math.Abs(back - v) <= 1e-12 * Math.Max(1, v);
        });

    [Fact]
    public void ToString_ThenParse_RoundTripsExactly() =>
        Props.Check(Props.Double(0, 5000), v =>
        {
            var c = OxytocinConcentration.FromPicogramsPerMilliliter(v);
            return OxytocinConcentration.Parse(c.ToString()) == c;
        });

    [Theory]
    [InlineData("10 pg/mL", 10)]
    [InlineData("10 ng/L", 10)]
    [InlineData("50 pmol/L", 50.3595)]
    public void Parse_KnownUnits_ReadsPicogramsPerMilliliter(string text, double pgMl) =>
        Assert.Equal(pgMl, OxytocinConcentration.Parse(text).PicogramsPerMilliliter, 4);

    [Theory]
    [InlineData("10")]
    [InlineData("10 nmol/L")]
    [InlineData("-3 pg/mL")]
    public void Parse_BadText_ThrowsFormatException(string text)
    {
        Assert.False(OxytocinConcentration.TryParse(text, out _));
        Assert.Throws<FormatException>(() => OxytocinConcentration.Parse(text));
    }

    [Fact]
    public void FromPicomolesPerLiter_Negative_ThrowsNamingArgument() =>
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => OxytocinConcentration.FromPicomolesPerLiter(-1)).ParamName);

    [Fact]
    public void EqualityAndOrdering_FollowAmount()
    {
        var a = OxytocinConcentration.FromPicogramsPerMilliliter(10);
        var b = OxytocinConcentration.Parse("10 pg/mL");
        var c = OxytocinConcentration.FromPicomolesPerLiter(10); // 10.0719 pg/mL
        Assert.True(a == b && a != c && a < c && c > a && a <= b && a >= b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("10 pg/mL", a.ToString());
        Assert.Equal("9.93 pmol/L", a.ToString(OxytocinUnit.PicomolesPerLiter, "F2"));
        Assert.Equal(0, a.CompareTo((object)b));
    }

    // The unit-neutral Auc serves oxytocin too. Hand computation: (10+14)/2·10 + (14+12)/2·10 = 250 pg/mL·min; AUCi = 250 − 10·20 = 50.
    [Fact]
    public void Auc_OxytocinProfile_InPicogramsPerMilliliterMinutes()
    {
        OxytocinConcentration[] samples = [OxytocinConcentration.Parse("10 pg/mL"), OxytocinConcentration.Parse("14 pg/mL"), OxytocinConcentration.Parse("12 pg/mL")];
        var auc = Auc.Compute([0, 10, 20], samples.Select(s => s.PicogramsPerMilliliter).ToArray());
        Assert.Equal(250, auc.Ground!.Value, 9);
        Assert.Equal(50, auc.Increase!.Value, 9);
    }
}
