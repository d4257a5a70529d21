using Microsoft.Extensions.Time.Testing;
using RelationalNeuro.Hrv;
using RelationalNeuro.Hrv.Live;

namespace RelationalNeuro.Core.Tests.Hrv.Live;

public sealed class RrReplaySourceTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Guardrail = TimeSpan.FromSeconds(10); // only bounds a hang; no test waits on it

    [Theory]
    [InlineData(1.0)]
    [InlineData(4.0)]
    [InlineData(0.5)]
    public async Task ReadBeatsAsync_FakeClock_YieldsBeatKAtCumulativeTimeOverSpeed(double speed)
    {
        // Beat k is due at (RR_0 + ... + RR_k) / speed: for [1000, 500, 750.5] at speed 1 that is 1000, 1500, 2250.5 ms.
        double[] rr = [1000, 500, 750.5];
        var clock = new FakeTimeProvider(Start);
        var source = new RrReplaySource(rr, speed, clock);
        await using var beats = source.ReadBeatsAsync(TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);

        var cumulative = 0.0;
        for (var k = 0; k < rr.Length; k++)
        {
            cumulative += rr[k];
            var due = Start + TimeSpan.FromTicks((long)Math.Round(cumulative * 10_000 / speed));
            Assert.Equal(due - Start, source.DueTime(k));

            var next = beats.MoveNextAsync();
            clock.SetUtcNow(due - TimeSpan.FromTicks(1));
            Assert.False(next.IsCompleted, $"beat {k} was yielded before its due time");

            // Timer delays are whole milliseconds: the beat comes at its due time or less than 1 ms later.
            clock.SetUtcNow(due + TimeSpan.FromMilliseconds(1));
            Assert.True(await next.AsTask().WaitAsync(Guardrail, TestContext.Current.CancellationToken));
            Assert.Equal(new RrBeat(rr[k], due, k), beats.Current);
        }

        Assert.False(await beats.MoveNextAsync());
    }

    [Fact]
    public async Task ReadBeatsAsync_ConsumerLate_DeliversOverdueBeatsAtOnce()
    {
        var clock = new FakeTimeProvider(Start);
        var source = new RrReplaySource(new double[] { 800, 800, 800 }, 1, clock);
        await using var beats = source.ReadBeatsAsync(TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);

        var first = beats.MoveNextAsync();
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(await first.AsTask().WaitAsync(Guardrail, TestContext.Current.CancellationToken));

        // 2.4 s of the recording have passed: the next two beats need no further time.
        var second = beats.MoveNextAsync();
        Assert.True(second.IsCompleted);
        Assert.True(await second);
        Assert.True(await beats.MoveNextAsync());
        Assert.Equal(2, beats.Current.Index);
        Assert.False(await beats.MoveNextAsync());
    }

    [Fact]
    public async Task ReadBeatsAsync_Cancelled_ThrowsOperationCanceled()
    {
        var clock = new FakeTimeProvider(Start);
        var source = new RrReplaySource(new double[] { 1000, 1000 }, 1, clock);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        await using var beats = source.ReadBeatsAsync(cts.Token).GetAsyncEnumerator(cts.Token);

        var next = beats.MoveNextAsync().AsTask();
        Assert.False(next.IsCompleted);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(Guardrail, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReadBeatsAsync_EachEnumeration_StartsItsOwnClock()
    {
        var clock = new FakeTimeProvider(Start);
        var source = new RrReplaySource(new double[] { 1000 }, 1, clock);
        clock.Advance(TimeSpan.FromMinutes(1));

        await using var beats = source.ReadBeatsAsync(TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        var next = beats.MoveNextAsync();
        Assert.False(next.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await next.AsTask().WaitAsync(Guardrail, TestContext.Current.CancellationToken));
        Assert.Equal(Start + TimeSpan.FromSeconds(61), beats.Current.Timestamp);
        Assert.Equal(Start + TimeSpan.FromSeconds(61), clock.GetUtcNow());
    }

    [Fact]
    public async Task AnalyzeAsync_ReplayIntoRollingHrv_YieldsOneUpdatePerBeat()
    {
        // At a speed so high every due time rounds to 0 ticks the fake clock never has to move.
        double[] rr = [.. Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? 800.0 : 900.0)];
        var source = new RrReplaySource(rr, 1e12, new FakeTimeProvider(Start));
        var updates = new List<RollingHrvUpdate>();
        await foreach (var update in source.AnalyzeAsync(new RollingHrv(), TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        Assert.Equal(100, updates.Count);
        Assert.Equal(100.0, updates[^1].Snapshot.RmssdMs); // alternating 800/900: every |difference| is 100 ms
        Assert.Equal(60, updates[^1].Snapshot.BeatCount);
    }

    [Fact]
    public async Task ReadIntervalsAsync_Replay_YieldsTheRecording()
    {
        double[] rr = [812.5, 790, 805.25];
        var source = new RrReplaySource(rr, 1e12, new FakeTimeProvider(Start));
        var intervals = new List<double>();
        await foreach (var value in source.ReadIntervalsAsync(TestContext.Current.CancellationToken))
        {
            intervals.Add(value);
        }

        Assert.Equal(rr, intervals);
        Assert.Equal(3, source.Count);
    }

    [Fact]
    public void Constructor_InvalidArguments_ThrowNamingThem()
    {
        var bad = Assert.Throws<ArgumentException>(() => new RrReplaySource(new double[] { 800, double.NaN }));
        Assert.Contains("[1]", bad.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new RrReplaySource(new double[] { 0 }));
        var speed = Assert.Throws<ArgumentOutOfRangeException>(() => new RrReplaySource(new double[] { 800 }, 0));
        Assert.Equal("speed", speed.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RrReplaySource(new double[] { 800 }, double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RrReplaySource(new double[] { 800 }).DueTime(1));
    }

    [Fact]
    public void Constructor_CopiesTheSeries()
    {
        var rr = new double[] { 800, 900 };
        var source = new RrReplaySource(rr, 1, new FakeTimeProvider(Start));
        rr[0] = -1;

        Assert.Equal(TimeSpan.FromMilliseconds(800), source.DueTime(0));
    }
}
