using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace RelationalNeuro.Cli.Tables;

/// <summary>
/// Parquet output through Parquet.Net's low-level column API (no reflection, AOT-safe): Text → BYTE_ARRAY (UTF8
/// string), Integer → INT64, Real → DOUBLE, every column optional (a missing cell is a null). Rows are written in row
/// groups of <see cref="RowGroupSize"/>, so memory stays bounded whatever the row count.
/// </summary>
internal sealed class ParquetTable : IAsyncDisposable
{
    /// <summary>Rows per row group.</summary>
    public const int RowGroupSize = 4096;

    private readonly TableSchema _schema;
    private readonly DataField[] _fields;
    private readonly List<string[]> _buffer = new(RowGroupSize);
    private readonly OutputStream _stream;
    private readonly ParquetWriter _writer;

    private ParquetTable(TableSchema schema, DataField[] fields, OutputStream stream, ParquetWriter writer)
    {
        _schema = schema;
        _fields = fields;
        _stream = stream;
        _writer = writer;
    }

    /// <summary>The Parquet fields of a schema.</summary>
    public static DataField[] Fields(TableSchema schema) => schema.Columns.Select(c => c.Kind switch
    {
        ColumnKind.Integer => (DataField)new DataField<long?>(c.Name),
        ColumnKind.Real => new DataField<double?>(c.Name),
        _ => new DataField<string>(c.Name, true),
    }).ToArray();

    /// <summary>Creates the temporary Parquet file <paramref name="path"/> (<see cref="OutputStream.CreateTemporary"/>) with this schema and metadata.</summary>
    public static async Task<ParquetTable> CreateAsync(string path, TableSchema schema, TableMetadata metadata)
    {
        var fields = Fields(schema);
        var stream = OutputStream.CreateTemporary(path);
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream).ConfigureAwait(false);
        writer.CustomMetadata = metadata.ToDictionary();
        return new ParquetTable(schema, fields, stream, writer);
    }

    /// <summary>Adds a row (cells in schema order); a full buffer becomes a row group.</summary>
    public async ValueTask AddAsync(string[] cells)
    {
        _buffer.Add(cells);
        if (_buffer.Count >= RowGroupSize)
        {
            await FlushAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask FlushAsync()
    {
        if (_buffer.Count == 0)
        {
            return;
        }

        using (var group = _writer.CreateRowGroup())
        {
            for (var c = 0; c < _fields.Length; c++)
            {
                switch (_schema.Columns[c].Kind)
                {
                    case ColumnKind.Integer:
                        var longs = new long?[_buffer.Count];
                        for (var r = 0; r < longs.Length; r++)
                        {
                            longs[r] = RowCodec.ParseInteger(_buffer[r][c]);
                        }

                        await group.WriteAsync<long>(_fields[c], longs.AsMemory()).ConfigureAwait(false);
                        break;
                    case ColumnKind.Real:
                        var doubles = new double?[_buffer.Count];
                        for (var r = 0; r < doubles.Length; r++)
                        {
                            doubles[r] = RowCodec.ParseReal(_buffer[r][c]);
                        }

                        await group.WriteAsync<double>(_fields[c], doubles.AsMemory()).ConfigureAwait(false);
                        break;
                    default:
                        var strings = new string[_buffer.Count];
                        for (var r = 0; r < strings.Length; r++)
                        {
                            var cell = _buffer[r][c];
                            strings[r] = cell.Length == 0 ? null! : cell;
                        }

                        await group.WriteAsync(_fields[c], strings).ConfigureAwait(false);
                        break;
                }
            }
        }

        _buffer.Clear();
    }

    /// <summary>Writes the last row group and the footer.</summary>
    public async ValueTask DisposeAsync()
    {
        await FlushAsync().ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The key-value metadata of a Parquet file.</summary>
    public static async Task<TableMetadata> ReadMetadataAsync(string path)
    {
        try
        {
            await using var reader = await ParquetReader.CreateAsync(path).ConfigureAwait(false);
            return TableMetadata.From(reader.CustomMetadata);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"{path}: not a readable Parquet file ({exception.Message}).");
        }
    }

    /// <summary>
    /// The rows of a Parquet file, cells as invariant text in <paramref name="schema"/>'s order (a column the file lacks
    /// is empty), one row group in memory at a time.
    /// </summary>
    public static async IAsyncEnumerable<string[]> ReadAsync(string path, TableSchema schema)
    {
        await using var reader = await ParquetReader.CreateAsync(path).ConfigureAwait(false);
        var fileFields = reader.Schema.GetDataFields();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = checked((int)group.RowCount);
            var cells = new string[rows][];
            for (var r = 0; r < rows; r++)
            {
                cells[r] = new string[schema.Columns.Count];
                Array.Fill(cells[r], string.Empty);
            }

            for (var c = 0; c < schema.Columns.Count; c++)
            {
                var field = Array.Find(fileFields, f => string.Equals(f.Name, schema.Columns[c].Name, StringComparison.Ordinal));
                if (field is null)
                {
                    continue;
                }

                if (field.ClrType == typeof(long))
                {
                    var values = new long?[rows];
                    await group.ReadAsync<long>(field, values.AsMemory()).ConfigureAwait(false);
                    for (var r = 0; r < rows; r++)
                    {
                        cells[r][c] = values[r]?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
                    }
                }
                else if (field.ClrType == typeof(double))
                {
                    var values = new double?[rows];
                    await group.ReadAsync<double>(field, values.AsMemory()).ConfigureAwait(false);
                    for (var r = 0; r < rows; r++)
                    {
                        cells[r][c] = values[r]?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;
                    }
                }
                else
                {
                    var values = new string?[rows];
                    await group.ReadAsync(field, values.AsMemory()).ConfigureAwait(false);
                    for (var r = 0; r < rows; r++)
                    {
                        cells[r][c] = values[r] ?? string.Empty;
                    }
                }
            }

            foreach (var row in cells)
            {
                yield return row;
            }
        }
    }
}
