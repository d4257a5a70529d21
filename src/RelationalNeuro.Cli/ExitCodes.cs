namespace RelationalNeuro.Cli;

/// <summary>The process exit codes every command uses (docs/cli.md, "Exit codes").</summary>
internal static class ExitCodes
{
    /// <summary>Every input was read and analysed without an error-severity problem.</summary>
    public const int Success = 0;

    /// <summary>The command ran to the end, but at least one input had an error-severity problem (its row says which).</summary>
    public const int InputProblems = 1;

    /// <summary>The command line, an option value, or the output location was wrong; nothing (more) was written.</summary>
    public const int UsageError = 2;

    /// <summary>
    /// Reading or writing failed outside the inputs, which each get their row instead — above all the output: a full disk,
    /// a file-size limit, a folder that became read-only, an I/O error (sysexits.h's EX_IOERR). What was written before
    /// stays; a batch table is resumed with <c>--resume</c> once the cause is fixed.
    /// </summary>
    public const int OutputFailed = 74;

    /// <summary>
    /// Stopped by SIGHUP (the terminal or SSH session rn ran in closed): 128 + 1. As <see cref="Interrupted"/>. A process
    /// started with SIGHUP ignored (<c>nohup</c>) keeps ignoring it.
    /// </summary>
    public const int HungUp = 129;

    /// <summary>Stopped by Ctrl+C (SIGINT): 128 + 2, as shells report it. The rows finished before are in the output.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM (Slurm's time limit or <c>scancel</c>, <c>kill</c>): 128 + 15. As <see cref="Interrupted"/>.</summary>
    public const int Terminated = 143;
}

/// <summary>
/// A mistake in how the tool was called (an option value, a missing part, options that differ from the output's).
/// Reported on stderr as "rn: error: ..." and exit code <see cref="ExitCodes.UsageError"/>.
/// </summary>
internal sealed class UsageException(string message) : Exception(message);
