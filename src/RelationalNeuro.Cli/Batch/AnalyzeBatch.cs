using System.Globalization;
using RelationalNeuro.Cli.Commands;
using RelationalNeuro.Cli.Tables;

namespace RelationalNeuro.Cli.Batch;

/// <summary>The parsed command line of one analyze run (the options <see cref="BatchCommandOptions"/> defines).</summary>
internal sealed record BatchRequest(
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Includes,
    string Output,
    string? Format,
    string? Shard,
    int Jobs,
    bool Resume,
    bool Overwrite,
    ProgressMode Progress,
    TimeSpan ProgressInterval);

/// <summary>
/// One unit of an analyze run — a recording, a dyad — with its id (the table's unit column) and its input files in the
/// order of <see cref="TableSchema.InputColumns"/> (null where the unit lacks one, e.g. a dyad without its partner), and
/// its settings cells as <see cref="TableSchema.SettingsOf"/> reads them back (a dyad's start offset), which resume compares.
/// </summary>
internal sealed record BatchUnit(string Id, IReadOnlyList<InputFile?> Files, string Settings = "");

/// <summary>What an analyze command hands <see cref="AnalyzeBatch.RunAsync"/>.</summary>
/// <param name="Command">The metadata's <c>rn.command</c> (<c>hrv analyze</c>).</param>
/// <param name="Noun">What a unit is called in messages, singular (<c>recording</c>, <c>dyad</c>).</param>
/// <param name="Schema">The table's columns.</param>
/// <param name="Units">Every unit of the run (all shards), sorted by id.</param>
/// <param name="InputPaths">Every input file of the run, which the output must not be.</param>
/// <param name="Fingerprint">The run's <c>rn.inputs.fingerprint</c> (<see cref="InputFiles.Fingerprint"/>).</param>
/// <param name="WriteOptions">Writes the <c>rn.options.*</c> keys.</param>
/// <param name="Work">Given how many units are left to do, the function that analyses one unit.</param>
/// <param name="CountsAsError">Whether an error-severity problem code in a resumed row makes the run exit 1.</param>
internal sealed record BatchPlan(
    string Command,
    string Noun,
    TableSchema Schema,
    IReadOnlyList<BatchUnit> Units,
    IEnumerable<string> InputPaths,
    string Fingerprint,
    Action<TableMetadata> WriteOptions,
    Func<int, Func<BatchUnit, CancellationToken, UnitResult>> Work,
    Func<string, bool> CountsAsError);

