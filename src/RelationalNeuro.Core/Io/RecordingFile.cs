using System.Runtime.ExceptionServices;

namespace RelationalNeuro.Io;

/// <summary>
/// Opens a recording's file for reading without hanging on a path that is not a regular file: a named pipe (FIFO) blocks
/// the open until a writer comes, a terminal blocks the first read, and a device such as <c>/dev/zero</c> or
/// <c>/dev/urandom</c> never ends. .NET reports no file type on Unix, and such files report a length of 0 as an empty file
/// does, so a file that reports no length is opened, and probed for one byte, on a background thread that is waited for at
/// most a timeout (a file that reports a length is a regular file and is opened directly); a file that
/// cannot be positioned (a pipe), or that reports a length of 0 yet yields a byte (a device), is refused. Used by
/// <see cref="RrReader.ReadFile"/>; call it yourself to read or hash a file's bytes in one open.
/// </summary>
public static class RecordingFile
{
    /// <summary>How long <see cref="OpenRead(string)"/> waits for a file to open: 10 s (a network share can be slow; a FIFO without a writer never opens).</summary>
    public static TimeSpan DefaultOpenTimeout { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Opens a regular file for reading (shared for reading), waiting at most <see cref="DefaultOpenTimeout"/>.</summary>
    /// <param name="path">Path of the file.</param>
    /// <returns>The open stream, positioned at the start; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or only white space.</exception>
    /// <exception cref="IOException">The file cannot be opened, did not open in time, or is a pipe or device (the message says which, with the path).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static FileStream OpenRead(string path) => OpenRead(path, DefaultOpenTimeout);

    /// <summary>Opens a regular file for reading (shared for reading), waiting at most <paramref name="openTimeout"/>.</summary>
    /// <param name="path">Path of the file.</param>
    /// <param name="openTimeout">How long the open (and the probe of a file that reports no length) may take; more than zero and at most 24 days.</param>
    /// <returns>The open stream, positioned at the start; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or only white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="openTimeout"/> is not more than zero or exceeds <see cref="int.MaxValue"/> ms.</exception>
    /// <exception cref="IOException">The file cannot be opened, did not open in time, or is a pipe or device (the message says which, with the path).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <remarks>
    /// A file whose open never finishes leaves its background thread blocked in the operating system until a writer comes
    /// (it does not keep the process alive); the stream it may still open then is closed at once.
    /// </remarks>
    public static FileStream OpenRead(string path, TimeSpan openTimeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (openTimeout <= TimeSpan.Zero || openTimeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(openTimeout), openTimeout, "The open timeout must be more than zero and at most int.MaxValue milliseconds.");
        }

        var attempt = new OpenAttempt(path);
        if (OperatingSystem.IsBrowser() || OperatingSystem.IsWasi() || ReportsData(path))
        {
            // No threads to wait on in a browser; and a file that reports a length is a regular file (pipes and devices
            // report 0), whose open does not wait for anyone: opened here, without a thread's start (0.1–0.7 ms).
            attempt.Run();
            attempt.Done.Dispose();
            attempt.Failure?.Throw();
            return attempt.Stream!;
        }

        var opener = new Thread(attempt.Run)
        {
            IsBackground = true, // a pipe that never opens must not keep the process alive
            Name = "RelationalNeuro file open",
        };
        opener.Start();
        if (!attempt.Done.Wait(openTimeout))
        {
            if (attempt.Abandon())
            {
                throw new IOException(FormattableString.Invariant(
                    $"'{path}' did not open within {openTimeout.TotalSeconds:0.###} s (a named pipe without a writer, a terminal, or an unreachable share); not read."));
            }
        }

        attempt.Done.Dispose();
        attempt.Failure?.Throw();
        return attempt.Stream!;
    }

    /// <summary>True when the path names a file that reports a length above 0 (only regular files do).</summary>
    private static bool ReportsData(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.Length > 0 && (info.Attributes & FileAttributes.Directory) == 0;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false; // the open on the thread reports it
        }
    }

    /// <summary>One open on its own thread; whichever of the opener and the waiter comes second owns the outcome.</summary>
    private sealed class OpenAttempt(string path)
    {
        private readonly Lock gate = new();
        private bool abandoned;

        public ManualResetEventSlim Done { get; } = new();

        public FileStream? Stream { get; private set; }

        public ExceptionDispatchInfo? Failure { get; private set; }

        /// <summary>The waiter gives up: true if the opener has not finished (it then closes what it opens).</summary>
        public bool Abandon()
        {
            lock (gate)
            {
                abandoned = !Done.IsSet;
                return abandoned;
            }
        }

        public void Run()
        {
            FileStream? stream = null;
            ExceptionDispatchInfo? failure = null;
            try
            {
                stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
                var reason = NotARegularFile(stream);
                if (reason is not null)
                {
                    stream.Dispose();
                    stream = null;
                    failure = ExceptionDispatchInfo.Capture(new IOException($"'{path}' {reason}; not read."));
                }
            }
            catch (Exception exception)
            {
                stream?.Dispose();
                stream = null;
                failure = ExceptionDispatchInfo.Capture(exception);
            }

            lock (gate)
            {
                if (abandoned)
                {
                    stream?.Dispose();
                    Done.Dispose();
                    return;
                }

                Stream = stream;
                Failure = failure;
                Done.Set();
            }
        }

        /// <summary>Why an open stream is not a regular file's, or null.</summary>
        private static string? NotARegularFile(FileStream stream)
        {
            if (!stream.CanSeek)
            {
                return "cannot be positioned: a pipe or socket, not a recording";
            }

            if (stream.Length == 0 && stream.ReadByte() != -1)
            {
                return "reports a length of 0 but yields data: a pipe or device, not a recording";
            }

            stream.Position = 0;
            return null;
        }
    }
}
