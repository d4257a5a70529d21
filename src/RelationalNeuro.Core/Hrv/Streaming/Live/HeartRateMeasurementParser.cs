using System.Buffers.Binary;
using System.Collections.Immutable;

namespace RelationalNeuro.Hrv.Live;

/// <summary>
/// Decodes the value of the Bluetooth Heart Rate Measurement characteristic (UUID 0x2A37) that a chest strap
/// notifies, as laid out in the Bluetooth SIG Heart Rate Service specification.
/// </summary>
/// <remarks>
/// <para>Layout (all multi-byte fields little-endian): a flags byte; the heart rate as UINT8 (flag bit 0 = 0)
/// or UINT16 (bit 0 = 1) in bpm; Energy Expended as UINT16 in kJ when bit 3 is set; then, when bit 4 is set,
/// one or more RR intervals as UINT16 in units of 1/1024 s, oldest first. Bits 1–2 are the Sensor Contact
/// Status (bit 2 = contact detection supported, bit 1 = contact detected). Bits 5–7 are reserved for future
/// use and ignored, as the specification asks of receivers.</para>
/// <para>Malformed values come back as <c>false</c> with a <see cref="HeartRateMeasurementError"/>; no input
/// throws. Accepted leniencies: bit 4 set with no RR bytes yields an empty RR list. Values are not checked
/// for plausibility (an RR of 0 is returned as 0 ms): that is the consumer's screening.</para>
/// <para>Bluetooth SIG. Heart Rate Service, version 1.0 (HRS_SPEC), 2011, §3.1 Heart Rate Measurement; and the
/// GATT Specification Supplement, characteristic "Heart Rate Measurement" (0x2A37).</para>
/// </remarks>
public static class HeartRateMeasurementParser
{
    /// <summary>Flag bit 0: heart rate is UINT16 (otherwise UINT8).</summary>
    public const byte HeartRate16BitFlag = 0x01;

    /// <summary>Flag bit 1: sensor contact detected (meaningful only with <see cref="SensorContactSupportedFlag"/>).</summary>
    public const byte SensorContactDetectedFlag = 0x02;

    /// <summary>Flag bit 2: sensor contact detection supported.</summary>
    public const byte SensorContactSupportedFlag = 0x04;

    /// <summary>Flag bit 3: Energy Expended (UINT16, kJ) present.</summary>
    public const byte EnergyExpendedFlag = 0x08;

    /// <summary>Flag bit 4: one or more RR intervals (UINT16, 1/1024 s) present.</summary>
    public const byte RrIntervalsFlag = 0x10;

    /// <summary>Decodes one characteristic value.</summary>
    /// <param name="value">The bytes of one notification, flags byte first.</param>
    /// <param name="measurement">The decoded measurement; <c>default</c> when the method returns false.</param>
    /// <param name="error">Why the value was rejected; <see cref="HeartRateMeasurementError.None"/> on success.</param>
    /// <returns>True when the value was well formed.</returns>
    public static bool TryParse(ReadOnlySpan<byte> value, out HeartRateMeasurement measurement, out HeartRateMeasurementError error)
    {
        measurement = default;
        if (value.IsEmpty)
        {
            error = HeartRateMeasurementError.Empty;
            return false;
        }

        var flags = value[0];
        var rest = value[1..];
        int heartRate;
        if ((flags & HeartRate16BitFlag) != 0)
        {
            if (rest.Length < 2)
            {
                error = HeartRateMeasurementError.TruncatedHeartRate;
                return false;
            }

            heartRate = BinaryPrimitives.ReadUInt16LittleEndian(rest);
            rest = rest[2..];
        }
        else
        {
            if (rest.Length < 1)
            {
                error = HeartRateMeasurementError.TruncatedHeartRate;
                return false;
            }

            heartRate = rest[0];
            rest = rest[1..];
        }

        int? energy = null;
        if ((flags & EnergyExpendedFlag) != 0)
        {
            if (rest.Length < 2)
            {
                error = HeartRateMeasurementError.TruncatedEnergyExpended;
                return false;
            }

            energy = BinaryPrimitives.ReadUInt16LittleEndian(rest);
            rest = rest[2..];
        }

        var rr = ImmutableArray<double>.Empty;
        if ((flags & RrIntervalsFlag) != 0)
        {
            if ((rest.Length & 1) != 0)
            {
                error = HeartRateMeasurementError.OddRrIntervalBytes;
                return false;
            }

            if (rest.Length > 0)
            {
                var builder = ImmutableArray.CreateBuilder<double>(rest.Length / 2);
                for (var i = 0; i < rest.Length; i += 2)
                {
                    builder.Add(RawRrToMilliseconds(BinaryPrimitives.ReadUInt16LittleEndian(rest[i..])));
                }

                rr = builder.MoveToImmutable();
            }
        }
        else if (!rest.IsEmpty)
        {
            error = HeartRateMeasurementError.UnexpectedTrailingBytes;
            return false;
        }

        var contact = (flags & SensorContactSupportedFlag) == 0
            ? SensorContactStatus.NotSupported
            : (flags & SensorContactDetectedFlag) != 0 ? SensorContactStatus.Detected : SensorContactStatus.NotDetected;
        measurement = new HeartRateMeasurement(heartRate, contact, energy, rr);
        error = HeartRateMeasurementError.None;
        return true;
    }

    /// <summary>Converts a raw RR value in units of 1/1024 s to milliseconds (exact: raw × 1000 / 1024).</summary>
    /// <param name="raw">The UINT16 field value.</param>
    /// <returns>The interval in ms; e.g. 1024 → 1000 ms, 1 → 0.9765625 ms.</returns>
    public static double RawRrToMilliseconds(ushort raw) => raw * 1000.0 / 1024.0;

    /// <summary>A sentence describing <paramref name="error"/>, for problems and logs.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The description, in English.</returns>
    public static string Describe(HeartRateMeasurementError error) => error switch
    {
        HeartRateMeasurementError.None => "The value is well formed.",
        HeartRateMeasurementError.Empty => "The value is empty: a Heart Rate Measurement has at least a flags byte and a heart rate.",
        HeartRateMeasurementError.TruncatedHeartRate => "The value ends inside the heart-rate field the flags announce (UINT8 or UINT16).",
        HeartRateMeasurementError.TruncatedEnergyExpended => "The flags announce Energy Expended (2 bytes) but fewer bytes follow the heart rate.",
        HeartRateMeasurementError.OddRrIntervalBytes => "The RR-interval field has an odd number of bytes: each RR interval is 2 bytes.",
        HeartRateMeasurementError.UnexpectedTrailingBytes => "Bytes follow the last field the flags announce.",
        _ => "Unknown error.",
    };
}
