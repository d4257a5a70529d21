using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using RelationalNeuro.Interventions;
using RelationalNeuro.Tests.Interventions;

namespace RelationalNeuro.Storage.Sqlite.Tests;

/// <summary>
/// Concurrency across processes: two child processes (<c>RelationalNeuro.Storage.Sqlite.KillWriter</c> with a count)
/// open the same file and, released together, each write N entries in transactions of 10, queueing on SQLite's lock
/// (WAL, <c>busy_timeout</c> <see cref="SqlitePracticeStore.BusyTimeout"/>). Afterwards all 2N entries are there, each
/// exactly once and whole, and the file passes its integrity check; each writer began before the other's last commit.
/// </summary>
public sealed class TwoProcessWriterTests : IDisposable
{
    private const int PerWriter = 2000;
    private const long SecondFirstIndex = 1_000_000;

    private readonly TempDatabase _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task TwoProcesses_WritingConcurrently_LoseAndDoubleNothing()
    {
        var summary = await RunOnceAsync();
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
    }

    private async Task<string> RunOnceAsync()
    {
        var path = _temp.File("practice.db");
        var client = PracticeFixtures.NewClient();
        using (var setup = SqlitePracticeStore.Open(path))
        {
            await setup.AddClientAsync(client, Ct);
        }

        SqliteConnection.ClearAllPools();
        using var a = WriterProcess.Start(path, client.Id, 0, PerWriter);
        using var b = WriterProcess.Start(path, client.Id, SecondFirstIndex, PerWriter);
        foreach (var writer in new[] { a, b })
        {
            Assert.Equal("ready", await writer.StandardOutput.ReadLineAsync(Ct));
        }

        // Released together; each commit's arrival time is kept to show the two writers' commits interleaved.
        var clock = Stopwatch.StartNew();
        a.StandardInput.WriteLine("go");
        b.StandardInput.WriteLine("go");
        a.StandardInput.Flush();
        b.StandardInput.Flush();
        var reading = await Task.WhenAll(ReadCommitsAsync(a, clock), ReadCommitsAsync(b, clock));  // both pipes at once
        var ((startA, reportedA, timesA), (startB, reportedB, timesB)) = (reading[0], reading[1]);
        var seconds = clock.Elapsed.TotalSeconds;
        Assert.Equal(0, a.ExitCode);
        Assert.Equal(0, b.ExitCode);

        SqliteConnection.ClearAllPools();
        using var store = SqlitePracticeStore.Open(path);
        Assert.Equal(["ok"], store.CheckIntegrity());
        var stored = await store.ListEntriesAsync(client.Id, cancellationToken: Ct);
        var expected = Enumerable.Range(0, PerWriter).Select(i => WriterProcess.EntryId(i))
            .Concat(Enumerable.Range(0, PerWriter).Select(i => WriterProcess.EntryId(SecondFirstIndex + i)))
            .ToHashSet();

        Assert.Equal(2 * PerWriter, stored.Count);                            // nothing doubled ...
        Assert.True(expected.SetEquals(stored.Select(e => e.Id)), "stored ids are exactly both writers' ids");  // ... nothing lost
        Assert.Equal(PerWriter, reportedA.Count);
        Assert.Equal(PerWriter, reportedB.Count);
        Assert.All(stored.Cast<GratitudeEntry>(), e => Assert.Equal(2000, e.Items[1].Length));

        // The writers contended: each began its first transaction before the other's last commit, so one at least
        // waited on the other's lock. Whether their commits also interleave is SQLite's busy handler's choice (it may
        // let one writer take every lock while the other sleeps: a fresh-clone CI machine committed all of B after A's
        // last in five runs out of five), so it is reported, not required.
        Assert.True(
            startA < timesB[^1] && startB < timesA[^1],
            string.Create(CultureInfo.InvariantCulture, $"the writers did not contend: A began at {startA:0.00} s and last committed at {timesA[^1]:0.00} s, B {startB:0.00} s and {timesB[^1]:0.00} s"));
        var interleaved = timesA[0] < timesB[^1] && timesB[0] < timesA[^1];
        return string.Create(
            CultureInfo.InvariantCulture,
            $"2 processes × {PerWriter} entries ({PerWriter / 10} transactions each): {stored.Count} stored, 0 lost, 0 doubled, {seconds:0.00} s, {2 * PerWriter / seconds:0} entries/s; A committed {timesA[0]:0.00}–{timesA[^1]:0.00} s, B {timesB[0]:0.00}–{timesB[^1]:0.00} s ({(interleaved ? "interleaved" : "one after the other")})");
    }

    private static async Task<(double Start, List<long> Indices, List<double> Seconds)> ReadCommitsAsync(Process writer, Stopwatch clock)
    {
        Assert.Equal("writing", await writer.StandardOutput.ReadLineAsync(Ct));
        var start = clock.Elapsed.TotalSeconds;
        var indices = new List<long>();
        var seconds = new List<double>();
        string? line;
        while ((line = await writer.StandardOutput.ReadLineAsync(Ct)) is not null && line != "done")
        {
            indices.Add(long.Parse(line["committed ".Length..], CultureInfo.InvariantCulture));
            seconds.Add(clock.Elapsed.TotalSeconds);
        }

        await writer.WaitForExitAsync(Ct);
        Assert.True(line == "done", "writer stopped early: " + await writer.StandardError.ReadToEndAsync(Ct));
        return (start, indices, seconds);
    }
}
