using System.Diagnostics;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Cli.Tests;

/// <summary>
/// The sbatch example of docs/cli.md on a real one-node Slurm (Debian's slurm-wlm; Slurm/slurm-cluster.sh starts
/// munge, slurmctld and slurmd): a 4-task array over the reference recordings running the built rn, then rn merge,
/// then the merged table must equal a single-process run row for row; and a job cancelled mid-run (scancel: SIGTERM,
/// as at a time limit) keeps its finished rows, and the same script submitted again completes the table. Skipped,
/// with the reason, where Slurm cannot start (not root, packages absent); ./build.sh test installs the packages, so in
/// CI it runs. The tests of this class run one after the other (one class, one collection), each on its own cluster.
/// </summary>
public sealed class SlurmArrayTests
{
    private static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "Slurm", name);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SbatchArray_FourShardsMerged_EqualASingleProcessRun()
    {
        var data = Path.Combine(SharedData.RequireDirectory(Path.Combine("reference", "hrv")), "data");
        using var temp = new TempFolder();
        await using var slurm = await Cluster.StartAsync(temp);
        var work = slurm.Work;
        var input = Path.Combine(data, "*.rr_ms.txt");

        var jobId = await slurm.SubmitAsync("0-3", input);
        var clock = Stopwatch.StartNew();
        await slurm.WaitUntilGoneAsync(jobId);

        var logs = Logs(work);
        Assert.Equal(4, Directory.GetFiles(work, "rn-hrv-*.out").Length);
        for (var task = 0; task < 4; task++)
        {
            Assert.True(File.Exists(Path.Combine(work, $"hrv.part-{task}-of-4.parquet")), $"part {task} missing; task logs:\n{logs}");
        }

        var merge = await RnRunner.InProcessAsync("merge", Path.Combine(work, "hrv.part-*-of-4.parquet"), "-o", Path.Combine(work, "hrv.parquet"));
        Assert.True(merge.ExitCode == 0, merge.Error + logs);
        var single = await RnRunner.InProcessAsync("hrv", "analyze", input, "-o", temp["single.parquet"], "--progress", "none");
        Assert.True(single.ExitCode is 0 or 1, single.Error);

        var merged = ShardMergeTests.Rows(Path.Combine(work, "hrv.parquet"));
        Assert.Equal(Directory.GetFiles(data, "*.rr_ms.txt").Length, merged.Count);
        Assert.Equal(ShardMergeTests.Rows(temp["single.parquet"]), merged);
        TestContext.Current.SendDiagnosticMessage($"Slurm array {jobId}: 4 tasks, {merged.Count} recordings, {clock.Elapsed.TotalSeconds:0.0} s from submit to empty queue.");
    }

    /// <summary>
    /// scancel ends a job as its time limit does: SIGTERM to its processes, SIGKILL KillWait seconds later. rn stops
    /// at the SIGTERM (exit 143, its message in the task's log), the rows finished before are in the journal, and the
    /// docs' script submitted again (it passes --resume) completes the table, which equals a single-process run.
    /// </summary>
    [Fact]
    public async Task SbatchJob_Cancelled_KeepsItsRows_AndTheScriptSubmittedAgainCompletesTheTable()
    {
        var recording = Path.Combine(SharedData.RequireDirectory(Path.Combine("reference", "hrv")), "data", "nsr2db_nsr001_24h.rr_ms.txt");
        Assert.True(File.Exists(recording), recording);
        using var temp = new TempFolder();
        // A cohort long enough to be cancelled mid-run: 150 day-long recordings (links to one; each its own unit).
        const int Count = 150;
        var cohort = temp["cohort"];
        Directory.CreateDirectory(cohort);
        for (var i = 0; i < Count; i++)
        {
            File.CreateSymbolicLink(Path.Combine(cohort, FormattableString.Invariant($"r{i:000}.rr_ms.txt")), recording);
        }

        await using var slurm = await Cluster.StartAsync(temp);
        var work = slurm.Work;
        var journal = Path.Combine(work, "hrv.parquet.partial.csv");

        var first = await slurm.SubmitAsync("0-0", cohort);
        var clock = Stopwatch.StartNew();
        while (!File.Exists(journal) || File.ReadLines(journal).Count() < 6)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), "no rows after 5 min:\n" + Logs(work));
            await Task.Delay(100, Ct);
        }

        var cancel = await RnRunner.ShellAsync("scancel", work, slurm.Environment, first);
        Assert.True(cancel.ExitCode == 0, cancel.Output);
        await slurm.WaitUntilGoneAsync(first);
        var log = Logs(work);
        Assert.Contains("rn: terminated (SIGTERM); run the same command with --resume to continue.", log, StringComparison.Ordinal);
        // The script's trap ran after rn had stopped: the shell outlived rn, so the step's end did not kill rn first.
        Assert.True(
            log.IndexOf("rn: terminated (SIGTERM)", StringComparison.Ordinal) < log.IndexOf("rn-hrv: SIGTERM: rn keeps the rows it finished", StringComparison.Ordinal),
            "the script's SIGTERM trap should run after rn's own message:\n" + log);
        var kept = ShardMergeTests.Rows(journal);
        Assert.InRange(kept.Count, 5, Count - 1);  // what was finished is there; the run had not finished
        Assert.False(File.Exists(Path.Combine(work, "hrv.parquet")), "the table was completed although the job was cancelled");

        var again = await slurm.SubmitAsync("0-0", cohort);
        await slurm.WaitUntilGoneAsync(again);
        log = Logs(work);
        Assert.True(File.Exists(Path.Combine(work, "hrv.parquet")), "the resubmitted job did not complete the table:\n" + log);
        // rn stopped cleanly at the SIGTERM, so every row kept is a whole unit: the resumed run analyses only the rest.
        Assert.Contains(FormattableString.Invariant($"{Count - kept.Count} {(Count - kept.Count == 1 ? "recording" : "recordings")} analysed, {kept.Count} already there"), log, StringComparison.Ordinal);

        var single = await RnRunner.InProcessAsync("hrv", "analyze", cohort, "-o", temp["single.parquet"], "--progress", "none");
        Assert.True(single.ExitCode is 0 or 1, single.Error);
        Assert.Equal(ShardMergeTests.Rows(temp["single.parquet"]), ShardMergeTests.Rows(Path.Combine(work, "hrv.parquet")));
        TestContext.Current.SendDiagnosticMessage($"Slurm job {first} cancelled after {kept.Count} of {Count} rows; job {again} completed the table ({clock.Elapsed.TotalSeconds:0.0} s).");
    }

    [Fact]
    public void Docs_ShowTheSbatchScriptTheTestRuns()
    {
        var docs = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "cli.md"));
        var script = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "tests", "RelationalNeuro.Cli.Tests", "Slurm", "rn-hrv-array.sbatch"));
        Assert.Contains(script.Trim(), docs.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>Every task log of the folder, in name order, each under its name.</summary>
    private static string Logs(string work) =>
        string.Join("\n", Directory.GetFiles(work, "rn-hrv-*.out").Order(StringComparer.Ordinal).Select(f => $"== {Path.GetFileName(f)}\n{File.ReadAllText(f)}"));

    /// <summary>A one-node cluster started for one test (Slurm/slurm-cluster.sh) and stopped after it, with the folder its jobs run in.</summary>
    private sealed class Cluster : IAsyncDisposable
    {
        private readonly TempFolder _temp;

        private Cluster(TempFolder temp) => _temp = temp;

        public Dictionary<string, string> Environment { get; } = [];

        /// <summary>The jobs' working folder (their task logs and tables), created at start.</summary>
        public string Work => _temp["work"];

        private string Folder => _temp["cluster"];

        /// <summary>Starts the cluster, or skips the test with the reason where Slurm cannot run here (never in CI).</summary>
        public static async Task<Cluster> StartAsync(TempFolder temp)
        {
            var cluster = new Cluster(temp);
            cluster.Environment["SLURM_CONF"] = Path.Combine(cluster.Folder, "slurm.conf");
            var start = await RnRunner.ShellAsync("bash", temp.Path, null, Script("slurm-cluster.sh"), "start", cluster.Folder);
            if (start.ExitCode == 3)
            {
                // CI (.ci/run sets CI=true) installs Slurm through ./build.sh test: there a cluster that cannot start is a
                // failure, not a skip.
                Assert.False(System.Environment.GetEnvironmentVariable("CI") == "true", "CI must run the Slurm tests: " + start.Output.Trim());
                Assert.Skip(start.Output.Trim());
            }

            if (start.ExitCode != 0)
            {
                await cluster.DisposeAsync();
                Assert.Fail(start.Output);
            }

            Directory.CreateDirectory(cluster.Work);
            return cluster;
        }

        /// <summary>Submits the docs' sbatch script as the array <paramref name="array"/> over <paramref name="input"/>, in <see cref="Work"/>; returns the job id.</summary>
        public async Task<string> SubmitAsync(string array, string input)
        {
            var dotnet = System.Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(p => Path.Combine(p, "dotnet")).First(File.Exists);
            var submit = await RnRunner.ShellAsync("sbatch", Work, Environment,
                "--parsable", "--array=" + array, "--chdir", Work,
                $"--export=ALL,RN={dotnet} {RnRunner.Dll},INPUT={input},OUTPUT=hrv.parquet,DOTNET_NOLOGO=1",
                Script("rn-hrv-array.sbatch"));
            Assert.True(submit.ExitCode == 0, submit.Output);
            return submit.Output.Trim().Split(';')[0];
        }

        /// <summary>Waits until the job has left the queue (finished, failed or cancelled), at most 10 minutes.</summary>
        public async Task WaitUntilGoneAsync(string jobId)
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                var queue = await RnRunner.ShellAsync("squeue", Work, Environment, "-h", "-j", jobId);
                if (queue.ExitCode != 0 || queue.Output.Trim().Length == 0)
                {
                    return;
                }

                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(10), $"job {jobId} is still queued or running after 10 min:\n{queue.Output}");
                await Task.Delay(500, Ct);
            }
        }

        public async ValueTask DisposeAsync() => await RnRunner.ShellAsync("bash", _temp.Path, null, Script("slurm-cluster.sh"), "stop", Folder);
    }
}
