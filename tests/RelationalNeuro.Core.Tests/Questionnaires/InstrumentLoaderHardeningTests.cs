using System.Diagnostics;
using System.Globalization;
using System.Text;
using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Core.Tests.Questionnaires;

/// <summary>Issue #13, defect 5: null elements are problems at their JSON path; the band overlap check is not quadratic.</summary>
public sealed class InstrumentLoaderHardeningTests
{
    private const string Valid = """
        {
          "id": "demo", "name": "Demo scale", "version": "1", "citation": "Test 2026.",
          "licence": { "statement": "Written for the tests.", "shipItemWording": true },
          "scale": { "min": 1, "max": 5, "options": [ { "value": 1, "label": "Never" }, { "value": 5, "label": "Always" } ] },
          "items": [ { "number": 1 }, { "number": 2 } ],
          "subscales": [
            { "id": "total", "name": "Total", "items": [1, 2],
              "bands": [ { "label": "low", "min": 2, "max": 5 }, { "label": "high", "min": 6, "max": 10 } ],
              "norms": [ { "population": "adults", "mean": 5, "sd": 2, "source": "Test 2026." } ] }
          ]
        }
        """;

    [Theory]
    [InlineData("\"items\": [ { \"number\": 1 },", "\"items\": [ null, { \"number\": 1 },", "$.items[0]")]
    [InlineData("\"subscales\": [", "\"subscales\": [ null,", "$.subscales[0]")]
    [InlineData("\"options\": [", "\"options\": [ null,", "$.scale.options[0]")]
    [InlineData("\"bands\": [", "\"bands\": [ null,", "$.subscales[0].bands[0]")]
    [InlineData("\"norms\": [", "\"norms\": [ null,", "$.subscales[0].norms[0]")]
    public void Load_NullElement_IsAProblemAtItsPath(string find, string replace, string path)
    {
        Assert.True(InstrumentLoader.Load(Valid).Succeeded);
        var json = Valid.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Valid, json);

        var result = InstrumentLoader.Load(json);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Code == "definition.null-element" && p.Location == path);
    }

    [Fact]
    public void Load_OverlappingBandsInAnyOrder_ReportedAtTheLaterBand()
    {
        var json = Valid.Replace(
            "{ \"label\": \"low\", \"min\": 2, \"max\": 5 }, { \"label\": \"high\", \"min\": 6, \"max\": 10 }",
            "{ \"label\": \"high\", \"min\": 5, \"max\": 10 }, { \"label\": \"mid\", \"min\": 11, \"max\": 12 }, { \"label\": \"low\", \"min\": 2, \"max\": 5 }",
            StringComparison.Ordinal);

        var result = InstrumentLoader.Load(json);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("definition.overlapping-bands", "$.subscales[0].bands[2]"), (problem.Code, problem.Location));
    }

    [Fact]
    public void Load_100000Bands_IsNotQuadratic()
    {
        var bands = new StringBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            bands.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ",")}{{ \"label\": \"b{i}\", \"min\": {i}, \"max\": {i}.5 }}");
        }

        var json = Valid.Replace(
            "{ \"label\": \"low\", \"min\": 2, \"max\": 5 }, { \"label\": \"high\", \"min\": 6, \"max\": 10 }",
            bands.ToString(),
            StringComparison.Ordinal);

        var clock = Stopwatch.StartNew();
        var result = InstrumentLoader.Load(json);
        clock.Stop();

        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Take(3)));
        Assert.Equal(100_000, result.Definition.Subscales[0].Bands.Length);
        // Pairwise comparison took 25 s; sort + scan takes well under a second even on a loaded machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }
}
