using System.Collections.Immutable;
using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Core.Tests.Questionnaires;

/// <summary>Issue #13, defect 3: a custom subscale of millions of items is scored, not a stack overflow.</summary>
public sealed class InstrumentScorerHardeningTests
{
    private const string Small = """
        {
          "id": "big", "name": "Big", "version": "1", "citation": "Test 2026.",
          "licence": { "statement": "Written for the tests.", "shipItemWording": true },
          "scale": { "min": 1, "max": 5 },
          "items": [ { "number": 1 }, { "number": 2 } ],
          "subscales": [ { "id": "all", "name": "All", "items": [1, 2], "method": "custom", "rule": "sum-times-4" } ]
        }
        """;

    [Fact]
    public void Score_TwoMillionItemCustomSubscale_ScoresWithoutOverflowingTheStack()
    {
        const int n = 2_000_000;
        var small = InstrumentLoader.Load(Small);
        Assert.True(small.Succeeded, string.Join("; ", small.Problems));
        var items = ImmutableArray.CreateRange(Enumerable.Range(1, n).Select(i => new InstrumentItem(i, $"big-{i}")));
        var definition = small.Definition with
        {
            Items = items,
            Subscales = [small.Definition.Subscales[0] with { Items = ImmutableArray.CreateRange(Enumerable.Range(1, n)) }],
        };
        var answers = new double?[n];
        Array.Fill(answers, 2);

        var result = new InstrumentScorer(definition).Score(answers);

        // sum-times-4: every item answered 2 → 2 · n · 4.
        Assert.Equal(2.0 * n * 4, result.Subscales[0].Score);
    }

    private const string NearIntMax = """
        {
          "id": "edge", "name": "Edge", "version": "1", "citation": "Test 2026.",
          "licence": { "statement": "Written for the tests.", "shipItemWording": true },
          "scale": { "min": 2147483645, "max": 2147483647 },
          "items": [ { "number": 1 }, { "number": 2 } ],
          "reverseKeyed": [ 2 ],
          "subscales": [ { "id": "all", "name": "All", "items": [1, 2], "method": "sum" } ]
        }
        """;

    [Fact]
    public void ReverseKeying_OnAScaleEndingAtIntMaxValue_DoesNotOverflow()
    {
        // Issue #13, defect 6: min + max − x went through an int and wrapped. Item 2 answered 2147483645 (the minimum)
        // is keyed to the maximum 2147483647; item 1 answered 2147483646 stays: 4294967293 in all, exactly.
        var loaded = InstrumentLoader.Load(NearIntMax);
        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Problems));
        var result = new InstrumentScorer(loaded.Definition).Score([2147483646.0, 2147483645.0]);
        Assert.Equal(4294967293.0, result.Subscales[0].RawSum);

        // The FHIR Questionnaire writes the three points and stops (an int counter would wrap at int.MaxValue forever);
        // the reversed item's weights run 2147483647, 2147483646, 2147483645.
        var json = FhirMapper.ToQuestionnaireJson(loaded.Definition);
        Assert.Contains("2147483647", json, StringComparison.Ordinal);
        Assert.DoesNotContain("-2147483", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ScaleOfMoreThan1001Points_IsABadScaleProblem()
    {
        var loaded = InstrumentLoader.Load(NearIntMax.Replace("\"min\": 2147483645", "\"min\": -2147483648", StringComparison.Ordinal));
        Assert.False(loaded.Succeeded);
        var problem = Assert.Single(loaded.Problems, p => p.Code == "definition.bad-scale");
        Assert.Equal("$.scale", problem.Location);
        Assert.Contains("4294967296 points", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"bands\": [ { \"label\": \"low\", \"min\": -1e400, \"max\": 3 } ]", "definition.bad-band", "$.subscales[0].bands[0]")]
    [InlineData("\"bands\": [ { \"label\": \"low\", \"min\": 2, \"max\": 1e400 } ]", "definition.bad-band", "$.subscales[0].bands[0]")]
    [InlineData("\"norms\": [ { \"population\": \"p\", \"mean\": -1e400, \"sd\": 1, \"source\": \"s\" } ]", "definition.bad-norm", "$.subscales[0].norms[0].mean")]
    [InlineData("\"norms\": [ { \"population\": \"p\", \"mean\": 3, \"sd\": 1e400, \"source\": \"s\" } ]", "definition.bad-norm", "$.subscales[0].norms[0].sd")]
    public void Load_NumberBeyondDoubleRange_InABandOrNorm_IsAProblemNotInfinity(string member, string code, string location)
    {
        // Found by the fuzz suite (seed 13, iterations 19560 and 21420): JSON 1e400 reads as ±∞ and reached the
        // definition's bands and norms.
        var json = NearIntMax.Replace("\"method\": \"sum\" }", "\"method\": \"sum\", " + member + " }", StringComparison.Ordinal);
        Assert.NotEqual(NearIntMax, json);
        var loaded = InstrumentLoader.Load(json);
        Assert.False(loaded.Succeeded);
        var problem = Assert.Single(loaded.Problems, p => p.Code == code);
        Assert.Equal(location, problem.Location);
    }
}
