using System.Buffers;
using System.Globalization;
using RelationalNeuro.Hrv;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Io;

/// <summary>
/// What every format reader shares: the values read with their 1-based source lines, the header lines, the unit named
/// in a header, and the bounded problem list (every problem at <c>line N</c>, quoting at most 80 characters of the
/// line). <see cref="Finish"/> applies the unit rule and builds the <see cref="RrReadResult"/>.
/// </summary>
/// <remarks>
/// Memory (issue 20): the values grow in one buffer rented from <see cref="ArrayPool{T}.Shared"/> and the series gets one
/// exact-size array (8 bytes per interval, no further copy); the line numbers are kept as runs of consecutive lines
/// (<see cref="SourceLineMap"/>: one entry per gap, so a file without blank or refused lines costs one entry); the unit
/// rule compares the median with its threshold by counting, without sorting a copy.
/// </remarks>
internal sealed class RrReadState(RrReadOptions options)
{
    private const int MaxHeaderLines = 64;
    private const int QuoteLength = 80;

    /// <summary>A median interval above the calculable maximum (60 s, 1 bpm) is no heartbeat: the values are in another unit.</summary>
    private const double MaxPlausibleMedianMs = RrSeries.MaximumIntervalMs;

    /// <summary>The fewest values that <see cref="LooksLikeBeatTimes"/> judges (fewer rising intervals can be a real slowing).</summary>
    private const int BeatTimesMinimumCount = 8;
    private readonly ProblemCollector _problems = new(options.MaxListedProblems, "io.more-problems");
    private readonly List<string> _headers = [];
    private readonly SourceLineMap.Builder _lines = new();
    private double[] _values = [];
    private int _count;
    private Problem? _stopped;

    public RrReadOptions Options { get; } = options;

    /// <summary>
    /// True once <see cref="RrReadOptions.MaxIntervals"/> intervals were read and one more was found, or the text reached
    /// the largest line number (2³¹ − 1): the readers stop reading.
    /// </summary>
    public bool Stopped => _stopped is not null;

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

        if (_count == Options.MaxIntervals)
        {
            _stopped = new Problem(
                "io.too-many-intervals",
                Invariant($"The file holds more than {Options.MaxIntervals:N0} intervals (RrReadOptions.MaxIntervals); reading stopped at this line and only the intervals before it were read. Split the recording into parts (a 24-h recording has about 100,000 beats), or raise the limit."),
                ProblemSeverity.Error,
                Invariant($"line {lineNumber}"));
            return;
        }

        if (_count == _values.Length)
        {
            Grow();
        }

