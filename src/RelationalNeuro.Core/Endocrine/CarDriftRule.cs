namespace RelationalNeuro.Endocrine;

/// <summary>Which timing rule makes a later CAR sample count as drifted. Both deviations are always reported.</summary>
public enum CarDriftRule
{
    /// <summary>
    /// Default (CARWatch cleaning code): each interval since the previous sample must be within the tolerance of its
    /// nominal interval (e.g. 15 ± 5 min). Small delays may accumulate.
    /// </summary>
    Interval = 0,

    /// <summary>Each sample must be within the tolerance of its nominal time after awakening (e.g. 30 ± 5 min).</summary>
    Nominal = 1,

    /// <summary>A sample has drifted when either rule is violated (the strictest reading).</summary>
    Either = 2,
}
