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
            var units = int.Parse(metadata["rn.units"] ?? "0", CultureInfo.InvariantCulture);
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

            var total = int.Parse(first.Metadata["rn.inputs.total"] ?? "-1", CultureInfo.InvariantCulture);
            var sum = parts.Sum(p => p.Units);
            if (failures.Count == 0 && total >= 0 && sum != total)
            {
                failures.Add($"the parts hold {sum} recordings, the run had {total} inputs.");
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

        var schema = SchemaText.Read(parts[0].Metadata, parts[0].Path);
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
                    await console.Error.WriteLineAsync($"rn: merge: recording {unit} appears twice (again in {parts[next].Path}); {output} is incomplete.").ConfigureAwait(false);
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
        await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"rn: merged {parts.Count} parts, {seen.Count} recordings, {sink.Rows} rows into {output}.")).ConfigureAwait(false);
        return ExitCodes.Success;
    }

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
