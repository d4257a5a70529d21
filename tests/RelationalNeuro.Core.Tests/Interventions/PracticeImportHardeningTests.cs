using System.Text;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Tests.Interventions;

/// <summary>Issue #13: regression cases the fuzz suite found in the practice import.</summary>
public sealed class PracticeImportHardeningTests
{
    [Fact]
    public async Task Import_NullAssignmentInAPlanWithEntries_IsInvalidDataNotANullReference()
    {
        // Found by the fuzz suite (seed 13, iteration 3461): an entry's plan check walked a null assignment.
        var source = new InMemoryPracticeStore();
        var client = PracticeFixtures.NewClient();
        var plan = PracticeFixtures.NewPlan(client.Id);
        await source.AddClientAsync(client, TestContext.Current.CancellationToken);
        await source.AddPlanAsync(plan, TestContext.Current.CancellationToken);
        await source.AddEntriesAsync(PracticeFixtures.EveryEntryType(client.Id, plan.Id), TestContext.Current.CancellationToken);
        using var written = new MemoryStream();
        PracticeJson.WriteClientRecord(await source.ExportClientAsync(client.Id, TestContext.Current.CancellationToken), written);
        var json = Encoding.UTF8.GetString(written.ToArray());
        var broken = json.Replace("\"assignments\": [", "\"assignments\": [ null,", StringComparison.Ordinal);
        Assert.NotEqual(json, broken);
        var record = PracticeJson.ReadClientRecord(new MemoryStream(Encoding.UTF8.GetBytes(broken)));

        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() => new InMemoryPracticeStore().ImportClientAsync(record, TestContext.Current.CancellationToken));

        Assert.Equal(PracticeStoreError.InvalidData, ex.Error);
        Assert.Contains(ex.Problems, p => p.Code == "plan.null-assignment");
    }
}
