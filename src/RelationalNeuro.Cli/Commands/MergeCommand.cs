using System.CommandLine;
using System.Globalization;
using RelationalNeuro.Cli.Batch;
using RelationalNeuro.Cli.Tables;

namespace RelationalNeuro.Cli.Commands;

/// <summary>
/// <c>rn merge</c>: joins the part files of a sharded run into one table, after checking that the parts belong to one
/// run (same command, options, schema, input fingerprint and N), that every shard 0..N-1 is there exactly once and
/// complete, and that no recording appears twice. Rows come out sorted by recording id (ordinal) and window, the
/// order a single-process run writes.
/// </summary>
internal static class MergeCommand
{
    public static Command Create(RnConsole console)
    {
        var parts = new Argument<string[]>("parts") { Description = "The part files (or a glob such as 'hrv.part-*-of-8.parquet').", Arity = ArgumentArity.OneOrMore };
        var output = CommonOptions.Output("The merged table: .csv, .jsonl or .parquet (any part format can become any output format).");
        var format = CommonOptions.Format();
        var overwrite = CommonOptions.Overwrite();
        var command = new Command("merge", """
            Join the part files of rn ... --shard I/N runs into one table. Checks that no shard is missing or doubled,
            every part completed, all parts come from the same inputs and options, and no recording appears twice.
            Exit code 0 = merged, 1 = a check failed (the message names the part; nothing is written), 2 = usage error.

            Example (after a Slurm array of 8 tasks):
              rn merge 'hrv.part-*-of-8.parquet' -o hrv.parquet
            """)
        {
            parts, output, format, overwrite,
        };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(
            parse.GetValue(parts)!, parse.GetValue(output)!, parse.GetValue(format), parse.GetValue(overwrite), console).ConfigureAwait(false));
        return command;
    }

    private sealed record Part(string Path, TableFormat Format, TableMetadata Metadata, int Index, int Count, int Units);

    internal static async Task<int> RunAsync(IReadOnlyList<string> arguments, string output, string? format, bool overwrite, RnConsole console)
    {
        var files = InputFiles.Expand(arguments, ["*.part-*-of-*.*"]);
        TableFiles.CheckNotAnInput(output, files.Select(f => f.FullPath));
        var parts = new List<Part>();
        var failures = new List<string>();
        foreach (var file in files)
        {
            if (file.Id.EndsWith(".meta.json", StringComparison.Ordinal) || file.Id.EndsWith(".partial.csv", StringComparison.Ordinal))
            {
                continue;
            }

            var partFormat = TableFiles.FormatOf(file.FullPath, null);
            var metadata = await TableFiles.ReadMetadataAsync(file.FullPath, partFormat).ConfigureAwait(false);
            if (metadata is null)
            {
                failures.Add($"{file.Id}: no metadata (for CSV and JSON Lines, {TableFiles.SidecarPath(file.Id)} must be beside it).");
                continue;
            }

            if (metadata["rn.complete"] != "true")
            {
                failures.Add($"{file.Id}: incomplete (its task did not finish); run that task again with --resume.");
                continue;
            }

            var shard = metadata["rn.shard"] ?? "0/1";
            var (index, count) = InputFiles.ParseShard(shard);
            if (!int.TryParse(metadata["rn.units"], NumberStyles.None, CultureInfo.InvariantCulture, out var units))
            {
                failures.Add($"{file.Id}: its metadata has no valid rn.units ('{metadata["rn.units"]}'); the file is not a part written by rn.");
                continue;
            }

            parts.Add(new Part(file.Id, partFormat, metadata, index, count, units));
        }

        if (parts.Count > 0)
        {
            var first = parts[0];
            foreach (var part in parts.Skip(1))
            {
                foreach (var key in new[] { "rn.command", "rn.schema", "rn.inputs.fingerprint" })
                {
                    if (part.Metadata[key] != first.Metadata[key])
                    {
                        failures.Add($"{part.Path}: {key} differs from {first.Path}'s; the parts are not from one run.");
                    }
                }

                if (part.Metadata.OptionsText != first.Metadata.OptionsText)
                {
                    failures.Add($"{part.Path}: its options (rn.options.*) differ from {first.Path}'s.");
                }

                if (part.Count != first.Count)
                {
                    failures.Add($"{part.Path}: shard {part.Index}/{part.Count}, but {first.Path} is of {first.Count}.");
                }
            }

            foreach (var group in parts.GroupBy(p => p.Index).Where(g => g.Count() > 1))
            {
                failures.Add($"shard {group.Key} is doubled: {string.Join(", ", group.Select(p => p.Path))}.");
            }

            var missing = Enumerable.Range(0, first.Count).Where(i => parts.All(p => p.Index != i)).ToList();
            if (missing.Count > 0)
            {
                failures.Add($"missing shard(s) {string.Join(", ", missing)} of {first.Count}.");
            }

            var total = int.TryParse(first.Metadata["rn.inputs.total"], NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : -1;
            var sum = parts.Sum(p => p.Units);
            if (failures.Count == 0 && total >= 0 && sum != total)
            {
                failures.Add($"the parts hold {sum} {NounOf(first.Metadata)}s, the run had {total} inputs.");
            }
        }

        var schema = parts.Count > 0 && failures.Count == 0 ? SchemaText.Read(parts[0].Metadata, parts[0].Path) : null;
        if (schema is not null)
        {
            // The metadata says what each part should hold; check the rows themselves before anything is written (a part
            // cut short, emptied or replaced by another file keeps its sidecar, and its recordings would be lost).
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var part in parts)
            {
                if (await CheckRowsAsync(part, schema, ids).ConfigureAwait(false) is { } failure)
                {
                    failures.Add(failure);
                }
            }
        }

        if (failures.Count > 0)
        {
            foreach (var failure in failures)
            {
                await console.Error.WriteLineAsync("rn: merge: " + failure).ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync($"rn: merge: nothing written to {output}.").ConfigureAwait(false);
            return ExitCodes.InputProblems;
        }

        if (schema is null)
        {
            // Every argument was a sidecar or a Parquet journal (rn merge 'hrv.part-*' in a folder of CSV parts is fine).
            throw new UsageException($"{string.Join(' ', arguments)}: no part file among the arguments (only .meta.json sidecars or .partial.csv journals).");
        }

        var merged = parts[0].Metadata.Clone();
        merged["rn.shard"] = "0/1";
        merged["rn.merged_from"] = string.Join(',', parts.OrderBy(p => p.Index).Select(p => Path.GetFileName(p.Path)));
        merged["rn.shard.inputs"] = merged["rn.inputs.total"];
        merged["rn.complete"] = null;
        merged["rn.units"] = null;
        merged["rn.rows"] = null;

        var outputFormat = TableFiles.FormatOf(output, format);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await using var sink = await TableSink.OpenAsync(output, outputFormat, schema, merged, resume: false, overwrite).ConfigureAwait(false);
        var readers = parts.Select(p => TableReader.RowsAsync(p.Path, p.Format, schema).GetAsyncEnumerator()).ToArray();
        try
        {
            var heads = new string[]?[readers.Length];
            for (var i = 0; i < readers.Length; i++)
            {
                heads[i] = await readers[i].MoveNextAsync().ConfigureAwait(false) ? readers[i].Current : null;
            }

            var unitRows = new List<string[]>();
            while (true)
            {
                var next = -1;
                for (var i = 0; i < heads.Length; i++)
                {
                    if (heads[i] is { } row && (next < 0 || Compare(schema, row, heads[next]!) < 0))
                    {
                        next = i;
                    }
                }

                if (next < 0)
                {
                    break;
                }

                var unit = heads[next]![schema.UnitIndex];
                if (!seen.Add(unit))
                {
                    await console.Error.WriteLineAsync($"rn: merge: {NounOf(parts[0].Metadata)} {unit} appears twice (again in {parts[next].Path}); {output} is incomplete.").ConfigureAwait(false);
                    return ExitCodes.InputProblems;
                }

                unitRows.Clear();
                while (heads[next] is { } row && string.Equals(row[schema.UnitIndex], unit, StringComparison.Ordinal))
                {
                    unitRows.Add(row);
                    heads[next] = await readers[next].MoveNextAsync().ConfigureAwait(false) ? readers[next].Current : null;
                }

                sink.Write(unitRows);
            }
        }
        finally
        {
            foreach (var reader in readers)
            {
                await reader.DisposeAsync().ConfigureAwait(false);
            }
        }

        await sink.CompleteAsync().ConfigureAwait(false);
        await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"rn: merged {parts.Count} parts, {seen.Count} {NounOf(parts[0].Metadata)}s, {sink.Rows} rows into {output}.")).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>
    /// Reads a part and compares it with its metadata: a CSV header of the run's columns, as many recordings and rows as
    /// <c>rn.units</c> and <c>rn.rows</c> say, and no recording that an earlier part (in <paramref name="ids"/>) holds.
    /// Returns the failure naming the part, or null.
    /// </summary>
    private static async Task<string?> CheckRowsAsync(Part part, TableSchema schema, HashSet<string> ids)
    {
        if (part.Format == TableFormat.Csv)
        {
            string? header;
            try
            {
                header = TableReader.Lines(part.Path).Select(l => System.Text.Encoding.UTF8.GetString(l.Bytes).TrimStart('\uFEFF')).FirstOrDefault();
            }
            catch (Exception exception) when (exception is IOException or InvalidDataException)
            {
                return $"{part.Path}: unreadable ({exception.Message}).";
            }

            if (header != schema.Header)
            {
                return header is null
                    ? $"{part.Path}: no header line; the file is not a part written by rn (or was cut off)."
                    : $"{part.Path}:1: the header is not the run's columns (rn.schema); the file is not the part its metadata describes.";
            }
        }

        long rows = 0;
        var units = 0;
        string? unit = null;
        try
        {
            await foreach (var row in TableReader.RowsAsync(part.Path, part.Format, schema).ConfigureAwait(false))
            {
                rows++;
                var id = row[schema.UnitIndex];
                if (string.Equals(id, unit, StringComparison.Ordinal))
                {
                    continue;
                }

                unit = id;
                units++;
                if (!ids.Add(id))
                {
                    return $"{part.Path}: {NounOf(part.Metadata)} {id} appears twice (in this part or an earlier one).";
                }
            }
        }
        catch (Exception exception) when (exception is UsageException or IOException or InvalidDataException or NotSupportedException or ArgumentException)
        {
            return $"{part.Path}: unreadable ({exception.Message}).";
        }

        var expectedRows = part.Metadata["rn.rows"];
        if (units != part.Units || (expectedRows is not null && rows.ToString(CultureInfo.InvariantCulture) != expectedRows))
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"{part.Path}: holds {units} {NounOf(part.Metadata)}s in {rows} rows, but its metadata says {part.Units} in {expectedRows ?? "?"}: it was cut short or changed after its task finished; run that task again.");
        }

        return null;
    }

    /// <summary>What a unit of the parts' table is called in messages: <c>dyad</c> for synchrony tables, else <c>recording</c>.</summary>
    private static string NounOf(TableMetadata metadata) => metadata["rn.command"] == "synchrony analyze" ? "dyad" : "recording";

    private static int Compare(TableSchema schema, string[] a, string[] b)
    {
        var byUnit = string.CompareOrdinal(a[schema.UnitIndex], b[schema.UnitIndex]);
        if (byUnit != 0 || schema.OrderIndex < 0)
        {
            return byUnit;
        }

        return Nullable.Compare(RowCodec.ParseReal(a[schema.OrderIndex]), RowCodec.ParseReal(b[schema.OrderIndex]));
    }
}
