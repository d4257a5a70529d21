using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using Microsoft.AspNetCore.Components;
using RelationalNeuro.TestSupport;

namespace RelationalNeuro.Components.Tests.Localization;

/// <summary>
/// The mechanical half of docs/widgets.md "How to add a widget", checked for every public component in the
/// assembly: its folder holds .razor, .razor.cs and .razor.css; it has English (neutral) and German resources with
/// the same keys and no empty value; a gallery page renders it; bUnit tests and a Playwright page test exist for its
/// folder; docs/widgets.md has a section for it. A new widget that skips a step fails here, by name.
/// </summary>
public sealed class WidgetConventionsTests
{
    private static readonly Assembly Components = typeof(Components.HrvGauge).Assembly;

    private static string Root => SharedData.RepositoryRoot;

    public static TheoryData<string> Widgets()
    {
        var data = new TheoryData<string>();
        foreach (var type in Components.GetExportedTypes()
            .Where(t => t.IsSubclassOf(typeof(ComponentBase)) && !t.IsAbstract && !t.Name.StartsWith('_'))
            .OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            data.Add(type.Name);
        }

        return data;
    }

    [Fact]
    public void Widgets_AreTheShippedOnes()
    {
        // Guards the reflection above: if it found nothing, every theory below would pass vacuously.
        Assert.Equal(["AttachmentQuadrant", "BiomarkerCurve", "ChangeChart", "FeelingsWheel", "HeartRateStrap", "HrvGauge", "HrvOverDays", "LiveHrvGauge", "PauseTimer", "PoincarePlot", "PowerSpectrumChart", "QuestionnaireForm", "SynchronyMap", "SynchronyMeter", "Tachogram"], Widgets().Select(row => (string)row.Data));
    }

    [Theory]
    [MemberData(nameof(Widgets))]
    public void Widget_HasMarkupCodeAndScopedCss_InItsFolder(string widget)
    {
        var folder = Folder(widget);
        foreach (var extension in new[] { ".razor", ".razor.cs", ".razor.css", ".resx", ".de.resx" })
        {
            Assert.True(File.Exists(Path.Combine(folder, widget + extension)), $"{widget}{extension} is missing in {folder}");
        }
    }

    [Theory]
    [MemberData(nameof(Widgets))]
    public void Widget_GermanResources_HaveExactlyTheEnglishKeys(string widget)
    {
        var resources = new ResourceManager("RelationalNeuro.Components.Resources." + widget, Components);
        var english = Entries(resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false), widget, "neutral");
        var german = Entries(resources.GetResourceSet(new CultureInfo("de"), createIfNotExists: true, tryParents: false), widget, "de");

        Assert.NotEmpty(english);
        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), german.Keys.Order(StringComparer.Ordinal));
        Assert.All(german, entry => Assert.False(string.IsNullOrWhiteSpace(entry.Value), $"{widget}.de.resx: '{entry.Key}' is empty"));
        foreach (var (key, value) in english)
        {
            // A placeholder the German text drops or adds would lose or break a value at run time.
            Assert.Equal(Placeholders(value), Placeholders(german[key]));
        }
    }

    [Theory]
    [MemberData(nameof(Widgets))]
    public void Widget_IsShownOnAGalleryPage(string widget)
    {
        var pages = Directory.GetFiles(Path.Combine(Root, "samples", "RelationalNeuro.Gallery", "Components", "Pages", "Widgets"), "*.razor")
            .Concat(Directory.GetFiles(Path.Combine(Root, "samples", "RelationalNeuro.Gallery.Client", "Pages"), "*.razor"));
        Assert.Contains(pages, page => File.ReadAllText(page).Contains("<" + widget + " ", StringComparison.Ordinal)
            || File.ReadAllText(page).Contains("<" + widget + "\n", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Widgets))]
    public void Widget_HasBunitTestsAndAPlaywrightPageTest(string widget)
    {
        var folder = Path.GetFileName(Folder(widget));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(Root, "tests", "RelationalNeuro.Components.Tests", folder), "*Tests.cs"));
        Assert.True(File.Exists(Path.Combine(Root, "tests", "RelationalNeuro.Gallery.Tests", folder + "PageTests.cs")),
            $"tests/RelationalNeuro.Gallery.Tests/{folder}PageTests.cs is missing");
    }

    [Theory]
    [MemberData(nameof(Widgets))]
    public void Widget_HasASectionInTheWidgetsDoc(string widget)
    {
        // Charts (Charts/<Chart>/) have their sections in docs/charts.md, every other widget in docs/widgets.md.
        var doc = Folder(widget).Contains(Path.DirectorySeparatorChar + "Charts" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? "charts.md" : "widgets.md";
        var headings = File.ReadLines(Path.Combine(Root, "docs", doc)).Where(line => line.StartsWith('#'));
        Assert.Contains(headings, heading => heading.Contains(widget, StringComparison.Ordinal));
    }

    [Fact]
    public void Widget_InAHostWithoutLocalizationServices_StillSpeaksTheUiCulture()
    {
        // The host did not call AddRelationalNeuroComponents (nor AddLocalization): the widget reads its resources itself.
        using var context = new BunitContext();
        using var culture = new UiCulture("de-DE");
        var cut = context.Render<Components.HrvGauge>(p => p.Add(g => g.Value, null));
        Assert.Equal("Noch kein Messwert", cut.Find("[role=meter]").GetAttribute("aria-valuetext"));
    }

    private static string Folder(string widget)
    {
        var source = Path.Combine(Root, "src", "RelationalNeuro.Components");
        var markup = Directory.GetFiles(source, widget + ".razor", SearchOption.AllDirectories);
        return Path.GetDirectoryName(Assert.Single(markup))!;
    }

    private static Dictionary<string, string> Entries(ResourceSet? set, string widget, string culture)
    {
        Assert.True(set is not null, $"{widget} has no {culture} resources");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }

    private static string[] Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];
}
