using nietras.SeparatedValues;

namespace RelationalNeuro.Io;

/// <content>
/// <see cref="RrFormat.Csv"/>: a header line, then delimited rows, tokenised by Sep (RFC 4180 quotes, unescaped and
/// trimmed by Sep). Lines reach Sep through <see cref="SepLineSource"/>, which keeps one line per row so that every
/// problem names its physical line. The delimiter is detected here, not by Sep: Sep's detection looks at other
/// characters and in another order, and this reader documents "the most frequent of <c>,</c> <c>;</c> tab outside
/// quotes".
/// </content>
public static partial class RrReader
{
    /// <summary>Reads the CSV format; returns the number of lines read.</summary>
    private static int ReadCsv(BoundedLineReader lines, RrReadState state)
    {
        var options = state.Options;
        var headerLine = 0;
        while (lines.ReadLine(out var line, out var fullLength))
        {
            if (!state.SkipBlankOrLong(line, fullLength, lines.LineNumber))
            {
                headerLine = lines.LineNumber;
                break;
            }
        }

        if (headerLine == 0)
        {
            return lines.LineNumber;
        }

        var header = lines.CurrentLine;
        state.AddHeader(header.ToString());
        var delimiter = options.Delimiter ?? DetectDelimiter(header);
        using var source = new SepLineSource(lines, options.MaxLineLength);
        var sepOptions = new Sep(delimiter).Reader() with
        {
            HasHeader = false,
            DisableColCountCheck = true,
            Unescape = true,
            Trim = SepTrim.All,
        };
        using var reader = sepOptions.From(source);
        var column = -1;
        var headerCount = 0;
        char[]? copy = null;
        foreach (var row in reader)
        {
            if (state.Stopped)
            {
                break;
            }

            // SepLineSource passes one physical line per row, starting with the header.
            var lineNumber = headerLine + row.RowIndex;
            var text = row.Span;
            if (source.TryTakeNote(lineNumber, out var note))
            {
                if (note.TooLongStart is not null)
                {
                    state.LineTooLong(lineNumber, note.TooLongLength, note.TooLongStart);
                    continue;
                }

                text = text[..^1]; // the closing quote SepLineSource added
            }

            if (row.RowIndex == 0)
            {
                var names = new string[row.ColCount];
                for (var i = 0; i < names.Length; i++)
                {
                    names[i] = row[i].Span.Trim().ToString();
                }

                if (headerLine == 1 && names.Length > 0)
                {
                    names[0] = names[0].TrimStart('\uFEFF'); // a byte-order mark left in the text
                }

                column = FindColumn(names, options.ColumnName);
                if (column < 0)
                {
                    state.Fatal(new Problem(
                        "io.column-not-found",
                        Invariant($"No column {(options.ColumnName is null ? "named like RR, IBI or interval" : $"\"{options.ColumnName}\"")} in the header; columns are: {string.Join(" | ", names)} (delimiter '{(delimiter == '\t' ? "\\t" : delimiter.ToString())}')."),
                        ProblemSeverity.Error,
                        Invariant($"line {headerLine}")));
                    return headerLine;
                }

                state.HeaderUnit = UnitFromTokens(names[column], afterRrOnly: false);
                headerCount = names.Length;
                continue;
            }

            if (text.IsWhiteSpace())
            {
                continue;
            }

            if (text.Contains('"'))
            {
                // Sep unescapes in place: keep the line as written to quote it in a problem.
                copy ??= new char[options.MaxLineLength + 1];
                text.CopyTo(copy);
                text = copy.AsSpan(0, text.Length);
            }

            if (column >= row.ColCount)
            {
                state.Unparsable(lineNumber, text, Invariant($"has no column {column + 1}"));
                continue;
            }

            if (HasExtraFields(row, headerCount))
            {
                // A field past the header's last column shifts meaning: "1,05" in a comma file is 1 and 05.
                state.Unparsable(lineNumber, text, Invariant($"has {row.ColCount} fields; the header has {headerCount} (a decimal comma in a comma-separated file?)"));
                continue;
            }

            var field = row[column].Span.Trim();
            if (!TryParse(field, out var value))
            {
                state.Unparsable(lineNumber, text, RrReadState.LooksLikeDecimalComma(field) ? Invariant($"column {column + 1} {DecimalCommaReason}") : Invariant($"column {column + 1} is not a number"));
                continue;
            }

            state.AddValue(value, lineNumber, field);
        }

        return lines.LineNumber;
    }

    /// <summary>True when the row has a non-empty field past the header's columns (a trailing empty field is allowed).</summary>
    private static bool HasExtraFields(SepReader.Row row, int headerCount)
    {
        for (var i = headerCount; i < row.ColCount; i++)
        {
            if (!row[i].Span.IsWhiteSpace())
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Throws when Sep cannot split on the stated delimiter (a quote, a line break, <c>#</c>, non-ASCII).</summary>
    private static void GuardDelimiter(RrReadOptions options)
    {
        if (options.Delimiter is not { } delimiter)
        {
            return;
        }

        try
        {
            _ = new Sep(delimiter);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                delimiter,
                Invariant($"Delimiter '{delimiter}' (U+{(int)delimiter:X4}) cannot delimit CSV fields: {e.Message}"));
        }
    }

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
}
