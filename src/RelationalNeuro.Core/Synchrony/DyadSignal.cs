namespace RelationalNeuro.Synchrony;

/// <summary>Which beat-to-beat signal <see cref="DyadAlignment"/> puts on the common grid.</summary>
public enum DyadSignal
{
    /// <summary>The inter-beat interval in ms: the value RR_k sits at the beat that ends interval k (rMEA/SUSY practice; the reference data). Default.</summary>
    InterBeatIntervalMs = 0,

    /// <summary>Heart rate in beats per minute, 60000 / RR_k, placed like the interval and interpolated linearly.</summary>
    HeartRateBpm = 1,
}
