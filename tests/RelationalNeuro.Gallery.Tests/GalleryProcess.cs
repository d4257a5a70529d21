using System.Diagnostics;
using System.Text.RegularExpressions;

namespace RelationalNeuro.Gallery.Tests;

/// <summary>
/// The gallery as its own operating-system process (<c>dotnet RelationalNeuro.Gallery.dll</c> from its build output),
/// listening on a free 127.0.0.1 port, with its data folder set. Stopping it kills the process outright, as a crash or
/// power cut would: a test that starts a second one on the same folder sees only what reached the disk.
/// </summary>
internal sealed partial class GalleryProcess : IAsyncDisposable
{
    private readonly Process _process;

    private GalleryProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>Where it listens, e.g. http://127.0.0.1:40123/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts the gallery with <c>RelationalNeuro:DataFolder</c> = <paramref name="dataFolder"/> and waits until it listens.</summary>
    public static async Task<GalleryProcess> StartAsync(string dataFolder, CancellationToken cancellationToken)
    {
        var project = FindProjectFolder();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/<Configuration>/<tfm>/
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "RelationalNeuro.Gallery.dll");
        Assert.True(File.Exists(dll), $"The gallery is built with the tests; {dll} is missing.");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", "http://127.0.0.1:0" },
            // As `dotnet run` does: content root is the project, so static web assets resolve in Development.
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["RelationalNeuro__DataFolder"] = dataFolder;
        start.Environment.Remove("RelationalNeuro__PracticeStorePath"); // set by the in-process fixture for itself
        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            if (ListeningLine().Match(e.Data) is { Success: true } m)
            {
                listening.TrySetResult(new Uri(m.Groups[1].Value.TrimEnd('/') + "/"));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Enqueue(e.Data);
            }
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The gallery exited before listening:\n" + string.Join("\n", output)));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
            return new GalleryProcess(process, address);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Kills the process (no graceful shutdown) and waits for it to be gone.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string FindProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "RelationalNeuro.Gallery");
            if (File.Exists(Path.Combine(candidate, "RelationalNeuro.Gallery.csproj")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("samples/RelationalNeuro.Gallery was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
