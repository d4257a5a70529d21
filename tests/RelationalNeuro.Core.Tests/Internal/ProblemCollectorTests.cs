using RelationalNeuro.Internal;

namespace RelationalNeuro.Core.Tests.Internal;

public class ProblemCollectorTests
{
    [Fact]
    public void At_PrefixesLocationsOfNestedViews_AndSharesOneList()
    {
        var root = new ProblemCollector();
        var item = root.At("$.items[3]");
        item.Error("definition.missing-field", "Required field is missing.", ".text");
        item.At(".options[0]").Warning("definition.odd", "Odd option.");
        root.Error("definition.no-items", "No items.");

        var list = root.ToList();
        Assert.Equal(["$.items[3].text", "$.items[3].options[0]", null], list.Select(p => p.Location));
        Assert.Equal(3, root.Count);
        Assert.True(root.HasErrors);
    }

    [Fact]
    public void Add_PrefixesAnExistingProblemsLocation()
    {
        var view = new ProblemCollector().At("$.entries[1]");
        view.Add(new Problem("entry.no-labels", "No labels.", Location: ".labels"));
        view.Add(new Problem("entry.bad", "Whole entry."));

        Assert.Equal(["$.entries[1].labels", "$.entries[1]"], view.ToList().Select(p => p.Location));
    }

    [Fact]
    public void ToList_BeyondMaxListed_KeepsTheFirstAndAppendsOneSummaryWithTheTotal()
    {
        var problems = new ProblemCollector(maxListed: 2, summaryCode: "io.more-problems");
        for (var i = 0; i < 5; i++)
        {
            problems.Warning("io.x", "x");
        }

        var list = problems.ToList();
        Assert.Equal(3, list.Count);
        Assert.Equal("io.more-problems", list[2].Code);
        Assert.Equal(ProblemSeverity.Warning, list[2].Severity);
        Assert.Contains("5 problems in total", list[2].Message, StringComparison.Ordinal);
        Assert.False(problems.HasErrors);
    }

    [Fact]
    public void ToList_WhenNothingWasAdded_IsTheSharedEmptyList()
    {
        var problems = new ProblemCollector();
        Assert.True(problems.IsEmpty);
        Assert.Same(ProblemList.Empty, problems.ToList());
    }
}
