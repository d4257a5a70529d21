using System.Text;
using RelationalNeuro.Emotions;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Tests.Interventions;

/// <summary>
/// The <see cref="IPracticeStore"/> contract; every implementation derives a test class from this one
/// (the file is also compiled into the SQLite store tests).
/// </summary>
public abstract class PracticeStoreContractTests
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract IPracticeStore CreateStore();

    protected async Task<(IPracticeStore Store, Client Client, PracticePlan Plan)> SeededAsync()
    {
        var store = CreateStore();
        var client = PracticeFixtures.NewClient();
        await store.AddClientAsync(client, Ct);
        var plan = PracticeFixtures.NewPlan(client.Id);
        await store.AddPlanAsync(plan, Ct);
        return (store, client, plan);
    }

    [Fact]
    public async Task AddEntries_EveryEntryType_ReadBackWithIdenticalJson()
    {
        var (store, client, plan) = await SeededAsync();
        var entries = PracticeFixtures.EveryEntryType(client.Id, plan.Id);
        await store.AddEntriesAsync(entries, Ct);

        var read = await store.ListEntriesAsync(client.Id, cancellationToken: Ct);

        Assert.Equal(entries.Select(PracticeJson.Serialize), read.Select(PracticeJson.Serialize));
        Assert.Equal(entries.Select(e => e.GetType()), read.Select(e => e.GetType()));
    }

    [Fact]
    public async Task AddEntries_UnknownClient_ThrowsUnknownClientAndWritesNothing()
    {
        var (store, client, _) = await SeededAsync();
        var stranger = Guid.NewGuid();

        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() =>
            store.AddEntriesAsync([PracticeFixtures.Gratitude(client.Id, null, PracticeFixtures.Monday), PracticeFixtures.Gratitude(stranger, null, PracticeFixtures.Monday)], Ct));

        Assert.Equal(PracticeStoreError.UnknownClient, ex.Error);
        Assert.Equal("$[1].clientId", Assert.Single(ex.Problems).Location);
        Assert.Empty(await store.ListEntriesAsync(client.Id, cancellationToken: Ct));
    }

    [Fact]
    public async Task AddEntries_UnknownPlan_ThrowsUnknownPlan()
    {
        var (store, client, _) = await SeededAsync();

        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() =>
            store.AddEntryAsync(PracticeFixtures.Gratitude(client.Id, Guid.NewGuid(), PracticeFixtures.Monday), Ct));

        Assert.Equal(PracticeStoreError.UnknownPlan, ex.Error);
    }

    [Fact]
    public async Task AddEntries_PlanOfAnotherClient_ThrowsUnknownPlan()
    {
        var (store, _, planOfA) = await SeededAsync();
        var b = PracticeFixtures.NewClient("B");
        await store.AddClientAsync(b, Ct);

        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() =>
            store.AddEntryAsync(PracticeFixtures.Gratitude(b.Id, planOfA.Id, PracticeFixtures.Monday), Ct));

        Assert.Equal(PracticeStoreError.UnknownPlan, ex.Error);
        Assert.Empty(await store.ListEntriesAsync(b.Id, cancellationToken: Ct));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public async Task AddEntries_IntensityOutOfRange_ThrowsInvalidDataLocated(int intensity)
    {
        var (store, client, plan) = await SeededAsync();
        var entry = (FeelingsCheckInEntry)PracticeFixtures.EveryEntryType(client.Id, plan.Id)[0];
        entry = entry with { Labels = [entry.Labels[0], entry.Labels[1] with { Intensity = intensity }] };

        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() => store.AddEntryAsync(entry, Ct));

        Assert.Equal(PracticeStoreError.InvalidData, ex.Error);
        var problem = Assert.Single(ex.Problems);
        Assert.Equal("emotion.intensity-out-of-range", problem.Code);
        Assert.Equal("$[0].labels[1].intensity", problem.Location);
        Assert.Empty(await store.ListEntriesAsync(client.Id, cancellationToken: Ct));
    }

    [Fact]
    public async Task AddEntries_LabelPathNotInWheel_ThrowsInvalidDataLocated()
    {
        var (store, client, plan) = await SeededAsync();
        var entry = (FeelingsCheckInEntry)PracticeFixtures.EveryEntryType(client.Id, plan.Id)[0];
        entry = entry with { Labels = [new EmotionLabel { Path = "afraid/flooded", Intensity = 5 }] };

        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() => store.AddEntryAsync(entry, Ct));

        Assert.Equal(PracticeStoreError.InvalidData, ex.Error);
        var problem = Assert.Single(ex.Problems);
        Assert.Equal("emotion.unknown-path", problem.Code);
        Assert.Equal("$[0].labels[0].path", problem.Location);
    }

    [Fact]
    public async Task AddEntries_BatchWithOneInvalidEntry_WritesNone()
    {
        var (store, client, plan) = await SeededAsync();
        var entries = PracticeFixtures.EveryEntryType(client.Id, plan.Id);
        entries[4] = ((NarrativeReflectionEntry)entries[4]) with { Text = " " };

        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() => store.AddEntriesAsync(entries, Ct));

        Assert.Equal("$[4].text", Assert.Single(ex.Problems).Location);
        Assert.Empty(await store.ListEntriesAsync(client.Id, cancellationToken: Ct));
    }

    [Fact]
    public async Task AddEntries_InterventionNotInPlan_ThrowsInvalidData()
    {
        var (store, client, plan) = await SeededAsync();
        var entry = PracticeFixtures.Gratitude(client.Id, plan.Id, PracticeFixtures.Monday) with { InterventionId = InterventionCatalog.EmpathyId };

        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() => store.AddEntryAsync(entry, Ct));

        Assert.Equal("entry.not-in-plan", Assert.Single(ex.Problems).Code);
    }

    [Fact]
    public async Task AddEntries_IdAlreadyStored_ThrowsDuplicateIdAndKeepsOriginal()
    {
        var (store, client, _) = await SeededAsync();
        var entry = PracticeFixtures.Gratitude(client.Id, null, PracticeFixtures.Monday);
        await store.AddEntryAsync(entry, Ct);

        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() => store.AddEntryAsync(entry with { Items = ["changed"] }, Ct));

        Assert.Equal(PracticeStoreError.DuplicateId, ex.Error);
        var stored = Assert.IsType<GratitudeEntry>(Assert.Single(await store.ListEntriesAsync(client.Id, cancellationToken: Ct)));
        Assert.Equal(["thing"], stored.Items);
    }

    [Fact]
    public async Task AddPlan_UnknownClient_ThrowsUnknownClient()
    {
        var store = CreateStore();

        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() => store.AddPlanAsync(PracticeFixtures.NewPlan(Guid.NewGuid()), Ct));

        Assert.Equal(PracticeStoreError.UnknownClient, ex.Error);
    }

    [Fact]
    public async Task AddPlan_UnknownIntervention_ThrowsInvalidDataLocated()
    {
        var store = CreateStore();
        var client = PracticeFixtures.NewClient();
        await store.AddClientAsync(client, Ct);
        var plan = PracticeFixtures.NewPlan(client.Id);
        plan = plan with { Assignments = [plan.Assignments[0], new PlanAssignment("cold-plunge", new PracticeSchedule())] };

        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() => store.AddPlanAsync(plan, Ct));

        Assert.Equal(PracticeStoreError.InvalidData, ex.Error);
        Assert.Equal("$.assignments[1].interventionId", Assert.Single(ex.Problems).Location);
        Assert.Empty(await store.ListPlansAsync(client.Id, Ct));
    }

    [Fact]
    public async Task AddMeasurement_NotFinite_ThrowsInvalidData()
    {
        var (store, client, _) = await SeededAsync();

        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() => store.AddMeasurementAsync(PracticeFixtures.NewMeasurement(client.Id, double.NaN), Ct));

        Assert.Equal("$.value", Assert.Single(ex.Problems).Location);
        Assert.Empty(await store.ListMeasurementsAsync(client.Id, Ct));
    }

    [Fact]
    public async Task Reads_TwoClients_NeverReturnTheOtherClientsData()
    {
        var (store, a, planA) = await SeededAsync();
        var b = PracticeFixtures.NewClient("B");
        await store.AddClientAsync(b, Ct);
        var planB = PracticeFixtures.NewPlan(b.Id);
        await store.AddPlanAsync(planB, Ct);
        await store.AddEntriesAsync(PracticeFixtures.EveryEntryType(a.Id, planA.Id), Ct);
        await store.AddEntriesAsync(PracticeFixtures.EveryEntryType(b.Id, planB.Id), Ct);
        await store.AddMeasurementAsync(PracticeFixtures.NewMeasurement(a.Id), Ct);
        await store.AddMeasurementAsync(PracticeFixtures.NewMeasurement(b.Id), Ct);
        await store.AddQuestionnaireScoreAsync(PracticeFixtures.NewScore(a.Id), Ct);
        await store.AddQuestionnaireScoreAsync(PracticeFixtures.NewScore(b.Id), Ct);

        Assert.All(await store.ListEntriesAsync(a.Id, cancellationToken: Ct), e => Assert.Equal(a.Id, e.ClientId));
        Assert.Equal(PracticeFixtures.EveryEntryType(b.Id, planB.Id).Count, (await store.ListEntriesAsync(b.Id, cancellationToken: Ct)).Count);
        Assert.Equal([planA.Id], (await store.ListPlansAsync(a.Id, Ct)).Select(p => p.Id));
        Assert.Null(await store.GetPlanAsync(b.Id, planA.Id, Ct));
        Assert.NotNull(await store.GetPlanAsync(a.Id, planA.Id, Ct));
        Assert.All(await store.ListMeasurementsAsync(b.Id, Ct), m => Assert.Equal(b.Id, m.ClientId));
        Assert.All(await store.ListQuestionnaireScoresAsync(a.Id, Ct), q => Assert.Equal(a.Id, q.ClientId));
        var export = await store.ExportClientAsync(a.Id, Ct);
        Assert.All(export.Entries, e => Assert.Equal(a.Id, e.ClientId));
        Assert.Single(export.Measurements);
        Assert.Empty(await store.ListEntriesAsync(Guid.NewGuid(), cancellationToken: Ct));
    }

    [Fact]
    public async Task ListEntries_TimeRange_ComparesUtcInstantsWhateverTheOffset()
    {
        var (store, client, _) = await SeededAsync();
        var utc = new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
        var early = PracticeFixtures.Gratitude(client.Id, null, utc.ToOffset(TimeSpan.FromHours(9)).AddMinutes(-1)); // 11:59Z written as 20:59+09
        var onTime = PracticeFixtures.Gratitude(client.Id, null, utc.ToOffset(TimeSpan.FromHours(-5))); // 12:00Z written as 07:00-05
        var late = PracticeFixtures.Gratitude(client.Id, null, utc.AddHours(1));
        await store.AddEntriesAsync([late, onTime, early], Ct);

        var read = await store.ListEntriesAsync(client.Id, utc, utc.AddHours(1), Ct);

        Assert.Equal([onTime.Id], read.Select(e => e.Id));
        Assert.Equal(TimeSpan.FromHours(-5), read[0].OccurredAt.Offset);
        Assert.Equal([early.Id, onTime.Id, late.Id], (await store.ListEntriesAsync(client.Id, cancellationToken: Ct)).Select(e => e.Id));
    }

    [Fact]
    public async Task ExportThenImport_IntoEmptyStore_RoundTripsExactly()
    {
        var (store, client, plan) = await SeededAsync();
        var entries = PracticeFixtures.EveryEntryType(client.Id, plan.Id);
        await store.AddEntriesAsync(entries, Ct);
        await store.AddMeasurementAsync(PracticeFixtures.NewMeasurement(client.Id), Ct);
        await store.AddQuestionnaireScoreAsync(PracticeFixtures.NewScore(client.Id), Ct);
        var first = Export(await store.ExportClientAsync(client.Id, Ct));

        var target = CreateStore();
        await target.ImportClientAsync(PracticeJson.ReadClientRecord(new MemoryStream(first)), Ct);
        var second = Export(await target.ExportClientAsync(client.Id, Ct));

        Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(second));
        Assert.Equal(entries.Select(PracticeJson.Serialize), (await target.ListEntriesAsync(client.Id, cancellationToken: Ct)).Select(PracticeJson.Serialize));
        Assert.Equal(PracticeJson.Serialize(plan), PracticeJson.Serialize(Assert.Single(await target.ListPlansAsync(client.Id, Ct))));
        Assert.Equal(PracticeJson.Serialize(client), PracticeJson.Serialize((await target.GetClientAsync(client.Id, Ct))!));
    }

    [Fact]
    public async Task Import_ClientAlreadyStored_ThrowsDuplicateId()
    {
        var (store, client, _) = await SeededAsync();
        var record = await store.ExportClientAsync(client.Id, Ct);

        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() => store.ImportClientAsync(record, Ct));

        Assert.Equal(PracticeStoreError.DuplicateId, ex.Error);
    }

    [Fact]
    public async Task Import_RecordWithInvalidItems_ReportsEveryProblemAndWritesNothing()
    {
        var client = PracticeFixtures.NewClient();
        var plan = PracticeFixtures.NewPlan(client.Id);
        var entries = PracticeFixtures.EveryEntryType(client.Id, plan.Id);
        entries[0] = ((FeelingsCheckInEntry)entries[0]) with { Labels = [new EmotionLabel { Path = "sad/nope", Intensity = 12 }] };
        entries[1] = entries[1] with { ClientId = Guid.NewGuid() };
        var record = new ClientRecord { Client = client, Plans = [plan], Entries = entries };
        var store = CreateStore();

        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() => store.ImportClientAsync(record, Ct));

        Assert.Equal(PracticeStoreError.InvalidData, ex.Error);
        Assert.Equal(
            ["$.entries[0].labels[0].intensity", "$.entries[0].labels[0].path", "$.entries[1].clientId"],
            ex.Problems.Select(p => p.Location).Order(StringComparer.Ordinal));
        Assert.Null(await store.GetClientAsync(client.Id, Ct));
        Assert.Empty(await store.ListClientsAsync(Ct));
    }

    [Fact]
    public async Task Import_NullOrAbsentListsInJson_ReadAsEmpty()
    {
        var client = PracticeFixtures.NewClient();
        var json = $$"""{ "formatVersion": 1, "client": {{PracticeJson.Serialize(client)}}, "plans": null, "entries": null }""";
        var record = PracticeJson.ReadClientRecord(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        var store = CreateStore();

        await store.ImportClientAsync(record, Ct);

        Assert.Empty(record.Measurements);
        Assert.NotNull(await store.GetClientAsync(client.Id, Ct));
        Assert.Empty(await store.ListEntriesAsync(client.Id, cancellationToken: Ct));
    }

    [Fact]
    public async Task AddEntries_EightConcurrentWriters_LoseNothing()
    {
        var (store, client, _) = await SeededAsync();
        const int writers = 8, perWriter = 40;
        var ids = new System.Collections.Concurrent.ConcurrentBag<Guid>();

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(
            async () =>
            {
                for (var i = 0; i < perWriter; i++)
                {
                    var e = PracticeFixtures.Gratitude(client.Id, null, PracticeFixtures.Monday.AddMinutes((w * perWriter) + i));
                    await store.AddEntryAsync(e, Ct);
                    ids.Add(e.Id);
                }
            },
            Ct)));

        var stored = await store.ListEntriesAsync(client.Id, cancellationToken: Ct);
        Assert.Equal(writers * perWriter, stored.Count);
        Assert.Equal(ids.Order(), stored.Select(e => e.Id).Order());
    }

    [Fact]
    public async Task UpdateClient_Stored_ReplacesItAndKeepsTheirRecords()
    {
        var (store, client, plan) = await SeededAsync();
        var archivedAt = new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

        await store.UpdateClientAsync(client with { DisplayName = "Renamed", TimeZoneId = "America/New_York", ArchivedAt = archivedAt }, Ct);

        var read = await store.GetClientAsync(client.Id, Ct);
        Assert.Equal("Renamed", read?.DisplayName);
        Assert.Equal("America/New_York", read?.TimeZoneId);
        Assert.Equal(archivedAt, read?.ArchivedAt);
        Assert.Equal(plan.Id, Assert.Single(await store.ListPlansAsync(client.Id, Ct)).Id);
        Assert.Single(await store.ListClientsAsync(Ct));
    }

    [Fact]
    public async Task UpdateClient_UnknownClient_ThrowsUnknownClientAndAddsNothing()
    {
        var store = CreateStore();

        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() => store.UpdateClientAsync(PracticeFixtures.NewClient(), Ct));

        Assert.Equal(PracticeStoreError.UnknownClient, ex.Error);
        Assert.Empty(await store.ListClientsAsync(Ct));
    }

    [Fact]
    public async Task UpdateClient_BlankName_ThrowsInvalidDataAndKeepsTheStoredClient()
    {
        var (store, client, _) = await SeededAsync();

        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() => store.UpdateClientAsync(client with { DisplayName = " " }, Ct));

        Assert.Equal(PracticeStoreError.InvalidData, ex.Error);
        Assert.Equal(client.DisplayName, (await store.GetClientAsync(client.Id, Ct))?.DisplayName);
    }

    [Fact]
    public async Task DeleteClient_WithEverything_RemovesAllOfTheirsAndNothingOfAnother()
    {
        var (store, a, planA) = await SeededAsync();
        await store.AddEntriesAsync(PracticeFixtures.EveryEntryType(a.Id, planA.Id), Ct);
        await store.AddMeasurementAsync(PracticeFixtures.NewMeasurement(a.Id), Ct);
        await store.AddQuestionnaireScoreAsync(PracticeFixtures.NewScore(a.Id), Ct);
        var b = PracticeFixtures.NewClient("B");
        await store.AddClientAsync(b, Ct);
        var planB = PracticeFixtures.NewPlan(b.Id);
        await store.AddPlanAsync(planB, Ct);
        await store.AddEntryAsync(PracticeFixtures.Gratitude(b.Id, planB.Id, PracticeFixtures.Monday), Ct);
        await store.AddMeasurementAsync(PracticeFixtures.NewMeasurement(b.Id), Ct);
        var before = Export(await store.ExportClientAsync(b.Id, Ct));

        Assert.True(await store.DeleteClientAsync(a.Id, Ct));

        Assert.Null(await store.GetClientAsync(a.Id, Ct));
        Assert.Null(await store.GetPlanAsync(a.Id, planA.Id, Ct));
        Assert.Empty(await store.ListPlansAsync(a.Id, Ct));
        Assert.Empty(await store.ListEntriesAsync(a.Id, cancellationToken: Ct));
        Assert.Empty(await store.ListMeasurementsAsync(a.Id, Ct));
        Assert.Empty(await store.ListQuestionnaireScoresAsync(a.Id, Ct));
        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() => store.ExportClientAsync(a.Id, Ct));
        Assert.Equal(PracticeStoreError.UnknownClient, ex.Error);
        Assert.Equal([b.Id], (await store.ListClientsAsync(Ct)).Select(c => c.Id));
        Assert.Equal(before, Export(await store.ExportClientAsync(b.Id, Ct)));
    }

    [Fact]
    public async Task DeleteClient_Unknown_ReturnsFalse()
    {
        var (store, client, _) = await SeededAsync();

        Assert.False(await store.DeleteClientAsync(Guid.NewGuid(), Ct));
        Assert.NotNull(await store.GetClientAsync(client.Id, Ct));
    }

    [Fact]
    public async Task DeleteClient_ThenImportTheirExport_RestoresTheSameRecord()
    {
        var (store, client, plan) = await SeededAsync();
        await store.AddEntriesAsync(PracticeFixtures.EveryEntryType(client.Id, plan.Id), Ct);
        var exported = Export(await store.ExportClientAsync(client.Id, Ct));

        Assert.True(await store.DeleteClientAsync(client.Id, Ct));
        using (var json = new MemoryStream(exported))
        {
            await store.ImportClientAsync(PracticeJson.ReadClientRecord(json), Ct);
        }

        Assert.Equal(exported, Export(await store.ExportClientAsync(client.Id, Ct)));
    }

    [Fact]
    public async Task UpdatePlan_Stored_ReplacesIt()
    {
        var (store, client, plan) = await SeededAsync();
        var changed = plan with
        {
            Name = "Eight weeks",
            EndDate = new DateOnly(2026, 4, 26),
            ArchivedAt = new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero),
            Assignments = [new(InterventionCatalog.GratitudeId, new PracticeSchedule())],
        };

        await store.UpdatePlanAsync(changed, Ct);

        Assert.Equal(PracticeJson.Serialize(changed), PracticeJson.Serialize((await store.GetPlanAsync(client.Id, plan.Id, Ct))!));
    }

    [Fact]
    public async Task UpdatePlan_AsAnotherClientsPlan_ThrowsUnknownPlanAndKeepsIt()
    {
        var (store, _, planOfA) = await SeededAsync();
        var b = PracticeFixtures.NewClient("B");
        await store.AddClientAsync(b, Ct);

        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() => store.UpdatePlanAsync(planOfA with { ClientId = b.Id, Name = "Taken" }, Ct));

        Assert.Equal(PracticeStoreError.UnknownPlan, ex.Error);
        Assert.Equal(planOfA.Name, (await store.GetPlanAsync(planOfA.ClientId, planOfA.Id, Ct))?.Name);
        Assert.Empty(await store.ListPlansAsync(b.Id, Ct));
    }

    [Fact]
    public async Task UpdatePlan_Unknown_ThrowsUnknownPlan()
    {
        var (store, client, _) = await SeededAsync();

        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() => store.UpdatePlanAsync(PracticeFixtures.NewPlan(client.Id), Ct));

        Assert.Equal(PracticeStoreError.UnknownPlan, ex.Error);
    }

    [Fact]
    public async Task DeletePlan_WithEntries_KeepsTheEntriesDetached()
    {
        var (store, client, plan) = await SeededAsync();
        var entries = PracticeFixtures.EveryEntryType(client.Id, plan.Id);
        await store.AddEntriesAsync(entries, Ct);

        Assert.True(await store.DeletePlanAsync(client.Id, plan.Id, Ct));

        Assert.Empty(await store.ListPlansAsync(client.Id, Ct));
        var kept = await store.ListEntriesAsync(client.Id, cancellationToken: Ct);
        Assert.Equal(entries.Select(e => PracticeJson.Serialize(e with { PlanId = null })), kept.Select(PracticeJson.Serialize));
    }

    [Fact]
    public async Task DeletePlan_OfAnotherClient_ReturnsFalseAndKeepsIt()
    {
        var (store, client, plan) = await SeededAsync();

        Assert.False(await store.DeletePlanAsync(Guid.NewGuid(), plan.Id, Ct));
        Assert.False(await store.DeletePlanAsync(client.Id, Guid.NewGuid(), Ct));

        Assert.NotNull(await store.GetPlanAsync(client.Id, plan.Id, Ct));
    }

    [Fact]
    public async Task UpdateClientIfUnchanged_StoredEqualsExpected_ReplacesIt()
    {
        var (store, client, _) = await SeededAsync();
        var renamed = client with { DisplayName = "Renamed", TimeZoneId = "America/New_York" };

        await store.UpdateClientIfUnchangedAsync(renamed, client, Ct);

        Assert.Equal(renamed, await store.GetClientAsync(client.Id, Ct));
    }

    [Fact]
    public async Task UpdateClientIfUnchanged_ChangedSinceRead_ThrowsConflictNamingTheIdAndKeepsTheOtherChange()
    {
        var (store, client, _) = await SeededAsync();
        var savedElsewhere = client with { DisplayName = "Saved elsewhere" };
        await store.UpdateClientAsync(savedElsewhere, Ct);

        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() =>
            store.UpdateClientIfUnchangedAsync(client with { DisplayName = "Saved here" }, client, Ct));

        Assert.Equal(PracticeStoreError.Conflict, ex.Error);
        var problem = Assert.Single(ex.Problems);
        Assert.Equal("store.conflict", problem.Code);
        Assert.Equal("$.id", problem.Location);
        Assert.Contains(client.Id.ToString(), problem.Message, StringComparison.Ordinal);
        Assert.Equal(savedElsewhere, await store.GetClientAsync(client.Id, Ct));
    }

    [Fact]
    public async Task UpdateClientIfUnchanged_ArchivedSinceRead_ThrowsConflict()
    {
        var (store, client, _) = await SeededAsync();
        var archived = client with { ArchivedAt = new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero) };
        await store.UpdateClientAsync(archived, Ct);

        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() =>
            store.UpdateClientIfUnchangedAsync(client with { DisplayName = "Renamed" }, client, Ct));

        Assert.Equal(PracticeStoreError.Conflict, ex.Error);
        Assert.Equal(archived, await store.GetClientAsync(client.Id, Ct));
    }

    [Fact]
    public async Task UpdateClientIfUnchanged_TwoUpdatesFromTheSameRead_SecondThrowsConflictAndTheFirstIsKept()
    {
        var (store, client, _) = await SeededAsync();
        var first = client with { DisplayName = "First" };

        await store.UpdateClientIfUnchangedAsync(first, client, Ct);
        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() =>
            store.UpdateClientIfUnchangedAsync(client with { DisplayName = "Second" }, client, Ct));

        Assert.Equal(PracticeStoreError.Conflict, ex.Error);
        Assert.Equal(first, await store.GetClientAsync(client.Id, Ct));
    }

    [Fact]
    public async Task UpdateClientIfUnchanged_EightConcurrentUpdatesFromTheSameRead_ExactlyOneWins()
    {
        var (store, client, _) = await SeededAsync();
        const int writers = 8;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(
            async () =>
            {
                try
                {
                    await store.UpdateClientIfUnchangedAsync(client with { DisplayName = $"Writer {w}" }, client, Ct);
                    return (Writer: w, Error: (PracticeStoreError?)null);
                }
                catch (PracticeStoreException ex)
                {
                    return (Writer: w, Error: ex.Error);
                }
            },
            Ct)));

        var winner = Assert.Single(outcomes, o => o.Error is null);
        Assert.All(outcomes.Where(o => o.Writer != winner.Writer), o => Assert.Equal(PracticeStoreError.Conflict, o.Error));
        Assert.Equal($"Writer {winner.Writer}", (await store.GetClientAsync(client.Id, Ct))?.DisplayName);
    }

    [Fact]
    public async Task UpdateClientIfUnchanged_UnknownClient_ThrowsUnknownClientNotConflictAndAddsNothing()
    {
        var store = CreateStore();
        var stranger = PracticeFixtures.NewClient();

        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() =>
            store.UpdateClientIfUnchangedAsync(stranger with { DisplayName = "Renamed" }, stranger, Ct));

        Assert.Equal(PracticeStoreError.UnknownClient, ex.Error);
        Assert.Empty(await store.ListClientsAsync(Ct));
    }

    [Fact]
    public async Task UpdateClientIfUnchanged_BlankName_ThrowsInvalidDataAndKeepsTheStoredClient()
    {
        var (store, client, _) = await SeededAsync();

        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() =>
            store.UpdateClientIfUnchangedAsync(client with { DisplayName = " " }, client, Ct));

        Assert.Equal(PracticeStoreError.InvalidData, ex.Error);
        Assert.Equal(client, await store.GetClientAsync(client.Id, Ct));
    }

    [Fact]
    public async Task UpdateClientIfUnchanged_ExpectedOfAnotherClient_ThrowsArgumentException()
    {
        var (store, client, _) = await SeededAsync();
        var other = PracticeFixtures.NewClient("B");
        await store.AddClientAsync(other, Ct);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => store.UpdateClientIfUnchangedAsync(client with { DisplayName = "Renamed" }, other, Ct));

        Assert.Equal("expected", ex.ParamName);
        Assert.Equal(client, await store.GetClientAsync(client.Id, Ct));
        Assert.Equal(other, await store.GetClientAsync(other.Id, Ct));
    }

    [Fact]
    public async Task UpdatePlanIfUnchanged_StoredEqualsExpectedInOtherListInstances_ReplacesIt()
    {
        var (store, client, plan) = await SeededAsync();
        // The same plan built anew: equal content in other list instances (record equality alone would say "changed").
        var sameContent = PracticeJson.DeserializePlan(PracticeJson.Serialize(plan));
        var changed = plan with { Name = "Eight weeks", EndDate = new DateOnly(2026, 4, 26) };

        await store.UpdatePlanIfUnchangedAsync(changed, sameContent, Ct);

        Assert.Equal(PracticeJson.Serialize(changed), PracticeJson.Serialize((await store.GetPlanAsync(client.Id, plan.Id, Ct))!));
    }

    [Fact]
    public async Task UpdatePlanIfUnchanged_ScheduleChangedSinceRead_ThrowsConflictNamingTheIdAndKeepsTheOtherChange()
    {
        var (store, client, plan) = await SeededAsync();
        var savedElsewhere = plan with
        {
            Assignments = [.. plan.Assignments.Select((a, i) => i == 0 ? a with { Schedule = a.Schedule with { SessionsPerDay = 4 } } : a)],
        };
        await store.UpdatePlanAsync(savedElsewhere, Ct);

        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() =>
            store.UpdatePlanIfUnchangedAsync(plan with { Name = "Saved here" }, plan, Ct));

        Assert.Equal(PracticeStoreError.Conflict, ex.Error);
        var problem = Assert.Single(ex.Problems);
        Assert.Equal("store.conflict", problem.Code);
        Assert.Contains(plan.Id.ToString(), problem.Message, StringComparison.Ordinal);
        Assert.Equal(PracticeJson.Serialize(savedElsewhere), PracticeJson.Serialize((await store.GetPlanAsync(client.Id, plan.Id, Ct))!));
    }

    [Fact]
    public async Task UpdatePlanIfUnchanged_TwoUpdatesFromTheSameRead_SecondThrowsConflictAndTheFirstIsKept()
    {
        var (store, client, plan) = await SeededAsync();
        var first = plan with { Name = "First" };

        await store.UpdatePlanIfUnchangedAsync(first, plan, Ct);
        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() => store.UpdatePlanIfUnchangedAsync(plan with { Name = "Second" }, plan, Ct));

        Assert.Equal(PracticeStoreError.Conflict, ex.Error);
        Assert.Equal("First", (await store.GetPlanAsync(client.Id, plan.Id, Ct))?.Name);
    }

    [Fact]
    public async Task UpdatePlanIfUnchanged_DeletedOrAnotherClients_ThrowsUnknownPlanNotConflict()
    {
        var (store, client, plan) = await SeededAsync();
        var b = PracticeFixtures.NewClient("B");
        await store.AddClientAsync(b, Ct);
        var asB = plan with { ClientId = b.Id };

        var another = await Assert.ThrowsAsync<PracticeStoreException>(() => store.UpdatePlanIfUnchangedAsync(asB with { Name = "Taken" }, asB, Ct));
        Assert.True(await store.DeletePlanAsync(client.Id, plan.Id, Ct));
        var deleted = await Assert.ThrowsAsync<PracticeStoreException>(() => store.UpdatePlanIfUnchangedAsync(plan with { Name = "Back" }, plan, Ct));

        Assert.Equal(PracticeStoreError.UnknownPlan, another.Error);
        Assert.Equal(PracticeStoreError.UnknownPlan, deleted.Error);
        Assert.Empty(await store.ListPlansAsync(client.Id, Ct));
        Assert.Empty(await store.ListPlansAsync(b.Id, Ct));
    }

    [Fact]
    public async Task UpdatePlanIfUnchanged_ExpectedOfAnotherPlan_ThrowsArgumentException()
    {
        var (store, client, plan) = await SeededAsync();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            store.UpdatePlanIfUnchangedAsync(plan with { Name = "Renamed" }, plan with { Id = Guid.NewGuid() }, Ct));

        Assert.Equal("expected", ex.ParamName);
        Assert.Equal(plan.Name, (await store.GetPlanAsync(client.Id, plan.Id, Ct))?.Name);
    }

    private static byte[] Export(ClientRecord record)
    {
        using var buffer = new MemoryStream();
        PracticeJson.WriteClientRecord(record, buffer);
        return buffer.ToArray();
    }
}

