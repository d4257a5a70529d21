namespace RelationalNeuro.Cli.Tables;

/// <summary>One complete line of a text table: its byte offset and its bytes without the '\n'.</summary>
internal readonly record struct TextLine(long Offset, byte[] Bytes);

/// <summary>Reads tables written by rn (any format) back as rows of invariant-text cells, streamed.</summary>
internal static class TableReader
{
    /// <summary>The longest line read (64 MiB; a row of rn's tables is a few kilobytes).</summary>
    internal const int MaxLineBytes = 64 << 20;

    /// <summary>
    /// The complete lines of a text file ('\n'-terminated), streamed; a last line without '\n' (a write cut off by a
    /// kill) is not yielded. Only a regular file is read (a link to a device or a pipe in a table's place is an
    /// <see cref="IOException"/> naming it), and a line longer than <see cref="MaxLineBytes"/> is an
    /// <see cref="InvalidDataException"/> naming the file and the line's offset, so neither can hold all the memory there is.
    /// </summary>
    public static IEnumerable<TextLine> Lines(string path)
    {
        using var stream = Io.RecordingFile.OpenRead(path);
        var buffer = new byte[1 << 16];
        var pending = new List<byte>();
        long offset = 0, lineStart = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }

                pending.AddRange(new ArraySegment<byte>(buffer, start, i - start));
                yield return new TextLine(lineStart, pending.ToArray());
                pending.Clear();
                start = i + 1;
                lineStart = offset + i + 1;
            }

            pending.AddRange(new ArraySegment<byte>(buffer, start, read - start));
            offset += read;
            if (pending.Count > MaxLineBytes)
            {
                throw new InvalidDataException(FormattableString.Invariant(
                    $"{path}: the line at byte {lineStart} is longer than {MaxLineBytes:N0} bytes; not a table written by rn."));
            }
        }
    }

    /// <summary>The rows of a table in <paramref name="schema"/>'s column order.</summary>
    public static async IAsyncEnumerable<string[]> RowsAsync(string path, TableFormat format, TableSchema schema)
    {
        if (format == TableFormat.Parquet)
        {
            await foreach (var row in ParquetTable.ReadAsync(path, schema).ConfigureAwait(false))
            {
                yield return row;
            }

            yield break;
        }

        int[]? csvColumns = null;
        var lineNumber = 0;
        foreach (var line in Lines(path))
        {
            lineNumber++;
            if (format == TableFormat.Csv && csvColumns is null)
            {
                csvColumns = RowCodec.MapCsvHeader(schema, line.Bytes);
                continue;
            }

            var cells = RowCodec.Decode(format, schema, line.Bytes, csvColumns)
                ?? throw new UsageException($"{path}:{lineNumber}: not a JSON object; the file is not a table written by rn.");
            yield return cells;
        }
    }
}
