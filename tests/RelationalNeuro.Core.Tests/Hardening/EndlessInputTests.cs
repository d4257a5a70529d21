using System.Diagnostics;
using RelationalNeuro.Emotions;
using RelationalNeuro.Interventions;
using RelationalNeuro.Questionnaires;

namespace RelationalNeuro.Core.Tests.Hardening;

/// <summary>
/// A stream that never ends (a device, a hostile generator, a corrupt network share) handed to a loader: each stops at
/// its documented bound with a typed outcome, in bounded time and memory. Before, each read until the process ran out of
/// memory (the instrument loader copied the stream into one buffer; the JSON readers kept reading).
/// </summary>
public sealed class EndlessInputTests
{
    [Fact]
    public void InstrumentLoader_EndlessStream_IsTooLargeAt16MiB()
    {
        var result = Bounded(() => InstrumentLoader.Load(new EndlessStream(" "u8.ToArray())));

        Assert.Null(result.Definition);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("definition.too-large", problem.Code);
        Assert.Contains("longer than 16,777,216 bytes", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InstrumentLoader_ADefinitionAtTheBound_IsStillRead()
    {
        // The catalog's PSS-4 padded with spaces to exactly the bound: read (whitespace is JSON), not refused.
        var json = File.ReadAllBytes(CatalogFile("pss-4"));
        var padded = new byte[InstrumentLoader.MaxDocumentBytes];
        Array.Fill(padded, (byte)' ');
        json.CopyTo(padded, 0);

        var result = InstrumentLoader.Load(new MemoryStream(padded));

        Assert.NotNull(result.Definition);
        Assert.Equal("pss-4", result.Definition!.Id);
    }

    [Fact]
    public void FeelingTaxonomy_EndlessStream_IsTooLargeAt16MiB()
    {
        var result = Bounded(() => FeelingTaxonomy.Load(new EndlessStream(" "u8.ToArray())));

        Assert.Equal("taxonomy.too-large", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void PracticeJson_EndlessStream_IsAMalformedImport_TooLarge()
    {
        // An object whose properties never end (unknown names are skipped, so only the bound stops it): 64 MiB read.
        var start = "{\"formatVersion\":1,"u8.ToArray();
        var ex = Bounded(() => Assert.Throws<PracticeStoreException>(() => PracticeJson.ReadClientRecord(new EndlessStream("\"x\":0,"u8.ToArray(), start))));

        Assert.Equal(PracticeStoreError.MalformedImport, ex.Error);
        Assert.Equal("import.too-large", Assert.Single(ex.Problems).Code);
    }

    private static string CatalogFile(string id) =>
        Directory.EnumerateFiles(Path.Combine(TestSupport.SharedData.RepositoryRoot, "src", "RelationalNeuro.Core"), id + ".json", SearchOption.AllDirectories).First();

    /// <summary>Runs <paramref name="load"/> and checks it stayed within a minute and 1 GB of allocation on this thread (the
    /// JSON reader doubles its buffer while it holds one object: about 8× the 64-MiB import bound in all).</summary>
    private static T Bounded<T>(Func<T> load)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var result = load();
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"took {clock.Elapsed}");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 1L << 30, $"allocated {allocated:N0} bytes");
        return result;
    }

    /// <summary>Bytes that never end: <paramref name="start"/>, then <paramref name="pattern"/> repeated forever.</summary>
    private sealed class EndlessStream(byte[] pattern, byte[]? start = null) : Stream
    {
        private readonly byte[] _start = start ?? [];
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            for (var i = 0; i < buffer.Length; i++, _position++)
            {
                buffer[i] = _position < _start.Length ? _start[_position] : pattern[(_position - _start.Length) % pattern.Length];
            }

            return buffer.Length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
