using System.Text;
using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Core.Tests.Questionnaires;

public sealed class WordingOverlayTests
{
    [Fact]
    public void Apply_ValidOverlay_AddsWordingKeepsKeys()
    {
        var definition = InstrumentCatalog.Get("pss-4");
        var overlay = """
            { "instrument": "pss-4", "licence": "Licensed to Example Clinic, 2026.", "attribution": "Cohen et al.",
              "items": { "1": "Item one (licensed text)", "3": "Item three" }, "options": { "2": "Sometimes (licensed)" } }
            """;

        var result = WordingOverlay.Apply(definition, Encoding.UTF8.GetBytes(overlay));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var d = result.Definition;
        Assert.Equal("Item one (licensed text)", d.Items[0].Text);
        Assert.Null(d.Items[1].Text);
        Assert.Equal("Sometimes (licensed)", d.Scale.FindOption(2)!.Label);
        Assert.Equal("LA10082-8", d.Scale.FindOption(2)!.LoincAnswerCode);
        Assert.Equal(definition.ReverseKeyed, d.ReverseKeyed);
        Assert.Contains("Licensed to Example Clinic", d.Licence.Statement, StringComparison.Ordinal);
        Assert.Null(definition.Items[0].Text); // the catalog's definition is untouched
        Assert.Equal(6, new InstrumentScorer(d).Score([1, 3, 2, 2])["total"].Score); // research file §5 PSS-4 case
    }

    [Fact]
    public void Apply_BadOverlay_EveryProblemWithPath()
    {
        var overlay = """
            { "instrument": "pss-10", "items": { "1": "ok", "7": "no such item", "x": "bad key", "2": " " }, "options": { "9": "off scale" } }
            """;

        var result = WordingOverlay.Apply(InstrumentCatalog.Get("pss-4"), Encoding.UTF8.GetBytes(overlay));

        Assert.False(result.Succeeded);
        var found = result.Problems.Select(p => (p.Code, p.Location)).ToHashSet();
        Assert.Contains(("overlay.wrong-instrument", "$.instrument"), found);
        Assert.Contains(("overlay.missing-licence", "$.licence"), found);
        Assert.Contains(("overlay.unknown-item", "$.items['7']"), found);
        Assert.Contains(("overlay.unknown-item", "$.items['x']"), found);
        Assert.Contains(("overlay.blank-text", "$.items['2']"), found);
        Assert.Contains(("overlay.unknown-option", "$.options['9']"), found);
        Assert.Equal(6, result.Problems.Count);
    }
}
