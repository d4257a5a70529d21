using System.Diagnostics;
using System.Globalization;
using RelationalNeuro.Cli.Batch;
using RelationalNeuro.Cli.Tables;

namespace RelationalNeuro.Cli.Tests;

/// <summary>
/// rn interrupted (Ctrl+C, SIGINT; or SIGTERM): the batch starts no new input, the inputs in flight are stopped through
/// their cancellation token, the rows finished before them stay, the run exits 130 (143 for SIGTERM), and
/// <c>--resume</c> completes the table.
/// </summary>
public sealed class InterruptTests
{
    private static readonly TableSchema Schema = new([new TableColumn("unit", ColumnKind.Text), new TableColumn("value", ColumnKind.Integer)], "unit", null);

    [Fact]
    public async Task BatchRunner_Cancelled_StopsTheInputsInFlight_WritesTheRowsBeforeThem_AndNothingAfter()
    {
        using var temp = new TempFolder();
        using var interrupt = new CancellationTokenSource();
        using var blocked = new SemaphoreSlim(0);
        var cancelledInside = 0;

        // Two jobs. Input 0 finishes at once; inputs 1 and 2 then hold both jobs until the token is cancelled — an analysis
        // that did not get the token would never end, and the run would hang. Input 3 must never start.
        var started = new bool[4];
        UnitResult Work(int input, CancellationToken token)
        {
            started[input] = true;
            if (input > 0)
            {
                blocked.Release();
                try
                {
                    Task.Delay(Timeout.Infinite, token).GetAwaiter().GetResult();
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref cancelledInside);
                    throw;
                }
            }

            return new UnitResult([[string.Create(CultureInfo.InvariantCulture, $"u{input}"), string.Create(CultureInfo.InvariantCulture, $"{input * 10}")]], false, false);
        }

