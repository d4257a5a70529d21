using Microsoft.Data.Sqlite;
using RelationalNeuro.Interventions;
using RelationalNeuro.Tests.Interventions;

namespace RelationalNeuro.Storage.Sqlite.Tests;

public sealed class SqlitePracticeStoreTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    private static object? Scalar(string path, string sql)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    [Fact]
    public void Open_FolderDoesNotExist_ThrowsNamingTheFolder_AndCreatesNothing()
    {
        var folder = Path.Combine(_temp.Folder, "no-such-folder");
        var ex = Assert.Throws<DirectoryNotFoundException>(() => SqlitePracticeStore.Open(Path.Combine(folder, "practice.db")));
        Assert.Contains(folder, ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Open_NewFile_CurrentSchemaWalAndApplicationId()
    {
        var path = _temp.File();
        using (SqlitePracticeStore.Open(path))
        {
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal((long)SqlitePracticeStore.SchemaVersion, Scalar(path, "PRAGMA user_version;"));
        Assert.Equal("wal", Scalar(path, "PRAGMA journal_mode;"));
        Assert.Equal(0x524E5053L, Scalar(path, "PRAGMA application_id;"));
    }

    [Fact]
    public async Task Open_VersionOneFile_MigratedToCurrentKeepingData()
    {
        var path = _temp.File();
        var client = PracticeFixtures.NewClient();
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            // A file as version 1 of the library wrote it: the tables, no indexes.
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = SqliteSchema.Migrations[0] + "PRAGMA user_version = 1; INSERT INTO clients (id, json) VALUES ($id, $json);";
            cmd.Parameters.AddWithValue("$id", client.Id.ToString("D"));
            cmd.Parameters.AddWithValue("$json", PracticeJson.Serialize(client));
            cmd.ExecuteNonQuery();
        }

        using var store = SqlitePracticeStore.Open(path);

        Assert.Equal(PracticeJson.Serialize(client), PracticeJson.Serialize((await store.GetClientAsync(client.Id, Ct))!));
        SqliteConnection.ClearAllPools();
        Assert.Equal(2L, Scalar(path, "PRAGMA user_version;"));
        Assert.Equal(4L, Scalar(path, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name LIKE 'ix_%';"));
    }

    [Fact]
    public void Open_NewerSchema_ThrowsNewerSchemaAndLeavesFileAlone()
    {
        var path = _temp.File();
        using (SqlitePracticeStore.Open(path))
        {
        }

        SqliteConnection.ClearAllPools();
        Scalar(path, "PRAGMA user_version = 99;");
        var before = File.ReadAllBytes(path);

        var ex = Assert.Throws<PracticeStoreException>(() => SqlitePracticeStore.Open(path));

        Assert.Equal(PracticeStoreError.NewerSchema, ex.Error);
        SqliteConnection.ClearAllPools();
        Assert.Equal(99L, Scalar(path, "PRAGMA user_version;"));
        Assert.Equal(before.Length, new FileInfo(path).Length);
    }

    [Fact]
    public void Open_NotASqliteFile_ThrowsCorruptStore()
    {
        var path = _temp.File();
        File.WriteAllText(path, "These are my notes, not a database. Lots of text to pass any size check. " + new string('z', 5000));

        var ex = Assert.Throws<PracticeStoreException>(() => SqlitePracticeStore.Open(path));

        Assert.Equal(PracticeStoreError.CorruptStore, ex.Error);
    }

    [Fact]
    public async Task Open_DamagedPages_ThrowsCorruptStore()
    {
        var path = _temp.File();
        using (var store = SqlitePracticeStore.Open(path))
        {
            var client = PracticeFixtures.NewClient();
            await store.AddClientAsync(client, Ct);
            var entries = Enumerable.Range(0, 300).Select(i => (PracticeEntry)PracticeFixtures.Gratitude(client.Id, null, PracticeFixtures.Monday.AddMinutes(i))).ToList();
            await store.AddEntriesAsync(entries, Ct);
        }

        SqliteConnection.ClearAllPools();
        Scalar(path, "PRAGMA wal_checkpoint(TRUNCATE);");
        SqliteConnection.ClearAllPools();
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 8 * 4096, "the test needs a multi-page file");
        // Overwrite pages 3.. with garbage, keeping the 100-byte header and the schema page intact.
        var rng = new Random(7);
        var garbage = new byte[bytes.Length - (2 * 4096)];
        rng.NextBytes(garbage);
        garbage.CopyTo(bytes, 2 * 4096);
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<PracticeStoreException>(() => SqlitePracticeStore.Open(path));

        Assert.Equal(PracticeStoreError.CorruptStore, ex.Error);
    }

    [Fact]
    public void Open_AnotherApplicationsDatabase_ThrowsCorruptStore()
    {
        var path = _temp.File();
        Scalar(path, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL);");

        var ex = Assert.Throws<PracticeStoreException>(() => SqlitePracticeStore.Open(path));

        Assert.Equal(PracticeStoreError.CorruptStore, ex.Error);
        SqliteConnection.ClearAllPools();
        Assert.Equal(0L, Scalar(path, "PRAGMA user_version;"));
    }

    [Fact]
    public async Task TwoStoresOnOneFile_ConcurrentWriters_LoseNothing()
    {
        var path = _temp.File();
        using var first = SqlitePracticeStore.Open(path);
        using var second = SqlitePracticeStore.Open(path);
        var client = PracticeFixtures.NewClient();
        await first.AddClientAsync(client, Ct);

        await Task.WhenAll(new[] { first, second, first, second }.Select((s, w) => Task.Run(
            async () =>
            {
                for (var i = 0; i < 50; i++)
                {
                    await s.AddEntryAsync(PracticeFixtures.Gratitude(client.Id, null, PracticeFixtures.Monday.AddMinutes((w * 50) + i)), Ct);
                }
            },
            Ct)));

        Assert.Equal(200, (await second.ListEntriesAsync(client.Id, cancellationToken: Ct)).Count);
        Assert.Equal(["ok"], first.CheckIntegrity());
    }
}
