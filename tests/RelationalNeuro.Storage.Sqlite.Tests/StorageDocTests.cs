using RelationalNeuro.Interventions;
using RelationalNeuro.Tests.Docs;

namespace RelationalNeuro.Storage.Sqlite.Tests;

public sealed class StorageDocTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task StorageDoc_ExportImportExample_CompilesRunsAndIsInTheDoc()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = _temp.File("practice.db");
        var exportPath = _temp.File("sam.json");
        var otherPath = _temp.File("other.db");

        // doc:storage
        using var store = SqlitePracticeStore.Open(path); // creates or migrates the file
        var client = new Client { Id = Guid.NewGuid(), DisplayName = "Sam", TimeZoneId = "Europe/Berlin", CreatedAt = DateTimeOffset.UtcNow };
        await store.AddClientAsync(client, ct);
        await store.AddMeasurementAsync(new Measurement
        {
            Id = Guid.NewGuid(), ClientId = client.Id, MeasuredAt = DateTimeOffset.UtcNow,
            Metric = "hrv.rmssd", Value = 38.5, Unit = "ms",
        }, ct);

        // Export everything about Sam, and import it into another store.
        var record = await store.ExportClientAsync(client.Id, ct);
        using (var file = File.Create(exportPath))
        {
            PracticeJson.WriteClientRecord(record, file);
        }

        using var other = SqlitePracticeStore.Open(otherPath);
        using (var file = File.OpenRead(exportPath))
        {
            await other.ImportClientAsync(PracticeJson.ReadClientRecord(file), ct); // atomic: all or nothing
        }
        // end-doc:storage

        Assert.Single(await other.ListMeasurementsAsync(client.Id, ct));
        DocExample.AssertDocContains("docs/storage.md", "storage");
    }
}
