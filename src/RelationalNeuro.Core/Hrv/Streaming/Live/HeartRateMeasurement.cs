using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace RelationalNeuro.Hrv.Live;

/// <summary>
/// One decoded Bluetooth Heart Rate Measurement (GATT characteristic 0x2A37): heart rate, sensor contact,
/// optional energy expended and the RR intervals it carried, converted to ms.
/// </summary>
/// <param name="HeartRateBpm">Heart rate in beats per minute as the sensor reported it (UINT8 or UINT16).</param>
/// <param name="SensorContact">Sensor Contact Status from flag bits 1–2.</param>
/// <param name="EnergyExpendedKilojoules">Accumulated energy expended in kJ (flag bit 3); null when absent. The sensor holds it at 65 535 once reached.</param>
/// <param name="RrIntervalsMs">The RR intervals in ms, oldest first: each raw UINT16 in 1/1024 s times 1000 / 1024 (exact in binary floating point). Empty when flag bit 4 is clear.</param>
/// <remarks>Equality compares the RR intervals element by element.</remarks>
public readonly record struct HeartRateMeasurement(
    int HeartRateBpm,
    SensorContactStatus SensorContact,
    int? EnergyExpendedKilojoules,
    ImmutableArray<double> RrIntervalsMs)
{
    /// <summary>True when the value carried at least one RR interval.</summary>
    public bool HasRrIntervals => !RrIntervalsMs.IsDefaultOrEmpty;

    /// <inheritdoc />
    public bool Equals(HeartRateMeasurement other) =>
        HeartRateBpm == other.HeartRateBpm
        && SensorContact == other.SensorContact
        && EnergyExpendedKilojoules == other.EnergyExpendedKilojoules
        && Rr(RrIntervalsMs).SequenceEqual(Rr(other.RrIntervalsMs));

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(HeartRateBpm);
        hash.Add(SensorContact);
        hash.Add(EnergyExpendedKilojoules);
        foreach (var rr in Rr(RrIntervalsMs))
        {
            hash.Add(rr);
        }

        return hash.ToHashCode();
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"HeartRateBpm = {HeartRateBpm}, SensorContact = {SensorContact}, ");
        builder.Append(CultureInfo.InvariantCulture, $"EnergyExpendedKilojoules = {EnergyExpendedKilojoules}, RrIntervalsMs = [");
        builder.AppendJoin(", ", Rr(RrIntervalsMs).Select(r => r.ToString(CultureInfo.InvariantCulture)));
        builder.Append(']');
        return true;
    }

    private static ImmutableArray<double> Rr(ImmutableArray<double> values) => values.IsDefault ? [] : values;
}
