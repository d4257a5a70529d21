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

        var values = _values.ToArray();
        if (unit == RrUnit.Seconds)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] *= 1000.0;
            }
        }

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
            [.. _lines],
            _problems.ToList(),
            _problems.Count,
            _problems.HasErrors,
            unit,
            source,
            lineCount,
            [.. _headers]);
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
