using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using RelationalNeuro.Components.Charts;
using RelationalNeuro.Components.Localization;
using RelationalNeuro.Hrv.Live;
using RelationalNeuro.Synchrony;

namespace RelationalNeuro.Components;

/// <summary>
/// A synchrony meter for two people: how much their heart rhythms move together now (mean |Fisher z| over lags), against
/// the band chance alone would give (surrogate synchrony), and who follows whom by how many seconds. Give it two
/// <see cref="IRrSource"/>s (two chest straps, or two replays) and it updates beat by beat through a
/// <see cref="RollingSynchrony"/>; or give it a reading (<see cref="Value"/>, <see cref="ChanceLow"/>, <see cref="ChanceHigh"/>,
/// <see cref="LagSeconds"/>) and it draws that. SVG computed in C# with a fixed viewBox; complete under static rendering.
/// </summary>
/// <remarks>
/// <para><b>Value.</b> <see cref="RollingSynchrony.MeanAbsZ"/>: over the trailing window (default 30 s on a 4-Hz grid), the
/// mean over lags −L…+L (default ±3 s, SUSY's default) of |atanh r|, z clipped to 10 — the statistic of the library's
/// per-segment test (<see cref="SurrogateSynchronyResult.SegmentZ"/>). Scale 0 to <see cref="Max"/> (default 1).</para>
/// <para><b>Chance band.</b> Live, from the beats received so far: each time both members' beats cover one more window, once at least
/// <see cref="MinimumChanceSegments"/> segments of the window's length are in, both series are aligned
/// (<see cref="DyadAlignment"/> at the engine's rate) and <see cref="SurrogateSynchrony"/> (segments = the window, lags = the
/// engine's) gives the 5th and 95th percentiles (R-8) of the surrogate pairs' mean |z|: segments of one person paired with
/// the other person's segments from other moments. Above the 95th percentile reads "above chance", below the 5th "below
/// chance", between "within chance" — the library's per-segment test. SUSY's segment r (biased ccf) is about 5 % smaller
/// than the trailing window's Pearson r at ±3 s (see <see cref="RollingSynchrony.MeanAbsZ"/>), so the live value leans at
/// most that much toward "above". The cost is two surrogate analyses of the session so far (about 2 × 50 ms for an hour)
/// once per window, on the render thread.</para>
/// <para><b>Lead and lag.</b> The lag of the largest signed r over the trailing window
/// (<see cref="RollingSynchronySnapshot.PeakLagSeconds"/>): positive means B follows A. Within
/// <see cref="InStepSeconds"/> of 0 it reads "in step".</para>
/// <para><b>Lifecycle</b> as <see cref="LiveHrvGauge"/>: Start (the button, <see cref="StartAsync"/> or
/// <see cref="AutoStart"/> once interactive) reads both sources from a fresh engine; Stop, a new source or disposal cancels
/// both reads; both sources ending gives <see cref="LiveHrvState.Completed"/>, one failing <see cref="LiveHrvState.Failed"/>
/// (nothing is thrown into the host). Renders are throttled to one per <see cref="RenderIntervalMilliseconds"/>; a polite
/// live region speaks on state changes and a summary at most every <see cref="AnnouncementIntervalSeconds"/>.</para>
/// <para><b>Accessibility.</b> <c>role="meter"</c> with <c>aria-valuenow/min/max</c> and an <c>aria-valuetext</c> in words:
/// "0.42 mean |z|, above chance (chance band 0.12 to 0.31); B follows A by about 2 s". The drawing is hidden from
/// assistive technology; the same words are visible text, so colour is never the only cue.</para>
/// </remarks>
public partial class SynchronyMeter
{
    private const double BarLeft = 16;
    private const double BarWidth = 288;
    private const double LagCentre = BarLeft + (BarWidth / 2);

    /// <summary>The meter's default geometry: <see cref="RollingSynchronyOptions.Default"/> with ±3 s lags (SUSY's default).</summary>
    public static RollingSynchronyOptions DefaultOptions { get; } = RollingSynchronyOptions.Default with { MaxLagSeconds = 3 };

