using RelationalNeuro.Emotions;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Tests.Interventions;

/// <summary>Builders for valid practice data (also compiled into the SQLite store tests).</summary>
internal static class PracticeFixtures
{
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));

    public static Client NewClient(string name = "A. Client") => new()
    {
        Id = Guid.NewGuid(),
        DisplayName = name,
        TimeZoneId = "Europe/Berlin",
        CreatedAt = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero),
    };

    public static PracticePlan NewPlan(Guid clientId) => new()
    {
        Id = Guid.NewGuid(),
        ClientId = clientId,
        Name = "Six weeks of connection",
        StartDate = new DateOnly(2026, 3, 2),
        EndDate = new DateOnly(2026, 4, 12),
        TimeZoneId = "Europe/Berlin",
        Assignments =
        [
            new(InterventionCatalog.EmotionalLabelingId, new PracticeSchedule { SessionsPerDay = 2 }),
            new(InterventionCatalog.GratitudeId, new PracticeSchedule { Days = [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], MinutesPerSession = 5 }),
            new(InterventionCatalog.PacedBreathingId, new PracticeSchedule { MinutesPerSession = 5 }),
            new(InterventionCatalog.PauseBreatheChooseId, new PracticeSchedule { SessionsPerDay = 3 }),
            new(InterventionCatalog.MicroMomentsId, new PracticeSchedule { SessionsPerDay = 5 }),
            new(InterventionCatalog.NarrativeRewritingId, new PracticeSchedule { Days = [DayOfWeek.Sunday], MinutesPerSession = 20 }),
        ],
    };

    /// <summary>One entry of every type, for the client and plan, at distinct times.</summary>
    public static List<PracticeEntry> EveryEntryType(Guid clientId, Guid? planId) =>
    [
        new FeelingsCheckInEntry
        {
            Id = Guid.NewGuid(), ClientId = clientId, PlanId = planId, InterventionId = InterventionCatalog.EmotionalLabelingId,
            OccurredAt = Monday, DurationSeconds = 95.5, TaxonomyId = "relationalneuro",
            Labels =
            [
                new EmotionLabel { Path = "afraid/overwhelmed/flooded", Intensity = 7, BodyLocation = "chest", Sensation = "tight", Note = "deadline" },
                new EmotionLabel { Path = "connected/grateful", Intensity = 3 },
            ],
        },
        new GratitudeEntry
        {
            Id = Guid.NewGuid(), ClientId = clientId, PlanId = planId, InterventionId = InterventionCatalog.GratitudeId,
            OccurredAt = Monday.AddHours(1), Items = ["morning coffee together", "a kind message", "sunlight"], ExpressedTo = "partner",
        },
        new MicroMomentEntry
        {
            Id = Guid.NewGuid(), ClientId = clientId, PlanId = planId, InterventionId = InterventionCatalog.MicroMomentsId,
            OccurredAt = Monday.AddHours(2), Description = "Laughed about the cat", SharedWith = "partner", ConnectionRating = 6,
        },
        new PauseEntry
        {
            Id = Guid.NewGuid(), ClientId = clientId, PlanId = planId, InterventionId = InterventionCatalog.PauseBreatheChooseId,
            OccurredAt = Monday.AddHours(3), DurationSeconds = 30, Trigger = "Sharp email", TaxonomyId = "relationalneuro",
            Feeling = new EmotionLabel { Path = "angry/defensive", Intensity = 6 }, Choice = "Reply tomorrow", BreathingPatternId = "cyclic-sigh",
        },
        new NarrativeReflectionEntry
        {
            Id = Guid.NewGuid(), ClientId = clientId, PlanId = planId, InterventionId = InterventionCatalog.NarrativeRewritingId,
            OccurredAt = Monday.AddHours(4), Prompt = "A time you felt unseen", Text = "At dinner …", Rupture = "I went quiet", Repair = "We talked later",
        },
        new BreathingSessionEntry
        {
            Id = Guid.NewGuid(), ClientId = clientId, PlanId = planId, InterventionId = InterventionCatalog.PacedBreathingId,
            OccurredAt = Monday.AddHours(5), DurationSeconds = 300, BreathingPatternId = "resonance-6", CyclesCompleted = 30,
            HrvBefore = new HrvSnapshot { DurationSeconds = 120, RmssdMs = 31.25, MeanHeartRateBpm = 72.1 },
            HrvAfter = new HrvSnapshot { DurationSeconds = 120, RmssdMs = 44.5, MeanHeartRateBpm = 66.3, LfPowerMs2 = 1234.5 },
        },
        new DyadSessionEntry
        {
            Id = Guid.NewGuid(), ClientId = clientId, PlanId = planId, InterventionId = InterventionCatalog.MicroMomentsId,
            OccurredAt = Monday.AddHours(6), DurationSeconds = 1800, PartnerClientId = new Guid("00000000-0000-0000-0000-0000000000b2"),
            Member = RelationalNeuro.Synchrony.DyadMember.A, PercentAboveChance = 62.5, SynchronyZ = 0.42, EffectSizeAcrossSurrogates = 2.1,
            Leader = RelationalNeuro.Synchrony.DyadLeader.A, LeadSeconds = 2, Verdict = "Heart rhythms moved together above chance in 62 % of the session.",
        },
    ];

    public static Measurement NewMeasurement(Guid clientId, double value = 38.2) => new()
    {
        Id = Guid.NewGuid(), ClientId = clientId, MeasuredAt = Monday.AddDays(-1), Metric = "hrv.rmssd", Value = value, Unit = "ms",
    };

    public static QuestionnaireScore NewScore(Guid clientId) => new()
    {
        Id = Guid.NewGuid(), ClientId = clientId, CompletedAt = Monday.AddDays(-1), InstrumentId = "DERS-36",
        Scores = new Dictionary<string, double> { ["total"] = 88, ["Clarity"] = 14.5 },
    };

    public static GratitudeEntry Gratitude(Guid clientId, Guid? planId, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(), ClientId = clientId, PlanId = planId, InterventionId = InterventionCatalog.GratitudeId,
        OccurredAt = at, Items = ["thing"],
    };
}
