using System.Diagnostics;
using System.Text;

namespace RelationalNeuro.Packaging.Tests;

/// <summary>Runs the dotnet CLI and captures its output; fails the test with the output on a non-zero exit.</summary>
internal static class DotNet
{
    public static async Task<string> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // The consumer must not inherit the repository's MSBuild settings through the test's environment.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        output.Append(await stdout).Append(await stderr);
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', args)} exited {process.ExitCode}:\n{output}");
        return output.ToString();
    }
}
