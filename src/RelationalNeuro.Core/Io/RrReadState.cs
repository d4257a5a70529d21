using System.Globalization;
using RelationalNeuro.Hrv;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Io;

/// <summary>
/// What every format reader shares: the values read with their 1-based source lines, the header lines, the unit named
/// in a header, and the bounded problem list (every problem at <c>line N</c>, quoting at most 80 characters of the
/// line). <see cref="Finish"/> applies the unit rule and builds the <see cref="RrReadResult"/>.
/// </summary>
internal sealed class RrReadState(RrReadOptions options)
{
    private const int MaxHeaderLines = 64;
    private const int QuoteLength = 80;

    /// <summary>A median interval above the calculable maximum (60 s, 1 bpm) is no heartbeat: the values are in another unit.</summary>
    private const double MaxPlausibleMedianMs = RrSeries.MaximumIntervalMs;
    private readonly ProblemCollector _problems = new(options.MaxListedProblems, "io.more-problems");
    private readonly List<double> _values = [];
    private readonly List<int> _lines = [];
    private readonly List<string> _headers = [];

    public RrReadOptions Options { get; } = options;

    /// <summary>The unit a header named (ms or s), or null; the unit rule lets it win over the median.</summary>
    public RrUnit? HeaderUnit { get; set; }

    /// <summary>How many characters of a too-long line are kept to quote it (one more than is quoted, so the quote ends in an ellipsis).</summary>
    public static int QuotedStartLength => QuoteLength + 1;

    public void AddHeader(string header)
    {
        if (_headers.Count < MaxHeaderLines)
        {
            _headers.Add(header);
        }
    }

    /// <summary>True for a blank line (skipped) and for a line longer than the limit (reported as <c>io.line-too-long</c>).</summary>
    public bool SkipBlankOrLong(ReadOnlySpan<char> line, long fullLength, int lineNumber)
    {
        if (fullLength > line.Length)
        {
            LineTooLong(lineNumber, fullLength, line);
            return true;
        }

        return line.IsWhiteSpace();
    }

    public void LineTooLong(int lineNumber, long fullLength, ReadOnlySpan<char> start) =>
        _problems.Add(new Problem(
            "io.line-too-long",
            Invariant($"Line of {fullLength} characters is longer than {Options.MaxLineLength}; it starts \"{Quote(start)}\"."),
            ProblemSeverity.Error,
            Invariant($"line {lineNumber}")));

