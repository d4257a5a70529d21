namespace RelationalNeuro.Gallery;

/// <summary>One entry of the gallery's navigation.</summary>
/// <param name="Href">Path relative to the base, "" for home.</param>
/// <param name="Title">Link text.</param>
/// <param name="Static">Rendered on the server only (no render mode, no circuit): plain HTML forms, as the Assess flow.</param>
internal sealed record GalleryPage(string Href, string Title, bool Static = false);

/// <summary>The gallery's pages, in navigation order. Browser tests visit every one.</summary>
internal static class GalleryPages
{
    public static readonly IReadOnlyList<GalleryPage> All =
    [
        new("", "Home"),
        new("analyse", "Analyse a recording"),
        new("analyse/dyad", "Analyse a dyad"),
        new("assess", "Assess", Static: true),
        new("practice", "Clients"),
        new("data", "Your data"),
        new("widgets/hrv-gauge", "HRV gauge"),
        new("widgets/pause-timer", "Pause timer"),
        new("widgets/feelings-wheel", "Feelings wheel"),
        new("widgets/questionnaire", "Questionnaire form"),
        new("widgets/tachogram", "Tachogram"),
        new("widgets/poincare-plot", "Poincaré plot"),
        new("widgets/power-spectrum", "Power spectrum"),
        new("widgets/hrv-over-days", "HRV over days"),
        new("widgets/biomarker-curve", "Biomarker curve"),
        new("widgets/attachment-quadrant", "Attachment quadrant"),
        new("widgets/change-chart", "Change chart"),
        new("widgets/co-regulation", "Co-regulation session"),
        new("widgets/webassembly", "WebAssembly"),
    ];
}
