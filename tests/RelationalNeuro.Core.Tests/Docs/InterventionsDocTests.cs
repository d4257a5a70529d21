using RelationalNeuro.Change;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Tests.Docs;

public sealed class InterventionsDocTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InterventionsDoc_PlanAndProgressExample_CompilesRunsAndIsInTheDoc()
    {
        var ct = Ct;

        // doc:plan
        IPracticeStore store = new InMemoryPracticeStore(); // or SqlitePracticeStore.Open("practice.db")
        var client = new Client { Id = Guid.NewGuid(), DisplayName = "Sam", TimeZoneId = "Europe/Berlin", CreatedAt = DateTimeOffset.UtcNow };
        await store.AddClientAsync(client, ct);

        var plan = new PracticePlan
        {
            Id = Guid.NewGuid(),
            ClientId = client.Id,
            Name = "Four weeks of breathing and gratitude",
            StartDate = new DateOnly(2026, 3, 2),
            EndDate = new DateOnly(2026, 3, 29),
            TimeZoneId = "Europe/Berlin",
            Assignments =
            [
                new(InterventionCatalog.PacedBreathingId, new PracticeSchedule { MinutesPerSession = 5 }),
                new(InterventionCatalog.GratitudeId, new PracticeSchedule { Days = [DayOfWeek.Monday, DayOfWeek.Thursday] }),
            ],
        };
        await store.AddPlanAsync(plan, ct);

        await store.AddEntryAsync(new BreathingSessionEntry
        {
            Id = Guid.NewGuid(),
            ClientId = client.Id,
            PlanId = plan.Id,
            InterventionId = InterventionCatalog.PacedBreathingId,
            OccurredAt = new DateTimeOffset(2026, 3, 2, 7, 30, 0, TimeSpan.FromHours(1)),
            DurationSeconds = 300,
            BreathingPatternId = BreathingPatterns.CyclicSigh.Id,
            CyclesCompleted = 34,
            HrvBefore = new HrvSnapshot { RmssdMs = 28.4 },
            HrvAfter = new HrvSnapshot { RmssdMs = 41.0 },
        }, ct);

        var entries = await store.ListEntriesAsync(client.Id, cancellationToken: ct);
        var report = PracticeProgress.Compute(plan, entries, TimeProvider.System);
        var breathing = report.Assignments[0]; // Weeks, Adherence, CurrentStreakDays, MinutesDelivered …
        // end-doc:plan

        Assert.Equal(5.0, breathing.MinutesDelivered, 12);
        Assert.Equal(1, breathing.SessionsLogged);
        DocExample.AssertDocContains("docs/interventions.md", "plan");
    }

    [Fact]
    public void InterventionsDoc_CustomInterventionExample_CompilesRunsAndIsInTheDoc()
    {
        // doc:custom
        var walk = new Intervention
        {
            Id = "walk-and-talk",
            Name = "Walk and talk",
            Concept = "A daily walk side by side, phones away, taking turns to share the day.",
            Steps = ["Walk for 20 minutes.", "Each person shares one high and one low.", "The listener paraphrases."],
            Evidence = [],
            EvidenceNote = "Practice-based; no trial.",
            DefaultDose = new Dose(SessionsPerDay: 1, DaysPerWeek: 5, MinutesPerSession: 20, Weeks: null),
            Outcomes = [new TargetedOutcome(OutcomeKind.SelfReport, "relationship-satisfaction", null, ChangeDirection.HigherIsBetter)],
        };
        var options = PracticeStoreOptions.Default with { Interventions = [.. InterventionCatalog.All, walk] };
        var store = new InMemoryPracticeStore(options);
        // end-doc:custom

        Assert.Same(walk, options.FindIntervention("walk-and-talk"));
        Assert.NotNull(store);
        DocExample.AssertDocContains("docs/interventions.md", "custom");
    }
}
