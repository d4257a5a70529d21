using System.Globalization;
using System.Text;
using RelationalNeuro.Hrv;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Io;

/// <summary>
/// Reads RR intervals from text: one value per line (plain, Polar, Elite HRV), CSV with a named column, and
/// Kubios-style text with a header. Every line that cannot be used comes back as a problem with its 1-based line
/// number and content; nothing is dropped silently.
/// </summary>
/// <remarks>
/// <para><b>Numbers</b> are parsed with the invariant culture whatever the thread culture: <c>.</c> is the decimal
/// separator, an exponent is allowed, thousands separators are not (<c>0,812</c> is an unparsable line, not 812).
/// Surrounding white space is ignored. <c>NaN</c>, <c>Infinity</c>, 0 and negative values are reported as
/// <c>io.invalid-interval</c> and not read.</para>
/// <para><b>Unit rule</b> (when <see cref="RrReadOptions.Unit"/> is <see cref="RrUnit.Auto"/>): a unit named in the
/// header wins (a token <c>ms</c>/<c>msec</c>/<c>milliseconds</c> → ms; <c>s</c>/<c>sec</c>/<c>seconds</c> → s,
/// looked for in the RR column name, or after "RR"/"IBI" in Kubios header lines); otherwise the median of the
/// parsed values decides: median &lt; 10 → seconds (an RR of 10 s would be 6 bpm), else milliseconds. The median
/// rather than the maximum (pyHRV uses max &lt; 10) keeps a few wild values from flipping the unit.
/// <see cref="RrReadResult.UnitSource"/> says which rule decided.</para>
/// <para><b>Bad input</b>: blank lines are skipped (counted in <see cref="RrReadResult.LineCount"/>); lines longer
/// than <see cref="RrReadOptions.MaxLineLength"/> are problems (<c>io.line-too-long</c>) and are never held in
/// memory whole; at most <see cref="RrReadOptions.MaxListedProblems"/> problems are listed (then
/// <c>io.more-problems</c> with the total). A text with no usable value yields an empty series and
/// <c>io.no-intervals</c>. Memory is bounded by the number of values read, not the size of the text.</para>
/// <para>The readers never close the reader or stream they are given.</para>
/// </remarks>
public static class RrReader
{
    /// <summary>Reads RR intervals in the given format with <see cref="RrReadOptions.Default"/>.</summary>
    /// <param name="reader">The text; read to its end, not closed.</param>
    /// <param name="format">The layout of the text.</param>
    /// <returns>The series plus every problem met.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    public static RrReadResult Read(TextReader reader, RrFormat format) => Read(reader, format, RrReadOptions.Default);

    /// <summary>Reads RR intervals in the given format.</summary>
    /// <param name="reader">The text; read to its end, not closed.</param>
    /// <param name="format">The layout of the text.</param>
    /// <param name="options">Unit, column, delimiter, limits; null for <see cref="RrReadOptions.Default"/>.</param>
    /// <returns>The series plus every problem met.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option limit is not positive, or <paramref name="format"/> is not defined.</exception>
    public static RrReadResult Read(TextReader reader, RrFormat format, RrReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        options ??= RrReadOptions.Default;
        Guard.Positive(options.MaxLineLength);
        Guard.NonNegative(options.MaxListedProblems);
        var state = new ReadState(options);
        var lines = new BoundedLineReader(reader, options.MaxLineLength);
        switch (format)
        {
            case RrFormat.SingleColumn:
                ReadSingleColumn(lines, state);
                break;
            case RrFormat.Csv:
                ReadCsv(lines, state);
                break;
            case RrFormat.KubiosText:
                ReadKubios(lines, state);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown RR text format.");
        }

        return state.Finish(lines.LineNumber);
    }

