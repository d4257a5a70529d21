namespace RelationalNeuro.Synchrony;

/// <summary>One of the two people of a dyad. Lags are signed from A to B: a positive lag means B follows A.</summary>
public enum DyadMember
{
    /// <summary>Member A (rMEA's "s1", SUSY's first column).</summary>
    A = 0,

    /// <summary>Member B (rMEA's "s2", SUSY's second column).</summary>
    B = 1,
}
