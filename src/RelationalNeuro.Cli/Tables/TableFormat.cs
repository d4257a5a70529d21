namespace RelationalNeuro.Cli.Tables;

/// <summary>The output formats (docs/cli.md, "Output formats").</summary>
internal enum TableFormat
{
    /// <summary>Comma-separated, invariant culture, header line, RFC 4180 quoting; metadata in <c>.meta.json</c>.</summary>
    Csv,

    /// <summary>One JSON object per line, numbers as numbers, missing as null; metadata in <c>.meta.json</c>.</summary>
    JsonLines,

    /// <summary>Apache Parquet (Parquet.Net), typed columns, metadata as key-value metadata.</summary>
    Parquet,
}

/// <summary>Paths and names around an output table.</summary>
internal static class TableFiles
{
    /// <summary>The format stated (<c>csv</c>, <c>jsonl</c>, <c>parquet</c>) or, when null, the one the extension names.</summary>
    public static TableFormat FormatOf(string path, string? stated)
    {
        var name = stated ?? Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        return name switch
        {
            "csv" => TableFormat.Csv,
            "jsonl" or "ndjson" or "json" => TableFormat.JsonLines,
            "parquet" or "pq" => TableFormat.Parquet,
            _ => throw new UsageException(stated is null
                ? $"{path}: cannot tell the output format from the extension; use .csv, .jsonl or .parquet, or --format csv|jsonl|parquet."
                : $"--format {stated}: unknown format; use csv, jsonl or parquet."),
        };
    }

    /// <summary>The sidecar that holds a CSV or JSON Lines table's metadata.</summary>
    public static string SidecarPath(string path) => path + ".meta.json";

    /// <summary>The journal a Parquet output is written through while a run is under way (CSV rows, converted at the end).</summary>
    public static string JournalPath(string path) => path + ".partial.csv";

    /// <summary>
    /// A usage error when the output <paramref name="path"/> (or a file it writes or replaces: its sidecar, Parquet journal
    /// temporary file or input stamps) is one of the <paramref name="inputs"/> or an input's sidecar: replacing it would destroy an input,
    /// and for <c>rn merge</c> it is deleted before it is read (its rows would be lost), even with <c>--overwrite</c>.
    /// </summary>
    public static void CheckNotAnInput(string path, IEnumerable<string> inputs)
    {
        var journal = JournalPath(path);
        var written = new HashSet<string>(
            new[] { path, journal, SidecarPath(journal), SidecarPath(path), path + ".tmp", Batch.InputStampFile.PathOf(path) }.Select(Path.GetFullPath),
            StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var full = Path.GetFullPath(input);
            if (written.Contains(full) || written.Contains(SidecarPath(full)))
            {
                throw new UsageException($"-o {path}: is also an input ({input}); write the output to another path.");
            }
        }
    }

    /// <summary>The part file of shard <paramref name="index"/> of <paramref name="count"/>: <c>out.part-0-of-4.csv</c>.</summary>
    public static string PartPath(string path, int index, int count)
    {
        var extension = Path.GetExtension(path);
        var stem = path[..^extension.Length];
        return FormattableString.Invariant($"{stem}.part-{index}-of-{count}{extension}");
    }

    /// <summary>The table's metadata: the Parquet footer's key-value metadata or the sidecar; null when none exists.</summary>
    public static async Task<TableMetadata?> ReadMetadataAsync(string path, TableFormat format)
    {
        if (format == TableFormat.Parquet)
        {
            if (!File.Exists(path))
            {
                return null;
            }

            return await ParquetTable.ReadMetadataAsync(path).ConfigureAwait(false);
        }

        return TableMetadata.ReadSidecar(SidecarPath(path));
    }
}
