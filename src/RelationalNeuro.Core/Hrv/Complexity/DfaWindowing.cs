namespace RelationalNeuro.Hrv;

/// <summary>How detrended fluctuation analysis cuts the integrated profile into windows of n beats.</summary>
public enum DfaWindowing
{
    /// <summary>
    /// Consecutive windows from the first beat, ⌊N/n⌋ of them; the last N mod n points are not used
    /// (Peng et al. 1995; nolds, so pyHRV). The default.
    /// </summary>
    NonOverlapping = 0,

    /// <summary>
    /// Windows starting every ⌊n/2⌋ points at 0, ⌊n/2⌋, … while the start is below N − n (NeuroKit2's
    /// <c>overlap=True</c>, which also leaves out a window that would end exactly at the last point).
    /// </summary>
    HalfOverlapping = 1,
}
