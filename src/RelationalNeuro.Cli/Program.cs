using RelationalNeuro.Cli;

using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C: start no new input, stop the analyses in flight, write the rows finished before them (BatchRunner);
    // a second one ends the process.
    e.Cancel = !interrupt.IsCancellationRequested;
    interrupt.Cancel();
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
