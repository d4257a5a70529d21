namespace RelationalNeuro.Endocrine;

/// <summary>
/// Thresholds of the CAR sampling-compliance checks. Defaults follow the evidence behind the expert consensus
/// (Stalder et al. 2016, doi:10.1016/j.psyneuen.2015.10.010; Smyth et al. 2013) and the CARWatch analysis code.
/// Change with <c>with</c>.
/// </summary>
public sealed record CarComplianceOptions
{
    /// <summary>The defaults.</summary>
    public static CarComplianceOptions Default { get; } = new();

    /// <summary>A first sample at most this many minutes after waking is adherent (inclusive; default 5, per Smyth et al. 2013).</summary>
    public double AdherenceThresholdMinutes { get; init; } = 5;

    /// <summary>A later sample's deviation (per <see cref="DriftRule"/>) above this many minutes is drift (strict; default 5).</summary>
    public double DriftToleranceMinutes { get; init; } = 5;

    /// <summary>Which deviation decides drift (default <see cref="CarDriftRule.Interval"/>).</summary>
    public CarDriftRule DriftRule { get; init; } = CarDriftRule.Interval;

    /// <summary>How a first sample before the reported waking time is judged (default <see cref="NegativeDelayRule.Absolute"/>).</summary>
    public NegativeDelayRule NegativeDelay { get; init; } = NegativeDelayRule.Absolute;

    /// <summary>
    /// Round the delay to whole minutes (half to even, as NumPy/pandas round) before choosing the <see cref="CarDelayGroup"/>,
    /// as CARWatch does (3.4 → none, 6.5 → short). Adherence is always judged on the unrounded delay. Default true.
    /// </summary>
    public bool RoundDelayForGroup { get; init; } = true;

    /// <summary>Values above this (nmol/L) are flagged as physiologically implausible (CARWatch: 70); null disables.</summary>
    public double? PhysiologicalMaximumNmolPerL { get; init; } = 70;

    /// <summary>Values at or below this assay limit (nmol/L) are flagged; assay-specific, so null (off) by default (CARWatch's assay: 0.33).</summary>
    public double? AssayLowerLimitNmolPerL { get; init; }

    /// <summary>Values at or above this assay limit (nmol/L) are flagged; assay-specific, so null (off) by default (CARWatch's assay: 82.8).</summary>
    public double? AssayUpperLimitNmolPerL { get; init; }
}
