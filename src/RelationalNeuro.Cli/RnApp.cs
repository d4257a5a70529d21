using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using RelationalNeuro.Cli.Commands;

namespace RelationalNeuro.Cli;

/// <summary>The <c>rn</c> command tree and its exit-code rules (docs/cli.md).</summary>
internal static class RnApp
{
    /// <summary>Builds the command tree.</summary>
    public static RootCommand Build(RnConsole console)
    {
        var hrv = new Command("hrv", "Heart-rate variability over many recordings.\n\nExample:\n  rn hrv analyze recordings/ -o hrv.csv")
        {
            HrvAnalyzeCommand.Create(console),
        };
        var synchrony = new Command("synchrony", "Dyadic heart-rhythm synchrony over many dyads.\n\nExample:\n  rn synchrony analyze dyads/ -o synchrony.csv")
        {
            SynchronyAnalyzeCommand.Create(console),
        };
        var root = new RootCommand("""
            rn: RelationalNeuro from the command line. Folders of recordings, dyads and questionnaire exports into tidy
            tables; parallel, resumable, and sharded for Slurm job arrays (docs/cli.md).

            Exit codes: 0 all inputs clean, 1 some inputs had problems (their rows say which), 2 usage error,
            74 the output could not be written (disk full, file-size limit), 129 hung up (SIGHUP), 130 interrupted
            (Ctrl+C), 143 terminated (SIGTERM); after 74, 129, 130 or 143 run the same command with --resume.

            Example:
              rn hrv analyze recordings/ -o hrv.parquet
            """)
        {
            hrv,
            synchrony,
            MergeCommand.Create(console),
            QuestionnaireCommand.Create(console),
            CortisolCommand.Create(console),
            ChangeCommand.Create(console),
        };
        return root;
    }

    /// <summary>Parses and runs; usage errors (parse errors, <see cref="UsageException"/>) exit 2.</summary>
    public static async Task<int> RunAsync(string[] args, RnConsole console, CancellationToken cancellationToken = default)
    {
        // Numbers on the command line and in every file are invariant, whatever the machine's culture (the published
        // tool also sets InvariantGlobalization; this covers hosting the commands in a process that does not).
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        try
        {
            return await RunInvariantAsync(args, console, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    private static async Task<int> RunInvariantAsync(string[] args, RnConsole console, CancellationToken cancellationToken)
    {
        var root = Build(console);
        var parse = root.Parse(args);
        // ProcessTerminationTimeout = null: System.CommandLine registers no signal handlers of its own. The caller's token
        // is the only stop (Program.cs turns SIGINT and SIGTERM into it); a second set of handlers cancelling the same
        // run raced Program's (SIGTERM came out as 130, the cancellation running before Program knew which signal came),
        // and a host that runs the commands in-process keeps its own signal handling.
        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync("rn: error: " + error.Message).ConfigureAwait(false);
            }

            var names = new List<string>();
            for (SymbolResult? result = parse.CommandResult; result is CommandResult command; result = command.Parent)
            {
                names.Insert(0, command.Command.Name);
            }

            names[0] = "rn";
            await console.Error.WriteLineAsync($"Try '{string.Join(' ', names)} --help'.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException exception)
        {
            await console.Error.WriteLineAsync("rn: error: " + exception.Message).ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Inputs that cannot be read are problems in their rows; what reaches here is the output (or the file system
            // under it) failing. Not a crash: say what failed, keep what was written, and say how to go on.
            await console.Error.WriteLineAsync(
                "rn: error: " + exception.Message + Environment.NewLine
                + "rn: what was written before is kept; once the cause is fixed (disk space, file-size limit, permissions), run the same "
                + "command again with --resume (hrv analyze, synchrony analyze) or --overwrite (the other commands).").ConfigureAwait(false);
            return ExitCodes.OutputFailed;
        }
    }
}