public sealed class InMemoryPracticeStoreTests : PracticeStoreContractTests
{
    protected override IPracticeStore CreateStore() => new InMemoryPracticeStore();

    // Issue #13, defect 9: a lone UTF-16 surrogate has no UTF-8 form; SQLite and the JSON export wrote U+FFFD in its
    // place without a word. Every store now refuses it, naming the field; valid text (surrogate pairs included) is kept.
    [Fact]
    public async Task AddEntries_LoneSurrogateInAnyEntryType_IsRefusedNamingTheField_AndNothingIsWritten()
    {
        var (store, client, plan) = await SeededAsync();
        var entries = PracticeFixtures.EveryEntryType(client.Id, plan.Id)
            .Select((e, i) => e with { Note = i % 2 == 0 ? "before \uD83D" : "\uDE00 after" })  // a high, then a low one alone
            .ToList();

        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() => store.AddEntriesAsync(entries, Ct));

        Assert.Equal(PracticeStoreError.InvalidData, ex.Error);
        Assert.Equal(
            Enumerable.Range(0, entries.Count).Select(i => $"$[{i}].note"),
            ex.Problems.Select(p => p.Location));
        Assert.All(ex.Problems, p => Assert.Equal("data.lone-surrogate", p.Code));
        Assert.Contains("U+D83D at index 7", ex.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("U+DE00 at index 0", ex.Problems[1].Message, StringComparison.Ordinal);
        Assert.Empty(await store.ListEntriesAsync(client.Id, cancellationToken: Ct));
    }

