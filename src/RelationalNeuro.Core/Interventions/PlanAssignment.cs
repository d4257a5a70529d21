namespace RelationalNeuro.Interventions;

/// <summary>One intervention in a plan, with its schedule.</summary>
/// <param name="InterventionId">The intervention's id (built-in or registered in the store's options).</param>
/// <param name="Schedule">Days, sessions per day and minutes.</param>
public sealed record PlanAssignment(string InterventionId, PracticeSchedule Schedule);
