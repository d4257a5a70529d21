using System.Runtime.CompilerServices;

namespace RelationalNeuro.Components;

/// <summary>
/// What the live widgets (<see cref="LiveHrvGauge"/>, <see cref="SynchronyMeter"/>) share: one pass over their sources at a
/// time — started, cancelled and awaited so that no read outlives it — and the render throttle: the first beat after a
/// quiet interval renders at once, later beats inside the interval mark the view dirty and one timer on the injected
/// <see cref="TimeProvider"/> renders the newest state at the interval's end.
/// </summary>
/// <param name="time">The clock of the throttle.</param>
/// <param name="invoke">Runs an action on the component's dispatcher (<c>ComponentBase.InvokeAsync</c>).</param>
/// <param name="render">Renders the newest state; given the timestamp of the render.</param>
internal sealed class LivePass(TimeProvider time, Func<Action, Task> invoke, Action<long> render)
{
    private CancellationTokenSource? _cts;
    private Task _run = Task.CompletedTask;
    private ITimer? _timer;
    private bool _rendered;
    private bool _pending;
    private long _last;
    private bool _closed;

    /// <summary>The live widgets' two interval parameters: renders at least 0 ms apart, announcements at least 1 s apart.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An interval is out of range (named as the widgets' parameter).</exception>
    public static void CheckIntervals(
        int renderIntervalMilliseconds,
        int announcementIntervalSeconds,
        [CallerArgumentExpression(nameof(renderIntervalMilliseconds))] string? renderName = null,
        [CallerArgumentExpression(nameof(announcementIntervalSeconds))] string? announcementName = null)
    {
        if (renderIntervalMilliseconds < 0)
        {
            throw new ArgumentOutOfRangeException(renderName, renderIntervalMilliseconds, renderName + " must be 0 or more.");
        }

        if (announcementIntervalSeconds < 1)
        {
            throw new ArgumentOutOfRangeException(announcementName, announcementIntervalSeconds, announcementName + " must be at least 1.");
        }
    }

    /// <summary>Starts <paramref name="run"/> as the current pass with a fresh token and a fresh throttle (the caller cancels any earlier pass first).</summary>
    public void Start(Func<CancellationTokenSource, Task> run)
    {
        _rendered = false;
        _pending = false;
        var cts = new CancellationTokenSource();
        _cts = cts;
        _run = run(cts);
    }

    /// <summary>Cancels the current pass, waits for it to end and stops the throttle's timer.</summary>
    public async Task CancelAsync()
    {
        StopRendering();
        if (_cts is { } cts)
        {
            _cts = null;
            await cts.CancelAsync();
            await _run;
            cts.Dispose();
        }
    }

    /// <summary>As <see cref="CancelAsync"/>, and no timer renders afterwards.</summary>
    public Task CloseAsync()
    {
        _closed = true;
        return CancelAsync();
    }

    /// <summary>A beat arrived: render now, or once at the end of the interval of <paramref name="intervalMilliseconds"/> ms.</summary>
    public void Beat(int intervalMilliseconds)
    {
        var now = time.GetTimestamp();
        var interval = TimeSpan.FromMilliseconds(intervalMilliseconds);
        var since = time.GetElapsedTime(_last, now);
        if (!_rendered || since >= interval)
        {
            Render(now);
        }
        else
        {
            _pending = true;
            _timer ??= time.CreateTimer(static s => ((LivePass)s!).OnTimer(), this, interval - since, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Stops the throttle's timer and forgets a pending render (the pass ended or is ending).</summary>
    public void StopRendering()
    {
        _timer?.Dispose();
        _timer = null;
        _pending = false;
    }

    private void OnTimer() => _ = invoke(() =>
    {
        _timer?.Dispose();
        _timer = null;
        if (_pending && !_closed)
        {
            Render(time.GetTimestamp());
        }
    });

    private void Render(long now)
    {
        _pending = false;
        _rendered = true;
        _last = now;
        render(now);
    }
}
