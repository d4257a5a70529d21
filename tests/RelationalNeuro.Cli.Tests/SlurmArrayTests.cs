using System.Diagnostics;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Cli.Tests;

/// <summary>
/// The sbatch example of docs/cli.md on a real one-node Slurm (Debian's slurm-wlm; Slurm/slurm-cluster.sh starts
/// munge, slurmctld and slurmd): a 4-task array over the reference recordings running the built rn, then rn merge,
/// then the merged table must equal a single-process run row for row. Skipped, with the reason, where Slurm cannot
/// start (not root, packages absent); ./build.sh test installs the packages, so in CI it runs.
/// </summary>
public sealed class SlurmArrayTests
{
    private static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "Slurm", name);

    [Fact]
    public async Task SbatchArray_FourShardsMerged_EqualASingleProcessRun()
    {
        var data = Path.Combine(SharedData.RequireDirectory(Path.Combine("reference", "hrv")), "data");
        using var temp = new TempFolder();
        var cluster = temp["cluster"];
        var start = await RnRunner.ShellAsync("bash", temp.Path, null, Script("slurm-cluster.sh"), "start", cluster);
        if (start.ExitCode == 3)
        {
            // CI (.ci/run sets CI=true) installs Slurm through ./build.sh test: there a cluster that cannot start is a
            // failure, not a skip.
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "CI must run the Slurm array test: " + start.Output.Trim());
            Assert.Skip(start.Output.Trim());
        }

        try
        {
            Assert.True(start.ExitCode == 0, start.Output);
            var work = temp["work"];
            Directory.CreateDirectory(work);
            var input = Path.Combine(data, "*.rr_ms.txt");
            var environment = new Dictionary<string, string> { ["SLURM_CONF"] = Path.Combine(cluster, "slurm.conf") };
            var dotnet = Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(p => Path.Combine(p, "dotnet")).First(File.Exists);

            var submit = await RnRunner.ShellAsync("sbatch", work, environment,
                "--parsable", "--array=0-3", "--chdir", work,
                $"--export=ALL,RN={dotnet} {RnRunner.Dll},INPUT={input},OUTPUT=hrv.parquet,DOTNET_NOLOGO=1",
                Script("rn-hrv-array.sbatch"));
            Assert.True(submit.ExitCode == 0, submit.Output);
            var jobId = submit.Output.Trim().Split(';')[0];

            var clock = Stopwatch.StartNew();
            while (true)
            {
                var queue = await RnRunner.ShellAsync("squeue", work, environment, "-h", "-j", jobId);
                if (queue.ExitCode != 0 || queue.Output.Trim().Length == 0)
                {
                    break;
                }

                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(10), $"the array is still queued or running after 10 min:\n{queue.Output}");
                await Task.Delay(500, TestContext.Current.CancellationToken);
            }

            var logs = string.Join("\n", Directory.GetFiles(work, "rn-hrv-*.out").Order(StringComparer.Ordinal).Select(f => $"== {Path.GetFileName(f)}\n{File.ReadAllText(f)}"));
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
        finally
        {
            await RnRunner.ShellAsync("bash", temp.Path, null, Script("slurm-cluster.sh"), "stop", cluster);
        }
    }

    [Fact]
    public void Docs_ShowTheSbatchScriptTheTestRuns()
    {
        var docs = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "cli.md"));
        var script = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "tests", "RelationalNeuro.Cli.Tests", "Slurm", "rn-hrv-array.sbatch"));
        Assert.Contains(script.Trim(), docs.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
