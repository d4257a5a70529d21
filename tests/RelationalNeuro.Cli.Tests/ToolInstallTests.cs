using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Cli.Tests;

public sealed class ToolInstallTests
{
    /// <summary>`dotnet pack` of the tool, `dotnet tool install --tool-path` from that folder, then the installed rn runs.</summary>
    [Fact]
    public async Task PackedTool_DotnetToolInstall_GivesAWorkingRn()
    {
        using var temp = new TempFolder();
        var feed = Environment.GetEnvironmentVariable("RELATIONALNEURO_PACKAGES") is { Length: > 0 } given
            && Directory.GetFiles(given, "RelationalNeuro.Cli.*.nupkg").Length > 0 ? given : temp["feed"];
        if (feed == temp["feed"])
        {
            var configuration = RnRunner.Dll.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
            var pack = await RnRunner.ShellAsync("dotnet", SharedData.RepositoryRoot, null, "pack", "src/RelationalNeuro.Cli", "-c", configuration, "--no-build", "-o", feed);
            Assert.True(pack.ExitCode == 0, pack.Output);
        }

        var package = Path.GetFileNameWithoutExtension(Directory.GetFiles(feed, "RelationalNeuro.Cli.*.nupkg").Single(f => !f.EndsWith(".symbols.nupkg", StringComparison.Ordinal)));
        var version = package["RelationalNeuro.Cli.".Length..];
        var install = await RnRunner.ShellAsync("dotnet", temp.Path, null, "tool", "install", "RelationalNeuro.Cli", "--version", version, "--tool-path", temp["tools"], "--add-source", feed);
        Assert.True(install.ExitCode == 0, install.Output);

        var rn = Path.Combine(temp["tools"], "rn");
        var help = await RnRunner.ShellAsync(rn, temp.Path, null, "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("rn hrv analyze", help.Output, StringComparison.Ordinal);

        temp.Write("r.txt", string.Join('\n', Enumerable.Repeat("800", 400)) + "\n");
        var run = await RnRunner.ShellAsync(rn, temp.Path, null, "hrv", "analyze", "r.txt", "-o", "r.csv", "--entropy", "off");
        Assert.True(run.ExitCode is 0 or 1, run.Output);
        Assert.Equal("800", DuckDb.Csv(temp["r.csv"]).Single()["mean_nn_ms"]);
    }
}
