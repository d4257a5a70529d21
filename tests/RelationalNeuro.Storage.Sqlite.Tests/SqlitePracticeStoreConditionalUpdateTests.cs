using Microsoft.Data.Sqlite;
using RelationalNeuro.Interventions;
using RelationalNeuro.Tests.Interventions;

namespace RelationalNeuro.Storage.Sqlite.Tests;

/// <summary>
/// Conditional updates on a real SQLite file shared by two store instances (as two gallery processes, or a gallery and
/// a script, would share it): the comparison and the write are one <c>BEGIN IMMEDIATE</c> transaction, so of two updates
/// from the same read exactly one wins, and the file then holds the winner's record.
/// </summary>
public sealed class SqlitePracticeStoreConditionalUpdateTests : IDisposable
{
    private const int Rounds = 25;

    private readonly TempDatabase _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task UpdateClientIfUnchanged_TwoInstancesOnOneFileRaceFromTheSameRead_ExactlyOneWinsEachRound()
    {
        var path = _temp.File();
        using var first = SqlitePracticeStore.Open(path);
        using var second = SqlitePracticeStore.Open(path);
        var client = PracticeFixtures.NewClient();
        await first.AddClientAsync(client, Ct);

        for (var round = 0; round < Rounds; round++)
        {
            var read = (await first.GetClientAsync(client.Id, Ct))!;
            var (a, b) = await RaceAsync(
                () => first.UpdateClientIfUnchangedAsync(read with { DisplayName = $"First {round}" }, read, Ct),
                () => second.UpdateClientIfUnchangedAsync(read with { DisplayName = $"Second {round}" }, read, Ct));

            var winner = AssertExactlyOneWon(a, b, "First", "Second");
            Assert.Equal($"{winner} {round}", (await second.GetClientAsync(client.Id, Ct))?.DisplayName);
            Assert.Equal($"{winner} {round}", (await first.GetClientAsync(client.Id, Ct))?.DisplayName);
        }

        Assert.Equal(["ok"], first.CheckIntegrity());
    }

    [Fact]
    public async Task UpdatePlanIfUnchanged_TwoInstancesOnOneFileRaceFromTheSameRead_ExactlyOneWinsEachRound()
    {
        var path = _temp.File();
        using var first = SqlitePracticeStore.Open(path);
        using var second = SqlitePracticeStore.Open(path);
        var client = PracticeFixtures.NewClient();
        await first.AddClientAsync(client, Ct);
        var plan = PracticeFixtures.NewPlan(client.Id);
        await first.AddPlanAsync(plan, Ct);

        for (var round = 0; round < Rounds; round++)
        {
            var read = (await second.GetPlanAsync(client.Id, plan.Id, Ct))!;
            var (a, b) = await RaceAsync(
                () => first.UpdatePlanIfUnchangedAsync(read with { Name = $"First {round}" }, read, Ct),
                () => second.UpdatePlanIfUnchangedAsync(read with { Name = $"Second {round}" }, read, Ct));

            var winner = AssertExactlyOneWon(a, b, "First", "Second");
            Assert.Equal($"{winner} {round}", (await first.GetPlanAsync(client.Id, plan.Id, Ct))?.Name);
        }
    }

    [Fact]
    public async Task UpdateClientIfUnchanged_RowWrittenInOtherJsonText_ComparesTheRecordNotTheText()
    {
        // A row as another version of the library might have written it: the same client, members in another order,
        // with spaces. It is the record the caller read, so the update is not refused as a conflict.
        var path = _temp.File();
        var client = PracticeFixtures.NewClient();
        using var store = SqlitePracticeStore.Open(path);
        await store.AddClientAsync(client, Ct);
        var otherText = $$"""{ "timeZoneId": "{{client.TimeZoneId}}", "createdAt": "2026-03-01T12:00:00+00:00", "displayName": "{{client.DisplayName}}", "id": "{{client.Id:D}}" }""";
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE clients SET json = $json WHERE id = $id;";
            cmd.Parameters.AddWithValue("$json", otherText);
            cmd.Parameters.AddWithValue("$id", client.Id.ToString("D"));
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }

        var read = (await store.GetClientAsync(client.Id, Ct))!;
        Assert.Equal(client, read);

        await store.UpdateClientIfUnchangedAsync(read with { DisplayName = "Renamed" }, read, Ct);

        Assert.Equal("Renamed", (await store.GetClientAsync(client.Id, Ct))?.DisplayName);
    }

    [Fact]
    public async Task UpdateClientIfUnchanged_ChangedThroughAnotherInstance_ThrowsConflictAndTheFileKeepsTheOtherChange()
    {
        var path = _temp.File();
        using var tabOne = SqlitePracticeStore.Open(path);
        using var tabTwo = SqlitePracticeStore.Open(path);
        var client = PracticeFixtures.NewClient();
        await tabOne.AddClientAsync(client, Ct);
        var shownInTwo = (await tabTwo.GetClientAsync(client.Id, Ct))!;
        await tabOne.UpdateClientIfUnchangedAsync(client with { DisplayName = "Saved in one" }, client, Ct);

        var ex = await Assert.ThrowsAsync<PracticeStoreException>(() =>
            tabTwo.UpdateClientIfUnchangedAsync(shownInTwo with { DisplayName = "Saved in two" }, shownInTwo, Ct));

        Assert.Equal(PracticeStoreError.Conflict, ex.Error);
        Assert.Equal("store.conflict", Assert.Single(ex.Problems).Code);
        using var reopened = SqlitePracticeStore.Open(path);
        Assert.Equal("Saved in one", (await reopened.GetClientAsync(client.Id, Ct))?.DisplayName);
    }

    /// <summary>Starts both updates at the same moment (each on its own thread) and returns how each ended.</summary>
    private static async Task<(PracticeStoreError? A, PracticeStoreError? B)> RaceAsync(Func<Task> a, Func<Task> b)
    {
        using var start = new Barrier(2);
        var outcomes = await Task.WhenAll(Run(a), Run(b));
        return (outcomes[0], outcomes[1]);

        Task<PracticeStoreError?> Run(Func<Task> update) => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait(Ct);
                try
                {
                    update().GetAwaiter().GetResult();
                    return (PracticeStoreError?)null;
                }
                catch (PracticeStoreException ex)
                {
                    return ex.Error;
                }
            },
            Ct,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    private static string AssertExactlyOneWon(PracticeStoreError? a, PracticeStoreError? b, string nameA, string nameB)
    {
        Assert.True((a is null) != (b is null), $"Exactly one update should win; outcomes were {a?.ToString() ?? "written"} and {b?.ToString() ?? "written"}.");
        Assert.Equal(PracticeStoreError.Conflict, a ?? b);
        return a is null ? nameA : nameB;
    }
}
