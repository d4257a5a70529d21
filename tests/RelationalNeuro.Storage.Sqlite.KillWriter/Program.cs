// Usage: KillWriter <database> <client-id> <first-index>
// Writes batches of BatchSize entries, one transaction per batch, for ever (until killed). After each commit it
// prints "committed <index>" for every entry of the batch and flushes, so the parent knows which entries must
// survive; a batch is all there or not at all. Entry ids are derived from the index.
using System.Globalization;
using RelationalNeuro.Interventions;
using RelationalNeuro.Storage.Sqlite;

var path = args[0];
var clientId = Guid.Parse(args[1]);
var index = long.Parse(args[2], CultureInfo.InvariantCulture);
using var store = SqlitePracticeStore.Open(path);
var stdout = Console.Out;
Console.WriteLine("ready");
var start = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.FromHours(1));
const int BatchSize = 10;
while (true)
{
    var batch = new List<PracticeEntry>(BatchSize);
    for (var i = 0; i < BatchSize; i++)
    {
        var n = index + i;
        batch.Add(new GratitudeEntry
        {
            Id = EntryId(n),
            ClientId = clientId,
            InterventionId = InterventionCatalog.GratitudeId,
            OccurredAt = start.AddMinutes(n),
            Items = ["entry " + n.ToString(CultureInfo.InvariantCulture), new string('x', 2000)],
        });
    }

    await store.AddEntriesAsync(batch);
    for (var i = 0; i < BatchSize; i++)
    {
        stdout.WriteLine("committed " + (index + i).ToString(CultureInfo.InvariantCulture));
    }

    stdout.Flush();
    index += BatchSize;
}

static Guid EntryId(long i)
{
    Span<byte> bytes = stackalloc byte[16];
    BitConverter.TryWriteBytes(bytes, i);
    bytes[15] = 0x4b;
    return new Guid(bytes);
}
