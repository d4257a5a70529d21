namespace RelationalNeuro.Cli.Tables;

/// <summary>One data row of an input CSV: its 1-based line and its fields.</summary>
internal sealed record CsvInputRow(int Line, IReadOnlyList<string> Fields)
{
    /// <summary>The field at <paramref name="index"/>, trimmed, or empty when the row is shorter.</summary>
    public string this[int index] => index >= 0 && index < Fields.Count ? Fields[index].Trim() : string.Empty;
}

/// <summary>
/// Input CSV files of the questionnaire, cortisol and change commands: a header line, then one row per line;
/// comma, semicolon or tab (the most frequent of the three in the header, outside quotes); RFC 4180 quotes within
/// a line; blank lines skipped; a UTF-8 byte-order mark ignored.
/// </summary>
internal sealed class CsvInput
{
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

    /// <summary>Reads a whole file (these tables are small: one row per respondent or sample). An unreadable or empty file is a usage error naming it.</summary>
    public static CsvInput Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: {exception.Message}");
        }

        var first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (first < 0)
        {
            throw new UsageException($"{path}: the file is empty; expected a header line and rows.");
        }

        var headerLine = lines[first].TrimStart('\uFEFF');
        var delimiter = Delimiter(headerLine);
        var header = Split(headerLine, delimiter).Select(h => h.Trim()).ToArray();
        var rows = new List<CsvInputRow>();
        for (var i = first + 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                rows.Add(new CsvInputRow(i + 1, Split(lines[i], delimiter)));
            }
        }

        return new CsvInput(path, header, rows);
    }

    /// <summary>The index of a column (case-insensitive), or a usage error naming the file, line 1 and the columns found.</summary>
    public int Column(string name, string option)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (string.Equals(Header[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
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

    private static List<string> Split(string line, char delimiter) =>
        CsvLine.Split(line, delimiter);
}
