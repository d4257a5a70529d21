namespace RelationalNeuro.Io;

/// <content>
/// <see cref="RrFormat.KubiosText"/>: header lines, then rows of numbers. Tokenised by hand, not with Sep: a run of
/// spaces, tabs, commas or semicolons is one separator, which is not delimited text.
/// </content>
public static partial class RrReader
{
    /// <summary>Reads the format; returns the number of lines read.</summary>
    private static int ReadKubios(BoundedLineReader lines, RrReadState state)
    {
        var inData = false;
        string? lastHeader = null;
        string[]? headerNames = null;
        int cachedCount = -1, cachedColumn = 0;
        Span<Range> tokens = stackalloc Range[64];
        Span<double> parsed = stackalloc double[64];
        while (!state.Stopped && lines.ReadLine(out var line, out var fullLength))
        {
            if (state.SkipBlankOrLong(line, fullLength, lines.LineNumber))
            {
                continue;
            }

            var count = Tokenize(line, tokens);
            var allNumeric = count > 0;
            for (var i = 0; i < count && allNumeric; i++)
            {
                allNumeric = TryParse(line[tokens[i]], out parsed[i]);
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
                headerNames = lastHeader?.Split(['\t', ',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            }

            if (!allNumeric)
            {
                state.Unparsable(lines.LineNumber, line, "is not a row of numbers");
                continue;
            }

            if (RrReadState.LooksLikeDecimalComma(line))
            {
                state.Unparsable(lines.LineNumber, line, DecimalCommaReason);
                continue;
            }

            // The column is chosen per row: a first row without the time column must not fix it for the rest.
            if (count != cachedCount)
            {
                cachedCount = count;
                cachedColumn = KubiosColumn(headerNames, count, state.Options.ColumnName);
            }

            state.AddValue(parsed[cachedColumn], lines.LineNumber, line[tokens[cachedColumn]]);
        }

        return lines.LineNumber;
    }

    private static int KubiosColumn(string[]? names, int dataColumns, string? columnName)
    {
        if (dataColumns <= 1)
        {
            return 0;
        }

        if (names is not null)
        {
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
}
