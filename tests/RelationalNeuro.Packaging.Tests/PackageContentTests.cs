using System.IO.Compression;
using System.Xml.Linq;
using RelationalNeuro.TestSupport;

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
    [InlineData("RelationalNeuro.Storage.Sqlite")]
    public void Package_HasDllXmlDocsReadmeAndSymbolsPackage(string id)
    {
        var entries = Entries(packages.Package(id));
        Assert.Contains($"lib/net10.0/{id}.dll", entries);
        Assert.Contains($"lib/net10.0/{id}.xml", entries);
        Assert.Contains("PACKAGE.md", entries);
        Assert.DoesNotContain("README.md", entries);

        var symbols = Entries(packages.Package(id, ".snupkg"));
        Assert.Contains($"lib/net10.0/{id}.pdb", symbols);
    }

    [Theory]
    [InlineData("RelationalNeuro.Core")]
    [InlineData("RelationalNeuro.Components")]
    [InlineData("RelationalNeuro.Storage.Sqlite")]
    public void Nuspec_HasDescriptionLicenceReadmeRepositoryAndTags(string id)
    {
        var nuspec = Nuspec(packages.Package(id));
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value));
        Assert.Equal("MIT", metadata.Element(ns + "license")?.Value);
        Assert.Equal("PACKAGE.md", metadata.Element(ns + "readme")?.Value);
        Assert.StartsWith("https://github.com/", metadata.Element(ns + "repository")?.Attribute("url")?.Value, StringComparison.Ordinal);
        Assert.Contains("hrv", metadata.Element(ns + "tags")?.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RelationalNeuro.Core")]
    [InlineData("RelationalNeuro.Components")]
    [InlineData("RelationalNeuro.Storage.Sqlite")]
    public void PackageReadme_IsTheProjectsOwnPackageMd_LinkingToTheDocs(string id)
    {
        using var zip = ZipFile.OpenRead(packages.Package(id));
        using var reader = new StreamReader(zip.GetEntry("PACKAGE.md")!.Open());
        var packed = reader.ReadToEnd();
        Assert.Equal(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "src", id, "PACKAGE.md")), packed);
        Assert.StartsWith($"# {id}\n", packed, StringComparison.Ordinal);
        Assert.Contains("## Use it", packed, StringComparison.Ordinal);
        Assert.Contains("https://github.com/relationalneuro/RelationalNeuro/blob/main/docs/", packed, StringComparison.Ordinal);
    }

    [Fact]
    public void ComponentsPackage_ClaimsOnlyWidgetsThatExist()
    {
        // Every widget or chart the description and the readme name is a public component in the package's assembly
        // (read from the .nupkg's own DLL); the practice journal of the gallery issue is not a widget yet.
        var nuspec = Nuspec(packages.Package("RelationalNeuro.Components"));
        var ns = nuspec.Root!.Name.Namespace;
        var description = nuspec.Root.Element(ns + "metadata")!.Element(ns + "description")!.Value;
        using var zip = ZipFile.OpenRead(packages.Package("RelationalNeuro.Components"));
        using var reader = new StreamReader(zip.GetEntry("PACKAGE.md")!.Open());
        var types = PublicTypeNames(zip.GetEntry("lib/net10.0/RelationalNeuro.Components.dll")!);
        (string Phrase, string Type)[] claims =
        [
            ("feelings wheel", "FeelingsWheel"), ("HRV gauge", "HrvGauge"), ("live HRV gauge", "LiveHrvGauge"),
            ("questionnaire form", "QuestionnaireForm"), ("tachogram", "Tachogram"), ("Poincaré plot", "PoincarePlot"),
            ("power spectrum", "PowerSpectrumChart"), ("HRV over days", "HrvOverDays"), ("biomarker curve", "BiomarkerCurve"),
            ("attachment quadrant", "AttachmentQuadrant"), ("change chart", "ChangeChart"),
        ];
        foreach (var text in new[] { description, reader.ReadToEnd() })
        {
            Assert.DoesNotContain("journal", text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("feelings wheel", text, StringComparison.Ordinal);
            Assert.Contains("HRV gauge", text, StringComparison.Ordinal);
            foreach (var (phrase, type) in claims.Where(c => text.Contains(c.Phrase, StringComparison.OrdinalIgnoreCase)))
            {
                Assert.True(types.Contains(type), $"the package text names '{phrase}' but the assembly has no public {type}");
            }
        }
    }

    private static HashSet<string> PublicTypeNames(ZipArchiveEntry dll)
    {
        using var buffer = new MemoryStream();
        using (var stream = dll.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var pe = new System.Reflection.PortableExecutable.PEReader(buffer);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        return metadata.TypeDefinitions
            .Select(metadata.GetTypeDefinition)
            .Where(t => (t.Attributes & System.Reflection.TypeAttributes.VisibilityMask) == System.Reflection.TypeAttributes.Public)
            .Select(t => metadata.GetString(t.Name))
            .ToHashSet(StringComparer.Ordinal);
    }

    [Fact]
    public void ComponentsPackage_CarriesTheGermanSatelliteAssembly()
    {
        Assert.Contains("lib/net10.0/de/RelationalNeuro.Components.resources.dll", Entries(packages.Package("RelationalNeuro.Components")));
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
