using RelationalNeuro.Change;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Tests.Interventions;

// Expected doses: research notes §B (Emmons & McCullough 2003 daily gratitude, up to five items; Balban 2023
// 5 min/day for 28 days; Kok 2013 6-week course) and the issue (five micro-moments a day, 3-second pause).
public sealed class InterventionCatalogTests
{
    [Fact]
    public void All_TheNinePracticesOfTheIssue_EachComplete()
    {
        Assert.Equal(
            ["emotional-labeling", "micro-moments", "pause-breathe-choose", "paced-breathing", "narrative-rewriting", "active-listening", "gratitude", "mindfulness", "empathy"],
            InterventionCatalog.All.Select(i => i.Id));
        Assert.All(InterventionCatalog.All, i =>
        {
            Assert.NotEmpty(i.Steps);
            Assert.NotEmpty(i.Evidence);
            Assert.NotEmpty(i.Outcomes);
            Assert.InRange(i.DefaultDose.DaysPerWeek, 1, 7);
            Assert.True(i.DefaultDose.SessionsPerDay >= 1);
            Assert.All(i.BreathingPatternIds, id => Assert.NotNull(BreathingPatterns.Find(id)));
        });
    }

    [Fact]
    public void Doses_FollowTheCitedStudies()
    {
        Assert.Equal(5, InterventionCatalog.MicroMoments.DefaultDose.SessionsPerDay);
        Assert.Equal(6, InterventionCatalog.MicroMoments.DefaultDose.Weeks);
        Assert.Equal((1, 7), (InterventionCatalog.Gratitude.DefaultDose.SessionsPerDay, InterventionCatalog.Gratitude.DefaultDose.DaysPerWeek));
        Assert.Equal((5.0, 4), (InterventionCatalog.PacedBreathing.DefaultDose.MinutesPerSession!.Value, InterventionCatalog.PacedBreathing.DefaultDose.Weeks!.Value));
        Assert.Contains("3 seconds", InterventionCatalog.PauseBreatheChoose.Steps[0], StringComparison.Ordinal);
        Assert.Contains("10.1016/j.xcrm.2022.100895", InterventionCatalog.PacedBreathing.Evidence.Select(c => c.Doi));
        Assert.Contains(InterventionCatalog.NarrativeRewriting.Steps, s => s.StartsWith("Rupture", StringComparison.Ordinal));
        Assert.Contains(InterventionCatalog.NarrativeRewriting.Steps, s => s.StartsWith("Repair", StringComparison.Ordinal));
    }

    [Fact]
    public void PacedBreathing_TargetsHrvUpAndStressDown()
    {
        var outcomes = InterventionCatalog.PacedBreathing.Outcomes;

        Assert.Contains(outcomes, o => o is { Kind: OutcomeKind.Physiological, Measure: "hrv.rmssd", Direction: ChangeDirection.HigherIsBetter });
        Assert.Contains(outcomes, o => o is { Kind: OutcomeKind.Questionnaire, Measure: "PSS-10", Direction: ChangeDirection.LowerIsBetter });
    }

    [Fact]
    public void Intervention_JsonRoundTrip_SameJson()
    {
        foreach (var i in InterventionCatalog.All)
        {
            var json = PracticeJson.Serialize(i);
            Assert.Equal(json, PracticeJson.Serialize(PracticeJson.DeserializeIntervention(json)));
        }
    }
}
