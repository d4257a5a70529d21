using RelationalNeuro.Emotions;

namespace RelationalNeuro.Core.Tests.Emotions;

/// <summary>Issue #13, defect 3: a cyclic or absurdly deep definition is a problem, never a stack overflow.</summary>
public sealed class FeelingTaxonomyHardeningTests
{
    private static FeelingDefinition Feeling(string id, IReadOnlyList<FeelingDefinition>? children = null) =>
        new() { Id = id, Label = new Dictionary<string, string> { ["en"] = id }, Children = children };

    private static FeelingTaxonomyDefinition Taxonomy(params FeelingDefinition[] feelings) =>
        new() { Id = "t", Version = "1", DefaultCulture = "en", Feelings = feelings };

    [Fact]
    public void Create_NodeInItsOwnChildren_IsACycleProblem()
    {
        var children = new List<FeelingDefinition>();
        var looping = Feeling("loop", children);
        children.Add(Feeling("leaf"));
        children.Add(looping);

        var result = FeelingTaxonomy.Create(Taxonomy(looping));

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("taxonomy.cycle", "$.feelings[0].children[1]"), (problem.Code, problem.Location));
    }

    [Fact]
    public void Create_100000LevelsDeep_IsATooDeepProblem()
    {
        var node = Feeling("n");
        for (var i = 0; i < 100_000; i++)
        {
            node = Feeling("n", [node]);
        }

        var result = FeelingTaxonomy.Create(Taxonomy(node));

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("taxonomy.too-deep", problem.Code);
        Assert.StartsWith("$.feelings[0]" + string.Concat(Enumerable.Repeat(".children[0]", FeelingTaxonomy.MaxDefinitionDepth - 1)), problem.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_AtTheDepthLimit_Builds()
    {
        var node = Feeling("n");
        for (var i = 1; i < FeelingTaxonomy.MaxDefinitionDepth; i++)
        {
            node = Feeling("n", [node]);
        }

        var result = FeelingTaxonomy.Create(Taxonomy(node));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(FeelingTaxonomy.MaxDefinitionDepth, result.Taxonomy!.MaxDepth);
    }
}
