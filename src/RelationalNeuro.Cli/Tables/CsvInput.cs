using System.Text;
using RelationalNeuro.Io;

namespace RelationalNeuro.Cli.Tables;

/// <summary>One data row of an input CSV: its 1-based line and its fields.</summary>
internal sealed record CsvInputRow(int Line, IReadOnlyList<string> Fields)
{
    /// <summary>The field at <paramref name="index"/>, trimmed, or empty when the row is shorter.</summary>
    public string this[int index] => index >= 0 && index < Fields.Count ? Fields[index].Trim() : string.Empty;
}

/// <summary>
/// Input CSV files of the questionnaire, cortisol and change commands: a header line, then one row per record;
/// comma, semicolon or tab (the most frequent of the three in the header line, outside quotes); RFC 4180 quotes, so
/// a quoted field may hold the delimiter, doubled quotes and line breaks (a free-text comment of an export); a quote
/// that is not at the start of a field is an ordinary character; blank lines skipped; a byte-order mark ignored.
/// Opened with <see cref="RecordingFile.OpenRead(string)"/>, so a pipe or a device is refused instead of read forever.
/// </summary>
/// <remarks>
/// Not Sep (nietras.Sep 0.17.1, which Core's RR reader feeds one line at a time): Sep pairs quotes anywhere in a field
/// ("Quoting is supported by simply matching pairs of quotes, no matter what", its README), and
/// <c>SepReaderOptions</c> has no setting that opens a quoted field only at its start (only <c>DisableQuotesParsing</c>,
/// which loses quoted line breaks). A comment such as <c>5" tall</c> would swallow the delimiters and line breaks after
/// it, merging the following respondents into one field without a word; a quote never closed is not reported (the last
/// row runs to the end of the file); and its row bound (<c>SepDefaults.RowLengthMax</c>, 16 Mi, internal) throws a
/// <c>NotSupportedException</c> without a line. Each was tried on 0.17.1.
/// </remarks>
internal sealed class CsvInput
{
    /// <summary>The longest header or row read, in characters (16 Mi): a longer one is not a table of answers, samples or scores.</summary>
    internal const int MaxRecordChars = 16 * 1024 * 1024;

    /// <summary>The most data rows read (1,000,000 respondents or samples): a table is held whole, so a larger one is refused.</summary>
    internal const int MaxRows = 1_000_000;

    /// <summary>The largest file read (1 GiB); a larger one is refused before it is read.</summary>
    internal const long MaxBytes = 1L << 30;

    private CsvInput(string path, IReadOnlyList<string> header, IReadOnlyList<CsvInputRow> rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
    }

    /// <summary>The file as named on the command line.</summary>
    public string Path { get; }

    /// <summary>The column names, trimmed.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The data rows.</summary>
    public IReadOnlyList<CsvInputRow> Rows { get; }

