namespace RelationalNeuro.Interventions;

/// <summary>
/// What a client is asked to practise: interventions with schedules, from a start date to an optional end date,
/// in an explicit time zone (calendar days, weeks and streaks are counted in that zone).
/// </summary>
public sealed record PracticePlan
{
    /// <summary>Stable id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The client the plan is for.</summary>
    public required Guid ClientId { get; init; }

    /// <summary>Name shown to the client.</summary>
    public required string Name { get; init; }

    /// <summary>First practice day (a calendar date in <see cref="TimeZoneId"/>).</summary>
    public required DateOnly StartDate { get; init; }

    /// <summary>Last practice day, inclusive, or null for open-ended.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>IANA (or Windows) time-zone id whose calendar the plan follows, e.g. <c>Europe/Berlin</c>.</summary>
    public required string TimeZoneId { get; init; }

    /// <summary>The interventions and their schedules; at most one assignment per intervention.</summary>
    public required IReadOnlyList<PlanAssignment> Assignments { get; init; }

    /// <summary>
    /// When the practitioner archived the plan (no longer followed), or null while active. The plan and the entries
    /// logged against it are kept.
    /// </summary>
    public DateTimeOffset? ArchivedAt { get; init; }
}
