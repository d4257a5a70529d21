using RelationalNeuro.Change;
using RelationalNeuro.Core.Tests.Support;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Tests.Interventions;

/// <summary>
/// <see cref="OutcomeChanges"/>: pre/post values picked by hand from the fixtures below; RCIs hand-computed from
/// Jacobson &amp; Truax (1991): S_diff = SD·√(2·(1 − r)), RC = (post − pre)/S_diff.
/// </summary>
public sealed class OutcomeChangesTests
{
    private static readonly Guid ClientId = Guid.NewGuid();

    // Plan starts Monday 2 March 2026 in Berlin (UTC+1 until 29 March).
    private static readonly PracticePlan Plan = new()
    {
        Id = Guid.NewGuid(),
        ClientId = ClientId,
        Name = "Breathing and sitting",
        StartDate = new DateOnly(2026, 3, 2),
        EndDate = new DateOnly(2026, 3, 29),
        TimeZoneId = "Europe/Berlin",
        Assignments =
        [
            new(InterventionCatalog.PacedBreathingId, new PracticeSchedule { MinutesPerSession = 5 }),
            new(InterventionCatalog.MindfulnessId, new PracticeSchedule { MinutesPerSession = 10 }),
        ],
    };

    private static Measurement M(string metric, DateTimeOffset at, double value, Guid? client = null) => new()
    {
        Id = Guid.NewGuid(), ClientId = client ?? ClientId, MeasuredAt = at, Metric = metric, Value = value, Unit = "u",
    };

