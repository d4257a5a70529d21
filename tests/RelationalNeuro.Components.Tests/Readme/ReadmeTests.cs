using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Components.Tests.Readme;

/// <summary>
/// The README's widget example is this project's ReadmeWidgetSample.razor, verbatim: the test renders it, and
/// fails if the README's code block and the file drift apart.
/// </summary>
public class ReadmeTests : BunitContext
{
    [Fact]
    public void ReadmeWidgetSample_IsInTheReadmeVerbatim_AndRenders()
    {
        var sample = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "tests", "RelationalNeuro.Components.Tests", "Readme", "ReadmeWidgetSample.razor"));
        var readme = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "README.md"));
        Assert.Contains("```razor\n" + sample.TrimEnd() + "\n```", readme.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        var cut = Render<ReadmeWidgetSample>();
        Assert.Equal("42 ms, within your usual range", cut.Find("[role=meter]").GetAttribute("aria-valuetext"));
    }
}