        var path = temp["o.csv"];
        Task<BatchOutcome> run;
        await using (var sink = await TableSink.OpenAsync(path, TableFormat.Csv, Schema, new TableMetadata(), resume: false, overwrite: false))
        {
            using var progress = new ProgressReporter(TextWriter.Null, ProgressMode.None, 4, 0, "units", TimeSpan.FromSeconds(10), TimeProvider.System);
            run = BatchRunner.RunAsync([0, 1, 2, 3], Work, sink, progress, jobs: 2, interrupt.Token);
            Assert.True(await blocked.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));
            Assert.True(await blocked.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));
            await interrupt.CancelAsync();

            Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken)));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }

        Assert.Equal(2, cancelledInside);
        Assert.False(started[3], "an input was started after the interrupt");
        Assert.Equal(["unit,value", "u0,0"], File.ReadAllLines(path));
    }

    /// <summary>
    /// A clean stop (<see cref="TableSink.MarkStopped"/>) keeps the last unit on resume — every unit written is whole — while
    /// a table that was only opened and written to (as when killed) loses its last unit, which may be cut off; and a
    /// resumed table that is written to again and then killed is a killed table again.
    /// </summary>
    [Fact]
    public async Task TableSink_StoppedCleanly_ResumeKeepsTheLastUnit_ButNotAfterMoreRowsWithoutAStop()
    {
        using var temp = new TempFolder();
        var path = temp["o.csv"];
        string[][] Unit(string id, int rows) => [.. Enumerable.Range(0, rows).Select(r => new[] { id, r.ToString(CultureInfo.InvariantCulture) })];

        await using (var sink = await TableSink.OpenAsync(path, TableFormat.Csv, Schema, new TableMetadata(), resume: false, overwrite: false))
        {
            sink.Write(Unit("a", 2));
            sink.Write(Unit("b", 3));
            sink.MarkStopped();
        }

        Assert.Contains(
            $"\"{TableSink.StoppedAtBytesKey}\": \"{new FileInfo(path).Length.ToString(CultureInfo.InvariantCulture)}\"",
            File.ReadAllText(path + ".meta.json"),
            StringComparison.Ordinal);
        await using (var resumed = await TableSink.OpenAsync(path, TableFormat.Csv, Schema, new TableMetadata(), resume: true, overwrite: false))
        {
            Assert.Equal(["a", "b"], resumed.Done.Order(StringComparer.Ordinal));
            Assert.Equal(5, resumed.Rows);
            Assert.DoesNotContain(TableSink.StoppedAtBytesKey, File.ReadAllText(path + ".meta.json"), StringComparison.Ordinal);  // cleared before any row
            resumed.Write(Unit("c", 2));  // ... and then killed: no stop recorded
        }

        await using (var afterKill = await TableSink.OpenAsync(path, TableFormat.Csv, Schema, new TableMetadata(), resume: true, overwrite: false))
        {
            Assert.Equal(["a", "b"], afterKill.Done.Order(StringComparer.Ordinal));  // "c" may have been cut off: redone
            Assert.Equal(5, afterKill.Rows);
        }

        Assert.Equal(["unit,value", "a,0", "a,1", "b,0", "b,1", "b,2"], File.ReadAllLines(path));
    }

    /// <summary>
    /// Where the stop cannot be recorded (here the sidecar's temporary file is blocked by a folder of that name, as a full
    /// disk or a read-only folder would block it), the stop goes on without the record, and the next resume treats the
    /// table as killed: nothing is lost, the last unit is analysed again.
    /// </summary>
    [Fact]
    public async Task TableSink_StopThatCannotBeRecorded_GoesOn_AndTheResumeRedoesTheLastUnit()
    {
        using var temp = new TempFolder();
        var path = temp["o.csv"];
        await using (var sink = await TableSink.OpenAsync(path, TableFormat.Csv, Schema, new TableMetadata(), resume: false, overwrite: false))
        {
            sink.Write([["a", "1"]]);
            sink.Write([["b", "2"]]);
            Directory.CreateDirectory(path + ".meta.json.tmp");
            sink.MarkStopped();  // no exception
        }

        Directory.Delete(path + ".meta.json.tmp");
        Assert.DoesNotContain(TableSink.StoppedAtBytesKey, File.ReadAllText(path + ".meta.json"), StringComparison.Ordinal);
        await using var resumed = await TableSink.OpenAsync(path, TableFormat.Csv, Schema, new TableMetadata(), resume: true, overwrite: false);
        Assert.Equal(["a"], resumed.Done);
    }

    /// <summary>
    /// A stop while a resume checks its inputs (hashing a large cohort takes a while) is a clean stop too: nothing was
    /// written since the table was opened, so the stop is recorded and the next resume keeps every unit.
    /// </summary>
    [Fact]
    public async Task Resume_StoppedWhileCheckingItsInputs_RecordsTheStop_AndTheNextResumeKeepsEveryUnit()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp["cohort"]);
        for (var i = 0; i < 3; i++)
        {
            temp.Write(FormattableString.Invariant($"cohort/r{i}.rr.txt"), SynchronyExpectations.Rr(400, 0, noise: 20, seed: i + 1));
        }

        string[] args = ["hrv", "analyze", temp["cohort"], "-o", temp["o.csv"], "--progress", "none"];
        var first = await RnRunner.InProcessAsync(args);
        Assert.True(first.ExitCode is 0 or 1, first.Error);

        using var stopped = new CancellationTokenSource();
        await stopped.CancelAsync();  // the signal came before the resume's check of its inputs could finish
        using (var output = new StringWriter())
        using (var error = new StringWriter())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RnApp.RunAsync([.. args, "--resume"], new RnConsole(output, error, TimeProvider.System), stopped.Token));
        }

        Assert.Contains(
            FormattableString.Invariant($"\"{TableSink.StoppedAtBytesKey}\": \"{new FileInfo(temp["o.csv"]).Length}\""),
            File.ReadAllText(temp["o.csv.meta.json"]),
            StringComparison.Ordinal);
        var resumed = await RnRunner.InProcessAsync([.. args, "--resume"]);
        Assert.True(resumed.ExitCode is 0 or 1, resumed.Error);
        Assert.Contains("0 recordings analysed, 3 already there", resumed.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// SIGINT (Ctrl+C), SIGTERM (what Slurm sends at a job's time limit or on <c>scancel</c>) and SIGHUP (the terminal or
    /// SSH session closed) stop rn the same way; the exit code is 128 + the signal's number, as a shell reports a process
    /// the signal ended.
    /// </summary>
    [Theory]
    [InlineData("INT", 130, "rn: interrupted; run the same command with --resume to continue.")]
    [InlineData("TERM", 143, "rn: terminated (SIGTERM); run the same command with --resume to continue.")]
    [InlineData("HUP", 129, "rn: hung up (SIGHUP: the terminal closed); run the same command with --resume to continue.")]
    public async Task Rn_Signal_MidBatch_KeepsTheFinishedRows_AndResumeGivesTheUninterruptedTable(string signal, int expectedExitCode, string expectedMessage)
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("Sends the signal with kill and reads /proc: Linux only.");
        }

        using var temp = new TempFolder();
        string[] args = ["synchrony", "analyze", "cohort", "-o", "o.csv", "--jobs", "1", "--progress", "plain"];
        var (exitCode, error) = await SignalMidBatchAsync(temp, signal, await WithSigintAsync(RnRunner.StartInfo(temp.Path, args)));

        Assert.Equal(expectedExitCode, exitCode);
        Assert.Contains(expectedMessage, error, StringComparison.Ordinal);
        var partial = ShardMergeTests.Rows(temp["o.csv"]);
        Assert.InRange(partial.Count, 1, 3);
        Assert.Contains("\"rn.complete\": \"false\"", File.ReadAllText(temp["o.csv.meta.json"]), StringComparison.Ordinal);

        Assert.Contains(FormattableString.Invariant($"\"{TableSink.StoppedAtBytesKey}\": \"{new FileInfo(temp["o.csv"]).Length}\""), File.ReadAllText(temp["o.csv.meta.json"]), StringComparison.Ordinal);

        var resumed = await RnRunner.ProcessAsync(temp.Path, [.. args, "--resume"]);
        Assert.True(resumed.ExitCode is 0 or 1, resumed.Error);
        // Stopped cleanly: every row written is a whole unit, so --resume keeps them all (after a kill it would analyse the
        // last one again, docs/cli.md).
        Assert.Contains(FormattableString.Invariant($"{4 - partial.Count} {(4 - partial.Count == 1 ? "dyad" : "dyads")} analysed, {partial.Count} already there"), resumed.Error, StringComparison.Ordinal);

        var fresh = await RnRunner.ProcessAsync(temp.Path, "synchrony", "analyze", "cohort", "-o", "fresh.csv", "--progress", "none");
        Assert.True(fresh.ExitCode is 0 or 1, fresh.Error);
        Assert.Equal(ShardMergeTests.Rows(temp["fresh.csv"]), ShardMergeTests.Rows(temp["o.csv"]));
    }

    /// <summary>
    /// rn started with SIGHUP ignored, as <c>nohup</c> starts it, keeps ignoring it: a hang-up in mid-batch changes nothing,
    /// and the table is complete and the same as an uninterrupted run's.
    /// </summary>
    [Fact]
    public async Task Rn_StartedWithSighupIgnored_AsByNohup_RunsToTheEnd_WhenHungUp()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("Sends the signal with kill: Linux only.");
        }

        using var temp = new TempFolder();
        string[] args = ["synchrony", "analyze", "cohort", "-o", "o.csv", "--jobs", "1", "--progress", "none"];
        var start = RnRunner.StartInfo(temp.Path, args);

        // sh's `trap '' HUP` sets SIGHUP to ignored, and exec keeps that disposition (POSIX), as nohup does.
        var wrapped = RnRunner.Through(start, "/bin/sh", "-c", "trap '' HUP; exec \"$0\" \"$@\"");
        var (exitCode, error) = await SignalMidBatchAsync(temp, "HUP", wrapped);

        Assert.True(exitCode is 0 or 1, error);
        Assert.DoesNotContain("hung up", error, StringComparison.Ordinal);
        Assert.Equal(4, ShardMergeTests.Rows(temp["o.csv"]).Count);
        Assert.Contains("\"rn.complete\": \"true\"", File.ReadAllText(temp["o.csv.meta.json"]), StringComparison.Ordinal);

        var fresh = await RnRunner.ProcessAsync(temp.Path, "synchrony", "analyze", "cohort", "-o", "fresh.csv", "--progress", "none");
        Assert.True(fresh.ExitCode is 0 or 1, fresh.Error);
        Assert.Equal(ShardMergeTests.Rows(temp["fresh.csv"]), ShardMergeTests.Rows(temp["o.csv"]));
    }

    /// <summary>
    /// Writes a cohort of four 8-h dyads, starts rn on it, sends <paramref name="signal"/> once the first row is in the
    /// table, and returns how the process ended. Skips where SIGINT cannot reach rn.
    /// </summary>
    private static async Task<(int ExitCode, string Error)> SignalMidBatchAsync(TempFolder temp, string signal, ProcessStartInfo start)
    {
        WriteCohort(temp);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await FirstRowAsync(temp, process);
        if (signal == "INT" && SigintIgnored(process.Id))
        {
            // As for a background job: the runtime then leaves SIGINT ignored, so there is nothing to test here.
            process.Kill();
            Assert.Skip("SIGINT is ignored in processes started by this test host (inherited) and env --default-signal is missing, so rn cannot receive it.");
        }

        var kill = await RnRunner.ShellAsync("/bin/sh", temp.Path, null, "-c", FormattableString.Invariant($"kill -{signal} {process.Id}"));
        Assert.Equal(0, kill.ExitCode);
        var exited = process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Same(exited, await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken)));
        return (process.ExitCode, await stderr);
    }

    /// <summary>
    /// A real hang-up: rn runs on a pseudo-terminal (util-linux <c>script</c>), showing its progress bar there, and the
    /// terminal goes away (<c>script</c>, which holds its other end, is killed); every write to it fails from then on
    /// (EIO). The kernel sends SIGHUP to the session leader, the shell. <b>Passed on</b>: the shell passes it to rn, as an
    /// interactive shell passes it to its jobs; rn stops cleanly (exit 129, the stop recorded) and <c>--resume</c>
    /// completes the table. <b>Disowned</b> (<c>rn … &amp; disown</c>, then the SSH session closed): rn gets no SIGHUP and
    /// runs to the end although its progress bar can no longer be written (it used to die on the first such write).
    /// </summary>
    [Theory]
    [InlineData("passed on")]
    [InlineData("disowned")]
    public async Task Rn_OnATerminalThatCloses_StopsCleanlyOrFinishes_AndTheTableIsTheUninterruptedOne(string hangUp)
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("Uses util-linux script and kill: Linux only.");
        }

        using var temp = new TempFolder();
        if ((await RnRunner.ShellAsync("/bin/sh", temp.Path, null, "-c", "command -v script")).ExitCode != 0)
        {
            Assert.Skip("Needs util-linux script (to run rn on a pseudo-terminal).");
        }

        WriteCohort(temp);
        var start = RnRunner.StartInfo(temp.Path, "synchrony", "analyze", "cohort", "-o", "o.csv", "--jobs", "1", "--progress", "bar");

        // The shell on the terminal lives on to write rn's exit code (the second wait gets it after the trap ran).
        var command = (hangUp == "passed on" ? "trap 'kill -HUP $rn' HUP; " : "trap '' HUP; ")
            + string.Join(' ', new[] { start.FileName }.Concat(start.ArgumentList).Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"))
            + " & rn=$!; wait $rn; wait $rn; echo $? > exit-code.tmp && mv exit-code.tmp exit-code";
        var terminal = new ProcessStartInfo("script") { WorkingDirectory = temp.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["-q", "-f", "-c", command, "/dev/null"])
        {
            terminal.ArgumentList.Add(arg);
        }

        terminal.Environment["DOTNET_NOLOGO"] = "1";
        terminal.Environment["SHELL"] = "/bin/sh";  // what script runs the command with
        using (var process = Process.Start(terminal)!)
        {
            _ = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            _ = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await FirstRowAsync(temp, process);
            process.Kill();  // SIGKILL: the terminal's master side closes, the kernel hangs it up
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var deadline = Stopwatch.StartNew();
        while (!File.Exists(temp["exit-code"]) && deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        var exitCode = File.ReadAllText(temp["exit-code"]).Trim();
        var rows = ShardMergeTests.Rows(temp["o.csv"]).Count;
        if (hangUp == "passed on")
        {
            Assert.Equal("129", exitCode);
            Assert.InRange(rows, 1, 3);
            Assert.Contains(FormattableString.Invariant($"\"{TableSink.StoppedAtBytesKey}\": \"{new FileInfo(temp["o.csv"]).Length}\""), File.ReadAllText(temp["o.csv.meta.json"]), StringComparison.Ordinal);
            var resumed = await RnRunner.ProcessAsync(temp.Path, "synchrony", "analyze", "cohort", "-o", "o.csv", "--jobs", "1", "--progress", "bar", "--resume");
            Assert.True(resumed.ExitCode is 0 or 1, resumed.Error);
        }
        else
        {
            Assert.True(exitCode is "0" or "1", $"rn ended with exit code {exitCode}");
            Assert.Equal(4, rows);
            Assert.Contains("\"rn.complete\": \"true\"", File.ReadAllText(temp["o.csv.meta.json"]), StringComparison.Ordinal);
        }

        var fresh = await RnRunner.ProcessAsync(temp.Path, "synchrony", "analyze", "cohort", "-o", "fresh.csv", "--progress", "none");
        Assert.True(fresh.ExitCode is 0 or 1, fresh.Error);
        Assert.Equal(ShardMergeTests.Rows(temp["fresh.csv"]), ShardMergeTests.Rows(temp["o.csv"]));
    }

    /// <summary>Four dyads of two 8-h recordings (36,000 beats): long enough that a signal finds a dyad in flight.</summary>
    private static void WriteCohort(TempFolder temp)
    {
        Directory.CreateDirectory(temp["cohort"]);
        for (var d = 0; d < 4; d++)
        {
            temp.Write(FormattableString.Invariant($"cohort/d{d}.a.rr.txt"), SynchronyExpectations.Rr(36_000, 0, noise: 20, seed: (2 * d) + 1));
            temp.Write(FormattableString.Invariant($"cohort/d{d}.b.rr.txt"), SynchronyExpectations.Rr(36_000, 2, noise: 20, seed: (2 * d) + 2));
        }
    }

    /// <summary>Waits until the table holds its first row while <paramref name="process"/> still runs.</summary>
    private static async Task FirstRowAsync(TempFolder temp, Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(3) && (!File.Exists(temp["o.csv"]) || File.ReadAllLines(temp["o.csv"]).Length < 2))
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.False(process.HasExited, "rn finished before it could be interrupted; the cohort is too small for this machine.");
    }

    /// <summary>
    /// rn started through <c>env --default-signal=INT</c> (GNU coreutils 8.31 and later) where that exists: a test host
    /// started as a background job of a non-interactive shell passes SIGINT on as ignored, and a process that starts with
    /// SIGINT ignored keeps it so (POSIX shells cannot reset it; the .NET runtime leaves it alone).
    /// </summary>
    private static async Task<ProcessStartInfo> WithSigintAsync(ProcessStartInfo start)
    {
        var (code, _) = await RnRunner.ShellAsync("env", start.WorkingDirectory, null, "--default-signal=INT", "true");
        if (code != 0)
        {
            return start;
        }

        return RnRunner.Through(start, "env", "--default-signal=INT");
    }

    /// <summary>Whether SIGINT (signal 2) is in the process's ignored set (<c>SigIgn</c> of /proc/&lt;pid&gt;/status).</summary>
    private static bool SigintIgnored(int pid)
    {
        var line = File.ReadLines(FormattableString.Invariant($"/proc/{pid}/status")).First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var mask = ulong.Parse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return (mask & (1UL << 1)) != 0;
    }
}
