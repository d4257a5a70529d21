namespace RelationalNeuro.Interventions;

/// <summary>How much of a practice: sessions per day, days per week, minutes per session, weeks.</summary>
/// <param name="SessionsPerDay">Sessions (or items, e.g. micro-moments) per practice day (≥ 1).</param>
/// <param name="DaysPerWeek">Practice days per week, 1–7.</param>
/// <param name="MinutesPerSession">Minutes per session, or null where the practice is not timed.</param>
/// <param name="Weeks">Programme length in weeks as studied, or null for ongoing.</param>
public sealed record Dose(int SessionsPerDay, int DaysPerWeek, double? MinutesPerSession, int? Weeks);
