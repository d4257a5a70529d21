using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using RelationalNeuro.Components.Charts;
using RelationalNeuro.Components.Localization;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Components;

/// <summary>
/// Runs a breathing pattern from the Interventions module — a 3-second pause, box breathing, 4-7-8, resonance
/// breathing, cyclic sighing or a custom pattern — with a breath shape, the phase name and a count-down;
/// Start, Pause, Resume and Reset; events on each phase change and on completion.
/// </summary>
/// <remarks>
/// <para><b>Timing.</b> The position is always computed from the start timestamp of the injected
/// <see cref="TimeProvider"/> minus the time spent paused (<see cref="BreathingPattern.Locate"/>), never by adding
/// up ticks, so it cannot drift over a long session. A timer of the same provider refreshes the display every
/// <see cref="TickMilliseconds"/>.</para>
/// <para><b>Accessibility.</b> A polite live region announces each phase ("Breathe in, 4 seconds"); the
/// per-second count is not announced. Controls are native buttons. Under <c>prefers-reduced-motion</c> or
/// <c>data-motion="reduce"</c> (or <see cref="ReducedMotion"/>) the breath shape stops moving; the phase name,
/// count-down, highlighted step and progress bar keep the timing information.</para>
/// <para><b>Static rendering.</b> Without interactivity the widget shows the pattern's steps and durations.</para>
/// </remarks>
public partial class PauseTimer
{
    private const double MinRadius = 38;
    private const double MaxRadius = 88;

    private ITimer? _timer;
    private long _startTimestamp;
    private long _pausedAtTimestamp;
    private TimeSpan _pausedTotal;
    private DateTimeOffset _startedAt;
    private int _lastCycle = -1;
    private int _lastPhase = -1;
    private BreathingPattern? _pattern;
    private ElementReference _primaryButton;
    private bool _focusPrimary;

    [Inject]
    private TimeProvider Time { get; set; } = TimeProvider.System;

    [Inject]
    private IServiceProvider Services { get; set; } = null!;

    private IStringLocalizer? _text;

    private IStringLocalizer T => _text ??= WidgetText.For<PauseTimer>(Services);

    /// <summary>The pattern to run (see <c>BreathingPatterns</c>). Required.</summary>
    [Parameter, EditorRequired]
    public BreathingPattern Pattern { get; set; } = null!;

    /// <summary>How many cycles; null uses the pattern's <see cref="BreathingPattern.SessionCycles"/>.</summary>
    [Parameter]
    public int? Cycles { get; set; }

    /// <summary>Keep the breath shape still regardless of the reader's settings.</summary>
    [Parameter]
    public bool ReducedMotion { get; set; }

    /// <summary>Display refresh period in milliseconds (timing itself never depends on it). Default 100.</summary>
    [Parameter]
    public int TickMilliseconds { get; set; } = 100;

    /// <summary>
    /// Words for each phase kind; a kind not in the dictionary (or every kind, when null) uses the resources' words in
    /// the UI culture: "Breathe in", "Top up", "Hold", "Breathe out", "Rest" in English.
    /// </summary>
    [Parameter]
    public IReadOnlyDictionary<BreathPhaseKind, string>? PhaseLabels { get; set; }

    /// <summary>Raised when a new phase begins (including the first), with its position.</summary>
    [Parameter]
    public EventCallback<BreathingPosition> OnPhaseChanged { get; set; }

    /// <summary>Raised once when the last phase ends, with a summary an app can log.</summary>
    [Parameter]
    public EventCallback<BreathingSessionSummary> OnCompleted { get; set; }

    /// <summary>Extra CSS classes for the widget's section element.</summary>
    [Parameter]
    public string? Class { get; set; }

    /// <summary>Any other attributes, applied to the widget's section element.</summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? AdditionalAttributes { get; set; }

    /// <summary>Where the session is.</summary>
    public PauseTimerState State { get; private set; }

    /// <summary>The current position in the pattern (cycle, phase, seconds into and left in the phase).</summary>
    public BreathingPosition Position { get; private set; }

    private int TotalCycles => Cycles ?? Pattern.SessionCycles;

    private double TotalSeconds => TotalCycles * Pattern.CycleSeconds;

    private double ElapsedSeconds => State switch
    {
        PauseTimerState.Ready => 0,
        PauseTimerState.Completed => TotalSeconds,
        _ => Math.Min(TotalSeconds, Elapsed().TotalSeconds),
    };

    private string AccessibleName => T.Format("AccessibleName", Pattern.Name);

    private string Announcement { get; set; } = "";