    /// <summary>
    /// Reads a whole file (these tables are small: one row per respondent or sample). A folder, a missing, unreadable
    /// or empty file, a pipe or device, a header or row longer than <see cref="MaxRecordChars"/> and a quoted field
    /// that is never closed are usage errors naming the file (and line).
    /// </summary>
    public static CsvInput Read(string path)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"{path}: is a folder; expected a CSV file.");
        }

        FileStream stream;
        try
        {
            stream = RecordingFile.OpenRead(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException(exception.Message.Contains(path, StringComparison.Ordinal) ? exception.Message : $"{path}: {exception.Message}");
        }

        try
        {
            if (stream.Length > MaxBytes)
            {
                throw new UsageException(FormattableString.Invariant(
                    $"{path}: {stream.Length:N0} bytes, more than the {MaxBytes:N0} a table of answers, samples or scores is read up to (it is held whole); split it."));
            }

            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return Read(path, new Records(reader, path));
        }
        catch (IOException exception)
        {
            throw new UsageException($"{path}: {exception.Message}");
        }
        finally
        {
            stream.Dispose();
        }
    }

    private static CsvInput Read(string path, Records records)
    {
        string? headerLine;
        do
        {
            headerLine = records.ReadLine();
        }
        while (headerLine is not null && headerLine.Trim().Length == 0);

        if (headerLine is null)
        {
            throw new UsageException($"{path}: the file is empty; expected a header line and rows.");
        }

        headerLine = headerLine.TrimStart('\uFEFF');
        var delimiter = Delimiter(headerLine);
        var header = CsvLine.Split(headerLine, delimiter).Select(h => h.Trim()).ToArray();
        var rows = new List<CsvInputRow>();
        while (records.ReadRecord(delimiter) is { } record)
        {
            if (record.Fields.Count > 1 || record.Fields[0].Trim().Length > 0)
            {
                if (rows.Count == MaxRows)
                {
                    throw new UsageException(FormattableString.Invariant(
                        $"{path}:{record.Line}: more than {MaxRows:N0} rows; a table of answers, samples or scores is read whole up to that many (one row per respondent or sample); split it."));
                }

                rows.Add(record);
            }
        }

        return new CsvInput(path, header, rows);
    }

    /// <summary>
    /// The index of a column (case-insensitive), or a usage error naming the file, line 1 and the columns found; a name
    /// that heads two columns is a usage error too (which one holds the values cannot be told).
    /// </summary>
    public int Column(string name, string option)
    {
        var found = -1;
        for (var i = 0; i < Header.Count; i++)
        {
            if (string.Equals(Header[i], name, StringComparison.OrdinalIgnoreCase))
            {
                if (found >= 0)
                {
                    throw new UsageException(FormattableString.Invariant(
                        $"{Path}:1: the column '{name}' appears twice (columns {found + 1} and {i + 1}); rename one of them ({option} names the column to read)."));
                }

                found = i;
            }
        }

        if (found >= 0)
        {
            return found;
        }

        throw new UsageException($"{Path}:1: no column '{name}' (set it with {option}); the columns are: {string.Join(", ", Header)}.");
    }

    private static char Delimiter(string header)
    {
        int comma = 0, semicolon = 0, tab = 0;
        var quoted = false;
        foreach (var c in header)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                comma += c == ',' ? 1 : 0;
                semicolon += c == ';' ? 1 : 0;
                tab += c == '\t' ? 1 : 0;
            }
        }

        return tab > comma && tab > semicolon ? '\t' : semicolon > comma ? ';' : ',';
    }

    /// <summary>
    /// The file's records, with the line each starts on. A record ends at a line break outside quotes (CR, LF or
    /// CR LF); a quote opens a quoted field only at the start of a field.
    /// </summary>
    private sealed class Records(TextReader reader, string path)
    {
        private readonly StringBuilder _field = new();
        private int _line = 1;

        /// <summary>One physical line (the header), or null at the end of the file.</summary>
        public string? ReadLine()
        {
            _field.Clear();
            var start = _line;
            int c;
            while ((c = reader.Read()) >= 0)
            {
                if (c is '\n' or '\r')
                {
                    EndLine(c);
                    return _field.ToString();
                }

                Append((char)c, start);
            }

            return _field.Length > 0 ? _field.ToString() : null;
        }

        /// <summary>The next record's fields (one empty field for a blank line), or null at the end of the file.</summary>
        public CsvInputRow? ReadRecord(char delimiter)
        {
            var start = _line;
            var fields = new List<string>();
            _field.Clear();
            var length = 0;
            bool quoted = false, fieldStart = true, any = false;
            int c;
            while ((c = reader.Read()) >= 0)
            {
                any = true;
                if (++length > MaxRecordChars)
                {
                    throw TooLong(start);
                }

                var ch = (char)c;
                if (quoted)
                {
                    if (ch == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            _field.Append('"');
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        _line += ch == '\n' || (ch == '\r' && reader.Peek() != '\n') ? 1 : 0;
                        _field.Append(ch);
                    }
                }
                else if (ch == '"' && fieldStart)
                {
                    quoted = true;
                    fieldStart = false;
                }
                else if (ch == delimiter)
                {
                    fields.Add(_field.ToString());
                    _field.Clear();
                    fieldStart = true;
                }
                else if (ch is '\n' or '\r')
                {
                    EndLine(ch);
                    fields.Add(_field.ToString());
                    return new CsvInputRow(start, fields);
                }
                else
                {
                    _field.Append(ch);
                    fieldStart = fieldStart && char.IsWhiteSpace(ch);
                }
            }

            if (quoted)
            {
                throw new UsageException(FormattableString.Invariant(
                    $"{path}:{start}: a quoted field opened on this row is not closed before the end of the file; the rows after it cannot be told apart."));
            }

            if (!any)
            {
                return null;
            }

            fields.Add(_field.ToString());
            return new CsvInputRow(start, fields);
        }

        private void EndLine(int c)
        {
            if (c == '\r' && reader.Peek() == '\n')
            {
                reader.Read();
            }

            _line++;
        }

        private void Append(char c, int start)
        {
            if (_field.Length >= MaxRecordChars)
            {
                throw TooLong(start);
            }

            _field.Append(c);
        }

        private UsageException TooLong(int start) => new(FormattableString.Invariant(
            $"{path}:{start}: the line is longer than {MaxRecordChars} characters; not a table of answers, samples or scores."));
    }
}
