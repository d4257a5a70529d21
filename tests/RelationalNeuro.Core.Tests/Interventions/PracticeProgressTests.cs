using Microsoft.Extensions.Time.Testing;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Tests.Interventions;

// Expected values are counted by hand from the schedule (see the comments); the clock is a fake one.
public sealed class PracticeProgressTests
{
    private static readonly Guid ClientId = Guid.NewGuid();

    private static readonly PracticePlan Plan = new()
    {
        Id = Guid.NewGuid(),
        ClientId = ClientId,
        Name = "Two weeks",
        StartDate = new DateOnly(2026, 3, 2), // a Monday
        EndDate = new DateOnly(2026, 4, 12),
        TimeZoneId = "Europe/Berlin",
        Assignments =
        [
            new(InterventionCatalog.GratitudeId, new PracticeSchedule { Days = [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday] }),
            new(InterventionCatalog.EmotionalLabelingId, new PracticeSchedule { SessionsPerDay = 2 }),
        ],
    };

    // Wednesday 11 March 2026, 10:00 in Berlin (UTC+1).
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.Zero));

    private static PracticeEntry Entry(string intervention, DateTimeOffset at, Guid? planId = null, Guid? clientId = null, double? seconds = null) =>
        PracticeFixtures.Gratitude(clientId ?? ClientId, planId ?? Plan.Id, at) with { InterventionId = intervention, DurationSeconds = seconds };

    private static DateTimeOffset Berlin(int day, int hour) => new(2026, 3, day, hour, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Compute_GratitudeMonWedFri_WeeksStreakDoseByHand()
    {
        var g = InterventionCatalog.GratitudeId;
        PracticeEntry[] entries =
        [
            Entry(g, Berlin(2, 9), seconds: 300),                                    // Mon 2: done
            Entry(g, Berlin(4, 8)), Entry(g, Berlin(4, 20)),                          // Wed 4: done, one extra (capped)
            Entry(g, Berlin(5, 9)),                                                   // Thu 5: not scheduled (dose only)
            Entry(g, new DateTimeOffset(2026, 3, 6, 22, 30, 0, TimeSpan.Zero)),       // Fri 6 23:30 Berlin: done
            Entry(g, new DateTimeOffset(2026, 3, 8, 23, 30, 0, TimeSpan.Zero)),       // UTC Sunday, but Mon 9 00:30 in Berlin: done
            Entry(g, Berlin(9, 12), planId: Guid.NewGuid()),                          // another plan: ignored
            Entry(g, Berlin(9, 12), clientId: Guid.NewGuid()),                        // another client: ignored
            Entry(g, Berlin(2, 9).AddDays(-1)),                                       // before the plan: ignored
        ];

        var report = PracticeProgress.Compute(Plan, entries, Clock);

        Assert.Equal(new DateOnly(2026, 3, 11), report.AsOf);
        var p = report.Assignments[0];
        // Week 1: Mon, Wed, Fri planned and done. Week 2 (to Wed 11): Mon done, Wed (today) not yet.
        Assert.Equal(
            [new WeeklyAdherence(new DateOnly(2026, 3, 2), 3, 3, 1.0), new WeeklyAdherence(new DateOnly(2026, 3, 9), 2, 1, 0.5)],
            p.Weeks);
        Assert.Equal((5, 4, 6), (p.SessionsPlanned, p.SessionsCompleted, p.SessionsLogged));
        Assert.Equal(0.8, p.Adherence!.Value, 12);
        Assert.Equal(5.0, p.MinutesDelivered, 12);
        // Streak over scheduled days 2, 4, 6, 9 (today unmet does not break it).
        Assert.Equal((4, 4), (p.CurrentStreakDays, p.LongestStreakDays));
    }

    [Fact]
    public void Compute_TwicePerDayWithOneShortDay_StreakRestarts()
    {
        var l = InterventionCatalog.EmotionalLabelingId;
        var entries = new List<PracticeEntry> { Entry(l, Berlin(2, 8)), Entry(l, Berlin(2, 20)), Entry(l, Berlin(3, 8)) };
        for (var day = 4; day <= 11; day++)
        {
            entries.Add(Entry(l, Berlin(day, 8)));
            entries.Add(Entry(l, Berlin(day, 9)));
        }

        var p = PracticeProgress.Compute(Plan, entries, Clock).Assignments[1];

        // 10 days × 2 planned; done 2 + 1 + 8 × 2 = 19. Runs: {2}, then {4..11} = 8 days.
        Assert.Equal((20, 19), (p.SessionsPlanned, p.SessionsCompleted));
        Assert.Equal((8, 8), (p.CurrentStreakDays, p.LongestStreakDays));
    }

    [Fact]
    public void Compute_MissedYesterday_CurrentStreakZeroLongestKept()
    {
        var l = InterventionCatalog.EmotionalLabelingId;
        var entries = new List<PracticeEntry>();
        for (var day = 2; day <= 9; day++)
        {
            entries.Add(Entry(l, Berlin(day, 8)));
            entries.Add(Entry(l, Berlin(day, 9)));
        }

        var p = PracticeProgress.Compute(Plan, entries, Clock).Assignments[1];

        Assert.Equal((0, 8), (p.CurrentStreakDays, p.LongestStreakDays));
    }

    [Fact]
    public void Compute_BeforeThePlanStarts_NothingPlannedAdherenceNull()
    {
        var early = new FakeTimeProvider(new DateTimeOffset(2026, 2, 20, 12, 0, 0, TimeSpan.Zero));

        var p = PracticeProgress.Compute(Plan, [], early).Assignments[0];

        Assert.Equal(0, p.SessionsPlanned);
        Assert.Null(p.Adherence);
        Assert.Empty(p.Weeks);
    }

    [Fact]
    public void Compute_ClockJustAfterMidnightInBerlin_AsOfIsTheBerlinDate()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 23, 30, 0, TimeSpan.Zero)); // 00:30 on the 11th in Berlin

        Assert.Equal(new DateOnly(2026, 3, 11), PracticeProgress.Compute(Plan, [], clock).AsOf);
    }
}