    private string CssClass
    {
        get
        {
            var state = State switch
            {
                PauseTimerState.Running => " rn-pause--running",
                PauseTimerState.Paused => " rn-pause--paused",
                PauseTimerState.Completed => " rn-pause--completed",
                _ => "",
            };
            var motion = ReducedMotion ? " rn-pause--still" : "";
            return string.IsNullOrWhiteSpace(Class) ? $"rn-pause{state}{motion}" : $"rn-pause{state}{motion} {Class}";
        }
    }

    private string ShapeClass => "rn-pause__shape rn-pause__shape--" + (State is PauseTimerState.Ready or PauseTimerState.Completed
        ? "rest"
        : Position.Phase.Kind.ToString().ToLowerInvariant());

    private double Radius
    {
        get
        {
            if (State is PauseTimerState.Ready or PauseTimerState.Completed || ReducedMotion)
            {
                return (MinRadius + MaxRadius) / 2;
            }

            var p = Position;
            var f = p.Phase.DurationSeconds > 0 ? Math.Clamp(p.SecondsIntoPhase / p.Phase.DurationSeconds, 0, 1) : 1;
            var topUpStart = MinRadius + (0.85 * (MaxRadius - MinRadius));
            return Math.Round(p.Phase.Kind switch
            {
                BreathPhaseKind.Inhale => MinRadius + (f * (topUpStart - MinRadius) / (HasTopUp ? 1 : 0.85)),
                BreathPhaseKind.InhaleTopUp => topUpStart + (f * (MaxRadius - topUpStart)),
                BreathPhaseKind.Hold => MaxRadius,
                BreathPhaseKind.Exhale => MaxRadius - (f * (MaxRadius - MinRadius)),
                _ => MinRadius,
            }, 2);
        }
    }

    private bool HasTopUp { get; set; }

    private string PhaseText => State switch
    {
        PauseTimerState.Ready => T["Phase.Ready"],
        PauseTimerState.Completed => T["Phase.Done"],
        PauseTimerState.Paused => T.Format("Phase.Paused", LabelOf(Position.Phase.Kind)),
        _ => LabelOf(Position.Phase.Kind),
    };

    private string CountText => State switch
    {
        PauseTimerState.Running or PauseTimerState.Paused =>
            Math.Max(1, (int)Math.Ceiling(Position.SecondsLeftInPhase - 1e-9)).ToString(CultureInfo.InvariantCulture),
        PauseTimerState.Completed => Seconds(TotalSeconds),
        _ => T.Format("PerBreath", Seconds(Pattern.CycleSeconds)),
    };

    // Before and after a session the count line is a sentence ("3 seconds per breath"), not a number: a smaller size
    // keeps it inside the breath shape.
    private string CountClass => State is PauseTimerState.Running or PauseTimerState.Paused
        ? "rn-pause__count"
        : "rn-pause__count rn-pause__count--note";

    private string CycleText => State is PauseTimerState.Running or PauseTimerState.Paused
        ? T.Format("BreathOf", Count(Position.Cycle + 1), Count(TotalCycles))
        : T.Format(TotalCycles == 1 ? "Breaths.One" : "Breaths.Other", Count(TotalCycles), Seconds(TotalSeconds));

