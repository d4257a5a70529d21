using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using RelationalNeuro.Components.Localization;
using RelationalNeuro.Hrv;
using RelationalNeuro.Hrv.Live;

namespace RelationalNeuro.Components;

/// <summary>
/// An <see cref="HrvGauge"/> bound to a stream of beats: reads an <see cref="IRrSource"/> (a Bluetooth chest strap
/// through <see cref="WebBluetoothHeartRateSource"/>, a replayed recording through <see cref="RrReplaySource"/>, or
/// the app's own), feeds every beat to a <see cref="RollingHrv"/> analyzer and shows the chosen metric beat by
/// beat, with the heart rate, the number of beats and the number of beats the analyzer's artifact screening
/// rejected.
/// </summary>
/// <remarks>
/// <para><b>Metrics</b> are <see cref="RollingHrv"/>'s over its window (<see cref="Options"/>; default the last 60
/// accepted beats, 300–2000 ms, 20 % from the median of the last 5 in-range beats). The heart-rate readout is the
/// instantaneous rate of the last accepted beat, 60 000 / RR; the gauge's <see cref="LiveHrvMetric.MeanHeartRate"/>
/// is the window's 60 000 / mean RR instead. Rejected beats are counted and never enter the window.</para>
/// <para><b>Lifecycle.</b> <see cref="StartAsync"/> (or the Start button, or <see cref="AutoStart"/> once the
/// component is interactive) starts a fresh analyzer and a new pass over the source; <see cref="StopAsync"/> cancels
/// the pass and waits for it to end; disposing the component does the same, so no read outlives it. A new
/// <see cref="Source"/> stops the running pass (and starts the new one when <see cref="AutoStart"/> is set);
/// <see cref="Options"/> take effect at the next start. Nothing starts during prerendering or static rendering.
/// A source that throws ends the pass in <see cref="LiveHrvState.Failed"/> with its message as
/// <see cref="StatusText"/>; nothing is thrown into the host.</para>
/// <para><b>Render throttling.</b> Every beat is analysed as it arrives, but the component re-renders at most once
/// per <see cref="RenderIntervalMilliseconds"/> (default 250 ms, measured on the injected
/// <see cref="TimeProvider"/>): the first beat after a quiet interval renders at once; beats inside the interval
/// mark the view dirty and one timer renders the latest state at the interval's end. A strap sends about one
/// notification a second, so this only matters for fast replays and bursts (a strap that reconnects delivers
/// its buffered beats together); over Blazor Server it bounds the diff traffic to four per second. 0 renders
/// every beat.</para>
/// <para><b>Accessibility.</b> The gauge is a <c>role="meter"</c>. A polite live region announces each change of
/// state and, while running, a summary ("RMSSD 42 ms, heart rate 71 bpm, 120 beats, 2 rejected") at most every
/// <see cref="AnnouncementIntervalSeconds"/> (default 10 s), never every beat. The Start/Stop control is a
/// single native button whose label toggles, so keyboard focus stays on it.</para>
/// </remarks>
public partial class LiveHrvGauge
{
    private static readonly RollingHrvOptions DefaultOptions = new();

    private RollingHrv _analyzer = new(DefaultOptions);
    private LivePass? _pass;
    private IRrSource? _seenSource;
    private bool _interactive;
    private bool _disposed;
    private long _lastAnnouncement;

    [Inject]
    private TimeProvider Time { get; set; } = TimeProvider.System;

    [Inject]
    private IServiceProvider Services { get; set; } = null!;

    private IStringLocalizer? _text;

    private IStringLocalizer T => _text ??= WidgetText.For<LiveHrvGauge>(Services);

    /// <summary>Where the beats come from. Null shows an idle gauge with Start disabled.</summary>
    [Parameter]
    public IRrSource? Source { get; set; }

    /// <summary>The metric the gauge draws. Default <see cref="LiveHrvMetric.Rmssd"/>.</summary>
    [Parameter]
    public LiveHrvMetric Metric { get; set; }

    /// <summary>The streaming analyzer's window and screening; null for <see cref="RollingHrvOptions"/>' defaults. Applied at the next start.</summary>
    [Parameter]
    public RollingHrvOptions? Options { get; set; }

    /// <summary>Reference bands for the gauge, in the metric's unit (see <see cref="HrvGauge.Bands"/>).</summary>
    [Parameter]
    public IReadOnlyList<GaugeBand>? Bands { get; set; }

    /// <summary>Start of the scale; null for the metric's default (0, or 40 bpm for heart rate).</summary>
    [Parameter]
    public double? Min { get; set; }

    /// <summary>End of the scale; null for the metric's default (150 ms, 180 bpm or 100 %).</summary>
    [Parameter]
    public double? Max { get; set; }

    /// <summary>The metric's name on the gauge; null for the metric's short name ("RMSSD", "SDNN", "pNN50", or "Heart rate" in the UI culture).</summary>
    [Parameter]
    public string? Label { get; set; }

