using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using RelationalNeuro.Components;
using RelationalNeuro.Gallery.Analyse;
using RelationalNeuro.Gallery.Components.Analyse;
using RelationalNeuro.Hrv;
using RelationalNeuro.Io;
using RelationalNeuro.Synchrony;

namespace RelationalNeuro.Gallery.Components.Pages;

/// <summary>
/// "Analyse a dyad": two uploaded RR files (or the bundled dyad) into <see cref="DyadAnalysis.Analyze(RrSeries, RrSeries, DyadAnalysisOptions?, CancellationToken)"/>
/// off the render thread; the verdict, the dyad's numbers, the synchrony map, both members' HRV, every problem, JSON and
/// CSV downloads and saving to two clients. A new file, name or offset supersedes the job that is running.
/// </summary>
public partial class AnalyseDyadPage
{
    internal const int MaxNameLength = 100;
    internal const int MaxProblemRows = 50;

    /// <summary>The largest start offset accepted, in seconds (a week): two recordings further apart share no time.</summary>
    internal const double MaxOffsetSeconds = 7 * 24 * 3600;

    private readonly MemberFile[] _members = [new("a", "Member A", "the therapist"), new("b", "Member B", "the client")];
    private readonly LatestJob _job = new();
    private string? _busy;
    private string? _message;
    private DyadResult? _result;
    private bool _sample;
    private double _offsetSeconds;
    private (double? FromMinutes, double? ToMinutes) _range;

    // The charts of "The session on one clock": A's recording as read, B's moved by the offset (kept while inputs and
    // offset stay the same, so a re-render does not redraw them), and the default artifact step's marks on each.
    private RrSeries? _chartA;
    private RrSeries? _chartB;
    private ArtifactResult? _chartArtifactsA;
    private ArtifactResult? _chartArtifactsB;
    private (RrSeries? A, RrSeries? B, double Offset) _chartsFor;
    private Member? _sampleA;
    private Member? _sampleB;

    [Inject]
    private AnalyseOptions Options { get; set; } = null!;

