namespace RelationalNeuro.Cli.Batch;

/// <summary>
/// Keeps a batch from hanging on an input that is not a regular file: a named pipe (FIFO) blocks the open until a
/// writer comes, and a device such as <c>/dev/zero</c> never ends. Both report a length of 0, as an empty file does, so
/// the guard opens the file on a background thread and waits at most <see cref="OpenTimeout"/>, and for a file that
/// reports no length reads one byte: an empty file has none, a pipe or device with data does.
/// </summary>
internal static class InputGuard
{
    /// <summary>How long opening an input may take before it is given up (a network share can be slow; a FIFO never opens).</summary>
    public static readonly TimeSpan OpenTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Null for a readable regular file (or one whose open fails at once: the reader reports that); else why it is not read.</summary>
    public static string? Check(string path)
    {
        string? verdict = null;
        using var done = new ManualResetEventSlim();
        var probe = new Thread(() =>
        {
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
                if (stream.Length == 0 && stream.ReadByte() != -1)
                {
                    verdict = "The file reports a length of 0 but yields data: a pipe or device, not a recording; not read.";
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                // Left to the reader, which reports it as unreadable.
            }
            finally
            {
                done.Set();
            }
        })
        {
            IsBackground = true, // a pipe that never opens must not keep the process alive
            Name = "rn input guard",
        };
        probe.Start();
        if (!done.Wait(OpenTimeout))
        {
            return FormattableString.Invariant($"Opening the file did not finish within {OpenTimeout.TotalSeconds:0} s (a named pipe without a writer, or an unreachable share); not read.");
        }

        return verdict;
    }
}
