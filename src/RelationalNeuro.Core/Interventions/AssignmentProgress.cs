namespace RelationalNeuro.Interventions;

/// <summary>Progress on one assignment of a plan; definitions in <see cref="PracticeProgress.Compute"/>.</summary>
/// <param name="InterventionId">The intervention.</param>
/// <param name="Weeks">Adherence per ISO week from the plan's first week to the as-of week.</param>
/// <param name="SessionsPlanned">Scheduled sessions to date.</param>
/// <param name="SessionsCompleted">Sessions done on scheduled days, capped per day at the quota.</param>
/// <param name="SessionsLogged">All entries for the intervention within the plan's dates (uncapped: the dose delivered).</param>
/// <param name="MinutesDelivered">Sum of the entries' recorded durations, in minutes (entries without a duration add nothing).</param>
/// <param name="CurrentStreakDays">Scheduled days in a row, ending at the as-of date, whose quota was met (today counts once met; an unmet today does not break the streak).</param>
/// <param name="LongestStreakDays">Longest such run within the plan to date.</param>
/// <param name="Adherence">SessionsCompleted / SessionsPlanned in [0, 1]; null when nothing was planned yet.</param>
public sealed record AssignmentProgress(
    string InterventionId,
    IReadOnlyList<WeeklyAdherence> Weeks,
    int SessionsPlanned,
    int SessionsCompleted,
    int SessionsLogged,
    double MinutesDelivered,
    int CurrentStreakDays,
    int LongestStreakDays,
    double? Adherence);
