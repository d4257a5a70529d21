using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Core.Tests.Questionnaires;

public sealed class InstrumentLoaderTests
{
    private const string Valid = """
        {
          "id": "demo", "name": "Demo scale", "version": "1", "citation": "Test 2026.",
          "licence": { "statement": "Written for the tests.", "shipItemWording": true },
          "scale": { "min": 1, "max": 5, "options": [ { "value": 1, "label": "Never" }, { "value": 5, "label": "Always" } ] },
          "items": [ { "number": 1, "text": "One" }, { "number": 2 }, { "number": 3 }, { "number": 4 } ],
          "reverseKeyed": [ 2 ],
          "subscales": [
            { "id": "total", "name": "Total", "items": [1, 2, 3, 4], "method": "sum",
              "bands": [ { "label": "low", "min": 4, "max": 10 }, { "label": "high", "min": 11, "max": 20 } ] },
            { "id": "first", "name": "First pair", "items": [1, 2], "method": "mean", "missingData": { "rule": "maxMissing", "value": 1 } }
          ]
        }
        """;

    [Fact]
    public void Load_ValidDefinition_BuildsImmutableModel()
    {
        var result = InstrumentLoader.Load(Valid);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Problems);
        var d = result.Definition;
        Assert.Equal("demo", d.Id);
        Assert.Equal("Demo scale", d.ShortName);
        Assert.Equal(4, d.Items.Length);
        Assert.Equal("demo-02", d.Items[1].LinkId);
        Assert.Equal("One", d.Items[0].Text);
        Assert.True(d.IsReverseKeyed(2));
        Assert.Equal(MissingDataRule.Default, d.Subscales[0].MissingData);
        Assert.Equal(new MissingDataRule(MissingDataRuleKind.MaxMissingItems, 1), d.Subscales[1].MissingData);
        Assert.Equal(ScoringMethod.Mean, d.Subscales[1].Method);
    }

    [Fact]
    public void Load_ManyMistakes_ReportsEveryProblemWithItsPath()
    {
        const string bad = """
            {
              "id": "demo", "version": "1", "citation": "Test 2026.",
              "licence": { "statement": "x" },
              "scale": { "min": 1, "max": 5 },
              "items": [ { "number": 1 }, { "number": 2 }, { "number": 2 } ],
              "reverseKeyed": [ 2, 7 ],
              "subscales": [
                { "id": "a", "items": [1, 9], "bands": [ { "label": "lo", "min": 1, "max": 6 }, { "label": "hi", "min": 5, "max": 10 } ] },
                { "id": "a", "items": [2], "method": "median" },
                { "id": "b", "items": [1], "method": "custom", "rule": "nonsense" }
              ]
            }
            """;

        var result = InstrumentLoader.Load(bad);

        Assert.False(result.Succeeded);
        Assert.Null(result.Definition);
        var found = result.Problems.Select(p => (p.Code, p.Location)).ToHashSet();
        Assert.Contains(("definition.missing-field", "$.name"), found);
        Assert.Contains(("definition.duplicate-id", "$.items[2].number"), found);
        Assert.Contains(("definition.reverse-outside-scale", "$.reverseKeyed[1]"), found);
        Assert.Contains(("definition.unknown-item", "$.subscales[0].items[1]"), found);
        Assert.Contains(("definition.overlapping-bands", "$.subscales[0].bands[1]"), found);
        Assert.Contains(("definition.duplicate-id", "$.subscales[1].id"), found);
        Assert.Contains(("definition.unknown-method", "$.subscales[1].method"), found);
        Assert.Contains(("definition.unknown-rule", "$.subscales[2].rule"), found);
        Assert.Equal(8, result.Problems.Count);
        Assert.All(result.Problems, p => Assert.Equal(ProblemSeverity.Error, p.Severity));
    }

    [Theory]
    [InlineData("""{ "rule": "minAnsweredPercent", "value": 0 }""", "$.subscales[0].missingData.value")]
    [InlineData("""{ "rule": "maxMissing" }""", "$.subscales[0].missingData.value")]
    [InlineData("""{ "rule": "sometimes" }""", "$.subscales[0].missingData.rule")]
    public void Load_BadMissingDataRule_Reported(string rule, string path)
    {
        var json = Valid.Replace("""{ "rule": "maxMissing", "value": 1 }""", "null", StringComparison.Ordinal)
            .Replace("""{ "id": "total", "name": "Total",""", $$"""{ "id": "total", "name": "Total", "missingData": {{rule}},""", StringComparison.Ordinal);

        var result = InstrumentLoader.Load(json);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("definition.bad-missing-rule", problem.Code);
        Assert.Equal(path, problem.Location);
    }

    [Fact]
    public void Load_ScaleMinNotBelowMax_Reported()
    {
        var result = InstrumentLoader.Load(Valid.Replace("\"min\": 1, \"max\": 5", "\"min\": 5, \"max\": 5", StringComparison.Ordinal));

        Assert.Contains(result.Problems, p => p.Code == "definition.bad-scale" && p.Location == "$.scale");
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Load_OptionOutsideScale_Reported()
    {
        var result = InstrumentLoader.Load(Valid.Replace("\"value\": 5, \"label\": \"Always\"", "\"value\": 6, \"label\": \"Always\"", StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("definition.option-outside-scale", "$.scale.options[1].value"), (problem.Code, problem.Location));
    }

    [Fact]
    public void Load_SyntaxError_OneProblemWithPath()
    {
        var result = InstrumentLoader.Load("""{ "id": "demo", "items": [ { "number": "one" } ] }""");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("definition.invalid-json", problem.Code);
        Assert.Equal("$.items[0].number", problem.Location);
    }

    [Fact]
    public void Load_UnknownProperty_RejectedNotIgnored()
    {
        var result = InstrumentLoader.Load(Valid.Replace("\"reverseKeyed\"", "\"reverseKeyd\"", StringComparison.Ordinal));

        Assert.False(result.Succeeded);
        Assert.Equal("definition.invalid-json", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Load_CustomRuleWithWrongItemCount_Reported()
    {
        var result = InstrumentLoader.Load(Valid.Replace(
            "\"method\": \"mean\",",
            "\"method\": \"custom\", \"rule\": \"rq-model-of-self\",",
            StringComparison.Ordinal));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("definition.rule-item-count", "$.subscales[1].items"), (problem.Code, problem.Location));
    }

    [Fact]
    public void Load_BandMinAboveMax_Reported()
    {
        var result = InstrumentLoader.Load(Valid.Replace("\"min\": 11, \"max\": 20", "\"min\": 21, \"max\": 20", StringComparison.Ordinal));

        Assert.Equal(("definition.bad-band", "$.subscales[0].bands[1]"), (Assert.Single(result.Problems).Code, result.Problems[0].Location));
    }

    [Fact]
    public void Load_Stream_SameAsBytes()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Valid));

        var result = InstrumentLoader.Load(stream);

        Assert.Equal(InstrumentLoader.Load(Valid).Definition!.Items, result.Definition!.Items);
    }

    [Fact]
    public void GetDefinitionOrThrow_Invalid_MessageListsEveryProblem()
    {
        var result = InstrumentLoader.Load(Valid.Replace("\"reverseKeyed\": [ 2 ]", "\"reverseKeyed\": [ 8, 9 ]", StringComparison.Ordinal));

        var ex = Assert.Throws<InvalidDataException>(() => result.GetDefinitionOrThrow());
        Assert.Contains("$.reverseKeyed[0]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("$.reverseKeyed[1]", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    [InlineData(9, 1)]
    [InlineData(10, 2)]
    [InlineData(15, 3)]
    [InlineData(18, 3)]
    [InlineData(36, 7)]
    public void AllowedMissing_Default80Percent_WholeItems(int items, int allowed)
    {
        // ceil(0.8 n) items must be answered: n = 5 -> 4, n = 18 -> ceil(14.4) = 15, n = 36 -> ceil(28.8) = 29.
        Assert.Equal(allowed, MissingDataRule.Default.AllowedMissing(items));
    }
}
