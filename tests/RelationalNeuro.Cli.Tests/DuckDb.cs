using System.Globalization;
using DuckDB.NET.Data;

namespace RelationalNeuro.Cli.Tests;

/// <summary>An independent reader of rn's outputs: DuckDB's read_parquet and read_csv (in-memory database).</summary>
internal static class DuckDb
{
    public static List<Dictionary<string, object?>> Query(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static string Quote(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Every row of a Parquet file, typed as DuckDB reads them.</summary>
    public static List<Dictionary<string, object?>> Parquet(string path) => Query($"SELECT * FROM read_parquet({Quote(path)})");

    /// <summary>Column name → DuckDB type of a Parquet file (DESCRIBE).</summary>
    public static Dictionary<string, string> ParquetTypes(string path) =>
        Query($"DESCRIBE SELECT * FROM read_parquet({Quote(path)})").ToDictionary(r => (string)r["column_name"]!, r => (string)r["column_type"]!, StringComparer.Ordinal);

    /// <summary>The key-value metadata of a Parquet file.</summary>
    public static Dictionary<string, string> ParquetMetadata(string path) =>
        Query($"SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata({Quote(path)})").ToDictionary(r => (string)r["k"]!, r => (string)r["v"]!, StringComparer.Ordinal);

    /// <summary>Every row of a CSV file as text (DuckDB's CSV reader, all columns VARCHAR; empty = null).</summary>
    public static List<Dictionary<string, string?>> Csv(string path) =>
        Query($"SELECT * FROM read_csv({Quote(path)}, all_varchar = true, header = true, delim = ',', quote = '\"', escape = '\"')")
            .Select(r => r.ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal)).ToList();

    /// <summary>A cell as a double (DuckDB value or invariant text), null when missing.</summary>
    public static double? Number(object? value) => value switch
    {
        null => null,
        string s when s.Length == 0 => null,
        string s => double.Parse(s, CultureInfo.InvariantCulture),
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };
}
