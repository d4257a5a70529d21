using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using RelationalNeuro.Components;
using RelationalNeuro.Gallery.Analyse;
using RelationalNeuro.Gallery.Components.Analyse;
using RelationalNeuro.Hrv;
using RelationalNeuro.Interventions;
using RelationalNeuro.Io;

namespace RelationalNeuro.Gallery.Components.Pages;

/// <summary>
/// "Analyse a recording": upload (file button or drop), read, analyse off the render thread with a cancellation token,
/// show the report; a new upload, a new window or a changed option cancels the job that is running.
/// </summary>
public partial class AnalysePage
{
    private readonly LatestJob _job = new();
    private AnalysisProgress? _progress;
    private string? _message;
    private IReadOnlyList<Problem>? _readProblems;
    private bool _readFailed;
    private Recording? _recording;
    private byte[]? _content;
    private RecordingAnalysis? _analysis;
    private Guid? _exportId;
    private bool _dragging;
    private Guid? _clientId;
    private string? _saveMessage;

    // The clients the analysis shown has been saved to (cleared when another analysis is shown).
    private readonly HashSet<(Guid Client, string Metric)> _savedTo = [];

    [Inject]
    private AnalyseOptions Options { get; set; } = null!;

    [Inject]
    private ReportExports Exports { get; set; } = null!;

