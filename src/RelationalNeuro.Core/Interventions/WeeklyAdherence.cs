namespace RelationalNeuro.Interventions;

/// <summary>Adherence to one assignment in one ISO week (Monday to Sunday, in the plan's time zone).</summary>
/// <param name="WeekStart">The Monday of the week.</param>
/// <param name="SessionsPlanned">Scheduled sessions in the week that fall within the plan and on or before the as-of date.</param>
/// <param name="SessionsCompleted">Sessions done on scheduled days, each day counted up to its quota.</param>
/// <param name="Adherence">SessionsCompleted / SessionsPlanned in [0, 1]; null when nothing was planned.</param>
public readonly record struct WeeklyAdherence(DateOnly WeekStart, int SessionsPlanned, int SessionsCompleted, double? Adherence);
