using RelationalNeuro.Cli.Tables;
using RelationalNeuro.Synchrony;

namespace RelationalNeuro.Cli.Synchrony;

/// <summary>
/// The synchrony table: the library's dyad report columns (<see cref="DyadReport.CsvColumns"/>, cells from
/// <see cref="DyadReport.ToCsvRow"/>, so a value added to the report appears here without a change), then each member's
/// input file and its SHA-256 (<c>input_a</c>, <c>input_a_sha256</c>, <c>input_b</c>, <c>input_b_sha256</c>), and a
/// <c>b_start_s</c> (member B's first beat after member A's, from the manifest; 0 otherwise), and a <c>problems</c> column
/// at the end with every problem as <c>file:line: severity code: message</c>.
/// </summary>
internal static class SynchronyRows
{
    private static readonly HashSet<string> TextColumns = new(StringComparer.Ordinal)
    {
        "dyad_id", "name_a", "name_b", "signal", "leader", "verdict", "problem_codes",
    };

    private static readonly HashSet<string> IntegerColumns = new(StringComparer.Ordinal)
    {
        "samples", "flagged_a", "flagged_b", "wlcc_windows", "wlcc_computed_cells", "susy_segments", "susy_in_phase_lags",
        "susy_anti_phase_lags", "segments_above_chance", "problem_count",
    };

    /// <summary>The column kind of a report column, by its name: text and integer for the names above, real otherwise.</summary>
    public static ColumnKind KindOf(string name) =>
        TextColumns.Contains(name) ? ColumnKind.Text : IntegerColumns.Contains(name) ? ColumnKind.Integer : ColumnKind.Real;

    /// <summary>The table's schema; unit column <c>dyad_id</c>, inputs <c>input_a</c> and <c>input_b</c> with their hashes.</summary>
    public static TableSchema Schema { get; } = BuildSchema();

    private static TableSchema BuildSchema()
    {
        var columns = DyadReport.CsvColumns.Select(name => new TableColumn(name, KindOf(name))).ToList();
        columns.Add(new TableColumn("input_a", ColumnKind.Text));
        columns.Add(new TableColumn("input_a_sha256", ColumnKind.Text));
        columns.Add(new TableColumn("input_b", ColumnKind.Text));
        columns.Add(new TableColumn("input_b_sha256", ColumnKind.Text));
        columns.Add(new TableColumn(DyadPairing.StartColumn, ColumnKind.Real));
        columns.Add(new TableColumn("problems", ColumnKind.Text));
        return new TableSchema(columns, "dyad_id", null, [("input_a", "input_a_sha256"), ("input_b", "input_b_sha256")], [DyadPairing.StartColumn]);
    }

    /// <summary>One row: the report's cells, both inputs (id and hash; empty where there is none), B's start and the problems text.</summary>
    public static string[] Cells(DyadReport report, (string Id, string Hash) a, (string Id, string Hash) b, string bStart, string problems) =>
        [.. CsvLine.Split(report.ToCsvRow()), a.Id, a.Hash, b.Id, b.Hash, bStart, problems];

    /// <summary>
    /// The row of a dyad that could not be analysed (no partner, listed twice, a file missing or unreadable): its id, its
    /// problem count and codes, both inputs, the problems text; every value empty.
    /// </summary>
    public static string[] Failed(string dyadId, IReadOnlyList<Problem> problems, (string Id, string Hash) a, (string Id, string Hash) b, string bStart, string problemText)
    {
        var cells = new string[Schema.Columns.Count];
        Array.Fill(cells, string.Empty);
        cells[Schema.UnitIndex] = dyadId;
        cells[Schema.IndexOf("problem_count")] = problems.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        cells[Schema.IndexOf("problem_codes")] = ProblemText.Codes(problems);
        cells[Schema.IndexOf("input_a")] = a.Id;
        cells[Schema.IndexOf("input_a_sha256")] = a.Hash;
        cells[Schema.IndexOf("input_b")] = b.Id;
        cells[Schema.IndexOf("input_b_sha256")] = b.Hash;
        cells[Schema.IndexOf(DyadPairing.StartColumn)] = bStart;
        cells[Schema.IndexOf("problems")] = problemText;
        return cells;
    }
}
