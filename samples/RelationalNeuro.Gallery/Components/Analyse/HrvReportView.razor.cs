using System.Globalization;
using Microsoft.AspNetCore.Components;
using RelationalNeuro.Components;
using RelationalNeuro.Gallery.Analyse;
using RelationalNeuro.Hrv;
using RelationalNeuro.Io;

namespace RelationalNeuro.Gallery.Components.Analyse;

/// <summary>The full report of a <see cref="RecordingAnalysis"/>; raises <see cref="SelectionChanged"/> when a range is picked on the tachogram.</summary>
public partial class HrvReportView
{
    /// <summary>At most this many artifacts are listed; all are in the JSON export.</summary>
    internal const int MaxArtifactRows = 200;

    private double[] _beatTimes = [];
    private RecordingAnalysis? _timedFor;

    /// <summary>The analysis to show. Required.</summary>
    [Parameter]
    [EditorRequired]
    public RecordingAnalysis Analysis { get; set; } = null!;

    /// <summary>Raised with the range picked on the tachogram (seconds on the recording's clock).</summary>
    [Parameter]
    public EventCallback<ChartTimeRange?> SelectionChanged { get; set; }

    private HrvReport Report => Analysis.Report;

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_timedFor?.Recording, Analysis.Recording))
        {
            _beatTimes = Analysis.Recording.Series.GetBeatTimesSeconds();
            _timedFor = Analysis;
        }
    }

    private string ScopeText => Analysis.Window is { } w
        ? string.Create(CultureInfo.InvariantCulture, $"The beats from {Clock(w.StartSeconds)} to {Clock(w.EndSeconds)} ({Clock(w.DurationSeconds)}) of the recording, analysed in {Duration(Analysis.Elapsed)}.")
        : string.Create(CultureInfo.InvariantCulture, $"The whole recording, analysed in {Duration(Analysis.Elapsed)}.");

    /// <summary>"0.84 s", or "12 ms" under a second.</summary>
    internal static string Duration(TimeSpan elapsed) => elapsed.TotalSeconds >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.00} s")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, Math.Round(elapsed.TotalMilliseconds)):0} ms");

    private string ArtifactSummary => Report.Artifacts is { } a
        ? string.Create(CultureInfo.InvariantCulture, $"{Count(a.FlaggedCount)} flagged ({Percent(a.FlaggedCount, Report.Input.AcceptedCount)}) by {DetectorName(a)}, {CorrectionName(a.Correction)}")
        : "none (nothing to analyse)";

    /// <summary>"2 stretches, 12:30 (HRV is not interpretable there; shaded on the tachogram)", or null when there are none.</summary>
    private string? IrregularSummary => Report.Artifacts is { IrregularSegments.Count: > 0 } a
        ? string.Create(CultureInfo.InvariantCulture, $"{Count(a.IrregularSegments.Count)} {(a.IrregularSegments.Count == 1 ? "segment" : "segments")} of 128 beats, {Clock(a.IrregularSegments.Sum(s => s.DurationSeconds))} in all — HRV is not interpretable there (shaded on the tachogram)")
        : null;

    private string UnitText => Analysis.Recording.Read.Unit switch
    {
        RrUnit.Seconds => "values in seconds",
        _ => "values in ms",
    } + Analysis.Recording.Read.UnitSource switch
    {
        RrUnitSource.Header => ", as the header says",
        RrUnitSource.Detected => ", told from their size",
        _ => "",
    };

    /// <summary>The detector that ran: the default is L&amp;T + range, or the sinus-rhythm detector where ectopy is frequent (its problem says so).</summary>
    private static string DetectorName(HrvArtifactSummary a) =>
        a.Method == ArtifactMethod.Default && a.Problems.Any(p => p.Code == "artifacts.frequent-ectopy")
            ? "sinus-rhythm timing (the default where premature beats are frequent)"
            : MethodName(a.Method);

    private static string MethodName(ArtifactMethod method) => method switch
    {
        ArtifactMethod.Default => "Lipponen & Tarvainen (2019) with a 300–2000 ms range",
        ArtifactMethod.LipponenTarvainen => "Lipponen & Tarvainen (2019)",
        ArtifactMethod.SinusRhythm => "sinus-rhythm timing",
        _ => method.ToString(),
    };

    private static string CorrectionName(ArtifactCorrection correction) => correction switch
    {
        ArtifactCorrection.Correct => "interpolated",
        ArtifactCorrection.Remove => "removed",
        _ => "kept as recorded",
    };

    private static string ProblemText(Problem problem) =>
        problem.Location is { } location ? $" ({location}) {problem.Message}" : " " + problem.Message;

    private string ArtifactListIntro
    {
        get
        {
            var flags = Analysis.Recording.Artifacts.Flags.Count;
            return flags > MaxArtifactRows
                ? string.Create(CultureInfo.InvariantCulture, $"{Count(flags)} beats flagged, marked on the tachogram: list the first {MaxArtifactRows} (all are in the JSON export)")
                : string.Create(CultureInfo.InvariantCulture, $"{Count(flags)} beat(s) flagged, marked on the tachogram: list them");
        }
    }

    private string? WhyMissing(MetricRow row) =>
        row.Location is { } location && Report.Problems.FirstOrDefault(p => p.Location == location) is { } problem ? problem.Message : null;

    private double BeatTime(int index) => index + 1 < _beatTimes.Length ? _beatTimes[index + 1] : 0;

    private string SourceLine(int index)
    {
        var lines = Analysis.Recording.Read.SourceLineNumbers;
        return index < lines.Length ? lines[index].ToString("#,0", CultureInfo.InvariantCulture) : "";
    }

    internal static string SeverityWord(ProblemSeverity severity) => severity switch
    {
        ProblemSeverity.Error => "Error:",
        ProblemSeverity.Info => "Note:",
        _ => "Warning:",
    };

    internal static string FormatName(RrFormat format) => format switch
    {
        RrFormat.Csv => "CSV",
        RrFormat.KubiosText => "Kubios text",
        _ => "one value per line",
    };

    internal static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Percent(int part, int whole) =>
        whole == 0 ? "0 %" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:0.##} %");

    /// <summary>h:mm:ss (or m:ss under an hour).</summary>
    internal static string Clock(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Round(Math.Max(0, seconds)));
        return t.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}:{t.Seconds:00}");
    }
}
