namespace RelationalNeuro.Gallery.Tests;

[Collection(nameof(GalleryCollection))]
public sealed class BiomarkerCurvePageTests(GalleryFixture gallery)
{
    private const string PagePath = "widgets/biomarker-curve";
    private const string Chart = "curve-car";

    [Fact]
    public Task Chart_IsAnImageWithDescriptionAndHiddenTable_AndThePageIsClean() =>
        ChartPageChecks.ImageWithDescriptionAndTable(gallery, PagePath, Chart, "Cortisol over time", "S3 drifted from schedule", "biomarker-curve");

    [Fact]
    public Task DarkTheme_Clean_ScreenshotKept() => ChartPageChecks.DarkThemeClean(gallery, PagePath, Chart, "biomarker-curve");

    [Fact]
    public Task InA320PixelBox_FitsAndStaysLegible() => ChartPageChecks.LegibleAt320(gallery, PagePath, Chart, "biomarker-curve");

    [Fact]
    public Task WithoutJavaScript_ThePrerenderedChartIsComplete() => ChartPageChecks.CompleteWithoutJavaScript(gallery, PagePath, Chart, "S3 drifted from schedule");
}
