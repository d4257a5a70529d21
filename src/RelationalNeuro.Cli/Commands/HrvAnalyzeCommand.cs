using System.CommandLine;
using System.Globalization;
using RelationalNeuro.Cli.Batch;
using RelationalNeuro.Cli.Hrv;
using RelationalNeuro.Cli.Tables;
using RelationalNeuro.Hrv;
using RelationalNeuro.Io;

namespace RelationalNeuro.Cli.Commands;

/// <summary><c>rn hrv analyze</c>: a folder of RR files into one table (docs/cli.md).</summary>
internal static class HrvAnalyzeCommand
{
    public static Command Create(RnConsole console)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "RR files, folders (searched recursively for --include) and globs (data/**/*.txt; quote them).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = CommonOptions.Output("The table to write: .csv, .jsonl or .parquet. With --shard I/N, .part-I-of-N is inserted before the extension.");
        var format = CommonOptions.Format();
        var window = new Option<string?>("--window") { Description = "One row per consecutive window of this length (300, 5m, 1h) instead of per recording; a trailing part shorter than a window is left out.", HelpName = "duration" };
        var artifacts = new Option<string>("--artifacts") { Description = "Artifact method: default (Lipponen–Tarvainen + absolute range), lipponen-tarvainen, absolute-range, malik, kamath, karlsson, acar.", DefaultValueFactory = _ => "default", HelpName = "method" };
        var correction = new Option<string>("--correction") { Description = "What happens to flagged beats: correct (interpolate), remove, flag-only.", DefaultValueFactory = _ => "correct", HelpName = "correct|remove|flag-only" };
        var spectral = new Option<string?>("--spectral") { Description = "Spectral method: welch or lomb-scargle (overrides the preset's).", HelpName = "welch|lomb-scargle" };
        var preset = new Option<string>("--spectral-preset") { Description = "Spectral settings: default, pyhrv-welch, hrvanalysis-welch, hrvanalysis-lomb, neurokit2-welch (docs/hrv-frequency.md).", DefaultValueFactory = _ => "default", HelpName = "name" };
        var entropy = new Option<string>("--entropy") { Description = "Sample and approximate entropy: on or off (off is ~3x faster on 24-h recordings).", DefaultValueFactory = _ => "on", HelpName = "on|off" };
        var frequency = new Option<string>("--frequency") { Description = "Frequency domain: on or off.", DefaultValueFactory = _ => "on", HelpName = "on|off" };
        var screening = new Option<string>("--rhythm-screening") { Description = "Screen each recording for sustained irregular rhythm (atrial fibrillation; an artifacts.irregular-rhythm problem in its row): on or off (off runs the artifact method alone, as NeuroKit2's signal_fixpeaks does).", DefaultValueFactory = _ => "on", HelpName = "on|off" };
        var dfa = new Option<string>("--dfa") { Description = "Detrended fluctuation analysis: on or off.", DefaultValueFactory = _ => "on", HelpName = "on|off" };
        var inputFormat = new Option<string>("--input-format") { Description = "auto (.csv/.tsv as CSV, anything else as Kubios-style text), single-column, csv, kubios-text.", DefaultValueFactory = _ => "auto", HelpName = "format" };
        var unit = new Option<string>("--unit") { Description = "Unit of the RR values: auto (header, else median < 10 means seconds), milliseconds, seconds.", DefaultValueFactory = _ => "auto", HelpName = "auto|milliseconds|seconds" };
        var column = new Option<string?>("--column") { Description = "The RR column of CSV files (default: the first named rr/rri/ibi/nn/interval).", HelpName = "name" };
        var include = new Option<string[]>("--include") { Description = "File patterns for folders (default *.txt *.csv *.tsv *.rr *.hrv).", HelpName = "pattern", AllowMultipleArgumentsPerToken = true };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Recordings analysed in parallel (default: the number of cores, or SLURM_CPUS_PER_TASK).", HelpName = "n" };
        var resume = new Option<bool>("--resume") { Description = "Continue an output: recordings already in it are skipped, a recording cut off by a kill is redone; a recording whose file changed since its row was written stops the resume (exit 2)." };
        var overwrite = CommonOptions.Overwrite();
        var shard = new Option<string?>("--shard") { Description = "Process shard I of N (0-based) of the sorted inputs — inputs I, I+N, I+2N, ... — into its own part file; join the parts with rn merge.", HelpName = "I/N" };
        var progress = CommonOptions.Progress();
        var interval = CommonOptions.ProgressInterval();

