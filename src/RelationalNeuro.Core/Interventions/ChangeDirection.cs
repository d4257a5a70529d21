namespace RelationalNeuro.Interventions;

/// <summary>Which way a targeted outcome should move when the practice works.</summary>
public enum ChangeDirection
{
    /// <summary>Higher is better (e.g. RMSSD, positive affect).</summary>
    Increase = 0,

    /// <summary>Lower is better (e.g. PSS-10, anxiety, respiratory rate).</summary>
    Decrease = 1,
}
