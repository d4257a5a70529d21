using FsCheck;
using FsCheck.Fluent;
using RelationalNeuro.Hrv.Live;

namespace RelationalNeuro.Core.Tests.Hrv.Live;

/// <summary>
/// Byte vectors built by hand from the Bluetooth SIG Heart Rate Service specification v1.0, §3.1 (Heart Rate
/// Measurement, characteristic 0x2A37) and the GATT Specification Supplement: flags byte (bit 0 heart-rate
/// format UINT8/UINT16, bits 1–2 sensor contact, bit 3 Energy Expended UINT16 kJ, bit 4 RR intervals UINT16 in
/// 1/1024 s), fields little-endian in that order. Expected values are computed by hand in the comments.
/// </summary>
public sealed class HeartRateMeasurementParserTests
{
    private static HeartRateMeasurement Parse(params byte[] value)
    {
        Assert.True(HeartRateMeasurementParser.TryParse(value, out var measurement, out var error), $"rejected: {error}");
        Assert.Equal(HeartRateMeasurementError.None, error);
        return measurement;
    }

    [Fact]
    public void TryParse_Uint8HeartRateOnly_ReadsBpm()
    {
        // flags 0x00: UINT8 format, no contact feature, no energy, no RR; 0x48 = 72 bpm.
        var m = Parse(0x00, 0x48);

        Assert.Equal(72, m.HeartRateBpm);
        Assert.Equal(SensorContactStatus.NotSupported, m.SensorContact);
        Assert.Null(m.EnergyExpendedKilojoules);
        Assert.Empty(m.RrIntervalsMs);
        Assert.False(m.HasRrIntervals);
    }

    [Fact]
    public void TryParse_Uint16HeartRate_ReadsLittleEndian()
    {
        // flags 0x01: UINT16; bytes 0x2C 0x01 -> 0x012C = 300 bpm.
        Assert.Equal(300, Parse(0x01, 0x2C, 0x01).HeartRateBpm);
    }

    [Theory]
    [InlineData(0x00, SensorContactStatus.NotSupported)] // bits 2..1 = 00: feature not supported
    [InlineData(0x02, SensorContactStatus.NotSupported)] // 01: also "not supported" per the specification
    [InlineData(0x04, SensorContactStatus.NotDetected)]  // 10: supported, contact not detected
    [InlineData(0x06, SensorContactStatus.Detected)]     // 11: supported, contact detected
    public void TryParse_SensorContactBits_MapToStatus(byte flags, SensorContactStatus expected)
    {
        Assert.Equal(expected, Parse(flags, 0x48).SensorContact);
    }

    [Fact]
    public void TryParse_OneRrInterval_ConvertsFrom1024thsOfASecond()
    {
        // flags 0x16 = 0b1_0110: contact supported+detected, RR present; HR 0x50 = 80 bpm; RR 0x0400 = 1024/1024 s = 1000 ms.
        var m = Parse(0x16, 0x50, 0x00, 0x04);

        Assert.Equal(80, m.HeartRateBpm);
        Assert.Equal(SensorContactStatus.Detected, m.SensorContact);
        Assert.Equal([1000.0], m.RrIntervalsMs);
    }

    [Fact]
    public void TryParse_EnergyAndTwoRrIntervals_ReadsAllInOrder()
    {
        // flags 0x18: energy + RR; HR 0x3C = 60; energy 0x0010 = 16 kJ; RR 0x0300 = 768 -> 750 ms, 0x0200 = 512 -> 500 ms.
        var m = Parse(0x18, 0x3C, 0x10, 0x00, 0x00, 0x03, 0x00, 0x02);

        Assert.Equal(60, m.HeartRateBpm);
        Assert.Equal(16, m.EnergyExpendedKilojoules);
        Assert.Equal([750.0, 500.0], m.RrIntervalsMs);
    }

    [Fact]
    public void TryParse_Uint16HeartRateEnergyAndRr_ReadsEveryField()
    {
        // flags 0x19: UINT16 + energy + RR; HR 0x012C = 300; energy 0x03E8 = 1000 kJ; RR 0x039A = 922 -> 922000/1024 = 900.390625 ms.
        var m = Parse(0x19, 0x2C, 0x01, 0xE8, 0x03, 0x9A, 0x03);

        Assert.Equal(300, m.HeartRateBpm);
        Assert.Equal(1000, m.EnergyExpendedKilojoules);
        Assert.Equal([900.390625], m.RrIntervalsMs);
    }

    [Fact]
    public void TryParse_MaximumFieldValues_ReadAsUnsigned()
    {
        // HR 0xFFFF = 65535; energy 0xFFFF = 65535 kJ (the specification's saturation value); RR 0xFFFF = 65535000/1024 = 63999.0234375 ms.
        var m = Parse(0x19, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);

        Assert.Equal(65535, m.HeartRateBpm);
        Assert.Equal(65535, m.EnergyExpendedKilojoules);
        Assert.Equal([63999.0234375], m.RrIntervalsMs);
    }

    [Fact]
    public void TryParse_ReservedBitsSet_Ignored()
    {
        // bits 5-7 are reserved for future use: 0xE0 | 0x10 -> same as 0x10.
        Assert.Equal(Parse(0x10, 0x48, 0x00, 0x04), Parse(0xF0, 0x48, 0x00, 0x04));
    }

