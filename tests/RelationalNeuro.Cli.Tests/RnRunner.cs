using System.Diagnostics;
using System.Text;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Cli.Tests;

/// <summary>The result of one rn run.</summary>
internal sealed record RnRun(int ExitCode, string Out, string Error);

/// <summary>Runs rn in-process (the same entry as the executable) or as a separate process of the built rn.dll.</summary>
internal static class RnRunner
{
    public static async Task<RnRun> InProcessAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await RnApp.RunAsync(args, new RnConsole(output, error, TimeProvider.System), TestContext.Current.CancellationToken);
        return new RnRun(code, output.ToString(), error.ToString());
    }

    /// <summary>The built rn.dll of this configuration (the tool project's own output, with its runtimeconfig).</summary>
    public static string Dll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
            var path = Path.Combine(SharedData.RepositoryRoot, "src", "RelationalNeuro.Cli", "bin", configuration, "net10.0", "rn.dll");
            Assert.True(File.Exists(path), $"The built tool is missing: {path}");
            return path;
        }
    }

    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        return start;
    }

    /// <summary>
    /// <paramref name="start"/> run through <paramref name="file"/> with <paramref name="before"/> ahead of its command
    /// line (<c>env --default-signal=INT</c>, <c>sh -c "…; exec \"$0\" \"$@\""</c>): same folder, environment and redirection.
    /// </summary>
    public static ProcessStartInfo Through(ProcessStartInfo start, string file, params string[] before)
    {
        var wrapped = new ProcessStartInfo(file) { WorkingDirectory = start.WorkingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in before.Append(start.FileName).Concat(start.ArgumentList))
        {
            wrapped.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in start.Environment)
        {
            wrapped.Environment[key] = value;
        }

        return wrapped;
    }

    /// <summary>Runs the built rn as a process (stdout and stderr redirected, so not a terminal) and waits.</summary>
    public static async Task<RnRun> ProcessAsync(string workingDirectory, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new RnRun(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs a program and returns its exit code and output (both streams).</summary>
    public static async Task<(int ExitCode, string Output)> ShellAsync(string file, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, new StringBuilder().Append(await stdout).Append(await stderr).ToString());
    }
}
