using System.CommandLine;
using RelationalNeuro.Cli.Batch;
using RelationalNeuro.Cli.Hrv;
using RelationalNeuro.Hrv;

namespace RelationalNeuro.Cli.Commands;

/// <summary><c>rn hrv analyze</c>: a folder of RR files into one table (docs/cli.md).</summary>
internal static class HrvAnalyzeCommand
{
    public static Command Create(RnConsole console)
    {
        var batch = new BatchCommandOptions("recording", "RR files, folders (searched recursively for --include) and globs (data/**/*.txt; quote them).", ArgumentArity.OneOrMore);
        var window = new Option<string?>("--window") { Description = "One row per consecutive window of this length (300, 5m, 1h) instead of per recording; a trailing part shorter than a window is left out.", HelpName = "duration" };
        var artifacts = new Option<string>("--artifacts") { Description = "Artifact method: default (Lipponen–Tarvainen + absolute range; the sinus-rhythm detector where premature beats are frequent), lipponen-tarvainen, absolute-range, malik, kamath, karlsson, acar, sinus-rhythm (for whole Holter days with frequent ectopy).", DefaultValueFactory = _ => "default", HelpName = "method" };
        var correction = new Option<string>("--correction") { Description = "What happens to flagged beats: correct (interpolate), remove, flag-only.", DefaultValueFactory = _ => "correct", HelpName = "correct|remove|flag-only" };
        var spectral = new Option<string?>("--spectral") { Description = "Spectral method: welch or lomb-scargle (overrides the preset's).", HelpName = "welch|lomb-scargle" };
        var preset = new Option<string>("--spectral-preset") { Description = "Spectral settings: default, pyhrv-welch, hrvanalysis-welch, hrvanalysis-lomb, neurokit2-welch (docs/hrv-frequency.md).", DefaultValueFactory = _ => "default", HelpName = "name" };
        var entropy = new Option<string>("--entropy") { Description = "Sample and approximate entropy: on or off (off is ~3x faster on 24-h recordings).", DefaultValueFactory = _ => "on", HelpName = "on|off" };
        var frequency = new Option<string>("--frequency") { Description = "Frequency domain: on or off.", DefaultValueFactory = _ => "on", HelpName = "on|off" };
        var screening = new Option<string>("--rhythm-screening") { Description = "Screen each recording for sustained irregular rhythm (atrial fibrillation; an artifacts.irregular-rhythm problem in its row): on or off (off runs the artifact method alone, as NeuroKit2's signal_fixpeaks does).", DefaultValueFactory = _ => "on", HelpName = "on|off" };
        var dfa = new Option<string>("--dfa") { Description = "Detrended fluctuation analysis: on or off.", DefaultValueFactory = _ => "on", HelpName = "on|off" };

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
            batch.Inputs, batch.Output, batch.Format, window, artifacts, correction, screening, spectral, preset, entropy, frequency, dfa,
            batch.InputFormat, batch.Unit, batch.Column, batch.Include, batch.Jobs, batch.Resume, batch.Overwrite, batch.Shard, batch.Progress, batch.ProgressInterval,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new HrvBatchOptions();
            var artifactOptions = ArtifactOptions.Default with
            {
                Method = HrvBatchOptions.ParseKebab<ArtifactMethod>("--artifacts", parse.GetValue(artifacts)!),
                Correction = HrvBatchOptions.ParseKebab<ArtifactCorrection>("--correction", parse.GetValue(correction)!),
                ScreenIrregularRhythm = CommonOptions.OnOff("--rhythm-screening", parse.GetValue(screening)!),
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

            options = options with
            {
                Analysis = HrvAnalysisOptions.Default with
                {
                    Artifacts = artifactOptions,
                    FrequencyDomain = spectralOptions,
                    IncludeEntropy = CommonOptions.OnOff("--entropy", parse.GetValue(entropy)!),
                    IncludeFrequencyDomain = CommonOptions.OnOff("--frequency", parse.GetValue(frequency)!),
                    IncludeDfa = CommonOptions.OnOff("--dfa", parse.GetValue(dfa)!),
                },
                SpectralPreset = presetName,
                WindowSeconds = parse.GetValue(window) is { } w ? HrvBatchOptions.ParseDuration("--window", w) : null,
                Input = batch.InputOptions(parse),
            };

            var request = batch.Request(parse, parse.GetValue(batch.Inputs)!);
            return await RunAsync(request, options, console, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    internal static Task<int> RunAsync(BatchRequest request, HrvBatchOptions options, RnConsole console, CancellationToken cancellationToken)
    {
        var all = InputFiles.Expand(request.Inputs, request.Includes);
        var plan = new BatchPlan(
            "hrv analyze",
            "recording",
            HrvRows.Schema(options.WindowSeconds is not null),
            all.Select(i => new BatchUnit(i.Id, [i])).ToList(),
            all.Select(i => i.FullPath),
            InputFiles.Fingerprint(all.Select(i => i.Id)),
            options.WriteTo,
            todo =>
            {
                // Fewer recordings than jobs (e.g. one file): the idle cores take stages of each analysis (the same rows; a
                // batch with a recording per job is unchanged). HrvAnalysisOptions.MaxDegreeOfParallelism, docs/cli.md.
                var run = todo > 0 && todo < request.Jobs
                    ? options with { Analysis = options.Analysis with { MaxDegreeOfParallelism = request.Jobs / todo } }
                    : options;
                return (unit, cancellationToken) => HrvFileAnalyzer.Analyze(unit.Files[0]!, run, cancellationToken);
            },
            code => code != HrvFileAnalyzer.MetricTooShort);
        return AnalyzeBatch.RunAsync(request, plan, console, cancellationToken);
    }
}
