namespace RelationalNeuro.Hrv.Live;

/// <summary>Why <see cref="HeartRateMeasurementParser.TryParse"/> rejected a Heart Rate Measurement value.</summary>
public enum HeartRateMeasurementError
{
    /// <summary>No error: the value was parsed.</summary>
    None = 0,

    /// <summary>The value had no bytes (not even the flags byte).</summary>
    Empty = 1,

    /// <summary>The value ended inside the heart-rate field (1 byte for UINT8, 2 for UINT16 format).</summary>
    TruncatedHeartRate = 2,

    /// <summary>Flag bit 3 announced Energy Expended but fewer than 2 bytes followed the heart rate.</summary>
    TruncatedEnergyExpended = 3,

    /// <summary>Flag bit 4 announced RR intervals but an odd number of bytes followed (half an RR value).</summary>
    OddRrIntervalBytes = 4,

    /// <summary>Bytes remained after the last field the flags announced (RR intervals not flagged).</summary>
    UnexpectedTrailingBytes = 5,
}
