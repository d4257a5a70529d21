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
/// separator, an exponent is allowed, thousands separators are not: <c>0,812</c> is an unparsable line naming the decimal
/// comma, never 812 or 0.812, in every format (in Kubios text a row with a comma between digits and no <c>.</c> is
/// refused; in CSV a row with more non-empty fields than the header is refused).
/// Surrounding white space is ignored. <c>NaN</c>, <c>Infinity</c>, 0 and negative values are reported as
/// <c>io.invalid-interval</c> and not read.</para>
/// <para><b>Unit rule</b> (when <see cref="RrReadOptions.Unit"/> is <see cref="RrUnit.Auto"/>): a unit named in the
/// header wins (a token <c>ms</c>/<c>msec</c>/<c>milliseconds</c> → ms; <c>s</c>/<c>sec</c>/<c>seconds</c> → s,
/// looked for in the RR column name, or after "RR"/"IBI" in Kubios header lines); otherwise the median of the
/// parsed values decides: median &lt; 10 → seconds (an RR of 10 s would be 6 bpm), else milliseconds. The median
/// rather than the maximum (pyHRV uses max &lt; 10) keeps a few wild values from flipping the unit. When the unit was
/// not stated and the median would exceed 60,000 ms, nothing is read and the problem <c>io.implausible-unit</c> names
/// the likely unit (microseconds, 100-ns or 10-ns ticks, nanoseconds). Single values outside the calculable range of
/// <see cref="RrSeries"/> (1–60,000 ms once converted, including a seconds value that overflows to ∞) are
/// <c>io.invalid-interval</c> at their line, so <see cref="RrReadResult.SourceLineNumbers"/> always matches the series.
/// <see cref="RrReadResult.UnitSource"/> says which rule decided.</para>
/// <para><b>Bad input</b>: blank lines are skipped (counted in <see cref="RrReadResult.LineCount"/>); lines longer
/// than <see cref="RrReadOptions.MaxLineLength"/> are problems (<c>io.line-too-long</c>) and are never held in
/// memory whole; at most <see cref="RrReadOptions.MaxListedProblems"/> problems are listed (then
/// <c>io.more-problems</c> with the total). A text with no usable value yields an empty series and
/// <c>io.no-intervals</c>. Memory is bounded by the number of values read, not the size of the text.</para>
/// <para>The readers never close the reader or stream they are given.</para>
/// <para>One file per format (<c>RrReader.SingleColumn.cs</c>, <c>RrReader.Csv.cs</c>, <c>RrReader.Kubios.cs</c>); CSV
/// fields are split by Sep (nietras.SeparatedValues), fed one physical line per row, so problems keep their line.</para>
/// </remarks>
public static partial class RrReader
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
    /// <exception cref="ArgumentOutOfRangeException">An option limit is not positive (or <see cref="RrReadOptions.MaxLineLength"/> exceeds <see cref="RrReadOptions.MaxLineLengthLimit"/>), <paramref name="format"/> or <see cref="RrReadOptions.Unit"/> is not defined, or
    /// (CSV) <see cref="RrReadOptions.Delimiter"/> is a character that cannot delimit fields (a quote, a line break, <c>#</c>,
    /// or a character outside printable ASCII other than tab).</exception>
    public static RrReadResult Read(TextReader reader, RrFormat format, RrReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        options ??= RrReadOptions.Default;
        Guard.InRange(options.MaxLineLength, 1, RrReadOptions.MaxLineLengthLimit);
        Guard.InRange(options.MaxIntervals, 1, RrReadOptions.MaxIntervalsLimit);
        Guard.NonNegative(options.MaxListedProblems);
        Guard.Defined(options.Unit);
        if (format == RrFormat.Csv)
        {
            GuardDelimiter(options);
        }

        var state = new RrReadState(options);
        var lines = new BoundedLineReader(reader, options.MaxLineLength);
        var lineCount = format switch
        {
            RrFormat.SingleColumn => ReadSingleColumn(lines, state),
            RrFormat.Csv => ReadCsv(lines, state),
            RrFormat.KubiosText => ReadKubios(lines, state),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown RR text format."),
        };
        if (lines.LineLimitReached)
        {
            state.TooManyLines(lines.LineNumber);
        }

        return state.Finish(lineCount);
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
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or only white space.</exception>
    /// <exception cref="IOException">
    /// The file cannot be opened, did not open within <see cref="RecordingFile.DefaultOpenTimeout"/> (a named pipe without a
    /// writer), or is a pipe or device rather than a regular file (<see cref="RecordingFile.OpenRead(string)"/>).
    /// </exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static RrReadResult ReadFile(string path, RrFormat format, RrReadOptions? options = null)
    {
        using var stream = RecordingFile.OpenRead(path);
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

    /// <summary>The reason quoted for a value written with a decimal comma.</summary>
    private const string DecimalCommaReason = "uses a decimal comma; write numbers with '.' (a comma cannot be told from a separator, so the value is never guessed)";

    /// <summary>Parses with <see cref="NumberStyles.Float"/> and the invariant culture; plain decimals take <see cref="TryParsePlainDecimal"/>, which gives the same double.</summary>
    internal static bool TryParse(ReadOnlySpan<char> text, out double value) =>
        TryParsePlainDecimal(text, out value) || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// Exact powers of ten 10⁰…10²² (each a double without rounding). A field, not a <c>ReadOnlySpan&lt;double&gt;</c>
    /// property over a collection expression: a Debug build compiles that property to a new array on every read (7 MB
    /// for a 24-h file, which failed <c>RrReaderSpeedPathTests</c>' allocation bound in Debug only).
    /// </summary>
    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>
    /// The fast path of number reading: <c>digits</c> or <c>digits.digits</c> with at most 15 digits in all (no sign, space or
    /// exponent). The digits form an integer m &lt; 10¹⁵ &lt; 2⁵³ and the value is m / 10^k with k ≤ 15 fraction digits;
    /// both are exact doubles, so the one correctly rounded division gives the correctly rounded value, the double that
    /// <see cref="double.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?, out double)"/> returns (Clinger 1990,
    /// "How to read floating point numbers accurately", PLDI, the "fast path"). Anything else returns false and goes to
    /// the general parser.
    /// </summary>
    internal static bool TryParsePlainDecimal(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 16)
        {
            return false;
        }

        long mantissa = 0;
        var point = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit <= 9)
            {
                mantissa = (mantissa * 10) + digit;
            }
            else if (text[i] == '.' && point < 0 && i > 0 && i < text.Length - 1)
            {
                point = i;
            }
            else
            {
                return false;
            }
        }

        var digits = point < 0 ? text.Length : text.Length - 1;
        if (digits > 15)
        {
            return false;
        }

        value = point < 0 ? mantissa : mantissa / PowersOfTen[text.Length - 1 - point];
        return true;
    }

    /// <summary>
    /// The column named <paramref name="wanted"/> (case-insensitive), or without a name the first column whose name has a
    /// word rr/rri/ibi/nn/nni/interval(s) and no word saying it holds something else about the interval (index, number,
    /// count, id, label, type, class, flag, annotation, quality: <c>rr_index,rr_ms</c> reads <c>rr_ms</c>); failing that,
    /// the first column with such a word at all.
    /// </summary>
    private static int FindColumn(string[] names, string? wanted)
    {
        var fallback = -1;
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i].Trim().Trim('"').Trim();
            if (wanted is not null)
            {
                if (string.Equals(name, wanted.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }

                continue;
            }

            var tokens = Tokens(name);
            if (!tokens.Any(t => t is "rr" or "ibi" or "rri" or "interval" or "intervals" or "nn" or "nni"))
            {
                continue;
            }

            if (!tokens.Any(t => t is "index" or "idx" or "no" or "nr" or "number" or "num" or "count" or "id" or "label" or "labels"
                or "type" or "class" or "flag" or "flags" or "annotation" or "quality"))
            {
                return i;
            }

            fallback = fallback < 0 ? i : fallback;
        }

        return fallback;
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
}