    /// <summary>The chance band appears once this many segments of one window's length are in (4: 12 surrogate pairs, 2 minutes at 30 s).</summary>
    public const int MinimumChanceSegments = 4;

    private RollingSynchrony _engine = new(DefaultOptions);
    private readonly List<double> _rrA = [];
    private readonly List<double> _rrB = [];
    private LivePass? _pass;
    private IRrSource? _seenA;
    private IRrSource? _seenB;
    private bool _interactive;
    private bool _disposed;
    private long _lastAnnouncement;
    private double _bandAtSeconds;
    private double _msA;
    private double _msB;
    private double? _liveValue;

    [Inject]
    private TimeProvider Time { get; set; } = TimeProvider.System;

    [Inject]
    private IServiceProvider Services { get; set; } = null!;

    private IStringLocalizer? _text;

    private IStringLocalizer T => _text ??= WidgetText.For<SynchronyMeter>(Services);

    /// <summary>Member A's beats (e.g. the therapist's strap). With <see cref="SourceB"/>, the meter runs live.</summary>
    [Parameter]
    public IRrSource? SourceA { get; set; }

    /// <summary>Member B's beats (e.g. the client's strap).</summary>
    [Parameter]
    public IRrSource? SourceB { get; set; }

    /// <summary>The engine's grid, window and lags; null for <see cref="DefaultOptions"/>. Also sets the lag axis (±<see cref="RollingSynchronyOptions.MaxLagSeconds"/>). Applied at the next start.</summary>
    [Parameter]
    public RollingSynchronyOptions? Options { get; set; }

    /// <summary>A reading to show without sources (mean |z| over lags, ≥ 0); null or non-finite shows "No reading yet". Ignored once the meter has run live.</summary>
    [Parameter]
    public double? Value { get; set; }

    /// <summary>Lower edge of the chance band (the surrogates' 5th percentile), same unit as <see cref="Value"/>; without sources.</summary>
    [Parameter]
    public double? ChanceLow { get; set; }

    /// <summary>Upper edge of the chance band (the surrogates' 95th percentile); without sources.</summary>
    [Parameter]
    public double? ChanceHigh { get; set; }

    /// <summary>Who follows whom, in s (positive = B follows A); without sources.</summary>
    [Parameter]
    public double? LagSeconds { get; set; }

    /// <summary>End of the scale (mean |z|); finite and &gt; 0. Default 1.</summary>
    [Parameter]
    public double Max { get; set; } = 1;

    /// <summary>A lag closer to 0 than this (in s) reads "in step". Default 0.5 (the dyad report's leader threshold).</summary>
    [Parameter]
    public double InStepSeconds { get; set; } = 0.5;

    /// <summary>What the meter calls member A (e.g. "the therapist"); null uses the resources' "A".</summary>
    [Parameter]
    public string? NameA { get; set; }

    /// <summary>What the meter calls member B (e.g. "the client"); null uses the resources' "B".</summary>
    [Parameter]
    public string? NameB { get; set; }

    /// <summary>The meter's accessible name; null uses the resources' "Synchrony".</summary>
    [Parameter]
    public string? Label { get; set; }

    /// <summary>Start reading as soon as the component is interactive and whenever a source changes.</summary>
    [Parameter]
    public bool AutoStart { get; set; }

    /// <summary>Show the Start/Stop button when sources are given. Default true.</summary>
    [Parameter]
    public bool ShowControls { get; set; } = true;

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

    /// <summary>Where the live stream is (<see cref="LiveHrvState.Idle"/> until the first start).</summary>
    public LiveHrvState State { get; private set; }

    /// <summary>The engine's summary after the last beat.</summary>
    public RollingSynchronySnapshot Snapshot => _engine.Current;

    /// <summary>Member A's RR intervals in ms received since the last start, in order (for the session's offline analysis).</summary>
    public IReadOnlyList<double> RrMsA => _rrA;

