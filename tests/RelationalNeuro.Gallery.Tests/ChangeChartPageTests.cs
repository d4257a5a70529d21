namespace RelationalNeuro.Gallery.Tests;

[Collection(nameof(GalleryCollection))]
public sealed class ChangeChartPageTests(GalleryFixture gallery)
{
    private const string PagePath = "widgets/change-chart";
    private const string Chart = "change-pss";

    [Fact]
    public Task Chart_IsAnImageWithDescriptionAndHiddenTable_AndThePageIsClean() =>
        ChartPageChecks.ImageWithDescriptionAndTable(gallery, PagePath, Chart, "PSS-10 across sessions", "reliable improvement", "change-chart");

    [Fact]
    public Task DarkTheme_Clean_ScreenshotKept() => ChartPageChecks.DarkThemeClean(gallery, PagePath, Chart, "change-chart");

    [Fact]
    public Task InA320PixelBox_FitsAndStaysLegible() => ChartPageChecks.LegibleAt320(gallery, PagePath, Chart, "change-chart");

    [Fact]
    public Task WithoutJavaScript_ThePrerenderedChartIsComplete() => ChartPageChecks.CompleteWithoutJavaScript(gallery, PagePath, Chart, "reliable improvement");
}
