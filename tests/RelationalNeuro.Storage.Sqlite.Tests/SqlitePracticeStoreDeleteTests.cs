using System.Text;
using Microsoft.Data.Sqlite;
using RelationalNeuro.Interventions;
using RelationalNeuro.Tests.Interventions;

namespace RelationalNeuro.Storage.Sqlite.Tests;

/// <summary>
/// Deleting a client on a real SQLite file: the rows are gone when the file is opened afresh, and — because the delete
/// runs with <c>secure_delete</c> and empties the write-ahead log — the client's text is no longer in either file's bytes.
/// </summary>
public sealed class SqlitePracticeStoreDeleteTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    private static long Count(string path, string sql, Guid clientId)
    {
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$client", clientId.ToString("D"));
        return (long)cmd.ExecuteScalar()!;
    }

    private static bool FileContains(string path, string text)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
    }

    [Fact]
    public async Task DeleteClient_OnFile_RowsGoneAndTheirTextNotInTheFileOrItsLog()
    {
        var path = _temp.File();
        const string Marker = "Zebulon-7f3a-unique-marker";
        using var store = SqlitePracticeStore.Open(path);
        var client = PracticeFixtures.NewClient(Marker + " client");
        await store.AddClientAsync(client, Ct);
        var plan = PracticeFixtures.NewPlan(client.Id) with { Name = Marker + " plan" };
        await store.AddPlanAsync(plan, Ct);
        var entries = PracticeFixtures.EveryEntryType(client.Id, plan.Id).Select(e => e with { Note = Marker + " note " + e.Id }).ToList();
        await store.AddEntriesAsync(entries, Ct);
        await store.AddMeasurementAsync(PracticeFixtures.NewMeasurement(client.Id), Ct);
        await store.AddQuestionnaireScoreAsync(PracticeFixtures.NewScore(client.Id), Ct);
        var other = PracticeFixtures.NewClient("Keeps her data");
        await store.AddClientAsync(other, Ct);
        await store.AddEntryAsync(PracticeFixtures.Gratitude(other.Id, null, PracticeFixtures.Monday), Ct);
        Assert.True(FileContains(path, Marker) || FileContains(path + "-wal", Marker), "the marker must be on disk before the delete");

        Assert.True(await store.DeleteClientAsync(client.Id, Ct));

        SqliteConnection.ClearAllPools();
        foreach (var table in (string[])["plans", "entries", "measurements", "questionnaire_scores"])
        {
            Assert.Equal(0L, Count(path, $"SELECT count(*) FROM {table} WHERE client_id = $client;", client.Id));
        }

        Assert.Equal(0L, Count(path, "SELECT count(*) FROM clients WHERE id = $client;", client.Id));
        Assert.Equal(1L, Count(path, "SELECT count(*) FROM entries WHERE client_id = $client;", other.Id));
        Assert.False(FileContains(path, Marker), "the deleted client's text is still in the database file");
        Assert.False(FileContains(path + "-wal", Marker), "the deleted client's text is still in the write-ahead log");
        Assert.Equal(["ok"], store.CheckIntegrity());
    }
}
