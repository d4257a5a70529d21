namespace RelationalNeuro.Internal;

/// <summary>
/// A read-only view of a stream that fails with <see cref="InputTooLargeException"/> once more than
/// <see cref="Limit"/> bytes were read from it: the JSON loaders read their documents through it, so a stream that never
/// ends (or a file far larger than any such document) ends in a typed problem instead of taking all the memory there is.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long limit) : Stream
{
    private long _read;

    /// <summary>The most bytes read.</summary>
    public long Limit => limit;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer[..Room(buffer.Length)]));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer[..Room(buffer.Length)], cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    // At most one byte past the limit is asked for: reading it proves the document is longer than allowed.
    private int Room(int requested) => (int)Math.Min(requested, limit + 1 - _read);

    private int Count(int n)
    {
        _read += n;
        if (_read > limit)
        {
            throw new InputTooLargeException(limit);
        }

        return n;
    }
}

/// <summary>A document read through <see cref="BoundedReadStream"/> is longer than its limit.</summary>
internal sealed class InputTooLargeException(long limit)
    : IOException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The document is longer than {limit:N0} bytes."))
{
    public long Limit => limit;
}
