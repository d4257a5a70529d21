namespace RelationalNeuro.Hrv;

/// <summary>
/// Windows and width of <see cref="DailyBaseline"/>: a 7-day rolling baseline compared with a 60-day normal range of
/// mean ± 0.5 SD by default. Immutable; change with <c>with</c>.
/// </summary>
/// <remarks>
/// The defaults are the rule HRV4Training shows as "normal values" (Altini 2022: the past 60 days; a 7-day moving
/// average as the baseline) with the width of the smallest worthwhile change, 0.5 × SD (Plews et al. 2012, 2013).
/// <see cref="MinimumBaselineDays"/> = 3 follows Plews et al. (2014): at least 3 valid measurements a week give a
/// weekly mean equivalent to 7. <see cref="MinimumNormalRangeDays"/> = 14 is this library's choice (two weeks of
/// data before a range is drawn); no source fixes it.
/// </remarks>
public sealed record DailyBaselineOptions
{
    /// <summary>The defaults: 7-day baseline (≥ 3 values), 60-day normal range (≥ 14 values), width 0.5 SD.</summary>
    public static DailyBaselineOptions Default { get; } = new();

    /// <summary>Calendar days in the rolling baseline window, ending on (and including) the day; 1 to 366, default 7.</summary>
    public int BaselineDays { get; init; } = 7;

    /// <summary>Fewest valid values in the baseline window for a baseline; 1 to <see cref="BaselineDays"/>, default 3.</summary>
    public int MinimumBaselineDays { get; init; } = 3;

    /// <summary>Calendar days in the normal-range window, ending on (and including) the day; 2 to 3660, default 60.</summary>
    public int NormalRangeDays { get; init; } = 60;

    /// <summary>Fewest valid values in the normal-range window for a range; 2 to <see cref="NormalRangeDays"/>, default 14.</summary>
    public int MinimumNormalRangeDays { get; init; } = 14;

    /// <summary>Half-width of the normal range in sample SDs (k in mean ± k·SD); finite, 0 to 10, default 0.5 (the smallest worthwhile change).</summary>
    public double WidthStandardDeviations { get; init; } = 0.5;
}
