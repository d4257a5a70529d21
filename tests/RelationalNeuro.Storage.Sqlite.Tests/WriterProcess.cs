using System.Diagnostics;
using System.Globalization;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Storage.Sqlite.Tests;

/// <summary>Starts <c>RelationalNeuro.Storage.Sqlite.KillWriter</c> (built beside this project) as a child process.</summary>
internal static class WriterProcess
{
    /// <summary>
    /// A writer of entries <paramref name="first"/>, <paramref name="first"/>+1, … for the client: for ever (until
    /// killed) or, with <paramref name="count"/>, that many after "go" on its standard input.
    /// </summary>
    public static Process Start(string path, Guid clientId, long first, long? count = null)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0/
        var dll = Path.Combine(
            SharedData.RepositoryRoot, "tests", "RelationalNeuro.Storage.Sqlite.KillWriter", "bin", configuration, "net10.0",
            "RelationalNeuro.Storage.Sqlite.KillWriter.dll");
        Assert.True(File.Exists(dll), $"writer not built: {dll}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = count is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(path);
        start.ArgumentList.Add(clientId.ToString("D"));
        start.ArgumentList.Add(first.ToString(CultureInfo.InvariantCulture));
        if (count is { } n)
        {
            start.ArgumentList.Add(n.ToString(CultureInfo.InvariantCulture));
        }

        return Process.Start(start)!;
    }

    /// <summary>The id the writer gives entry <paramref name="i"/> (the same derivation as its own).</summary>
    public static Guid EntryId(long i)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, i);
        bytes[15] = 0x4b;
        return new Guid(bytes);
    }
}