    /// <summary>.NET numeric format of the gauge's number (invariant culture). Default "0".</summary>
    [Parameter]
    public string Format { get; set; } = "0";

    /// <summary>Start reading as soon as the component is interactive and whenever <see cref="Source"/> changes.</summary>
    [Parameter]
    public bool AutoStart { get; set; }

    /// <summary>Show the Start/Stop button. Default true; turn off when the app drives <see cref="StartAsync"/>/<see cref="StopAsync"/>.</summary>
    [Parameter]
    public bool ShowControls { get; set; } = true;

    /// <summary>Label of the start button; null (the default) uses the resources' "Start" in the UI culture.</summary>
    [Parameter]
    public string? StartText { get; set; }

    /// <summary>Label of the stop button; null (the default) uses the resources' "Stop" in the UI culture.</summary>
    [Parameter]
    public string? StopText { get; set; }

    /// <summary>Shortest time between two renders caused by beats, in ms (0 renders every beat). Default 250.</summary>
    [Parameter]
    public int RenderIntervalMilliseconds { get; set; } = 250;

    /// <summary>Shortest time between two running summaries in the live region, in seconds (at least 1). Default 10.</summary>
    [Parameter]
    public int AnnouncementIntervalSeconds { get; set; } = 10;

    /// <summary>Raised after each change of <see cref="State"/>.</summary>
    [Parameter]
    public EventCallback<LiveHrvState> OnStateChanged { get; set; }

    /// <summary>Extra CSS classes for the widget's section element.</summary>
    [Parameter]
    public string? Class { get; set; }

    /// <summary>Any other attributes, applied to the widget's section element (e.g. <c>id</c>).</summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? AdditionalAttributes { get; set; }

    /// <summary>Where the stream is.</summary>
    public LiveHrvState State { get; private set; }

    /// <summary>The analyzer's window after the last beat (empty before the first).</summary>
    public RollingHrvSnapshot Snapshot => _analyzer.Current;

    /// <summary>Beats received since the last start, accepted or not.</summary>
    public long BeatCount => _analyzer.BeatsOffered;

    /// <summary>Beats the analyzer's screening rejected since the last start (out of range, deviating, invalid).</summary>
    public long RejectedBeatCount { get; private set; }

    /// <summary>60 000 / the last accepted RR interval, in beats per minute; null before the first accepted beat.</summary>
    public double? HeartRateBpm { get; private set; }

    /// <summary>A sentence on the state (in the UI culture): what is happening, or why the source failed.</summary>
    public string StatusText
    {
        get => _statusText ?? T["Status.NotStarted"];
        private set => _statusText = value;
    }

    private string? _statusText;

    private string Announcement { get; set; } = "";

    private string EffectiveLabel => Label ?? Metric switch
    {
        LiveHrvMetric.Sdnn => "SDNN",
        LiveHrvMetric.MeanHeartRate => T["HeartRate"],
        LiveHrvMetric.Pnn50 => "pNN50",
        _ => "RMSSD",
    };

    private string EffectiveUnit => Metric switch
    {
        LiveHrvMetric.MeanHeartRate => "bpm",
        LiveHrvMetric.Pnn50 => "%",
        _ => "ms",
    };

    private double EffectiveMin => Min ?? (Metric == LiveHrvMetric.MeanHeartRate ? 40 : 0);

    private double EffectiveMax => Max ?? Metric switch
    {
        LiveHrvMetric.MeanHeartRate => 180,
        LiveHrvMetric.Pnn50 => 100,
        _ => 150,
    };

    private double? GaugeValue => Metric switch
    {
        LiveHrvMetric.Sdnn => Snapshot.SdnnMs,
        LiveHrvMetric.MeanHeartRate => Snapshot.MeanHeartRateBpm,
        LiveHrvMetric.Pnn50 => Snapshot.Pnn50Percent,
        _ => Snapshot.RmssdMs,
    };

    private string NoReadingText => State switch
    {
        LiveHrvState.Idle => T["NoReading.NotStarted"],
        LiveHrvState.Running => T["NoReading.Waiting"],
        _ => T["NoReading.None"],
    };

    private string AccessibleName => T.Format("AccessibleName", EffectiveLabel);

    private string HeartRateText => HeartRateBpm is { } bpm
        ? string.Create(CultureInfo.InvariantCulture, $"{bpm:0} bpm")
        : "–";

    private string CssClass
    {
        get
        {
            var state = " rn-live--" + State.ToString().ToLowerInvariant();
            return string.IsNullOrWhiteSpace(Class) ? "rn-live" + state : $"rn-live{state} {Class}";
        }
    }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        LivePass.CheckIntervals(RenderIntervalMilliseconds, AnnouncementIntervalSeconds);

        if (!Enum.IsDefined(Metric))
        {
            throw new ArgumentOutOfRangeException(nameof(Metric), Metric, "Metric is not a defined LiveHrvMetric.");
        }

