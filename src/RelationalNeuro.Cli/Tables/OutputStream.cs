namespace RelationalNeuro.Cli.Tables;

/// <summary>
/// A file rn writes (a table, its sidecar, its stamps, a FHIR resource): a <see cref="FileStream"/> whose write failures
/// are all <see cref="IOException"/>s naming the file. .NET reports a write past the largest file allowed — the process's
/// file-size limit (<c>ulimit -f</c>, with SIGXFSZ ignored, as batch systems may set it) or the file system's — as an
/// <see cref="ArgumentOutOfRangeException"/> (EFBIG); here it becomes the same kind of failure as a full disk (ENOSPC), which
/// rn reports as an output failure (exit 74, <see cref="ExitCodes.OutputFailed"/>) instead of crashing.
/// </summary>
internal sealed class OutputStream(FileStream inner) : Stream
{
    /// <summary>Creates (or truncates) <paramref name="path"/> for writing.</summary>
    public static OutputStream Create(string path) => new(File.Create(path));

    /// <summary>True when a symbolic link stands at <paramref name="path"/> (to whatever, or to nothing).</summary>
    public static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Creates rn's own temporary file <paramref name="path"/> (a sidecar's or a table's <c>.tmp</c>, moved into place
    /// when written). Whatever stands there is removed first — a stale temporary file, or a symbolic link, which is
    /// deleted itself, never its target — and the file is created only if nothing is there (<see cref="FileMode.CreateNew"/>,
    /// which does not follow a link planted in between). Before, <see cref="File.Create(string)"/> followed such a link and
    /// truncated the file it pointed to.
    /// </summary>
    public static OutputStream CreateTemporary(string path)
    {
        File.Delete(path);
        return new(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read));
    }

    /// <summary>Opens <paramref name="path"/> for writing with <paramref name="mode"/>, readers allowed beside it.</summary>
    public static OutputStream Open(string path, FileMode mode, int bufferSize) => new(new FileStream(path, mode, FileAccess.Write, FileShare.Read, bufferSize));

    public override bool CanRead => false;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override void Write(byte[] buffer, int offset, int count) => Guard(() => inner.Write(buffer, offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (ArgumentOutOfRangeException exception) when (exception.ParamName == "value")
        {
            throw TooLarge(exception);
        }
    }

    public override void WriteByte(byte value) => Guard(() => inner.WriteByte(value));

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        GuardAsync(() => inner.WriteAsync(buffer, cancellationToken));

    public override void Flush() => Guard(inner.Flush);

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        GuardAsync(() => new ValueTask(inner.FlushAsync(cancellationToken))).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void SetLength(long value) => Guard(() => inner.SetLength(value));

    /// <summary>Closes the file (its handle is released even when the final flush fails).</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Guard(inner.Dispose);
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await GuardAsync(inner.DisposeAsync).ConfigureAwait(false);
        }
        finally
        {
            await base.DisposeAsync().ConfigureAwait(false);  // Dispose(true): the file is closed already, a no-op
        }
    }

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (ArgumentOutOfRangeException exception) when (exception.ParamName == "value")
        {
            throw TooLarge(exception);
        }
    }

    private async ValueTask GuardAsync(Func<ValueTask> write)
    {
        try
        {
            await write().ConfigureAwait(false);
        }
        catch (ArgumentOutOfRangeException exception) when (exception.ParamName == "value")
        {
            throw TooLarge(exception);
        }
    }

    private IOException TooLarge(ArgumentOutOfRangeException exception) =>
        new($"{inner.Name}: the file cannot grow any further (the process's file-size limit, `ulimit -f`, or the largest file the file system allows).", exception);
}
