namespace RelationalNeuro.Hrv;

/// <summary>One day's value of a daily metric: for HRV monitoring, the morning ln RMSSD (natural log of RMSSD in ms).</summary>
/// <param name="Date">The calendar day of the measurement.</param>
/// <param name="Value">The metric in its own unit (ln ms for ln RMSSD); NaN or ±∞ marks the day as missing.</param>
public readonly record struct DailyValue(DateOnly Date, double Value);
