using System.IO.Compression;
using System.Xml.Linq;

namespace RelationalNeuro.Packaging.Tests;

public sealed class PackageContentTests(PackageFixture packages) : IClassFixture<PackageFixture>
{
    private static string[] Entries(string nupkg)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        return zip.Entries.Select(e => e.FullName).ToArray();
    }

    private static XDocument Nuspec(string nupkg)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        var entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    [Theory]
    [InlineData("RelationalNeuro.Core")]
    [InlineData("RelationalNeuro.Components")]
    public void Package_HasDllXmlDocsReadmeAndSymbolsPackage(string id)
    {
        var entries = Entries(packages.Package(id));
        Assert.Contains($"lib/net10.0/{id}.dll", entries);
        Assert.Contains($"lib/net10.0/{id}.xml", entries);
        Assert.Contains("README.md", entries);

        var symbols = Entries(packages.Package(id, ".snupkg"));
        Assert.Contains($"lib/net10.0/{id}.pdb", symbols);
    }

    [Theory]
    [InlineData("RelationalNeuro.Core")]
    [InlineData("RelationalNeuro.Components")]
    public void Nuspec_HasDescriptionLicenceReadmeRepositoryAndTags(string id)
    {
        var nuspec = Nuspec(packages.Package(id));
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value));
        Assert.Equal("MIT", metadata.Element(ns + "license")?.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
        Assert.StartsWith("https://github.com/", metadata.Element(ns + "repository")?.Attribute("url")?.Value, StringComparison.Ordinal);
        Assert.Contains("hrv", metadata.Element(ns + "tags")?.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void ComponentsPackage_CarriesStaticWebAssets_UnderTheContentBasePath()
    {
        var nupkg = packages.Package("RelationalNeuro.Components");
        var entries = Entries(nupkg);
        Assert.Contains("staticwebassets/relationalneuro.css", entries);

        using var zip = ZipFile.OpenRead(nupkg);
        var props = zip.Entries.Single(e => e.FullName == "build/Microsoft.AspNetCore.StaticWebAssets.props");
        using var reader = new StreamReader(props.Open());
        var text = reader.ReadToEnd();
        Assert.Contains("<BasePath>_content/RelationalNeuro.Components</BasePath>", text, StringComparison.Ordinal);
        Assert.Contains("relationalneuro.css", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ComponentsPackage_DependsOnCoreOfTheSameVersion()
    {
        var nuspec = Nuspec(packages.Package("RelationalNeuro.Components"));
        var ns = nuspec.Root!.Name.Namespace;
        var core = nuspec.Descendants(ns + "dependency").Single(d => d.Attribute("id")?.Value == "RelationalNeuro.Core");
        Assert.Equal(packages.Version("RelationalNeuro.Core"), core.Attribute("version")?.Value);
    }
}
