using System.Diagnostics;
using RelationalNeuro.Components;
using RelationalNeuro.Hrv;
using RelationalNeuro.Io;

namespace RelationalNeuro.Gallery.Analyse;

/// <summary>A recording read from a file: what the reader got, and the artifacts of the whole recording (for the tachogram).</summary>
/// <param name="Name">The file's name.</param>
/// <param name="Format">The format it was read in.</param>
/// <param name="Read">The reader's result: the series and every line it could not use.</param>
/// <param name="Artifacts">Artifact detection on the whole series, with the analysis' artifact options.</param>
/// <param name="ArtifactOptions">The artifact options <paramref name="Artifacts"/> was computed with.</param>
public sealed record Recording(string Name, RrFormat Format, RrReadResult Read, ArtifactResult Artifacts, ArtifactOptions ArtifactOptions)
{
    public RrSeries Series => Read.Series;
}

/// <summary>The analysis of a recording or of one window of it.</summary>
/// <param name="Recording">The whole recording.</param>
/// <param name="Window">The analysed window in seconds on the recording's clock; null for the whole recording.</param>
/// <param name="Series">The analysed intervals (the whole series, or the beats that lie wholly inside the window).</param>
/// <param name="Artifacts">Artifact detection on <paramref name="Series"/> (the one <see cref="HrvAnalysis"/> ran).</param>
/// <param name="Report">The report.</param>
/// <param name="Spectrum">The power spectral density of the NN series with the report's options; null when none can be computed.</param>
/// <param name="Elapsed">Wall time of the analysis (after the file was read).</param>
public sealed record RecordingAnalysis(
    Recording Recording,
    ChartTimeRange? Window,
    RrSeries Series,
    ArtifactResult Artifacts,
    HrvReport Report,
    PowerSpectrum? Spectrum,
    TimeSpan Elapsed);

/// <summary>Where an analysis is: the stage and the fraction of the whole job done (0–1).</summary>
internal readonly record struct AnalysisProgress(string Stage, double Fraction);

/// <summary>Runs the analysis in stages, reporting progress between them and observing cancellation.</summary>
internal static class Analyser
{
    /// <summary>Reads a file's bytes into a recording (stage "Reading").</summary>
    public static Recording Read(string name, byte[] content, RrFormat? format, HrvAnalysisOptions options, IProgress<AnalysisProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new AnalysisProgress("Reading the RR intervals", 0.45));
        var (chosen, read) = ReadSeries(name, content, format);
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new AnalysisProgress("Finding artifacts", 0.55));
        var artifacts = Artifacts.Process(read.Series.IntervalsMs, options.Artifacts);
        return new Recording(name, chosen, read, artifacts, options.Artifacts);
    }

    /// <summary>Reads a file's bytes as RR intervals in <paramref name="format"/>, or in the format guessed from its name and first lines.</summary>
    public static (RrFormat Format, RrReadResult Read) ReadSeries(string name, byte[] content, RrFormat? format)
    {
        var chosen = format ?? RrFormatGuess.Guess(name, content);
        using var stream = new MemoryStream(content, writable: false);
        return (chosen, RrReader.Read(stream, chosen, RrReadOptions.Default));
    }

    /// <summary>Analyses the whole recording (<paramref name="window"/> null) or the beats wholly inside a window.</summary>
    public static RecordingAnalysis Analyse(Recording recording, ChartTimeRange? window, HrvAnalysisOptions options, IProgress<AnalysisProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var series = window is { } w ? Slice(recording.Series, w) : recording.Series;
        // The artifact step runs once: the report is built on the result the page shows (the whole recording's from
        // reading, unless the options changed since).
        var artifacts = window is null && recording.ArtifactOptions == options.Artifacts ? recording.Artifacts : Artifacts.Process(series, options.Artifacts);
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new AnalysisProgress("Computing time, frequency and non-linear metrics", 0.65));
        var report = HrvAnalysis.Analyze(series, artifacts, options, cancellationToken) with { RecordingId = recording.Name };
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new AnalysisProgress("Computing the spectrum", 0.9));
        var spectrum = Spectrum(artifacts.NnIntervalsMs, options.FrequencyDomain);
        return new RecordingAnalysis(recording, window, series, artifacts, report, spectrum, clock.Elapsed);
    }

    /// <summary>The intervals that start at or after the window's start and end at or before its end.</summary>
    public static RrSeries Slice(RrSeries series, ChartTimeRange window) =>
        RrSeries.FromIntervalsMs(Kept(series, window.StartSeconds, window.EndSeconds, out _));

    /// <summary>
    /// <see cref="Slice"/> on the series' own clock: the intervals inside [<paramref name="startSeconds"/>,
    /// <paramref name="endSeconds"/>] of its beat times, starting at the first kept beat's time (a dyad's members stay
    /// aligned); <see cref="RrSeries.Empty"/> when none is inside.
    /// </summary>
    public static RrSeries SliceOnClock(RrSeries series, double startSeconds, double endSeconds)
    {
        var kept = Kept(series, startSeconds, endSeconds, out var first);
        return kept.Length == 0 ? RrSeries.Empty : RrSeries.FromIntervalsMs(kept).WithStartTimeSeconds(first);
    }

    private static double[] Kept(RrSeries series, double startSeconds, double endSeconds, out double firstBeatSeconds)
    {
        var kept = new List<double>();
        var t = series.StartTimeSeconds;
        firstBeatSeconds = 0;
        foreach (var v in series.IntervalsMs)
        {
            var end = t + (v / 1000.0);
            if (t >= startSeconds && end <= endSeconds)
            {
                if (kept.Count == 0)
                {
                    firstBeatSeconds = t;
                }

                kept.Add(v);
            }

            t = end;
        }

        return [.. kept];
    }

    private static PowerSpectrum? Spectrum(ReadOnlySpan<double> nnMs, FrequencyDomainOptions options)
    {
        var usable = new List<double>(nnMs.Length);
        foreach (var v in nnMs)
        {
            if (v is >= RrSeries.MinimumIntervalMs and <= RrSeries.MaximumIntervalMs)
            {
                usable.Add(v);
            }
        }

        var spectrum = HrvMetrics.PowerSpectralDensity(usable.ToArray(), options);
        return spectrum.FrequenciesHz.Count > 0 ? spectrum : null;
    }
}
