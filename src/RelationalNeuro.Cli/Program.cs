using RelationalNeuro.Cli;

// Lives as long as the process and is not disposed: the Ctrl+C handler can still be running when Main has returned.
var interrupt = new CancellationTokenSource();
var interrupted = 0;
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C: start no new input, stop the analyses in flight, write the rows finished before them (BatchRunner);
    // a second one ends the process. The cancellation runs on the thread pool: its callbacks can run the rest of Main,
    // which must not happen on the signal's thread.
    e.Cancel = Interlocked.Exchange(ref interrupted, 1) == 0;
    if (e.Cancel)
    {
        ThreadPool.QueueUserWorkItem(static source => source.Cancel(), interrupt, preferLocal: false);
    }
};

try
{
    return await RnApp.RunAsync(args, RnConsole.System, interrupt.Token);
}
catch (OperationCanceledException)
{
    await Console.Error.WriteLineAsync("rn: interrupted; run the same command with --resume to continue.");
    return 130;
}
