using System.Runtime.CompilerServices;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Hrv.Live;

/// <summary>
/// Plays a recorded RR series as if it arrived from a strap: beat k (0-based) is yielded when
/// (RR₀ + … + RRₖ) / <see cref="Speed"/> has elapsed since the enumeration started, on an injected
/// <see cref="TimeProvider"/>. For demos, widget development and tests (with a fake clock nothing sleeps).
/// </summary>
/// <remarks>
/// Due times are computed from the start of each enumeration, not from the previous beat, so delays do not
/// accumulate error; a consumer slower than the stream receives the late beats at once. A beat is never
/// yielded before its due time and, timers allowing, less than 1 ms after it (timer delays are whole
/// milliseconds). <see cref="RrBeat.Timestamp"/> is the due time on the replay's timeline (the clock's UTC time
/// at the start plus the due time), not the moment the consumer got it. The series is copied and validated at
/// construction. Reading a file is the readers' job: pass their intervals here.
/// </remarks>
public sealed class RrReplaySource : IRrSource
{
    private readonly double[] _rrMs;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a replay of <paramref name="rrMs"/>.</summary>
    /// <param name="rrMs">The recorded intervals in ms, each in [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>] ms.</param>
    /// <param name="speed">Playback speed: 1 is real time, 10 plays ten times faster; finite and greater than 0.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentException">An interval is not finite or outside [<see cref="RrSeries.MinimumIntervalMs"/>, <see cref="RrSeries.MaximumIntervalMs"/>] ms (the message names its index and value).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="speed"/> is not finite and positive.</exception>
    public RrReplaySource(ReadOnlyMemory<double> rrMs, double speed = 1.0, TimeProvider? timeProvider = null)
    {
        RrGuard.ValidIntervals(rrMs.Span);
        Speed = Guard.Positive(speed);
        _rrMs = rrMs.ToArray();
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Playback speed relative to real time.</summary>
    public double Speed { get; }

    /// <summary>Number of beats in the recording.</summary>
    public int Count => _rrMs.Length;

    /// <summary>The time from the start of the replay until beat <paramref name="index"/> is due: its cumulative interval sum divided by <see cref="Speed"/>, rounded to the nearest 100-ns tick.</summary>
    /// <param name="index">0-based beat index.</param>
    /// <returns>The due time.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the recording.</exception>
    public TimeSpan DueTime(int index)
    {
        Guard.InRange(index, 0, _rrMs.Length - 1);
        var cumulative = 0.0;
        for (var i = 0; i <= index; i++)
        {
            cumulative += _rrMs[i];
        }

        return ToDueTime(cumulative);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<RrBeat> ReadBeatsAsync(CancellationToken cancellationToken = default) => Play(cancellationToken);

    private TimeSpan ToDueTime(double cumulativeMs) =>
        TimeSpan.FromTicks((long)Math.Round(cumulativeMs * TimeSpan.TicksPerMillisecond / Speed, MidpointRounding.AwayFromZero));

    private async IAsyncEnumerable<RrBeat> Play([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = _timeProvider.GetTimestamp();
        var startUtc = _timeProvider.GetUtcNow();
        var cumulative = 0.0;
        for (var k = 0; k < _rrMs.Length; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            cumulative += _rrMs[k];
            var due = ToDueTime(cumulative);
            while (due - _timeProvider.GetElapsedTime(start) is var wait && wait > TimeSpan.Zero)
            {
                // Task.Delay truncates to whole milliseconds; rounding up keeps a beat from ever being early.
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), _timeProvider, cancellationToken).ConfigureAwait(false);
            }

            yield return new RrBeat(_rrMs[k], startUtc + due, k);
        }
    }
}
