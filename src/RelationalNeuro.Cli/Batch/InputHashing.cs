using System.Security.Cryptography;
using RelationalNeuro.Io;

namespace RelationalNeuro.Cli.Batch;

/// <summary>
/// The SHA-256 of an input's bytes (<c>input_sha256</c>), taken in the same open as the reading: the file is opened once,
/// through <see cref="RecordingFile.OpenRead(string)"/> (no hang on a named pipe or device), and every byte the reader
/// takes passes through the hash on its way.
/// </summary>
internal static class InputHashing
{
    /// <summary>The lowercase hex SHA-256 of a whole file, opened as a recording is.</summary>
    /// <exception cref="IOException">The file cannot be opened or is not a regular file.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static string HashFile(string path)
    {
        using var stream = RecordingFile.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// Opens <paramref name="path"/> once, hands the bytes to <paramref name="read"/>, and returns its result with the hash
    /// of the whole file and its stamp (size and last-write time at the open, before a byte is read: an edit during the
    /// read leaves a later time, so the next resume hashes it).
    /// </summary>
    /// <exception cref="IOException">The file cannot be opened or is not a regular file.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static (T Result, string Hash, InputStamp Stamp) ReadAndHash<T>(string path, Func<Stream, T> read)
    {
        using var file = RecordingFile.OpenRead(path);
        var stamp = InputStamp.Of(file);
        using var hashing = new HashingReadStream(file);
        var result = read(hashing);
        return (result, hashing.Finish(), stamp);
    }

    /// <summary>A read-only pass-through that hashes what is read; <see cref="Finish"/> hashes the rest and returns the digest.</summary>
    private sealed class HashingReadStream(Stream inner) : Stream
    {
        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        /// <summary>Reads (and hashes) whatever the reader left, then returns the lowercase hex digest.</summary>
        public string Finish()
        {
            Span<byte> buffer = stackalloc byte[8192];
            while (Read(buffer) is > 0)
            {
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            hash.AppendData(buffer[..n]);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
