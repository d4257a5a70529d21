using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Components.Tests.FeelingsWheel.Docs;

/// <summary>
/// The razor blocks of docs/widgets.md are these sample components, verbatim: each test renders one and fails if the
/// page and the file drift apart.
/// </summary>
public sealed class WidgetsDocTests : BunitContext
{
    private static void AssertInDoc(string sample)
    {
        var code = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "tests", "RelationalNeuro.Components.Tests", "FeelingsWheel", "Docs", sample));
        var doc = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "widgets.md"));
        Assert.Contains("```razor\n" + code.ReplaceLineEndings("\n").TrimEnd() + "\n```", doc.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void UsageSample_IsInTheDoc_AndBindsThePath()
    {
        AssertInDoc("WheelUsageSample.razor");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        JSInterop.Mode = JSRuntimeMode.Loose;
        var cut = Render<WheelUsageSample>();
        cut.FindAll(".rn-wheel__segment").Single(s => s.GetAttribute("aria-label") == "Sad › Lonely › Isolated").Click();
        Assert.Equal("Sad › Lonely › Isolated", cut.Find("section + p").TextContent);
    }

    [Fact]
    public void CheckInSample_IsInTheDoc_AndListsOneLabelPerChosenFeeling()
    {
        AssertInDoc("WheelCheckInSample.razor");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        JSInterop.Mode = JSRuntimeMode.Loose;
        var cut = Render<WheelCheckInSample>();
        cut.FindAll(".rn-wheel__segment").Single(s => s.GetAttribute("aria-label") == "Calm › Relieved").Click();
        cut.FindAll(".rn-wheel__segment").Single(s => s.GetAttribute("aria-label") == "Afraid › Anxious › Tense").Click();
        cut.FindAll(".rn-wheel__intensity")[1].QuerySelectorAll("input")[1].Change("2");
        Assert.Equal(["calm/relieved: 0", "afraid/anxious/tense: 2"], cut.FindAll("section + ul li").Select(li => li.TextContent));
    }

    [Fact]
    public void StaticSample_IsInTheDoc_AndChecksTheSubmittedChoice()
    {
        AssertInDoc("WheelStaticSample.razor");
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        Services.GetRequiredService<NavigationManager>().NavigateTo("check-in?feeling=sad%2Fhurt%2Frejected&feeling-intensity=3");
        var cut = Render<WheelStaticSample>();
        Assert.Equal(["sad/hurt/rejected", "3"], cut.FindAll("input[checked]").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public void StaticSample_UnknownPathOrRating_ReachesTheWidgetAsNothing()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        Services.GetRequiredService<NavigationManager>().NavigateTo("check-in?feeling=sad%2Fnope&feeling-intensity=9");
        var cut = Render<WheelStaticSample>();
        Assert.Empty(cut.FindAll("input[checked]"));
    }
}
