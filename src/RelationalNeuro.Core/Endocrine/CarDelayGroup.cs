namespace RelationalNeuro.Endocrine;

/// <summary>
/// Delay between reported awakening and the first (S0) sample, in the groups of the CARWatch analysis code
/// (github.com/mad-lab-fau/carwatch-analysis, <c>sample_times.py</c>): ≤ 3 min none, (3, 6] short, (6, 15] moderate, &gt; 15 high;
/// plus <see cref="BeforeWaking"/> for a sample taken well before the reported waking time.
/// </summary>
public enum CarDelayGroup
{
    /// <summary>Delay of at most 3 min.</summary>
    NoDelay = 0,

    /// <summary>Delay over 3 and at most 6 min.</summary>
    ShortDelay = 1,

    /// <summary>Delay over 6 and at most 15 min (Smyth et al. 2013: 5–15 min delays inflate the CAR).</summary>
    ModerateDelay = 2,

    /// <summary>Delay over 15 min (Dockray et al. 2008; Okun et al. 2010: distorts the CAR).</summary>
    HighDelay = 3,

    /// <summary>
    /// S0 recorded before the reported waking time by more than <see cref="CarComplianceOptions.AdherenceThresholdMinutes"/> under
    /// <see cref="NegativeDelayRule.Absolute"/> (non-adherent: the waking report or the sample time is wrong). Not a CARWatch group:
    /// CARWatch's groups are for late samples, and its cleaning code would put −7 min in "Moderate".
    /// </summary>
    BeforeWaking = 4,
}
