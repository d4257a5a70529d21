using System.Runtime.InteropServices;
using RelationalNeuro.Cli;

// Lives as long as the process and is not disposed: a signal handler can still be running when Main has returned.
var interrupt = new CancellationTokenSource();
var stoppedWith = 0; // the exit code of the first stop signal: 130 (SIGINT, Ctrl+C), 143 (SIGTERM) or 129 (SIGHUP); 0 while none came

// First Ctrl+C or SIGTERM (what Slurm sends at a job's time limit or on scancel, and `kill` by default): start no new
// input, stop the analyses in flight, write the rows finished before them (BatchRunner); a second signal of any kind
// ends the process at once.
Console.CancelKeyPress += (_, e) => e.Cancel = Stop(ExitCodes.Interrupted);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => context.Cancel = Stop(ExitCodes.Terminated));

// SIGHUP (the terminal or SSH session closed) likewise, so the rows finished so far are recorded as a clean stop rather
// than cut off. Unlike a second Ctrl+C, a repeated SIGHUP never ends the process at once: a closing terminal sends it to
// the session leader and to the foreground process group, rn often being both. A process started with SIGHUP ignored
// (nohup) keeps it ignored: the runtime installs no handler for a signal that was ignored at start (tested).
using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
{
    Stop(ExitCodes.HungUp);
    context.Cancel = true;
});

try
{
    return await RnApp.RunAsync(args, RnConsole.System, interrupt.Token);
}
catch (OperationCanceledException)
{
    var code = Volatile.Read(ref stoppedWith);
    try
    {
        await Console.Error.WriteLineAsync(code switch
        {
            ExitCodes.Terminated => "rn: terminated (SIGTERM); run the same command with --resume to continue.",
            ExitCodes.HungUp => "rn: hung up (SIGHUP: the terminal closed); run the same command with --resume to continue.",
            _ => "rn: interrupted; run the same command with --resume to continue.",
        });
    }
    catch (IOException)
    {
        // After a hang-up the terminal may be gone; the exit code still tells.
    }

    return code == 0 ? ExitCodes.Interrupted : code;
}

// Whether this is the first stop signal (then the run is cancelled, and the signal's default action suppressed). The
// cancellation runs on the thread pool: its callbacks can run the rest of Main, which must not happen on the signal's
// thread.
bool Stop(int exitCode)
{
    if (Interlocked.CompareExchange(ref stoppedWith, exitCode, 0) != 0)
    {
        return false;
    }

    ThreadPool.QueueUserWorkItem(static source => source.Cancel(), interrupt, preferLocal: false);
    return true;
}
