namespace RelationalNeuro.Gallery.Tests;

[Collection(nameof(GalleryCollection))]
public sealed class AttachmentQuadrantPageTests(GalleryFixture gallery)
{
    private const string PagePath = "widgets/attachment-quadrant";
    private const string Chart = "quadrant-course";

    [Fact]
    public Task Chart_IsAnImageWithDescriptionAndHiddenTable_AndThePageIsClean() =>
        ChartPageChecks.ImageWithDescriptionAndTable(gallery, PagePath, Chart, "Attachment: anxiety and avoidance", "from Intake (Fearful) to Week 24 (Secure)", "attachment-quadrant");

    [Fact]
    public Task DarkTheme_Clean_ScreenshotKept() => ChartPageChecks.DarkThemeClean(gallery, PagePath, Chart, "attachment-quadrant");

    [Fact]
    public Task InA320PixelBox_FitsAndStaysLegible() => ChartPageChecks.LegibleAt320(gallery, PagePath, Chart, "attachment-quadrant");

    [Fact]
    public Task WithoutJavaScript_ThePrerenderedChartIsComplete() => ChartPageChecks.CompleteWithoutJavaScript(gallery, PagePath, Chart, "from Intake (Fearful) to Week 24 (Secure)");
}
