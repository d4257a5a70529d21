using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Packaging.Tests;

/// <summary>
/// The packed .nupkg/.snupkg files. `./build.sh test` packs first and passes the folder in
/// RELATIONALNEURO_PACKAGES; run alone, the fixture packs the three libraries itself into a temporary folder.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public string Folder { get; private set; } = "";

    private string? _ownFolder;

    public async ValueTask InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("RELATIONALNEURO_PACKAGES") is { Length: > 0 } given)
        {
            Assert.True(Directory.Exists(given), $"RELATIONALNEURO_PACKAGES={given} does not exist");
            Folder = given;
            return;
        }

        _ownFolder = Directory.CreateTempSubdirectory("rn-packages-").FullName;
        foreach (var project in new[] { "src/RelationalNeuro.Core", "src/RelationalNeuro.Components", "src/RelationalNeuro.Storage.Sqlite" })
        {
            await DotNet.RunAsync(SharedData.RepositoryRoot, null, "pack", project, "-c", "Release", "-o", _ownFolder);
        }

        Folder = _ownFolder;
    }

    public string Package(string id, string extension = ".nupkg")
    {
        var matches = Directory.GetFiles(Folder, $"{id}.*{extension}")
            .Where(f => !f.EndsWith(".symbols.nupkg", StringComparison.Ordinal)
                && Path.GetFileName(f)[(id.Length + 1)..].Length > 0
                && char.IsDigit(Path.GetFileName(f)[id.Length + 1]))
            .ToArray();
        return Assert.Single(matches);
    }

    public string Version(string id)
    {
        var name = Path.GetFileNameWithoutExtension(Package(id));
        return name[(id.Length + 1)..];
    }

    public ValueTask DisposeAsync()
    {
        if (_ownFolder is not null)
        {
            Directory.Delete(_ownFolder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
