using System.Runtime.CompilerServices;
using Microsoft.Extensions.Time.Testing;
using RelationalNeuro.Hrv.Live;

namespace RelationalNeuro.Core.Tests.Hrv.Live;

public sealed class GattHeartRateRrSourceTests
{
    private static readonly DateTimeOffset Arrival = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Packets(byte[][] values, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return value;
        }
    }

    [Fact]
    public async Task ReadBeatsAsync_MixedPackets_YieldsRrAndReportsEveryRejection()
    {
        byte[][] packets =
        [
            [0x16, 0x4B, 0x00, 0x03, 0x00, 0x02], // HR 75, contact detected, RR 768 -> 750 ms, 512 -> 500 ms
            [0x10, 0x4B, 0x00, 0x04, 0x00],       // odd RR byte: malformed
            [0x06, 0x4C],                         // HR 76 only, no RR
            [0x10, 0x4D, 0x00, 0x00, 0x00, 0x04], // RR 0 (rejected) then 1024 -> 1000 ms
        ];
        var source = new GattHeartRateRrSource(Packets(packets, TestContext.Current.CancellationToken), new FakeTimeProvider(Arrival));
        var measurements = new List<HeartRateMeasurement>();
        var problems = new List<Problem>();
        source.MeasurementReceived += (_, m) => measurements.Add(m);
        source.PacketRejected += (_, p) => problems.Add(p);

        var beats = new List<RrBeat>();
        await foreach (var beat in source.ReadBeatsAsync(TestContext.Current.CancellationToken))
        {
            beats.Add(beat);
        }

        // The last RR of a packet is stamped with its arrival; earlier ones are moved back by the later intervals.
        Assert.Equal(
            [
                new RrBeat(750, Arrival - TimeSpan.FromMilliseconds(500), 0),
                new RrBeat(500, Arrival, 1),
                new RrBeat(1000, Arrival, 2),
            ],
            beats);
        Assert.Equal([75, 76, 77], measurements.Select(m => m.HeartRateBpm));
        Assert.Equal(SensorContactStatus.Detected, measurements[0].SensorContact);
        Assert.Collection(
            problems,
            p =>
            {
                Assert.Equal("gatt.malformed-value", p.Code);
                Assert.Equal("packet 1", p.Location);
                Assert.Contains("OddRrIntervalBytes", p.Message, StringComparison.Ordinal);
                Assert.Contains("104B000400", p.Message, StringComparison.Ordinal);
            },
            p =>
            {
                Assert.Equal("gatt.zero-rr", p.Code);
                Assert.Equal("packet 3", p.Location);
            });
    }

    [Fact]
    public async Task ReadBeatsAsync_ArrivalTimes_FollowTheClock()
    {
        var clock = new FakeTimeProvider(Arrival);
        var source = new GattHeartRateRrSource(Packets([[0x10, 0x48, 0x00, 0x04], [0x10, 0x48, 0x00, 0x04]], TestContext.Current.CancellationToken), clock);
        var stamps = new List<DateTimeOffset>();
        await foreach (var beat in source.ReadBeatsAsync(TestContext.Current.CancellationToken))
        {
            stamps.Add(beat.Timestamp);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal([Arrival, Arrival + TimeSpan.FromSeconds(1)], stamps);
    }

    [Fact]
    public async Task ReadBeatsAsync_Cancelled_ThrowsOperationCanceled()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        await cts.CancelAsync();
        var source = new GattHeartRateRrSource(Packets([[0x10, 0x48, 0x00, 0x04]], TestContext.Current.CancellationToken));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in source.ReadBeatsAsync(cts.Token))
            {
            }
        });
    }

    [Fact]
    public void Constructor_NullPackets_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new GattHeartRateRrSource(null!));
    }

    // Issue 13, defect 7: a value whose intervals exceed the time since the previous beat stamped its first beat
    // before the previous beat, unreported.
    [Fact]
    public async Task ReadBeatsAsync_IntervalsLongerThanTheGap_HoldTheTimestampAndReportIt()
    {
        var clock = new FakeTimeProvider(Arrival);
        // RR 1024/1024 s = 1000 ms, then 100 ms later a value with two RRs of 1000 ms: its first beat would be at −1900 ms.
        byte[][] packets = [[0x10, 0x48, 0x00, 0x04], [0x10, 0x48, 0x00, 0x04, 0x00, 0x04]];
        var source = new GattHeartRateRrSource(Packets(packets, TestContext.Current.CancellationToken), clock);
        var problems = new List<Problem>();
        var rejected = 0;
        source.TimestampHeld += (_, p) => problems.Add(p);
        source.PacketRejected += (_, _) => rejected++;
        var beats = new List<RrBeat>();
        await foreach (var beat in source.ReadBeatsAsync(TestContext.Current.CancellationToken))
        {
            beats.Add(beat);
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(0, rejected); // the beat is kept: not a rejected packet

        var later = Arrival + TimeSpan.FromMilliseconds(100);
        Assert.Equal([new RrBeat(1000, Arrival, 0), new RrBeat(1000, Arrival, 1), new RrBeat(1000, later, 2)], beats);
        var problem = Assert.Single(problems);
        Assert.Equal(("gatt.timestamp-backwards", "packet 1", ProblemSeverity.Warning), (problem.Code, problem.Location, problem.Severity));
        Assert.Contains("900 ms before", problem.Message, StringComparison.Ordinal);
    }
}