    public void AddValue(double value, int lineNumber, ReadOnlySpan<char> text)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            _problems.Add(new Problem(
                "io.invalid-interval",
                Invariant($"\"{Quote(text)}\" is not a finite RR interval greater than 0; not read."),
                ProblemSeverity.Error,
                Invariant($"line {lineNumber}")));
            return;
        }

        _values.Add(value);
        _lines.Add(lineNumber);
    }

    public void Unparsable(int lineNumber, ReadOnlySpan<char> line, string why) =>
        _problems.Add(new Problem(
            "io.unparsable-line",
            Invariant($"\"{Quote(line)}\" {why}; not read."),
            ProblemSeverity.Error,
            Invariant($"line {lineNumber}")));

    public void Fatal(Problem problem) => _problems.Add(problem);

    /// <summary>Applies the unit rule (stated, else header, else median &lt; 10 → s) and builds the result.</summary>
    public RrReadResult Finish(int lineCount)
    {
        RrUnit unit;
        RrUnitSource source;
        if (Options.Unit != RrUnit.Auto)
        {
            unit = Options.Unit;
            source = RrUnitSource.Stated;
        }
        else if (HeaderUnit is { } headerUnit)
        {
            unit = headerUnit;
            source = RrUnitSource.Header;
        }
        else
        {
            unit = Median(_values) < 10 ? RrUnit.Seconds : RrUnit.Milliseconds;
            source = RrUnitSource.Detected;
        }

        var scale = unit == RrUnit.Seconds ? 1000.0 : 1.0;
        var kept = new List<double>(_values.Count);
        var keptLines = new List<int>(_values.Count);
        for (var i = 0; i < _values.Count; i++)
        {
            var ms = _values[i] * scale;
            if (!double.IsFinite(ms))
            {
                // 1e306 s is a finite number but no finite number of ms: refused like any non-finite interval,
                // so that SourceLineNumbers stays aligned with the series and HasErrors says so.
                _problems.Add(new Problem(
                    "io.invalid-interval",
                    Invariant($"{_values[i]:R} s overflows to infinity in ms; not read."),
                    ProblemSeverity.Error,
                    Invariant($"line {_lines[i]}")));
                continue;
            }

            kept.Add(ms);
            keptLines.Add(_lines[i]);
        }

        if (Options.Unit == RrUnit.Auto && kept.Count > 0)
        {
            var medianMs = Median(kept);
            if (medianMs > MaxPlausibleMedianMs)
            {
                var rawMedian = medianMs / scale;
                _problems.Add(new Problem(
                    "io.implausible-unit",
                    Invariant($"Read as {(unit == RrUnit.Seconds ? "seconds" : "milliseconds")} (unit {(source == RrUnitSource.Header ? "named in the header" : "detected")}), the median interval would be {medianMs:G6} ms, longer than any heartbeat; the values look like {LikelyUnit(rawMedian)}. Nothing was read: convert the file to ms or s, or state RrReadOptions.Unit to read the values as they are."),
                    ProblemSeverity.Error,
                    Invariant($"line {keptLines[0]}")));
                kept.Clear();
                keptLines.Clear();
            }
        }

        // The calculable range of RrSeries (1–60,000 ms): refused here, per line, so that every value handed to the
        // series is kept and SourceLineNumbers stays aligned with it.
        var inRange = 0;
        for (var i = 0; i < kept.Count; i++)
        {
            if (kept[i] < RrSeries.MinimumIntervalMs || kept[i] > RrSeries.MaximumIntervalMs)
            {
                _problems.Add(new Problem(
                    "io.invalid-interval",
                    Invariant($"{kept[i]:G6} ms is outside the calculable range {RrSeries.MinimumIntervalMs}–{RrSeries.MaximumIntervalMs} ms (a wrong unit or corrupt data); not read."),
                    ProblemSeverity.Error,
                    Invariant($"line {keptLines[i]}")));
                continue;
            }

            kept[inRange] = kept[i];
            keptLines[inRange++] = keptLines[i];
        }

        kept.RemoveRange(inRange, kept.Count - inRange);
        keptLines.RemoveRange(inRange, keptLines.Count - inRange);

        var values = kept.ToArray();
        if (values.Length == 0 && !_problems.HasErrors)
        {
            _problems.Add(new Problem("io.no-intervals", Invariant($"No RR interval in {lineCount} lines."), ProblemSeverity.Error));
        }
        else if (values.Length == 0)
        {
            _problems.Add(new Problem("io.no-intervals", Invariant($"No RR interval could be read from {lineCount} lines; {_problems.Count} problems (is this an RR file of the stated format?)."), ProblemSeverity.Error));
        }

        return new RrReadResult(
            RrSeries.FromIntervalsMs(values),
            [.. keptLines],
            _problems.ToList(),
            _problems.Count,
            _problems.HasErrors,
            unit,
            source,
            lineCount,
            [.. _headers]);
    }

    /// <summary>
    /// The unit in which <paramref name="rawMedian"/> is closest (on a log scale) to a resting RR interval of 850 ms,
    /// with the interval it would then be: e.g. 8.12e8 → "nanoseconds (812 ms)".
    /// </summary>
    private static string LikelyUnit(double rawMedian)
    {
        (string Name, double MsPerUnit)[] units =
        [
            ("seconds", 1000), ("milliseconds", 1), ("microseconds", 1e-3), ("100-ns ticks", 1e-4), ("10-ns ticks", 1e-5), ("nanoseconds", 1e-6),
        ];
        var best = units[0];
        var bestDistance = double.PositiveInfinity;
        foreach (var u in units)
        {
            var distance = Math.Abs(Math.Log(rawMedian * u.MsPerUnit / 850.0));
            if (distance < bestDistance)
            {
                best = u;
                bestDistance = distance;
            }
        }

        return Invariant($"{best.Name} ({rawMedian * best.MsPerUnit:G4} ms)");
    }

    /// <summary>True when <paramref name="text"/> has a comma between two digits and no '.': <c>0,812</c>, <c>1,05</c>.</summary>
    public static bool LooksLikeDecimalComma(ReadOnlySpan<char> text)
    {
        if (text.Contains('.'))
        {
            return false;
        }

        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] == ',' && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.PositiveInfinity;
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static string Quote(ReadOnlySpan<char> text)
    {
        var length = Math.Min(text.Length, QuoteLength);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            var c = text[i];
            chars[i] = char.IsControl(c) && c != '\t' ? '?' : c;
        }

        var quoted = new string(chars);
        return text.Length > QuoteLength ? quoted + "…" : quoted;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