    [Fact]
    public async Task LoneSurrogate_InNestedListsAndKeys_IsLocatedByItsJsonPath()
    {
        var (store, client, plan) = await SeededAsync();
        var every = PracticeFixtures.EveryEntryType(client.Id, plan.Id);
        var checkIn = (FeelingsCheckInEntry)every[0];
        var gratitude = (GratitudeEntry)every[1];
        var broken = new PracticeEntry[]
        {
            checkIn with { Labels = [checkIn.Labels[0] with { Sensation = "ti\uDC00ght" }, checkIn.Labels[1]] },
            gratitude with { Items = ["fine", "sun\uD800"] },
        };

        var entries = await Assert.ThrowsAsync<PracticeStoreException>(() => store.AddEntriesAsync(broken, Ct));
        Assert.Equal(["$[0].labels[0].sensation", "$[1].items[1]"], entries.Problems.Select(p => p.Location));

        var badClient = PracticeFixtures.NewClient("A. \uDBFFClient");
        var clientError = await Assert.ThrowsAsync<PracticeStoreException>(() => store.AddClientAsync(badClient, Ct));
        Assert.Equal(PracticeStoreError.InvalidData, clientError.Error);
        Assert.Equal("$.displayName", Assert.Single(clientError.Problems).Location);
        Assert.Null(await store.GetClientAsync(badClient.Id, Ct));

        var score = PracticeFixtures.NewScore(client.Id) with { Scores = new Dictionary<string, double> { ["tot\uD800al"] = 88 } };
        var scoreError = await Assert.ThrowsAsync<PracticeStoreException>(() => store.AddQuestionnaireScoreAsync(score, Ct));
        Assert.Equal("$.scores", Assert.Single(scoreError.Problems).Location);
        Assert.Empty(await store.ListQuestionnaireScoresAsync(client.Id, Ct));

        var measurement = PracticeFixtures.NewMeasurement(client.Id) with { Unit = "\uDFFF" };
        var measurementError = await Assert.ThrowsAsync<PracticeStoreException>(() => store.AddMeasurementAsync(measurement, Ct));
        Assert.Equal("$.unit", Assert.Single(measurementError.Problems).Location);
    }

