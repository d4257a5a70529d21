namespace RelationalNeuro.Hrv;

/// <summary>
/// One calendar day of a <see cref="DailyBaselineResult"/>: its value (null on a missing day), the rolling baseline and the
/// normal range on that day, and where the baseline and the value lie against the range. All values are in the metric's
/// unit (ln ms for ln RMSSD); a member is null when its window holds too few values.
/// </summary>
/// <param name="Date">The calendar day.</param>
/// <param name="Value">The day's value; null when the day has no (finite) measurement.</param>
/// <param name="Baseline">Mean of the valid values in the <see cref="DailyBaselineOptions.BaselineDays"/> days ending on this day; null below <see cref="DailyBaselineOptions.MinimumBaselineDays"/> values.</param>
/// <param name="BaselineCount">Valid values in the baseline window.</param>
/// <param name="NormalMean">Mean of the valid values in the <see cref="DailyBaselineOptions.NormalRangeDays"/> days ending on this day; null below <see cref="DailyBaselineOptions.MinimumNormalRangeDays"/> values.</param>
/// <param name="NormalLower">NormalMean − k·SD (SD with n − 1, k = <see cref="DailyBaselineOptions.WidthStandardDeviations"/>); null with <paramref name="NormalMean"/>.</param>
/// <param name="NormalUpper">NormalMean + k·SD; null with <paramref name="NormalMean"/>.</param>
/// <param name="NormalCount">Valid values in the normal-range window.</param>
/// <param name="BaselineStatus">The baseline against the normal range (the chronic reading); null when either is unavailable.</param>
/// <param name="ValueStatus">The day's value against the normal range (the acute reading); null when either is unavailable.</param>
public readonly record struct DailyBaselineDay(
    DateOnly Date,
    double? Value,
    double? Baseline,
    int BaselineCount,
    double? NormalMean,
    double? NormalLower,
    double? NormalUpper,
    int NormalCount,
    UsualRange? BaselineStatus,
    UsualRange? ValueStatus);
