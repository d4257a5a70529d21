namespace RelationalNeuro.Interventions;

/// <summary>Progress on a plan as of a date.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="AsOf">The as-of date in the plan's time zone (today, from the injected clock).</param>
/// <param name="TimeZoneId">The time zone days were counted in.</param>
/// <param name="Assignments">Progress per assignment, in the plan's order.</param>
public sealed record ProgressReport(Guid PlanId, DateOnly AsOf, string TimeZoneId, IReadOnlyList<AssignmentProgress> Assignments);
