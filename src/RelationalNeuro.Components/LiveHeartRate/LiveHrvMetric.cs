namespace RelationalNeuro.Components;

/// <summary>Which metric of the streaming HRV window a <see cref="LiveHrvGauge"/> draws.</summary>
/// <remarks>Each is read from <see cref="Hrv.RollingHrvSnapshot"/>; the definitions (N − 1 for SDNN, |Δ| strictly greater than 50 ms for pNN50, 60 000 / mean RR for heart rate) are <see cref="Hrv.RollingHrv"/>'s.</remarks>
public enum LiveHrvMetric
{
    /// <summary>RMSSD in ms (default scale 0–150 ms).</summary>
    Rmssd = 0,

    /// <summary>SDNN in ms (default scale 0–150 ms).</summary>
    Sdnn = 1,

    /// <summary>Mean heart rate over the window, 60 000 / mean RR, in beats per minute (default scale 40–180 bpm).</summary>
    MeanHeartRate = 2,

    /// <summary>pNN50 in percent (default scale 0–100 %).</summary>
    Pnn50 = 3,
}
