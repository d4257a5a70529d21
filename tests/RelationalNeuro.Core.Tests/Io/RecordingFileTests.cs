using System.Diagnostics;
using System.Text;
using RelationalNeuro.Io;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Core.Tests.Io;

/// <summary>
/// <see cref="RecordingFile.OpenRead(string, TimeSpan)"/> and <see cref="RrReader.ReadFile"/> on what is not a regular file:
/// before, <c>ReadFile("/dev/zero")</c> read for ever and a named pipe without a writer blocked the caller for good.
/// Every call runs under a deadline far above its expected time, so a regression fails instead of hanging the run.
/// </summary>
public class RecordingFileTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static async Task<T> WithinAsync<T>(Func<T> call)
    {
        var task = Task.Run(call, TestContext.Current.CancellationToken);
        Assert.Same(task, await Task.WhenAny(task, Task.Delay(Deadline, TestContext.Current.CancellationToken)));
        return await task;
    }

    private static Task<TException> ThrowsWithinAsync<TException>(Action call)
        where TException : Exception =>
        WithinAsync(() => Assert.Throws<TException>(call));

    [Fact]
    public void OpenRead_ARegularFile_GivesItsBytesFromTheStart()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rn-recording-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllText(path, "812\n790\n");
            using var stream = RecordingFile.OpenRead(path);
            Assert.Equal(0, stream.Position);
            Assert.Equal("812\n790\n", new StreamReader(stream, Encoding.UTF8).ReadToEnd());

            // A second open while the first is held: shared for reading.
            using var again = RecordingFile.OpenRead(path);
            Assert.Equal(8, again.Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void OpenRead_AnEmptyRegularFile_OpensAndReadsNothing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rn-recording-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllBytes(path, []);
            using var stream = RecordingFile.OpenRead(path);
            Assert.Equal(-1, stream.ReadByte());
            Assert.Empty(RrReader.ReadFile(path, RrFormat.SingleColumn).Series.IntervalsMs.ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public async Task ReadFile_ADeviceWithoutEnd_IsRefusedNamingThePath(string device)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), $"needs {device} (Linux)");
        var error = await ThrowsWithinAsync<IOException>(() => RrReader.ReadFile(device, RrFormat.SingleColumn));
        Assert.Equal($"'{device}' reports a length of 0 but yields data: a pipe or device, not a recording; not read.", error.Message);
    }

    [Fact]
    public async Task OpenRead_ANamedPipeWithoutAWriter_GivesUpAfterTheTimeout()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs mkfifo(3) (Linux)");
        var folder = Directory.CreateTempSubdirectory("rn-fifo-");
        try
        {
            var fifo = Path.Combine(folder.FullName, "pipe.txt");
            UnixFiles.MakeFifo(fifo);
            var clock = Stopwatch.StartNew();
            var error = await ThrowsWithinAsync<IOException>(() => RecordingFile.OpenRead(fifo, TimeSpan.FromMilliseconds(300)));
            Assert.Equal($"'{fifo}' did not open within 0.3 s (a named pipe without a writer, a terminal, or an unreachable share); not read.", error.Message);
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(290), $"gave up after {clock.Elapsed.TotalMilliseconds} ms, before the timeout");

            // The abandoned open completes when a writer comes; the stream it opens then is closed, so the writer
            // finds no reader (EPIPE), not a reader that never reads.
            var wrote = await WithinAsync(() =>
            {
                try
                {
                    using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
                    for (var i = 0; i < 64; i++)
                    {
                        writer.Write(new byte[65536]);
                        writer.Flush();
                    }

                    return "wrote 4 MiB into a pipe nobody reads";
                }
                catch (IOException)
                {
                    return "broken pipe";
                }
            });
            Assert.Equal("broken pipe", wrote);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ReadFile_ANamedPipeWithAWriter_IsRefusedAsAPipe()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs mkfifo(3) (Linux)");
        var folder = Directory.CreateTempSubdirectory("rn-fifo-");
        try
        {
            var fifo = Path.Combine(folder.FullName, "pipe.txt");
            UnixFiles.MakeFifo(fifo);
            var writer = Task.Run(
                () =>
            {
                try
                {
                    using var stream = new FileStream(fifo, FileMode.Open, FileAccess.Write);
                    stream.Write("800\n810\n"u8);
                }
                catch (IOException)
                {
                    // The reader may close first.
                }
            },
                TestContext.Current.CancellationToken);
            var error = await ThrowsWithinAsync<IOException>(() => RrReader.ReadFile(fifo, RrFormat.SingleColumn));
            Assert.Equal($"'{fifo}' cannot be positioned: a pipe or socket, not a recording; not read.", error.Message);
            Assert.Same(writer, await Task.WhenAny(writer, Task.Delay(Deadline, TestContext.Current.CancellationToken)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task OpenRead_AMissingFile_IsFileNotFoundNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rn-missing-{Guid.NewGuid():N}.txt");
        var error = await ThrowsWithinAsync<FileNotFoundException>(() => RecordingFile.OpenRead(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenRead_AFolder_IsRefused()
    {
        var folder = Directory.CreateTempSubdirectory("rn-folder-");
        try
        {
            var error = await WithinAsync(() => Record.Exception(() => RecordingFile.OpenRead(folder.FullName)));
            Assert.True(error is UnauthorizedAccessException or IOException, $"got {error?.GetType().Name ?? "no exception"}");
            Assert.Contains(folder.FullName, error!.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete();
        }
    }

    [Fact]
    public void OpenRead_BadArguments_NameTheArgument()
    {
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => RecordingFile.OpenRead(null!)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => RecordingFile.OpenRead(" ")).ParamName);
        foreach (var timeout in new[] { TimeSpan.Zero, TimeSpan.FromSeconds(-1), TimeSpan.FromDays(25), TimeSpan.MaxValue })
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => RecordingFile.OpenRead("x.txt", timeout));
            Assert.Equal("openTimeout", error.ParamName);
        }
    }
}
