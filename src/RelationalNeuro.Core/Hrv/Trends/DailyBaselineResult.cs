namespace RelationalNeuro.Hrv;

/// <summary>
/// A daily metric with its rolling baseline and normal range, one entry per calendar day from the first to the last
/// measured day (missing days included, with a null value). See <see cref="DailyBaseline"/> for the rule.
/// </summary>
/// <param name="Days">Every calendar day from the first to the last valid measurement, in date order; empty without a valid value.</param>
/// <param name="Options">The windows and width used.</param>
/// <param name="Problems">Missing or duplicate values, too few days for a baseline or a range, an over-long span.</param>
public sealed record DailyBaselineResult(
    IReadOnlyList<DailyBaselineDay> Days,
    DailyBaselineOptions Options,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>Missing or duplicate values, too few days for a baseline or a range, an over-long span. A <see cref="ProblemList"/>, never null.</summary>
    public IReadOnlyList<Problem> Problems
    {
        get => field ?? ProblemList.Empty;
        init => field = ProblemList.From(value);
    } = ProblemList.From(Problems);

    /// <summary>The last day (the most recent reading), or null when <see cref="Days"/> is empty.</summary>
    public DailyBaselineDay? Latest => Days.Count > 0 ? Days[^1] : null;
}
