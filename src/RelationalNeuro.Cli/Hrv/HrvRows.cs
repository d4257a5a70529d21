using System.Globalization;
using RelationalNeuro.Cli.Tables;
using RelationalNeuro.Hrv;
using RelationalNeuro.Io;

namespace RelationalNeuro.Cli.Hrv;

/// <summary>
/// The HRV table: the library's own report columns (<see cref="HrvReport.CsvColumns"/>, cells from
/// <see cref="HrvReport.ToCsvRow"/>, so a metric added to the report appears here without a change), window columns
/// after <c>recording_id</c> with <c>--window</c>, the input file's SHA-256 (<see cref="InputHashColumn"/>), and a
/// <c>problems</c> column at the end with every problem as
/// <c>file:line: severity code: message</c>.
/// </summary>
internal static class HrvRows
{
    private static readonly HashSet<string> TextColumns = new(StringComparer.Ordinal)
    {
        "recording_id", "artifact_method", "artifact_correction", "spectral_method", "problem_codes",
    };

    private static readonly HashSet<string> IntegerColumns = new(StringComparer.Ordinal)
    {
        "nn50", "nn20", "entropy_embedding_dimension",
    };

    /// <summary>The column kind of a report column, by its name: text for the five names above, integer for counts, real otherwise.</summary>
    public static ColumnKind KindOf(string name) =>
        TextColumns.Contains(name) ? ColumnKind.Text
        : IntegerColumns.Contains(name) || name.EndsWith("_count", StringComparison.Ordinal) || name.StartsWith("flagged_", StringComparison.Ordinal) ? ColumnKind.Integer
        : ColumnKind.Real;

    /// <summary>
    /// The SHA-256 of the input file's bytes (lowercase hex; empty when the file could not be read): which version of a
    /// recording a row was computed from, and how <c>--resume</c> sees that a file changed since its row was written.
    /// </summary>
    public const string InputHashColumn = "input_sha256";

    /// <summary>The table's schema; unit column <c>recording_id</c>, ordered by <c>window_index</c> when windowed.</summary>
    public static TableSchema Schema(bool windowed)
    {
        var columns = new List<TableColumn>();
        foreach (var name in HrvReport.CsvColumns)
        {
            columns.Add(new TableColumn(name, KindOf(name)));
            if (windowed && name == "recording_id")
            {
                columns.Add(new TableColumn("window_index", ColumnKind.Integer));
                columns.Add(new TableColumn("window_start_s", ColumnKind.Real));
                columns.Add(new TableColumn("window_end_s", ColumnKind.Real));
            }
        }

        columns.Add(new TableColumn(InputHashColumn, ColumnKind.Text));
        columns.Add(new TableColumn("problems", ColumnKind.Text));
        return new TableSchema(columns, "recording_id", windowed ? "window_index" : null, [("recording_id", InputHashColumn)]);
    }

    /// <summary>
    /// One row's cells: the report's CSV cells, the window cells when given, and the problems text.
    /// <paramref name="sourceLines"/> maps a series index (problem location <c>index i</c>) to its 1-based file line.
    /// </summary>
    public static string[] Cells(HrvReport report, (int Index, double StartS, double EndS)? window, string inputHash, ReadOnlySpan<int> sourceLines, int indexOffset)
    {
        var library = CsvLine.Split(report.ToCsvRow());
        var cells = new List<string>(library.Count + 4);
        for (var i = 0; i < library.Count; i++)
        {
            cells.Add(library[i]);
            if (i == 0 && window is { } w)
            {
                cells.Add(w.Index.ToString(CultureInfo.InvariantCulture));
                cells.Add(w.StartS.ToString("R", CultureInfo.InvariantCulture));
                cells.Add(w.EndS.ToString("R", CultureInfo.InvariantCulture));
            }
        }

        cells.Add(inputHash);
        cells.Add(ProblemText.Describe(report.RecordingId ?? string.Empty, report.Problems, sourceLines, indexOffset));
        return cells.ToArray();
    }

    /// <summary>The row of an input that could not be analysed at all (unreadable file, unexpected failure).</summary>
    public static HrvReport Failed(string id, Problem problem) => new(
        id,
        new HrvInputSummary(0, 0, 0, null, null, null, 0, ProblemList.Empty),
        null, null, null, null, null, null, null,
        [problem]);

    /// <summary>The reader's problems first, then the analysis's (which include the series').</summary>
    public static HrvReport WithReadProblems(HrvReport report, string id, RrReadResult read) =>
        report with { RecordingId = id, Problems = [.. read.Problems, .. report.Problems] };
}
