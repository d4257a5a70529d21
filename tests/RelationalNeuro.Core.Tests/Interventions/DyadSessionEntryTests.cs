using RelationalNeuro.Core.Tests.Synchrony;
using RelationalNeuro.Interventions;
using RelationalNeuro.Synchrony;

namespace RelationalNeuro.Tests.Interventions;

public sealed class DyadSessionEntryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FromReport_SavedToBothClients_EachSeesThePartnerAndTheSameNumbers()
    {
        var reference = SynchronyReference.Get("syn_lag_p2s");
        var report = DyadAnalysis.Analyze(reference.RrA, reference.RrB, null, TestContext.Current.CancellationToken);
        var store = new InMemoryPracticeStore();
        var a = PracticeFixtures.NewClient("A");
        var b = PracticeFixtures.NewClient("B");
        await store.AddClientAsync(a, Ct);
        await store.AddClientAsync(b, Ct);

        var (forA, forB) = DyadSessionEntry.FromReport(report, a.Id, b.Id, InterventionCatalog.MicroMomentsId, PracticeFixtures.Monday);
        await store.AddEntriesAsync([forA, forB], Ct);

        var savedA = Assert.IsType<DyadSessionEntry>(Assert.Single(await store.ListEntriesAsync(a.Id, cancellationToken: Ct)));
        var savedB = Assert.IsType<DyadSessionEntry>(Assert.Single(await store.ListEntriesAsync(b.Id, cancellationToken: Ct)));
        Assert.Equal(b.Id, savedA.PartnerClientId);
        Assert.Equal(a.Id, savedB.PartnerClientId);
        Assert.Equal(DyadMember.A, savedA.Member);
        Assert.Equal(DyadMember.B, savedB.Member);
        Assert.Equal(report.Surrogate.Z, savedB.SynchronyZ);
        Assert.Equal(DyadLeader.A, savedB.Leader);
        Assert.Equal(report.Verdict.Text, savedA.Verdict);
    }

    [Fact]
    public async Task AddEntry_PartnerIsTheClient_IsRefused()
    {
        var store = new InMemoryPracticeStore();
        var a = PracticeFixtures.NewClient("A");
        await store.AddClientAsync(a, Ct);
        var entry = new DyadSessionEntry
        {
            Id = Guid.NewGuid(), ClientId = a.Id, PartnerClientId = a.Id, Member = DyadMember.A,
            InterventionId = InterventionCatalog.MicroMomentsId, OccurredAt = PracticeFixtures.Monday,
        };

        var error = await Assert.ThrowsAsync<PracticeStoreException>(() => store.AddEntryAsync(entry, Ct));
        Assert.Contains(error.Problems, p => p.Code == "entry.invalid-partner");
    }
}
