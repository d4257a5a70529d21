namespace RelationalNeuro.Components;

/// <summary>One session on a <see cref="ChangeChart"/>: when it was, and the score (null when the session has none).</summary>
/// <param name="Week">Time of the session in weeks on the trend's time axis (e.g. weeks since intake; the axis of <c>Trend.Fit</c>).</param>
/// <param name="Score">The score in the instrument's or metric's units; null (or NaN) for a missed session, drawn as a gap.</param>
/// <param name="Label">A short name for the session ("Intake", "Session 4"), read out in the data table; null to use the week.</param>
public readonly record struct ChangeSession(double Week, double? Score, string? Label = null);
