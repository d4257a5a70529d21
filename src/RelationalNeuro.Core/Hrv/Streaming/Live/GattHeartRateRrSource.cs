using System.Globalization;
using System.Runtime.CompilerServices;
using RelationalNeuro.Internal;

namespace RelationalNeuro.Hrv.Live;

/// <summary>
/// Turns a stream of Bluetooth Heart Rate Measurement notifications (characteristic 0x2A37 values, e.g. from
/// Web Bluetooth or a platform BLE stack) into RR beats.
/// </summary>
/// <remarks>
/// Each well-formed value raises <see cref="MeasurementReceived"/> (so a gauge can show the sensor's heart rate
/// and contact even without RR) and yields its RR intervals in order. A malformed value, or an RR interval of
/// 0 (a sensor placeholder that no interval can be), is never thrown and never dropped silently: it raises
/// <see cref="PacketRejected"/> with a <see cref="Problem"/> (codes <c>gatt.malformed-value</c>,
/// <c>gatt.zero-rr</c>) located at the 0-based packet index, and the stream goes on. Timestamps: the last RR
/// of a value is stamped with the value's arrival time on the <see cref="TimeProvider"/>; each earlier one is
/// moved back by the intervals after it. Timestamps never go backwards: when a value's intervals add up to more
/// than the time since the previous beat (a delayed or batched notification, a clock set back), a beat that would
/// be stamped before the previous one is stamped at the previous one's time instead, and <see cref="TimestampHeld"/>
/// reports it (code <c>gatt.timestamp-backwards</c>; the beat and its interval are kept). Events are raised on the
/// enumerating thread.
/// </remarks>
public sealed class GattHeartRateRrSource : IRrSource
{
    private readonly IAsyncEnumerable<ReadOnlyMemory<byte>> _packets;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the adapter.</summary>
    /// <param name="packets">The characteristic values as they arrive.</param>
    /// <param name="timeProvider">The clock that stamps arrivals; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="packets"/> is null.</exception>
    public GattHeartRateRrSource(IAsyncEnumerable<ReadOnlyMemory<byte>> packets, TimeProvider? timeProvider = null)
    {
        _packets = Guard.NotNull(packets);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Raised for each well-formed value, before its RR intervals are yielded.</summary>
    public event EventHandler<HeartRateMeasurement>? MeasurementReceived;

    /// <summary>Raised for each malformed value and each zero RR interval, with the problem.</summary>
    public event EventHandler<Problem>? PacketRejected;

    /// <summary>
    /// Raised (Warning <c>gatt.timestamp-backwards</c>, located at the packet) for each beat that would have been stamped
    /// before the previous beat and was stamped at the previous beat's time instead; the beat is yielded as usual.
    /// </summary>
    public event EventHandler<Problem>? TimestampHeld;

    /// <inheritdoc />
    public IAsyncEnumerable<RrBeat> ReadBeatsAsync(CancellationToken cancellationToken = default) => Read(cancellationToken);

    private async IAsyncEnumerable<RrBeat> Read([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long packetIndex = -1;
        long beatIndex = 0;
        DateTimeOffset? previousStamp = null;
        await foreach (var packet in _packets.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            packetIndex++;
            var arrival = _timeProvider.GetUtcNow();
            if (!HeartRateMeasurementParser.TryParse(packet.Span, out var measurement, out var error))
            {
                PacketRejected?.Invoke(this, new Problem(
                    "gatt.malformed-value",
                    string.Create(CultureInfo.InvariantCulture, $"{error}: {HeartRateMeasurementParser.Describe(error)} Value: [{Convert.ToHexString(packet.Span)}]."),
                    ProblemSeverity.Warning,
                    Location(packetIndex)));
                continue;
            }

            MeasurementReceived?.Invoke(this, measurement);
            var rr = measurement.RrIntervalsMs;
            var after = 0.0;
            for (var j = rr.Length - 1; j >= 0; j--)
            {
                after += rr[j];
            }

            for (var j = 0; j < rr.Length; j++)
            {
                after -= rr[j];
                if (rr[j] == 0)
                {
                    PacketRejected?.Invoke(this, new Problem(
                        "gatt.zero-rr",
                        string.Create(CultureInfo.InvariantCulture, $"RR interval {j} of the value is 0 (no interval can be 0 ms); skipped. Value: [{Convert.ToHexString(packet.Span)}]."),
                        ProblemSeverity.Warning,
                        Location(packetIndex)));
                    continue;
                }

                var stamp = arrival - TimeSpan.FromTicks((long)Math.Round(after * TimeSpan.TicksPerMillisecond));
                if (previousStamp is { } previous && stamp < previous)
                {
                    TimestampHeld?.Invoke(this, new Problem(
                        "gatt.timestamp-backwards",
                        string.Create(CultureInfo.InvariantCulture, $"Beat {beatIndex} would be stamped {(previous - stamp).TotalMilliseconds:0.###} ms before the previous beat (the intervals of this value exceed the time since it); it is stamped at the previous beat's time and kept."),
                        ProblemSeverity.Warning,
                        Location(packetIndex)));
                    stamp = previous;
                }

                previousStamp = stamp;
                yield return new RrBeat(rr[j], stamp, beatIndex++);
            }
        }
    }

    private static string Location(long packetIndex) =>
        string.Create(CultureInfo.InvariantCulture, $"packet {packetIndex}");
}
