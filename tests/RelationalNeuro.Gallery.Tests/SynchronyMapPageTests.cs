namespace RelationalNeuro.Gallery.Tests;

/// <summary>The synchrony map on the co-regulation page: the shared chart checks (issue 18, item 8) on the bundled session's map.</summary>
[Collection(nameof(GalleryCollection))]
public sealed class SynchronyMapPageTests(GalleryFixture gallery)
{
    private const string PagePath = "widgets/co-regulation";
    private const string Description = "Cross-correlation (Pearson r) of the therapist and the client in";

    [Fact]
    public Task Map_IsAnImageWithDescriptionAndTable() =>
        ChartPageChecks.ImageWithDescriptionAndTable(gallery, PagePath, "sync-map", "Synchrony map", Description, "synchrony-map");

    [Fact]
    public Task Map_DarkTheme_IsClean() => ChartPageChecks.DarkThemeClean(gallery, PagePath, "sync-map", "synchrony-map");

    [Fact]
    public Task Map_At320Pixels_IsLegible() => ChartPageChecks.LegibleAt320(gallery, PagePath, "sync-map", "synchrony-map");

    [Fact]
    public Task Map_WithoutJavaScript_IsComplete() => ChartPageChecks.CompleteWithoutJavaScript(gallery, PagePath, "sync-map", Description);
}
