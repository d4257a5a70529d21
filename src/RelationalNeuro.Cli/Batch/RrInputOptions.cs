using RelationalNeuro.Cli.Hrv;
using RelationalNeuro.Cli.Tables;
using RelationalNeuro.Io;

namespace RelationalNeuro.Cli.Batch;

/// <summary>How the analyze commands read RR files (<c>--input-format</c>, <c>--unit</c>, <c>--column</c>).</summary>
internal sealed record RrInputOptions
{
    /// <summary>The reader's options (unit, CSV column).</summary>
    public RrReadOptions Read { get; init; } = RrReadOptions.Default;

    /// <summary>The input format, or null to choose by extension (.csv/.tsv → CSV, else Kubios-style text).</summary>
    public RrFormat? Format { get; init; }

    /// <summary>The format a file is read in.</summary>
    public RrFormat FormatFor(string path) => Format ?? (Path.GetExtension(path).ToLowerInvariant() is ".csv" or ".tsv" ? RrFormat.Csv : RrFormat.KubiosText);

    /// <summary>
    /// Reads one file in one open (<see cref="InputHashing.ReadAndHash{T}"/>): the series, the SHA-256 of its bytes and its stamp.
    /// </summary>
    /// <exception cref="IOException">The file cannot be opened or is not a regular file.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public (RrReadResult Read, string Hash, InputStamp Stamp) ReadAndHash(InputFile input) =>
        InputHashing.ReadAndHash(input.FullPath, stream => RrReader.Read(stream, FormatFor(input.FullPath), Read));

    /// <summary>Writes <c>rn.options.input_format</c>, <c>unit</c> and <c>column</c>.</summary>
    public void WriteTo(TableMetadata metadata)
    {
        metadata["rn.options.input_format"] = Format is { } f ? HrvBatchOptions.Kebab(f.ToString()) : "auto";
        metadata["rn.options.unit"] = HrvBatchOptions.Kebab(Read.Unit.ToString());
        metadata["rn.options.column"] = Read.ColumnName ?? "auto";
    }
}
