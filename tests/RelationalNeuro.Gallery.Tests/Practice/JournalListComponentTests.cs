using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using RelationalNeuro.Gallery.Components.Practice;
using RelationalNeuro.Interventions;

namespace RelationalNeuro.Gallery.Tests.Practice;

/// <summary>
/// bUnit tests of the journal on a client's page: a long-term client's years of entries are shown a page of 200 at a
/// time, newest first, with a link to the next 200 that works with or without interactivity, and a status saying how
/// many of how many are shown.
/// </summary>
public sealed class JournalListComponentTests : BunitContext
{
    private static readonly Guid ClientId = Guid.NewGuid();

    public JournalListComponentTests() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    // Entries "thing 0" (oldest) to "thing count-1" (newest), oldest first as the store lists them; every third one
    // from `microMomentsFrom` on is a micro-moment instead of a gratitude entry.
    private static List<PracticeEntry> Entries(int count, int microMomentsFrom = int.MaxValue)
    {
        var first = new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.FromHours(1));
        return Enumerable.Range(0, count).Select(i =>
        {
            var text = "thing " + i.ToString(CultureInfo.InvariantCulture);
            return i >= microMomentsFrom && i % 3 == 0
                ? (PracticeEntry)new MicroMomentEntry
                {
                    Id = Guid.NewGuid(), ClientId = ClientId, InterventionId = InterventionCatalog.MicroMomentsId,
                    OccurredAt = first.AddHours(3 * i), Description = text,
                }
                : new GratitudeEntry
                {
                    Id = Guid.NewGuid(), ClientId = ClientId, InterventionId = InterventionCatalog.GratitudeId,
                    OccurredAt = first.AddHours(3 * i), Items = [text],
                };
        }).ToList();
    }

    private IRenderedComponent<JournalList> RenderJournal(IReadOnlyList<PracticeEntry> entries, int pages = 1) =>
        Render<JournalList>(p => p.Add(c => c.Entries, entries).Add(c => c.Pages, pages));

    private static string Anchor(PracticeEntry e) => "entry-" + e.Id.ToString("D");

    [Fact]
    public void Render_450Entries_ShowsTheNewest200NewestFirst_AStatus_AndALinkToTheNext200()
    {
        var entries = Entries(450);

        var cut = RenderJournal(entries);

        var shown = cut.FindAll(".journal__entry");
        Assert.Equal(200, shown.Count);
        Assert.Contains("thing 449", shown[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("thing 250", shown[199].TextContent, StringComparison.Ordinal);
        Assert.Equal("450 entries; showing the newest 200.", cut.Find("#journal-count").TextContent);
        Assert.Equal("polite", cut.Find("#journal-count").GetAttribute("aria-live"));
        var older = cut.Find("a#journal-older");
        Assert.Equal("Show 200 older entries", older.TextContent);
        // A plain link (bUnit's address is http://localhost/): under static rendering the server shows page 2, and the
        // browser scrolls to its first entry, "thing 249".
        Assert.Equal("http://localhost/?journal=2#" + Anchor(entries[249]), older.GetAttribute("href"));
        Assert.Empty(cut.FindAll("[tabindex]")); // nothing to land on before a second page is asked for
    }

    [Fact]
    public void Render_SecondPage_ShowsTheNewest400_AndTheFirstNewEntryIsTheLinksTarget()
    {
        var entries = Entries(450);

        var cut = RenderJournal(entries, pages: 2);

        var shown = cut.FindAll(".journal__entry");
        Assert.Equal(400, shown.Count);
        Assert.Equal("450 entries; showing the newest 400.", cut.Find("#journal-count").TextContent);
        Assert.Equal(Anchor(entries[249]), shown[200].Id);
        Assert.Equal("-1", shown[200].GetAttribute("tabindex"));
        Assert.Equal("Show 50 older entries", cut.Find("#journal-older").TextContent);
        Assert.EndsWith("?journal=3#" + Anchor(entries[49]), cut.Find("#journal-older").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LastPage_ShowsEveryEntry_WithoutTheLink()
    {
        var cut = RenderJournal(Entries(450), pages: 3);

        Assert.Equal(450, cut.FindAll(".journal__entry").Count);
        Assert.Equal("450 entries.", cut.Find("#journal-count").TextContent);
        Assert.Empty(cut.FindAll("#journal-older"));
    }

    [Fact]
    public void Render_FewerThan200Entries_ShowsThemAll_WithoutTheLink()
    {
        var cut = RenderJournal(Entries(3));

        Assert.Equal(3, cut.FindAll(".journal__entry").Count);
        Assert.Equal("3 entries.", cut.Find("#journal-count").TextContent);
        Assert.Empty(cut.FindAll("#journal-older"));
    }

    [Fact]
    public void Pages_GrowingWhileInteractive_MovesTheFocusToTheFirstNewlyShownEntry()
    {
        var entries = Entries(450);
        var cut = RenderJournal(entries);
        Assert.Empty(JSInterop.Invocations); // the first render leaves the focus where it is

        cut.Render(p => p.Add(c => c.Pages, 2)); // what following the link does interactively (the query changes)

        var focused = JSInterop.VerifyFocusAsyncInvoke().Arguments[0];
        var target = cut.Find("#" + Anchor(entries[249]));
        Assert.Equal(((ElementReference)focused!).Id, target.GetAttribute("blazor:elementReference"));
    }

    [Fact]
    public void Render_FilteredToOneKind_PagesTheMatches_AndSaysSo()
    {
        // 450 entries; from entry 150 on every third is a micro-moment (150, 153, …, 447: 100), so 350 gratitude entries.
        var cut = RenderJournal(Entries(450, microMomentsFrom: 150));

        cut.Find("#filter-kind").Change(JournalKinds.Gratitude);

        Assert.Equal("350 of 450 entries match; showing the newest 200.", cut.Find("#journal-count").TextContent);
        Assert.Equal(200, cut.FindAll(".journal__entry").Count);
        Assert.Equal("Show 150 older entries", cut.Find("#journal-older").TextContent);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("", 1)]
    [InlineData("abc", 1)]
    [InlineData("0", 1)]
    [InlineData("-2", 1)]
    [InlineData("2.5", 1)]
    [InlineData("3", 3)]
    [InlineData("99999999999", 1)] // not an int: the first page, not an error page
    public void PagesFrom_QueryValue_IsAWholeNumberOfAtLeastOne(string? query, int expected) =>
        Assert.Equal(expected, JournalList.PagesFrom(query));
}