        _values[_count++] = value;
        _lines.Add(lineNumber);
    }

    private void Grow()
    {
        var bigger = ArrayPool<double>.Shared.Rent(Math.Max(4096, _values.Length * 2));
        _values.AsSpan(0, _count).CopyTo(bigger);
        ReturnValues();
        _values = bigger;
    }

    private void ReturnValues()
    {
        if (_values.Length > 0)
        {
            ArrayPool<double>.Shared.Return(_values);
        }

        _values = [];
    }

    public void Unparsable(int lineNumber, ReadOnlySpan<char> line, string why) =>
        _problems.Add(new Problem(
            "io.unparsable-line",
            Invariant($"\"{Quote(line)}\" {why}; not read."),
            ProblemSeverity.Error,
            Invariant($"line {lineNumber}")));

    public void Fatal(Problem problem) => _problems.Add(problem);

    /// <summary>The text reached the largest line number a reader counts (2³¹ − 1 lines): reading stops there.</summary>
    public void TooManyLines(int lineNumber) =>
        _stopped ??= new Problem(
            "io.too-many-lines",
            Invariant($"The file has more than {lineNumber:N0} lines; reading stopped there. It is not an RR recording of any plausible length."),
            ProblemSeverity.Error,
            Invariant($"line {lineNumber}"));

    /// <summary>Applies the unit rule (stated, else header, else median &lt; 10 → s) and builds the result.</summary>
    public RrReadResult Finish(int lineCount)
    {
        try
        {
            return Build(lineCount);
        }
        finally
        {
            ReturnValues();
        }
    }

    private RrReadResult Build(int lineCount)
    {
        var values = _values.AsSpan(0, _count);
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
            unit = MedianCompare(values, 10) < 0 ? RrUnit.Seconds : RrUnit.Milliseconds;
            source = RrUnitSource.Detected;
        }

        // Values that are refused below are dropped from the series and their line numbers with them; the line map is
        // expanded only then (a clean file never pays for it).
        int[]? lines = null;
        var kept = 0;
        var scale = unit == RrUnit.Seconds ? 1000.0 : 1.0;
        for (var i = 0; i < values.Length; i++)
        {
            var ms = values[i] * scale;
            if (!double.IsFinite(ms))
            {
                // 1e306 s is a finite number but no finite number of ms: refused like any non-finite interval,
                // so that SourceLineNumbers stays aligned with the series and HasErrors says so.
                lines ??= _lines.Expand(_count);
                _problems.Add(new Problem(
                    "io.invalid-interval",
                    Invariant($"{values[i]:R} s overflows to infinity in ms; not read."),
                    ProblemSeverity.Error,
                    Invariant($"line {lines[i]}")));
                continue;
            }

            if (lines is not null)
            {
                lines[kept] = lines[i];
            }

            values[kept++] = ms;
        }

        values = values[..kept];
        if (Options.Unit == RrUnit.Auto && kept > 0 && MedianCompare(values, MaxPlausibleMedianMs) > 0)
        {
            var medianMs = Median(values);
            var rawMedian = medianMs / scale;
            // Beat times of a recording longer than two minutes reach this test before the beat-times one below: say
            // what they are rather than name a unit that would make them plausible intervals.
            var diagnosis = LooksLikeBeatTimes(values)
                ? Invariant($"all {values.Length} values rise, from {values[0] / scale:G6} to {values[^1] / scale:G6}: they look like beat or R-peak times (or sample numbers), not intervals. Nothing was read: give the successive differences of the beat times.")
                : Invariant($"the values look like {LikelyUnit(rawMedian)}. Nothing was read: convert the file to ms or s, or state RrReadOptions.Unit to read the values as they are.");
            _problems.Add(new Problem(
                "io.implausible-unit",
                Invariant($"Read as {(unit == RrUnit.Seconds ? "seconds" : "milliseconds")} (unit {(source == RrUnitSource.Header ? "named in the header" : "detected")}), the median interval would be {medianMs:G6} ms, longer than any heartbeat; {diagnosis}"),
                ProblemSeverity.Error,
                Invariant($"line {(lines is null ? _lines.First : lines[0])}")));
            values = [];
        }

        // The calculable range of RrSeries (1–60,000 ms): refused here, per line, so that every value handed to the
        // series is kept and SourceLineNumbers stays aligned with it.
        var inRange = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var ms = values[i];
            if (ms < RrSeries.MinimumIntervalMs || ms > RrSeries.MaximumIntervalMs)
            {
                lines ??= _lines.Expand(_count);
                _problems.Add(new Problem(
                    "io.invalid-interval",
                    Invariant($"{ms:G6} ms is outside the calculable range {RrSeries.MinimumIntervalMs}–{RrSeries.MaximumIntervalMs} ms (a wrong unit or corrupt data); not read."),
                    ProblemSeverity.Error,
                    Invariant($"line {lines[i]}")));
                continue;
            }

            if (lines is not null)
            {
                lines[inRange] = lines[i];
            }

            values[inRange++] = ms;
        }

        if (LooksLikeBeatTimes(values[..inRange]))
        {
            _problems.Add(new Problem(
                "io.looks-like-beat-times",
                Invariant($"All {inRange} values rise, from {values[0]:G6} to {values[inRange - 1]:G6} ms: they look like beat or R-peak times (or sample numbers, or sorted values), not intervals in recorded order. Read as intervals, every metric is meaningless; give the successive differences of beat times instead."),
                ProblemSeverity.Warning,
                Invariant($"line {(lines is null ? _lines.First : lines[0])}")));
        }

        var intervals = values[..inRange].ToArray();
        var lineMap = lines is null ? _lines.Build() : SourceLineMap.FromLines(lines.AsSpan(0, inRange));
        if (intervals.Length == 0 && !_problems.HasErrors)
        {
            _problems.Add(new Problem("io.no-intervals", Invariant($"No RR interval in {lineCount} lines."), ProblemSeverity.Error));
        }
        else if (intervals.Length == 0)
        {
            _problems.Add(new Problem("io.no-intervals", Invariant($"No RR interval could be read from {lineCount} lines; {_problems.Count} problems (is this an RR file of the stated format?)."), ProblemSeverity.Error));
        }

        // Where reading stopped is listed first, whatever the limit on listed problems.
        return new RrReadResult(
            RrSeries.FromOwnedIntervalsMs(intervals),
            intervals.Length == 0 ? SourceLineMap.Empty : lineMap,
            _stopped is null ? _problems.ToList() : [_stopped, .. _problems.ToList()],
            _problems.Count + (_stopped is null ? 0 : 1),
            _problems.HasErrors || _stopped is not null,
            unit,
            source,
            lineCount,
            [.. _headers]);
    }

    /// <summary>
    /// At least <see cref="BeatTimesMinimumCount"/> values, none below the one before it, the last at least twice the first:
    /// beat times or sample numbers given as intervals (a heart never slows at every beat of a recording to half its rate).
    /// </summary>
    private static bool LooksLikeBeatTimes(ReadOnlySpan<double> values)
    {
        if (values.Length < BeatTimesMinimumCount || values[^1] < 2 * values[0])
        {
            return false;
        }

        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] < values[i - 1])
            {
                return false;
            }
        }

        return true;
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

    /// <summary>The median (the middle value, or the mean of the two middle values) of <paramref name="values"/>; sorts a copy.</summary>
    private static double Median(ReadOnlySpan<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>
    /// The sign of <c>Median(values) − threshold</c>, exactly as <see cref="Median"/> would give it (+1 for no values, whose
    /// median is taken as +∞), in one or two passes and without a copy: counts below and at the threshold decide unless the
    /// two middle values straddle it, and then those two values are found as the largest below and the smallest above.
    /// </summary>
    internal static int MedianCompare(ReadOnlySpan<double> values, double threshold)
    {
        var n = values.Length;
        if (n == 0)
        {
            return 1;
        }

        int below = 0, atOrBelow = 0;
        foreach (var v in values)
        {
            below += v < threshold ? 1 : 0;
            atOrBelow += v <= threshold ? 1 : 0;
        }

        var mid = n / 2;
        if (n % 2 == 1)
        {
            // The middle value sorted[mid] is below the threshold when more than mid values are.
            return below > mid ? -1 : atOrBelow <= mid ? 1 : 0;
        }

        // Even count: the median is (a + b) / 2 with a = sorted[mid − 1] ≤ b = sorted[mid]. Rounding is monotone and
        // doubling is exact, so a ≤ b < t gives (a + b) / 2 ≤ b < t, and t < a ≤ b gives (a + b) / 2 ≥ a > t.
        if (below > mid)
        {
            return -1;
        }

        if (atOrBelow < mid)
        {
            return 1;
        }

        // below ≤ mid ≤ atOrBelow: find a and b themselves.
        var largestBelow = double.NegativeInfinity;
        var smallestAbove = double.PositiveInfinity;
        foreach (var v in values)
        {
            if (v < threshold)
            {
                largestBelow = Math.Max(largestBelow, v);
            }
            else if (v > threshold)
            {
                smallestAbove = Math.Min(smallestAbove, v);
            }
        }

        var a = below == mid ? largestBelow : threshold;           // sorted[mid − 1]
        var b = atOrBelow > mid ? threshold : smallestAbove;        // sorted[mid]
        var median = (a + b) / 2;
        return median < threshold ? -1 : median > threshold ? 1 : 0;
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