    private static QuestionnaireScore Q(string instrument, DateTimeOffset at, double total) => new()
    {
        Id = Guid.NewGuid(), ClientId = ClientId, CompletedAt = at, InstrumentId = instrument, Scores = new Dictionary<string, double> { ["total"] = total },
    };

    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);

    private static readonly List<Measurement> Measurements =
    [
        M("hrv.rmssd", new DateTimeOffset(2026, 2, 20, 8, 0, 0, Cet), 30),
        M("hrv.rmssd", new DateTimeOffset(2026, 3, 2, 7, 0, 0, Cet), 34),      // on the start date: still pre
        M("hrv.rmssd", new DateTimeOffset(2026, 3, 30, 8, 0, 0, TimeSpan.FromHours(2)), 45), // latest: post
        M("hrv.rmssd", new DateTimeOffset(2026, 3, 16, 8, 0, 0, Cet), 40),
        M("hrv.rmssd", new DateTimeOffset(2026, 4, 1, 8, 0, 0, Cet), 99, client: Guid.NewGuid()), // another client
        M("hrv.lf-power", new DateTimeOffset(2026, 3, 20, 8, 0, 0, Cet), 800),   // post only
        // 22:30 UTC on 2 March is 23:30 in Berlin (start date: pre); 23:30 UTC is 00:30 on 3 March (post).
        M("respiratory-rate", new DateTimeOffset(2026, 3, 2, 22, 30, 0, TimeSpan.Zero), 14),
        M("respiratory-rate", new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero), 12),
    ];

    private static readonly List<QuestionnaireScore> Scores =
    [
        Q("pss-10", new DateTimeOffset(2026, 2, 28, 10, 0, 0, Cet), 24),
        Q("pss-10", new DateTimeOffset(2026, 3, 29, 10, 0, 0, TimeSpan.FromHours(2)), 14),
        Q("MAAS", new DateTimeOffset(2026, 3, 1, 10, 0, 0, Cet), 3.0),
        Q("MAAS", new DateTimeOffset(2026, 3, 28, 10, 0, 0, Cet), 2.5),
    ];

    private static readonly Dictionary<string, ReliableChangeInputs> Inputs = new()
    {
        ["hrv.rmssd"] = new ReliableChangeInputs { Reliability = 0.7, NormStandardDeviation = 15 },
        ["PSS-10"] = new ReliableChangeInputs { Reliability = 0.85, NormStandardDeviation = 6 },
    };

    private static OutcomeChangeReport Report() => OutcomeChanges.Compute(Plan, Measurements, Scores, InterventionCatalog.All, Inputs);

    private static OutcomeChange Get(OutcomeChangeReport report, string key) => Assert.Single(report.Outcomes, o => o.Key == key);

    [Fact]
    public void Compute_TwoInterventions_OneEntryPerDistinctKeyInPlanOrder()
    {
        var report = Report();

        Assert.Equal(Plan.Id, report.PlanId);
        Assert.Empty(report.Problems);
        Assert.Equal(
            ["hrv.rmssd", "hrv.lf-power", "respiratory-rate", "PSS-10", "state-anxiety", "MAAS", "FFMQ-15"],
            report.Outcomes.Select(o => o.Key));
        Assert.Equal([InterventionCatalog.PacedBreathingId, InterventionCatalog.MindfulnessId], Get(report, "PSS-10").InterventionIds);
    }

    [Fact]
    public void Compute_Rmssd_PreIsLastOnStartDatePostIsLatestOtherClientIgnored()
    {
        var o = Get(Report(), "hrv.rmssd");

        Assert.Equal(34, o.Pre);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 7, 0, 0, Cet), o.PreAt);
        Assert.Equal(45, o.Post);
        Assert.Equal(11, o.Change);
        Assert.True(o.Improved);
        var rc = o.ReliableChange!.Value;
        Assert.Equal(11.618950, rc.StandardErrorOfDifference, 6);   // 15·√(2·0.3)
        Assert.Equal(0.946729, rc.Index, 6);                         // 11/11.61895
        Assert.Equal(ReliableChangeOutcome.NoReliableChange, rc.Outcome);
        Assert.Empty(o.Problems);
    }

    [Fact]
    public void Compute_QuestionnaireTotal_MatchesInstrumentIdIgnoringCaseAndGivesReliableImprovement()
    {
        var o = Get(Report(), "PSS-10");

        Assert.Equal(24, o.Pre);
        Assert.Equal(14, o.Post);
        Assert.Equal(-10, o.Change);
        Assert.True(o.Improved);                                     // lower is better
        var rc = o.ReliableChange!.Value;
        Assert.Equal(3.286335, rc.StandardErrorOfDifference, 6);    // 6·√(2·0.15)
        Assert.Equal(-3.042903, rc.Index, 6);
        Assert.Equal(ReliableChangeOutcome.ReliableImprovement, rc.Outcome);
    }

    [Fact]
    public void Compute_DaysAreCountedInThePlansTimeZone()
    {
        var o = Get(Report(), "respiratory-rate");

        Assert.Equal(14, o.Pre);    // 23:30 Berlin on the start date
        Assert.Equal(12, o.Post);   // 00:30 Berlin the next day (both are 2 March in UTC)
        Assert.Equal(-2, o.Change);
        Assert.True(o.Improved);
        Assert.Null(o.ReliableChange);
        Assert.Equal("outcome.no-rci-inputs", Assert.Single(o.Problems).Code);
    }

    [Fact]
    public void Compute_WorseDirection_ImprovedIsFalse()
    {
        var o = Get(Report(), "MAAS");

        Assert.Equal(-0.5, o.Change!.Value, 12);
        Assert.False(o.Improved);   // higher is better
    }

    [Fact]
    public void Compute_MissingPreOrPost_ProblemsNotExceptions()
    {
        var report = Report();

        var lf = Get(report, "hrv.lf-power");
        Assert.Null(lf.Pre);
        Assert.Equal(800, lf.Post);
        Assert.Null(lf.Change);
        Assert.Null(lf.Improved);
        Assert.Null(lf.ReliableChange);
        Assert.Equal(["outcome.no-pre"], lf.Problems.Select(p => p.Code));

        var anxiety = Get(report, "state-anxiety");
        Assert.Equal(["outcome.no-pre", "outcome.no-post"], anxiety.Problems.Select(p => p.Code));
        Assert.All(anxiety.Problems, p => Assert.Equal("state-anxiety", p.Location));
    }

    [Fact]
    public void Compute_InvalidReliabilityInputs_ErrorProblemAndNoIndex()
    {
        var inputs = new Dictionary<string, ReliableChangeInputs> { ["hrv.rmssd"] = new() { Reliability = 1.0, NormStandardDeviation = 15 } };

        var o = Get(OutcomeChanges.Compute(Plan, Measurements, Scores, InterventionCatalog.All, inputs), "hrv.rmssd");

        Assert.Equal(11, o.Change);
        Assert.Null(o.ReliableChange);
        var problem = Assert.Single(o.Problems);
        Assert.Equal("outcome.bad-rci-inputs", problem.Code);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
    }

    [Fact]
    public void Compute_UnknownIntervention_ReportProblem()
    {
        var plan = Plan with { Assignments = [new("no-such-practice", new PracticeSchedule())] };

        var report = OutcomeChanges.Compute(plan, Measurements, Scores, InterventionCatalog.All);

        Assert.Empty(report.Outcomes);
        var problem = Assert.Single(report.Problems);
        Assert.Equal("outcome.unknown-intervention", problem.Code);
        Assert.Equal("no-such-practice", problem.Location);
    }

    [Fact]
    public void Compute_SubscaleOutcome_ReadsThatScaleAndKeysWithSlash()
    {
        var up = new Intervention
        {
            Id = "a", Name = "A", Concept = "c", Steps = ["s"], Evidence = [], EvidenceNote = "n",
            DefaultDose = new Dose(1, 7, 5, null),
            Outcomes = [new TargetedOutcome(OutcomeKind.Questionnaire, "DERS-36", "Clarity", ChangeDirection.LowerIsBetter)],
        };
        var down = up with { Id = "b", Outcomes = [new TargetedOutcome(OutcomeKind.Questionnaire, "DERS-36", "Clarity", ChangeDirection.HigherIsBetter)] };
        var plan = Plan with { Assignments = [new("a", new PracticeSchedule()), new("b", new PracticeSchedule())] };
        QuestionnaireScore Ders(DateTimeOffset at, double clarity, double total) => new()
        {
            Id = Guid.NewGuid(), ClientId = ClientId, CompletedAt = at, InstrumentId = "DERS-36",
            Scores = new Dictionary<string, double> { ["total"] = total, ["clarity"] = clarity },
        };

        var report = OutcomeChanges.Compute(
            plan,
            [],
            [Ders(new DateTimeOffset(2026, 3, 1, 9, 0, 0, Cet), 18, 100), Ders(new DateTimeOffset(2026, 3, 20, 9, 0, 0, Cet), 12, 90)],
            [up, down]);

        var o = Assert.Single(report.Outcomes);
        Assert.Equal("DERS-36/Clarity", o.Key);
        Assert.Equal(18, o.Pre);
        Assert.Equal(12, o.Post);
        Assert.True(o.Improved);   // the first intervention's direction (lower is better) is used
        Assert.Equal(["outcome.conflicting-direction", "outcome.no-rci-inputs"], o.Problems.Select(p => p.Code));
    }

    [Fact]
    public void InterventionsDoc_OutcomeChangeExample_CompilesRunsAndIsInTheDoc()
    {
        var plan = Plan;
        var measurements = Measurements;
        var scores = Scores;

        // doc:begin outcome-change
        var inputs = new Dictionary<string, ReliableChangeInputs>
        {
            ["PSS-10"] = new() { Reliability = 0.85, NormStandardDeviation = 6 }, // keyed by OutcomeChanges.KeyOf
        };
        OutcomeChangeReport changes = OutcomeChanges.Compute(plan, measurements, scores, InterventionCatalog.All, inputs);
        OutcomeChange pss = changes.Outcomes.Single(o => o.Key == "PSS-10");
        // pss.Pre = 24 (28 Feb), pss.Post = 14 (29 Mar), Change = -10, Improved = true (lower is better)
        // pss.ReliableChange: S_diff = 6·√(2·0.15) = 3.29, Index = -3.04, ReliableImprovement
        // doc:end outcome-change

        Assert.Equal(-10, pss.Change);
        Assert.Equal(-3.042903, pss.ReliableChange!.Value.Index, 6);
        DocSnippet.AssertDocContains("interventions.md", "outcome-change");
    }
}
