using Microsoft.Extensions.DependencyInjection;
using RelationalNeuro.Interventions;
using RelationalNeuro.Storage.Sqlite;

namespace RelationalNeuro.Gallery.Tests;

[Collection(nameof(GalleryCollection))]
public sealed class PracticeStoreTests(GalleryFixture gallery)
{
    [Fact]
    public async Task Gallery_UsesTheEmbeddedSqliteStore_AtTheConfiguredPath()
    {
        // The pages' IPracticeStore opens the SQLite store at its first call (OpenedOnUsePracticeStore); both are one file.
        var store = Assert.IsType<OpenedOnUsePracticeStore>(gallery.Services.GetRequiredService<IPracticeStore>());
        var sqlite = gallery.Services.GetRequiredService<SqlitePracticeStore>();
        Assert.Equal(gallery.PracticeStorePath, sqlite.FilePath);
        var client = new Client { Id = Guid.NewGuid(), DisplayName = "Test client", TimeZoneId = "Europe/Berlin", CreatedAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero) };
        await store.AddClientAsync(client, TestContext.Current.CancellationToken);
        Assert.True(File.Exists(gallery.PracticeStorePath));
        Assert.Equal("Test client", (await sqlite.GetClientAsync(client.Id, TestContext.Current.CancellationToken))?.DisplayName);
    }
}
