using System.Text;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Tests.Interventions;

public sealed class PracticeJsonTests
{
    [Theory]
    [InlineData("{ not json", "$")]
    [InlineData("""{ "formatVersion": 1, "client": { "id": "x" } }""", "$.client.id")]
    [InlineData("""{ "formatVersion": 1 }""", "$")]
    public void ReadClientRecord_Malformed_ThrowsMalformedImportLocated(string json, string location)
    {
        var ex = Assert.Throws<PracticeStoreException>(() => PracticeJson.ReadClientRecord(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Equal(PracticeStoreError.MalformedImport, ex.Error);
        Assert.StartsWith(location, Assert.Single(ex.Problems).Location, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadClientRecord_UnknownEntryType_ThrowsMalformedImport()
    {
        var client = PracticeFixtures.NewClient();
        var json = $$"""
            { "formatVersion": 1, "client": {{PracticeJson.Serialize(client)}},
              "entries": [ { "type": "cold-plunge", "id": "{{Guid.NewGuid()}}" } ] }
            """;

        var ex = Assert.Throws<PracticeStoreException>(() => PracticeJson.ReadClientRecord(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Equal(PracticeStoreError.MalformedImport, ex.Error);
    }

    [Fact]
    public void ReadClientRecord_NewerFormatVersion_ThrowsMalformedImport()
    {
        var json = $$"""{ "formatVersion": 2, "client": {{PracticeJson.Serialize(PracticeFixtures.NewClient())}} }""";

        var ex = Assert.Throws<PracticeStoreException>(() => PracticeJson.ReadClientRecord(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Equal("$.formatVersion", Assert.Single(ex.Problems).Location);
    }

    [Fact]
    public void Serialize_Entry_WritesTypeDiscriminatorFirstAndOffsetKept()
    {
        var entry = PracticeFixtures.EveryEntryType(Guid.NewGuid(), null)[3];

        var json = PracticeJson.Serialize(entry);

        Assert.StartsWith("""{"type":"pause",""", json, StringComparison.Ordinal);
        Assert.Contains("\"occurredAt\":\"2026-03-02T12:00:00+01:00\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializePlan_DaysAbsent_MeansEveryDay()
    {
        var plan = PracticeFixtures.NewPlan(Guid.NewGuid());
        var json = PracticeJson.Serialize(plan with { Assignments = [new("gratitude", new PracticeSchedule { SessionsPerDay = 2 })] })
            .Replace(",\"days\":[]", string.Empty, StringComparison.Ordinal);

        var read = PracticeJson.DeserializePlan(json);

        Assert.DoesNotContain("days", json, StringComparison.Ordinal);
        Assert.True(read.Assignments[0].Schedule.IsScheduled(DayOfWeek.Sunday));
        Assert.Empty(PracticeValidation.ValidatePlan(read, PracticeStoreOptions.Default));
    }
}
