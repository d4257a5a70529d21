namespace RelationalNeuro.Change;

/// <summary>Which direction of a metric is better: needed to call a change an improvement or a deterioration.</summary>
public enum ChangeDirection
{
    /// <summary>Higher scores are better (e.g. HRV RMSSD, attachment security, well-being).</summary>
    HigherIsBetter = 0,

    /// <summary>Lower scores are better (e.g. perceived stress, anxiety, evening cortisol).</summary>
    LowerIsBetter = 1,
}
