namespace RelationalNeuro.Core.Tests;

public class ProblemListTests
{
    private sealed record Sample(double? Value, IReadOnlyList<Problem> Problems);

    [Fact]
    public void ToString_PrintsTheCountAndTheCodes()
    {
        ProblemList list = [new("hrv.too-few-beats", "x"), new("rr.out-of-range", "y", ProblemSeverity.Warning)];
        Assert.Equal("2 problems (hrv.too-few-beats, rr.out-of-range)", list.ToString());
        Assert.Equal("0 problems", ProblemList.Empty.ToString());
        ProblemList one = [new("a", "m")];
        Assert.Equal("1 problem (a)", one.ToString());
    }

    [Fact]
    public void ToString_OfManyProblems_NamesTheFirstFiveAndHowManyMore()
    {
        var list = new ProblemList(Enumerable.Range(0, 8).Select(i => new Problem("c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "m")));
        Assert.Equal("8 problems (c0, c1, c2, c3, c4, … 3 more)", list.ToString());
    }

    [Fact]
    public void RecordToString_ShowsCodes_NotATypeName()
    {
        ProblemList problems = [new("hrv.too-few-beats", "x")];
        var text = new Sample(null, problems).ToString();
        Assert.Contains("Problems = 1 problem (hrv.too-few-beats)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Problem[]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_CopiesItsInput_AndRejectsNullElements()
    {
        var source = new List<Problem> { new("a", "m") };
        var list = new ProblemList(source);
        source.Add(new("b", "m"));
        Assert.Single(list);
        Assert.Throws<ArgumentNullException>(() => new ProblemList([null!]));
        Assert.True(list.HasErrors);
        Assert.Same(list, ProblemList.From(list));
        Assert.Same(ProblemList.Empty, ProblemList.From(null));
        Assert.Same(ProblemList.Empty, ProblemList.From(new List<Problem>()));
    }
}
