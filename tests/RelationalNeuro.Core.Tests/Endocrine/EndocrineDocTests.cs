using RelationalNeuro.Core.Tests.Support;
using RelationalNeuro.Endocrine;

namespace RelationalNeuro.Core.Tests.Endocrine;

public class EndocrineDocTests
{
    [Fact]
    public void DocsExample_CompilesRunsAndIsInThePage()
    {
        // doc:begin endocrine
        // One morning: samples at waking, +15, +30, +45 min (recorded times), cortisol in nmol/L.
        double[] minutesAfterWaking = [2, 17, 31, 46];
        double[] nmolPerL = [10, 16, 20, 17];
        CarResult car = CortisolAwakeningResponse.Analyze(minutesAfterWaking, nmolPerL);
        double? auci = car.AuciNmolMinPerL;        // 284.5 nmol/L·min
        double? r30 = car.IncreaseAt30NmolPerL;    // 10 nmol/L
        bool compliant = car.Compliance!.IsCompliant; // first sample within 5 min of waking, no drift

        // Units are types: convert at the boundary, never mix.
        var lab = CortisolConcentration.Parse("0.5 µg/dL");
        string text = lab.ToString(CortisolUnit.NanomolesPerLiter, "F2"); // "13.79 nmol/L"
        // doc:end endocrine

        // (10+16)/2·15 + (16+20)/2·14 + (20+17)/2·15 = 724.5; AUCi = 724.5 − 10·44 = 284.5.
        Assert.Equal(284.5, auci!.Value, 9);
        Assert.Equal(10, r30);
        Assert.True(compliant);
        Assert.Equal("13.79 nmol/L", text);
        DocSnippet.AssertDocContains("endocrine.md", "endocrine");
    }
}
