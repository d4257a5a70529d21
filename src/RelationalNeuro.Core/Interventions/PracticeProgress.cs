using RelationalNeuro.Internal;

namespace RelationalNeuro.Interventions;

/// <summary>Adherence, streaks and dose for a practice plan.</summary>
public static class PracticeProgress
{
    /// <summary>Computes progress on <paramref name="plan"/> as of now according to <paramref name="time"/>.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="entries">The client's entries (others are ignored; see remarks).</param>
    /// <param name="time">The clock (inject a fake one in tests).</param>
    /// <returns>Progress per assignment.</returns>
    /// <remarks>
    /// <para>Days are calendar dates in the plan's time zone (<see cref="PracticePlan.TimeZoneId"/>): an entry's
    /// <see cref="PracticeEntry.OccurredAt"/> is converted to that zone whatever offset it was recorded with, so
    /// an entry at 23:30 in Berlin counts for that Berlin date. The as-of date is "now" converted the same way;
    /// the machine's local zone is never used.</para>
    /// <para>An entry counts for an assignment when it has the plan's client, the assignment's intervention, its
    /// <see cref="PracticeEntry.PlanId"/> is this plan or null, and its date lies between the plan's start date and
    /// the earlier of its end date and the as-of date. Planned sessions = scheduled days × sessions per day.
    /// Completed sessions count each scheduled day up to its quota (so extra sessions on one day cannot make up
    /// for a missed day, and adherence never exceeds 1); entries on unscheduled days add to the dose
    /// (<see cref="AssignmentProgress.SessionsLogged"/>, minutes) but not to adherence. Weeks are ISO 8601 weeks
    /// (Monday first). A streak counts consecutive scheduled days whose quota was met; unscheduled days neither
    /// count nor break it.</para>
    /// <para>Pre/post change of the targeted outcomes (through the Change module) is <see cref="OutcomeChanges.Compute"/>.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="TimeZoneNotFoundException">The plan's time zone is unknown on this machine.</exception>
    public static ProgressReport Compute(PracticePlan plan, IEnumerable<PracticeEntry> entries, TimeProvider time)
    {
        Guard.NotNull(plan);
        Guard.NotNull(entries);
        Guard.NotNull(time);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(plan.TimeZoneId);
        var today = LocalDate(time.GetUtcNow(), zone);
        var last = plan.EndDate is { } end && end < today ? end : today;
        var relevant = entries.Where(e => e is not null && e.ClientId == plan.ClientId && (e.PlanId is null || e.PlanId == plan.Id)).ToList();
        var result = new List<AssignmentProgress>(plan.Assignments.Count);
        foreach (var assignment in plan.Assignments)
        {
            var perDay = new Dictionary<DateOnly, int>();
            var logged = 0;
            var seconds = 0.0;
            foreach (var e in relevant)
            {
                if (e.InterventionId != assignment.InterventionId)
                {
                    continue;
                }

                var day = LocalDate(e.OccurredAt, zone);
                if (day < plan.StartDate || day > last)
                {
                    continue;
                }

                logged++;
                seconds += e.DurationSeconds ?? 0;
                perDay[day] = perDay.TryGetValue(day, out var c) ? c + 1 : 1;
            }

            result.Add(Summarise(plan, assignment, perDay, logged, seconds / 60.0, today, last));
        }

        return new ProgressReport(plan.Id, today, plan.TimeZoneId, result);
    }

    private static AssignmentProgress Summarise(
        PracticePlan plan,
        PlanAssignment assignment,
        Dictionary<DateOnly, int> perDay,
        int logged,
        double minutes,
        DateOnly today,
        DateOnly last)
    {
        var quota = assignment.Schedule.SessionsPerDay;
        var weeks = new List<WeeklyAdherence>();
        int planned = 0, completed = 0, weekPlanned = 0, weekCompleted = 0;
        int run = 0, longest = 0, current = 0;
        var weekStart = Monday(plan.StartDate);
        for (var day = plan.StartDate; day <= last; day = day.AddDays(1))
        {
            if (Monday(day) != weekStart)
            {
                weeks.Add(Week(weekStart, weekPlanned, weekCompleted));
                weekStart = Monday(day);
                weekPlanned = weekCompleted = 0;
            }

            if (!assignment.Schedule.IsScheduled(day.DayOfWeek))
            {
                continue;
            }

            var done = Math.Min(quota, perDay.TryGetValue(day, out var c) ? c : 0);
            weekPlanned += quota;
            weekCompleted += done;
            planned += quota;
            completed += done;
            if (done == quota)
            {
                run++;
                longest = Math.Max(longest, run);
                current = run;
            }
            else if (day == today)
            {
                // Today is not over: an unmet quota today leaves the streak up to yesterday standing.
                current = run;
            }
            else
            {
                run = 0;
                current = 0;
            }
        }

        if (last >= plan.StartDate)
        {
            weeks.Add(Week(weekStart, weekPlanned, weekCompleted));
        }

        return new AssignmentProgress(
            assignment.InterventionId,
            weeks,
            planned,
            completed,
            logged,
            minutes,
            current,
            longest,
            planned == 0 ? null : (double)completed / planned);
    }

    private static WeeklyAdherence Week(DateOnly start, int planned, int completed) =>
        new(start, planned, completed, planned == 0 ? null : (double)completed / planned);

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
}