    /// <summary>Member B's RR intervals in ms received since the last start, in order.</summary>
    public IReadOnlyList<double> RrMsB => _rrB;

    /// <summary>The live chance band (5th and 95th percentiles of the surrogate pairs' mean |z|); null until enough segments are in.</summary>
    public (double Low, double High)? LiveChanceBand { get; private set; }

    /// <summary>A sentence on the live state (in the UI culture).</summary>
    public string StatusText
    {
        get => _statusText ?? T["Status.NotStarted"];
        private set => _statusText = value;
    }

    private string? _statusText;

    private string Announcement { get; set; } = "";

    private bool IsLive => SourceA is not null || SourceB is not null || State != LiveHrvState.Idle;

    private bool ShowsLive => State != LiveHrvState.Idle;

    private double? ShownValue => ShowsLive ? _liveValue : Value;

    private double? ShownLow => ShowsLive ? LiveChanceBand?.Low : ChanceLow;

    private double? ShownHigh => ShowsLive ? LiveChanceBand?.High : ChanceHigh;

    private double? ShownLag => ShowsLive ? (Snapshot.IsReady ? Snapshot.PeakLagSeconds : null) : LagSeconds;

    private bool HasReading => ShownValue is { } v && double.IsFinite(v);

    private double LagRange => (Options ?? DefaultOptions).MaxLagSeconds;

    private long BeatsA => Snapshot.BeatsA;

    private long BeatsB => Snapshot.BeatsB;

    private string NameAText => NameA ?? T["MemberA"];

    private string NameBText => NameB ?? T["MemberB"];

    private string EffectiveLabel => Label ?? T["Label"];

    private string AccessibleName => T.Format("AccessibleName", NameAText, NameBText);

    private double AriaValueNow => HasReading ? Math.Clamp(ShownValue!.Value, 0, Max) : 0;

    private string DisplayNumber => HasReading ? Fmt(ShownValue!.Value) : "–";

    private double FillWidth => HasReading ? Math.Round(BarWidth * Math.Clamp(ShownValue!.Value / Max, 0, 1), 2) : 0;

    private (double X, double Width)? BandRect
    {
        get
        {
            if (ShownLow is not { } low || ShownHigh is not { } high || !double.IsFinite(low) || !double.IsFinite(high) || high < low)
            {
                return null;
            }

            var x0 = BarLeft + (BarWidth * Math.Clamp(low / Max, 0, 1));
            var x1 = BarLeft + (BarWidth * Math.Clamp(high / Max, 0, 1));
            return (Math.Round(x0, 2), Math.Round(Math.Max(x1 - x0, 1), 2));
        }
    }

    private double? LagMarkerX => ShownLag is { } lag && double.IsFinite(lag) && LagRange > 0
        ? Math.Round(LagCentre + (BarWidth / 2 * Math.Clamp(lag / LagRange, -1, 1)), 2)
        : null;

    private ChanceStanding? Standing
    {
        get
        {
            if (!HasReading || ShownLow is not { } low || ShownHigh is not { } high)
            {
                return null;
            }

            var v = ShownValue!.Value;
            return v > high ? ChanceStanding.Above : v < low ? ChanceStanding.Below : ChanceStanding.Within;
        }
    }

    private enum ChanceStanding
    {
        Below,
        Within,
        Above,
    }

    private string CssClass
    {
        get
        {
            var state = !HasReading ? " rn-sync-meter--empty" : Standing switch
            {
                ChanceStanding.Above => " rn-sync-meter--above",
                ChanceStanding.Below => " rn-sync-meter--below",
                ChanceStanding.Within => " rn-sync-meter--within",
                _ => "",
            };
            return string.IsNullOrWhiteSpace(Class) ? "rn-sync-meter" + state : $"rn-sync-meter{state} {Class}";
        }
    }

    private string NoReadingWords => ShowsLive && State == LiveHrvState.Running
        ? T.Format("Waiting", Fmt0((Options ?? DefaultOptions).WindowSeconds + LagRange))
        : T["NoReading"];

