namespace RelationalNeuro.Endocrine;

/// <summary>How a first sample recorded before the reported waking time (a negative delay) is judged. It is always reported as a warning.</summary>
public enum NegativeDelayRule
{
    /// <summary>
    /// Default (CARWatch cleaning code): the absolute delay is compared with the threshold, so a sample 7 min before
    /// waking is non-adherent, delay group <see cref="CarDelayGroup.BeforeWaking"/> (within the threshold: adherent, <see cref="CarDelayGroup.NoDelay"/>). Either the waking report or the sample time is wrong by more than the tolerance.
    /// </summary>
    Absolute = 0,

    /// <summary>CARWatch's adherence function: any sample at or before waking counts as adherent, delay group none.</summary>
    CountAsAdherent = 1,
}
