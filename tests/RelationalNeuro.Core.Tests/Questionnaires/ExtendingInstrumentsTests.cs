using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Core.Tests.Questionnaires;

/// <summary>
/// "How to add an instrument", done once: a definition written as JSON (the format of the files under
/// <c>src/RelationalNeuro.Core/Questionnaires/Catalog/</c>), loaded with <see cref="InstrumentLoader"/> and scored
/// with <see cref="InstrumentScorer"/>. Expected scores are worked by hand below.
/// </summary>
public sealed class ExtendingInstrumentsTests
{
    // A made-up 3-item instrument on a 1..5 scale: item 2 reverse-keyed (1 + 5 − x), a total summed with at most one
    // item missing (prorated), two bands.
    private const string Definition = """
        {
          "id": "demo-3", "name": "Demo three-item scale", "shortName": "D3", "version": "1.0",
          "citation": "Written for the extension recipe, 2026.",
          "licence": { "statement": "Written for the tests; free to use.", "shipItemWording": true },
          "scale": { "min": 1, "max": 5, "options": [ { "value": 1, "label": "Never" }, { "value": 5, "label": "Always" } ] },
          "items": [ { "number": 1, "text": "I notice my breath." }, { "number": 2, "text": "I rush." }, { "number": 3, "text": "I pause." } ],
          "reverseKeyed": [ 2 ],
          "missingData": { "rule": "maxMissing", "value": 1 },
          "subscales": [
            { "id": "total", "name": "Total", "items": [1, 2, 3], "method": "sum",
              "bands": [ { "label": "low", "min": 3, "max": 10 }, { "label": "high", "min": 10.5, "max": 15 } ] }
          ]
        }
        """;

    [Fact]
    public void AddInstrument_JsonDefinition_LoadsAndScoresByHand()
    {
        var loaded = InstrumentLoader.Load(Definition);
        Assert.True(loaded.Succeeded, loaded.ToString());
        var scorer = new InstrumentScorer(loaded.Definition);

        // 4, 2 (reversed: 1 + 5 − 2 = 4), 5 → 13, band "high".
        var complete = scorer.Score(Answers.Parse("4,2,5"));
        Assert.Empty(complete.Problems);
        Assert.Equal(13, complete["total"].Score);
        Assert.Equal("high", complete["total"].Band?.Label);

        // 4, missing, 5 → mean 4.5 × 3 items = 13.5, prorated.
        var prorated = scorer.Score(Answers.Parse("4,_,5"));
        Assert.Equal(13.5, prorated["total"].Score);
        Assert.True(prorated["total"].Prorated);

        // 2, 4 (reversed: 2), 3 → 7, band "low"; answers given by link id, as a form would.
        var byKey = scorer.Score(new[]
        {
            KeyValuePair.Create<string, string?>("demo-3-01", "2"),
            KeyValuePair.Create<string, string?>("demo-3-02", "4"),
            KeyValuePair.Create<string, string?>("demo-3-03", "3"),
        });
        Assert.Equal(7, byKey["total"].Score);
        Assert.Equal("low", byKey["total"].Band?.Label);
    }

    [Fact]
    public void ScoreResult_ToString_ShowsProblemCountAndCodes()
    {
        var scorer = new InstrumentScorer(InstrumentLoader.Load(Definition).GetDefinitionOrThrow());

        // 6 is off the 1..5 scale: the answer is reported, and the subscale that holds it is not scored.
        var result = scorer.Score(Answers.Parse("6,2,5"));

        Assert.Null(result["total"].Score);
        Assert.Contains("Problems = 2 problems (answer.out-of-range, score.invalid-answers)", result.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("RelationalNeuro.Problem", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void InstrumentLoadResult_ToString_ShowsProblemCountAndCodes()
    {
        var result = InstrumentLoader.Load("""{ "id": "x" }""");

        Assert.False(result.Succeeded);
        Assert.Contains($"Problems = {result.Problems.Count} problems (definition.missing-field, ", result.ToString(), StringComparison.Ordinal);
    }
}
