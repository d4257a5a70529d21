using System.Reflection;
using System.Text.Json.Serialization;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Tests.Interventions;

/// <summary>
/// The guard for "how to add a practice entry type": every concrete <see cref="PracticeEntry"/> subtype is a
/// <see cref="JsonDerivedTypeAttribute"/> of the base (so stores can persist it), has a valid sample in
/// <see cref="PracticeFixtures.EveryEntryType"/>, round-trips through the JSON context with its discriminator and
/// validates without problems. A subtype that skips a step fails here; one without its own validation does not compile.
/// </summary>
public sealed class PracticeEntryCoverageTests
{
    private static readonly Type[] ConcreteSubtypes =
        [.. typeof(PracticeEntry).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PracticeEntry)) && !t.IsAbstract).OrderBy(t => t.Name, StringComparer.Ordinal)];

    private static readonly Dictionary<Type, string> Discriminators = typeof(PracticeEntry)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    [Fact]
    public void EveryConcreteSubtype_IsAJsonDerivedType_AndEveryJsonDerivedTypeIsAConcreteSubtype()
    {
        Assert.NotEmpty(ConcreteSubtypes);
        Assert.Equal(ConcreteSubtypes, Discriminators.Keys.OrderBy(t => t.Name, StringComparer.Ordinal));
        Assert.Equal(Discriminators.Count, Discriminators.Values.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EveryConcreteSubtype_HasOneValidSampleInTheFixtures()
    {
        var samples = PracticeFixtures.EveryEntryType(Guid.NewGuid(), null);

        Assert.Equal(ConcreteSubtypes, samples.Select(e => e.GetType()).OrderBy(t => t.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void EverySample_RoundTripsThroughJsonWithItsDiscriminator()
    {
        foreach (var entry in PracticeFixtures.EveryEntryType(Guid.NewGuid(), Guid.NewGuid()))
        {
            var json = PracticeJson.Serialize(entry);
            var read = PracticeJson.DeserializeEntry(json);

            Assert.IsType(entry.GetType(), read);
            Assert.StartsWith($$"""{"type":"{{Discriminators[entry.GetType()]}}",""", json, StringComparison.Ordinal);
            Assert.Equal(json, PracticeJson.Serialize(read));
        }
    }

    [Fact]
    public void EverySample_Validates_AgainstItsPlanAndAlone()
    {
        var client = PracticeFixtures.NewClient();
        var plan = PracticeFixtures.NewPlan(client.Id);
        foreach (var entry in PracticeFixtures.EveryEntryType(client.Id, plan.Id))
        {
            Assert.Empty(PracticeValidation.ValidateEntry(entry, plan, PracticeStoreOptions.Default));
            Assert.Empty(PracticeValidation.ValidateEntry(entry with { PlanId = null }, null, PracticeStoreOptions.Default));
        }
    }

    [Fact]
    public void EverySubtype_ValidatesItsOwnFields_ProblemsLocatedUnderTheEntry()
    {
        // One field of each subtype made invalid; the code and the location come from the subtype's own rule.
        var c = Guid.NewGuid();
        var cases = PracticeFixtures.EveryEntryType(c, null).Select(Break).ToList();

        Assert.Equal(ConcreteSubtypes.Length, cases.Count);
        foreach (var (entry, code, location) in cases)
        {
            var problem = Assert.Single(PracticeValidation.ValidateEntry(entry, null, PracticeStoreOptions.Default, "$[3]"));
            Assert.Equal((code, location), (problem.Code, problem.Location));
        }

        static (PracticeEntry Entry, string Code, string Location) Break(PracticeEntry e) => e switch
        {
            FeelingsCheckInEntry x => (x with { Labels = [] }, "entry.no-labels", "$[3].labels"),
            GratitudeEntry x => (x with { Items = [" "] }, "entry.invalid-items", "$[3].items"),
            MicroMomentEntry x => (x with { ConnectionRating = 8 }, "entry.rating-out-of-range", "$[3].connectionRating"),
            PauseEntry x => (x with { Choice = "" }, "data.missing-text", "$[3].choice"),
            NarrativeReflectionEntry x => (x with { Text = " " }, "data.missing-text", "$[3].text"),
            BreathingSessionEntry x => (x with { CyclesCompleted = -1 }, "entry.invalid-cycles", "$[3].cyclesCompleted"),
            DyadSessionEntry x => (x with { PercentAboveChance = 120 }, "entry.invalid-synchrony", "$[3].percentAboveChance"),
            _ => throw new InvalidOperationException($"No invalid case for {e.GetType().Name}: add one."),
        };
    }

    [Fact]
    public void OutcomeChangeReport_ToString_ShowsProblemCountAndCodes()
    {
        var client = PracticeFixtures.NewClient();
        var plan = PracticeFixtures.NewPlan(client.Id) with { Assignments = [new(InterventionCatalog.GratitudeId, new PracticeSchedule())] };

        var report = OutcomeChanges.Compute(plan, [], [], interventions: []);

        Assert.Empty(report.Outcomes);
        Assert.Contains("Problems = 1 problem (outcome.unknown-intervention)", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PracticeStoreException_Problems_PrintCountAndCodes()
    {
        var ex = Assert.Throws<PracticeStoreException>(() => PracticeValidation.ThrowIfAny(
            PracticeValidation.ValidateMeasurement(PracticeFixtures.NewMeasurement(Guid.NewGuid(), double.NaN) with { Unit = "" }),
            "The measurement is invalid"));

        Assert.Equal("2 problems (data.missing-text, measurement.not-finite)", ex.Problems.ToString());
    }
}
