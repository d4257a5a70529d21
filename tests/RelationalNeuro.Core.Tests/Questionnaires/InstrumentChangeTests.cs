using RelationalNeuro.Change;
using RelationalNeuro.Core.Tests.Support;
using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Core.Tests.Questionnaires;

/// <summary>
/// <see cref="InstrumentChange"/>: expected values are hand-computed from Jacobson &amp; Truax (1991):
/// S_diff = SD·√(2·(1 − r)), RC = (post − pre)/S_diff, reliable when |RC| &gt; 1.96.
/// </summary>
public sealed class InstrumentChangeTests
{
    private static InstrumentDefinition Define(string subscaleExtras)
    {
        var json = $$"""
            {
              "id": "demo", "name": "Demo stress scale", "version": "1", "citation": "Test 2026.",
              "licence": { "statement": "Written for the tests.", "shipItemWording": false },
              "scale": { "min": 0, "max": 4, "options": [ { "value": 0, "label": "Never" }, { "value": 4, "label": "Very often" } ] },
              "items": [ { "number": 1 }, { "number": 2 } ],
              "subscales": [
                { "id": "total", "name": "Total", "items": [1, 2], "method": "sum" {{subscaleExtras}} }
              ]
            }
            """;
        var loaded = InstrumentLoader.Load(json);
        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Problems));
        return loaded.Definition;
    }

    [Fact]
    public void ReliableChange_TestRetestAndNormSdInDefinition_PrefersTestRetestAndGivesHandComputedIndex()
    {
        // α 0.9 would give S_diff = 10·√0.2 = 4.4721 and RC = −3.354; the retest 0.8 must be the one used.
        var d = Define("""
            , "reliability": { "alpha": 0.9, "testRetest": 0.8, "source": "Test 2026" },
              "norms": [ { "population": "Clinic", "mean": 25, "sd": 10, "n": 100, "source": "Test 2026" } ]
            """);

        var rc = InstrumentChange.ReliableChange(d, "total", pre: 30, post: 15, ChangeDirection.LowerIsBetter);

        Assert.Empty(rc.Problems);
        Assert.Equal(0.8, rc.Reliability);
        Assert.Equal(ReliabilityChoice.TestRetest, rc.ReliabilitySource);
        Assert.Equal(10, rc.NormStandardDeviation);
        Assert.Equal("Clinic (Test 2026)", rc.NormSource);
        var r = rc.Result!.Value;
        Assert.Equal(-15, r.Change, 12);
        Assert.Equal(4.472136, r.StandardErrorOfMeasurement, 6);   // 10·√0.2
        Assert.Equal(6.324555, r.StandardErrorOfDifference, 6);    // 10·√(2·0.2) = √40
        Assert.Equal(-2.371708, r.Index, 6);                        // −15/√40
        Assert.Equal(12.396128, r.MinimumReliableChange, 6);        // 1.96·√40
        Assert.Equal(ReliableChangeOutcome.ReliableImprovement, r.Outcome);
    }

    [Fact]
    public void ReliableChange_OnlyAlpha_UsesAlphaWithWarning()
    {
        var d = Define("""
            , "reliability": { "alpha": 0.75, "source": "Test 2026" },
              "norms": [ { "population": "Community", "mean": 20, "sd": 8, "source": "Test 2026" } ]
            """);

        var rc = InstrumentChange.ReliableChange(d, "total", pre: 20, post: 30, ChangeDirection.HigherIsBetter);

        Assert.Equal(ReliabilityChoice.CronbachAlpha, rc.ReliabilitySource);
        var warning = Assert.Single(rc.Problems);
        Assert.Equal("change.alpha-used", warning.Code);
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
        Assert.Equal("demo/total", warning.Location);
        var r = rc.Result!.Value;
        Assert.Equal(5.656854, r.StandardErrorOfDifference, 6);     // 8·√(2·0.25)
        Assert.Equal(1.767767, r.Index, 6);                         // 10/(8·√0.5)
        Assert.Equal(ReliableChangeOutcome.NoReliableChange, r.Outcome);
    }

    [Fact]
    public void ReliableChange_NothingPublished_NullResultWithBothProblemsNoException()
    {
        var d = Define("");

        var rc = InstrumentChange.ReliableChange(d, "total", 30, 15, ChangeDirection.LowerIsBetter);

        Assert.Null(rc.Result);
        Assert.Null(rc.Reliability);
        Assert.Null(rc.NormStandardDeviation);
        Assert.Equal(ReliabilityChoice.None, rc.ReliabilitySource);
        Assert.Equal(["change.no-reliability", "change.no-norm-sd"], rc.Problems.Select(p => p.Code));
        Assert.All(rc.Problems, p => Assert.Equal(ProblemSeverity.Error, p.Severity));
    }

    [Fact]
    public void ReliableChange_OverridesWinOverDefinition()
    {
        var d = Define("""
            , "reliability": { "alpha": 0.9, "testRetest": 0.8, "source": "Test 2026" },
              "norms": [ { "population": "Clinic", "mean": 25, "sd": 10, "source": "Test 2026" } ]
            """);

        var rc = InstrumentChange.ReliableChange(d, "total", 30, 15, ChangeDirection.LowerIsBetter,
            new ReliableChangeInputs { Reliability = 0.5, NormStandardDeviation = 5 });

        Assert.Equal(ReliabilityChoice.Override, rc.ReliabilitySource);
        Assert.Equal("override", rc.NormSource);
        Assert.Equal(5.0, rc.Result!.Value.StandardErrorOfDifference, 12);   // 5·√(2·0.5) = 5
        Assert.Equal(-3.0, rc.Result!.Value.Index, 12);
    }

    [Fact]
    public void ReliableChange_SeveralNormsWithDifferentSds_FirstUsedWithWarning()
    {
        var d = Define("""
            , "reliability": { "testRetest": 0.8, "source": "Test 2026" },
              "norms": [ { "population": "No SD", "mean": 1, "source": "A" },
                         { "population": "Clinic", "mean": 25, "sd": 10, "source": "B" },
                         { "population": "Community", "mean": 15, "sd": 12, "source": "C" } ]
            """);

        var rc = InstrumentChange.ReliableChange(d, "total", 30, 15, ChangeDirection.LowerIsBetter);

        Assert.Equal(10, rc.NormStandardDeviation);
        Assert.Equal("change.several-norms", Assert.Single(rc.Problems).Code);
        Assert.Equal(-2.371708, rc.Result!.Value.Index, 6);
    }

    [Theory]
    [InlineData(-0.2)]
    [InlineData(1.0)]
    public void ReliableChange_ReliabilityOutsideZeroOne_NullResultAndProblem(double retest)
    {
        var d = Define($$"""
            , "reliability": { "testRetest": {{retest.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "source": "Test 2026" },
              "norms": [ { "population": "Clinic", "mean": 25, "sd": 10, "source": "Test 2026" } ]
            """);

        var rc = InstrumentChange.ReliableChange(d, "total", 30, 15, ChangeDirection.LowerIsBetter);

        Assert.Null(rc.Result);
        Assert.Equal("change.bad-reliability", Assert.Single(rc.Problems).Code);
    }

    [Fact]
    public void ReliableChange_NonPositiveOverrideSd_NullResultAndProblem()
    {
        var d = Define("""
            , "reliability": { "testRetest": 0.8, "source": "Test 2026" }
            """);

        var rc = InstrumentChange.ReliableChange(d, "total", 30, 15, ChangeDirection.LowerIsBetter, new ReliableChangeInputs { NormStandardDeviation = 0 });

        Assert.Null(rc.Result);
        Assert.Equal("change.bad-norm-sd", Assert.Single(rc.Problems).Code);
    }

    [Fact]
    public void ReliableChange_UnknownSubscale_ThrowsNamingArgument()
    {
        var d = Define("");

        var ex = Assert.Throws<ArgumentException>(() => InstrumentChange.ReliableChange(d, "anxiety", 1, 2, ChangeDirection.LowerIsBetter));

        Assert.Equal("subscaleId", ex.ParamName);
        Assert.Contains("anxiety", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReliableChange_CatalogTeqWithoutNormSd_ReportsMissingSdButKeepsRetest()
    {
        var rc = InstrumentChange.ReliableChange(InstrumentCatalog.Get("teq"), "total", 40, 50, ChangeDirection.HigherIsBetter);

        Assert.Null(rc.Result);
        Assert.Equal(0.81, rc.Reliability);   // Spreng et al. 2009 retest, preferred over α 0.87
        Assert.Equal("change.no-norm-sd", Assert.Single(rc.Problems).Code);
    }

    [Fact]
    public void ReliableChange_CatalogErqWithOverrides_GivesHandComputedIndex()
    {
        // ERQ reappraisal publishes α 0.79 only; override both: r 0.85, SD 1 → S_diff = √0.3 = 0.547723; RC = 1/√0.3 = 1.825742.
        var rc = InstrumentChange.ReliableChange(InstrumentCatalog.Get("erq"), "reappraisal", 3.5, 4.5, ChangeDirection.HigherIsBetter,
            new ReliableChangeInputs { Reliability = 0.85, NormStandardDeviation = 1.0 });

        Assert.Empty(rc.Problems);
        Assert.Equal(0.547723, rc.Result!.Value.StandardErrorOfDifference, 6);
        Assert.Equal(1.825742, rc.Result!.Value.Index, 6);
        Assert.Equal(ReliableChangeOutcome.NoReliableChange, rc.Result!.Value.Outcome);
    }

    [Fact]
    public void ReliableChangeExample_FromDocs_CompilesAndGivesDocumentedValues()
    {
        // doc:begin reliable-change
        InstrumentDefinition teq = InstrumentCatalog.Get("teq");
        InstrumentReliableChange rc = InstrumentChange.ReliableChange(teq, "total", pre: 40, post: 50,
            ChangeDirection.HigherIsBetter,
            new ReliableChangeInputs { NormStandardDeviation = 8.0 }); // the catalog gives the TEQ no norm SD
        // rc.Reliability = 0.81 (test-retest, preferred over alpha 0.87); rc.Problems is empty
        // rc.Result: StandardErrorOfDifference = 8·√(2·0.19) = 4.93, Index = 10 / 4.93 = 2.03, ReliableImprovement
        // doc:end reliable-change

        Assert.Equal(ReliabilityChoice.TestRetest, rc.ReliabilitySource);
        Assert.Empty(rc.Problems);
        Assert.Equal(4.931531, rc.Result!.Value.StandardErrorOfDifference, 6);
        Assert.Equal(2.027768, rc.Result!.Value.Index, 6);
        Assert.Equal(ReliableChangeOutcome.ReliableImprovement, rc.Result!.Value.Outcome);
        DocSnippet.AssertDocContains("questionnaires.md", "reliable-change");
    }
}