    [Inject]
    private DyadExports Exports { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    /// <summary>The start offset of member B as typed (seconds, invariant).</summary>
    private string OffsetText { get; set; } = "0";

    private string FromText { get; set; } = "";

    private string ToText { get; set; } = "";

    /// <summary>"correct": the default artifact step runs on each member before aligning; "as-recorded": none (<see cref="DyadAlignmentOptions.Reference"/>).</summary>
    private string ArtifactChoice { get; set; } = "correct";

    /// <summary>One member's recording as read, and what the verdict calls them.</summary>
    private sealed class MemberFile(string key, string legend, string name)
    {
        public string Key { get; } = key;

        public string Legend { get; } = legend;

        public string Name { get; set; } = name;

        public string? FileName { get; set; }

        public RrReadResult? Read { get; set; }

        /// <summary>The default artifact step on <see cref="Read"/>'s series (null while nothing is read).</summary>
        public ArtifactResult? Artifacts { get; set; }

        public string Status { get; set; } = "No file yet.";

        /// <summary>The upload and reading of this member's latest file.</summary>
        public LatestJob Upload { get; } = new();
    }

    /// <summary>A recording as read and the library's default artifact step on it (what "Correct them" aligns; the charts' marks).</summary>
    private sealed record Member(RrSeries Series, ArtifactResult Artifacts)
    {
        public static Member Of(RrSeries series) => new(series, Hrv.Artifacts.Process(series, DyadAlignmentOptions.Default.Artifacts));
    }

    /// <summary>An analysis shown on the page.</summary>
    private sealed record DyadResult(string Title, DyadReport Report, WindowedCrossCorrelationResult Map, Guid ExportId, DateTimeOffset AnalysedAt);

    private async Task OnFileChosenAsync(MemberFile member, InputFileChangeEventArgs e)
    {
        // Each member's upload is its own job: a new file for one member cancels only that member's earlier upload (the
        // other member's may still be arriving), and any analysis on the page, which no longer matches the files.
        var file = e.File;
        var token = member.Upload.Start();
        StartJob();
        _sample = false;
        member.FileName = null;
        member.Read = null;
        member.Artifacts = null;
        ForgetResult();
        UpdateCharts();
        if (file.Size > Options.MaxUploadBytes)
        {
            // Refused from the declared size: not one byte is read.
            member.Status = string.Create(CultureInfo.InvariantCulture, $"“{file.Name}” is {AnalysePage.Megabytes(file.Size)}; the limit is {AnalysePage.Megabytes(Options.MaxUploadBytes)}.");
            FinishJob("Not analysed: " + member.Status);
            return;
        }

        try
        {
            member.Status = $"Uploading “{file.Name}”…";
            StateHasChanged();
            var content = await BrowserUpload.ReadAsync(file, Options.MaxUploadBytes, null, token);
            member.Status = $"Reading “{file.Name}”…";
            StateHasChanged();
            var (format, read, artifacts) = await Task.Run(
                () =>
                {
                    var (format, read) = Analyser.ReadSeries(file.Name, content, null);
                    return (format, read, read.Series.Count > 0 ? Member.Of(read.Series).Artifacts : null);
                },
                token);
            token.ThrowIfCancellationRequested();
            member.FileName = file.Name;
            member.Read = read;
            member.Artifacts = artifacts;
            member.Status = read.Series.Count > 0
                ? string.Create(CultureInfo.InvariantCulture, $"“{file.Name}”: {HrvReportView.Count(read.Series.Count)} intervals, {HrvReportView.Clock(read.Series.DurationSeconds)} ({HrvReportView.FormatName(format)}).")
                : $"Nothing in “{file.Name}” could be read as RR intervals; the problems are listed below.";
            UpdateCharts();
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return; // a newer file for this member owns its place
        }
        catch (IOException exception)
        {
            member.Status = $"“{file.Name}” could not be uploaded: {exception.Message}";
            FinishJob(member.Status);
            return;
        }

        if (!_sample)
        {
            // (Unless the sample dyad was asked for while this file arrived: the newer request owns the page.)
            await AnalyseFilesAsync(StartJob());
        }
    }

    private Task AnalyseSampleAsync()
    {
        _sample = true;
        return AnalyseAsync(StartJob());
    }

    private Task ReanalyseAsync() => AnalyseAsync(StartJob());

    private Task AnalyseAsync(CancellationToken token) => _sample ? AnalyseSampleAsync(token) : AnalyseFilesAsync(token);

    private async Task AnalyseSampleAsync(CancellationToken token)
    {
        var settings = TrySettings();
        UpdateCharts();
        if (!settings)
        {
            return;
        }

        var (a, b) = SampleMembers();
        await AnalyseAsync("The sample dyad", a.Series, b.Series, "sample-dyad", token);
    }

    private async Task AnalyseFilesAsync(CancellationToken token)
    {
        ForgetResult();
        var settings = TrySettings();
        UpdateCharts();
        if (!settings)
        {
            return;
        }

        var missing = _members.Where(m => m.Read is not { Series.Count: > 0 }).Select(m => m.Legend).ToList();
        if (missing.Count > 0)
        {
            FinishJob(missing.Count == 2
                ? "Load both recordings, or analyse the sample dyad."
                : $"Load {missing[0]}'s recording too.");
            return;
        }

        var (a, b) = (_members[0], _members[1]);
        var title = $"“{a.FileName}” and “{b.FileName}”";
        var stem = Path.GetFileNameWithoutExtension(a.FileName!) + "+" + Path.GetFileNameWithoutExtension(b.FileName!);
        await AnalyseAsync(title, a.Read!.Series, b.Read!.Series, stem, token);
    }

    private async Task AnalyseAsync(string title, RrSeries seriesA, RrSeries seriesB, string fileStem, CancellationToken token)
    {
        var options = DyadAnalysisOptions.Default with
        {
            NameA = Name(_members[0]),
            NameB = Name(_members[1]),
            Alignment = ArtifactChoice == "as-recorded" ? DyadAlignmentOptions.Reference : DyadAlignmentOptions.Default,
        };
        var offset = _offsetSeconds;
        var (from, to) = _range;
        if (from is not null || to is not null)
        {
            title += " " + RangeText(from, to);
        }

        SetBusy("Analysing the dyad");
        try
        {
            var (report, map) = await Task.Run<(DyadReport? Report, WindowedCrossCorrelationResult? Map)>(
                () =>
                {
                    var a = seriesA;
                    var b = offset == 0 ? seriesB : seriesB.WithStartTimeSeconds(seriesB.StartTimeSeconds + offset);
                    if (from is not null || to is not null)
                    {
                        // Minutes on A's clock (A's first beat is minute 0); B's beats on the same clock after the offset.
                        var start = seriesA.StartTimeSeconds + ((from ?? 0) * 60);
                        var end = to is { } t ? seriesA.StartTimeSeconds + (t * 60) : double.PositiveInfinity;
                        a = Analyser.SliceOnClock(a, start, end);
                        b = Analyser.SliceOnClock(b, start, end);
                        if (a.Count == 0 || b.Count == 0)
                        {
                            return (null, null);
                        }
                    }

                    var report = DyadAnalysis.Analyze(a, b, options, token);
                    var map = WindowedCrossCorrelation.Compute(DyadAlignment.Align(a, b, options.Alignment), WindowedCrossCorrelationOptions.PlainR);
                    return (report, map);
                },
                token);
            if (!IsCurrent(token))
            {
                return;
            }

            if (report is null || map is null)
            {
                ForgetResult();
                FinishJob($"Not analysed: {_members[0].Legend} or {_members[1].Legend} has no whole RR interval {RangeText(from, to)}.");
                return;
            }

            _result = new DyadResult(title, report, map, Exports.Add(report, fileStem), Clock.GetUtcNow());
            FinishJob(string.Create(CultureInfo.InvariantCulture, $"Analysed {title}: {HrvReportView.Clock(report.Alignment.DurationSeconds)} recorded by both."));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // superseded or cancelled
        }
    }

    /// <summary>Reads the offset and the range fields; on a refusal says why and forgets any result.</summary>
    private bool TrySettings() => TryOffset() && TryRange();

    private bool TryRange()
    {
        var max = MaxOffsetSeconds / 60;
        double? from = null, to = null;
        string? refusal = null;
        foreach (var (text, isFrom) in new[] { (FromText?.Trim() ?? "", true), (ToText?.Trim() ?? "", false) })
        {
            if (text.Length == 0)
            {
                continue;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= 0 && value <= max)
            {
                value = Math.Abs(value); // −0 is minute 0
                if (isFrom)
                {
                    from = value;
                }
                else
                {
                    to = value;
                }
            }
            else
            {
                refusal ??= string.Create(CultureInfo.InvariantCulture, $"the {(isFrom ? "first" : "last")} minute “{text}” is not a number of minutes between 0 and {max:0}");
            }
        }

        if (refusal is null && from is { } f && to is { } t && !(f < t))
        {
            refusal = string.Create(CultureInfo.InvariantCulture, $"the range must end after it starts (minute {f:0.##} to minute {t:0.##})");
        }

        if (refusal is not null)
        {
            ForgetResult();
            FinishJob("Not analysed: " + refusal + ".");
            return false;
        }

        _range = (from, to);
        return true;
    }

    private (Member A, Member B) SampleMembers() =>
        (_sampleA ??= Member.Of(RrSeries.FromIntervalsMs(CoRegulationDyad.RrMsA)), _sampleB ??= Member.Of(RrSeries.FromIntervalsMs(CoRegulationDyad.RrMsB)));

    /// <summary>The recordings the charts show: the sample dyad, or the members' files as read (B moved by the offset).</summary>
    private void UpdateCharts()
    {
        var (a, b) = _sample ? SampleMembers() : (Loaded(_members[0]), Loaded(_members[1]));
        var key = (a?.Series, b?.Series, _offsetSeconds);
        if (key != _chartsFor)
        {
            _chartsFor = key;
            _chartA = a?.Series;
            _chartB = b is null || _offsetSeconds == 0 ? b?.Series : b.Series.WithStartTimeSeconds(b.Series.StartTimeSeconds + _offsetSeconds);
        }

        // The marks of the default artifact step: what "Correct them" corrects before aligning (none for "Keep them").
        var marks = ArtifactChoice != "as-recorded";
        _chartArtifactsA = marks ? a?.Artifacts : null;
        _chartArtifactsB = marks ? b?.Artifacts : null;

        static Member? Loaded(MemberFile m) => m.Read is { Series.Count: > 0 } read && m.Artifacts is { } artifacts ? new Member(read.Series, artifacts) : null;
    }

    /// <summary>The range of minutes in force as a band on the charts' clock (A's), or null when the whole session is analysed.</summary>
    private ChartTimeRange? ChartSelection
    {
        get
        {
            if (_chartA is not { } a || _range is (null, null))
            {
                return null;
            }

            var start = a.StartTimeSeconds + ((_range.FromMinutes ?? 0) * 60);
            var end = _range.ToMinutes is { } t ? a.StartTimeSeconds + (t * 60) : a.StartTimeSeconds + a.DurationSeconds;
            return start < end ? new ChartTimeRange(start, end) : null;
        }
    }

    /// <summary>
    /// A handle moved on A's chart: the range fields take the stretch in minutes after A's first beat (empty where a handle
    /// sits at A's first or last beat: from the start, to the end), and the dyad is analysed again.
    /// </summary>
    private async Task OnSelectionChanged(ChartTimeRange? window)
    {
        if (_chartA is not { } a || window is not { IsValid: true } w)
        {
            return;
        }

        var end = a.StartTimeSeconds + a.DurationSeconds;
        FromText = w.StartSeconds <= a.StartTimeSeconds ? "" : Minutes(w.StartSeconds - a.StartTimeSeconds);
        ToText = w.EndSeconds >= end ? "" : Minutes(w.EndSeconds - a.StartTimeSeconds);
        await ReanalyseAsync();

        static string Minutes(double seconds) => (seconds / 60).ToString("0.##", CultureInfo.InvariantCulture);
    }

    private static string ChartHeading(MemberFile member)
    {
        var name = Name(member);
        return name == member.Legend ? member.Legend : $"{member.Legend}: {name}";
    }

    private static string RangeText(double? from, double? to) =>
        string.Create(CultureInfo.InvariantCulture, $"(minute {from ?? 0:0.##} to {(to is { } t ? t.ToString("0.##", CultureInfo.InvariantCulture) : "the end")})");

    /// <summary>Parses the offset field; on a bad value says why and returns false.</summary>
    private bool TryOffset()
    {
        var text = OffsetText?.Trim() ?? "";
        if (text.Length == 0)
        {
            _offsetSeconds = 0;
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && Math.Abs(value) <= MaxOffsetSeconds)
        {
            _offsetSeconds = value;
            return true;
        }

        ForgetResult();
        FinishJob(string.Create(CultureInfo.InvariantCulture, $"Not analysed: the start offset “{text}” is not a number of seconds between −{MaxOffsetSeconds:0} and {MaxOffsetSeconds:0}."));
        return false;
    }

    private static string Name(MemberFile member)
    {
        var name = (member.Name ?? "").Trim();
        if (!ClientNames.HasVisibleCharacter(name))
        {
            return member.Legend;
        }

        // At most MaxNameLength UTF-16 units (the field's maxlength), never half of a surrogate pair.
        var length = Math.Min(name.Length, MaxNameLength);
        if (length < name.Length && char.IsHighSurrogate(name[length - 1]))
        {
            length--;
        }

        return name[..length];
    }

    private void ForgetResult() => _result = null;

    private static string ProblemSummary(RrReadResult read) =>
        read.Series.Count > 0 ? ProblemCountText(read.Problems.Count) + " in the file (those lines were not used)" : "Why nothing could be read";

    private static string ProblemCountText(int count) =>
        count == 1 ? "1 problem" : string.Create(CultureInfo.InvariantCulture, $"{HrvReportView.Count(count)} problems");

    private static string Number(double? value, string format, string unit = "") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) + unit : "—";

    private static IEnumerable<(string Id, string Name, string Value, string Definition)> SummaryRows(DyadReport r) =>
    [
        ("dyad-duration", "Recorded by both", HrvReportView.Clock(r.Alignment.DurationSeconds),
            string.Create(CultureInfo.InvariantCulture, $"The stretch both recordings cover, as {r.Alignment.SampleCount:#,0} samples at {r.Alignment.SampleRateHz:0.##} Hz of the inter-beat interval (linear interpolation, rMEA's grid)")),
        ("dyad-above-chance", "Segments above chance", r.Verdict.SegmentCount == 0 ? "—" : string.Create(CultureInfo.InvariantCulture, $"{r.Verdict.SegmentsAboveChance} of {r.Verdict.SegmentCount} ({Number(r.Verdict.PercentSegmentsAboveChance, "0")} %)"),
            "Segments whose synchrony exceeds the 95th percentile of the same segments paired out of time (surrogate pairs)"),
        ("dyad-lead", "Who followed", r.Verdict.Leader switch
        {
            DyadLeader.A => $"{r.NameB} followed {r.NameA} by {Number(r.Verdict.LeadSeconds, "0.##")} s",
            DyadLeader.B => $"{r.NameA} followed {r.NameB} by {Number(r.Verdict.LeadSeconds, "0.##")} s",
            _ => "No clear leader",
        }, "The median over windows of the lag of the strongest correlation (a leader when at least 0.5 s)"),
        ("dyad-susy-z", "Surrogate synchrony Z", Number(r.Surrogate.Z, "0.000"), "SUSY: mean |Fisher z| over lags of the real segments minus that of the surrogate pairs"),
        ("dyad-susy-es", "Effect size", Number(r.Surrogate.Es, "0.00"), "SUSY: that difference in units of the surrogates' SD"),
        ("dyad-grand-average", "Windowed cross-correlation", Number(r.Windowed.GrandAverage, "0.000"), "rMEA's grand average of |Fisher z| over windows and lags"),
    ];

    private static IEnumerable<(string Id, string Name, string A, string B)> HrvRows(DyadReport r)
    {
        static string Td(HrvReport? h, Func<TimeDomainResult, double?> value, string format, string unit) =>
            h?.TimeDomain is { } t ? Number(value(t), format, unit) : "—";
        static string Fd(HrvReport? h, Func<FrequencyDomainResult, double?> value) =>
            h?.FrequencyDomain is { } f ? Number(value(f), "0", " ms²") : "—";
        static string Irregular(HrvReport? h) => h?.Artifacts is not { } a ? "—"
            : a.IrregularSegments.Count == 0 ? "none"
            : HrvReportView.Clock(a.IrregularSegments.Sum(s => s.DurationSeconds));
        return
        [
            ("dyad-beats", "RR intervals", r.HrvA is { } a ? HrvReportView.Count(a.Input.AcceptedCount) : "—", r.HrvB is { } b ? HrvReportView.Count(b.Input.AcceptedCount) : "—"),
            ("dyad-flagged", "Flagged as artifacts before aligning", HrvReportView.Count(r.Alignment.ArtifactsFlaggedA), HrvReportView.Count(r.Alignment.ArtifactsFlaggedB)),
            ("dyad-irregular", "Irregular rhythm (HRV not interpretable there)", Irregular(r.HrvA), Irregular(r.HrvB)),
            ("dyad-mean-hr", "Mean heart rate", Td(r.HrvA, t => t.MeanHrBpm, "0.0", " bpm"), Td(r.HrvB, t => t.MeanHrBpm, "0.0", " bpm")),
            ("dyad-rmssd", "RMSSD", Td(r.HrvA, t => t.RmssdMs, "0.0", " ms"), Td(r.HrvB, t => t.RmssdMs, "0.0", " ms")),
            ("dyad-sdnn", "SDNN", Td(r.HrvA, t => t.SdnnMs, "0.0", " ms"), Td(r.HrvB, t => t.SdnnMs, "0.0", " ms")),
            ("dyad-lf", "LF power", Fd(r.HrvA, f => f.LfPowerMs2), Fd(r.HrvB, f => f.LfPowerMs2)),
            ("dyad-hf", "HF power", Fd(r.HrvA, f => f.HfPowerMs2), Fd(r.HrvB, f => f.HfPowerMs2)),
        ];
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

    private void FinishJob(string message)
    {
        _busy = null;
        _message = message;
    }

    private void SetBusy(string stage)
    {
        _busy = stage;
        StateHasChanged();
    }

    public void Dispose()
    {
        _job.Dispose();
        foreach (var member in _members)
        {
            member.Upload.Dispose();
        }
    }
}
