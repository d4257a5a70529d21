namespace RelationalNeuro.Hrv;

/// <summary>The outcome of offering one beat to a <see cref="RollingHrv"/>: the screening decision and the window after it.</summary>
/// <param name="BeatIndex">0-based position of the beat among all beats offered since construction or the last reset.</param>
/// <param name="RrMs">The offered interval in ms, as given.</param>
/// <param name="Screening">Whether the beat entered the window, or which rule rejected it.</param>
/// <param name="Snapshot">The window's metrics after this beat (unchanged metrics for a rejected beat, unless a time window moved on).</param>
public readonly record struct RollingHrvUpdate(long BeatIndex, double RrMs, BeatScreening Screening, RollingHrvSnapshot Snapshot)
{
    /// <summary>True when the beat entered the window.</summary>
    public bool IsAccepted => Screening == BeatScreening.Accepted;
}