    [Fact]
    public void TryParse_RrFlagWithoutRrBytes_EmptyList()
    {
        Assert.Empty(Parse(0x10, 0x48).RrIntervalsMs);
    }

    [Theory]
    [InlineData(new byte[0], HeartRateMeasurementError.Empty)]
    [InlineData(new byte[] { 0x00 }, HeartRateMeasurementError.TruncatedHeartRate)]
    [InlineData(new byte[] { 0x01, 0x48 }, HeartRateMeasurementError.TruncatedHeartRate)]          // UINT16 needs 2 bytes
    [InlineData(new byte[] { 0x08, 0x48 }, HeartRateMeasurementError.TruncatedEnergyExpended)]     // energy flagged, absent
    [InlineData(new byte[] { 0x08, 0x48, 0x10 }, HeartRateMeasurementError.TruncatedEnergyExpended)] // 1 of 2 energy bytes
    [InlineData(new byte[] { 0x10, 0x48, 0x00, 0x04, 0x00 }, HeartRateMeasurementError.OddRrIntervalBytes)]
    [InlineData(new byte[] { 0x18, 0x48, 0x10, 0x00, 0x00 }, HeartRateMeasurementError.OddRrIntervalBytes)]
    [InlineData(new byte[] { 0x00, 0x48, 0x00 }, HeartRateMeasurementError.UnexpectedTrailingBytes)] // RR not flagged
    public void TryParse_MalformedValue_ReturnsFalseWithReason(byte[] value, HeartRateMeasurementError expected)
    {
        Assert.False(HeartRateMeasurementParser.TryParse(value, out var measurement, out var error));
        Assert.Equal(expected, error);
        Assert.Equal(default, measurement);
        Assert.NotEmpty(HeartRateMeasurementParser.Describe(error));
    }

    [Theory]
    [InlineData(1024, 1000.0)]
    [InlineData(1, 0.9765625)]
    [InlineData(512, 500.0)]
    [InlineData(0, 0.0)]
    public void RawRrToMilliseconds_KnownValues_Exact(int raw, double expectedMs)
    {
        Assert.Equal(expectedMs, HeartRateMeasurementParser.RawRrToMilliseconds((ushort)raw));
    }

    [Fact]
    public void TryParse_AnyBytes_NeverThrowsAndReportsConsistently()
    {
        var bytes = Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i)).ToArbitrary();
        Prop.ForAll(bytes, value =>
        {
            var ok = HeartRateMeasurementParser.TryParse(value, out _, out var error);
            return ok == (error == HeartRateMeasurementError.None);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TryParse_ValueEncodedPerSpecification_RoundTrips()
    {
        // Encoder written from the specification's field table, independent of the parser.
        var fields = Gen.Choose(0, 0xFF).SelectMany(
            flags => Gen.Choose(0, 0xFFFF).SelectMany(
                hr => Gen.Choose(0, 0xFFFF).SelectMany(
                    energy => Gen.ArrayOf(Gen.Choose(0, 0xFFFF)).Select(rr => (Flags: (byte)flags, Hr: hr, Energy: energy, Rr: rr)))));
        Prop.ForAll(fields.ToArbitrary(), f =>
        {
            var bytes = new List<byte> { f.Flags };
            var wide = (f.Flags & 0x01) != 0;
            var hr = wide ? f.Hr : f.Hr & 0xFF;
            bytes.Add((byte)(hr & 0xFF));
            if (wide)
            {
                bytes.Add((byte)(hr >> 8));
            }

            if ((f.Flags & 0x08) != 0)
            {
                bytes.Add((byte)(f.Energy & 0xFF));
                bytes.Add((byte)(f.Energy >> 8));
            }

            var rr = (f.Flags & 0x10) != 0 ? f.Rr : [];
            foreach (var value in rr)
            {
                bytes.Add((byte)(value & 0xFF));
                bytes.Add((byte)(value >> 8));
            }

            var ok = HeartRateMeasurementParser.TryParse(bytes.ToArray(), out var m, out _);
            var contact = (f.Flags & 0x06) switch { 0x06 => SensorContactStatus.Detected, 0x04 => SensorContactStatus.NotDetected, _ => SensorContactStatus.NotSupported };
            return ok
                && m.HeartRateBpm == hr
                && m.SensorContact == contact
                && m.EnergyExpendedKilojoules == ((f.Flags & 0x08) != 0 ? f.Energy : null)
                && m.RrIntervalsMs.SequenceEqual(rr.Select(v => v / 1024.0 * 1000.0));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void HeartRateMeasurement_Equality_ComparesRrElementwise()
    {
        var a = Parse(0x10, 0x48, 0x00, 0x04);
        var b = Parse(0x10, 0x48, 0x00, 0x04);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Parse(0x10, 0x48, 0x00, 0x02));
        Assert.Equal(default(HeartRateMeasurement), new HeartRateMeasurement(0, SensorContactStatus.NotSupported, null, []));
        Assert.Equal("HeartRateMeasurement { HeartRateBpm = 72, SensorContact = NotSupported, EnergyExpendedKilojoules = , RrIntervalsMs = [1000] }", a.ToString());
    }
}
