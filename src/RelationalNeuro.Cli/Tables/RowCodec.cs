using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RelationalNeuro.Cli.Tables;

/// <summary>One row as one line of CSV or JSON Lines (UTF-8, ending in '\n'), and back.</summary>
internal static class RowCodec
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = false, SkipValidation = false };

    /// <summary>The header line of a CSV table.</summary>
    public static byte[] CsvHeader(TableSchema schema) => Encoding.UTF8.GetBytes(schema.Header + "\n");

    /// <summary>Appends one row as a line of the format (the header is not a row).</summary>
    public static void Encode(TableFormat format, TableSchema schema, IReadOnlyList<string> cells, ArrayBufferWriter<byte> output)
    {
        if (format == TableFormat.JsonLines)
        {
            using (var json = new Utf8JsonWriter(output, JsonOptions))
            {
                json.WriteStartObject();
                for (var i = 0; i < schema.Columns.Count; i++)
                {
                    var column = schema.Columns[i];
                    var cell = cells[i];
                    json.WritePropertyName(column.Name);
                    if (cell.Length == 0)
                    {
                        json.WriteNullValue();
                    }
                    else if (column.Kind == ColumnKind.Text)
                    {
                        json.WriteStringValue(cell);
                    }
                    else
                    {
                        // The cell is the invariant round-trip text of the number; it is written as is.
                        json.WriteRawValue(cell);
                    }
                }

                json.WriteEndObject();
            }

            output.Write("\n"u8);
            return;
        }

        var builder = new StringBuilder(1024);
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(CsvLine.Escape(cells[i]));
        }

        builder.Append('\n');
        var text = builder.ToString();
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    /// <summary>
    /// The cells of one line in <paramref name="schema"/>'s column order; <paramref name="csvColumns"/> maps the CSV
    /// file's columns to the schema (from its header). Null for a line that is not a row (malformed JSON).
    /// </summary>
    public static string[]? Decode(TableFormat format, TableSchema schema, ReadOnlySpan<byte> line, int[]? csvColumns)
    {
        var cells = new string[schema.Columns.Count];
        Array.Fill(cells, string.Empty);
        if (format == TableFormat.JsonLines)
        {
            try
            {
                var reader = new Utf8JsonReader(line);
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return null;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    var index = IndexOrMinusOne(schema, name);
                    var value = reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString()!,
                        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                        JsonTokenType.Null => string.Empty,
                        JsonTokenType.True => "true",
                        JsonTokenType.False => "false",
                        _ => null,
                    };
                    if (value is null)
                    {
                        reader.Skip();
                        continue;
                    }

                    if (index >= 0)
                    {
                        cells[index] = value;
                    }
                }

                return cells;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        var fields = CsvLine.Split(Encoding.UTF8.GetString(line));
        for (var i = 0; i < fields.Count && csvColumns is not null && i < csvColumns.Length; i++)
        {
            if (csvColumns[i] >= 0)
            {
                cells[csvColumns[i]] = fields[i];
            }
        }

        return cells;
    }

    /// <summary>Maps a CSV header line to schema column indices (-1 for a column the schema lacks).</summary>
    public static int[] MapCsvHeader(TableSchema schema, ReadOnlySpan<byte> headerLine)
    {
        var names = CsvLine.Split(Encoding.UTF8.GetString(headerLine));
        if (names.Count > 0 && names[0].Length > 0 && names[0][0] == '\uFEFF')
        {
            names[0] = names[0][1..];
        }

        return names.Select(n => IndexOrMinusOne(schema, n)).ToArray();
    }

    private static int IndexOrMinusOne(TableSchema schema, string name)
    {
        for (var i = 0; i < schema.Columns.Count; i++)
        {
            if (string.Equals(schema.Columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A cell of a numeric column as a double (invariant), or null when missing or not a number.</summary>
    public static double? ParseReal(string cell) =>
        cell.Length > 0 && double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>A cell of an integer column, or null when missing or not an integer.</summary>
    public static long? ParseInteger(string cell) =>
        cell.Length > 0 && long.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}