    private string StatusWords
    {
        get
        {
            if (!HasReading)
            {
                return NoReadingWords;
            }

            var band = ShownLow is { } low && ShownHigh is { } high
                ? T.Format("ChanceBand", Fmt(low), Fmt(high))
                : T["NoChanceBand"];
            var standing = Standing switch
            {
                ChanceStanding.Above => T["Above"],
                ChanceStanding.Below => T["Below"],
                ChanceStanding.Within => T["Within"],
                _ => null,
            };
            return standing is null ? band : T.Format("StandingWithBand", standing, band);
        }
    }

    private string LagWords
    {
        get
        {
            if (ShownLag is not { } lag || !double.IsFinite(lag))
            {
                return T["NoLag"];
            }

            if (Math.Abs(lag) < InStepSeconds)
            {
                return T.Format("InStep", Fmt1(InStepSeconds));
            }

            return lag > 0
                ? T.Format("Follows", NameBText, NameAText, Fmt1(lag))
                : T.Format("Follows", NameAText, NameBText, Fmt1(-lag));
        }
    }

    private string ValueText => HasReading
        ? $"{Fmt(ShownValue!.Value)} {T["Unit"]}, {StatusWords}; {LagWords}"
        : $"{NoReadingWords}; {LagWords}";

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (!double.IsFinite(Max) || !(Max > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(Max), Max, "SynchronyMeter's Max must be finite and > 0.");
        }