/// <summary>
/// The run every analyze command shares: shard, metadata, output (fresh or resumed), the resume's check for changed
/// inputs, the parallel ordered batch, progress, the closing line and the exit code (docs/cli.md).
/// </summary>
internal static class AnalyzeBatch
{
    public static async Task<int> RunAsync(BatchRequest request, BatchPlan plan, RnConsole console, CancellationToken cancellationToken)
    {
        var format = TableFiles.FormatOf(request.Output, request.Format);
        var all = plan.Units;
        var (shardIndex, shardCount) = request.Shard is { } s ? InputFiles.ParseShard(s) : (0, 1);
        var mine = shardCount == 1 ? all : InputFiles.Shard(all, shardIndex, shardCount);
        var path = shardCount == 1 ? request.Output : TableFiles.PartPath(request.Output, shardIndex, shardCount);

        // Before the output is opened: --overwrite would replace an input (of any shard) with the table, and --resume
        // would cut it as if it were a cut-off table.
        TableFiles.CheckNotAnInput(path, plan.InputPaths);

        var schema = plan.Schema;
        var metadata = CommonOptions.NewMetadata(plan.Command, schema, console.Time);
        plan.WriteOptions(metadata);
        metadata["rn.shard"] = string.Create(CultureInfo.InvariantCulture, $"{shardIndex}/{shardCount}");
        metadata["rn.shard.inputs"] = mine.Count.ToString(CultureInfo.InvariantCulture);
        metadata["rn.inputs.total"] = all.Count.ToString(CultureInfo.InvariantCulture);
        metadata["rn.inputs.fingerprint"] = plan.Fingerprint;

        await using var sink = await TableSink.OpenAsync(path, format, schema, metadata, request.Resume, request.Overwrite).ConfigureAwait(false);
        try
        {
            RefuseChangedInputs(path, mine, sink, schema, plan.Noun, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while checking the inputs of a resume (hashing a large cohort takes a while): nothing was written
            // since the table was opened, and opening it cut any unit a kill had left cut off, so every unit is whole.
            sink.MarkStopped();
            throw;
        }

        var todo = sink.Done.Count == 0 ? mine : mine.Where(u => !sink.Done.Contains(u.Id)).ToList();
        var nouns = plan.Noun + "s";
        using var progress = new ProgressReporter(console.Error, request.Progress, mine.Count, mine.Count - todo.Count, nouns, request.ProgressInterval, console.Time);
        BatchOutcome outcome;
        try
        {
            outcome = await BatchRunner.RunAsync(todo, plan.Work(todo.Count), sink, progress, request.Jobs, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // BatchRunner throws only once every input started has ended, between two units: all rows written are whole.
            sink.MarkStopped();
            throw;
        }

        await sink.CompleteAsync().ConfigureAwait(false);
        progress.Finish();
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rn: wrote {path}: {outcome.Processed} {(outcome.Processed == 1 ? plan.Noun : nouns)} analysed, {mine.Count - todo.Count} already there, {outcome.WithErrors} with errors, {outcome.WithProblems - outcome.WithErrors} with warnings only."));
        return outcome.WithErrors > 0 || (request.Resume && await ResumedHadErrorsAsync(path, format, schema, plan.CountsAsError).ConfigureAwait(false))
            ? ExitCodes.InputProblems
            : ExitCodes.Success;
    }

    /// <summary>
    /// On resume, a unit whose input files changed since its row was written — another file named (a dyad paired
    /// differently), or a file whose SHA-256 differs from the row's — would keep a stale row: a usage error naming it,
    /// before anything is analysed. A file whose size and last-write time still equal its stamp (<see cref="InputStampFile"/>)
    /// is not hashed again; one without a stamp (an output made before stamps, or cut off between row and stamp) is
    /// hashed, and stamped when unchanged. Stops between units when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    private static void RefuseChangedInputs(string path, IReadOnlyList<BatchUnit> units, TableSink sink, TableSchema schema, string noun, CancellationToken cancellationToken)
    {
        var done = sink.DoneInputs;
        if (done.Count == 0)
        {
            return;
        }

        var changed = new List<string>();
        foreach (var unit in units)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (done.TryGetValue(unit.Id, out var written)
                && (!string.Equals(unit.Settings, sink.DoneSettings[unit.Id], StringComparison.Ordinal) || !Unchanged(unit, written, sink, changed.Count == 0)))
            {
                changed.Add(unit.Id);
            }
        }

        if (changed.Count > 0)
        {
            // The columns that can differ: each input's hash, and its file where that is not the unit column itself.
            var columns = schema.InputColumns
                .SelectMany(c => c.File == schema.UnitIndex ? [c.Hash] : new[] { c.File, c.Hash })
                .Concat(schema.SettingColumns)
                .Select(i => schema.Columns[i].Name);
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"{path}: cannot resume: {changed.Count} {noun}(s) changed since their rows were written ({changed[0]} first; {string.Join(" or ", columns)} differs), and resuming would keep their old rows. Run with --overwrite to analyse everything again."));
        }
    }

    /// <summary>Whether each input file of <paramref name="unit"/> is the one its row names, with the same bytes; stamps unchanged files when <paramref name="stamp"/>.</summary>
    private static bool Unchanged(BatchUnit unit, IReadOnlyList<(string File, string Hash)> written, TableSink sink, bool stamp)
    {
        for (var i = 0; i < written.Count; i++)
        {
            var input = i < unit.Files.Count ? unit.Files[i] : null;
            if (!string.Equals(input?.Id ?? string.Empty, written[i].File, StringComparison.Ordinal))
            {
                return false;
            }

            if (input is null)
            {
                continue;
            }

            var before = InputStamp.Of(input.FullPath);
            if (before is { } now && sink.DoneStamps.TryGetValue(input.Id, out var stamped) && now == stamped)
            {
                continue;
            }

            string hash;
            try
            {
                hash = InputHashing.HashFile(input.FullPath);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                hash = string.Empty; // unreadable now: changed, as far as its row can tell
            }

            // An empty hash is a file that could not be read then: readable now, it changed too (its failure row would stay).
            if (!string.Equals(hash, written[i].Hash, StringComparison.Ordinal))
            {
                return false;
            }

            if (before is { } unchanged && stamp)
            {
                sink.Stamp(input.Id, hash, unchanged); // the next resume need not hash it
            }
        }

        return true;
    }

    /// <summary>After a resume the exit code covers the whole table: any row with an error problem that counts.</summary>
    private static async Task<bool> ResumedHadErrorsAsync(string path, TableFormat format, TableSchema schema, Func<string, bool> countsAsError)
    {
        var problems = schema.IndexOf("problems");
        await foreach (var row in TableReader.RowsAsync(path, format, schema).ConfigureAwait(false))
        {
            foreach (var part in row[problems].Split(" | "))
            {
                var at = part.IndexOf(": error ", StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }

                // "file:line: error code: message" or "file: error code at location: message".
                var code = part.AsSpan(at + 8);
                var end = code.IndexOfAny(": ");
                if (countsAsError((end < 0 ? code : code[..end]).ToString()))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
