using System.CommandLine;
using System.Globalization;
using RelationalNeuro.Cli.Batch;
using RelationalNeuro.Cli.Hrv;
using RelationalNeuro.Cli.Synchrony;
using RelationalNeuro.Hrv;
using RelationalNeuro.Synchrony;

namespace RelationalNeuro.Cli.Commands;

/// <summary><c>rn synchrony analyze</c>: a cohort of dyads (two RR files each) into one table (docs/cli.md).</summary>
internal static class SynchronyAnalyzeCommand
{
    public static Command Create(RnConsole console)
    {
        var batch = new BatchCommandOptions(
            "dyad",
            "RR files, folders (searched recursively for --include) and globs, paired by name: <dyad>.a.<rest> with <dyad>.b.<rest> in the same folder. Not with --pairs.",
            ArgumentArity.ZeroOrMore);
        var dyadId = new Option<string>("--dyad-id") { Description = "Pairing by name: the dyad id is the name part only (name: d07, as a manifest would give it) or the folder as given and the name (folder: site1/d07, so that sites with the same names are separate dyads).", DefaultValueFactory = _ => "name", HelpName = "name|folder" };
        var pairs = new Option<string?>("--pairs") { Description = "A manifest CSV with the columns dyad,a,b (one row per dyad; paths relative to the manifest's folder) instead of pairing by name.", HelpName = "manifest.csv" };
        var rate = Seconds("--rate", "Grid rate of the aligned inter-beat signals in Hz (DyadAlignmentOptions.SampleRateHz).", "4", "hz");
        var signal = new Option<string>("--signal") { Description = "The signal put on the grid: ibi (inter-beat interval in ms, as rMEA and SUSY) or hr (heart rate in bpm).", DefaultValueFactory = _ => "ibi", HelpName = "ibi|hr" };
        var artifacts = new Option<string>("--artifacts") { Description = "Artifact correction of each member before alignment: default (Lipponen–Tarvainen + absolute range; the sinus-rhythm detector where premature beats are frequent), lipponen-tarvainen, absolute-range, malik, kamath, karlsson, acar, sinus-rhythm, or off (RR values as given, as the reference tools).", DefaultValueFactory = _ => "default", HelpName = "method|off" };
        var minOverlap = Seconds("--min-overlap", "Shortest usable overlap of the two recordings in s; below it the dyad has sync.too-little-overlap.", "60");
        var maxGap = Seconds("--max-gap", "An RR interval longer than this (s) inside the overlap is a gap, bridged and reported (sync.gap).", "3");
        var hrv = new Option<string>("--hrv") { Description = "Each member's HRV (mean NN, SDNN, RMSSD columns): on or off.", DefaultValueFactory = _ => "on", HelpName = "on|off" };
        var window = Seconds("--wlcc-window", "Windowed cross-correlation: window length in s (rMEA winSec).", "30");
        var increment = Seconds("--wlcc-increment", "Windowed cross-correlation: step between window starts in s (rMEA incSec).", "15");
        var maxLag = Seconds("--wlcc-max-lag", "Windowed cross-correlation: largest lag each way in s (rMEA lagSec; 0 = lag 0 only).", "5");
        var transform = new Option<string>("--wlcc-transform") { Description = "Windowed cross-correlation cells: abs-z (|Fisher z|, rMEA's default), z, abs-r or r (signed Pearson r, the form to read a lag from).", DefaultValueFactory = _ => "abs-z", HelpName = "abs-z|z|abs-r|r" };
        var bestLag = new Option<string>("--wlcc-best-lag") { Description = "Each window's lag: global-maximum (rMEA) or peak-nearest-zero (Boker et al. 2002).", DefaultValueFactory = _ => "global-maximum", HelpName = "global-maximum|peak-nearest-zero" };
        var segment = Seconds("--susy-segment", "Surrogate synchrony: segment length in s (SUSY segment).", "30");
        var susyLag = Seconds("--susy-max-lag", "Surrogate synchrony: largest lag each way in s (SUSY maxlag).", "3");
        var quantile = Seconds("--chance-quantile", "Quantile of the surrogate pairs a segment must exceed to count as above chance.", "0.95", "q");
        var leader = Seconds("--leader-threshold", "A median best lag smaller than this (s) names no leader.", "0.5");
        var nameA = new Option<string>("--name-a") { Description = "What the verdict calls member A (e.g. \"the therapist\").", DefaultValueFactory = _ => "A", HelpName = "text" };
        var pseudo = new Option<string?>("--pseudo-dyads") { Description = "Also compare the real dyads with every pseudo-dyad of the cohort (members of different dyads paired, rMEA shuffle) on the windowed cross-correlation grand average, into this JSON file. Not with --shard.", HelpName = "file.json" };
        var keepRoles = new Option<bool>("--pseudo-keep-roles") { Description = "Pseudo-dyads pair an A only with a B (rMEA keepRoles = TRUE); default: every two members of different dyads." };
        var nameB = new Option<string>("--name-b") { Description = "What the verdict calls member B (e.g. \"the client\").", DefaultValueFactory = _ => "B", HelpName = "text" };

        var command = new Command("analyze", """
            Analyse dyads: two people's RR recordings, one row per dyad with the library's dyad report (alignment,
            windowed lagged cross-correlation as rMEA, surrogate synchrony as SUSY, verdict and leader; units in the
            column names) and problems. Files pair by name, <dyad>.a.<rest> with <dyad>.b.<rest> in one folder, or by a
            manifest (--pairs, columns dyad,a,b). A file without its partner, a dyad given twice, a missing or bad
            file never stops the batch: its dyad's row carries the problems. Exit code 0 = every dyad clean, 1 = some had
            error-severity problems, 2 = usage error.

            Examples:
              rn synchrony analyze dyads/ -o synchrony.csv
              rn synchrony analyze 'cohort/**/*.rr_ms.txt' -o synchrony.parquet --jobs 8 --hrv off
              rn synchrony analyze --pairs pairs.csv -o synchrony.jsonl --wlcc-transform r --wlcc-max-lag 3
              rn synchrony analyze dyads/ -o synchrony.parquet --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT
              rn synchrony analyze dyads/ -o synchrony.csv --resume
              rn synchrony analyze dyads/ -o synchrony.csv --pseudo-dyads pseudo.json
            """)
        {
            batch.Inputs, batch.Output, batch.Format, pairs, dyadId, rate, signal, artifacts, minOverlap, maxGap, hrv, window, increment, maxLag,
            transform, bestLag, segment, susyLag, quantile, leader, nameA, nameB, pseudo, keepRoles,
            batch.InputFormat, batch.Unit, batch.Column, batch.Include, batch.Jobs, batch.Resume, batch.Overwrite, batch.Shard, batch.Progress, batch.ProgressInterval,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var transformText = parse.GetValue(transform)!.ToLowerInvariant();
            if (transformText is not ("abs-z" or "z" or "abs-r" or "r"))
            {
                throw new UsageException($"--wlcc-transform {transformText}: expected abs-z, z, abs-r or r.");
            }

            var artifactText = parse.GetValue(artifacts)!;
            var signalText = parse.GetValue(signal)!.ToLowerInvariant();
            var analysis = DyadAnalysisOptions.Default with
            {
                Alignment = DyadAlignmentOptions.Default with
                {
                    SampleRateHz = Positive(parse, rate, max: 1000),
                    Signal = signalText switch
                    {
                        "ibi" => DyadSignal.InterBeatIntervalMs,
                        "hr" => DyadSignal.HeartRateBpm,
                        _ => throw new UsageException($"--signal {signalText}: expected ibi or hr."),
                    },
                    Artifacts = artifactText.Equals("off", StringComparison.OrdinalIgnoreCase)
                        ? null
                        : new ArtifactOptions { Method = HrvBatchOptions.ParseKebab<ArtifactMethod>("--artifacts", artifactText) },
                    MinimumOverlapSeconds = Positive(parse, minOverlap),
                    MaximumGapSeconds = Positive(parse, maxGap),
                },
                Hrv = CommonOptions.OnOff("--hrv", parse.GetValue(hrv)!) ? HrvAnalysisOptions.Default : null,
                Windowed = WindowedCrossCorrelationOptions.Rmea with
                {
                    WindowSeconds = Positive(parse, window),
                    IncrementSeconds = Positive(parse, increment),
                    MaxLagSeconds = NonNegative(parse, maxLag),
                    FisherZ = transformText.EndsWith('z'),
                    AbsoluteValues = transformText.StartsWith("abs-", StringComparison.Ordinal),
                    BestLag = HrvBatchOptions.ParseKebab<BestLagRule>("--wlcc-best-lag", parse.GetValue(bestLag)!),
                },
                Surrogate = SurrogateSynchronyOptions.Susy with
                {
                    SegmentSeconds = Positive(parse, segment),
                    MaxLagSeconds = NonNegative(parse, susyLag),
                    ChanceQuantile = Positive(parse, quantile, max: 1),
                },
                LeaderThresholdSeconds = NonNegative(parse, leader),
                NameA = parse.GetValue(nameA)!,
                NameB = parse.GetValue(nameB)!,
            };
            string Given(params Option<string>[] given) => string.Join(", ", given.Select(o => o.Name + " " + parse.GetValue(o)));
            CheckOptions(analysis, Given(window, increment, maxLag, rate), Given(segment, susyLag, rate));

            var manifest = parse.GetValue(pairs);
            var given = parse.GetValue(batch.Inputs) ?? [];
            if (manifest is not null && given.Length > 0)
            {
                throw new UsageException($"--pairs {manifest}: give either a manifest or input files ({given[0]}), not both.");
            }

            if (manifest is null && given.Length == 0)
            {
                throw new UsageException("inputs: name the RR files, folders or globs to pair by name, or a manifest with --pairs.");
            }

            var idText = parse.GetValue(dyadId)!.ToLowerInvariant();
            if (idText is not ("name" or "folder"))
            {
                throw new UsageException($"--dyad-id {idText}: expected name or folder.");
            }

            if (idText == "folder" && manifest is not null)
            {
                throw new UsageException($"--dyad-id folder: a manifest ({manifest}) names its dyads itself; --dyad-id applies to pairing by name.");
            }

            var pairing = manifest is not null ? "manifest" : idText == "folder" ? "names-with-folders" : "names";
            var options = new SynchronyBatchOptions { Analysis = analysis, Input = batch.InputOptions(parse), Pairing = pairing };
            var request = batch.Request(parse, given);
            var pseudoPath = parse.GetValue(pseudo);
            if (pseudoPath is not null && request.Shard is not null)
            {
                throw new UsageException($"--pseudo-dyads {pseudoPath}: pseudo-dyads need the whole cohort; run it without --shard (after rn merge, over the same inputs).");
            }

            if (pseudoPath is not null && File.Exists(pseudoPath) && !request.Overwrite && !request.Resume)
            {
                throw new UsageException($"--pseudo-dyads {pseudoPath} exists; pass --overwrite to replace it (or --resume, which writes it again).");
            }

            var code = await RunAsync(request, manifest, options, console, cancellationToken).ConfigureAwait(false);
            if (pseudoPath is not null)
            {
                var dyads = Pairing(request, manifest, options);
                var c = PseudoDyadSummary.Write(pseudoPath, dyads, options, parse.GetValue(keepRoles), request, console, cancellationToken);
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"rn: wrote {pseudoPath}: {c.RealCount} real dyads (mean {c.RealMean:0.####}) against {c.PseudoCount} pseudo-dyads (mean {c.PseudoMean:0.####}), Cohen's d {(c.CohensD is { } d ? d.ToString("0.###", CultureInfo.InvariantCulture) : "undefined")}."));
            }

            return code;
        });
        return command;
    }

    internal static Task<int> RunAsync(BatchRequest request, string? manifest, SynchronyBatchOptions options, RnConsole console, CancellationToken cancellationToken)
    {
        var dyads = Pairing(request, manifest, options);
        var byId = dyads.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var plan = new BatchPlan(
            "synchrony analyze",
            "dyad",
            SynchronyRows.Schema,
            dyads.Select(d => new BatchUnit(d.Id, [d.A, d.B], d.Settings)).ToList(),
            dyads.SelectMany(d => new[] { d.A?.FullPath, d.B?.FullPath, d.Line is null ? null : manifest }).OfType<string>(),
            InputFiles.Fingerprint(dyads.Select(d => d.BStartSeconds == 0 ? string.Join('\t', d.Id, d.A?.Id, d.B?.Id) : string.Join('\t', d.Id, d.A?.Id, d.B?.Id, d.Settings))),
            options.WriteTo,
            _ => (unit, cancellationToken) => DyadFileAnalyzer.Analyze(byId[unit.Id], options, cancellationToken),
            code => code != HrvFileAnalyzer.MetricTooShort);
        return AnalyzeBatch.RunAsync(request, plan, console, cancellationToken);
    }

    private static IReadOnlyList<DyadInput> Pairing(BatchRequest request, string? manifest, SynchronyBatchOptions options) =>
        manifest is null
            ? DyadPairing.ByName(InputFiles.Expand(request.Inputs, request.Includes), withFolder: options.Pairing == "names-with-folders")
            : DyadPairing.FromManifest(manifest);

    private static Option<string> Seconds(string name, string description, string defaultValue, string helpName = "seconds") =>
        new(name) { Description = description, DefaultValueFactory = _ => defaultValue, HelpName = helpName };

    private static double Positive(ParseResult parse, Option<string> option, double max = double.MaxValue) =>
        Parse(parse, option, v => v > 0 && v <= max, max == double.MaxValue ? "a positive number" : string.Create(CultureInfo.InvariantCulture, $"a number above 0 and at most {max}"));

    private static double NonNegative(ParseResult parse, Option<string> option) => Parse(parse, option, v => v >= 0, "a number of at least 0");

    private static double Parse(ParseResult parse, Option<string> option, Func<double, bool> valid, string expected)
    {
        var text = parse.GetValue(option)!;
        var trimmed = text.Trim();
        if (trimmed.EndsWith('s') && option.HelpName == "seconds")
        {
            trimmed = trimmed[..^1];
        }

        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && valid(value)
            ? value
            : throw new UsageException($"{option.Name} {text}: expected {expected}.");
    }

    /// <summary>
    /// Options the library refuses (a window shorter than 3 samples, a segment shorter than twice its lag, a lag beyond
    /// the library's limit) are usage errors before any dyad is read, not a failure in every row: one small dyad is
    /// analysed with them, each stage's options on their own first so that the message names the options at fault.
    /// </summary>
    private static void CheckOptions(DyadAnalysisOptions options, string windowed, string surrogate)
    {
        Probe(options with { Surrogate = SurrogateSynchronyOptions.Susy }, windowed);
        Probe(options with { Windowed = WindowedCrossCorrelationOptions.Rmea }, surrogate);
        Probe(options, "the options");
    }

    private static void Probe(DyadAnalysisOptions options, string given)
    {
        var rr = Enumerable.Range(0, 200).Select(i => 800.0 + (i % 7 * 10)).ToArray();
        try
        {
            DyadAnalysis.Analyze(rr, rr, options with { Hrv = null, Alignment = options.Alignment with { Artifacts = null } });
        }
        catch (ArgumentException exception)
        {
            throw new UsageException($"{given}: out of range for the library: {exception.Message.ReplaceLineEndings(" ")}");
        }
    }
}
