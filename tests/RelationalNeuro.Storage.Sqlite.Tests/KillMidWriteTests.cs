using System.Globalization;
using Microsoft.Data.Sqlite;
using RelationalNeuro.Interventions;
using RelationalNeuro.Tests.Interventions;

namespace RelationalNeuro.Storage.Sqlite.Tests;

/// <summary>
/// Durability: a child process writes entries in a loop, batches of 10 entries per transaction, and reports every
/// commit; it is killed at an arbitrary moment; on reopening, every reported entry must be present, whole, no
/// batch may be partly stored, and the file must be intact.
/// </summary>
public sealed class KillMidWriteTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task KilledWriter_Reopened_EveryCommittedEntryPresentAndFileIntact()
    {
        var path = _temp.File();
        var client = PracticeFixtures.NewClient();
        using (var setup = SqlitePracticeStore.Open(path))
        {
            await setup.AddClientAsync(client, Ct);
        }

        SqliteConnection.ClearAllPools();
        var committed = new List<long>();
        var next = 0L;
        var random = new Random(20261123);

        const int batch = 10; // the writer's batch size

        // Three kill rounds, each at a different moment (after 40–160 reported entries, plus a random delay).
        for (var round = 0; round < 3; round++)
        {
            var target = committed.Count + random.Next(40, 160);
            using var child = WriterProcess.Start(path, client.Id, next);
            var ready = await child.StandardOutput.ReadLineAsync(Ct);
            Assert.Equal("ready", ready);
            while (committed.Count < target)
            {
                var line = await child.StandardOutput.ReadLineAsync(Ct)
                    ?? throw new InvalidOperationException("writer exited early: " + await child.StandardError.ReadToEndAsync(Ct));
                committed.Add(long.Parse(line["committed ".Length..], CultureInfo.InvariantCulture));
            }

            await Task.Delay(random.Next(0, 25), Ct);
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync(Ct);

            // Lines written after our last read but before the kill are commits too.
            string? rest;
            while ((rest = await child.StandardOutput.ReadLineAsync(Ct)) is not null)
            {
                if (rest.StartsWith("committed ", StringComparison.Ordinal))
                {
                    committed.Add(long.Parse(rest["committed ".Length..], CultureInfo.InvariantCulture));
                }
            }

            using var store = SqlitePracticeStore.Open(path);
            Assert.Equal(["ok"], store.CheckIntegrity());
            var stored = await store.ListEntriesAsync(client.Id, cancellationToken: Ct);
            var storedIds = stored.Select(e => e.Id).ToHashSet();
            Assert.All(committed, i => Assert.Contains(WriterProcess.EntryId(i), storedIds));

            // At most the one in-flight transaction (a whole batch) may have committed without being reported.
            Assert.True(stored.Count % batch == 0, $"a batch was partly stored: {stored.Count} entries");
            Assert.InRange(stored.Count, committed.Count, committed.Count + batch);
            Assert.True(storedIds.SetEquals(Enumerable.Range(0, stored.Count).Select(i => WriterProcess.EntryId(i))), "stored entries are exactly 0..n-1");
            Assert.All(stored.Cast<GratitudeEntry>(), e => Assert.Equal(2000, e.Items[1].Length));
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"round {round}: {committed.Count} reported commits, {stored.Count} stored, writer exit code {child.ExitCode}");
            next = stored.Count;
            committed = [.. Enumerable.Range(0, stored.Count).Select(i => (long)i)];
            store.Dispose();
            SqliteConnection.ClearAllPools();
        }
    }
}
