using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Core.Tests.Questionnaires;

public sealed class InstrumentCatalogTests
{
    [Fact]
    public void Get_UnknownId_ThrowsUnknownInstrumentNamingTheIdAndEveryKnownId()
    {
        var ex = Assert.Throws<UnknownInstrumentException>(() => InstrumentCatalog.Get("nope"));

        Assert.IsAssignableFrom<ArgumentException>(ex);
        Assert.Equal("id", ex.ParamName);
        Assert.Equal("nope", ex.InstrumentId);
        Assert.Equal(InstrumentCatalog.Ids, ex.KnownIds);
        Assert.StartsWith("No built-in instrument has the id 'nope'. Known ids: " + string.Join(", ", InstrumentCatalog.Ids) + ".", ex.Message, StringComparison.Ordinal);
        Assert.Contains("pss-10", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetScorer_UnknownId_ThrowsUnknownInstrument()
    {
        var ex = Assert.Throws<UnknownInstrumentException>(() => InstrumentCatalog.GetScorer("PSS-10"));

        Assert.Equal("PSS-10", ex.InstrumentId);
        Assert.Equal("id", ex.ParamName);
    }

    [Fact]
    public void TryGet_KnownAndUnknownIds_FindOnlyTheKnown()
    {
        Assert.True(InstrumentCatalog.TryGet("pss-10", out var definition));
        Assert.Equal("pss-10", definition.Id);
        Assert.Same(InstrumentCatalog.Get("pss-10"), definition);

        Assert.False(InstrumentCatalog.TryGet("nope", out var missing));
        Assert.Null(missing);

        Assert.True(InstrumentCatalog.TryGetScorer("who-5", out var scorer));
        Assert.Same(InstrumentCatalog.GetScorer("who-5"), scorer);
        Assert.False(InstrumentCatalog.TryGetScorer("nope", out var noScorer));
        Assert.Null(noScorer);
    }

    [Fact]
    public void Ids_EveryIdResolves()
    {
        Assert.NotEmpty(InstrumentCatalog.Ids);
        foreach (var id in InstrumentCatalog.Ids)
        {
            Assert.Equal(id, InstrumentCatalog.Get(id).Id);
        }
    }
}
