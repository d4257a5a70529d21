namespace RelationalNeuro.Cli.Tables;

/// <summary>How a column's cells are typed in JSON Lines and Parquet (CSV holds them as invariant text).</summary>
internal enum ColumnKind
{
    /// <summary>UTF-8 text; Parquet BYTE_ARRAY (STRING), JSON string.</summary>
    Text,

    /// <summary>A whole number; Parquet INT64, JSON number.</summary>
    Integer,

    /// <summary>A floating-point number written round-trip ("R"); Parquet DOUBLE, JSON number.</summary>
    Real,
}

/// <summary>One column of an output table.</summary>
internal sealed record TableColumn(string Name, ColumnKind Kind);

/// <summary>
/// The columns of an output table and the columns that identify a row. Cells travel as invariant text
/// (<see cref="string.Empty"/> = missing), the form the library's own CSV writer produces.
/// </summary>
internal sealed record TableSchema
{
    public TableSchema(IReadOnlyList<TableColumn> columns, string unitColumn, string? orderColumn, IReadOnlyList<(string File, string Hash)>? inputColumns = null, IReadOnlyList<string>? settingColumns = null)
    {
        Columns = columns;
        UnitIndex = IndexOf(unitColumn);
        OrderIndex = orderColumn is null ? -1 : IndexOf(orderColumn);
        InputColumns = inputColumns is null ? [] : inputColumns.Select(c => (IndexOf(c.File), IndexOf(c.Hash))).ToArray();
        SettingColumns = settingColumns is null ? [] : settingColumns.Select(IndexOf).ToArray();
    }

    /// <summary>The columns, in output order.</summary>
    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>The column naming the input a row came from (a recording, a respondent file): resume and merge count these.</summary>
    public int UnitIndex { get; }

    /// <summary>The column ordering rows within one unit (a window index), or -1.</summary>
    public int OrderIndex { get; }

    /// <summary>
    /// The columns naming each input file of a unit and its SHA-256, which resume compares: one pair for a recording
    /// (<c>recording_id</c>, <c>input_sha256</c>), two for a dyad; empty for tables whose units are not files.
    /// </summary>
    public IReadOnlyList<(int File, int Hash)> InputColumns { get; }

    /// <summary>
    /// Columns holding a unit's own settings that are not files — a dyad's start offset from its manifest row — which
    /// resume compares as it compares input files: a unit whose setting changed would keep a stale row. Empty for most tables.
    /// </summary>
    public IReadOnlyList<int> SettingColumns { get; }

    /// <summary>The settings cells (<see cref="SettingColumns"/>) of a row, joined with a unit separator (U+001F); empty where the schema has none.</summary>
    public string SettingsOf(string[] row) => string.Join('\u001f', SettingColumns.Select(c => row[c]));

    /// <summary>The input files (<see cref="InputColumns"/>) of a row: each file id with its hash, empty where the row names none.</summary>
    public (string File, string Hash)[] InputsOf(string[] row) => InputColumns.Select(c => (row[c.File], row[c.Hash])).ToArray();

    /// <summary>The index of a column by name; throws for a name the schema lacks (a programmer error).</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"No column '{name}' in the schema.", nameof(name));
    }

    /// <summary>The column names joined with commas: the CSV header line.</summary>
    public string Header => string.Join(',', Columns.Select(c => c.Name));
}
