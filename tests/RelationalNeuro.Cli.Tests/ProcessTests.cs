using System.Diagnostics;

namespace RelationalNeuro.Cli.Tests;

/// <summary>The built rn as a separate process: progress when stderr is not a terminal, and resume after a kill.</summary>
public sealed class ProcessTests
{
    /// <summary>A folder of <paramref name="copies"/> copies of the 24-h reference recording (ids differ, content equal).</summary>
    private static string Cohort(TempFolder temp, int copies)
    {
        var day = HrvExpectations.ReferenceFiles().Single(f => f.EndsWith("nsr2db_nsr001_24h.rr_ms.txt", StringComparison.Ordinal));
        var folder = temp["cohort"];
        Directory.CreateDirectory(folder);
        for (var i = 0; i < copies; i++)
        {
            File.Copy(day, Path.Combine(folder, FormattableString.Invariant($"r{i:000}.txt")));
        }

        return folder;
    }

    [Fact]
    public async Task Progress_StderrRedirected_PlainLinesWithRateAndNoControlCharacters()
    {
        using var temp = new TempFolder();
        Cohort(temp, 3);

        var run = await RnRunner.ProcessAsync(temp.Path, "hrv", "analyze", "cohort", "-o", "out.csv", "--entropy", "off", "--progress-interval", "0.1");

        Assert.True(run.ExitCode is 0 or 1, run.Error);
        Assert.DoesNotContain('\r', run.Error);
        Assert.DoesNotContain('\u001b', run.Error);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("rn: 3/3 (100.0 %) ", StringComparison.Ordinal) && l.Contains(" recordings/s, took ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("rn: wrote out.csv: 3 recordings analysed", StringComparison.Ordinal));
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Progress_Bar_RedrawsInPlaceAndEndsWithAFullBar()
    {
        using var temp = new TempFolder();
        var input = temp.Write("r.txt", string.Join('\n', Enumerable.Repeat("800", 400)) + "\n");

        var run = await RnRunner.InProcessAsync("hrv", "analyze", input, "-o", temp["o.csv"], "--progress", "bar", "--entropy", "off");

        Assert.True(run.ExitCode is 0 or 1, run.Error);
        Assert.Contains("\r\u001b[2K[" + new string('#', 24) + "] 1/1 (100.0 %) ", run.Error, StringComparison.Ordinal);
        Assert.Contains(" with problems\n", run.Error.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("parquet")]
    public async Task Resume_AfterAKillMidBatch_LosesAndDuplicatesNothing(string format)
    {
        using var temp = new TempFolder();
        Cohort(temp, 12);
        var output = "out." + format;
        var progressFile = format == "parquet" ? temp["out.parquet.partial.csv"] : temp[output];

        using (var process = Process.Start(RnRunner.StartInfo(temp.Path, "hrv", "analyze", "cohort", "-o", output, "--jobs", "1", "--entropy", "off", "--progress", "plain"))!)
        {
            var deadline = Stopwatch.StartNew();
            while (!process.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(3)
                && (!File.Exists(progressFile) || File.ReadAllLines(progressFile).Length < 4))
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }

            Assert.False(process.HasExited, "rn finished before it could be killed; the cohort is too small for this machine.");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var partial = File.ReadAllLines(progressFile).Length - 1;
        Assert.InRange(partial, 3, 11);

        var resumed = await RnRunner.ProcessAsync(temp.Path, "hrv", "analyze", "cohort", "-o", output, "--jobs", "2", "--entropy", "off", "--resume");
        Assert.True(resumed.ExitCode is 0 or 1, resumed.Error);
        Assert.Contains("already there", resumed.Error, StringComparison.Ordinal);

        var fresh = await RnRunner.InProcessAsync("hrv", "analyze", temp["cohort"], "-o", temp["fresh." + format], "--entropy", "off", "--progress", "none");
        Assert.True(fresh.ExitCode is 0 or 1, fresh.Error);

        var read = format == "csv" ? (Func<string, List<Dictionary<string, object?>>>)(p => DuckDb.Csv(p).Select(r => r.ToDictionary(x => x.Key, x => (object?)x.Value)).ToList()) : DuckDb.Parquet;
        var got = read(temp[output]);
        var want = read(temp["fresh." + format]);
        Assert.Equal(12, got.Count);
        Assert.Equal(12, got.Select(r => r["recording_id"]).Distinct().Count());
        for (var i = 0; i < want.Count; i++)
        {
            Assert.Equal(Path.GetFileName((string)want[i]["recording_id"]!), Path.GetFileName((string)got[i]["recording_id"]!));
            foreach (var column in want[i].Keys.Where(k => k is not "recording_id" and not "problems"))
            {
                Assert.Equal(want[i][column], got[i][column]);
            }
        }

        Assert.False(File.Exists(temp["out.parquet.partial.csv"]), "the Parquet journal is removed when the run completes");
    }
}
