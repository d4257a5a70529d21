namespace RelationalNeuro.Change;

/// <summary>What a trend's confidence interval says about the direction of change.</summary>
public enum TrendOutcome
{
    /// <summary>The confidence interval of the slope includes 0.</summary>
    NoClearTrend = 0,

    /// <summary>The whole confidence interval lies on the better side of 0.</summary>
    Improving = 1,

    /// <summary>The whole confidence interval lies on the worse side of 0.</summary>
    Worsening = 2,
}