        if (ReferenceEquals(Source, _seenSource))
        {
            return;
        }

        _seenSource = Source;
        if (State == LiveHrvState.Running)
        {
            await CancelRunAsync();
            await SetStateAsync(LiveHrvState.Idle, T["Status.SourceChanged"], announce: false);
        }

        if (_interactive && AutoStart && Source is not null)
        {
            await StartAsync();
        }
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            if (AutoStart && Source is not null && State == LiveHrvState.Idle)
            {
                await StartAsync();
                StateHasChanged();
            }
        }
    }

    /// <summary>
    /// Starts a fresh analyzer (with <see cref="Options"/>) and a new pass over <see cref="Source"/>, stopping any
    /// running pass first. Does nothing without a source or after disposal.
    /// </summary>
    /// <returns>A task that completes once the pass has started (not when it ends).</returns>
    public async Task StartAsync()
    {
        if (Source is not { } source || _disposed)
        {
            return;
        }

        await CancelRunAsync();
        _analyzer = new RollingHrv(Options ?? DefaultOptions);
        RejectedBeatCount = 0;
        HeartRateBpm = null;
        _lastAnnouncement = Time.GetTimestamp();
        await SetStateAsync(LiveHrvState.Running, T["Status.Running"], announce: true);
        Pass.Start(cts => RunAsync(source, cts.Token));
    }

    /// <summary>Stops the running pass and waits until the source has let go; the last metrics stay shown.</summary>
    /// <returns>A task that completes when the pass has ended.</returns>
    public async Task StopAsync()
    {
        if (State != LiveHrvState.Running)
        {
            return;
        }

        await CancelRunAsync();
        await SetStateAsync(LiveHrvState.Stopped, T["Status.Stopped"], announce: true);
    }

    /// <summary>Stops the running pass (as <see cref="StopAsync"/>) and releases the render timer.</summary>
    /// <returns>A task that completes when the pass has ended.</returns>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await Pass.CloseAsync();
        GC.SuppressFinalize(this);
    }

    private Task ToggleAsync() => State == LiveHrvState.Running ? StopAsync() : StartAsync();

    private async Task RunAsync(IRrSource source, CancellationToken cancellationToken)
    {
        // Let StartAsync return (and the Stop button render) before the first beat, even for a synchronous source.
        await Task.Yield();
        try
        {
            await foreach (var beat in source.ReadBeatsAsync(cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await InvokeAsync(() => OnBeat(beat.RrMs, cancellationToken));
            }

            await InvokeAsync(() => FinishAsync(LiveHrvState.Completed, T["Status.Completed"], cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped, disposed or replaced: the canceller sets the state.
        }
#pragma warning disable CA1031 // A failing source is reported in the widget, never thrown into the host's renderer.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await InvokeAsync(() => FinishAsync(LiveHrvState.Failed, T.Format("Status.Failed", ex.Message), cancellationToken));
        }
    }

    private void OnBeat(double rrMs, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        var update = _analyzer.Add(rrMs);
        if (update.IsAccepted)
        {
            HeartRateBpm = 60_000.0 / rrMs;
        }
        else
        {
            RejectedBeatCount++;
        }

        Pass.Beat(RenderIntervalMilliseconds);
    }

    private LivePass Pass => _pass ??= new LivePass(Time, InvokeAsync, RenderBeats);

    private void RenderBeats(long now)
    {
        if (Time.GetElapsedTime(_lastAnnouncement, now) >= TimeSpan.FromSeconds(AnnouncementIntervalSeconds))
        {
            _lastAnnouncement = now;
            Announcement = Summary();
        }

        StateHasChanged();
    }

    private async Task FinishAsync(LiveHrvState state, string status, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested || State != LiveHrvState.Running)
        {
            return;
        }

        Pass.StopRendering();
        await SetStateAsync(state, status, announce: true);
    }

    private Task CancelRunAsync() => Pass.CancelAsync();

    private async Task SetStateAsync(LiveHrvState state, string status, bool announce)
    {
        State = state;
        StatusText = status;
        if (announce)
        {
            _lastAnnouncement = Time.GetTimestamp();
            Announcement = state == LiveHrvState.Running ? status : $"{status} {Summary()}";
        }

        if (!_disposed)
        {
            StateHasChanged();
            await OnStateChanged.InvokeAsync(state);
        }
    }

    private string Summary()
    {
        var value = GaugeValue is { } v && double.IsFinite(v)
            ? $"{v.ToString(Format, CultureInfo.InvariantCulture)} {EffectiveUnit}"
            : T["Summary.NoReading"];
        var label = $"{EffectiveLabel} {value}";
        return HeartRateBpm is { } bpm
            ? T.Format("Summary.WithHeartRate", label, WidgetText.Invariant(bpm, "0"), Num(BeatCount), Num(RejectedBeatCount))
            : T.Format("Summary", label, Num(BeatCount), Num(RejectedBeatCount));
    }

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);
}
