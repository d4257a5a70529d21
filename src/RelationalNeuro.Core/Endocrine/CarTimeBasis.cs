namespace RelationalNeuro.Endocrine;

/// <summary>Which sample times the CAR areas, peak time and slopes use.</summary>
public enum CarTimeBasis
{
    /// <summary>Default: the recorded times (the research consensus: "use the actual recorded times for AUCs when available").</summary>
    Recorded = 0,

    /// <summary>The nominal schedule (0, 15, 30, 45 min...), as studies without recorded times compute them.</summary>
    Nominal = 1,
}
