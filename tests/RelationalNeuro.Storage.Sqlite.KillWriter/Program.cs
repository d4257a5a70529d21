// Usage: KillWriter <database> <client-id> <first-index> [<count>]
// Writes batches of BatchSize entries, one transaction per batch, for ever (until killed) or, given a count, until
// count entries are written (then prints "done" and exits; it starts only when "go" arrives on stdin, so two writers
// can be started together, and prints "writing" just before its first transaction). After each commit it prints "committed <index>" for every entry of the batch and
// flushes, so the parent knows which entries must survive; a batch is all there or not at all. Entry ids are derived
// from the index.
using System.Globalization;
using RelationalNeuro.Interventions;
using RelationalNeuro.Storage.Sqlite;

var path = args[0];
var clientId = Guid.Parse(args[1]);
var index = long.Parse(args[2], CultureInfo.InvariantCulture);
long? count = args.Length > 3 ? long.Parse(args[3], CultureInfo.InvariantCulture) : null;
var end = index + (count ?? long.MaxValue - index);
var start = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.FromHours(1));
using var store = SqlitePracticeStore.Open(path);

// Warm-up before "ready": the write path's checks and JSON (JIT) run once on an entry that is not stored, so two
// writers released together start writing together.
var sample = Entry(-1);
_ = PracticeValidation.ValidateEntry(sample, null, PracticeStoreOptions.Default);
_ = PracticeJson.Serialize(sample);
var stdout = Console.Out;
Console.WriteLine("ready");
if (count is not null && Console.ReadLine() != "go")
{
    return 2;
}

const int BatchSize = 10;
if (count is not null)
{
    stdout.WriteLine("writing");
    stdout.Flush();
}

while (index < end)
{
    var batch = new List<PracticeEntry>(BatchSize);
    for (var i = 0; i < BatchSize && index + i < end; i++)
    {
        batch.Add(Entry(index + i));
    }

    await store.AddEntriesAsync(batch);
    for (var i = 0; i < batch.Count; i++)
    {
        stdout.WriteLine("committed " + (index + i).ToString(CultureInfo.InvariantCulture));
    }

    stdout.Flush();
    index += batch.Count;
}

stdout.WriteLine("done");
stdout.Flush();
return 0;

GratitudeEntry Entry(long n) => new()
{
    Id = EntryId(n),
    ClientId = clientId,
    InterventionId = InterventionCatalog.GratitudeId,
    OccurredAt = start.AddMinutes(n),
    Items = ["entry " + n.ToString(CultureInfo.InvariantCulture), new string('x', 2000)],
};

static Guid EntryId(long i)
{
    Span<byte> bytes = stackalloc byte[16];
    BitConverter.TryWriteBytes(bytes, i);
    bytes[15] = 0x4b;
    return new Guid(bytes);
}
