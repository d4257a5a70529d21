using System.Text;

namespace RelationalNeuro.Cli.Tests;

/// <summary>
/// rn's stderr writer stops writing, without throwing, once its device fails (a hung-up terminal fails every write with
/// EIO; <see cref="InterruptTests"/> closes a real pseudo-terminal under rn), and passes everything through before that.
/// </summary>
public sealed class DiagnosticWriterTests
{
    [Fact]
    public async Task Write_PassesTextThrough_UntilTheDeviceFails_ThenDropsItWithoutThrowing()
    {
        var device = new FailingStream(failAfterBytes: 12);
        await using var inner = new StreamWriter(device, new UTF8Encoding(false)) { AutoFlush = true };
        using var writer = new DiagnosticWriter(inner);

        writer.Write("rn: 1/4");
        writer.WriteLine();
        Assert.False(writer.Failed);
        Assert.Equal("rn: 1/4\n", Encoding.UTF8.GetString(device.Written.ToArray()));

        writer.Write("rn: 2/4 (50.0 %)");  // past 12 bytes: the device fails here
        Assert.True(writer.Failed);
        writer.WriteLine("rn: 3/4");
        writer.Write('x');
        writer.Write("abc".ToCharArray(), 0, 3);
        writer.Write("span".AsSpan());
        writer.Flush();
        await writer.WriteLineAsync("async");
        Assert.Equal(1, device.FailedWrites);  // nothing was tried after the first failure
        Assert.Equal("rn: 1/4\n", Encoding.UTF8.GetString(device.Written.ToArray()));
    }

    [Fact]
    public void Write_OtherExceptions_AreNotSwallowed()
    {
        using var inner = new StringWriter();
        using var writer = new DiagnosticWriter(inner);
        inner.Dispose();
        Assert.Throws<ObjectDisposedException>(() => writer.Write("a"));
    }

    /// <summary>Accepts up to a number of bytes, then fails every write as a hung-up terminal does (EIO).</summary>
    private sealed class FailingStream(int failAfterBytes) : Stream
    {
        public MemoryStream Written { get; } = new();

        public int FailedWrites { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Written.Length;

        public override long Position { get => Written.Length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Written.Length + count > failAfterBytes)
            {
                FailedWrites++;
                throw new IOException("Input/output error");
            }

            Written.Write(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
