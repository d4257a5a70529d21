namespace RelationalNeuro.Synchrony;

/// <summary>
/// One window of <see cref="WindowedCrossCorrelationResult"/>: rMEA's per-window <c>ccfRes</c> values over the window's row of
/// (transformed) cells. Each mean drops cells that could not be computed; a member is null when none was left.
/// </summary>
/// <param name="StartSeconds">Window start in s from the first grid sample (rMEA's <c>winTimes</c> start).</param>
/// <param name="AllLags">Mean over all lags (rMEA <c>all_lags</c>).</param>
/// <param name="ALead">Mean over lags &gt; 0, A leading (rMEA <c>s1_lead</c>); null when the maximum lag is 0.</param>
/// <param name="BLead">Mean over lags &lt; 0, B leading (rMEA <c>s2_lead</c>); null when the maximum lag is 0.</param>
/// <param name="LagZero">The lag-0 cell (rMEA <c>lag_zero</c>).</param>
/// <param name="ALeadWithZero">Mean over lags ≥ 0 (rMEA <c>s1_lead_0</c>); null when the maximum lag is 0.</param>
/// <param name="BLeadWithZero">Mean over lags ≤ 0 (rMEA <c>s2_lead_0</c>); null when the maximum lag is 0.</param>
/// <param name="BestLagSeconds">The window's lag in s by <see cref="WindowedCrossCorrelationOptions.BestLag"/>; positive = B follows A.</param>
/// <param name="BestValue">The cell at <paramref name="BestLagSeconds"/> (rMEA's row maximum; the peak value for Boker).</param>
public readonly record struct CrossCorrelationWindow(
    double StartSeconds,
    double? AllLags,
    double? ALead,
    double? BLead,
    double? LagZero,
    double? ALeadWithZero,
    double? BLeadWithZero,
    double? BestLagSeconds,
    double? BestValue);
