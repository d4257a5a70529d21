using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using RelationalNeuro.Emotions;
using RelationalNeuro.Interventions;
using RelationalNeuro.Storage.Sqlite;

namespace RelationalNeuro.Benchmarks.Practices;

/// <summary>
/// Granularity over a year of twice-daily check-ins (730 check-ins × 2 labels, seeded), and progress over the same
/// year; a realistic practitioner workload, not a hot loop.
/// </summary>
[MemoryDiagnoser]
public class GranularityAndProgressBenchmarks
{
    private EmotionLabel[] _labels = [];
    private PracticeEntry[] _entries = [];
    private PracticePlan _plan = null!;
    private readonly TimeProvider _clock = new FixedClock(new DateTimeOffset(2026, 12, 31, 12, 0, 0, TimeSpan.Zero));

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var paths = FeelingWheels.RelationalNeuro.Nodes.Select(n => n.Path).ToArray();
        _labels = Enumerable.Range(0, 1460).Select(_ => new EmotionLabel { Path = paths[random.Next(paths.Length)], Intensity = random.Next(11) }).ToArray();
        var client = Guid.NewGuid();
        _plan = new PracticePlan
        {
            Id = Guid.NewGuid(), ClientId = client, Name = "year", StartDate = new DateOnly(2026, 1, 1), TimeZoneId = "Europe/Berlin",
            Assignments = [new(InterventionCatalog.EmotionalLabelingId, new PracticeSchedule { SessionsPerDay = 2 })],
        };
        var start = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.FromHours(1));
        _entries = Enumerable.Range(0, 730).Select(i => (PracticeEntry)new FeelingsCheckInEntry
        {
            Id = Guid.NewGuid(), ClientId = client, PlanId = _plan.Id, InterventionId = InterventionCatalog.EmotionalLabelingId,
            OccurredAt = start.AddHours(12 * i), TaxonomyId = "relationalneuro", Labels = [_labels[2 * i], _labels[(2 * i) + 1]],
        }).ToArray();
    }

    /// <summary>1 460 labels, validated against the wheel.</summary>
    [Benchmark(Baseline = true)]
    public GranularityResult Granularity_Year() => EmotionalGranularity.Measure(_labels, FeelingWheels.RelationalNeuro);

    /// <summary>730 entries, 365 days.</summary>
    [Benchmark]
    public ProgressReport Progress_Year() => PracticeProgress.Compute(_plan, _entries, _clock);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>SQLite store: one durable (synchronous=FULL) transaction per entry vs a 100-entry batch; reading a year.</summary>
[MemoryDiagnoser]
public class SqliteStoreBenchmarks
{
    private string _folder = "";
    private SqlitePracticeStore _store = null!;
    private Guid _client;
    private DateTimeOffset _at = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
    private Guid _readClient;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "rn-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _store = SqlitePracticeStore.Open(Path.Combine(_folder, "bench.db"));
        _client = Guid.NewGuid();
        _store.AddClientAsync(new Client { Id = _client, DisplayName = "bench", TimeZoneId = "UTC", CreatedAt = _at }).GetAwaiter().GetResult();
        _readClient = Guid.NewGuid();
        _store.AddClientAsync(new Client { Id = _readClient, DisplayName = "reader", TimeZoneId = "UTC", CreatedAt = _at }).GetAwaiter().GetResult();
        _store.AddEntriesAsync(Enumerable.Range(0, 730).Select(i => Entry(_readClient, _at.AddHours(12 * i))).ToList()).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>One entry, one transaction.</summary>
    [Benchmark(Baseline = true)]
    public Task AddEntry_OneTransaction() => _store.AddEntryAsync(Entry(_client, _at = _at.AddMinutes(1)));

    /// <summary>100 entries, one transaction.</summary>
    [Benchmark(OperationsPerInvoke = 100)]
    public Task AddEntries_Batch100() =>
        _store.AddEntriesAsync(Enumerable.Range(0, 100).Select(_ => Entry(_client, _at = _at.AddMinutes(1))).ToList());

    /// <summary>A year of one client's check-ins (730 entries), time-ordered.</summary>
    [Benchmark]
    public Task<IReadOnlyList<PracticeEntry>> ListEntries_Year() => _store.ListEntriesAsync(_readClient);

    private static FeelingsCheckInEntry Entry(Guid client, DateTimeOffset at) => new()
    {
        Id = Guid.NewGuid(), ClientId = client, InterventionId = InterventionCatalog.EmotionalLabelingId, OccurredAt = at,
        TaxonomyId = "relationalneuro",
        Labels = [new EmotionLabel { Path = "afraid/overwhelmed/flooded", Intensity = 6, BodyLocation = "chest" }, new EmotionLabel { Path = "calm", Intensity = 3 }],
    };
}