    [Inject]
    private IPracticeStore Store { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    private string FormatChoice { get; set; } = "auto";

    private ArtifactCorrection CorrectionChoice { get; set; } = ArtifactCorrection.Correct;

    private HrvAnalysisOptions AnalysisOptions => HrvAnalysisOptions.Default with
    {
        Artifacts = HrvAnalysisOptions.Default.Artifacts with { Correction = CorrectionChoice },
    };

    private RrFormat? ChosenFormat => FormatChoice switch
    {
        "single" => RrFormat.SingleColumn,
        "csv" => RrFormat.Csv,
        "kubios" => RrFormat.KubiosText,
        _ => null,
    };

    private string ReadProblemsTitle => _readFailed
        ? "The file could not be read"
        : "Lines of the file that were not used";

    private async Task OnFileChosen(InputFileChangeEventArgs e)
    {
        _dragging = false;
        var file = e.File;
        var token = StartJob();
        _readProblems = null;
        if (file.Size > Options.MaxUploadBytes)
        {
            // Refused from the declared size: not one byte is read. The previous file's report goes too, so that it is
            // not taken for this file's.
            ForgetRecording();
            FinishJob(string.Create(CultureInfo.InvariantCulture, $"“{file.Name}” is {Megabytes(file.Size)}; the limit is {Megabytes(Options.MaxUploadBytes)}. Split the recording, or raise {AnalyseOptions.Section}:MaxUploadBytes."));
            return;
        }

        byte[] content;
        try
        {
            SetProgress(new AnalysisProgress("Uploading " + file.Name, 0));
            content = await BrowserUpload.ReadAsync(file, Options.MaxUploadBytes, fraction =>
            {
                if (IsCurrent(token))
                {
                    SetProgress(new AnalysisProgress("Uploading " + file.Name, 0.4 * fraction));
                }
            }, token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return; // superseded or cancelled; the newer job owns the page
        }
        catch (IOException exception)
        {
            if (IsCurrent(token))
            {
                ForgetRecording();
                FinishJob($"“{file.Name}” could not be uploaded: {exception.Message}");
            }

            return;
        }

        await ReadAndAnalyseAsync(file.Name, content, token);
    }

    private Task AnalyseSampleAsync() =>
        ReadAndAnalyseAsync(SampleRecording.FileName, SampleRecording.Content, StartJob());

    private Task ReanalyseAsync() =>
        _content is { } content && _recording is { } recording
            ? ReadAndAnalyseAsync(recording.Name, content, StartJob())
            : Task.CompletedTask;

    private async Task ReadAndAnalyseAsync(string name, byte[] content, CancellationToken token)
    {
        var format = ChosenFormat;
        var options = AnalysisOptions;
        var progress = new PageProgress(this, token);
        _readProblems = null;
        SetProgress(new AnalysisProgress("Reading " + name, 0.4));
        try
        {
            var (recording, analysis) = await Task.Run(
                () =>
                {
                    var recording = Analyser.Read(name, content, format, options, progress, token);
                    var analysis = recording.Series.Count > 0 ? Analyser.Analyse(recording, null, options, progress, token) : null;
                    return (recording, analysis);
                },
                token);
            if (!IsCurrent(token))
            {
                return;
            }

            _content = content;
            _recording = recording;
            _readProblems = recording.Read.Problems;
            _readFailed = analysis is null;
            Show(analysis);
            FinishJob(analysis is null
                ? $"Nothing in “{name}” could be read as RR intervals; the problems are listed below."
                : string.Create(CultureInfo.InvariantCulture, $"Analysed {HrvReportView.Count(recording.Series.Count)} intervals of “{name}” in {HrvReportView.Duration(analysis.Elapsed)}."));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // superseded or cancelled
        }
    }

    private async Task OnSelectionChanged(ChartTimeRange? window)
    {
        if (_recording is not { } recording || window is not { IsValid: true } w)
        {
            return;
        }

        await AnalyseWindowAsync(recording, w, StartJob());
    }

    private async Task WholeRecordingAsync()
    {
        if (_recording is { } recording)
        {
            await AnalyseWindowAsync(recording, null, StartJob());
        }
    }

    private async Task AnalyseWindowAsync(Recording recording, ChartTimeRange? window, CancellationToken token)
    {
        var options = AnalysisOptions;
        var progress = new PageProgress(this, token);
        try
        {
            var analysis = await Task.Run(() => Analyser.Analyse(recording, window, options, progress, token), token);
            if (IsCurrent(token))
            {
                Show(analysis);
                FinishJob(window is { } w
                    ? string.Create(CultureInfo.InvariantCulture, $"Analysed {HrvReportView.Clock(w.StartSeconds)} to {HrvReportView.Clock(w.EndSeconds)}: {HrvReportView.Count(analysis.Series.Count)} intervals.")
                    : "Analysed the whole recording.");
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    // No recording is loaded any more: no report, and nothing for a changed option to analyse again.
    private void ForgetRecording()
    {
        _content = null;
        _recording = null;
        Show(null);
    }

    private void Show(RecordingAnalysis? analysis)
    {
        _analysis = analysis;
        _exportId = analysis is null ? null : Exports.Add(analysis.Report, analysis.Recording.Name);
        _saveMessage = null;
        _savedTo.Clear();
    }

    private async Task SaveAsync()
    {
        if (_analysis is not { } analysis)
        {
            return;
        }

        if (_clientId is not { } clientId || await Store.GetClientAsync(clientId) is not { } client)
        {
            _saveMessage = "Choose a client, or create one, first.";
            return;
        }

        var now = Clock.GetUtcNow();
        var report = analysis.Report;
        (string Metric, double? Value, string Unit)[] values =
        [
            ("hrv.rmssd", report.TimeDomain?.RmssdMs, "ms"),
            ("hrv.sdnn", report.TimeDomain?.SdnnMs, "ms"),
            ("hrv.mean-hr", report.TimeDomain?.MeanHrBpm, "bpm"),
            ("hrv.lf-power", report.FrequencyDomain?.LfPowerMs2, "ms²"),
            ("hrv.hf-power", report.FrequencyDomain?.HfPowerMs2, "ms²"),
        ];
        var toSave = values.Where(v => v.Value is { } x && double.IsFinite(x)).ToArray();
        if (toSave.All(v => _savedTo.Contains((clientId, v.Metric))))
        {
            // A second press would store the same measurements again.
            _saveMessage = $"“{analysis.Recording.Name}” is already saved to {ClientNames.Shown(client)}.";
            return;
        }

        var saved = 0;
        foreach (var (metric, value, unit) in toSave)
        {
            if (_savedTo.Contains((clientId, metric)))
            {
                continue;  // saved by an earlier press that the store stopped part-way
            }

            try
            {
                await Store.AddMeasurementAsync(new Measurement { Id = Guid.NewGuid(), ClientId = clientId, MeasuredAt = now, Metric = metric, Value = value!.Value, Unit = unit });
            }
            catch (PracticeStoreException ex)
            {
                // Locked by another program, disk full, read-only: say so; a second press saves only what is missing.
                _saveMessage = string.Create(CultureInfo.InvariantCulture,
                    $"Not saved: {string.Join(" ", ex.Problems.Select(p => p.Message))} {_savedTo.Count(s => s.Client == clientId)} of {toSave.Length} measurements are saved; press Save again to save the rest.");
                return;
            }

            _savedTo.Add((clientId, metric));
            saved++;
        }

        _saveMessage = string.Create(CultureInfo.InvariantCulture, $"Saved {saved} measurement(s) of “{analysis.Recording.Name}” to {ClientNames.Shown(client)}.");
    }

    private void Cancel()
    {
        _job.Cancel();
        FinishJob("Cancelled.");
    }

    private CancellationToken StartJob()
    {
        _message = null;
        return _job.Start();
    }

    private bool IsCurrent(CancellationToken token) => _job.IsCurrent(token);

    private void FinishJob(string? message)
    {
        _progress = null;
        if (message is not null)
        {
            _message = message;
        }
    }

    private void SetProgress(AnalysisProgress progress)
    {
        _progress = progress;
        StateHasChanged();
    }

    internal static string Megabytes(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB");

    public void Dispose()
    {
        _job.Dispose();
    }

    /// <summary>Reports a background stage to the page on the renderer's thread, unless the job was superseded.</summary>
    private sealed class PageProgress(AnalysePage page, CancellationToken token) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) =>
            _ = page.InvokeAsync(() =>
            {
                if (page.IsCurrent(token))
                {
                    page.SetProgress(value);
                }
            });
    }
}
