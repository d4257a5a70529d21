// Usage: KillWriter <database> <client-id> <first-index>
// Writes one entry per transaction for ever (until killed). After each commit it prints "committed <index>" and
// flushes, so the parent knows which entries must survive. Entry ids are derived from the index.
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
while (true)
{
    var entry = new GratitudeEntry
    {
        Id = EntryId(index),
        ClientId = clientId,
        InterventionId = InterventionCatalog.GratitudeId,
        OccurredAt = start.AddMinutes(index),
        Items = ["entry " + index.ToString(CultureInfo.InvariantCulture), new string('x', 2000)],
    };
    await store.AddEntryAsync(entry);
    stdout.WriteLine("committed " + index.ToString(CultureInfo.InvariantCulture));
    stdout.Flush();
    index++;
}

static Guid EntryId(long i)
{
    Span<byte> bytes = stackalloc byte[16];
    BitConverter.TryWriteBytes(bytes, i);
    bytes[15] = 0x4b;
    return new Guid(bytes);
}