    [Fact]
    public async Task ValidSurrogatePairs_AreStoredAndExportedUnchanged()
    {
        // U+1F600 (😀) is the pair D83D DE00, U+10FFFF the pair DBFF DFFF: valid UTF-16, four UTF-8 bytes each.
        var (store, client, plan) = await SeededAsync();
        var text = "smile \uD83D\uDE00, last \uDBFF\uDFFF";
        var entry = PracticeFixtures.Gratitude(client.Id, plan.Id, PracticeFixtures.Monday) with { Note = text, Items = [text] };
        await store.AddEntryAsync(entry, Ct);

        var read = (GratitudeEntry)Assert.Single(await store.ListEntriesAsync(client.Id, cancellationToken: Ct));
        Assert.Equal(text, read.Note);
        Assert.Equal(text, Assert.Single(read.Items));

        using var export = new MemoryStream();
        PracticeJson.WriteClientRecord(await store.ExportClientAsync(client.Id, Ct), export);
        export.Position = 0;
        var roundTrip = PracticeJson.ReadClientRecord(export);
        Assert.Equal(text, Assert.Single(roundTrip.Entries).Note);
    }

    [Fact]
    public async Task Export_OfARecordWithALoneSurrogate_IsRefused_AndWritesNothing()
    {
        var (store, client, plan) = await SeededAsync();
        await store.AddEntryAsync(PracticeFixtures.Gratitude(client.Id, plan.Id, PracticeFixtures.Monday), Ct);
        var record = await store.ExportClientAsync(client.Id, Ct);
        var broken = record with { Client = record.Client with { DisplayName = "A. \uD800" } };

        using var export = new MemoryStream();
        var ex = Assert.Throws<PracticeStoreException>(() => PracticeJson.WriteClientRecord(broken, export));

        Assert.Equal(PracticeStoreError.InvalidData, ex.Error);
        Assert.Equal("$.client.displayName", Assert.Single(ex.Problems).Location);
        Assert.Equal(0, export.Length);
    }
}