        var command = new Command("analyze", """
            Analyse RR recordings: one row per recording (or per window) with every metric of the library's one-call
            report (units in the column names), artifact counts and problems. A bad file never stops the batch: its
            row carries the problems. Exit code 0 = every recording clean, 1 = some had error-severity problems,
            2 = usage error.

            Examples:
              rn hrv analyze recordings/ -o hrv.csv
              rn hrv analyze 'cohort/**/*.txt' -o hrv.parquet --jobs 8 --entropy off
              rn hrv analyze recordings/ -o windows.jsonl --window 5m --artifacts malik --correction remove
              rn hrv analyze recordings/ -o hrv.parquet --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT
              rn hrv analyze recordings/ -o hrv.csv --resume
            """)
        {
            inputs, output, format, window, artifacts, correction, screening, spectral, preset, entropy, frequency, dfa,
            inputFormat, unit, column, include, jobs, resume, overwrite, shard, progress, interval,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new HrvBatchOptions();
            var artifactOptions = ArtifactOptions.Default with
            {
                Method = HrvBatchOptions.ParseKebab<ArtifactMethod>("--artifacts", parse.GetValue(artifacts)!),
                Correction = HrvBatchOptions.ParseKebab<ArtifactCorrection>("--correction", parse.GetValue(correction)!),
                ScreenIrregularRhythm = OnOff("--rhythm-screening", parse.GetValue(screening)!),
            };
            var presetName = parse.GetValue(preset)!.ToLowerInvariant();
            var spectralOptions = presetName switch
            {
                "default" => FrequencyDomainOptions.Default,
                "pyhrv-welch" => FrequencyDomainOptions.PyHrvWelch,
                "hrvanalysis-welch" => FrequencyDomainOptions.HrvAnalysisWelch,
                "hrvanalysis-lomb" => FrequencyDomainOptions.HrvAnalysisLomb,
                "neurokit2-welch" => FrequencyDomainOptions.NeuroKit2Welch,
                _ => throw new UsageException($"--spectral-preset {presetName}: expected default, pyhrv-welch, hrvanalysis-welch, hrvanalysis-lomb or neurokit2-welch."),
            };
            if (parse.GetValue(spectral) is { } method)
            {
                spectralOptions = spectralOptions with { Method = HrvBatchOptions.ParseKebab<SpectralMethod>("--spectral", method) };
            }

            var columnName = parse.GetValue(column);
            options = options with
            {
                Analysis = HrvAnalysisOptions.Default with
                {
                    Artifacts = artifactOptions,
                    FrequencyDomain = spectralOptions,
                    IncludeEntropy = OnOff("--entropy", parse.GetValue(entropy)!),
                    IncludeFrequencyDomain = OnOff("--frequency", parse.GetValue(frequency)!),
                    IncludeDfa = OnOff("--dfa", parse.GetValue(dfa)!),
                },
                SpectralPreset = presetName,
                WindowSeconds = parse.GetValue(window) is { } w ? HrvBatchOptions.ParseDuration("--window", w) : null,
                Format = parse.GetValue(inputFormat)!.ToLowerInvariant() is "auto" ? null : HrvBatchOptions.ParseKebab<RrFormat>("--input-format", parse.GetValue(inputFormat)!),
                Read = RrReadOptions.Default with
                {
                    Unit = HrvBatchOptions.ParseKebab<RrUnit>("--unit", parse.GetValue(unit)!),
                    ColumnName = columnName,
                },
            };

            var jobCount = parse.GetValue(jobs);
            if (jobCount < 0)
            {
                throw new UsageException($"--jobs {jobCount}: expected a positive number.");
            }

            if (jobCount == 0)
            {
                jobCount = int.TryParse(Environment.GetEnvironmentVariable("SLURM_CPUS_PER_TASK"), NumberStyles.None, CultureInfo.InvariantCulture, out var slurm) && slurm > 0
                    ? slurm
                    : Environment.ProcessorCount;
            }

            var includes = parse.GetValue(include) is { Length: > 0 } given ? given : InputFiles.DefaultIncludes;
            var request = new BatchRequest(
                parse.GetValue(inputs)!,
                includes,
                parse.GetValue(output)!,
                parse.GetValue(format),
                parse.GetValue(shard),
                jobCount,
                parse.GetValue(resume),
                parse.GetValue(overwrite),
                CommonOptions.ParseProgress(parse.GetValue(progress)!),
                TimeSpan.FromSeconds(Math.Max(0.05, parse.GetValue(interval))));
            return await RunAsync(request, options, console, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static bool OnOff(string option, string text) => text.ToLowerInvariant() switch
    {
        "on" or "true" or "yes" => true,
        "off" or "false" or "no" => false,
        _ => throw new UsageException($"{option} {text}: expected on or off."),
    };

    /// <summary>The parsed command line of one run.</summary>
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

    internal static async Task<int> RunAsync(BatchRequest request, HrvBatchOptions options, RnConsole console, CancellationToken cancellationToken)
    {
        var format = TableFiles.FormatOf(request.Output, request.Format);
        var all = InputFiles.Expand(request.Inputs, request.Includes);
        var (shardIndex, shardCount) = request.Shard is { } s ? InputFiles.ParseShard(s) : (0, 1);
        var mine = shardCount == 1 ? all : InputFiles.Shard(all, shardIndex, shardCount);
        var path = shardCount == 1 ? request.Output : TableFiles.PartPath(request.Output, shardIndex, shardCount);

        // Before the output is opened: --overwrite would replace a recording (of any shard) with the table, and --resume
        // would cut it as if it were a cut-off table.
        TableFiles.CheckNotAnInput(path, all.Select(i => i.FullPath));

        var schema = HrvRows.Schema(options.WindowSeconds is not null);
        var metadata = CommonOptions.NewMetadata("hrv analyze", schema, console.Time);
        options.WriteTo(metadata);
        metadata["rn.shard"] = string.Create(CultureInfo.InvariantCulture, $"{shardIndex}/{shardCount}");
        metadata["rn.shard.inputs"] = mine.Count.ToString(CultureInfo.InvariantCulture);
        metadata["rn.inputs.total"] = all.Count.ToString(CultureInfo.InvariantCulture);
        metadata["rn.inputs.fingerprint"] = InputFiles.Fingerprint(all);

        await using var sink = await TableSink.OpenAsync(path, format, schema, metadata, request.Resume, request.Overwrite).ConfigureAwait(false);
        RefuseChangedInputs(path, mine, sink);
        var todo = sink.Done.Count == 0 ? mine : mine.Where(i => !sink.Done.Contains(i.Id)).ToList();
        if (todo.Count > 0 && todo.Count < request.Jobs)
        {
            // Fewer recordings than jobs (e.g. one file): the idle cores take stages of each analysis (the same rows; a batch
            // with a recording per job is unchanged). HrvAnalysisOptions.MaxDegreeOfParallelism, docs/cli.md.
            options = options with { Analysis = options.Analysis with { MaxDegreeOfParallelism = request.Jobs / todo.Count } };
        }

        using var progress = new ProgressReporter(console.Error, request.Progress, mine.Count, mine.Count - todo.Count, "recordings", request.ProgressInterval, console.Time);
        var outcome = await BatchRunner.RunAsync(todo, input => HrvFileAnalyzer.Analyze(input, options), sink, progress, request.Jobs, cancellationToken).ConfigureAwait(false);
        await sink.CompleteAsync().ConfigureAwait(false);
        progress.Finish();
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rn: wrote {path}: {outcome.Processed} recordings analysed, {mine.Count - todo.Count} already there, {outcome.WithErrors} with errors, {outcome.WithProblems - outcome.WithErrors} with warnings only."));
        return outcome.WithErrors > 0 || (request.Resume && await ResumedHadErrorsAsync(path, format, schema).ConfigureAwait(false))
            ? ExitCodes.InputProblems
            : ExitCodes.Success;
    }

    /// <summary>
    /// On resume, a recording whose file changed since its row was written (its SHA-256 differs from the row's
    /// <c>input_sha256</c>) would keep a stale row: a usage error naming it, before anything is analysed. A recording whose
    /// size and last-write time still equal its stamp (<see cref="InputStampFile"/>) is not hashed again; one without a
    /// stamp (an output made before stamps, or cut off between row and stamp) is hashed, and stamped when unchanged.
    /// </summary>
    private static void RefuseChangedInputs(string path, IReadOnlyList<InputFile> inputs, TableSink sink)
    {
        var done = sink.DoneVersions;
        if (done.Count == 0)
        {
            return;
        }

        var changed = new List<string>();
        foreach (var input in inputs)
        {
            // An empty hash is a file that could not be read then: readable now, it changed too (its failure row would stay).
            if (!done.TryGetValue(input.Id, out var written))
            {
                continue;
            }

            var before = InputStamp.Of(input.FullPath);
            if (before is { } stamp && sink.DoneStamps.TryGetValue(input.Id, out var stamped) && stamp == stamped)
            {
                continue;
            }

            string now;
            try
            {
                now = InputHashing.HashFile(input.FullPath);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                now = string.Empty; // unreadable now: changed, as far as its row can tell
            }

            if (!string.Equals(now, written, StringComparison.Ordinal))
            {
                changed.Add(input.Id);
            }
            else if (before is { } unchanged && changed.Count == 0)
            {
                sink.Stamp(input.Id, now, unchanged); // the next resume need not hash it
            }
        }

        if (changed.Count > 0)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"{path}: cannot resume: {changed.Count} recording(s) changed since their rows were written ({changed[0]} first; input_sha256 differs), and resuming would keep their old rows. Run with --overwrite to analyse everything again."));
        }
    }

    /// <summary>After a resume the exit code covers the whole table: any row with an error problem counts.</summary>
    private static async Task<bool> ResumedHadErrorsAsync(string path, TableFormat format, TableSchema schema)
    {
        var problems = schema.IndexOf("problems");
        await foreach (var row in TableReader.RowsAsync(path, format, schema).ConfigureAwait(false))
        {
            foreach (var part in row[problems].Split(" | "))
            {
                var at = part.IndexOf(": error ", StringComparison.Ordinal);
                if (at >= 0 && !part.AsSpan(at + 8).StartsWith(HrvFileAnalyzer.MetricTooShort + " ", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
