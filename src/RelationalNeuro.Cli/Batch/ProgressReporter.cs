using System.Globalization;

namespace RelationalNeuro.Cli.Batch;

/// <summary>How progress is shown (<c>--progress</c>).</summary>
internal enum ProgressMode
{
    /// <summary>A redrawn bar on a terminal, plain lines when stderr is redirected.</summary>
    Auto,

    /// <summary>A bar redrawn in place on stderr (carriage return and an ANSI erase-line).</summary>
    Bar,

    /// <summary>One line per interval on stderr, no control characters: for logs and Slurm output files.</summary>
    Plain,

    /// <summary>Nothing.</summary>
    None,
}

/// <summary>
/// Progress on stderr with rate and ETA. On a terminal a bar redrawn four times a second; redirected, a plain line
/// every interval (default 10 s) and one at the end:
/// <c>rn: 120/500 (24.0 %) 5.1 recordings/s, ETA 75 s, 2 with problems</c>.
/// </summary>
internal sealed class ProgressReporter : IDisposable
{
    private readonly TextWriter _error;
    private readonly ProgressMode _mode;
    private readonly int _total;
    private readonly string _noun;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly ITimer? _timer;
    private readonly Lock _gate = new();
    private int _done;
    private int _skipped;
    private int _withProblems;
    private bool _finished;

    public ProgressReporter(TextWriter error, ProgressMode mode, int total, int skipped, string noun, TimeSpan interval, TimeProvider time)
    {
        _error = error;
        _mode = mode == ProgressMode.Auto ? (Console.IsErrorRedirected || Environment.GetEnvironmentVariable("TERM") == "dumb" ? ProgressMode.Plain : ProgressMode.Bar) : mode;
        _total = total;
        _skipped = skipped;
        _noun = noun;
        _time = time;
        _started = time.GetTimestamp();
        if (_mode != ProgressMode.None)
        {
            var period = _mode == ProgressMode.Bar ? TimeSpan.FromMilliseconds(250) : interval;
            _timer = time.CreateTimer(_ => Draw(final: false), null, period, period);
        }
    }

    /// <summary>The mode in use (Auto resolved).</summary>
    public ProgressMode Mode => _mode;

    /// <summary>Counts one finished unit.</summary>
    public void Completed(bool hadProblems)
    {
        Interlocked.Increment(ref _done);
        if (hadProblems)
        {
            Interlocked.Increment(ref _withProblems);
        }
    }

    /// <summary>Stops the timer and writes the last line.</summary>
    public void Finish()
    {
        _timer?.Dispose();
        Draw(final: true);
    }

    private void Draw(bool final)
    {
        lock (_gate)
        {
            if (_finished || _mode == ProgressMode.None)
            {
                return;
            }

            _finished = final;
            var done = Volatile.Read(ref _done);
            var elapsed = _time.GetElapsedTime(_started).TotalSeconds;
            var rate = elapsed > 0 ? done / elapsed : 0;
            var position = done + _skipped;
            var percent = _total == 0 ? 100.0 : 100.0 * position / _total;
            var eta = rate > 0 ? (_total - position) / rate : double.NaN;
            var text = string.Create(CultureInfo.InvariantCulture,
                $"{position}/{_total} ({percent:0.0} %) {rate:0.0} {_noun}/s, {(final ? $"took {Duration(elapsed)}" : $"ETA {(double.IsNaN(eta) ? "?" : Duration(eta))}")}, {Volatile.Read(ref _withProblems)} with problems{(_skipped > 0 ? $", {_skipped} resumed" : string.Empty)}");
            if (_mode == ProgressMode.Bar)
            {
                const int width = 24;
                var filled = _total == 0 ? width : (int)Math.Round(width * (double)position / _total);
                _error.Write("\r\u001b[2K[" + new string('#', filled) + new string('.', width - filled) + "] " + text);
                if (final)
                {
                    _error.WriteLine();
                }
            }
            else
            {
                _error.WriteLine("rn: " + text);
            }

            _error.Flush();
        }
    }

    private static string Duration(double seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Round(seconds));
        return span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h{span.Minutes:00}m")
            : span.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}m{span.Seconds:00}s") : string.Create(CultureInfo.InvariantCulture, $"{span.Seconds} s");
    }

    public void Dispose() => _timer?.Dispose();
}
