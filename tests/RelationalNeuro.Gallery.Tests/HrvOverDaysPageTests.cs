namespace RelationalNeuro.Gallery.Tests;

[Collection(nameof(GalleryCollection))]
public sealed class HrvOverDaysPageTests(GalleryFixture gallery)
{
    private const string PagePath = "widgets/hrv-over-days";
    private const string Chart = "days-mornings";

    [Fact]
    public Task Chart_IsAnImageWithDescriptionAndHiddenTable_AndThePageIsClean() =>
        ChartPageChecks.ImageWithDescriptionAndTable(gallery, PagePath, Chart, "ln RMSSD over days", "usual range", "hrv-over-days");

    [Fact]
    public Task DarkTheme_Clean_ScreenshotKept() => ChartPageChecks.DarkThemeClean(gallery, PagePath, Chart, "hrv-over-days");

    [Fact]
    public Task InA320PixelBox_FitsAndStaysLegible() => ChartPageChecks.LegibleAt320(gallery, PagePath, Chart, "hrv-over-days");

    [Fact]
    public Task WithoutJavaScript_ThePrerenderedChartIsComplete() => ChartPageChecks.CompleteWithoutJavaScript(gallery, PagePath, Chart, "usual range");
}
