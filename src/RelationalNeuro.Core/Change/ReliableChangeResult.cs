namespace RelationalNeuro.Change;

/// <summary>A reliable change index (Jacobson &amp; Truax 1991) and its parts, in the units of the score.</summary>
/// <param name="Change">post − pre, in score units.</param>
/// <param name="StandardErrorOfMeasurement">SE = SD · √(1 − r_xx), in score units.</param>
/// <param name="StandardErrorOfDifference">S_diff = √(2 · SE²), in score units.</param>
/// <param name="Index">RC = (post − pre) / S_diff (unitless).</param>
/// <param name="CriticalValue">The |RC| a change must exceed (1.96 for p &lt; .05, two-sided).</param>
/// <param name="MinimumReliableChange">CriticalValue · S_diff: the smallest change (score units) that is reliable when exceeded.</param>
/// <param name="Direction">Which direction is better for this score.</param>
/// <param name="Outcome">Reliable improvement, reliable deterioration, or no reliable change.</param>
public readonly record struct ReliableChangeResult(
    double Change,
    double StandardErrorOfMeasurement,
    double StandardErrorOfDifference,
    double Index,
    double CriticalValue,
    double MinimumReliableChange,
    ChangeDirection Direction,
    ReliableChangeOutcome Outcome)
{
    /// <summary>True when |RC| exceeds the critical value.</summary>
    public bool IsReliable => Outcome != ReliableChangeOutcome.NoReliableChange;
}
