using System.Buffers;
using System.Text;

namespace RelationalNeuro.Cli.Tables;

/// <summary>Writes the table of a one-file command (questionnaire, cortisol, change): to a file in any format, or as CSV to stdout with <c>-o -</c>.</summary>
internal static class SmallTable
{
    public static async Task WriteAsync(RnConsole console, string output, string? format, bool overwrite, TableSchema schema, TableMetadata metadata, IReadOnlyList<string[]> rows)
    {
        if (output == "-")
        {
            var buffer = new ArrayBufferWriter<byte>();
            foreach (var row in rows)
            {
                RowCodec.Encode(TableFormat.Csv, schema, row, buffer);
            }

            await console.Out.WriteAsync(schema.Header + "\n" + Encoding.UTF8.GetString(buffer.WrittenSpan)).ConfigureAwait(false);
            await console.Out.FlushAsync().ConfigureAwait(false);
            return;
        }

        var tableFormat = TableFiles.FormatOf(output, format);
        await using var sink = await TableSink.OpenAsync(output, tableFormat, schema, metadata, resume: false, overwrite).ConfigureAwait(false);
        foreach (var row in rows)
        {
            sink.Write([row]);
        }

        await sink.CompleteAsync().ConfigureAwait(false);
    }

    /// <summary>A column name from free text: lower case, anything but letters and digits becomes '_'.</summary>
    public static string Snake(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        }

        return builder.ToString();
    }
}
