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
}
