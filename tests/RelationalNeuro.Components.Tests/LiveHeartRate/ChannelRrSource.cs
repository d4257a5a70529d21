using System.Runtime.CompilerServices;
using System.Threading.Channels;
using RelationalNeuro.Hrv.Live;

namespace RelationalNeuro.Components.Tests.LiveHeartRate;

/// <summary>
/// An in-memory <see cref="IRrSource"/> the test feeds beat by beat. It counts readers that are open and
/// enumerations that ended by cancellation, so tests can prove Stop and Dispose let go of the source.
/// </summary>
internal sealed class ChannelRrSource : IRrSource
{
    private readonly Channel<double> _channel = Channel.CreateUnbounded<double>();
    private int _openReaders;
    private int _cancelledReads;
    private int _reads;

    public int OpenReaders => Volatile.Read(ref _openReaders);

    public int CancelledReads => Volatile.Read(ref _cancelledReads);

    public int Reads => Volatile.Read(ref _reads);

    /// <summary>
    /// Waits until <see cref="OpenReaders"/> is <paramref name="expected"/>, then asserts it. A reader opens and closes
    /// on a pool thread, outside the renderer, and bUnit's <c>WaitForAssertion</c> re-checks only after a render: a
    /// reader that opened after the last render was never seen (a CI run failed that way). So this polls.
    /// </summary>
    public void WaitForOpenReaders(int expected)
    {
        SpinWait.SpinUntil(() => OpenReaders == expected, TimeSpan.FromSeconds(20));
        Assert.Equal(expected, OpenReaders);
    }

    public void Push(params double[] rrMs)
    {
        foreach (var rr in rrMs)
        {
            Assert.True(_channel.Writer.TryWrite(rr));
        }
    }

    public void Complete(Exception? error = null) => _channel.Writer.TryComplete(error);

    public IAsyncEnumerable<RrBeat> ReadBeatsAsync(CancellationToken cancellationToken = default) => Read(cancellationToken);

    private async IAsyncEnumerable<RrBeat> Read([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        Interlocked.Increment(ref _openReaders);
        try
        {
            long index = 0;
            await foreach (var rr in _channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return new RrBeat(rr, DateTimeOffset.UnixEpoch, index++);
            }
        }
        finally
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref _cancelledReads);
            }

            Interlocked.Decrement(ref _openReaders);
        }
    }
}
