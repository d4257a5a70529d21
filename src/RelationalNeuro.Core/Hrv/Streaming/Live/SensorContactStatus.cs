namespace RelationalNeuro.Hrv.Live;

/// <summary>
/// The Sensor Contact Status of a Heart Rate Measurement (flags bits 1–2): whether the strap supports contact
/// detection and, if so, whether it has skin contact.
/// </summary>
public enum SensorContactStatus
{
    /// <summary>Contact detection is not supported in the current connection (flag bit 2 clear; bit 1 is then meaningless).</summary>
    NotSupported = 0,

    /// <summary>Contact detection is supported but contact is not detected (bits 2..1 = 10).</summary>
    NotDetected = 2,

    /// <summary>Contact detection is supported and contact is detected (bits 2..1 = 11).</summary>
    Detected = 3,
}
