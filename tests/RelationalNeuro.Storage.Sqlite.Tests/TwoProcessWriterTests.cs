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
/// exactly once and whole, and the file passes its integrity check.
/// </summary>
public sealed class TwoProcessWriterTests : IDisposable
{
    private const int PerWriter = 2000;
    private const long SecondFirstIndex = 1_000_000;

    private readonly TempDatabase _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// SQLite's busy handler may let one writer take every lock while the other backs off, so in a given run the commits
    /// need not interleave; every run must lose and double nothing, and up to this many runs are made until one shows
    /// the commits interleaved (a run on a loaded machine once committed all of B before A's first).
    /// </summary>
    private const int MaxRuns = 5;

    [Fact]
    public async Task TwoProcesses_WritingConcurrently_LoseAndDoubleNothing()
    {
        var runs = new List<string>();
        for (var run = 0; run < MaxRuns; run++)
        {
            var (overlapped, summary) = await RunOnceAsync(run);
            runs.Add(summary);
            if (overlapped)
            {
                TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, runs));
                return;
            }
        }

        Assert.Fail($"no run of {MaxRuns} interleaved the two writers' commits: " + string.Join("; ", runs));
    }

    private async Task<(bool Overlapped, string Summary)> RunOnceAsync(int run)
    {
        var path = _temp.File(string.Create(CultureInfo.InvariantCulture, $"practice-{run}.db"));
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
        var ((reportedA, timesA), (reportedB, timesB)) = (reading[0], reading[1]);
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

        // The writers really overlapped: each committed while the other was still writing.
        var overlapped = timesA[0] < timesB[^1] && timesB[0] < timesA[^1];
        return (overlapped, string.Create(
            CultureInfo.InvariantCulture,
            $"2 processes × {PerWriter} entries ({PerWriter / 10} transactions each): {stored.Count} stored, 0 lost, 0 doubled, {seconds:0.00} s, {2 * PerWriter / seconds:0} entries/s; A committed {timesA[0]:0.00}–{timesA[^1]:0.00} s, B {timesB[0]:0.00}–{timesB[^1]:0.00} s{(overlapped ? "" : " (not interleaved)")}"));
    }

    private static async Task<(List<long> Indices, List<double> Seconds)> ReadCommitsAsync(Process writer, Stopwatch clock)
    {
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
        return (indices, seconds);
    }
}