    /// <summary>Reads RR intervals from a stream (UTF-8 unless a byte-order mark says otherwise); the stream is left open.</summary>
    /// <param name="stream">The bytes of the text.</param>
    /// <param name="format">The layout of the text.</param>
    /// <param name="options">Options; null for defaults.</param>
    /// <returns>The series plus every problem met.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public static RrReadResult Read(Stream stream, RrFormat format, RrReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16384, leaveOpen: true);
        return Read(reader, format, options);
    }

    /// <summary>Convenience: reads RR intervals from a file.</summary>
    /// <param name="path">Path of the file.</param>
    /// <param name="format">The layout of the text.</param>
    /// <param name="options">Options; null for defaults.</param>
    /// <returns>The series plus every problem met.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static RrReadResult ReadFile(string path, RrFormat format, RrReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return Read(stream, format, options);
    }

    /// <summary>Reads CSV with the RR values in the named column (shorthand for <see cref="Read(TextReader, RrFormat, RrReadOptions?)"/> with <see cref="RrFormat.Csv"/>).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="columnName">Header name of the RR column (case-insensitive).</param>
    /// <param name="options">Other options; null for defaults.</param>
    /// <returns>The series plus every problem met.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="columnName"/> is null.</exception>
    public static RrReadResult ReadCsv(TextReader reader, string columnName, RrReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(columnName);
        return Read(reader, RrFormat.Csv, (options ?? RrReadOptions.Default) with { ColumnName = columnName });
    }

    private static void ReadSingleColumn(BoundedLineReader lines, ReadState state)
    {
        var seenNonBlank = false;
        while (lines.ReadLine(out var line, out var fullLength))
        {
            if (state.SkipBlankOrLong(line, fullLength, lines.LineNumber))
            {
                continue;
            }

            var text = line.Trim();
            if (TryParse(text, out var value))
            {
                seenNonBlank = true;
                state.AddValue(value, lines.LineNumber, text);
                continue;
            }

            if (!seenNonBlank)
            {
                // One header line is allowed before the first value (e.g. "RR" or "RR (ms)").
                seenNonBlank = true;
                state.AddHeader(text.ToString());
                state.HeaderUnit ??= UnitFromTokens(text.ToString(), afterRrOnly: false);
                continue;
            }

            state.Unparsable(lines.LineNumber, line, "is not a number");
        }
    }

    private static void ReadCsv(BoundedLineReader lines, ReadState state)
    {
        var options = state.Options;
        var column = -1;
        var delimiter = ',';
        var scratch = new char[options.MaxLineLength];
        while (lines.ReadLine(out var line, out var fullLength))
        {
            if (state.SkipBlankOrLong(line, fullLength, lines.LineNumber))
            {
                continue;
            }

            if (column < 0)
            {
                var header = line.ToString();
                state.AddHeader(header);
                delimiter = options.Delimiter ?? DetectDelimiter(line);
                var names = SplitCsv(header, delimiter);
                column = FindColumn(names, options.ColumnName);
                if (column < 0)
                {
                    state.Fatal(new Problem(
                        "io.column-not-found",
                        Invariant($"No column {(options.ColumnName is null ? "named like RR, IBI or interval" : $"\"{options.ColumnName}\"")} in the header; columns are: {string.Join(" | ", names)} (delimiter '{(delimiter == '\t' ? "\\t" : delimiter.ToString())}')."),
                        ProblemSeverity.Error,
                        Invariant($"line {lines.LineNumber}")));
                    return;
                }

                state.HeaderUnit = UnitFromTokens(names[column], afterRrOnly: false);
                continue;
            }

            if (!TryGetCsvField(line, delimiter, column, scratch, out var field))
            {
                state.Unparsable(lines.LineNumber, line, Invariant($"has no column {column + 1}"));
                continue;
            }

            var text = field.Trim();
            if (!TryParse(text, out var value))
            {
                state.Unparsable(lines.LineNumber, line, Invariant($"column {column + 1} is not a number"));
                continue;
            }

            state.AddValue(value, lines.LineNumber, text);
        }
    }

    private static void ReadKubios(BoundedLineReader lines, ReadState state)
    {
        var inData = false;
        var column = -1;
        string? lastHeader = null;
        Span<Range> tokens = stackalloc Range[64];
        while (lines.ReadLine(out var line, out var fullLength))
        {
            if (state.SkipBlankOrLong(line, fullLength, lines.LineNumber))
            {
                continue;
            }

            var count = Tokenize(line, tokens);
            var allNumeric = count > 0;
            for (var i = 0; i < count && allNumeric; i++)
            {
                allNumeric = TryParse(line[tokens[i]], out _);
            }

            if (!inData)
            {
                if (!allNumeric)
                {
                    var header = line.ToString();
                    state.AddHeader(header);
                    lastHeader = header;
                    state.HeaderUnit = UnitFromTokens(header, afterRrOnly: true) ?? state.HeaderUnit;
                    continue;
                }

                inData = true;
                column = KubiosColumn(lastHeader, count, state.Options.ColumnName);
            }

            if (!allNumeric)
            {
                state.Unparsable(lines.LineNumber, line, "is not a row of numbers");
                continue;
            }

            if (column >= count)
            {
                state.Unparsable(lines.LineNumber, line, Invariant($"has {count} columns; the RR column is column {column + 1}"));
                continue;
            }

            var text = line[tokens[column]];
            if (!TryParse(text, out var value))
            {
                state.Unparsable(lines.LineNumber, line, "is not a row of numbers");
                continue;
            }

            state.AddValue(value, lines.LineNumber, text);
        }
    }

    private static int KubiosColumn(string? header, int dataColumns, string? columnName)
    {
        if (dataColumns <= 1)
        {
            return 0;
        }

        if (header is not null)
        {
            var names = header.Split(['\t', ',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (names.Length == dataColumns)
            {
                var byName = FindColumn(names, columnName);
                if (byName >= 0)
                {
                    return byName;
                }
            }
        }

        // Kubios' two-column layout is (time, RR): the RR value is the last column.
        return dataColumns - 1;
    }

    private static int Tokenize(ReadOnlySpan<char> line, Span<Range> tokens)
    {
        var count = 0;
        var i = 0;
        while (i < line.Length && count < tokens.Length)
        {
            while (i < line.Length && IsSeparator(line[i]))
            {
                i++;
            }

            if (i >= line.Length)
            {
                break;
            }

            var start = i;
            while (i < line.Length && !IsSeparator(line[i]))
            {
                i++;
            }

            tokens[count++] = new Range(start, i);
        }

        return count;

        static bool IsSeparator(char c) => c is ' ' or '\t' or ',' or ';';
    }

    internal static bool TryParse(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static char DetectDelimiter(ReadOnlySpan<char> header)
    {
        int comma = 0, semicolon = 0, tab = 0;
        var quoted = false;
        foreach (var c in header)
        {
            switch (c)
            {
                case '"': quoted = !quoted; break;
                case ',' when !quoted: comma++; break;
                case ';' when !quoted: semicolon++; break;
                case '\t' when !quoted: tab++; break;
            }
        }

        if (tab > comma && tab >= semicolon)
        {
            return '\t';
        }

        return semicolon > comma ? ';' : ',';
    }

    private static string[] SplitCsv(string line, char delimiter)
    {
        var fields = new List<string>();
        var scratch = new char[line.Length];
        var index = 0;
        while (TryGetCsvField(line, delimiter, index, scratch, out var field))
        {
            fields.Add(field.Trim().ToString());
            index++;
        }

        return [.. fields];
    }

    /// <summary>
    /// The field at <paramref name="index"/> of a delimited line (RFC 4180 quoting: a quoted field may hold the
    /// delimiter, <c>""</c> is a quote). Quoted fields are unescaped into <paramref name="scratch"/>.
    /// </summary>
    internal static bool TryGetCsvField(ReadOnlySpan<char> line, char delimiter, int index, Span<char> scratch, out ReadOnlySpan<char> field)
    {
        var i = 0;
        var current = 0;
        while (true)
        {
            // Skip leading spaces before a possible opening quote.
            var start = i;
            while (i < line.Length && line[i] == ' ')
            {
                i++;
            }

            if (i < line.Length && line[i] == '"')
            {
                i++;
                var n = 0;
                while (i < line.Length)
                {
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            if (current == index)
                            {
                                scratch[n++] = '"';
                            }

                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    if (current == index)
                    {
                        scratch[n++] = line[i];
                    }

                    i++;
                }

                // Anything after the closing quote up to the delimiter is ignored.
                while (i < line.Length && line[i] != delimiter)
                {
                    i++;
                }

                if (current == index)
                {
                    field = scratch[..n];
                    return true;
                }
            }
            else
            {
                i = start;
                while (i < line.Length && line[i] != delimiter)
                {
                    i++;
                }

                if (current == index)
                {
                    field = line[start..i];
                    return true;
                }
            }

            if (i >= line.Length)
            {
                field = default;
                return false;
            }

            i++; // the delimiter
            current++;
        }
    }

    private static int FindColumn(string[] names, string? wanted)
    {
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i].Trim().Trim('"').Trim();
            if (wanted is not null)
            {
                if (string.Equals(name, wanted.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
            else if (Tokens(name).Any(t => t is "rr" or "ibi" or "rri" or "interval" or "intervals" or "nn" or "nni"))
            {
                return i;
            }
        }

        return -1;
    }

    private static string[] Tokens(string text)
    {
        var tokens = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0)
            {
                tokens.Add(sb.ToString());
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            tokens.Add(sb.ToString());
        }

        return [.. tokens];
    }

    /// <summary>
    /// A unit named in a header: a token ms/msec/millisecond(s) → ms, s/sec/second(s) → s. With
    /// <paramref name="afterRrOnly"/>, only the three tokens after an "rr"/"ibi"/"rri" token are looked at.
    /// </summary>
    private static RrUnit? UnitFromTokens(string text, bool afterRrOnly)
    {
        var tokens = Tokens(text);
        for (var i = 0; i < tokens.Length; i++)
        {
            if (afterRrOnly && tokens[i] is not ("rr" or "ibi" or "rri"))
            {
                continue;
            }

            var from = afterRrOnly ? i + 1 : 0;
            var to = afterRrOnly ? Math.Min(tokens.Length, i + 4) : tokens.Length;
            for (var j = from; j < to; j++)
            {
                switch (tokens[j])
                {
                    case "ms" or "msec" or "millisecond" or "milliseconds":
                        return RrUnit.Milliseconds;
                    case "s" or "sec" or "second" or "seconds":
                        return RrUnit.Seconds;
                }
            }

            if (!afterRrOnly)
            {
                break;
            }
        }

        return null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class ReadState(RrReadOptions options)
    {
        private const int MaxHeaderLines = 64;
        private const int QuoteLength = 80;
        private readonly ProblemCollector _problems = new(options.MaxListedProblems, "io.more-problems");
        private readonly List<double> _values = [];
        private readonly List<int> _lines = [];
        private readonly List<string> _headers = [];

        public RrReadOptions Options { get; } = options;

        public RrUnit? HeaderUnit { get; set; }

        public void AddHeader(string header)
        {
            if (_headers.Count < MaxHeaderLines)
            {
                _headers.Add(header);
            }
        }

        public bool SkipBlankOrLong(ReadOnlySpan<char> line, long fullLength, int lineNumber)
        {
            if (fullLength > line.Length)
            {
                _problems.Add(new Problem(
                    "io.line-too-long",
                    Invariant($"Line of {fullLength} characters is longer than {Options.MaxLineLength}; it starts \"{Quote(line)}\"."),
                    ProblemSeverity.Error,
                    Invariant($"line {lineNumber}")));
                return true;
            }

            return line.IsWhiteSpace();
        }

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

            var problems = _problems.ToList();
            return new RrReadResult(
                RrSeries.FromIntervalsMs(values),
                [.. _lines],
                problems,
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
    }
}
