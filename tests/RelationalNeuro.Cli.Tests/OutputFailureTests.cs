using System.Diagnostics;
using System.Globalization;

namespace RelationalNeuro.Cli.Tests;

/// <summary>
/// The output stops taking bytes in mid-run: rn reports it (exit 74, the file named, how to go on) instead of crashing,
/// keeps what it wrote, and <c>--resume</c> completes a table equal to an uninterrupted run's. The limit is a real one,
/// the process's file-size limit (<c>ulimit -f</c>, SIGXFSZ ignored as batch systems may have it): writes past it fail
/// with EFBIG, which .NET reports as an argument error and which crashed rn (exit 134) before. A full disk (ENOSPC) takes
/// the same path as an <see cref="IOException"/> (checked by hand on a 64-KB tmpfs, docs/cli.md).
/// </summary>
public sealed class OutputFailureTests
{
    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    [InlineData("parquet")]
    public async Task Analyze_OutputReachesTheFileSizeLimit_Exit74_AndResumeCompletesTheTable(string format)
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("Sets the file-size limit with the shell's ulimit: Linux only.");
        }

        using var temp = new TempFolder();
        Directory.CreateDirectory(temp["cohort"]);
        for (var i = 0; i < 60; i++)
        {
            temp.Write(FormattableString.Invariant($"cohort/r{i:00}.txt"), SynchronyExpectations.Rr(600, 0, noise: 30, seed: i + 1));
        }

        var output = "o." + format;
        string[] args = ["hrv", "analyze", "cohort", "-o", output, "--progress", "none", "--entropy", "off", "--jobs", "2"];
        var fresh = await RnRunner.ProcessAsync(temp.Path, ["hrv", "analyze", "cohort", "-o", "fresh." + format, "--progress", "none", "--entropy", "off"]);
        Assert.True(fresh.ExitCode is 0 or 1, fresh.Error);

        // 64 blocks (32 KB in dash, 64 KB in bash): room for the first rows of a table of 60 recordings (about 83 KB as CSV,
        // which the Parquet output goes through) and for its sidecars.
        var limited = RnRunner.Through(RnRunner.StartInfo(temp.Path, args), "/bin/sh", "-c", "trap '' XFSZ; ulimit -f 64 && exec \"$0\" \"$@\"");

        // The runtime's write-xor-execute mapping needs a memory file larger than the limit; with it off the process starts.
        limited.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        using (var process = Process.Start(limited)!)
        {
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            _ = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            var error = await stderr;
            Assert.True(process.ExitCode == 74, $"exit {process.ExitCode}: {error}");
            Assert.Contains("the file cannot grow any further", error, StringComparison.Ordinal);
            Assert.Contains("--resume", error, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", error, StringComparison.Ordinal);
        }

        var resumed = await RnRunner.ProcessAsync(temp.Path, [.. args, "--resume"]);
        Assert.True(resumed.ExitCode is 0 or 1, resumed.Error);
        var already = int.Parse(
            resumed.Error.Split(" already there", StringSplitOptions.None)[0].Split(' ')[^1],
            CultureInfo.InvariantCulture);
        Assert.InRange(already, 1, 59);  // some rows were kept, some were still to do
        Assert.Equal(ShardMergeTests.Rows(temp["fresh." + format]), ShardMergeTests.Rows(temp[output]));
    }
}
