namespace RelationalNeuro.Interventions;

/// <summary>When and how much a plan asks for one intervention.</summary>
public sealed record PracticeSchedule
{
    /// <summary>Sessions (or items) per scheduled day, ≥ 1.</summary>
    public int SessionsPerDay { get; init; } = 1;

    /// <summary>The days of the week practice is scheduled; empty (or null/absent in JSON) means every day.</summary>
    public IReadOnlyList<DayOfWeek> Days { get; init => field = value ?? []; } = [];

    /// <summary>Intended minutes per session, or null for untimed practices.</summary>
    public double? MinutesPerSession { get; init; }

    /// <summary>Whether <paramref name="day"/> is a practice day.</summary>
    /// <param name="day">A day of the week.</param>
    /// <returns>True when <see cref="Days"/> is empty or contains it.</returns>
    public bool IsScheduled(DayOfWeek day) => Days.Count == 0 || Days.Contains(day);
}