        if (!double.IsFinite(InStepSeconds) || InStepSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(InStepSeconds), InStepSeconds, "SynchronyMeter's InStepSeconds must be finite and ≥ 0.");
        }

        LivePass.CheckIntervals(RenderIntervalMilliseconds, AnnouncementIntervalSeconds);

        if (ReferenceEquals(SourceA, _seenA) && ReferenceEquals(SourceB, _seenB))
        {
            return;
        }

        _seenA = SourceA;
        _seenB = SourceB;
        if (State == LiveHrvState.Running)
        {
            await CancelRunAsync();
            await SetStateAsync(LiveHrvState.Stopped, T["Status.SourceChanged"], announce: false);
        }

        if (_interactive && AutoStart && SourceA is not null && SourceB is not null)
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
            if (AutoStart && SourceA is not null && SourceB is not null && State == LiveHrvState.Idle)
            {
                await StartAsync();
                StateHasChanged();
            }
        }
    }

    /// <summary>
    /// Starts a fresh engine (with <see cref="Options"/>) and a new pass over both sources, stopping any running pass first.
    /// Does nothing without both sources or after disposal.
    /// </summary>
    /// <returns>A task that completes once the pass has started (not when it ends).</returns>
    public async Task StartAsync()
    {
        if (SourceA is not { } a || SourceB is not { } b || _disposed)
        {
            return;
        }

        await CancelRunAsync();
        _engine = new RollingSynchrony(Options ?? DefaultOptions);
        _rrA.Clear();
        _rrB.Clear();
        _liveValue = null;
        LiveChanceBand = null;
        _bandAtSeconds = 0;
        _msA = _msB = 0;
        _lastAnnouncement = Time.GetTimestamp();
        await SetStateAsync(LiveHrvState.Running, T["Status.Running"], announce: true);
        Pass.Start(cts => RunAsync(a, b, cts));
    }

    /// <summary>Stops the running pass and waits until both sources have let go; the last reading stays shown.</summary>
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

    private async Task RunAsync(IRrSource a, IRrSource b, CancellationTokenSource cts)
    {
        // Let StartAsync return (and the Stop button render) before the first beat, even for synchronous sources.
        await Task.Yield();
        var token = cts.Token;
        try
        {
            await Task.WhenAll(Read(a, DyadMember.A), Read(b, DyadMember.B)).ConfigureAwait(false);
            await InvokeAsync(() => FinishAsync(LiveHrvState.Completed, T["Status.Completed"], token));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopped, disposed or replaced: the canceller sets the state.
        }
#pragma warning disable CA1031 // A failing source is reported in the widget, never thrown into the host's renderer.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await InvokeAsync(() => FinishAsync(LiveHrvState.Failed, T.Format("Status.Failed", ex.Message), token));
        }

        async Task Read(IRrSource source, DyadMember member)
        {
            try
            {
                await foreach (var beat in source.ReadBeatsAsync(token).WithCancellation(token).ConfigureAwait(false))
                {
                    await InvokeAsync(() => OnBeat(member, beat.RrMs, token));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
            {
                // One member failed: stop the other read too, then report.
                await cts.CancelAsync().ConfigureAwait(false);
                throw new InvalidOperationException(ex.Message, ex);
            }
        }
    }

    private void OnBeat(DyadMember member, double rrMs, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        _engine.Add(member, rrMs);
        if (double.IsFinite(rrMs) && rrMs > 0)
        {
            if (member == DyadMember.A)
            {
                _rrA.Add(rrMs);
                _msA += rrMs;
            }
            else
            {
                _rrB.Add(rrMs);
                _msB += rrMs;
            }
        }

        Pass.Beat(RenderIntervalMilliseconds);
    }

    private LivePass Pass => _pass ??= new LivePass(Time, InvokeAsync, RenderBeats);

    private void RenderBeats(long now)
    {
        _liveValue = _engine.MeanAbsZ();
        UpdateChanceBand();
        if (Time.GetElapsedTime(_lastAnnouncement, now) >= TimeSpan.FromSeconds(AnnouncementIntervalSeconds))
        {
            _lastAnnouncement = now;
            Announcement = ValueText;
        }

        StateHasChanged();
    }

    /// <summary>Recomputes the live chance band once per window of new beats from both members, when enough segments are in.</summary>
    private void UpdateChanceBand()
    {
        // Seconds both members cover (from their beats, not the engine's paired samples, which a member that runs far
        // ahead of the other can drop).
        var options = _engine.Options;
        var covered = Math.Min(_msA, _msB) / 1000;
        if (covered < MinimumChanceSegments * options.WindowSeconds || covered - _bandAtSeconds < options.WindowSeconds)
        {
            return;
        }

        _bandAtSeconds = covered;
        var window = (int)Math.Round(options.WindowSeconds * options.SampleRateHz);
        var dyad = DyadAlignment.Align(
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_rrA),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_rrB),
            DyadAlignmentOptions.Default with { SampleRateHz = options.SampleRateHz, Signal = options.Signal, MinimumOverlapSeconds = 0 });
        if (dyad.Count < MinimumChanceSegments * window)
        {
            return;
        }

        var surrogate = new SurrogateSynchronyOptions { SegmentSeconds = options.WindowSeconds, MaxLagSeconds = Math.Min(options.MaxLagSeconds, options.WindowSeconds / 2) };
        var high = SurrogateSynchrony.Compute(dyad, surrogate with { ChanceQuantile = 0.95 }).ChanceThresholdZ;
        var low = SurrogateSynchrony.Compute(dyad, surrogate with { ChanceQuantile = 0.05 }).ChanceThresholdZ;
        if (low is { } l && high is { } h)
        {
            LiveChanceBand = (l, h);
        }
    }

    private async Task FinishAsync(LiveHrvState state, string status, CancellationToken cancellationToken)
    {
        if ((cancellationToken.IsCancellationRequested && state != LiveHrvState.Failed) || State != LiveHrvState.Running)
        {
            return;
        }

        Pass.StopRendering();
        _liveValue = _engine.MeanAbsZ();
        _bandAtSeconds = 0;
        UpdateChanceBand();
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
            Announcement = state == LiveHrvState.Running ? status : $"{status} {ValueText}";
        }

        if (!_disposed)
        {
            StateHasChanged();
            await OnStateChanged.InvokeAsync(state);
        }
    }

    private static string Num(double value) => ChartNumber.Svg(value);

    private static string Fmt(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Fmt1(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Fmt0(double value) => value.ToString("0", CultureInfo.InvariantCulture);

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
