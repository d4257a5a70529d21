using System.CommandLine;
using System.Globalization;
using RelationalNeuro.Cli.Batch;
using RelationalNeuro.Cli.Hrv;
using RelationalNeuro.Io;

namespace RelationalNeuro.Cli.Commands;

/// <summary>
/// The options of the analyze commands that read RR files in batches (<c>rn hrv analyze</c>, <c>rn synchrony analyze</c>):
/// output, reading, parallelism, resume, shards and progress, and the <see cref="BatchRequest"/> they make.
/// </summary>
internal sealed class BatchCommandOptions
{
    /// <param name="noun">What a unit is called in the help, singular (<c>recording</c>, <c>dyad</c>).</param>
    /// <param name="inputs">The help of the inputs argument.</param>
    /// <param name="inputsArity">One or more, or (where a manifest can name the inputs instead) zero or more.</param>
    public BatchCommandOptions(string noun, string inputs, ArgumentArity inputsArity)
    {
        Inputs = new Argument<string[]>("inputs") { Description = inputs, Arity = inputsArity };
        var nouns = char.ToUpperInvariant(noun[0]) + noun[1..] + "s";
        Jobs = new Option<int>("--jobs", "-j") { Description = $"{nouns} analysed in parallel (default: the number of cores, or SLURM_CPUS_PER_TASK).", HelpName = "n" };
        Resume = new Option<bool>("--resume") { Description = $"Continue an output: {noun}s already in it are skipped, a {noun} cut off by a kill is redone; a {noun} whose file changed since its row was written stops the resume (exit 2)." };
    }

    /// <summary>Files, folders and globs.</summary>
    public Argument<string[]> Inputs { get; }

    public Option<string> Output { get; } = CommonOptions.Output("The table to write: .csv, .jsonl or .parquet. With --shard I/N, .part-I-of-N is inserted before the extension.");

    public Option<string?> Format { get; } = CommonOptions.Format();

    public Option<string> InputFormat { get; } = new("--input-format") { Description = "auto (.csv/.tsv as CSV, anything else as Kubios-style text), single-column, csv, kubios-text.", DefaultValueFactory = _ => "auto", HelpName = "format" };

    public Option<string> Unit { get; } = new("--unit") { Description = "Unit of the RR values: auto (header, else median < 10 means seconds), milliseconds, seconds.", DefaultValueFactory = _ => "auto", HelpName = "auto|milliseconds|seconds" };

    public Option<string?> Column { get; } = new("--column") { Description = "The RR column of CSV files (default: the first named rr/rri/ibi/nn/interval).", HelpName = "name" };

    public Option<string[]> Include { get; } = new("--include") { Description = "File patterns for folders (default *.txt *.csv *.tsv *.rr *.hrv).", HelpName = "pattern", AllowMultipleArgumentsPerToken = true };

    public Option<int> Jobs { get; }

    public Option<bool> Resume { get; }

    public Option<bool> Overwrite { get; } = CommonOptions.Overwrite();

    public Option<string?> Shard { get; } = new("--shard") { Description = "Process shard I of N (0-based) of the sorted inputs — inputs I, I+N, I+2N, ... — into its own part file; join the parts with rn merge.", HelpName = "I/N" };

    public Option<string> Progress { get; } = CommonOptions.Progress();

    public Option<double> ProgressInterval { get; } = CommonOptions.ProgressInterval();

    /// <summary>How RR files are read, from <c>--input-format</c>, <c>--unit</c> and <c>--column</c>.</summary>
    public RrInputOptions InputOptions(ParseResult parse) => new()
    {
        Format = parse.GetValue(InputFormat)!.ToLowerInvariant() is "auto" ? null : HrvBatchOptions.ParseKebab<RrFormat>("--input-format", parse.GetValue(InputFormat)!),
        Read = RrReadOptions.Default with
        {
            Unit = HrvBatchOptions.ParseKebab<RrUnit>("--unit", parse.GetValue(Unit)!),
            ColumnName = parse.GetValue(Column),
        },
    };

    /// <summary>The request; <c>--jobs 0</c> (the default) is SLURM_CPUS_PER_TASK, else the core count.</summary>
    public BatchRequest Request(ParseResult parse, IReadOnlyList<string> inputs)
    {
        var jobCount = parse.GetValue(Jobs);
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

        var includes = parse.GetValue(Include) is { Length: > 0 } given ? given : InputFiles.DefaultIncludes;
        return new BatchRequest(
            inputs,
            includes,
            parse.GetValue(Output)!,
            parse.GetValue(Format),
            parse.GetValue(Shard),
            jobCount,
            parse.GetValue(Resume),
            parse.GetValue(Overwrite),
            CommonOptions.ParseProgress(parse.GetValue(Progress)!),
            TimeSpan.FromSeconds(Math.Max(0.05, parse.GetValue(ProgressInterval))));
    }
}