    private string ProgressPercentText => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(100 * ElapsedSeconds / TotalSeconds)} %");

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (Pattern is null)
        {
            throw new ArgumentNullException(nameof(Pattern), "PauseTimer needs a Pattern.");
        }

        var problems = Pattern.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Pattern '{Pattern.Id}' is not valid: {string.Join("; ", problems)}", nameof(Pattern));
        }

        if (Cycles is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Cycles), Cycles, "Cycles must be at least 1.");
        }

        if (TickMilliseconds < 16)
        {
            throw new ArgumentOutOfRangeException(nameof(TickMilliseconds), TickMilliseconds, "TickMilliseconds must be at least 16.");
        }

        if (_pattern is not null && !ReferenceEquals(_pattern, Pattern))
        {
            Reset();
        }

        _pattern = Pattern;
        HasTopUp = Pattern.Phases.Any(p => p.Kind == BreathPhaseKind.InhaleTopUp);
    }

    private string PrimaryText => State switch
    {
        PauseTimerState.Running => T["Pause"],
        PauseTimerState.Paused => T["Resume"],
        PauseTimerState.Completed => T["Again"],
        _ => T["Start"],
    };

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusPrimary)
        {
            _focusPrimary = false;
            await _primaryButton.FocusAsync();
        }
    }

    // Start, Pause, Resume and Again are one button: the element stays, so keyboard focus stays on it.
    private Task PrimaryAsync()
    {
        switch (State)
        {
            case PauseTimerState.Running:
                Pause();
                return Task.CompletedTask;
            case PauseTimerState.Paused:
                Resume();
                return Task.CompletedTask;
            case PauseTimerState.Completed:
                Reset();
                return Task.CompletedTask;
            default:
                return StartAsync();
        }
    }

    // The Reset button leaves the page once the timer is back at Ready; focus moves to the primary button instead of
    // falling to the document.
    private void ResetAndFocus()
    {
        Reset();
        _focusPrimary = true;
    }

    /// <summary>Starts the session from the beginning.</summary>
    public async Task StartAsync()
    {
        StopTimer();
        _startTimestamp = Time.GetTimestamp();
        _startedAt = Time.GetUtcNow();
        _pausedTotal = TimeSpan.Zero;
        _lastCycle = _lastPhase = -1;
        State = PauseTimerState.Running;
        StartTimer();
        await UpdateAsync();
    }

    /// <summary>Pauses a running session.</summary>
    public void Pause()
    {
        if (State != PauseTimerState.Running)
        {
            return;
        }

        _pausedAtTimestamp = Time.GetTimestamp();
        StopTimer();
        State = PauseTimerState.Paused;
        Announcement = T["Announce.Paused"];
    }

    /// <summary>Resumes a paused session where it stopped.</summary>
    public void Resume()
    {
        if (State != PauseTimerState.Paused)
        {
            return;
        }

        _pausedTotal += Time.GetElapsedTime(_pausedAtTimestamp);
        State = PauseTimerState.Running;
        Announcement = Announce(Position);
        StartTimer();
    }

    /// <summary>Stops and returns to the beginning.</summary>
    public void Reset()
    {
        StopTimer();
        State = PauseTimerState.Ready;
        Position = default;
        Announcement = "";
        _lastCycle = _lastPhase = -1;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        StopTimer();
        GC.SuppressFinalize(this);
    }

    private TimeSpan Elapsed() => State == PauseTimerState.Paused
        ? Time.GetElapsedTime(_startTimestamp, _pausedAtTimestamp) - _pausedTotal
        : Time.GetElapsedTime(_startTimestamp) - _pausedTotal;

    private void StartTimer()
    {
        var period = TimeSpan.FromMilliseconds(TickMilliseconds);
        _timer = Time.CreateTimer(static state => ((PauseTimer)state!).OnTick(), this, period, period);
    }

    private void StopTimer()
    {
        _timer?.Dispose();
        _timer = null;
    }

    private void OnTick() => _ = InvokeAsync(async () =>
    {
        if (State == PauseTimerState.Running)
        {
            await UpdateAsync();
            StateHasChanged();
        }
    });

    private async Task UpdateAsync()
    {
        var position = Pattern.Locate(Math.Max(0, Elapsed().TotalSeconds), TotalCycles);
        Position = position;
        if (position.IsComplete)
        {
            StopTimer();
            State = PauseTimerState.Completed;
            Announcement = T["Announce.Done"];
            var breathing = TimeSpan.FromSeconds(TotalSeconds);
            await OnCompleted.InvokeAsync(new BreathingSessionSummary(Pattern.Id, TotalCycles, breathing, _startedAt, _startedAt + breathing + _pausedTotal));
            return;
        }

        if (position.Cycle != _lastCycle || position.PhaseIndex != _lastPhase)
        {
            _lastCycle = position.Cycle;
            _lastPhase = position.PhaseIndex;
            Announcement = Announce(position);
            await OnPhaseChanged.InvokeAsync(position);
        }
    }

    private string Announce(BreathingPosition position) =>
        T.Format("Announce.Phase", LabelOf(position.Phase.Kind), Seconds(position.Phase.DurationSeconds));

    private string LabelOf(BreathPhaseKind kind) =>
        PhaseLabels is not null && PhaseLabels.TryGetValue(kind, out var label) ? label : kind switch
        {
            BreathPhaseKind.Inhale => T["Kind.Inhale"],
            BreathPhaseKind.InhaleTopUp => T["Kind.InhaleTopUp"],
            BreathPhaseKind.Hold => T["Kind.Hold"],
            BreathPhaseKind.Exhale => T["Kind.Exhale"],
            _ => T["Kind.Rest"],
        };

    /// <summary>"4 seconds", "1 second": the number invariant (one decimal at most), the word in the UI culture.</summary>
    private string Seconds(double seconds) =>
        T.Format(Math.Abs(seconds - 1) < 1e-9 ? "Seconds.One" : "Seconds.Other", WidgetText.Invariant(seconds, "0.#"));

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string Num(double value) => ChartNumber.Svg(value);
}
